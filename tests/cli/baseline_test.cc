#include "analyzer/baseline.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "analyzer/cli/app.h"
#include "tests/cli/run_cli.h"
#include "tests/cli/test_files.h"

namespace halint {
namespace {

std::string Asg(const std::string& name) {
  return "  " + name +
         ":\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties:\n"
         "      MinSize: \"2\"\n      MaxSize: \"4\"\n      VPCZoneIdentifier: [subnet-0123]\n";
}

std::string Template(const std::string& resources, const std::string& description = "") {
  return "AWSTemplateFormatVersion: \"2010-09-09\"\n" + description + "Resources:\n" + resources;
}

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(BaselineTest, RoundTripSurvivesMovedLinesAndReportsOnlyNewFindings) {
  TempDir dir;
  std::string t = dir.Write("t.yaml", Template(Asg("Old")));
  std::string b = dir.path() + "/baseline.json";
  Outcome written = RunCli({"--no-color", "-q", "--write-baseline", b, t});
  EXPECT_EQ(written.code, kExitClean) << written.err;
  EXPECT_EQ(Read(b),
            "{\n  \"version\": 1,\n  \"findings\": [\n    {\n      \"rule\": \"HA001\",\n"
            "      \"file\": \"" +
                t +
                "\",\n      \"resource\": \"Old\",\n"
                "      \"propertyPath\": \"Properties.VPCZoneIdentifier\"\n    }\n  ]\n}\n");

  Outcome same = RunCli({"--no-color", "--baseline", b, t});
  EXPECT_EQ(same.code, kExitClean) << same.out;
  EXPECT_EQ(same.out, "no problems found in 1 file (1 suppressed)\n");

  // Lines inserted above move the finding; a new resource brings a new finding.
  dir.Write("t.yaml",
            Template(Asg("New") + Asg("Old"), "Description: >\n  three\n  more\n  lines\n"));
  Outcome moved = RunCli({"--no-color", "-q", "--baseline", b, t});
  EXPECT_EQ(moved.code, kExitFindings);
  EXPECT_TRUE(Has(moved.out, "'New'")) << moved.out;
  EXPECT_FALSE(Has(moved.out, "'Old'")) << moved.out;
  EXPECT_EQ(moved.err, "");
}

TEST(BaselineTest, StaleEntriesAreCounted) {
  TempDir dir;
  std::string t = dir.Write("t.yaml", Template(Asg("A") + Asg("B")));
  std::string b = dir.path() + "/baseline.json";
  ASSERT_EQ(RunCli({"-q", "--write-baseline", b, t}).code, kExitClean);
  dir.Write("t.yaml", Template(Asg("A")));  // B fixed (removed)
  Outcome o = RunCli({"--no-color", "--baseline", b, t});
  EXPECT_EQ(o.code, kExitClean);
  EXPECT_EQ(o.err,
            "halint: 1 of 2 baseline entries match no finding (fixed or moved to another "
            "resource); refresh the baseline with --write-baseline\n");
}

TEST(BaselineTest, SameFingerprintTwiceNeedsTwoEntries) {
  Baseline b;
  ASSERT_EQ(b.Parse("b.json", R"({"findings": [{"rule": "HA001", "file": "t.yaml",
      "resource": "A", "propertyPath": "Properties.X"}]})"),
            "");
  Finding f;
  f.rule_id = "HA001";
  f.file = "t.yaml";
  f.resource = "A";
  f.property_path = "Properties.X";
  Finding g = f;
  b.Apply(f);
  b.Apply(g);
  EXPECT_TRUE(f.suppression);
  EXPECT_FALSE(g.suppression);
  EXPECT_EQ(b.Stale(), 0u);
}

TEST(BaselineTest, MalformedBaselineIsAUsageError) {
  TempDir dir;
  std::string t = dir.Write("t.yaml", Template(Asg("A")));
  std::string b = dir.Write("b.json", "{\"findings\": [{\"rule\": 1}]}");
  Outcome o = RunCli({"--baseline", b, t});
  EXPECT_EQ(o.code, kExitUsage);
  EXPECT_TRUE(Has(o.err, "--baseline: " + b + ":1:15: baseline entry needs a string \"rule\""))
      << o.err;
}

}  // namespace
}  // namespace halint
