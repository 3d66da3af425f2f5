// Reporters: the checked files and their findings -> one output format (text, json, sarif,
// ide, github). Each format is one Reporter class registered by name in reporter.cc; adding
// a format means writing that class and one table entry.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/finding.h"
#include "analyzer/rule.h"
#include "parsers/document.h"

namespace halint {

struct FileReport {
  SourceFilePtr source;           // for source excerpts; null when the file was unreadable
  std::vector<Finding> findings;  // sorted with FindingLess
  bool failed = false;            // the input could not be read or parsed (HLT001)
};

// Everything one run found: the files checked (templates, and inputs that could not be
// read or parsed), in input order.
struct Report {
  std::vector<FileReport> files;
};

struct ReporterOptions {
  bool color = false;   // ANSI colours (text only); the caller decides from the TTY
  bool summary = true;  // the final "N errors, ..." line (text only)
  // Suppressed findings are left out (the text summary counts them) unless this is set.
  bool show_suppressed = false;
  // The tool version formats embed (SARIF); tests pin it so goldens survive a release.
  std::string tool_version = HALINT_VERSION;
  // The rules that ran, in ID order, with the severity they ran at (SARIF describes them).
  std::vector<RuleInfo> rules;
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  // Writes the whole report; byte-for-byte the same for the same report.
  virtual void Write(const Report& report, std::ostream& out) const = 0;
};

// The registered format names, in the order --help lists them ("text" first: the default).
std::vector<std::string> ReportFormats();

// The reporter for `format`, or null when no such format is registered.
std::unique_ptr<Reporter> MakeReporter(std::string_view format, const ReporterOptions& options);

}  // namespace halint
