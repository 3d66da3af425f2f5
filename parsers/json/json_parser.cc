#include "parsers/json/json_parser.h"

namespace halint {

ParseResult ParseJson(std::string_view, const ParseLimits&) {
  ParseResult r;
  r.failed = true;
  r.error = "JSON parser not implemented yet";
  return r;
}

}  // namespace halint
