// Findings: what rules and halint's own diagnostics (HLT001..HLT003) report.
#pragma once

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

struct Finding {
  std::string rule_id;  // "HA002", or "HLT001" for halint's own diagnostics
  Severity severity = Severity::kError;
  std::string file;
  SourcePos pos;
  std::string resource;       // the resource it is reported on; empty for file-level
  std::string property_path;  // e.g. "Properties.MultiAZ"; empty when on the resource
  std::string message;
  std::vector<RelatedLocation> related;
};

// Total order used for all output: file, line, column, rule ID, resource, message.
bool FindingLess(const Finding& a, const Finding& b);

}  // namespace halint
