// docs/halint.1 (installed by cmake --install) documents every option --help lists.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <fstream>
#include <sstream>
#include <string>

#include "analyzer/report/reporter.h"
#include "tests/cli/run_cli.h"

namespace halint {
namespace {

TEST(ManPageTest, DocumentsEveryOptionAndFormat) {
  std::ifstream in(std::string(HALINT_SOURCE_DIR) + "/docs/halint.1");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string page = ss.str();
  ASSERT_FALSE(page.empty());
  RE2::GlobalReplace(&page, R"(\\-)", "-");  // roff's escaped hyphen
  RE2::GlobalReplace(&page, R"(\\f[BIR])", "");
  Outcome help = RunCli({"--help"});
  ASSERT_EQ(help.code, kExitClean);
  re2::StringPiece text(help.out);
  std::string option;
  int count = 0;
  while (RE2::FindAndConsume(&text, R"((--[a-z][a-z-]+))", &option)) {
    EXPECT_NE(page.find(option), std::string::npos) << option << " is not in docs/halint.1";
    ++count;
  }
  EXPECT_GE(count, 14);
  for (const std::string& format : ReportFormats()) {
    EXPECT_NE(page.find(format), std::string::npos) << format;
  }
}

}  // namespace
}  // namespace halint
