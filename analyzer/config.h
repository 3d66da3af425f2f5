// The configuration file, `.halint.yaml`: found by walking up from each scanned file (the
// nearest wins) or named with --config. Command-line flags win over it. See
// docs/configuration.md for every key.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/finding.h"
#include "parsers/document.h"

namespace halint {

inline constexpr std::string_view kConfigFileName = ".halint.yaml";

// An `ignore:` entry: findings of rule `id` on resources matching `resource` and files
// matching `path` (globs; empty matches everything) are suppressed.
struct ConfigIgnore {
  std::string id;
  std::string resource;  // glob over logical IDs / addresses
  std::string path;      // glob over file paths relative to the config file's directory
  std::string reason;
  std::string until;  // YYYY-MM-DD, or empty: never expires
  SourcePos pos;      // the entry, for HLT003 "unused suppression"
};

struct Config {
  std::string file;       // the config file's path; "" for no config
  std::string directory;  // its directory: `exclude` and `ignore` paths are relative to it
  std::vector<std::string> enable;
  std::vector<std::string> disable;
  std::map<std::string, Severity> severity;
  std::optional<std::string> fail_on;
  std::map<std::string, std::string> parameters;
  std::map<std::string, std::string> variables;  // Terraform; JSON text for lists and maps
  std::optional<std::string> region;
  std::vector<std::string> exclude;  // globs
  std::vector<ConfigIgnore> ignore;
  // rules: {TAG001: {patterns: {TYPE: RE2}}}: resource type -> pattern for `Name` tags.
  std::map<std::string, std::string> tag_patterns;
};

// A configuration error, shown as file:line:col: error: message [HLT003].
struct ConfigError {
  std::string file;
  SourcePos pos;
  std::string message;

  std::string ToString() const;
};

// Parses and validates config text read from `file`. Unknown keys, unknown rule IDs, wrong
// types, bad levels, dates and regular expressions are errors, with a did-you-mean
// suggestion when a known name is close. Returns the first error, if any.
std::optional<ConfigError> ParseConfig(const std::string& file, std::string_view text, Config& out);

// Reads and parses `file`.
std::optional<ConfigError> LoadConfig(const std::string& file, Config& out);

// The nearest `.halint.yaml` in the directory of `input` or one of its ancestors, or "".
// `input` "-" (standard input) starts from the current directory.
std::string FindConfigFor(const std::string& input);

// Whether `path` matches glob `glob`: `*` and `?` stay within a path segment, `**` crosses
// segments ("**/" also matches no directory at all).
bool GlobMatch(std::string_view glob, std::string_view path);

// `path` relative to `directory` (made absolute first; "../x" when it is not below it), in
// generic form.
std::string RelativeTo(const std::string& path, const std::string& directory);

}  // namespace halint
