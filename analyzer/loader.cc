#include "analyzer/loader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <system_error>
#include <utility>

#include "parsers/json/json_parser.h"
#include "parsers/yaml/yaml_parser.h"

namespace halint {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr size_t kReadChunk = 1 << 16;

std::string ErrnoText(int error) { return std::generic_category().message(error); }

// "2.0 GiB": a measured size always shows one decimal; a limit that is a whole number of
// units ("256 MiB") does not, because that is how the limit was chosen.
std::string HumanSize(uint64_t bytes, bool is_limit) {
  static constexpr const char* kUnits[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(bytes);
  size_t unit = 0;
  while (value >= 1024 && unit + 1 < std::size(kUnits)) {
    value /= 1024;
    ++unit;
  }
  char buf[48];
  if (unit == 0 || (is_limit && value == std::floor(value))) {
    std::snprintf(buf, sizeof buf, "%.0f %s", value, kUnits[unit]);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f %s", value, kUnits[unit]);
  }
  return buf;
}

std::string TooLarge(std::string_view what, const ParseLimits& limits) {
  return std::string(what) + " larger than the " + HumanSize(limits.max_bytes, true) + " limit";
}

std::string DisplayPath(const std::string& path) { return path == "-" ? "<stdin>" : path; }

bool LooksLikeJson(std::string_view text) {
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && (text[first] == '{' || text[first] == '[');
}

ResourceGraph LoadCfnGraph(const Node& root, const std::string& file, const LoadOptions& options) {
  return LoadCloudFormation(root, file, options.cfn);
}

ResourceGraph LoadTfPlanGraph(const Node& root, const std::string& file,
                              const LoadOptions& options) {
  return LoadTerraformPlan(root, file, options.tf);
}

constexpr std::string_view kTfJsonSuffix = ".tf.json";

// A .tf.json file is one file of a module: Terraform reads every *.tf.json file of its
// directory as one configuration. Siblings that cannot be read or parsed, or that are not
// configuration, are left out here; they are reported when they are checked themselves.
ResourceGraph LoadTfModule(const Node& root, const std::string& file, const LoadOptions& options) {
  namespace fs = std::filesystem;
  std::vector<ParseResult> siblings;
  std::vector<std::string> paths;
  if (file != "<stdin>" && file.ends_with(kTfJsonSuffix)) {
    fs::path self(file);
    fs::path dir = self.parent_path();
    std::error_code ec;
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir.empty() ? fs::path(".") : dir, ec)) {
      std::string name = e.path().filename().string();
      if (name.ends_with(kTfJsonSuffix) && name != self.filename() && e.is_regular_file(ec)) {
        names.push_back(std::move(name));
      }
    }
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
      std::string path = dir.empty() ? name : (dir / name).string();
      std::string error;
      SourceFilePtr source = ReadSourceFile(path, options.limits, error);
      if (!source) continue;
      ParseResult parsed = ParseDocument(source->text, options.limits);
      if (!parsed.ok() || !IsTerraformConfig(parsed.root)) continue;
      siblings.push_back(std::move(parsed));
      paths.push_back(std::move(path));
    }
  }
  std::vector<TfConfigFile> files{{file, &root}};
  for (size_t i = 0; i < siblings.size(); ++i) files.push_back({paths[i], &siblings[i].root});
  return LoadTerraformConfig(files, 0, options.tf);
}

// One entry per dialect, tried in order; the first that recognizes the document loads it.
struct FrontEnd {
  bool (*recognizes)(const Node& root);
  ResourceGraph (*load)(const Node& root, const std::string& file, const LoadOptions& options);
};
constexpr FrontEnd kFrontEnds[] = {
    {IsCloudFormationTemplate, LoadCfnGraph},
    {IsTerraformPlan, LoadTfPlanGraph},
    {IsTerraformConfig, LoadTfModule},
};

constexpr std::string_view kNotATemplate =
    "not a template: expected a CloudFormation template (AWSTemplateFormatVersion or a "
    "Resources mapping of typed resources), a Terraform JSON configuration or a 'terraform "
    "show -json' plan";

