// The rule catalog as the command line shows it: `--list-rules` (text table, JSON,
// Markdown) and `--explain ID`. Everything printed comes from RuleInfo, compiled into the
// binary: nothing is read from the source tree at run time.
//
// docs/rules/index.md is generated with
//   build/halint --list-rules --format markdown > docs/rules/index.md
// and a test fails when it is stale.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace halint {

// The formats --list-rules accepts: "text", "json", "markdown".
const std::vector<std::string>& RuleListFormats();

// Writes every registered rule, in ID order, in `format` (one of RuleListFormats()).
void WriteRuleList(std::string_view format, std::ostream& out);

// Writes the explanation of rule `id` and returns ""; or writes nothing and returns the
// error ("unknown rule 'HA02'; did you mean 'HA002'?").
std::string WriteExplanation(std::string_view id, std::ostream& out);

}  // namespace halint
