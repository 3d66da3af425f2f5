// UTF-8 helpers shared by the parsers: validation up front, and code-point columns for
// positions (libraries count bytes; halint columns count Unicode code points).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parsers/document.h"

namespace halint {

struct Utf8Char {
  size_t length = 0;  // 0: the bytes at the start are not well-formed UTF-8
  char32_t code_point = 0;
};

// Decodes the character at the start of `s` (non-empty) strictly, as RFC 3629 and
// nlohmann's lexer do: no overlong forms, no surrogates, nothing above U+10FFFF.
Utf8Char DecodeUtf8(std::string_view s);

// The offset of the first byte of `text` that does not start a well-formed UTF-8
// sequence (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or
// std::string_view::npos when the whole text is valid.
size_t FindInvalidUtf8(std::string_view text);

// The number of code points in `text`, which must be valid UTF-8.
uint32_t CountCodePoints(std::string_view text);

// The 1-based line and code-point column of byte `offset` in `text` (offset may equal
// text.size()). Lines end at '\n'. Linear in `offset`: meant for error positions.
SourcePos PositionOf(std::string_view text, size_t offset);

}  // namespace halint
