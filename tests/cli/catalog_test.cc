#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analyzer/cli/app.h"
#include "analyzer/cli/rule_catalog.h"
#include "rules/registry.h"
#include "tests/cli/run_cli.h"

namespace halint {
namespace {

TEST(CatalogTest, ListRulesTextHasOneAlignedRowPerRule) {
  Outcome o = RunCli({"--list-rules"});
  ASSERT_EQ(o.code, kExitClean) << o.err;
  EXPECT_EQ(o.err, "");
  std::istringstream lines(o.out);
  std::string header;
  std::getline(lines, header);
  EXPECT_EQ(header.substr(0, 2), "ID");
  const size_t title_col = header.find("TITLE");
  ASSERT_NE(title_col, std::string::npos);
  std::string line;
  size_t n = 0;
  for (const Rule* r : AllRules()) {
    ASSERT_TRUE(std::getline(lines, line));
    const RuleInfo& i = r->info();
    EXPECT_EQ(line.substr(0, i.id.size()), i.id);
    EXPECT_NE(line.find(std::string(i.slug)), std::string::npos) << line;
    EXPECT_EQ(line.substr(title_col), i.title) << line;
    ++n;
  }
  EXPECT_FALSE(std::getline(lines, line)) << "extra line: " << line;
  EXPECT_GE(n, 6u);
  EXPECT_NE(o.out.find("HA001   az-spread"), std::string::npos) << o.out;
}

TEST(CatalogTest, ListRulesJsonCarriesTheMetadata) {
  Outcome o = RunCli({"--list-rules", "--format", "json"});
  ASSERT_EQ(o.code, kExitClean) << o.err;
  nlohmann::json j = nlohmann::json::parse(o.out);
  ASSERT_EQ(j["rules"].size(), AllRules().size());
  const nlohmann::json& first = j["rules"][0];
  const RuleInfo& info = AllRules()[0]->info();
  EXPECT_EQ(first["id"], std::string(info.id));
  EXPECT_EQ(first["slug"], std::string(info.slug));
  EXPECT_EQ(first["severity"], std::string(SeverityName(info.severity)));
  EXPECT_EQ(first["enabledByDefault"], info.enabled_by_default);
  EXPECT_EQ(first["rationale"], std::string(info.rationale));
  EXPECT_EQ(first["remediation"], std::string(info.remediation));
  EXPECT_EQ(first["helpUri"], RuleHelpUri(info.id));
  EXPECT_EQ(first["tags"].size(), info.tags.size());
}

TEST(CatalogTest, ListRulesMarkdownLinksEachRuleDoc) {
  Outcome o = RunCli({"--list-rules", "--format", "markdown"});
  ASSERT_EQ(o.code, kExitClean) << o.err;
  for (const Rule* r : AllRules()) {
    std::string id(r->info().id);
    EXPECT_NE(o.out.find("| [" + id + "](" + id + ".md) | `" + std::string(r->info().slug) + "`"),
              std::string::npos)
        << id;
  }
}

// docs/rules/index.md is generated; this fails when a rule's metadata changed and the index
// was not regenerated with `build/halint --list-rules --format markdown > docs/rules/index.md`.
TEST(CatalogTest, RuleIndexIsUpToDate) {
  std::ifstream in(std::string(HALINT_SOURCE_DIR) + "/docs/rules/index.md", std::ios::binary);
  ASSERT_TRUE(in) << "docs/rules/index.md is missing";
  std::stringstream committed;
  committed << in.rdbuf();
  Outcome o = RunCli({"--list-rules", "--format", "markdown"});
  EXPECT_EQ(committed.str(), o.out)
      << "docs/rules/index.md is stale: run "
         "build/halint --list-rules --format markdown > docs/rules/index.md";
}

TEST(CatalogTest, ExplainPrintsRationaleAndRemediationWrapped) {
  Outcome o = RunCli({"--explain", "HA001"});
  ASSERT_EQ(o.code, kExitClean) << o.err;
  const RuleInfo& info = FindRule("HA001")->info();
  EXPECT_EQ(o.out.substr(0, o.out.find('\n')), "HA001 az-spread: " + std::string(info.title));
  EXPECT_NE(o.out.find("severity: error (on by default)\n"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("\nwhy it matters:\n  An Availability Zone can fail as a unit."),
            std::string::npos)
      << o.out;
  EXPECT_NE(o.out.find("\nhow to fix:\n  Give the resource subnets"), std::string::npos);
  EXPECT_NE(o.out.find("more: " + RuleHelpUri("HA001") + "\n"), std::string::npos);
  EXPECT_NE(o.out.find("\nbad example:\n    Workers:\n      Type: AWS::AutoScaling::"
                       "AutoScalingGroup\n"),
            std::string::npos)
      << o.out;
  EXPECT_NE(o.out.find("\ngood example:\n    Workers:\n"), std::string::npos) << o.out;
  std::istringstream lines(o.out);
  std::string line;
  std::getline(lines, line);  // the title line is not wrapped
  while (std::getline(lines, line)) {
    if (line.starts_with("more: ") || line.starts_with("    ")) continue;  // URL, examples
    EXPECT_LE(line.size(), 80u) << line;
  }
}

TEST(CatalogTest, CatalogUsageErrors) {
  struct Case {
    std::vector<std::string> args;
    std::string err;
  };
  const Case cases[] = {
      {{"--explain", "HA01"}, "halint: --explain: unknown rule 'HA01'; did you mean 'HA001'?\n"},
      {{"--explain", "NOPE99"}, "halint: --explain: unknown rule 'NOPE99'\n"},
      {{"--list-rules", "--explain", "HA001"},
       "halint: --list-rules and --explain cannot be combined\n"},
      {{"--list-rules", "t.yaml"}, "halint: --list-rules and --explain take no PATH\n"},
      {{"--format", "markdown", "t.yaml"}, "halint: --format markdown is only for --list-rules\n"},
  };
  for (const Case& c : cases) {
    Outcome o = RunCli(c.args);
    EXPECT_EQ(o.code, kExitUsage) << c.args[0];
    EXPECT_EQ(o.out, "");
    EXPECT_EQ(o.err, c.err + "run 'halint --help' for usage\n");
  }
}

}  // namespace
}  // namespace halint
