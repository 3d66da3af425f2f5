// JSON -> located document tree, through nlohmann_json's SAX interface with an input
// adapter that counts lines and columns (Debian's nlohmann_json 3.11 records no positions).
#pragma once

#include <string_view>

#include "parsers/document.h"

namespace halint {

// Parses a JSON text (RFC 8259). Never throws: syntax errors, duplicate keys, invalid
// UTF-8 and exceeded limits come back as a failed ParseResult with a message and a 1-based
// position. A leading UTF-8 BOM is accepted. An empty file (only whitespace) is an error
// ("empty file").
ParseResult ParseJson(std::string_view text, const ParseLimits& limits = {});

}  // namespace halint
