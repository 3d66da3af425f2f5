#include "analyzer/suppress.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "analyzer/cli/app.h"
#include "tests/cli/run_cli.h"
#include "tests/cli/test_files.h"

namespace halint {
namespace {

// An Auto Scaling group with one subnet: one HA001 error at line `8 + extra lines`, col 7.
std::string Asg(const std::string& name, const std::string& metadata = "",
                const std::string& comment_above = "", const std::string& comment_on = "") {
  std::string t = "  " + name + ":\n    Type: AWS::AutoScaling::AutoScalingGroup\n";
  if (!metadata.empty()) t += "    Metadata:\n      halint:\n        ignore:\n" + metadata;
  t += "    Properties:\n      MinSize: \"2\"\n      MaxSize: \"4\"\n";
  if (!comment_above.empty()) t += "      " + comment_above + "\n";
  t += "      VPCZoneIdentifier: [subnet-0123]" + (comment_on.empty() ? "" : "  " + comment_on);
  return t + "\n";
}

std::string Template(const std::string& resources) {
  return "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n" + resources;
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(SuppressTest, MetadataSuppressesAndIsCountedAndShownOnRequest) {
  TempDir dir;
  std::string t = dir.Write(
      "t.yaml", Template(Asg("Workers", "          - {id: HA001, reason: \"batch only\"}\n")));
  Outcome o = RunCli({"--no-color", t});
  EXPECT_EQ(o.code, kExitClean) << o.out;
  EXPECT_EQ(o.out, "no problems found in 1 file (1 suppressed)\n");

  Outcome shown = RunCli({"--no-color", "--show-suppressed", t});
  EXPECT_TRUE(Has(shown.out, "[HA001] (suppressed: batch only)\n")) << shown.out;
  EXPECT_EQ(shown.code, kExitClean);

  nlohmann::json hidden = nlohmann::json::parse(RunCli({"--format", "json", t}).out);
  EXPECT_TRUE(hidden["findings"].empty());
  nlohmann::json j =
      nlohmann::json::parse(RunCli({"--format", "json", "--show-suppressed", t}).out);
  ASSERT_EQ(j["findings"].size(), 1u);
  EXPECT_EQ(j["findings"][0]["suppression"]["kind"], "inSource");
  EXPECT_EQ(j["findings"][0]["suppression"]["justification"], "batch only");
}

TEST(SuppressTest, CommentOnTheLineOrTheLineAbove) {
  TempDir dir;
  std::string t =
      dir.Write("t.yaml", Template(Asg("A", "", "# halint:ignore HA001 one AZ is fine here") +
                                   Asg("B", "", "", "# halint:ignore HA001 also fine") + Asg("C")));
  Outcome o = RunCli({"--no-color", "-q", t});
  EXPECT_FALSE(Has(o.out, "'A'")) << o.out;
  EXPECT_FALSE(Has(o.out, "'B'")) << o.out;
  EXPECT_TRUE(Has(o.out, "'C'")) << o.out;
  EXPECT_FALSE(Has(o.out, "HLT003")) << o.out;
  EXPECT_EQ(o.code, kExitFindings);
}

TEST(SuppressTest, BadSuppressionsAreHlt003AndDoNotApply) {
  TempDir dir;
  std::string t = dir.Write(
      "t.yaml", Template(Asg("A", "          - {id: HA01, reason: typo}\n") +
                         Asg("B", "          - {id: HA001}\n") +
                         Asg("C", "          - {id: HA001, reason: old, until: 2000-01-01}\n") +
                         Asg("D", "          - {id: HA001, reason: later, until: 2999-12-31}\n") +
                         Asg("E", "", "", "# halint:ignore HA001") +
                         "  Bucket:\n    Type: AWS::S3::Bucket\n    Metadata:\n      halint:\n"
                         "        ignore: [{id: HA003, reason: nothing to suppress}]\n" +
                         "  # halint:ignore SEC001 stray\n"));
  Outcome o = RunCli({"--no-color", "-q", t});
  EXPECT_TRUE(Has(o.out, "unknown rule 'HA01' in halint.ignore entry; did you mean 'HA001'?"))
      << o.out;
  EXPECT_TRUE(Has(o.out, "the halint.ignore entry for HA001 needs a reason [HLT003]"));
  EXPECT_TRUE(Has(o.out, "the halint.ignore entry for HA001 expired on 2000-01-01 [HLT003]"));
  EXPECT_TRUE(Has(o.out, "the halint:ignore comment for HA001 needs a reason [HLT003]"));
  EXPECT_TRUE(Has(o.out, "unused suppression: no HA003 finding on 'Bucket' [HLT003]"));
  EXPECT_TRUE(Has(o.out, "unused suppression: no SEC001 finding on this line or the next"));
  // A, B, C and E still report HA001; D is suppressed until 2999.
  for (std::string id : {"A", "B", "C", "E"}) {
    EXPECT_TRUE(Has(o.out, "'" + id + "' (AWS::AutoScaling::AutoScalingGroup)")) << id;
  }
  EXPECT_FALSE(Has(o.out, "'D' (AWS")) << o.out;
  EXPECT_EQ(o.code, kExitFindings);

  // A disabled rule's suppressions are not "unused".
  Outcome disabled = RunCli({"--no-color", "-q", "--disable", "HA003,SEC001", t});
  EXPECT_FALSE(Has(disabled.out, "unused suppression")) << disabled.out;
}

TEST(SuppressTest, ConfigIgnoreByRuleResourceAndPathGlobs) {
  TempDir dir;
  dir.Write(".halint.yaml",
            "ignore:\n"
            "  - {id: HA001, resource: \"Dev*\", path: \"stacks/*.yaml\", reason: dev only}\n");
  std::string in = dir.Write("stacks/a.yaml", Template(Asg("DevWorkers") + Asg("ProdWorkers")));
  std::string out = dir.Write("other/a.yaml", Template(Asg("DevWorkers")));
  Outcome o = RunCli({"--no-color", "-q", in, out});
  EXPECT_FALSE(Has(o.out, in + ":8:7")) << o.out;  // DevWorkers in stacks/: suppressed
  EXPECT_TRUE(Has(o.out, "'ProdWorkers'")) << o.out;
  EXPECT_TRUE(Has(o.out, out + ":8:7")) << o.out;  // path glob does not match

  nlohmann::json j =
      nlohmann::json::parse(RunCli({"--format", "json", "--show-suppressed", in}).out);
  ASSERT_EQ(j["findings"].size(), 2u);
  EXPECT_EQ(j["findings"][0]["suppression"]["kind"], "external");
  EXPECT_EQ(j["findings"][0]["suppression"]["justification"], "dev only");
}

TEST(SuppressTest, UnusedAndExpiredConfigIgnoreEntriesAreHlt003OnTheConfigFile) {
  TempDir dir;
  std::string cfg = dir.Write(".halint.yaml",
                              "ignore:\n"
                              "  - {id: HA001, resource: Workers, reason: used}\n"
                              "  - {id: HA002, reason: never matches}\n"
                              "  - {id: HA001, resource: Other, reason: old, until: 2000-01-01}\n"
                              "  - {id: TAG001, reason: rule not run}\n");
  std::string t = dir.Write("t.yaml", Template(Asg("Workers") + Asg("Other")));
  Outcome o = RunCli({"--no-color", "-q", t});
  EXPECT_FALSE(Has(o.out, "'Workers'")) << o.out;
  EXPECT_TRUE(Has(o.out, "'Other'")) << o.out;  // the expired entry does not apply
  EXPECT_TRUE(Has(o.out, cfg + ":3:5: warning: unused suppression: the ignore entry for HA002 "
                               "matched no finding [HLT003]"))
      << o.out;
  EXPECT_TRUE(Has(o.out, cfg + ":4:5: warning: the ignore entry for HA001 expired on 2000-01-01 "
                               "[HLT003]"))
      << o.out;
  EXPECT_FALSE(Has(o.out, "TAG001")) << o.out;
  EXPECT_FALSE(Has(o.out, cfg + ":2:")) << o.out;
  EXPECT_EQ(o.code, kExitFindings);
}

}  // namespace
}  // namespace halint
