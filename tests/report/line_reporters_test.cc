#include "analyzer/report/line_reporters.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "analyzer/report/reporter.h"
#include "tests/cli/run_cli.h"
#include "tests/cli/test_files.h"

namespace halint {
namespace {

// The regular expression of the VS Code problem matcher in docs/editor-integration.md
// (JSON-unescaped). Keep the two in sync.
constexpr const char* kProblemMatcher =
    R"(^(.*):(\d+):(\d+):\s+(error|warning|note):\s+(.*)\s+\[([A-Z]+\d+)\]$)";

Report SampleReport() {
  Finding f;
  f.rule_id = "HA002";
  f.severity = Severity::kWarning;
  f.file = "dir/t,1:x.yaml";
  f.pos = {5, 16};
  f.resource = "Nat";
  f.message = "100% of AZs\nuse 'Nat'";
  f.related.push_back({"dir/t.yaml", {2, 3}, "Nat", "not shown"});
  Finding note = f;
  note.severity = Severity::kNote;
  note.pos = {};
  note.message = "a note";
  Finding diag;
  diag.rule_id = "HLT001";
  diag.file = "bad.json";
  diag.pos = {1, 1};
  diag.message = "cannot read file: No such file or directory";
  Report report;
  report.files.push_back({nullptr, {f, note}});
  report.files.push_back({nullptr, {diag}});
  return report;
}

std::string Write(std::string_view format, const Report& report) {
  std::ostringstream out;
  MakeReporter(format, {})->Write(report, out);
  return out.str();
}

TEST(IdeReporterTest, ExactLines) {
  EXPECT_EQ(Write("ide", SampleReport()),
            "dir/t,1:x.yaml:5:16: warning: 100% of AZs use 'Nat' [HA002]\n"
            "dir/t,1:x.yaml:1:1: note: a note [HA002]\n"
            "bad.json:1:1: error: cannot read file: No such file or directory [HLT001]\n");
  EXPECT_EQ(Write("ide", Report{}), "");
}

TEST(IdeReporterTest, ProblemMatcherRegexMatchesRealOutput) {
  Outcome o =
      RunCli({"--format", "ide",
              std::string(HALINT_SOURCE_DIR) + "/fixtures/scenarios/three-tier-before.yaml"});
  ASSERT_EQ(o.code, kExitFindings) << o.err;
  const RE2 re(kProblemMatcher);
  ASSERT_TRUE(re.ok()) << re.error();
  std::istringstream lines(o.out + Write("ide", SampleReport()));
  int matched = 0;
  for (std::string line; std::getline(lines, line);) {
    std::string file, line_no, col, severity, message, rule;
    ASSERT_TRUE(RE2::FullMatch(line, re, &file, &line_no, &col, &severity, &message, &rule))
        << line;
    EXPECT_TRUE(file.ends_with(".yaml") || file.ends_with(".json")) << file;
    EXPECT_NE(rule, "");
    ++matched;
  }
  EXPECT_GE(matched, 9);
  std::string file, line_no, col, severity, message, rule;
  ASSERT_TRUE(RE2::FullMatch("dir/t,1:x.yaml:5:16: warning: 100% of AZs use 'Nat' [HA002]", re,
                             &file, &line_no, &col, &severity, &message, &rule));
  EXPECT_EQ(file, "dir/t,1:x.yaml");
  EXPECT_EQ(line_no, "5");
  EXPECT_EQ(col, "16");
  EXPECT_EQ(severity, "warning");
  EXPECT_EQ(message, "100% of AZs use 'Nat'");
  EXPECT_EQ(rule, "HA002");
}

// The documented problem matcher is the one tested here.
TEST(IdeReporterTest, DocumentedProblemMatcherIsTheTestedOne) {
  std::ifstream in(std::string(HALINT_SOURCE_DIR) + "/docs/editor-integration.md");
  std::stringstream doc;
  doc << in.rdbuf();
  const std::string text = doc.str();
  const size_t begin = text.find("```json\n");
  ASSERT_NE(begin, std::string::npos);
  const size_t end = text.find("```", begin + 8);
  ASSERT_NE(end, std::string::npos);
  const nlohmann::json tasks = nlohmann::json::parse(text.substr(begin + 8, end - begin - 8));
  EXPECT_EQ(tasks["tasks"][0]["problemMatcher"]["pattern"]["regexp"], kProblemMatcher);
}

TEST(GithubReporterTest, ExactLines) {
  EXPECT_EQ(Write("github", SampleReport()),
            "::warning file=dir/t%2C1%3Ax.yaml,line=5,col=16,title=HA002::100%25 of AZs%0Ause "
            "'Nat'\n"
            "::notice file=dir/t%2C1%3Ax.yaml,title=HA002::a note\n"
            "::error file=bad.json,line=1,col=1,title=HLT001::cannot read file: No such file or "
            "directory\n");
}

// An accepted finding is not an editor problem nor a pull-request annotation, unless asked.
TEST(LineReportersTest, SuppressedFindingsOnlyWithShowSuppressed) {
  Report report = SampleReport();
  report.files[0].findings[0].suppression = Suppression{Suppression::Kind::kInSource, "staging"};
  const std::string ide = Write("ide", report);
  EXPECT_EQ(ide,
            "dir/t,1:x.yaml:1:1: note: a note [HA002]\n"
            "bad.json:1:1: error: cannot read file: No such file or directory [HLT001]\n");
  EXPECT_EQ(Write("github", report).find("line=5"), std::string::npos);
  ReporterOptions show;
  show.show_suppressed = true;
  for (std::string_view format : {"ide", "github"}) {
    std::ostringstream out;
    MakeReporter(format, show)->Write(report, out);
    EXPECT_EQ(out.str(), Write(format, SampleReport())) << format;
  }
}

TEST(GithubReporterTest, Escaping) {
  EXPECT_EQ(GithubEscapeData("a%b\r\nc:d,e"), "a%25b%0D%0Ac:d,e");
  EXPECT_EQ(GithubEscapeProperty("a%b\r\nc:d,e"), "a%25b%0D%0Ac%3Ad%2Ce");
}

// --output writes exactly what standard output would get, in every format.
TEST(ReportOutputTest, EveryFormatWritesToOutputFile) {
  const std::string input =
      std::string(HALINT_SOURCE_DIR) + "/fixtures/scenarios/three-tier-before.yaml";
  TempDir dir;
  for (const std::string& format : ReportFormats()) {
    SCOPED_TRACE(format);
    Outcome to_stdout = RunCli({"--no-color", "--format", format, input});
    const std::string file = dir.path() + "/report." + format;
    Outcome to_file = RunCli({"--no-color", "--format", format, "--output", file, input});
    EXPECT_EQ(to_file.code, to_stdout.code);
    EXPECT_EQ(to_file.out, "");
    std::ifstream in(file, std::ios::binary);
    std::stringstream written;
    written << in.rdbuf();
    EXPECT_EQ(written.str(), to_stdout.out);
    EXPECT_FALSE(to_stdout.out.empty());
  }
}

}  // namespace
}  // namespace halint
