// Reading inputs: one path -> bytes -> located tree -> the right front end -> graph.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyzer/graph.h"
#include "parsers/cfn/cfn_frontend.h"
#include "parsers/document.h"
#include "parsers/terraform/tf_frontend.h"

namespace halint {

struct LoadOptions {
  ParseLimits limits;
  CfnOptions cfn;
  TfOptions tf;
};

struct LoadedInput {
  enum class Kind : uint8_t { kTemplate, kNotATemplate, kError };
  Kind kind = Kind::kError;
  SourceFilePtr source;  // null when the file could not be read
  ResourceGraph graph;   // valid when kind == kTemplate
  // HLT001 diagnostics: read and parse errors, "not a template" (only when the file was
  // named explicitly), and the front end's structural errors (also in graph.diagnostics).
  std::vector<Finding> diagnostics;
};

// An HLT001 diagnostic (severity error) about input `file`. An unknown `pos` becomes 1:1, so
// every finding can be shown as file:line:col and jumped to from an editor.
Finding InputDiagnostic(std::string file, SourcePos pos, std::string message);

// Reads one file ("-" is standard input, shown as "<stdin>") into memory, once. A regular
// file larger than `limits.max_bytes` is refused from its size before any byte is read.
// On failure returns null and sets `error` ("cannot read file: <reason>", or the size
// message). Never throws.
SourceFilePtr ReadSourceFile(const std::string& path, const ParseLimits& limits,
                             std::string& error);

// Parses bytes with the parser their content calls for: JSON when the first non-blank byte
// (after an optional UTF-8 BOM) is `{` or `[`, YAML otherwise.
ParseResult ParseDocument(std::string_view text, const ParseLimits& limits);

// Loads one file ("-" is standard input). `named_explicitly` is true when the user named
// this file rather than a directory containing it: only then is "not a template" reported.
// Never throws.
// Terraform HCL (*.tf) is not read: its plan is. Said of a named .tf file (HLT001) and of a
// scanned directory of .tf files.
constexpr std::string_view kTerraformHclHint =
    "Terraform HCL (.tf) is read through its plan: run 'terraform plan -out tfplan && "
    "terraform show -json tfplan > tfplan.json' and check tfplan.json";

LoadedInput LoadFile(const std::string& path, const LoadOptions& options, bool named_explicitly);

// Loads already-read bytes (the same as LoadFile after reading).
LoadedInput LoadSource(SourceFilePtr source, const LoadOptions& options, bool named_explicitly);

}  // namespace halint
