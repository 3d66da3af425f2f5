#include "analyzer/cli/app.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "analyzer/discovery.h"
#include "analyzer/engine.h"
#include "analyzer/loader.h"
#include "analyzer/report/graph_format.h"
#include "analyzer/report/reporter.h"
#include "analyzer/report/text_reporter.h"

namespace halint {
namespace {

constexpr const char* kExamples = R"(examples:
  halint template.yaml                     check one template
  halint infra/ stacks/                    check every template under these directories
  halint --format json -o report.json .    write a JSON report
  halint --fail-on error --disable HA002 .
  halint --parameter Env=prod --parameters-file params.json stack.yaml
  cat template.yaml | halint -             read a template from standard input
  halint graph template.yaml               print the resource graph as JSON
  halint graph --format dot t.yaml | dot -Tsvg -o t.svg   draw the inferred topology

exit codes: 0 no findings at or above --fail-on, 1 findings at or above it,
            2 an input could not be read or parsed, 64 usage error)";

constexpr unsigned long kMaxJobs = 1024;
constexpr const char* kFailOnLevels[] = {"error", "warning", "note", "none"};

unsigned DefaultJobs() { return std::max(1u, std::thread::hardware_concurrency()); }

// What the command line says, before validation.
struct Settings {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;
  std::string fail_on = "warning";
  std::vector<std::string> enable;
  std::vector<std::string> disable;
  std::vector<std::string> severities;
  std::vector<std::string> parameters;
  std::string parameters_file;
  std::string region = "us-east-1";
  unsigned jobs = DefaultJobs();
  bool no_color = false;
  bool quiet = false;
  bool skip_non_templates = false;
};

// What a run does, after validation.
struct RunConfig {
  LoadOptions load;
  EngineOptions engine;
  std::optional<Severity> fail_on;  // none: never fail on findings
  unsigned jobs = 1;
  bool skip_non_templates = false;  // named files that are not templates are not inputs
};

std::optional<Severity> ParseSeverity(std::string_view level) {
  for (Severity s : {Severity::kNote, Severity::kWarning, Severity::kError}) {
    if (SeverityName(s) == level) return s;
  }
  return std::nullopt;
}

// Splits "KEY=VALUE" (VALUE may be empty or contain '='); false when there is no '=' or
// no key.
bool SplitAssignment(std::string_view text, std::string& key, std::string& value) {
  size_t eq = text.find('=');
  if (eq == 0 || eq == std::string_view::npos) return false;
  key = text.substr(0, eq);
  value = text.substr(eq + 1);
  return true;
}

std::string ReadParametersFile(const std::string& path, const ParseLimits& limits,
                               std::map<std::string, std::string>& out) {
  std::string error;
  SourceFilePtr source = ReadSourceFile(path, limits, error);
  if (!source) return path + ": " + error;
  ParseResult parsed = ParseDocument(source->text, limits);
  if (!parsed.ok()) {
    return path + ":" + std::to_string(parsed.error_pos.line) + ":" +
           std::to_string(parsed.error_pos.column) + ": " + parsed.error;
  }
  error = ReadCfnParametersFile(parsed.root, out);
  return error.empty() ? "" : path + ": " + error;
}

// Validates the settings into a RunConfig; returns the usage error, or "".
std::string Configure(const Settings& s, RunConfig& config) {
  config.jobs = s.jobs;
  config.skip_non_templates = s.skip_non_templates;
  config.fail_on = ParseSeverity(s.fail_on);
  config.engine.enable = s.enable;
  config.engine.disable = s.disable;
  for (const std::string& item : s.severities) {
    std::string id, level;
    if (!SplitAssignment(item, id, level)) {
      return "--severity: expected ID=LEVEL, got '" + item + "'";
    }
    std::optional<Severity> severity = ParseSeverity(level);
    if (!severity) {
      return "--severity: unknown level '" + level + "' (expected error, warning or note)";
    }
    config.engine.severity_overrides[id] = *severity;
  }
  if (std::string error = ValidateEngineOptions(config.engine); !error.empty()) return error;
  config.load.cfn.region = s.region;
  if (!s.parameters_file.empty()) {
    std::string error =
        ReadParametersFile(s.parameters_file, config.load.limits, config.load.cfn.parameters);
    if (!error.empty()) return "--parameters-file: " + error;
  }
  // Command-line parameters win over the parameters file.
  for (const std::string& item : s.parameters) {
    std::string key, value;
    if (!SplitAssignment(item, key, value)) {
      return "--parameter: expected KEY=VALUE, got '" + item + "'";
    }
    config.load.cfn.parameters[key] = value;
  }
  return "";
}

// Runs fn(0..count) on up to `jobs` threads and returns the results in index order, so the
// output cannot depend on scheduling.
template <typename Result, typename Fn>
std::vector<Result> ParallelMap(size_t count, unsigned jobs, const Fn& fn) {
  std::vector<Result> results(count);
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < count; i = next++) results[i] = fn(i);
  };
  std::vector<std::jthread> threads;
  const size_t extra = std::min<size_t>(jobs, count) - (count > 0 ? 1 : 0);
  for (size_t t = 0; t < extra; ++t) threads.emplace_back(work);
  work();
  return results;
}

