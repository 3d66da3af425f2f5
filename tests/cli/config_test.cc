#include "analyzer/config.h"

#include <gtest/gtest.h>

#include "analyzer/cli/app.h"
#include "tests/cli/run_cli.h"
#include "tests/cli/test_files.h"

namespace halint {
namespace {

// One HA001 error (a one-subnet Auto Scaling group) at 8:7.
constexpr const char* kTemplate = R"(AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Workers:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: "2"
      MaxSize: "4"
      VPCZoneIdentifier: [subnet-0123]
)";

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::optional<ConfigError> Parse(std::string_view text, Config& out) {
  return ParseConfig("c/.halint.yaml", text, out);
}

TEST(ConfigTest, ReadsEveryKey) {
  Config c;
  std::optional<ConfigError> error = Parse(R"(enable: [SEC]
disable: HA002
severity: {HA001: warning}
fail-on: error
parameters: {Env: prod, Count: 3}
region: eu-west-1
exclude: ["legacy/**"]
ignore:
  - {id: HA003, resource: "Db*", path: "stacks/*.yaml", reason: "single-AZ dev DB", until: 2027-01-31}
rules:
  TAG001:
    patterns: {"AWS::EC2::VPC": "^prod-.*"}
)",
                                           c);
  ASSERT_FALSE(error) << error->ToString();
  EXPECT_EQ(c.enable, std::vector<std::string>{"SEC"});
  EXPECT_EQ(c.disable, std::vector<std::string>{"HA002"});
  EXPECT_EQ(c.severity.at("HA001"), Severity::kWarning);
  EXPECT_EQ(c.fail_on, "error");
  EXPECT_EQ(c.parameters.at("Count"), "3");
  EXPECT_EQ(c.region, "eu-west-1");
  EXPECT_EQ(c.exclude, std::vector<std::string>{"legacy/**"});
  ASSERT_EQ(c.ignore.size(), 1u);
  EXPECT_EQ(c.ignore[0].resource, "Db*");
  EXPECT_EQ(c.ignore[0].until, "2027-01-31");
  EXPECT_EQ(c.ignore[0].pos.line, 9u);
  EXPECT_EQ(c.tag_patterns.at("AWS::EC2::VPC"), "^prod-.*");
}

TEST(ConfigTest, EmptyFileIsAnEmptyConfig) {
  Config c;
  EXPECT_FALSE(Parse("", c));
  EXPECT_FALSE(Parse("# nothing yet\n", c));
}

TEST(ConfigTest, ErrorsHaveAPositionAndASuggestion) {
  struct Case {
    std::string text;
    std::string error;
  };
  const Case cases[] = {
      {"disabel: [HA002]\n",
       "c/.halint.yaml:1:1: error: unknown key 'disabel'; did you mean 'disable'? [HLT003]"},
      {"enable:\n  - SEC001\n  - HA02\n",
       "c/.halint.yaml:3:5: error: unknown rule 'HA02'; did you mean 'HA002'? [HLT003]"},
      {"severity:\n  HA001: fatal\n",
       "c/.halint.yaml:2:10: error: unknown level 'fatal' (expected error, warning or note) "
       "[HLT003]"},
      {"severity:\n  HA01: note\n",
       "c/.halint.yaml:2:3: error: unknown rule 'HA01'; did you mean 'HA001'? [HLT003]"},
      {"fail-on: warnings\n",
       "c/.halint.yaml:1:10: error: unknown fail-on level 'warnings' (expected error, warning, "
       "note or none); did you mean 'warning'? [HLT003]"},
      {"region: [a, b]\n",
       "c/.halint.yaml:1:9: error: 'region' must be a string, got a list [HLT003]"},
      {"exclude: {a: b}\n",
       "c/.halint.yaml:1:10: error: 'exclude' must be a list of strings, got a map [HLT003]"},
      {"ignore:\n  - {id: HA003}\n",
       "c/.halint.yaml:2:5: error: an 'ignore' entry needs a 'reason' (why is this "
       "acceptable?) [HLT003]"},
      {"ignore:\n  - {id: HA003, reason: x, util: 2027-01-01}\n",
       "c/.halint.yaml:2:28: error: unknown ignore key 'util'; did you mean 'until'? [HLT003]"},
      {"ignore:\n  - {id: HA003, reason: x, until: next year}\n",
       "c/.halint.yaml:2:35: error: 'until' must be a date YYYY-MM-DD, got 'next year' [HLT003]"},
      {"rules:\n  TAG001:\n    patterns: {\"AWS::EC2::VPC\": \"^prod-(\"}\n",
       "c/.halint.yaml:3:33: error: invalid regular expression for AWS::EC2::VPC: missing ): "
       "^prod-( [HLT003]"},
      {"rules:\n  TAG01: {}\n",
       "c/.halint.yaml:2:3: error: unknown rule 'TAG01'; did you mean 'TAG001'? [HLT003]"},
      {"rules:\n  HA001: {}\n", "c/.halint.yaml:2:3: error: rule HA001 takes no options [HLT003]"},
      {"- enable\n", "c/.halint.yaml:1:1: error: expected a map of settings, got a list [HLT003]"},
  };
  for (const Case& c : cases) {
    Config config;
    std::optional<ConfigError> error = Parse(c.text, config);
    ASSERT_TRUE(error) << c.text;
    EXPECT_EQ(error->ToString(), c.error) << c.text;
  }
}

