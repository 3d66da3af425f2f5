#include "analyzer/report/sarif_reporter.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "analyzer/report/reporter.h"
#include "tests/cli/run_cli.h"
#include "tests/cli/test_files.h"

namespace halint {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

RuleInfo SecurityRule() {
  return RuleInfo{.id = "SEC009",
                  .slug = "open-door",
                  .title = "Doors are shut",
                  .severity = Severity::kError,
                  .rationale = "Open doors let people in.",
                  .remediation = "Shut the door.",
                  .bad_example = {},
                  .good_example = {},
                  .tags = {"security", "networking"}};
}

json WriteSarif(const Report& report, ReporterOptions options = {}) {
  options.tool_version = "9.9.9-test";
  std::ostringstream out;
  MakeReporter("sarif", options)->Write(report, out);
  const std::string text = out.str();
  EXPECT_TRUE(text.ends_with("}\n"));
  return json::parse(text);
}

TEST(SarifReporterTest, FieldByField) {
  Finding f;
  f.rule_id = "SEC009";
  f.severity = Severity::kWarning;
  f.file = "stacks/a b.yaml";
  f.pos = {5, 16};
  f.resource = "Db";
  f.property_path = "Properties.Port";
  f.message = "door \"Db\" is open";
  f.related.push_back({"stacks/a b.yaml", {2, 3}, "Nat", "the gateway"});
  f.related.push_back({"stacks/a b.yaml", {}, "", "somewhere"});
  Report report;
  report.files.push_back({nullptr, {f}});
  ReporterOptions options;
  options.rules = {SecurityRule()};
  const json log = WriteSarif(report, options);

  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1u);
  const json& run = log["runs"][0];
  const json& driver = run["tool"]["driver"];
  EXPECT_EQ(driver["name"], "halint");
  EXPECT_EQ(driver["version"], "9.9.9-test");
  EXPECT_EQ(driver["informationUri"], "https://github.com/halint/halint");
  ASSERT_EQ(driver["rules"].size(), 4u);  // SEC009, HLT001, HLT002, HLT003
  EXPECT_EQ(driver["rules"][0], json::parse(R"({
    "id": "SEC009", "name": "open-door",
    "shortDescription": {"text": "Doors are shut"},
    "fullDescription": {"text": "Open doors let people in."},
    "helpUri": "https://github.com/halint/halint/blob/main/docs/rules/SEC009.md",
    "help": {"text": "Shut the door.", "markdown": "Shut the door."},
    "defaultConfiguration": {"level": "error"},
    "properties": {"tags": ["security", "networking"], "precision": "high",
                   "security-severity": "8.0"}})"));
  EXPECT_EQ(driver["rules"][1]["id"], "HLT001");
  EXPECT_EQ(driver["rules"][2]["id"], "HLT002");
  EXPECT_FALSE(driver["rules"][1]["properties"].contains("security-severity"));

  EXPECT_EQ(run["invocations"],
            json::parse(R"([{"executionSuccessful": true, "toolExecutionNotifications": []}])"));
  EXPECT_TRUE(run["originalUriBaseIds"].contains("%SRCROOT%"));
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  ASSERT_EQ(run["results"].size(), 1u);
  const json& r = run["results"][0];
  EXPECT_EQ(r["ruleId"], "SEC009");
  EXPECT_EQ(r["ruleIndex"], 0);
  EXPECT_EQ(r["level"], "warning");
  EXPECT_EQ(r["message"]["text"], "door \"Db\" is open");
  EXPECT_EQ(r["locations"], json::parse(R"([{
    "physicalLocation": {
      "artifactLocation": {"uri": "stacks/a%20b.yaml", "uriBaseId": "%SRCROOT%"},
      "region": {"startLine": 5, "startColumn": 16}},
    "logicalLocations": [{"name": "Db", "kind": "resource"}]}])"));
  EXPECT_EQ(r["relatedLocations"], json::parse(R"([
    {"id": 1,
     "physicalLocation": {
       "artifactLocation": {"uri": "stacks/a%20b.yaml", "uriBaseId": "%SRCROOT%"},
       "region": {"startLine": 2, "startColumn": 3}},
     "logicalLocations": [{"name": "Nat", "kind": "resource"}],
     "message": {"text": "the gateway"}},
    {"id": 2,
     "physicalLocation": {
       "artifactLocation": {"uri": "stacks/a%20b.yaml", "uriBaseId": "%SRCROOT%"}},
     "message": {"text": "somewhere"}}])"));
  EXPECT_EQ(r["partialFingerprints"]["halintFingerprint/v1"], SarifFingerprint(f));
  EXPECT_EQ(SarifFingerprint(f).size(), 16u);
}

