#include "analyzer/report/reporter.h"

#include "analyzer/report/json_reporter.h"
#include "analyzer/report/line_reporters.h"
#include "analyzer/report/sarif_reporter.h"
#include "analyzer/report/text_reporter.h"

namespace halint {
namespace {

template <typename R>
std::unique_ptr<Reporter> Make(const ReporterOptions& options) {
  return std::make_unique<R>(options);
}

struct Format {
  std::string_view name;
  std::unique_ptr<Reporter> (*make)(const ReporterOptions& options);
};
constexpr Format kFormats[] = {
    {"text", Make<TextReporter>}, {"json", Make<JsonReporter>},     {"sarif", Make<SarifReporter>},
    {"ide", Make<IdeReporter>},   {"github", Make<GithubReporter>},
};

}  // namespace

std::vector<std::string> ReportFormats() {
  std::vector<std::string> names;
  for (const Format& f : kFormats) names.emplace_back(f.name);
  return names;
}

std::unique_ptr<Reporter> MakeReporter(std::string_view format, const ReporterOptions& options) {
  for (const Format& f : kFormats) {
    if (f.name == format) return f.make(options);
  }
  return nullptr;
}

}  // namespace halint