TEST(ConfigTest, Globs) {
  EXPECT_TRUE(GlobMatch("legacy/**", "legacy/a/b.yaml"));
  EXPECT_TRUE(GlobMatch("**/*.json", "x.json"));
  EXPECT_TRUE(GlobMatch("**/*.json", "a/b/x.json"));
  EXPECT_TRUE(GlobMatch("stacks/?.yaml", "stacks/a.yaml"));
  EXPECT_FALSE(GlobMatch("stacks/*.yaml", "stacks/a/b.yaml"));
  EXPECT_FALSE(GlobMatch("*.yaml", "a.yaml.bak"));
  EXPECT_TRUE(GlobMatch("a.(b)+.yaml", "a.(b)+.yaml"));  // regex characters are literal
}

TEST(ConfigTest, NearestConfigWinsAndDisablesForItsTree) {
  TempDir dir;
  dir.Write(".halint.yaml", "disable: [HA001]\n");
  dir.Write("sub/.halint.yaml", "severity: {HA001: note}\n");
  std::string top = dir.Write("top.yaml", kTemplate);
  std::string sub = dir.Write("sub/deeper/t.yaml", kTemplate);
  EXPECT_EQ(FindConfigFor(sub), dir.path() + "/sub/.halint.yaml");
  EXPECT_EQ(FindConfigFor(top), dir.path() + "/.halint.yaml");

  Outcome o = RunCli({"--no-color", top, sub});
  EXPECT_FALSE(Has(o.out, top + ":")) << o.out;
  EXPECT_TRUE(Has(o.out, sub + ":8:7: note:")) << o.out;
  EXPECT_EQ(o.code, kExitClean) << o.out << o.err;  // a note is below --fail-on warning
}

TEST(ConfigTest, CommandLineWinsOverTheConfigFile) {
  TempDir dir;
  dir.Write(".halint.yaml", "disable: [HA]\nfail-on: none\nseverity: {HA001: note}\n");
  std::string t = dir.Write("t.yaml", kTemplate);
  Outcome quiet = RunCli({"--no-color", t});
  EXPECT_EQ(quiet.code, kExitClean);
  EXPECT_FALSE(Has(quiet.out, "[HA001]")) << quiet.out;

  Outcome enabled = RunCli({"--no-color", "--enable", "HA001", t});
  EXPECT_TRUE(Has(enabled.out, t + ":8:7: note:")) << enabled.out;
  EXPECT_EQ(enabled.code, kExitClean);  // fail-on none from the config

  Outcome all = RunCli(
      {"--no-color", "--enable", "HA001", "--severity", "HA001=error", "--fail-on", "error", t});
  EXPECT_TRUE(Has(all.out, t + ":8:7: error:")) << all.out;
  EXPECT_EQ(all.code, kExitFindings);
}

TEST(ConfigTest, ExplicitConfigFileAndExclude) {
  TempDir dir;
  std::string cfg = dir.Write("ci/strict.yaml", "exclude: ['../legacy/**']\n");
  dir.Write(".halint.yaml", "disable: [HA001]\n");  // not used: --config wins
  std::string t = dir.Write("t.yaml", kTemplate);
  dir.Write("legacy/old.yaml", kTemplate);
  Outcome o = RunCli({"--no-color", "--config", cfg, dir.path()});
  EXPECT_EQ(o.code, kExitFindings) << o.err;
  EXPECT_TRUE(Has(o.out, "t.yaml:8:7: error:")) << o.out;
  EXPECT_FALSE(Has(o.out, "old.yaml")) << o.out;

  dir.Write(".halint.yaml", "exclude: ['legacy/**']\n");
  Outcome excluded = RunCli({"--no-color", dir.path()});
  EXPECT_TRUE(Has(excluded.out, "t.yaml:8:7")) << excluded.out;
  EXPECT_FALSE(Has(excluded.out, "old.yaml")) << excluded.out;
}

TEST(ConfigTest, BadConfigExits64WithItsPosition) {
  TempDir dir;
  std::string cfg = dir.Write(".halint.yaml", "region: eu-west-1\ndisabel: [HA002]\n");
  std::string t = dir.Write("t.yaml", kTemplate);
  Outcome o = RunCli({t});
  EXPECT_EQ(o.code, kExitUsage);
  EXPECT_EQ(o.out, "");
  EXPECT_EQ(o.err, cfg + ":2:1: error: unknown key 'disabel'; did you mean 'disable'? [HLT003]\n");

  Outcome missing = RunCli({"--config", dir.path() + "/nope.yaml", t});
  EXPECT_EQ(missing.code, kExitUsage);
  EXPECT_TRUE(Has(missing.err, "nope.yaml:1:1: error: cannot read file")) << missing.err;
}

}  // namespace
}  // namespace halint
