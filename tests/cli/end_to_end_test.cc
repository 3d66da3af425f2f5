// The whole pipeline through RunHalint: real parsers, front end and rules.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "analyzer/cli/app.h"
#include "tests/cli/run_cli.h"
#include "tests/cli/test_files.h"

namespace halint {
namespace {

// A single-AZ database whose MultiAZ comes from a parameter defaulting to "false".
constexpr const char* kTemplate =
    "Resources:\n"
    "  Db:\n"
    "    Type: AWS::RDS::DBInstance\n"
    "    Properties:\n"
    "      Engine: mysql\n"
    "      MultiAZ: !Ref Multi\n"
    "Parameters:\n"
    "  Multi:\n"
    "    Type: String\n"
    "    Default: \"false\"\n";

constexpr const char* kMessage =
    "'Db' (AWS::RDS::DBInstance) has MultiAZ false: the database runs in one AZ with no "
    "standby; set MultiAZ to true";

TEST(CliEndToEndTest, TextReportExactBytes) {
  TempDir dir;
  std::string path = dir.Write("db.yaml", kTemplate);
  Outcome o = RunCli({path});
  EXPECT_EQ(o.code, kExitFindings);
  EXPECT_EQ(o.out, path + ":6:7: error: " + kMessage +
                       " [HA003]\n"
                       "      MultiAZ: !Ref Multi\n"
                       "      ^\n"
                       "\n"
                       "1 error, 0 warnings, 0 notes in 1 file\n");
  EXPECT_EQ(o.err, "");
}

TEST(CliEndToEndTest, OptionsReachTheFrontEndAndEngine) {
  TempDir dir;
  std::string path = dir.Write("db.yaml", kTemplate);
  std::string params =
      dir.Write("p.json", R"([{"ParameterKey": "Multi", "ParameterValue": "true"}])");
  std::string bad_params = dir.Write("bad.json", "[1,");
  struct Case {
    std::vector<std::string> args;
    int code;
  };
  const Case cases[] = {
      {{"--parameter", "Multi=true"}, kExitClean},
      {{"--parameters-file", params}, kExitClean},
      {{"--parameters-file", params, "--parameter", "Multi=false"}, kExitFindings},
      {{"--disable", "HA003"}, kExitClean},
      {{"--fail-on", "none"}, kExitClean},
      {{"--severity", "HA003=note"}, kExitClean},
      {{"--severity", "HA003=note", "--fail-on", "note"}, kExitFindings},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = c.args;
    args.push_back(path);
    EXPECT_EQ(RunCli(args).code, c.code) << ::testing::PrintToString(c.args);
  }
  Outcome bad = RunCli({"--parameters-file", bad_params, path});
  EXPECT_EQ(bad.code, kExitUsage);
  EXPECT_TRUE(bad.err.starts_with("halint: --parameters-file: " + bad_params + ":1:")) << bad.err;
}

TEST(CliEndToEndTest, JsonReportFieldByField) {
  TempDir dir;
  std::string path = dir.Write("db.yaml", kTemplate);
  Outcome o = RunCli({"--format", "json", path, dir.path() + "/missing.json"});
  EXPECT_EQ(o.code, kExitInputError);
  nlohmann::json j = nlohmann::json::parse(o.out);
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["files"], 2);
  ASSERT_EQ(j["findings"].size(), 2u);
  const auto& f = j["findings"][0];
  EXPECT_EQ(f["rule"], "HA003");
  EXPECT_EQ(f["level"], "error");
  EXPECT_EQ(f["file"], path);
  EXPECT_EQ(f["line"], 6);
  EXPECT_EQ(f["column"], 7);
  EXPECT_EQ(f["resource"], "Db");
  EXPECT_EQ(f["message"], kMessage);
  EXPECT_EQ(f["related"], nlohmann::json::array());
  EXPECT_EQ(j["findings"][1]["rule"], "HLT001");
  EXPECT_EQ(j["findings"][1]["file"], dir.path() + "/missing.json");
}

TEST(CliEndToEndTest, JobsDoNotChangeOutputOnTemplates) {
  TempDir dir;
  for (int i = 0; i < 12; ++i) dir.Write("s" + std::to_string(i) + "/db.yaml", kTemplate);
  Outcome one = RunCli({"--jobs", "1", dir.path()});
  Outcome two = RunCli({"--jobs", "2", dir.path()});
  EXPECT_EQ(one.code, kExitFindings);
  EXPECT_EQ(one.out, two.out);
  EXPECT_NE(one.out.find("12 errors, 0 warnings, 0 notes in 12 files\n"), std::string::npos);
}

TEST(CliEndToEndTest, StdinTemplate) {
  TempDir dir;
  StdinFrom in(dir.Write("db.yaml", kTemplate));
  Outcome o = RunCli({"--quiet", "-"});
  EXPECT_EQ(o.code, kExitFindings);
  EXPECT_TRUE(o.out.starts_with("<stdin>:6:7: error: ")) << o.out;
}

TEST(CliEndToEndTest, GraphJsonOneAndSeveral) {
  TempDir dir;
  std::string a = dir.Write("a.yaml", kTemplate);
  std::string b = dir.Write("b.json", R"({"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}})");
  Outcome one = RunCli({"graph", a});
  EXPECT_EQ(one.code, kExitClean);
  nlohmann::json g = nlohmann::json::parse(one.out);
  EXPECT_EQ(g["file"], a);
  EXPECT_EQ(g["dialect"], "cloudformation");
  ASSERT_EQ(g["resources"].size(), 1u);
  EXPECT_EQ(g["resources"][0]["id"], "Db");
  EXPECT_EQ(g["resources"][0]["line"], 2);
  EXPECT_EQ(g["resources"][0]["properties"]["MultiAZ"], "false");
  Outcome both = RunCli({"graph", "--parameter", "Multi=true", a, b});
  EXPECT_EQ(both.code, kExitClean);
  EXPECT_TRUE(both.out.starts_with("[\n  {\n    \"file\": ")) << both.out;
  nlohmann::json arr = nlohmann::json::parse(both.out);
  ASSERT_EQ(arr.size(), 2u);
  EXPECT_EQ(arr[0]["resources"][0]["properties"]["MultiAZ"], "true");
  EXPECT_EQ(arr[1]["file"], b);
  EXPECT_EQ(arr[1]["resources"][0]["type"], "AWS::SQS::Queue");
}

TEST(CliEndToEndTest, BundledExampleReportsItsKnownGaps) {
  Outcome o = RunCli({"--format", "json", HALINT_SOURCE_DIR "/examples/three-tier.yaml"});
  EXPECT_EQ(o.code, kExitFindings);
  nlohmann::json j = nlohmann::json::parse(o.out);
  std::vector<std::string> rules;
  for (const auto& f : j["findings"]) rules.push_back(f["rule"]);
  EXPECT_EQ(rules, (std::vector<std::string>{"HA002", "SEC007", "HA003"}));
}

}  // namespace
}  // namespace halint
