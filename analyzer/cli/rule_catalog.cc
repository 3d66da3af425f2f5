#include "analyzer/cli/rule_catalog.h"

#include <algorithm>
#include <array>
#include <sstream>

#include "analyzer/engine.h"
#include "analyzer/json_writer.h"
#include "analyzer/rule.h"
#include "rules/registry.h"

namespace halint {
namespace {

constexpr size_t kWrapColumn = 80;

std::string_view EnabledWord(const RuleInfo& info) {
  return info.enabled_by_default ? "yes" : "no";
}

std::string Join(const std::vector<std::string_view>& items, std::string_view sep) {
  std::string out;
  for (std::string_view item : items) {
    if (!out.empty()) out += sep;
    out += item;
  }
  return out;
}

void WriteText(std::ostream& out) {
  const std::array<std::string_view, 5> header = {"ID", "SLUG", "SEVERITY", "DEFAULT", "TITLE"};
  std::vector<std::array<std::string, 5>> rows;
  for (const Rule* r : AllRules()) {
    const RuleInfo& i = r->info();
    rows.push_back({std::string(i.id), std::string(i.slug), std::string(SeverityName(i.severity)),
                    i.enabled_by_default ? "on" : "off", std::string(i.title)});
  }
  std::array<size_t, 5> width{};
  for (size_t c = 0; c < 5; ++c) width[c] = header[c].size();
  for (const auto& row : rows) {
    for (size_t c = 0; c < 5; ++c) width[c] = std::max(width[c], row[c].size());
  }
  auto line = [&](const auto& cells) {
    std::string text;
    for (size_t c = 0; c < 5; ++c) {
      text += cells[c];
      if (c + 1 < 5) text += std::string(width[c] - std::string_view(cells[c]).size() + 2, ' ');
    }
    out << text << '\n';
  };
  line(header);
  for (const auto& row : rows) line(row);
}

void WriteJson(std::ostream& out) {
  JsonWriter w;
  w.BeginObject().Key("rules").BeginArray();
  for (const Rule* r : AllRules()) {
    const RuleInfo& i = r->info();
    w.BeginObject()
        .Field("id", i.id)
        .Field("slug", i.slug)
        .Field("title", i.title)
        .Field("severity", SeverityName(i.severity))
        .Field("enabledByDefault", i.enabled_by_default)
        .Key("tags")
        .BeginArray();
    for (std::string_view tag : i.tags) w.String(tag);
    w.EndArray()
        .Field("rationale", i.rationale)
        .Field("remediation", i.remediation)
        .Field("helpUri", RuleHelpUri(i.id))
        .EndObject();
  }
  w.EndArray().EndObject();
  out << w.str() << '\n';
}

// A Markdown table cell: '|' escaped, no line breaks.
std::string Cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else {
      out += c == '\n' ? ' ' : c;
    }
  }
  return out;
}

void WriteMarkdown(std::ostream& out) {
  out << "# Rule index\n\n"
         "<!-- Generated from the rules' metadata: do not edit. Regenerate with\n"
         "     build/halint --list-rules --format markdown > docs/rules/index.md -->\n\n"
         "Every rule halint has. Rules that are off by default run only when enabled\n"
         "(`--enable ID` or `enable:` in `.halint.yaml`). `halint --explain ID` prints a rule's\n"
         "rationale and remediation.\n\n"
         "| ID | Slug | Severity | Enabled by default | Title | Tags |\n"
         "|----|------|----------|--------------------|-------|------|\n";
  for (const Rule* r : AllRules()) {
    const RuleInfo& i = r->info();
    out << "| [" << i.id << "](" << i.id << ".md) | `" << i.slug << "` | "
        << SeverityName(i.severity) << " | " << EnabledWord(i) << " | " << Cell(i.title) << " | "
        << Cell(Join(i.tags, ", ")) << " |\n";
  }
  out << "\nhalint's own diagnostics: HLT001 an input cannot be parsed or is not a template,\n"
         "HLT002 a rule failed internally, HLT003 bad configuration or suppression.\n";
}

// Writes `text` word-wrapped at kWrapColumn, each line indented by two spaces.
void WriteWrapped(std::string_view text, std::ostream& out) {
  std::istringstream words{std::string(text)};
  std::string word;
  std::string line;
  while (words >> word) {
    if (!line.empty() && 2 + line.size() + 1 + word.size() > kWrapColumn) {
      out << "  " << line << '\n';
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
  }
  if (!line.empty()) out << "  " << line << '\n';
}

// Writes a code example, each line indented by four spaces.
void WriteExample(std::string_view heading, std::string_view text, std::ostream& out) {
  if (text.empty()) return;
  out << '\n' << heading << '\n';
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = std::min(text.find('\n', start), text.size());
    out << "    " << text.substr(start, end - start) << '\n';
    start = end + 1;
  }
}

}  // namespace

const std::vector<std::string>& RuleListFormats() {
  static const std::vector<std::string> kFormats = {"text", "json", "markdown"};
  return kFormats;
}

void WriteRuleList(std::string_view format, std::ostream& out) {
  if (format == "json") {
    WriteJson(out);
  } else if (format == "markdown") {
    WriteMarkdown(out);
  } else {
    WriteText(out);
  }
}

std::string WriteExplanation(std::string_view id, std::ostream& out) {
  const Rule* rule = FindRule(id);
  if (rule == nullptr) {
    std::string msg = "--explain: unknown rule '" + std::string(id) + "'";
    if (std::string best = ClosestRuleId(id); !best.empty()) {
      msg += "; did you mean '" + best + "'?";
    }
    return msg;
  }
  const RuleInfo& i = rule->info();
  out << i.id << ' ' << i.slug << ": " << i.title << "\n\n"
      << "severity: " << SeverityName(i.severity)
      << (i.enabled_by_default
              ? " (on by default)"
              : " (off by default: enable with --enable " + std::string(i.id) + ")")
      << '\n';
  if (!i.tags.empty()) out << "tags: " << Join(i.tags, ", ") << '\n';
  out << "\nwhy it matters:\n";
  WriteWrapped(i.rationale, out);
  out << "\nhow to fix:\n";
  WriteWrapped(i.remediation, out);
  WriteExample("bad example:", i.bad_example, out);
  WriteExample("good example:", i.good_example, out);
  out << "\nmore: " << RuleHelpUri(i.id) << '\n';
  return "";
}

}  // namespace halint
