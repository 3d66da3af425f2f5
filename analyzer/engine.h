// The rule engine: runs the enabled rules over one template's model and returns findings.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/finding.h"
#include "analyzer/graph.h"
#include "analyzer/model/model.h"
#include "analyzer/rule.h"

namespace halint {

struct EngineOptions {
  // Rule IDs or ID prefixes ("SEC") to run in addition to the defaults, and to skip.
  // Disabling wins over enabling.
  std::vector<std::string> enable;
  std::vector<std::string> disable;
  std::map<std::string, Severity> severity_overrides;
  RuleOptions rule_options;
};

// "" when every ID and prefix in `options` names at least one rule; otherwise the first
// problem, with a did-you-mean suggestion when one is close (`unknown rule 'HA02'; did you
// mean 'HA002'?`).
std::string ValidateEngineOptions(const EngineOptions& options);

// The registered rule ID closest to `text` (edit distance under 3), or "" when none is.
std::string ClosestRuleId(std::string_view text);

// The candidate closest to `text` (edit distance under 3, the first of equals), or "".
std::string ClosestName(std::string_view text, const std::vector<std::string_view>& candidates);

// Whether the rule with this ID runs under `options`.
bool RuleEnabled(std::string_view id, bool enabled_by_default, const EngineOptions& options);

class Rule;

// Runs every enabled rule of `rules` over `model`. A rule that throws becomes one HLT002
// finding on the file (its other findings are dropped); the others still run. Findings
// are sorted with FindingLess.
std::vector<Finding> RunRules(const Model& model, const EngineOptions& options,
                              const std::vector<const Rule*>& rules);

// The same over every registered rule.
std::vector<Finding> RunRules(const Model& model, const EngineOptions& options);

// Builds the model of `graph` and runs the rules over it.
std::vector<Finding> RunRules(const ResourceGraph& graph, const EngineOptions& options);

// The metadata of the rules that run under `options`, in ID order, each with the severity
// it reports at (after --severity overrides).
std::vector<RuleInfo> EnabledRules(const EngineOptions& options);

}  // namespace halint
