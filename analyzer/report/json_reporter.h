// The machine format (docs/json-format.md): {"version": 1, "files": N, "findings": [...]},
// pretty-printed with a trailing newline; each finding carries rule, level, file, line,
// column, resource (null when file-level), message and related locations.
#pragma once

#include "analyzer/report/reporter.h"

namespace halint {

class JsonReporter : public Reporter {
 public:
  explicit JsonReporter(const ReporterOptions& options) : options_(options) {}
  void Write(const Report& report, std::ostream& out) const override;

 private:
  ReporterOptions options_;
};

}  // namespace halint