TEST(SarifReporterTest, FailedInputIsANotificationAndUnsuccessful) {
  Finding diag;
  diag.rule_id = "HLT001";
  diag.file = "bad.json";
  diag.pos = {3, 4};
  diag.message = "unexpected end of input";
  Report report;
  report.files.push_back({nullptr, {diag}, /*failed=*/true});
  const json run = WriteSarif(report)["runs"][0];
  EXPECT_EQ(run["invocations"][0]["executionSuccessful"], false);
  EXPECT_EQ(run["invocations"][0]["toolExecutionNotifications"], json::parse(R"([{
    "descriptor": {"id": "HLT001"}, "level": "error",
    "message": {"text": "unexpected end of input"},
    "locations": [{"physicalLocation": {
      "artifactLocation": {"uri": "bad.json", "uriBaseId": "%SRCROOT%"},
      "region": {"startLine": 3, "startColumn": 4}}}]}])"));
  ASSERT_EQ(run["results"].size(), 1u);
  EXPECT_EQ(run["results"][0]["ruleIndex"], 0);  // no rules ran: HLT001 comes first
  EXPECT_FALSE(run["results"][0]["locations"][0].contains("logicalLocations"));
}

TEST(SarifReporterTest, SuppressedFindingsCarryTheirSuppression) {
  Finding in_source;
  in_source.rule_id = "HLT001";
  in_source.file = "t.yaml";
  in_source.pos = {2, 3};
  in_source.message = "m";
  in_source.suppression = Suppression{Suppression::Kind::kInSource, "dev stack"};
  Finding external = in_source;
  external.pos = {4, 1};
  external.suppression = Suppression{Suppression::Kind::kExternal, "in the baseline"};
  Finding open = in_source;
  open.pos = {5, 1};
  open.suppression.reset();
  Report report;
  report.files.push_back({nullptr, {in_source, external, open}});
  const json results = WriteSarif(report)["runs"][0]["results"];
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0]["suppressions"],
            json::parse(R"([{"kind": "inSource", "justification": "dev stack"}])"));
  EXPECT_EQ(results[1]["suppressions"],
            json::parse(R"([{"kind": "external", "justification": "in the baseline"}])"));
  EXPECT_FALSE(results[2].contains("suppressions"));
}

