#include "analyzer/baseline.h"

#include <algorithm>

#include "analyzer/json_writer.h"
#include "analyzer/loader.h"

namespace halint {

Fingerprint FingerprintOf(const Finding& f) {
  return {f.rule_id, f.file, f.resource, f.property_path};
}

bool Baselinable(const Finding& f) {
  if (f.rule_id.starts_with("HLT")) return false;
  return !f.suppression || f.suppression->justification == kBaselineReason;
}

std::string BaselineJson(const std::vector<const Finding*>& findings) {
  std::vector<Fingerprint> prints;
  for (const Finding* f : findings) {
    if (Baselinable(*f)) prints.push_back(FingerprintOf(*f));
  }
  std::sort(prints.begin(), prints.end());
  JsonWriter w;
  w.BeginObject().Field("version", 1).Key("findings").BeginArray();
  for (const auto& [rule, file, resource, path] : prints) {
    w.BeginObject()
        .Field("rule", rule)
        .Field("file", file)
        .Field("resource", resource)
        .Field("propertyPath", path)
        .EndObject();
  }
  w.EndArray().EndObject();
  return w.Take() + "\n";
}

std::string Baseline::Load(const std::string& path) {
  std::string error;
  SourceFilePtr source = ReadSourceFile(path, ParseLimits(), error);
  if (!source) return path + ": " + error;
  return Parse(path, source->text);
}

std::string Baseline::Parse(const std::string& path, std::string_view text) {
  ParseResult parsed = ParseDocument(text, ParseLimits());
  auto at = [&](SourcePos pos, const std::string& message) {
    return path + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": " +
           message;
  };
  if (!parsed.ok()) return at(parsed.error_pos, parsed.error);
  const Node* list = parsed.root.is_map() ? parsed.root.Find("findings") : nullptr;
  if (list == nullptr || !list->is_sequence()) {
    return at(parsed.root.pos(), "not a halint baseline: expected {\"findings\": [...]}");
  }
  for (const Node& entry : list->items()) {
    std::string fields[4];
    const char* names[4] = {"rule", "file", "resource", "propertyPath"};
    for (int i = 0; i < 4; ++i) {
      const Node* v = entry.is_map() ? entry.Find(names[i]) : nullptr;
      if (v == nullptr || !v->is_string()) {
        return at(entry.pos(), std::string("baseline entry needs a string \"") + names[i] + "\"");
      }
      fields[i] = v->text();
    }
    ++remaining_[{fields[0], fields[1], fields[2], fields[3]}];
    ++size_;
  }
  return "";
}

void Baseline::Apply(Finding& f) {
  if (f.suppression || !Baselinable(f)) return;
  auto it = remaining_.find(FingerprintOf(f));
  if (it == remaining_.end() || it->second == 0) return;
  --it->second;
  f.suppression = Suppression{Suppression::Kind::kExternal, std::string(kBaselineReason)};
}

size_t Baseline::Stale() const {
  size_t n = 0;
  for (const auto& [print, count] : remaining_) n += count;
  return n;
}

}  // namespace halint