class FdCloser {
 public:
  explicit FdCloser(int fd) : fd_(fd) {}
  ~FdCloser() {
    if (fd_ >= 0) close(fd_);
  }
  FdCloser(const FdCloser&) = delete;
  FdCloser& operator=(const FdCloser&) = delete;

 private:
  int fd_;
};

}  // namespace

Finding InputDiagnostic(std::string file, SourcePos pos, std::string message) {
  Finding f;
  f.rule_id = "HLT001";
  f.severity = Severity::kError;
  f.file = std::move(file);
  f.pos = pos.known() ? pos : SourcePos{1, 1};
  f.message = std::move(message);
  return f;
}

SourceFilePtr ReadSourceFile(const std::string& path, const ParseLimits& limits,
                             std::string& error) {
  const bool is_stdin = path == "-";
  int fd = is_stdin ? STDIN_FILENO : open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = "cannot read file: " + ErrnoText(errno);
    return nullptr;
  }
  FdCloser closer(is_stdin ? -1 : fd);
  struct stat st;
  if (fstat(fd, &st) != 0) {
    error = "cannot read file: " + ErrnoText(errno);
    return nullptr;
  }
  if (S_ISDIR(st.st_mode)) {
    error = "cannot read file: " + ErrnoText(EISDIR);
    return nullptr;
  }
  // Refuse a huge regular file from its size, before spending the time to read it.
  const bool regular = S_ISREG(st.st_mode);
  if (regular && static_cast<uint64_t>(st.st_size) > limits.max_bytes) {
    error =
        TooLarge("file is " + HumanSize(static_cast<uint64_t>(st.st_size), false) + ",", limits);
    return nullptr;
  }
  std::string text;
  if (regular) text.reserve(static_cast<size_t>(st.st_size));
  char buf[kReadChunk];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = "cannot read file: " + ErrnoText(errno);
      return nullptr;
    }
    if (n == 0) break;
    // Pipes and growing files have no trustworthy size: enforce the limit while reading.
    if (text.size() + static_cast<size_t>(n) > limits.max_bytes) {
      error = TooLarge("input is", limits);
      return nullptr;
    }
    text.append(buf, static_cast<size_t>(n));
  }
  return std::make_shared<const SourceFile>(SourceFile{DisplayPath(path), std::move(text)});
}

ParseResult ParseDocument(std::string_view text, const ParseLimits& limits) {
  return LooksLikeJson(text) ? ParseJson(text, limits) : ParseYaml(text, limits);
}

LoadedInput LoadFile(const std::string& path, const LoadOptions& options, bool named_explicitly) {
  std::string error;
  SourceFilePtr source = ReadSourceFile(path, options.limits, error);
  if (!source) {
    LoadedInput input;
    input.kind = LoadedInput::Kind::kError;
    input.diagnostics.push_back(InputDiagnostic(DisplayPath(path), {}, std::move(error)));
    return input;
  }
  return LoadSource(std::move(source), options, named_explicitly);
}

LoadedInput LoadSource(SourceFilePtr source, const LoadOptions& options, bool named_explicitly) {
  LoadedInput input;
  input.source = std::move(source);
  const std::string& file = input.source->path;
  if (file.ends_with(".tf")) {
    input.kind = LoadedInput::Kind::kNotATemplate;
    if (named_explicitly) {
      input.diagnostics.push_back(InputDiagnostic(file, {1, 1}, std::string(kTerraformHclHint)));
    }
    return input;
  }
  ParseResult parsed = ParseDocument(input.source->text, options.limits);
  if (!parsed.ok()) {
    input.kind = LoadedInput::Kind::kError;
    input.diagnostics.push_back(InputDiagnostic(file, parsed.error_pos, std::move(parsed.error)));
    return input;
  }
  for (const FrontEnd& front_end : kFrontEnds) {
    if (!front_end.recognizes(parsed.root)) continue;
    input.kind = LoadedInput::Kind::kTemplate;
    input.graph = front_end.load(parsed.root, file, options);
    input.graph.Finalize();
    input.diagnostics = input.graph.diagnostics;
    return input;
  }
  input.kind = LoadedInput::Kind::kNotATemplate;
  if (named_explicitly)
    input.diagnostics.push_back(InputDiagnostic(file, {1, 1}, std::string(kNotATemplate)));
  return input;
}

}  // namespace halint
