#include "analyzer/report/text_reporter.h"

#include <gtest/gtest.h>

#include <sstream>

namespace halint {
namespace {

Finding MakeFinding(std::string rule, Severity severity, std::string file, SourcePos pos,
                    std::string message) {
  Finding f;
  f.rule_id = std::move(rule);
  f.severity = severity;
  f.file = std::move(file);
  f.pos = pos;
  f.message = std::move(message);
  return f;
}

std::string Render(const Report& report, ReporterOptions options = {}) {
  std::ostringstream out;
  TextReporter(options).Write(report, out);
  return out.str();
}

SourceFilePtr Source(std::string path, std::string text) {
  return std::make_shared<const SourceFile>(SourceFile{std::move(path), std::move(text)});
}

TEST(ReportTextTest, FindingsWithExcerptCaretRelatedAndSummary) {
  SourceFilePtr src = Source("t.yaml",
                             "Resources:\n"
                             "  Db:\n"
                             "    Type: AWS::RDS::DBInstance\n"
                             "    Properties:\n"
                             "      MultiAZ: false\n");
  Finding ha = MakeFinding("HA002", Severity::kWarning, "t.yaml", {5, 16},
                           "database Db is single-AZ: MultiAZ is false, expected true");
  ha.resource = "Db";
  ha.related.push_back({"t.yaml", {2, 3}, "Db", "the database"});
  Finding note = MakeFinding("TAG001", Severity::kNote, "t.yaml", {2, 3}, "Db has no Owner tag");
  Report report;
  report.files.push_back({src, {note, ha}});
  report.files.push_back({nullptr, {}});
  EXPECT_EQ(Render(report),
            "t.yaml:2:3: note: Db has no Owner tag [TAG001]\n"
            "  Db:\n"
            "  ^\n"
            "\n"
            "t.yaml:5:16: warning: database Db is single-AZ: MultiAZ is false, expected true "
            "[HA002]\n"
            "      MultiAZ: false\n"
            "               ^\n"
            "    t.yaml:2:3: note: the database\n"
            "\n"
            "0 errors, 1 warning, 1 note in 2 files\n");
}

TEST(ReportTextTest, CleanRunAndQuiet) {
  Report report;
  report.files.push_back({nullptr, {}});
  EXPECT_EQ(Render(report), "no problems found in 1 file\n");
  EXPECT_EQ(Render(Report{}), "no problems found in 0 files\n");
  ReporterOptions quiet;
  quiet.summary = false;
  EXPECT_EQ(Render(report, quiet), "");
  report.files[0].findings.push_back(MakeFinding("HLT001", Severity::kError, "x", {1, 1}, "bad"));
  EXPECT_EQ(Render(report, quiet), "x:1:1: error: bad [HLT001]\n");
}

TEST(ReportTextTest, CaretCountsCodePointsAndKeepsTabs) {
  struct Case {
    std::string line;
    uint32_t column;
    std::string caret;
  };
  const Case cases[] = {
      {"abc", 1, "^"},
      {"abc", 3, "  ^"},
      {"\xC3\xA9t\xC3\xA9: x", 5, "    ^"},        // é is 2 bytes, 1 column
      {"\xE6\x97\xA5\xE6\x9C\xAC: x", 4, "   ^"},  // 日本: 3 bytes each
      {"\xF0\x9F\x98\x80 x", 3, "  ^"},            // a 4-byte emoji
      {"\ta:\tb", 5, "\t  \t^"},                   // tabs kept
      {"ab", 5, "    ^"},                          // past the end: spaces
      {"\xEF\xBB\xBF"
       "a: 1",
       4, "   ^"},  // a BOM is not a column
  };
  for (const Case& c : cases) {
    Report report;
    report.files.push_back({Source("f", c.line + "\n"),
                            {MakeFinding("X1", Severity::kError, "f", {1, c.column}, "m")}});
    std::string shown = c.line.starts_with("\xEF\xBB\xBF") ? c.line.substr(3) : c.line;
    ReporterOptions quiet;
    quiet.summary = false;
    EXPECT_EQ(Render(report, quiet), "f:1:" + std::to_string(c.column) + ": error: m [X1]\n" +
                                         shown + "\n" + c.caret + "\n")
        << c.line;
  }
}

TEST(ReportTextTest, LongLinesAreCutAroundTheColumn) {
  std::string line = std::string(200, 'a') + "X" + std::string(200, 'b');
  Report report;
  report.files.push_back(
      {Source("f", line + "\n"), {MakeFinding("X1", Severity::kError, "f", {1, 201}, "m")}});
  ReporterOptions quiet;
  quiet.summary = false;
  // 60 code points before the column, 120 in all, "..." where cut.
  EXPECT_EQ(Render(report, quiet), "f:1:201: error: m [X1]\n..." + std::string(60, 'a') + "X" +
                                       std::string(59, 'b') + "...\n" + std::string(63, ' ') +
                                       "^\n");
  Report start;
  start.files.push_back(
      {Source("f", line + "\n"), {MakeFinding("X1", Severity::kError, "f", {1, 2}, "m")}});
  EXPECT_EQ(Render(start, quiet), "f:1:2: error: m [X1]\n" + std::string(120, 'a') + "...\n ^\n");
}

TEST(ReportTextTest, NoExcerptWithoutSource) {
  Report report;
  report.files.push_back({nullptr,
                          {MakeFinding("HLT001", Severity::kError, "gone.yaml", {1, 1},
                                       "cannot read file: No such file or directory")}});
  EXPECT_EQ(Render(report),
            "gone.yaml:1:1: error: cannot read file: No such file or directory [HLT001]\n"
            "\n"
            "1 error, 0 warnings, 0 notes in 1 file\n");
}

TEST(ReportTextTest, ColourWhenAsked) {
  Report report;
  Finding f = MakeFinding("SEC001", Severity::kError, "t.yaml", {1, 1}, "open to the world");
  f.related.push_back({"t.yaml", {1, 1}, "", "here"});
  report.files.push_back({Source("t.yaml", "x\n"), {f}});
  report.files[0].findings.push_back(
      MakeFinding("HA001", Severity::kWarning, "t.yaml", {1, 1}, "w"));
  ReporterOptions color;
  color.color = true;
  EXPECT_EQ(Render(report, color),
            "\x1b[1mt.yaml:1:1:\x1b[0m \x1b[1;31merror:\x1b[0m open to the world [SEC001]\n"
            "x\n"
            "^\n"
            "    \x1b[1mt.yaml:1:1:\x1b[0m \x1b[1;36mnote:\x1b[0m here\n"
            "\n"
            "\x1b[1mt.yaml:1:1:\x1b[0m \x1b[1;33mwarning:\x1b[0m w [HA001]\n"
            "x\n"
            "^\n"
            "\n"
            "1 error, 1 warning, 0 notes in 1 file\n");
  EXPECT_EQ(Render(report).find('\x1b'), std::string::npos);
}

}  // namespace
}  // namespace halint
