#include "parsers/yaml/yaml_parser.h"

namespace halint {

ParseResult ParseYaml(std::string_view, const ParseLimits&) {
  ParseResult r;
  r.failed = true;
  r.error = "YAML parser not implemented yet";
  return r;
}

}  // namespace halint