// Loads one discovered input. Front ends and rules must not throw; if one does anyway
// (std::bad_alloc on a hostile file), that file fails and the run goes on.
// `skip_non_templates`: a named file that is not a template is skipped as if it had been
// met in a directory scan (for pre-commit, which names every changed YAML and JSON file).
LoadedInput LoadInput(const InputFile& input, const LoadOptions& options,
                      bool skip_non_templates = false) {
  LoadedInput loaded;
  try {
    if (!input.error.empty()) {
      loaded.diagnostics.push_back(InputDiagnostic(input.path, {}, input.error));
      return loaded;
    }
    return LoadFile(input.path, options, input.named_explicitly() && !skip_non_templates);
  } catch (const std::exception& e) {
    loaded = LoadedInput();
    loaded.diagnostics.push_back(
        InputDiagnostic(input.path, {}, std::string("internal error: ") + e.what()));
    return loaded;
  }
}

struct CheckedFile {
  LoadedInput::Kind kind = LoadedInput::Kind::kError;
  FileReport report;
};

CheckedFile CheckInput(const InputFile& input, const RunConfig& config) {
  LoadedInput loaded = LoadInput(input, config.load, config.skip_non_templates);
  CheckedFile checked{loaded.kind, {loaded.source, std::move(loaded.diagnostics)}};
  std::vector<Finding>& findings = checked.report.findings;
  if (loaded.kind == LoadedInput::Kind::kTemplate) {
    try {
      std::vector<Finding> found = RunRules(loaded.graph, config.engine);
      findings.insert(findings.end(), found.begin(), found.end());
    } catch (const std::exception& e) {
      findings.push_back(
          InputDiagnostic(loaded.graph.file, {}, std::string("internal error: ") + e.what()));
    }
  }
  std::stable_sort(findings.begin(), findings.end(), FindingLess);
  // A clean file's text is not needed for the report: do not hold a whole tree in memory.
  if (findings.empty()) checked.report.source.reset();
  return checked;
}

// A file belongs in the report when it was checked or has something to say; a
// non-template met in a directory scan is silently not an input.
bool Reported(LoadedInput::Kind kind, const std::vector<Finding>& diagnostics) {
  return kind != LoadedInput::Kind::kNotATemplate || !diagnostics.empty();
}

void NoticeEmptyDirectories(const Discovery& discovery, const std::vector<bool>& reported,
                            std::ostream& err) {
  std::vector<bool> found(discovery.directories.size(), false);
  for (size_t i = 0; i < discovery.files.size(); ++i) {
    if (reported[i] && discovery.files[i].directory) found[*discovery.files[i].directory] = true;
  }
  for (size_t d = 0; d < found.size(); ++d) {
    if (!found[d]) err << "halint: no templates found in " << discovery.directories[d] << '\n';
  }
}

bool UseColor(const Settings& s, const std::ostream& out) {
  const char* no_color = std::getenv("NO_COLOR");
  return !s.no_color && s.output.empty() && &out == &std::cout && isatty(STDOUT_FILENO) &&
         (no_color == nullptr || *no_color == '\0');
}

