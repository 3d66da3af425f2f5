#include "rules/tag/tag001_name_convention.h"

#include <re2/re2.h>

#include <memory>

namespace halint {

const RuleInfo& Tag001NameConvention::info() const {
  static const RuleInfo kInfo{
      .id = "TAG001",
      .slug = "name-convention",
      .title = "Name tags follow the naming convention configured per resource type",
      .severity = Severity::kWarning,
      .enabled_by_default = false,
      .rationale =
          "Operators find, page on and clean up resources by name. A resource whose Name tag "
          "breaks the team's convention (environment prefix, owner, tier) is missed during "
          "an incident, left out of cost reports, or deleted by a cleanup job meant for "
          "another environment.",
      .remediation =
          "Give the resource a Name tag matching the pattern configured for its type in "
          ".halint.yaml (rules: {TAG001: {patterns: {TYPE: RE2}}}). CloudFormation: Tags: "
          "[{Key: Name, Value: prod-web}]. Terraform: tags = { Name = \"prod-web\" }. Enable "
          "the rule with enable: [TAG001] or --enable TAG001.",
      .bad_example = R"yaml(# .halint.yaml: rules: {TAG001: {patterns: {"AWS::EC2::VPC": "^prod-"}}}
Vpc:
  Type: AWS::EC2::VPC
  Properties:
    Tags: [{Key: Name, Value: staging-main}])yaml",
      .good_example = R"yaml(Vpc:
  Type: AWS::EC2::VPC
  Properties:
    Tags: [{Key: Name, Value: prod-main}])yaml",
      .tags = {"operations", "tagging"},
  };
  return kInfo;
}

void Tag001NameConvention::Check(const Model& model, RuleContext& ctx) const {
  const std::map<std::string, std::string>& patterns = ctx.options().tag_patterns;
  if (patterns.empty()) return;
  std::map<std::string, std::unique_ptr<RE2>> compiled;  // validated when the config is read
  for (const Resource& r : model.graph->resources) {
    auto p = patterns.find(r.type);
    if (p == patterns.end()) continue;
    std::unique_ptr<RE2>& re = compiled[r.type];
    if (!re) re = std::make_unique<RE2>(p->second, RE2::Quiet);
    if (!re->ok()) continue;
    const Value& tags = r.properties[PropName(r, "Tags")];
    if (!tags.is_known() && !tags.is_absent()) continue;  // unresolved: cannot tell
    const Value* name = nullptr;
    bool unknown = false;
    // Terraform: a map of tag names to values.
    if (const ValueEntry* e = tags.is_map() ? tags.FindEntry("Name") : nullptr) name = &e->value;
    for (const Value& tag : tags.items()) {
      std::optional<std::string> key = tag["Key"].AsString();
      if (!key) unknown |= !tag["Key"].is_known();
      if (key && *key == "Name") name = &tag["Value"];
    }
    if (name == nullptr) {
      if (unknown) continue;
      ctx.Report(r, PropertyPos(r, "Tags"), PropPath(r, "Tags"),
                 Quote(r.id) + " (" + r.type + ") has no Name tag; the convention for " + r.type +
                     " is " + p->second);
      continue;
    }
    std::optional<std::string> value = name->AsString();
    if (!name->is_known() || !value) continue;
    if (RE2::PartialMatch(*value, *re)) continue;  // anchor with ^ and $ as needed
    ctx.Report(r, PosOr(*name, r.pos), PropPath(r, "Tags"),
               Quote(r.id) + " (" + r.type + ") is named '" + *value + "', which does not match " +
                   p->second);
  }
}

}  // namespace halint
