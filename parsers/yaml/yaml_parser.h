// YAML -> located document tree, built from yaml-cpp's event interface (not YAML::Load,
// whose node graph costs ~30x the file size).
#pragma once

#include <string_view>

#include "parsers/document.h"

namespace halint {

// Parses one YAML document (the first, if the stream has several; a second document is
// an error). CloudFormation short tags are expanded to their long form. Never throws:
// syntax errors, duplicate or non-scalar keys, tabs used as indentation, invalid UTF-8,
// unknown `!` tags, and exceeded limits come back as a failed ParseResult with a message
// and a 1-based position. A leading UTF-8 BOM is accepted. An empty file (or one holding
// only comments) parses to a null root.
ParseResult ParseYaml(std::string_view text, const ParseLimits& limits = {});

}  // namespace halint