// Where the report goes: `out`, or the --output file (opened before any work is done, so a
// bad path fails fast).
class Sink {
 public:
  Sink(const std::string& path, std::ostream& out) : out_(&out) {
    if (path.empty()) return;
    file_.open(path, std::ios::binary | std::ios::trunc);
    if (file_) {
      out_ = &file_;
    } else {
      error_ = "cannot write " + path + ": " + std::generic_category().message(errno);
    }
  }
  const std::string& error() const { return error_; }
  std::ostream& stream() { return *out_; }

 private:
  std::ofstream file_;
  std::ostream* out_;
  std::string error_;
};

int Usage(std::ostream& err, const std::string& message) {
  err << "halint: " << message << "\nrun 'halint --help' for usage\n";
  return kExitUsage;
}

int RunCheck(const Settings& s, const RunConfig& config, std::ostream& out, std::ostream& err) {
  Sink sink(s.output, out);
  if (!sink.error().empty()) return Usage(err, sink.error());
  const Discovery discovery = DiscoverInputs(s.paths);
  std::vector<CheckedFile> checked =
      ParallelMap<CheckedFile>(discovery.files.size(), config.jobs,
                               [&](size_t i) { return CheckInput(discovery.files[i], config); });

  Report report;
  bool input_error = false;
  bool fail = false;
  std::vector<bool> reported(checked.size());
  for (size_t i = 0; i < checked.size(); ++i) {
    CheckedFile& c = checked[i];
    reported[i] = Reported(c.kind, c.report.findings);
    if (!reported[i]) continue;
    c.report.failed = c.kind == LoadedInput::Kind::kError;
    input_error |= c.report.failed;
    for (const Finding& f : c.report.findings)
      fail |= config.fail_on && f.severity >= *config.fail_on;
    report.files.push_back(std::move(c.report));
  }
  NoticeEmptyDirectories(discovery, reported, err);

  ReporterOptions options;
  options.color = UseColor(s, out);
  options.summary = !s.quiet;
  options.rules = EnabledRules(config.engine);
  MakeReporter(s.format, options)->Write(report, sink.stream());
  sink.stream().flush();
  if (!sink.stream()) {
    err << "halint: cannot write the report to "
        << (s.output.empty() ? "standard output" : s.output) << '\n';
    return kExitInputError;
  }
  if (input_error) return kExitInputError;
  return fail ? kExitFindings : kExitClean;
}

int RunGraph(const Settings& s, const std::string& format, const RunConfig& config,
             std::ostream& out, std::ostream& err) {
  Sink sink(s.output, out);
  if (!sink.error().empty()) return Usage(err, sink.error());
  const Discovery discovery = DiscoverInputs(s.paths);
  std::vector<LoadedInput> loaded = ParallelMap<LoadedInput>(
      discovery.files.size(), config.jobs,
      [&](size_t i) { return LoadInput(discovery.files[i], config.load); });

  std::vector<const ResourceGraph*> graphs;
  Report problems;  // inputs that yield no graph, shown on `err`
  std::vector<bool> reported(loaded.size());
  for (size_t i = 0; i < loaded.size(); ++i) {
    LoadedInput& input = loaded[i];
    reported[i] = Reported(input.kind, input.diagnostics);
    if (input.kind == LoadedInput::Kind::kTemplate) {
      graphs.push_back(&input.graph);
    } else if (reported[i]) {
      problems.files.push_back({input.source, std::move(input.diagnostics)});
    }
  }
  NoticeEmptyDirectories(discovery, reported, err);
  ReporterOptions options;
  options.summary = false;
  TextReporter(options).Write(problems, err);
  WriteGraphs(format, graphs, sink.stream());
  sink.stream().flush();
  if (!sink.stream()) {
    err << "halint: cannot write the graph\n";
    return kExitInputError;
  }
  return problems.files.empty() ? kExitClean : kExitInputError;
}

