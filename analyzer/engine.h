// The rule engine: runs the enabled rules over one template's model and returns findings.
#pragma once

#include <map>
#include <string>
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
};

// "" when every ID and prefix in `options` names at least one rule; otherwise the first
// problem, with a did-you-mean suggestion when one is close (`unknown rule 'HA02'; did you
// mean 'HA002'?`).
std::string ValidateEngineOptions(const EngineOptions& options);

// Whether the rule with this ID runs under `options`.
bool RuleEnabled(std::string_view id, bool enabled_by_default, const EngineOptions& options);

// Runs every enabled rule over `model`. A rule that throws becomes one HLT002 finding on
// the file; the others still run. Findings are sorted with FindingLess.
std::vector<Finding> RunRules(const Model& model, const EngineOptions& options);

// Builds the model of `graph` and runs the rules over it.
std::vector<Finding> RunRules(const ResourceGraph& graph, const EngineOptions& options);

// The metadata of the rules that run under `options`, in ID order, each with the severity
// it reports at (after --severity overrides).
std::vector<RuleInfo> EnabledRules(const EngineOptions& options);

}  // namespace halint
