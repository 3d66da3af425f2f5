// The pre-commit hook (.pre-commit-hooks.yaml) and the flag it relies on.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/cli/run_cli.h"
#include "tests/cli/test_files.h"

namespace halint {
namespace {

constexpr const char* kNotATemplate = "name: ci\non: push\n";

TEST(SkipNonTemplatesTest, NamedNonTemplateIsSkippedOnlyWithTheFlag) {
  TempDir dir;
  const std::string file = dir.Write("workflow.yml", kNotATemplate);
  Outcome plain = RunCli({"--no-color", file});
  EXPECT_EQ(plain.code, kExitFindings);
  EXPECT_NE(plain.out.find("[HLT001]"), std::string::npos) << plain.out;
  Outcome skipped = RunCli({"--no-color", "--skip-non-templates", file});
  EXPECT_EQ(skipped.code, kExitClean);
  EXPECT_EQ(skipped.out, "no problems found in 0 files\n");
  EXPECT_EQ(skipped.err, "");
}

TEST(SkipNonTemplatesTest, ParseErrorsAreStillReported) {
  TempDir dir;
  const std::string file = dir.Write("broken.yaml", "a: [1, 2\n");
  Outcome o = RunCli({"--format", "ide", "--skip-non-templates", file});
  EXPECT_EQ(o.code, kExitInputError);
  EXPECT_NE(o.out.find("[HLT001]"), std::string::npos) << o.out;
}

// Runs tests/precommit/hook_test.sh: the real pre-commit, a throwaway git repository, a
// blocked and an accepted commit. Skipped when pre-commit or git is missing.
TEST(PreCommitHookTest, BlocksBadTemplatesAndPassesGoodOnes) {
  TempDir dir;
  const std::string log = dir.path() + "/hook.log";
  const std::string cmd = std::string("bash '") + HALINT_SOURCE_DIR +
                          "/tests/precommit/hook_test.sh' '" + HALINT_SOURCE_DIR + "' '" +
                          HALINT_BINARY + "' >'" + log + "' 2>&1";
  const int status = std::system(cmd.c_str());
  std::ifstream in(log);
  std::stringstream out;
  out << in.rdbuf();
  ASSERT_TRUE(WIFEXITED(status)) << out.str();
  if (WEXITSTATUS(status) == 77) GTEST_SKIP() << out.str();
  EXPECT_EQ(WEXITSTATUS(status), 0) << out.str();
  EXPECT_NE(out.str().find("pre-commit hook: OK"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace halint
