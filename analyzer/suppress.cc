#include "analyzer/suppress.h"

#include <re2/re2.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "analyzer/engine.h"
#include "analyzer/rule.h"
#include "rules/registry.h"

namespace halint {
namespace {

constexpr std::string_view kIgnoreDirective = "halint:ignore";

// One in-template suppression.
struct Directive {
  // kMetadata: CloudFormation Metadata; kResourceComment: a Terraform "//" comment of a
  // resource (both apply to their resource); kComment: a `# halint:ignore` line.
  enum class Form : uint8_t { kMetadata, kResourceComment, kComment };
  Form form = Form::kMetadata;
  std::string id;
  std::string reason;
  std::string until;
  std::string resource;  // kMetadata: the resource it is written on
  SourcePos pos;         // where it is written; kComment: pos.line is the comment's line
  bool used = false;
};

Finding Hlt003(const std::string& file, SourcePos pos, std::string resource, std::string message) {
  Finding f;
  f.rule_id = "HLT003";
  f.severity = Severity::kWarning;
  f.file = file;
  f.pos = pos.known() ? pos : SourcePos{1, 1};
  f.resource = std::move(resource);
  f.message = std::move(message);
  return f;
}

std::string Text(const Value& v) { return v.AsString().value_or(""); }

// Terraform: a `"//"` comment property of the resource, "halint:ignore ID reason" (or a list
// of such strings; other comments are left alone).
void ReadTerraformComments(const Resource& r, std::vector<Directive>& out) {
  static const RE2 kDirective(R"(^\s*halint:ignore(?:\s+(\S+))?(?:\s+(.*\S))?\s*$)");
  const std::vector<Value> single{r.metadata};
  for (const Value& comment : r.metadata.is_list() ? r.metadata.items() : single) {
    std::string text = Text(comment), id, reason;
    if (!RE2::FullMatch(text, kDirective, &id, &reason)) continue;
    Directive d;
    d.form = Directive::Form::kResourceComment;
    d.resource = r.id;
    d.pos = comment.pos().known() ? comment.pos() : r.pos;
    d.id = std::move(id);
    d.reason = std::move(reason);
    out.push_back(std::move(d));
  }
}

void ReadMetadata(const ResourceGraph& graph, std::vector<Directive>& out,
                  std::vector<Finding>& problems) {
  for (const Resource& r : graph.resources) {
    if (graph.dialect != Dialect::kCloudFormation) {
      // A module's other files apply their own suppressions when they are checked.
      if (r.file.empty() || r.file == graph.file) ReadTerraformComments(r, out);
      continue;
    }
    const Value& ignore = r.metadata["halint"]["ignore"];
    if (ignore.is_absent()) continue;
    if (!ignore.is_list()) {
      problems.push_back(Hlt003(
          graph.file, ignore.pos(), r.id,
          "Metadata halint.ignore of " + Quote(r.id) + " must be a list of {id, reason, until}"));
      continue;
    }
    for (const Value& entry : ignore.items()) {
      Directive d;
      d.form = Directive::Form::kMetadata;
      d.resource = r.id;
      d.pos = entry.pos().known() ? entry.pos() : r.pos;
      if (!entry.is_map()) {
        problems.push_back(Hlt003(graph.file, d.pos, r.id,
                                  "a halint.ignore entry must be a map {id, reason, until}"));
        continue;
      }
      d.id = Text(entry["id"]);
      d.reason = Text(entry["reason"]);
      d.until = Text(entry["until"]);
      out.push_back(std::move(d));
    }
  }
}

void ReadComments(const SourceFile& source, std::vector<Directive>& out) {
  static const RE2 kComment(R"((?:^|\s)#\s*halint:ignore(?:\s+(\S+))?(?:\s+(.*\S))?\s*$)");
  uint32_t line_no = 0;
  size_t start = 0;
  const std::string& text = source.text;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    ++line_no;
    std::string_view line(text.data() + start, end - start);
    if (line.find(kIgnoreDirective) != std::string_view::npos) {
      std::string id, reason;
      if (RE2::PartialMatch(line, kComment, &id, &reason)) {
        Directive d;
        d.form = Directive::Form::kComment;
        d.id = id;
        d.reason = reason;
        size_t col = line.find('#');
        d.pos = {line_no, static_cast<uint32_t>(col == std::string_view::npos ? 1 : col + 1)};
        out.push_back(std::move(d));
      }
    }
    if (end == text.size()) break;
    start = end + 1;
  }
}

bool Matches(const Directive& d, const Finding& f) {
  if (f.rule_id != d.id) return false;
  if (d.form != Directive::Form::kComment) return f.resource == d.resource;
  return f.pos.line == d.pos.line || f.pos.line == d.pos.line + 1;
}

// "" when `d` may apply; otherwise why not.
std::string Problem(const Directive& d, std::string_view today) {
  const std::string what =
      d.form == Directive::Form::kMetadata ? "halint.ignore entry" : "halint:ignore comment";
  if (d.id.empty()) return "the " + what + " names no rule ID";
  if (!FindRule(d.id)) {
    std::string msg = "unknown rule '" + d.id + "' in " + what;
    if (std::string best = ClosestRuleId(d.id); !best.empty()) {
      msg += "; did you mean '" + best + "'?";
    }
    return msg;
  }
  if (d.reason.empty()) return "the " + what + " for " + d.id + " needs a reason";
  if (!d.until.empty()) {
    if (!RE2::FullMatch(d.until, R"(\d{4}-\d{2}-\d{2})")) {
      return "the " + what + " for " + d.id + " has 'until: " + d.until + "'; expected YYYY-MM-DD";
    }
    if (d.until < today) return "the " + what + " for " + d.id + " expired on " + d.until;
  }
  return "";
}

}  // namespace

