// Reading inputs: one path -> bytes -> located tree -> the right front end -> graph.
#pragma once

#include <string>
#include <vector>

#include "analyzer/graph.h"
#include "parsers/cfn/cfn_frontend.h"
#include "parsers/document.h"

namespace halint {

struct LoadOptions {
  ParseLimits limits;
  CfnOptions cfn;
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

// Loads one file ("-" is standard input). `named_explicitly` is true when the user named
// this file rather than a directory containing it: only then is "not a template" reported.
// Never throws.
LoadedInput LoadFile(const std::string& path, const LoadOptions& options, bool named_explicitly);

// Loads already-read bytes (the same as LoadFile after reading).
LoadedInput LoadSource(SourceFilePtr source, const LoadOptions& options, bool named_explicitly);

}  // namespace halint
