// The human format: one block per finding,
//
//   file:line:col: severity: message [ID]
//   <the source line>
//   <caret under the column>
//       file:line:col: note: message        (one per related location)
//
// blocks separated by a blank line, then "N errors, N warnings, N notes in M files" (or
// "no problems found in M files"). Columns count code points: the caret is padded with one
// space per code point before it, tabs kept as tabs so it lines up in a terminal.
#pragma once

#include "analyzer/report/reporter.h"

namespace halint {

class TextReporter : public Reporter {
 public:
  explicit TextReporter(const ReporterOptions& options) : options_(options) {}
  void Write(const Report& report, std::ostream& out) const override;

 private:
  ReporterOptions options_;
};

}  // namespace halint
