// One-line-per-finding formats for tools that scrape output (docs/editor-integration.md):
//
//   ide:     file:line:col: severity: message [ID]          (the gcc shape)
//   github:  ::error file=F,line=L,col=C,title=ID::message  (GitHub Actions workflow command)
//
// No excerpts, related locations or summary. Messages are kept on one line.
#pragma once

#include <string>
#include <string_view>

#include "analyzer/report/reporter.h"

namespace halint {

// Suppressed findings are left out (with --show-suppressed, kept): an editor or a pull
// request should not flag what the team accepted.
class IdeReporter : public Reporter {
 public:
  explicit IdeReporter(const ReporterOptions& options)
      : show_suppressed_(options.show_suppressed) {}
  void Write(const Report& report, std::ostream& out) const override;

 private:
  bool show_suppressed_;
};

class GithubReporter : public Reporter {
 public:
  explicit GithubReporter(const ReporterOptions& options)
      : show_suppressed_(options.show_suppressed) {}
  void Write(const Report& report, std::ostream& out) const override;

 private:
  bool show_suppressed_;
};

// GitHub's workflow-command escaping: '%', '\r', '\n' in a message; also ':' and ',' in a
// property value.
std::string GithubEscapeData(std::string_view s);
std::string GithubEscapeProperty(std::string_view s);

}  // namespace halint
