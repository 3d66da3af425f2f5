#include "analyzer/finding.h"

#include <tuple>

namespace halint {

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kNote:
      return "note";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

bool FindingLess(const Finding& a, const Finding& b) {
  return std::tie(a.file, a.pos, a.rule_id, a.resource, a.message) <
         std::tie(b.file, b.pos, b.rule_id, b.resource, b.message);
}

}  // namespace halint
