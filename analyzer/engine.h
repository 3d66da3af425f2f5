// The rule engine: runs the enabled rules over one template's model and returns findings.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "analyzer/finding.h"
#include "analyzer/graph.h"

namespace halint {

struct EngineOptions {
  // Rule IDs or prefixes ("SEC") to run in addition to / instead of the defaults.
  std::vector<std::string> enable;
  std::vector<std::string> disable;
  std::map<std::string, Severity> severity_overrides;
};

// Runs every enabled rule over `graph`. A rule that throws becomes one HLT002 finding; the
// others still run. Findings are sorted with FindingLess.
std::vector<Finding> RunRules(const ResourceGraph& graph, const EngineOptions& options);

}  // namespace halint
