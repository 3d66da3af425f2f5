#include "analyzer/cli/app.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/cli/run_cli.h"
#include "tests/cli/test_files.h"

namespace halint {
namespace {

TEST(CliTest, UsageErrorsExit64WithAMessageOnStderr) {
  struct Case {
    std::vector<std::string> args;
    std::string err;
  };
  const Case cases[] = {
      {{}, "halint: no PATH given\n"},
      {{"--bogus", "t.yaml"}, "halint: the following argument was not expected: --bogus\n"},
      {{"--fail-on", "sometimes", "t.yaml"},
       "halint: --fail-on: sometimes not in {error,warning,note,none}\n"},
      {{"--format", "xml", "t.yaml"},
       "halint: --format: xml not in {text,json,sarif,ide,github}\n"},
      {{"--parameter", "Env", "t.yaml"}, "halint: --parameter: expected KEY=VALUE, got 'Env'\n"},
      {{"--parameter", "=prod", "t.yaml"},
       "halint: --parameter: expected KEY=VALUE, got '=prod'\n"},
      {{"--severity", "HA002", "t.yaml"}, "halint: --severity: expected ID=LEVEL, got 'HA002'\n"},
      {{"--severity", "HA002=fatal", "t.yaml"},
       "halint: --severity: unknown level 'fatal' (expected error, warning or note)\n"},
      {{"--jobs", "0", "t.yaml"}, "halint: --jobs: expected a number from 1 to 1024, got '0'\n"},
      {{"--disable", "HA02", "t.yaml"}, "halint: unknown rule 'HA02'; did you mean 'HA002'?\n"},
      {{"--enable", "XYZ", "t.yaml"}, "halint: unknown rule 'XYZ'\n"},
      {{"--severity", "SEC=note", "t.yaml"},
       "halint: a severity override needs a whole rule ID, not 'SEC'\n"},
      {{"-j", "two", "t.yaml"}, "halint: --jobs: expected a number from 1 to 1024, got 'two'\n"},
      {{"graph"}, "halint: no PATH given\n"},
      {{"graph", "--format", "svg", "t.yaml"}, "halint: --format: svg not in {json,dot,mermaid}\n"},
      {{"graph", "--fail-on", "error", "t.yaml"},
       "halint: the following argument was not expected: --fail-on\n"},
  };
  for (const Case& c : cases) {
    Outcome o = RunCli(c.args);
    std::string shown = c.args.empty() ? "" : c.args[0];
    EXPECT_EQ(o.code, kExitUsage) << shown;
    EXPECT_EQ(o.out, "") << shown;
    EXPECT_EQ(o.err, c.err + "run 'halint --help' for usage\n") << shown;
  }
}

TEST(CliTest, VersionAndHelpGoToStdout) {
  Outcome v = RunCli({"--version"});
  EXPECT_EQ(v.code, 0);
  EXPECT_EQ(v.out, "halint 0.1.0\n");
  Outcome h = RunCli({"--help"});
  EXPECT_EQ(h.code, 0);
  EXPECT_NE(h.out.find("Usage: halint [OPTIONS] [PATH...] [SUBCOMMAND]"), std::string::npos);
  EXPECT_NE(h.out.find("examples:"), std::string::npos);
  EXPECT_NE(h.out.find("--fail-on"), std::string::npos);
  EXPECT_EQ(h.err, "");
}

TEST(CliTest, MissingFileExits2AndOtherInputsAreStillReported) {
  TempDir dir;
  std::string missing = dir.path() + "/missing.yaml";
  std::string other = dir.path() + "/gone.json";
  Outcome o = RunCli({"--no-color", missing, other});
  EXPECT_EQ(o.code, kExitInputError);
  EXPECT_EQ(o.out,
            missing + ":1:1: error: cannot read file: No such file or directory [HLT001]\n\n" +
                other + ":1:1: error: cannot read file: No such file or directory [HLT001]\n\n" +
                "2 errors, 0 warnings, 0 notes in 2 files\n");
  EXPECT_EQ(o.err, "");
  // --fail-on none does not hide an unreadable input.
  EXPECT_EQ(RunCli({"--fail-on", "none", "--quiet", missing}).code, kExitInputError);
}

TEST(CliTest, DirectoryWithoutTemplatesIsANoticeNotAFailure) {
  TempDir dir;
  dir.Write("README.md", "# nothing here\n");
  dir.Write(".git/config.yaml", "x: 1\n");
  Outcome o = RunCli({dir.path()});
  EXPECT_EQ(o.code, kExitClean);
  EXPECT_EQ(o.out, "no problems found in 0 files\n");
  EXPECT_EQ(o.err, "halint: no templates found in " + dir.path() + "\n");
}

TEST(CliTest, OutputIsByteIdenticalForAnyJobs) {
  TempDir dir;
  for (int i = 0; i < 24; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "d%d/t%02d.yaml", i % 3, 23 - i);
    dir.Write(name, "a: [1,\n# " + std::to_string(i) + "\n");  // a parse error in each
  }
  std::string missing = dir.path() + "/missing.json";
  Outcome one = RunCli({"--jobs", "1", dir.path(), missing});
  Outcome two = RunCli({"-j", "2", dir.path(), missing});
  Outcome many = RunCli({"--jobs", "16", dir.path(), missing});
  EXPECT_EQ(one.code, two.code);
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(one.out, many.out);
  EXPECT_EQ(one.err, two.err);
  // Files appear in directory order (d0/t00..., d1/..., d2/...), then the named one.
  EXPECT_LT(one.out.find("/d0/"), one.out.find("/d1/"));
  EXPECT_LT(one.out.find("/d2/"), one.out.find("missing.json"));
}

TEST(CliTest, ParseErrorShowsTheLineAndCaretAndExits2) {
  TempDir dir;
  std::string path = dir.Write("broken.yaml", "Resources:\n  A: [1,\n");
  Outcome o = RunCli({path});
  EXPECT_EQ(o.code, kExitInputError);
  EXPECT_EQ(o.out, path +
                       ":3:1: error: end of sequence flow not found [HLT001]\n"
                       "\n"
                       "^\n"
                       "\n"
                       "1 error, 0 warnings, 0 notes in 1 file\n");
}

TEST(CliTest, NamedNonTemplateIsAFindingButSkippedInDirectories) {
  TempDir dir;
  std::string path = dir.Write("compose.yaml", "services:\n  web: {}\n");
  Outcome named = RunCli({path});
  EXPECT_EQ(named.code, kExitFindings);
  EXPECT_EQ(named.out, path +
                           ":1:1: error: not a template: expected a CloudFormation template "
                           "(AWSTemplateFormatVersion or a Resources mapping of typed resources), "
                           "a Terraform JSON configuration or a 'terraform show -json' plan "
                           "[HLT001]\n"
                           "services:\n"
                           "^\n"
                           "\n"
                           "1 error, 0 warnings, 0 notes in 1 file\n");
  EXPECT_EQ(RunCli({"--fail-on", "none", path}).code, kExitClean);
  Outcome scanned = RunCli({dir.path()});
  EXPECT_EQ(scanned.code, kExitClean);
  EXPECT_EQ(scanned.out, "no problems found in 0 files\n");
}

TEST(CliTest, JsonReportToOutputFile) {
  TempDir dir;
  std::string missing = dir.path() + "/missing.yaml";
  std::string report = dir.path() + "/report.json";
  Outcome o = RunCli({"--format", "json", "--output", report, missing});
  EXPECT_EQ(o.code, kExitInputError);
  EXPECT_EQ(o.out, "");
  std::ifstream in(report);
  nlohmann::json j = nlohmann::json::parse(in);
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["files"], 1);
  ASSERT_EQ(j["findings"].size(), 1u);
  EXPECT_EQ(j["findings"][0]["rule"], "HLT001");
  EXPECT_EQ(j["findings"][0]["file"], missing);
  EXPECT_EQ(j["findings"][0]["message"], "cannot read file: No such file or directory");
}

