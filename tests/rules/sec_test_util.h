// Test helpers for the security-group rules: run one rule over a template given as text.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/engine.h"
#include "analyzer/loader.h"

namespace halint {

// The findings of rule `rule_id` (only that rule) in a CloudFormation template given as YAML
// or JSON text. A template that does not load (HLT001) is a test failure.
inline std::vector<Finding> FindingsOf(std::string_view rule_id, std::string_view text) {
  auto source = std::make_shared<SourceFile>();
  source->path = "template";
  source->text = std::string(text);
  LoadedInput input = LoadSource(source, {}, true);
  for (const Finding& d : input.diagnostics) {
    ADD_FAILURE() << "template does not load: " << d.pos.line << ":" << d.pos.column << ": "
                  << d.message;
  }
  if (input.kind != LoadedInput::Kind::kTemplate) return {};
  EngineOptions options;
  options.enable = {std::string(rule_id)};
  std::vector<Finding> out;
  for (Finding& f : RunRules(input.graph, options)) {
    if (f.rule_id == rule_id) out.push_back(std::move(f));
  }
  return out;
}

// "line:column resource: message" for each finding, in report order: what tests compare.
inline std::vector<std::string> Describe(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    out.push_back(std::to_string(f.pos.line) + ":" + std::to_string(f.pos.column) + " " +
                  f.resource + ": " + f.message);
  }
  return out;
}

// The messages alone: for comparing dialects whose lines differ.
inline std::vector<std::string> Messages(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(f.resource + ": " + f.message);
  return out;
}

}  // namespace halint
