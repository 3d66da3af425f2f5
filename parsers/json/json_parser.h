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
//
// Every node and key is located at the first character of its token ('{', '[', the opening
// quote, the first digit or '-', 't'/'f'/'n'); only LF ends a line and columns count code
// points, the BOM taking none. Integers that fit int64 become Int nodes, other numbers Float
// nodes; both keep their lexeme as written ("1.0", "-0", "1e3").
//
// Errors are located at the offending token, or at the offending byte for control
// characters and invalid UTF-8 in strings, e.g.
//   unexpected '}'; expected a value
//   unexpected string; expected ',' or '}' after object member
//   unexpected ']' after the top-level value
//   unexpected end of input; expected ',' or ']' after array element
//   unterminated string                     (at the opening quote)
//   unescaped control character U+000A in string
//   invalid UTF-8 byte 0xE9                 (first byte of the ill-formed sequence)
//   unexpected character U+00E9             (well-formed but not JSON, outside strings)
//   invalid number '1.'; expected digit after '.'
//   number '1e999' is out of range
//   comments are not allowed in JSON
//   duplicate key 'X' (first defined at line L, column C)   (at the second key)
//   nesting deeper than 256 levels          (limits.max_depth)
//   more than N nodes                       (limits.max_nodes)
ParseResult ParseJson(std::string_view text, const ParseLimits& limits = {});

}  // namespace halint
