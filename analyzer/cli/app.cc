#include "analyzer/cli/app.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "analyzer/baseline.h"
#include "analyzer/cli/rule_catalog.h"
#include "analyzer/config.h"
#include "analyzer/discovery.h"
#include "analyzer/engine.h"
#include "analyzer/loader.h"
#include "analyzer/report/graph_format.h"
#include "analyzer/report/reporter.h"
#include "analyzer/report/text_reporter.h"
#include "analyzer/suppress.h"
#include "rules/registry.h"

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
  std::vector<std::string> vars;  // Terraform --var NAME=VALUE
  std::string var_file;
  std::string region = "us-east-1";
  unsigned jobs = DefaultJobs();
  bool no_color = false;
  bool quiet = false;
  bool list_rules = false;
  std::string explain;
  std::string config_file;     // --config; "" to discover .halint.yaml per file
  bool fail_on_given = false;  // --fail-on and --region were written (they win over config)
  bool region_given = false;
  bool show_suppressed = false;
  std::string baseline;        // --baseline FILE
  std::string write_baseline;  // --write-baseline FILE
  bool skip_non_templates = false;
};

// What a run does, after validation.
struct RunConfig {
  LoadOptions load;
  EngineOptions engine;
  std::optional<Severity> fail_on;  // none: never fail on findings
  unsigned jobs = 1;
  const Config* file_config = nullptr;  // the configuration file in force, if any
  std::string today;                    // YYYY-MM-DD, for suppression expiry
  bool skip_non_templates = false;      // named files that are not templates are not inputs
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

// Reads and parses a file of option values; "" or the error with file:line:col.
std::string ParseOptionsFile(const std::string& path, const ParseLimits& limits,
                             ParseResult& parsed) {
  std::string error;
  SourceFilePtr source = ReadSourceFile(path, limits, error);
  if (!source) return path + ": " + error;
  parsed = ParseDocument(source->text, limits);
  if (!parsed.ok()) {
    return path + ":" + std::to_string(parsed.error_pos.line) + ":" +
           std::to_string(parsed.error_pos.column) + ": " + parsed.error;
  }
  return "";
}

std::string ReadParametersFile(const std::string& path, const ParseLimits& limits,
                               std::map<std::string, std::string>& out) {
  ParseResult parsed;
  if (std::string error = ParseOptionsFile(path, limits, parsed); !error.empty()) return error;
  std::string error = ReadCfnParametersFile(parsed.root, out);
  return error.empty() ? "" : path + ": " + error;
}

// A .tfvars.json file: {"name": value, ...}. Strings are kept as they are, other values as
// JSON text, the way --var takes them.
std::string ReadTfVarsFile(const std::string& path, const ParseLimits& limits,
                           std::map<std::string, std::string>& out) {
  ParseResult parsed;
  if (std::string error = ParseOptionsFile(path, limits, parsed); !error.empty()) return error;
  const Node& root = parsed.root;
  if (!root.is_map()) return path + ": expected a JSON object of variable values";
  for (size_t i = 0; i < root.size(); ++i) {
    out[root.key(i).text] = root[i].is_string() ? root[i].text() : root[i].Dump();
  }
  return "";
}

bool MatchesAny(std::string_view id, const std::vector<std::string>& selectors) {
  return std::any_of(selectors.begin(), selectors.end(),
                     [&](const std::string& sel) { return !sel.empty() && id.starts_with(sel); });
}

// Which rules run: a rule the command line's --enable/--disable names follows it (disable
// over enable); otherwise the config file's enable/disable; otherwise its default. The
// result names every rule the command line or config file mentions, by whole ID.
void ResolveEnabled(const Settings& s, const Config& file, EngineOptions& engine) {
  for (const Rule* r : AllRules()) {
    std::string_view id = r->info().id;
    const std::vector<std::string>* lists[][2] = {{&s.disable, &s.enable},
                                                  {&file.disable, &file.enable}};
    for (const auto& layer : lists) {
      if (MatchesAny(id, *layer[0])) {
        engine.disable.emplace_back(id);
        break;
      }
      if (MatchesAny(id, *layer[1])) {
        engine.enable.emplace_back(id);
        break;
      }
    }
  }
}

// Validates the settings, on top of config file `file` (empty when there is none), into a
// RunConfig; returns the usage error, or "".
std::string Configure(const Settings& s, const Config& file, RunConfig& config) {
  config.jobs = s.jobs;
  config.skip_non_templates = s.skip_non_templates;
  config.fail_on = ParseSeverity(s.fail_on_given || !file.fail_on ? s.fail_on : *file.fail_on);
  config.engine.enable = s.enable;
  config.engine.disable = s.disable;
  if (std::string error = ValidateEngineOptions(config.engine); !error.empty()) return error;
  config.engine.enable.clear();
  config.engine.disable.clear();
  ResolveEnabled(s, file, config.engine);
  config.engine.severity_overrides = file.severity;
  config.engine.rule_options.tag_patterns = file.tag_patterns;
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
  config.load.cfn.region = s.region_given || !file.region ? s.region : *file.region;
  config.load.cfn.parameters = file.parameters;
  config.load.tf.region = config.load.cfn.region;
  config.load.tf.variables = file.variables;
  if (!s.var_file.empty()) {
    std::string error = ReadTfVarsFile(s.var_file, config.load.limits, config.load.tf.variables);
    if (!error.empty()) return "--var-file: " + error;
  }
  for (const std::string& item : s.vars) {
    std::string key, value;
    if (!SplitAssignment(item, key, value)) {
      return "--var: expected NAME=VALUE, got '" + item + "'";
    }
    config.load.tf.variables[key] = value;
  }
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
  bool terraform_plan = false;
  FileReport report;
  std::vector<bool> config_used;  // per `ignore:` entry of the file's config: did it apply
};

CheckedFile CheckInput(const InputFile& input, const RunConfig& config) {
  LoadedInput loaded = LoadInput(input, config.load, config.skip_non_templates);
  CheckedFile checked{loaded.kind,
                      loaded.graph.dialect == Dialect::kTerraformPlan,
                      {loaded.source, std::move(loaded.diagnostics)},
                      {}};
  if (config.file_config) checked.config_used.resize(config.file_config->ignore.size());
  std::vector<Finding>& findings = checked.report.findings;
  if (loaded.kind == LoadedInput::Kind::kTemplate) {
    try {
      std::vector<Finding> found = RunRules(loaded.graph, config.engine);
      // A Terraform module is checked once per file: each file reports its own resources.
      std::erase_if(found, [&](const Finding& f) { return f.file != loaded.graph.file; });
      ApplySuppressions(loaded.graph, loaded.source.get(), config.file_config, config.engine,
                        config.today, found, &checked.config_used);
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

// Notices on standard error: a directory of Terraform HCL whose plan is not among its
// files (`plans` marks the files read as Terraform plans), then a scanned directory with no
// template and no such notice.
void NoticeDirectories(const Discovery& discovery, const std::vector<bool>& reported,
                       const std::vector<bool>& plans, std::ostream& err) {
  std::vector<bool> found(discovery.directories.size(), false);
  std::set<std::string> terraform_dirs;
  for (size_t i = 0; i < discovery.files.size(); ++i) {
    if (reported[i] && discovery.files[i].directory) found[*discovery.files[i].directory] = true;
    if (plans[i]) {
      terraform_dirs.insert(std::filesystem::path(discovery.files[i].path).parent_path().string());
    }
  }
  for (const Discovery::HclDirectory& hcl : discovery.hcl_directories) {
    if (terraform_dirs.contains(hcl.path)) continue;
    err << "halint: " << hcl.path << ": " << kTerraformHclHint << '\n';
    found[hcl.directory] = true;
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

// The run configuration of each discovered file: the command line over --config, or over
// the nearest .halint.yaml; null for a file the config's `exclude` skips. Each config file
// is read once. Returns kExitClean, or kExitUsage after writing the configuration error.
int ConfigureFiles(const Settings& s, const RunConfig& cli_only, const Discovery& discovery,
                   std::map<std::string, Config>& configs,
                   std::map<std::string, RunConfig>& by_config,
                   std::vector<const RunConfig*>& of_file, std::ostream& err) {
  std::map<std::string, std::string> found_in;  // directory -> its nearest config file
  for (const InputFile& input : discovery.files) {
    std::string path = s.config_file;
    if (path.empty()) {
      std::string dir =
          input.path == "-" ? "-" : std::filesystem::path(input.path).parent_path().string();
      auto [it, inserted] = found_in.try_emplace(dir);
      if (inserted) it->second = FindConfigFor(input.path);
      path = it->second;
    }
    if (path.empty()) {
      of_file.push_back(&cli_only);
      continue;
    }
    auto [it, inserted] = configs.try_emplace(path);
    Config& config = it->second;
    if (inserted) {
      if (std::optional<ConfigError> error = LoadConfig(path, config)) {
        err << error->ToString() << '\n';
        return kExitUsage;
      }
      RunConfig& run = by_config[path];
      if (std::string error = Configure(s, config, run); !error.empty()) return Usage(err, error);
      run.file_config = &config;
      run.today = cli_only.today;
    }
    const std::string relative = RelativeTo(input.path, config.directory);
    bool excluded = std::any_of(config.exclude.begin(), config.exclude.end(),
                                [&](const std::string& glob) { return GlobMatch(glob, relative); });
    of_file.push_back(excluded ? nullptr : &by_config[path]);
  }
  return kExitClean;
}

int RunCheck(const Settings& s, const RunConfig& config, std::ostream& out, std::ostream& err) {
  Sink sink(s.output, out);
  if (!sink.error().empty()) return Usage(err, sink.error());
  const Discovery discovery = DiscoverInputs(s.paths);
  std::map<std::string, Config> configs;
  std::map<std::string, RunConfig> by_config;
  std::vector<const RunConfig*> of_file;
  if (int code = ConfigureFiles(s, config, discovery, configs, by_config, of_file, err);
      code != 0) {
    return code;
  }
  std::optional<Baseline> baseline;
  if (!s.baseline.empty()) {
    baseline.emplace();
    if (std::string error = baseline->Load(s.baseline); !error.empty()) {
      return Usage(err, "--baseline: " + error);
    }
  }
  std::vector<CheckedFile> checked =
      ParallelMap<CheckedFile>(discovery.files.size(), config.jobs, [&](size_t i) {
        return of_file[i] ? CheckInput(discovery.files[i], *of_file[i])
                          : CheckedFile{LoadedInput::Kind::kNotATemplate, false, {}, {}};
      });

  Report report;
  bool input_error = false;
  bool fail = false;
  std::vector<bool> reported(checked.size());
  std::map<std::string, std::vector<bool>> config_used;  // by config file path
  for (size_t i = 0; i < checked.size(); ++i) {
    CheckedFile& c = checked[i];
    if (of_file[i] && of_file[i]->file_config) {
      std::vector<bool>& used = config_used[of_file[i]->file_config->file];
      if (used.size() < c.config_used.size()) used.resize(c.config_used.size());
      for (size_t e = 0; e < c.config_used.size(); ++e) used[e] = used[e] || c.config_used[e];
    }
    reported[i] = Reported(c.kind, c.report.findings);
    if (!reported[i]) continue;
    c.report.failed = c.kind == LoadedInput::Kind::kError;
    input_error |= c.report.failed;
    if (baseline) {
      for (Finding& f : c.report.findings) baseline->Apply(f);
    }
    const std::optional<Severity>& fail_on = of_file[i]->fail_on;
    for (const Finding& f : c.report.findings) {
      fail |= fail_on && !f.suppression && f.severity >= *fail_on;
    }
    report.files.push_back(std::move(c.report));
  }
  // Config `ignore:` entries that are expired or applied to nothing, per config file.
  for (const auto& [path, used] : config_used) {
    const RunConfig& run = by_config.at(path);
    std::vector<Finding> problems =
        ConfigIgnoreProblems(*run.file_config, used, run.engine, run.today);
    if (problems.empty()) continue;
    for (const Finding& f : problems) fail |= run.fail_on && f.severity >= *run.fail_on;
    report.files.push_back({nullptr, std::move(problems)});
  }
  std::vector<bool> plans(checked.size());
  for (size_t i = 0; i < checked.size(); ++i) plans[i] = checked[i].terraform_plan;
  NoticeDirectories(discovery, reported, plans, err);

  ReporterOptions options;
  options.color = UseColor(s, out);
  options.summary = !s.quiet;
  options.show_suppressed = s.show_suppressed;
  options.rules = EnabledRules(config.engine);
  MakeReporter(s.format, options)->Write(report, sink.stream());
  sink.stream().flush();
  if (!sink.stream()) {
    err << "halint: cannot write the report to "
        << (s.output.empty() ? "standard output" : s.output) << '\n';
    return kExitInputError;
  }
  if (baseline && baseline->Stale() > 0) {
    err << "halint: " << baseline->Stale() << " of " << baseline->size()
        << " baseline entries match no finding (fixed or moved to another resource); "
           "refresh the baseline with --write-baseline\n";
  }
  if (!s.write_baseline.empty()) {
    std::vector<const Finding*> all;
    for (const FileReport& file : report.files) {
      for (const Finding& f : file.findings) all.push_back(&f);
    }
    std::ofstream file(s.write_baseline, std::ios::binary | std::ios::trunc);
    file << BaselineJson(all);
    if (!file.flush()) return Usage(err, "cannot write " + s.write_baseline);
    fail = false;  // every finding is now accepted
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
  std::vector<bool> plans(loaded.size());
  for (size_t i = 0; i < loaded.size(); ++i) {
    LoadedInput& input = loaded[i];
    reported[i] = Reported(input.kind, input.diagnostics);
    plans[i] = input.graph.dialect == Dialect::kTerraformPlan;
    if (input.kind == LoadedInput::Kind::kTemplate) {
      graphs.push_back(&input.graph);
    } else if (reported[i]) {
      problems.files.push_back({input.source, std::move(input.diagnostics)});
    }
  }
  NoticeDirectories(discovery, reported, plans, err);
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
  app.add_option("--var", s.vars,
                 "set a Terraform variable (repeatable; wins over --var-file); lists, maps, "
                 "numbers and booleans as JSON")
      ->type_name("NAME=VALUE")
      ->allow_extra_args(false);
  app.add_option("--var-file", s.var_file, "Terraform variables file (.tfvars.json)")
      ->type_name("FILE");
  app.add_option("--region", s.region,
                 "the AWS::Region templates are resolved for (Terraform: when no provider "
                 "block sets one)")
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

// --format: a report format, or "markdown", which only --list-rules takes.
void AddFormatOption(CLI::App& app, Settings& s) {
  std::string names;
  for (const std::string& f : ReportFormats()) names += (names.empty() ? "" : ",") + f;
  app.add_option("--format", s.format, "report format (--list-rules also takes markdown)")
      ->check(CLI::Validator(
          [names](std::string& value) -> std::string {
            const std::vector<std::string> formats = ReportFormats();
            if (value == "markdown" ||
                std::find(formats.begin(), formats.end(), value) != formats.end()) {
              return "";
            }
            return value + " not in {" + names + "}";
          },
          "{" + names + "}"))
      ->capture_default_str();
}

void AddCatalogOptions(CLI::App& app, Settings& s) {
  app.add_flag("--list-rules", s.list_rules,
               "list every rule (ID, slug, severity, enabled by default, title) and exit; "
               "--format text, json or markdown");
  app.add_option("--explain", s.explain, "explain rule ID (rationale, remediation) and exit")
      ->type_name("ID");
}

int RunCatalog(const Settings& s, std::ostream& out, std::ostream& err) {
  if (s.list_rules && !s.explain.empty()) {
    return Usage(err, "--list-rules and --explain cannot be combined");
  }
  if (!s.paths.empty()) return Usage(err, "--list-rules and --explain take no PATH");
  if (!s.explain.empty()) {
    std::string error = WriteExplanation(s.explain, out);
    return error.empty() ? kExitClean : Usage(err, error);
  }
  const std::vector<std::string>& formats = RuleListFormats();
  if (std::find(formats.begin(), formats.end(), s.format) == formats.end()) {
    return Usage(err, "--list-rules: --format " + s.format + " not in {text,json,markdown}");
  }
  WriteRuleList(s.format, out);
  return kExitClean;
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

  CLI::App app("halint: static HA and security analyzer for AWS CloudFormation and Terraform",
               "halint");
  app.set_version_flag("--version", std::string("halint ") + HALINT_VERSION);
  app.footer(kExamples);
  AddInputOptions(app, s);
  AddFormatOption(app, s);
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
  app.add_option("--baseline", s.baseline,
                 "accept the findings recorded in FILE: only new findings are reported")
      ->type_name("FILE");
  app.add_option("--write-baseline", s.write_baseline,
                 "record every current finding in FILE (and exit 0 unless an input failed)")
      ->type_name("FILE");
  app.add_flag("--show-suppressed", s.show_suppressed,
               "also show suppressed findings (text: marked with their reason)");
  AddCatalogOptions(app, s);
  app.add_option("--config", s.config_file,
                 "use this configuration file instead of the nearest .halint.yaml")
      ->type_name("FILE");
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

  if (s.list_rules || !s.explain.empty()) return RunCatalog(s, out, err);
  s.fail_on_given = app.count("--fail-on") > 0;
  s.region_given = app.count("--region") > 0;
  graph_settings.region_given = graph->count("--region") > 0;
  if (s.format == "markdown") return Usage(err, "--format markdown is only for --list-rules");
  const bool is_graph = graph->parsed();
  const Settings& chosen = is_graph ? graph_settings : s;
  if (chosen.paths.empty()) return Usage(err, "no PATH given");
  RunConfig config;
  std::string error = Configure(chosen, Config(), config);
  config.today = TodayUtc();
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
