// The command line on Terraform inputs: modules, HCL notices, --var / --var-file, and
// suppressions written as "//" comments.
#include <gtest/gtest.h>

#include <string>

#include "tests/cli/run_cli.h"
#include "tests/cli/test_files.h"

namespace halint {
namespace {

constexpr const char* kHint =
    "Terraform HCL (.tf) is read through its plan: run 'terraform plan -out tfplan && "
    "terraform show -json tfplan > tfplan.json' and check tfplan.json";

// A single-instance RDS database: one HA003 finding on line 4, or none when multi_az is set.
constexpr const char* kDb = R"j({
  "variable": {"multi_az": {"type": "bool", "default": false}},
  "resource": {"aws_db_instance": {
    "db": {COMMENT"engine": "postgres", "multi_az": "${var.multi_az}"}
  }}
}
)j";

std::string Db(const std::string& comment = "") {
  std::string text = kDb;
  text.replace(text.find("COMMENT"), 7, comment);
  return text;
}

TEST(TerraformCliTest, DirectoryOfHclIsANoticeWithTheCommands) {
  TempDir dir;
  dir.Write("net/main.tf", "resource \"aws_vpc\" \"main\" {}\n");
  dir.Write("app/main.tf.json", Db());
  dir.Write("app/legacy.tf", "# HCL beside JSON: the JSON module is read, no notice\n");
  Outcome run = RunCli({"--format", "ide", dir.path()});
  EXPECT_EQ(run.code, kExitFindings);
  EXPECT_EQ(run.out, dir.path() +
                         "/app/main.tf.json:4:34: error: 'aws_db_instance.db' "
                         "(aws_db_instance) has multi_az false: the database runs in "
                         "one AZ with no standby; set multi_az to true [HA003]\n");
  EXPECT_EQ(run.err, "halint: " + dir.path() + "/net: " + kHint + "\n");
}

TEST(TerraformCliTest, HclDirectoryWithItsPlanHasNoNotice) {
  TempDir dir;
  dir.Write("main.tf", "resource \"aws_vpc\" \"main\" {}\n");
  dir.Write("tfplan.json", R"j({"format_version": "1.2", "planned_values": {"root_module": {}}})j");
  Outcome run = RunCli({dir.path()});
  EXPECT_EQ(run.code, kExitClean);
  EXPECT_EQ(run.err, "");
}

TEST(TerraformCliTest, NamedHclFileIsExplained) {
  TempDir dir;
  std::string tf = dir.Write("main.tf", "resource \"aws_vpc\" \"main\" {}\n");
  Outcome run = RunCli({"--format", "ide", tf});
  EXPECT_EQ(run.code, kExitFindings);
  EXPECT_EQ(run.out, tf + ":1:1: error: " + kHint + " [HLT001]\n");
}

TEST(TerraformCliTest, VarAndVarFileOverrideDefaults) {
  TempDir dir;
  std::string main = dir.Write("main.tf.json", Db());
  std::string vars = dir.Write("prod.tfvars.json", R"j({"multi_az": true})j");
  EXPECT_EQ(RunCli({main}).code, kExitFindings);
  EXPECT_EQ(RunCli({"--var", "multi_az=true", main}).code, kExitClean);
  EXPECT_EQ(RunCli({"--var-file", vars, main}).code, kExitClean);
  // --var wins over --var-file.
  EXPECT_EQ(RunCli({"--var-file", vars, "--var", "multi_az=false", main}).code, kExitFindings);
  Outcome bad = RunCli({"--var", "multi_az", main});
  EXPECT_EQ(bad.code, kExitUsage);
  EXPECT_NE(bad.err.find("--var: expected NAME=VALUE, got 'multi_az'"), std::string::npos);
  Outcome missing = RunCli({"--var-file", dir.path() + "/none.tfvars.json", main});
  EXPECT_EQ(missing.code, kExitUsage);
  EXPECT_NE(missing.err.find("--var-file: "), std::string::npos);
}

TEST(TerraformCliTest, CommentSuppressesOnItsResource) {
  TempDir dir;
  std::string main = dir.Write("main.tf.json",
                               Db(R"j("//": "halint:ignore HA003 a disposable test database", )j"));
  Outcome run = RunCli({main});
  EXPECT_EQ(run.code, kExitClean);
  EXPECT_EQ(run.out, "no problems found in 1 file (1 suppressed)\n");
  Outcome shown = RunCli({"--format", "ide", "--show-suppressed", main});
  EXPECT_NE(shown.out.find("[HA003]"), std::string::npos);
  // Without a reason the suppression does not apply, and says so.
  std::string bare = dir.Write("bare/main.tf.json", Db(R"j("//": "halint:ignore HA003", )j"));
  Outcome unexplained = RunCli({"--format", "ide", bare});
  EXPECT_EQ(unexplained.code, kExitFindings);
  EXPECT_NE(
      unexplained.out.find(":4:18: warning: the halint:ignore comment for HA003 needs a reason "
                           "[HLT003]"),
      std::string::npos);
}

TEST(TerraformCliTest, EachFileOfAModuleReportsItsOwnResources) {
  TempDir dir;
  dir.Write("main.tf.json", Db());
  dir.Write("other.tf.json", R"j({"resource": {"aws_db_instance": {"replica": {
    "engine": "postgres", "multi_az": false}}}})j");
  Outcome run = RunCli({"--format", "ide", dir.path()});
  EXPECT_EQ(run.out, dir.path() +
                         "/main.tf.json:4:34: error: 'aws_db_instance.db' "
                         "(aws_db_instance) has multi_az false: the database runs in "
                         "one AZ with no standby; set multi_az to true [HA003]\n" +
                         dir.path() +
                         "/other.tf.json:2:27: error: 'aws_db_instance.replica' "
                         "(aws_db_instance) has multi_az false: the database runs "
                         "in one AZ with no standby; set multi_az to true [HA003]\n");
}

}  // namespace
}  // namespace halint