// Options that both the check and `graph` take: how inputs are found, read and resolved.
void AddInputOptions(CLI::App& app, Settings& s) {
  app.add_option("PATH", s.paths, "template files or directories to check; - reads standard input");
  app.add_option("-o,--output", s.output, "write the report to FILE instead of standard output")
      ->type_name("FILE");
  app.add_option("--parameter", s.parameters,
                 "set a template parameter (repeatable; wins over --parameters-file)")
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false);
  app.add_option("--parameters-file", s.parameters_file,
                 "CloudFormation parameters file: [{\"ParameterKey\", \"ParameterValue\"}] or "
                 "{\"Parameters\": {...}}, JSON or YAML")
      ->type_name("FILE");
  app.add_option("--region", s.region, "the AWS::Region templates are resolved for")
      ->type_name("REGION")
      ->capture_default_str();
  app.add_option("-j,--jobs", s.jobs, "files checked in parallel (default: all cores)")
      ->type_name("N")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            char* end = nullptr;
            unsigned long n = std::strtoul(value.c_str(), &end, 10);
            if (!value.empty() && value[0] != '-' && *end == '\0' && n >= 1 && n <= kMaxJobs) {
              return "";
            }
            return "expected a number from 1 to " + std::to_string(kMaxJobs) + ", got '" + value +
                   "'";
          },
          "1.." + std::to_string(kMaxJobs)));
}

// CLI11's messages start with a capital; halint's start lower-case.
std::string LowerFirst(std::string message) {
  if (!message.empty() && message[0] >= 'A' && message[0] <= 'Z') message[0] += 'a' - 'A';
  return message;
}

int Run(int argc, char** argv, std::ostream& out, std::ostream& err) {
  Settings s;
  Settings graph_settings;
  std::string graph_format = GraphFormats().front();

  CLI::App app("halint: static HA and security analyzer for AWS CloudFormation templates",
               "halint");
  app.set_version_flag("--version", std::string("halint ") + HALINT_VERSION);
  app.footer(kExamples);
  AddInputOptions(app, s);
  app.add_option("--format", s.format, "report format")
      ->check(CLI::IsMember(ReportFormats()))
      ->capture_default_str();
  app.add_option("--fail-on", s.fail_on, "exit 1 when a finding is at or above this level")
      ->check(CLI::IsMember(
          std::vector<std::string>(std::begin(kFailOnLevels), std::end(kFailOnLevels))))
      ->capture_default_str();
  app.add_option("--enable", s.enable, "also run these rules (IDs or prefixes, comma-separated)")
      ->type_name("ID,...")
      ->delimiter(',')
      ->allow_extra_args(false);
  app.add_option("--disable", s.disable, "do not run these rules (IDs or prefixes)")
      ->type_name("ID,...")
      ->delimiter(',')
      ->allow_extra_args(false);
  app.add_option("--severity", s.severities,
                 "report rule ID at LEVEL: error, warning, note (repeatable)")
      ->type_name("ID=LEVEL")
      ->allow_extra_args(false);
  app.add_flag("--no-color", s.no_color, "no ANSI colours (also when NO_COLOR is set)");
  app.add_flag("-q,--quiet", s.quiet, "no summary line");
  app.add_flag("--skip-non-templates", s.skip_non_templates,
               "skip named files that are not templates, as a directory scan does (pre-commit)");

  CLI::App* graph = app.add_subcommand(
      "graph", "print each template's resource graph (json) or inferred topology (dot, mermaid)");
  AddInputOptions(*graph, graph_settings);
  graph->add_option("--format", graph_format, "graph format")
      ->check(CLI::IsMember(GraphFormats()))
      ->capture_default_str();
  app.require_subcommand(0, 1);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success))
      return app.exit(e, out, err);
    return Usage(err, LowerFirst(e.what()));
  }

  const bool is_graph = graph->parsed();
  const Settings& chosen = is_graph ? graph_settings : s;
  if (chosen.paths.empty()) return Usage(err, "no PATH given");
  RunConfig config;
  std::string error = Configure(chosen, config);
  if (!error.empty()) return Usage(err, error);
  return is_graph ? RunGraph(chosen, graph_format, config, out, err)
                  : RunCheck(chosen, config, out, err);
}

}  // namespace

int RunHalint(int argc, char** argv, std::ostream& out, std::ostream& err) {
  try {
    return Run(argc, argv, out, err);
  } catch (const std::exception& e) {
    err << "halint: internal error: " << e.what() << '\n';
    return kExitInputError;
  }
}

}  // namespace halint
