// Suppressions: marking findings as accepted, with a reason, without dropping them.
//
// Three forms, see docs/suppressions.md:
//   - CloudFormation resource Metadata: `halint: {ignore: [{id, reason, until}]}`;
//   - a YAML comment `# halint:ignore ID reason` on the finding's line or the line above;
//   - the configuration file's `ignore:` entries (rule ID + resource glob + path glob).
// A suppression with an unknown rule ID, no reason or a past `until` date does not apply
// and is reported as HLT003, as is an in-template suppression that matches no finding.
#pragma once

#include <string_view>
#include <vector>

#include "analyzer/config.h"
#include "analyzer/engine.h"
#include "analyzer/finding.h"
#include "analyzer/graph.h"
#include "parsers/document.h"

namespace halint {

// Sets `suppression` on each finding of `findings` (those of one template: `graph`, read
// from `source`, which may be null) that a suppression matches, and appends HLT003 warnings
// for bad and unused in-template suppressions. `config` may be null; `today` is
// "YYYY-MM-DD". `config_used`, when not null, has one flag per config->ignore entry and is
// set for entries that suppressed something. A suppression of a rule that `engine` does not
// run is not reported as unused. Findings stay sorted with FindingLess.
void ApplySuppressions(const ResourceGraph& graph, const SourceFile* source, const Config* config,
                       const EngineOptions& engine, std::string_view today,
                       std::vector<Finding>& findings, std::vector<bool>* config_used = nullptr);

// HLT003 warnings, on the configuration file, for its `ignore:` entries that are expired or
// were `used` by no checked file (entries of rules `engine` does not run are not "unused").
std::vector<Finding> ConfigIgnoreProblems(const Config& config, const std::vector<bool>& used,
                                          const EngineOptions& engine, std::string_view today);

// Today's date in UTC, "YYYY-MM-DD".
std::string TodayUtc();

}  // namespace halint
