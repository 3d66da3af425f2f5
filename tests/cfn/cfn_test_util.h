// Test helpers for the CloudFormation front end.
#pragma once

#include <gtest/gtest.h>

#include <string_view>

#include "parsers/document.h"
#include "parsers/yaml/yaml_parser.h"

namespace halint {

// The tree of a YAML (or JSON: YAML is its superset) text; a test failure and a null tree
// when it does not parse.
inline Node ParseTree(std::string_view text) {
  ParseResult parsed = ParseYaml(text);
  EXPECT_TRUE(parsed.ok()) << parsed.error_pos.line << ":" << parsed.error_pos.column << ": "
                           << parsed.error;
  return std::move(parsed.root);
}

}  // namespace halint
