// Findings: what rules and halint's own diagnostics (HLT001..HLT003) report.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/document.h"

namespace halint {

enum class Severity : uint8_t { kNote, kWarning, kError };

// "note", "warning", "error".
std::string_view SeverityName(Severity s);

struct RelatedLocation {
  std::string file;
  SourcePos pos;
  std::string resource;  // logical ID or Terraform address; may be empty
  std::string message;
};

// Why a finding is suppressed. Suppressed findings are kept (SARIF lists them under
// `suppressions`); they never fail a run, and the text and JSON reports leave them out
// unless --show-suppressed (the text summary counts them).
struct Suppression {
  enum class Kind : uint8_t {
    kInSource,  // the template: resource Metadata or a `# halint:ignore` comment (SARIF inSource)
    kExternal,  // the configuration file's `ignore:` or a baseline (SARIF external)
  };
  Kind kind = Kind::kInSource;
  std::string justification;  // the reason given
};

struct Finding {
  std::string rule_id;  // "HA002", or "HLT001" for halint's own diagnostics
  Severity severity = Severity::kError;
  std::string file;
  SourcePos pos;
  std::string resource;       // the resource it is reported on; empty for file-level
  std::string property_path;  // e.g. "Properties.MultiAZ"; empty when on the resource
  std::string message;
  std::vector<RelatedLocation> related;
  std::optional<Suppression> suppression;  // set when suppressed
};

// Total order used for all output: file, line, column, rule ID, resource, message.
bool FindingLess(const Finding& a, const Finding& b);

}  // namespace halint