TEST(CliTest, UnwritableOutputIsAUsageError) {
  TempDir dir;
  Outcome o = RunCli({"--output", dir.path() + "/no/such/dir/r.txt", dir.path()});
  EXPECT_EQ(o.code, kExitUsage);
  EXPECT_EQ(o.err, "halint: cannot write " + dir.path() +
                       "/no/such/dir/r.txt: No such file or directory\n"
                       "run 'halint --help' for usage\n");
}

TEST(CliTest, NoColourWhenNotATerminal) {
  TempDir dir;
  Outcome o = RunCli({dir.path() + "/missing.yaml"});
  EXPECT_NE(o.out, "");
  EXPECT_EQ(o.out.find('\x1b'), std::string::npos);
}

TEST(CliTest, StdinIsShownAsStdin) {
  TempDir dir;
  StdinFrom in(dir.Write("big.yaml", std::string(300, '#')));
  Outcome o = RunCli({"--quiet", "-"});
  // Whatever the parser says of it, the report names it <stdin>.
  EXPECT_TRUE(o.out.empty() || o.out.starts_with("<stdin>:")) << o.out;
  EXPECT_EQ(o.err, "");
}

TEST(CliTest, GraphOfNoTemplatesIsAnEmptyArray) {
  TempDir dir;
  dir.Write("notes.txt", "x");
  Outcome o = RunCli({"graph", dir.path()});
  EXPECT_EQ(o.code, kExitClean);
  EXPECT_EQ(o.out, "[]\n");
  EXPECT_EQ(o.err, "halint: no templates found in " + dir.path() + "\n");
}

TEST(CliTest, GraphReportsUnreadableInputsOnStderr) {
  TempDir dir;
  std::string missing = dir.path() + "/missing.yaml";
  Outcome o = RunCli({"graph", missing});
  EXPECT_EQ(o.code, kExitInputError);
  EXPECT_EQ(o.out, "[]\n");
  EXPECT_EQ(o.err, missing + ":1:1: error: cannot read file: No such file or directory [HLT001]\n");
}

// The real binary: main() forwards to RunHalint and exit codes survive the process boundary.
int RunBinary(const std::string& args, std::string& out) {
  FILE* pipe = popen((std::string(HALINT_BINARY) + " " + args + " 2>/dev/null").c_str(), "r");
  if (pipe == nullptr) return -1;
  char buf[256];
  while (size_t n = fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
  int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(CliBinaryTest, VersionAndUsageError) {
  std::string out;
  EXPECT_EQ(RunBinary("--version", out), 0);
  EXPECT_EQ(out, "halint 0.1.0\n");
  out.clear();
  EXPECT_EQ(RunBinary("--no-such-option x.yaml", out), 64);
  EXPECT_EQ(out, "");
}

}  // namespace
}  // namespace halint
