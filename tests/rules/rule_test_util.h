// Test helper for rule unit tests: runs one rule over a template given as text.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer/engine.h"
#include "analyzer/finding.h"
#include "analyzer/loader.h"

namespace halint {

// The findings of rule `rule_id` for a template written as YAML or JSON (the loader picks the
// parser from the first byte and the dialect from the content), sorted. A template that does
// not load is a test failure and yields no findings. The file is named `name`: a Terraform
// configuration is read alone, as a module of one file, unless it is named *.tf.json.
inline std::vector<Finding> FindingsOf(std::string_view rule_id, std::string_view text,
                                       std::string_view name = "template.yaml") {
  auto source = std::make_shared<SourceFile>();
  source->path = std::string(name);
  source->text = std::string(text);
  LoadedInput input = LoadSource(source, {}, /*named_explicitly=*/true);
  for (const Finding& d : input.diagnostics) {
    ADD_FAILURE() << "diagnostic at " << d.pos.line << ":" << d.pos.column << ": " << d.message;
  }
  if (input.kind != LoadedInput::Kind::kTemplate) {
    ADD_FAILURE() << "not loaded as a template";
    return {};
  }
  EngineOptions options;
  options.enable = {std::string(rule_id)};
  std::vector<Finding> out;
  for (Finding& f : RunRules(input.graph, options)) {
    if (f.rule_id == rule_id) out.push_back(std::move(f));
  }
  return out;
}

// `text` with each placeholder (e.g. "{INGRESS}") replaced by its text; each must occur once.
inline std::string Substitute(
    std::string text, std::initializer_list<std::pair<std::string_view, std::string_view>> subst) {
  for (const auto& [placeholder, value] : subst) {
    size_t at = text.find(placeholder);
    EXPECT_NE(at, std::string::npos) << placeholder;
    if (at != std::string::npos) text.replace(at, placeholder.size(), value);
  }
  return text;
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

// "rule resource" for each finding, with a Terraform address reduced to its resource name
// ("aws_db_instance.Db" -> "Db"): for comparing a CloudFormation template with its Terraform
// twin whose logical IDs are the Terraform names.
inline std::vector<std::string> RulesAndResources(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    size_t dot = f.resource.find('.');
    out.push_back(f.rule_id + " " +
                  (dot == std::string::npos ? f.resource : f.resource.substr(dot + 1)));
  }
  return out;
}

// A Terraform configuration case of a rule table: the Describe() of its findings.
struct TfCase {
  const char* name;
  std::string text;
  std::vector<std::string> expected;
};

// Runs each case as a `.tf.json` configuration read alone (named template.json, so no
// sibling file joins the module) and compares the findings of `rule_id` with `expected`.
inline void ExpectTfCases(std::string_view rule_id, const std::vector<TfCase>& cases) {
  for (const TfCase& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Describe(FindingsOf(rule_id, c.text, "template.json")), c.expected);
  }
}

// (line, message) of each finding: what rule tables compare.
using FindingLines = std::vector<std::pair<uint32_t, std::string>>;

inline FindingLines LinesOfRule(std::string_view rule_id, std::string_view text,
                                std::string_view name = "template.yaml") {
  FindingLines out;
  for (const Finding& f : FindingsOf(rule_id, text, name)) {
    out.emplace_back(f.pos.line, f.message);
  }
  return out;
}

// One row of a rule table: a template and the findings it must produce.
struct RuleCase {
  const char* name;
  std::string text;
  FindingLines expected;
};

inline void ExpectRuleTable(std::string_view rule_id, const std::vector<RuleCase>& cases) {
  for (const RuleCase& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(LinesOfRule(rule_id, c.text), c.expected);
  }
}

}  // namespace halint
