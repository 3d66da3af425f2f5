#include "analyzer/rule.h"

namespace halint {

std::string RuleHelpUri(std::string_view id) {
  return "https://github.com/halint/halint/blob/main/docs/rules/" + std::string(id) + ".md";
}

const RuleOptions& RuleContext::options() const {
  static const RuleOptions kNone;
  return options_ != nullptr ? *options_ : kNone;
}

void RuleContext::Report(const Resource& on, SourcePos pos, std::string property_path,
                         std::string message, std::vector<RelatedLocation> related) {
  ReportWithSeverity(severity_, on, pos, std::move(property_path), std::move(message),
                     std::move(related));
}

void RuleContext::ReportWithSeverity(Severity severity, const Resource& on, SourcePos pos,
                                     std::string property_path, std::string message,
                                     std::vector<RelatedLocation> related) {
  Finding f;
  f.rule_id = std::string(info_.id);
  f.severity = severity;
  f.file = on.file.empty() ? model_.graph->file : on.file;
  f.pos = pos.known() ? pos : on.pos;
  f.resource = on.id;
  f.property_path = std::move(property_path);
  f.message = std::move(message);
  f.related = std::move(related);
  findings_.push_back(std::move(f));
}

RelatedLocation RuleContext::Related(const Resource& r, std::string message) const {
  return RelatedLocation{r.file.empty() ? model_.graph->file : r.file, r.pos, r.id,
                         std::move(message)};
}

std::string Quote(std::string_view id) { return "'" + std::string(id) + "'"; }

SourcePos PosOr(const Value& v, SourcePos fallback) { return v.pos().known() ? v.pos() : fallback; }

SourcePos PropertyPos(const Resource& r, std::string_view key) {
  const ValueEntry* e = r.properties.FindEntry(PropName(r, key));
  return e && e->key_pos.known() ? e->key_pos : r.pos;
}

}  // namespace halint