void ApplySuppressions(const ResourceGraph& graph, const SourceFile* source, const Config* config,
                       const EngineOptions& engine, std::string_view today,
                       std::vector<Finding>& findings, std::vector<bool>* config_used) {
  std::vector<Directive> directives;
  std::vector<Finding> problems;
  ReadMetadata(graph, directives, problems);
  if (source != nullptr) ReadComments(*source, directives);

  for (Directive& d : directives) {
    if (std::string problem = Problem(d, today); !problem.empty()) {
      problems.push_back(Hlt003(graph.file, d.pos, d.resource, problem));
      d.used = true;  // reported once, as invalid
      continue;
    }
    for (Finding& f : findings) {
      if (f.suppression || !Matches(d, f)) continue;
      f.suppression = Suppression{Suppression::Kind::kInSource, d.reason};
      d.used = true;
    }
  }
  if (config != nullptr) {
    const std::string relative = RelativeTo(graph.file, config->directory);
    for (size_t i = 0; i < config->ignore.size(); ++i) {
      const ConfigIgnore& ig = config->ignore[i];
      if (!ig.until.empty() && ig.until < today) continue;  // reported once per run
      if (!ig.path.empty() && !GlobMatch(ig.path, relative)) continue;
      for (Finding& f : findings) {
        if (f.suppression || f.rule_id != ig.id) continue;
        if (!ig.resource.empty() && !GlobMatch(ig.resource, f.resource)) continue;
        f.suppression = Suppression{Suppression::Kind::kExternal, ig.reason};
        if (config_used != nullptr) (*config_used)[i] = true;
      }
    }
  }
  for (const Directive& d : directives) {
    if (d.used) continue;
    const RuleInfo& info = FindRule(d.id)->info();  // valid: invalid ones are marked used
    if (!RuleEnabled(info.id, info.enabled_by_default, engine)) continue;
    std::string where = d.form != Directive::Form::kComment ? "on " + Quote(d.resource)
                                                            : "on this line or the next";
    problems.push_back(Hlt003(graph.file, d.pos, d.resource,
                              "unused suppression: no " + d.id + " finding " + where));
  }
  findings.insert(findings.end(), problems.begin(), problems.end());
  std::stable_sort(findings.begin(), findings.end(), FindingLess);
}

std::vector<Finding> ConfigIgnoreProblems(const Config& config, const std::vector<bool>& used,
                                          const EngineOptions& engine, std::string_view today) {
  std::vector<Finding> out;
  for (size_t i = 0; i < config.ignore.size(); ++i) {
    const ConfigIgnore& ig = config.ignore[i];
    if (!ig.until.empty() && ig.until < today) {
      out.push_back(Hlt003(config.file, ig.pos, "",
                           "the ignore entry for " + ig.id + " expired on " + ig.until));
      continue;
    }
    const Rule* rule = FindRule(ig.id);
    if (i < used.size() && used[i]) continue;
    if (rule && !RuleEnabled(ig.id, rule->info().enabled_by_default, engine)) continue;
    out.push_back(
        Hlt003(config.file, ig.pos, "",
               "unused suppression: the ignore entry for " + ig.id + " matched no finding"));
  }
  return out;
}

std::string TodayUtc() {
  using namespace std::chrono;
  year_month_day ymd{floor<days>(system_clock::now())};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace halint