// An ID with no descriptor (a diagnostic added later) still gets one, so ruleIndex is valid.
TEST(SarifReporterTest, UndescribedRuleGetsADescriptor) {
  Finding f;
  f.rule_id = "HLT777";
  f.file = "t.yaml";
  f.pos = {1, 1};
  f.message = "m";
  Report report;
  report.files.push_back({nullptr, {f}});
  const json run = WriteSarif(report)["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["rules"][3]["id"], "HLT777");
  EXPECT_EQ(run["results"][0]["ruleIndex"], 3);
}

TEST(SarifReporterTest, Uris) {
  EXPECT_EQ(SarifFileUri("a.yaml").uri, "a.yaml");
  EXPECT_EQ(SarifFileUri("./x/../a.yaml").uri, "a.yaml");
  EXPECT_EQ(SarifFileUri("./x/../a.yaml").base, "%SRCROOT%");
  EXPECT_EQ(SarifFileUri("d/ü#1.yaml").uri, "d/%C3%BC%231.yaml");
  const std::string inside = (fs::current_path() / "sub" / "t.yaml").string();
  EXPECT_EQ(SarifFileUri(inside).uri, "sub/t.yaml");
  EXPECT_EQ(SarifFileUri(inside).base, "%SRCROOT%");
  const std::string outside = fs::current_path().root_path().string() + "elsewhere-x/t.yaml";
  if (!fs::current_path().string().starts_with(
          (fs::current_path().root_path() / "elsewhere-x").string())) {
    EXPECT_EQ(SarifFileUri(outside).uri, "file:///elsewhere-x/t.yaml");
    EXPECT_EQ(SarifFileUri(outside).base, "");
  }
}

TEST(SarifReporterTest, SecuritySeverityMapping) {
  RuleInfo r = SecurityRule();
  EXPECT_EQ(SecuritySeverity(r), "8.0");
  r.severity = Severity::kWarning;
  EXPECT_EQ(SecuritySeverity(r), "5.0");
  r.severity = Severity::kNote;
  EXPECT_EQ(SecuritySeverity(r), "2.0");
  r.tags = {"reliability"};
  EXPECT_EQ(SecuritySeverity(r), "");
}

// The fingerprint leaves out line numbers: a template edited above its findings keeps
// them, while a change of resource or property makes a new one.
TEST(SarifReporterTest, FingerprintsSurviveMovedLines) {
  Finding a;
  a.rule_id = "HA003";
  a.file = "t.yaml";
  a.pos = {10, 3};
  a.resource = "Db";
  a.property_path = "Properties.MultiAZ";
  Finding moved = a;
  moved.pos = {42, 7};
  moved.message = "reworded";
  EXPECT_EQ(SarifFingerprint(a), SarifFingerprint(moved));
  Finding other = a;
  other.resource = "Db2";
  EXPECT_NE(SarifFingerprint(a), SarifFingerprint(other));
  other = a;
  other.property_path = "Properties.Engine";
  EXPECT_NE(SarifFingerprint(a), SarifFingerprint(other));
  other = a;
  other.file = "./t.yaml";  // the same file, named differently
  EXPECT_EQ(SarifFingerprint(a), SarifFingerprint(other));
  EXPECT_EQ(SarifFingerprint(a),
            "64cdf63275f39c6d");  // pinned (FNV-1a 64): baselines outlive builds
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The same check run end to end: a copy of the "before" scenario with lines inserted at
// the top has the same fingerprints and different lines.
TEST(SarifReporterTest, EndToEndFingerprintsSurviveInsertedLines) {
  const std::string original =
      ReadAll(std::string(HALINT_SOURCE_DIR) + "/fixtures/scenarios/three-tier-before.yaml");
  ASSERT_FALSE(original.empty());
  TempDir dir;
  const fs::path saved = fs::current_path();
  fs::current_path(dir.path());
  dir.Write("t.yaml", original);
  Outcome before = RunCli({"--format", "sarif", "t.yaml"});
  dir.Write("t.yaml", "# a comment\n# and another\n\n" + original);
  Outcome after = RunCli({"--format", "sarif", "t.yaml"});
  fs::current_path(saved);
  ASSERT_EQ(before.code, kExitFindings) << before.err;
  const json a = json::parse(before.out)["runs"][0]["results"];
  const json b = json::parse(after.out)["runs"][0]["results"];
  ASSERT_EQ(a.size(), b.size());
  ASSERT_GE(a.size(), 5u);
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i]["partialFingerprints"], b[i]["partialFingerprints"]);
    EXPECT_EQ(a[i]["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>() + 3,
              b[i]["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>());
  }
}

TEST(SarifReporterTest, CliReportsEnabledRulesAtTheirSeverity) {
  const std::string path =
      std::string(HALINT_SOURCE_DIR) + "/fixtures/scenarios/three-tier-after.yaml";
  Outcome o =
      RunCli({"--format", "sarif", "--disable", "HA,NET", "--severity", "SEC001=note", path});
  ASSERT_EQ(o.code, kExitClean) << o.err;
  const json rules = json::parse(o.out)["runs"][0]["tool"]["driver"]["rules"];
  ASSERT_GE(rules.size(), 3u);
  EXPECT_EQ(rules[0]["id"], "SEC001");
  EXPECT_EQ(rules[0]["defaultConfiguration"]["level"], "note");
  EXPECT_EQ(rules[0]["properties"]["security-severity"], "2.0");
  for (const json& r : rules) {
    EXPECT_FALSE(r["id"].get<std::string>().starts_with("HA"));
    EXPECT_FALSE(r["id"].get<std::string>().starts_with("NET"));
  }
}

TEST(SarifReporterTest, CliUnreadableInputIsUnsuccessful) {
  Outcome o = RunCli({"--format", "sarif", "/nonexistent/halint/t.yaml"});
  EXPECT_EQ(o.code, kExitInputError);
  const json run = json::parse(o.out)["runs"][0];
  EXPECT_EQ(run["invocations"][0]["executionSuccessful"], false);
  ASSERT_EQ(run["invocations"][0]["toolExecutionNotifications"].size(), 1u);
  EXPECT_EQ(run["results"][0]["ruleId"], "HLT001");
}

// Validates the golden SARIF files with tests/sarif/validate.mjs (the SARIF 2.1.0 schema
// and GitHub's upload limits). Needs node and `npm ci` in tests/sarif; .ci/run does both.
TEST(SarifSchemaTest, GoldenFilesValidate) {
  const fs::path src = HALINT_SOURCE_DIR;
  if (std::system("node --version >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "node is not installed: SARIF schema validation skipped";
  }
  if (!fs::exists(src / "tests/sarif/node_modules/ajv-draft-04")) {
    GTEST_SKIP() << "tests/sarif/node_modules is missing: run `npm ci` in tests/sarif";
  }
  std::string files;
  int count = 0;
  for (const auto& e : fs::directory_iterator(src / "fixtures/golden")) {
    if (e.path().extension() == ".sarif") {
      files += " '" + e.path().string() + "'";
      ++count;
    }
  }
  ASSERT_GE(count, 4);
  TempDir dir;
  const std::string log = dir.path() + "/validate.log";
  const std::string cmd =
      "node '" + (src / "tests/sarif/validate.mjs").string() + "'" + files + " >'" + log + "' 2>&1";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << ReadAll(log);

  // And the validator can fail: a result with an invalid level is rejected.
  json broken =
      json::parse(ReadAll((src / "fixtures/golden/three-tier-before.yaml.sarif").string()));
  broken["runs"][0]["results"][0]["level"] = "fatal";
  std::ofstream(dir.path() + "/broken.sarif") << broken.dump();
  const std::string bad = "node '" + (src / "tests/sarif/validate.mjs").string() + "' '" +
                          dir.path() + "/broken.sarif' >'" + log + "' 2>&1";
  EXPECT_NE(std::system(bad.c_str()), 0);
  EXPECT_NE(ReadAll(log).find("level must be equal to one of the allowed values"),
            std::string::npos)
      << ReadAll(log);
}

}  // namespace
}  // namespace halint
