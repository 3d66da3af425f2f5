// SARIF 2.1.0 (docs/sarif.md), shaped for GitHub code scanning: one run whose driver
// describes every rule that ran plus halint's own diagnostics (so every result has a
// ruleIndex), results with %SRCROOT%-relative URIs, logical locations (the resource),
// related locations and a line-free partial fingerprint. Deterministic bytes.
#pragma once

#include <string>
#include <string_view>

#include "analyzer/report/reporter.h"

namespace halint {

class SarifReporter : public Reporter {
 public:
  explicit SarifReporter(const ReporterOptions& options) : options_(options) {}
  void Write(const Report& report, std::ostream& out) const override;

 private:
  ReporterOptions options_;
};

// How a file path is written in SARIF: `uri` relative to %SRCROOT% (the current directory)
// with `base` "%SRCROOT%", or an absolute file:// URI with an empty `base` when the path is
// outside the current directory.
struct SarifUri {
  std::string uri;
  std::string base;
};
SarifUri SarifFileUri(std::string_view path);

// partialFingerprints["halintFingerprint/v1"]: 16 hex digits of a hash of the rule ID, the
// file's URI, the resource and the property path. No line numbers: moving a finding keeps it.
std::string SarifFingerprint(const Finding& f);

// GitHub's security-severity for a rule ("8.0"), or "" when the rule is not security-tagged.
std::string_view SecuritySeverity(const RuleInfo& rule);

}  // namespace halint
