// What a rule is: metadata written once, and a const check over the model.
//
// A rule reads only the model (analyzer/model/model.h) and reports through RuleContext.
// It does no parsing, no I/O and no matching on resource names. Rules are registered in
// rules/registry.cc, one explicit list sorted by ID.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/finding.h"
#include "analyzer/model/model.h"
#include "analyzer/model/property_names.h"

namespace halint {

struct RuleInfo {
  std::string_view id;     // "HA002"; never reused
  std::string_view slug;   // "nat-per-az"
  std::string_view title;  // under 70 characters
  Severity severity = Severity::kError;
  bool enabled_by_default = true;
  std::string_view rationale;    // the outage or breach it prevents
  std::string_view remediation;  // the CloudFormation and Terraform properties to set
  // Short CloudFormation snippets shown by --explain: what the rule reports, and the fix.
  std::string_view bad_example;
  std::string_view good_example;
  std::vector<std::string_view> tags;
};

// Options some rules take, from the configuration file's `rules:` key.
struct RuleOptions {
  // TAG001: resource type ("AWS::EC2::VPC") -> the RE2 pattern its Name tag must match.
  std::map<std::string, std::string> tag_patterns;
};

// Where a rule's documentation lives: docs/rules/<ID>.md in the repository.
std::string RuleHelpUri(std::string_view id);

// Collects a rule's findings for one template.
class RuleContext {
 public:
  RuleContext(const Model& model, const RuleInfo& info, Severity severity,
              const RuleOptions* options = nullptr)
      : model_(model), info_(info), severity_(severity), options_(options) {}

  // The configured rule options (empty when none were given).
  const RuleOptions& options() const;

  // Reports a finding on resource `on` at `pos` (the offending property; pass on.pos when
  // there is none). `property_path` ("Properties.MultiAZ") identifies the property for
  // baselines; "" when the finding is about the resource as a whole.
  void Report(const Resource& on, SourcePos pos, std::string property_path, std::string message,
              std::vector<RelatedLocation> related = {});
  // Like Report, with an explicit severity (e.g. a note for a tolerated pattern).
  void ReportWithSeverity(Severity severity, const Resource& on, SourcePos pos,
                          std::string property_path, std::string message,
                          std::vector<RelatedLocation> related = {});

  // A related location pointing at resource `r`.
  RelatedLocation Related(const Resource& r, std::string message) const;

  std::vector<Finding>& findings() { return findings_; }

 private:
  const Model& model_;
  const RuleInfo& info_;
  Severity severity_;
  const RuleOptions* options_;
  std::vector<Finding> findings_;
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleInfo& info() const = 0;
  // Must not throw for any model; if it does, the engine reports HLT002 and goes on.
  virtual void Check(const Model& model, RuleContext& ctx) const = 0;
};

// Quotes a resource for messages: 'AppNat'.
std::string Quote(std::string_view id);
// The position of `v` when it is written, else `fallback` (the resource).
SourcePos PosOr(const Value& v, SourcePos fallback);
// The position of the property `key` (its CloudFormation name, see PropName) of resource
// `r`, else the resource.
SourcePos PropertyPos(const Resource& r, std::string_view key);

}  // namespace halint
