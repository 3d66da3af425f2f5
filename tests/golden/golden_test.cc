// Golden tests: every scenario in fixtures/scenarios/ is checked by the whole program
// (RunHalint, in-process) and its text, JSON, SARIF, IDE and GitHub reports must equal the files in
// fixtures/golden/ byte for byte. Regenerate them with scripts/update-golden and review the
// change with `git diff fixtures/golden` (see docs/testing.md).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analyzer/cli/app.h"
#include "tests/cli/run_cli.h"

namespace halint {
namespace {

namespace fs = std::filesystem;

constexpr const char* kScenarioDir = "fixtures/scenarios";
constexpr const char* kGoldenDir = "fixtures/golden";
constexpr const char* kRegenerate =
    "if the change is intended, run scripts/update-golden and review `git diff fixtures/golden`";

struct Format {
  const char* name;       // --format value
  const char* extension;  // appended to the scenario's file name
};
constexpr Format kFormats[] = {{"text", ".txt"},
                               {"json", ".json"},
                               {"sarif", ".sarif"},
                               {"ide", ".ide.txt"},
                               {"github", ".github.txt"}};

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// A short unified-style hint at the first differing line: a few lines of shared context,
// then what the golden file expects (-) and what halint printed (+).
std::string DiffHint(const std::string& expected, const std::string& actual) {
  const std::vector<std::string> want = Lines(expected);
  const std::vector<std::string> got = Lines(actual);
  size_t first = 0;
  while (first < want.size() && first < got.size() && want[first] == got[first]) ++first;
  if (first == want.size() && first == got.size()) {
    return "  (the lines agree; the files differ in trailing newlines)\n";
  }
  constexpr size_t kContext = 3;
  constexpr size_t kShown = 6;
  const size_t from = first > kContext ? first - kContext : 0;
  std::ostringstream out;
  out << "@@ line " << first + 1 << " @@\n";
  for (size_t i = from; i < first; ++i) out << "  " << want[i] << '\n';
  for (size_t i = first; i < std::min(want.size(), first + kShown); ++i) {
    out << "- " << want[i] << '\n';
  }
  for (size_t i = first; i < std::min(got.size(), first + kShown); ++i) {
    out << "+ " << got[i] << '\n';
  }
  return out.str();
}

// The tests name files relative to the repository root, as a user would, so the reports
// (which show paths as given) do not depend on where the source tree lives.
class GoldenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    saved_ = fs::current_path();
    fs::current_path(HALINT_SOURCE_DIR);
  }
  void TearDown() override { fs::current_path(saved_); }

  static std::vector<std::string> Scenarios() {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(kScenarioDir)) {
      if (e.is_regular_file()) names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  fs::path saved_;
};

TEST_F(GoldenTest, ReportsMatchGoldenFiles) {
  const std::vector<std::string> scenarios = Scenarios();
  ASSERT_GE(scenarios.size(), 4u) << "no scenarios found in " << kScenarioDir;
  for (const std::string& name : scenarios) {
    const std::string path = std::string(kScenarioDir) + "/" + name;
    for (const Format& format : kFormats) {
      SCOPED_TRACE(path + " --format " + format.name);
      const fs::path golden = fs::path(kGoldenDir) / (name + format.extension);
      ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; " << kRegenerate;
      Outcome o = RunCli({"--no-color", "--format", format.name, path});
      EXPECT_TRUE(o.code == kExitClean || o.code == kExitFindings) << "exit code " << o.code;
      EXPECT_EQ(o.err, "");
      const std::string expected = ReadAll(golden);
      if (o.out != expected) {
        ADD_FAILURE() << "output differs from " << golden.string() << "\n"
                      << DiffHint(expected, o.out) << kRegenerate;
      }
    }
  }
}

// Every golden file belongs to a scenario and a format: a renamed or deleted scenario must
// take its golden files with it.
TEST_F(GoldenTest, NoStaleGoldenFiles) {
  std::set<std::string> wanted;
  for (const std::string& name : Scenarios()) {
    for (const Format& format : kFormats) wanted.insert(name + format.extension);
  }
  for (const auto& e : fs::directory_iterator(kGoldenDir)) {
    const std::string file = e.path().filename().string();
    EXPECT_TRUE(wanted.contains(file)) << kGoldenDir << "/" << file << " has no scenario";
  }
}

// What the goldens are meant to show, independent of their wording: the HA design is clean
// and each classic mistake is caught, in both dialects of the template.
TEST_F(GoldenTest, ScenariosFindWhatTheyAreAbout) {
  struct Case {
    const char* file;
    int code;
    std::set<std::string> rules;
  };
  const Case cases[] = {
      {"three-tier-after.yaml", kExitClean, {}},
      {"three-tier-after.json", kExitClean, {}},
      {"three-tier-before.yaml",
       kExitFindings,
       {"HA001", "HA002", "HA003", "HA004", "HA005", "HA006", "HA007", "HA008", "NET001", "NET002",
        "NET003", "NET004", "SEC001", "SEC002", "SEC003", "SEC004", "SEC005", "SEC006", "SEC007"}},
      {"three-tier-before.json",
       kExitFindings,
       {"HA001", "HA002", "HA003", "HA004", "HA005", "HA006", "HA007", "HA008", "NET001", "NET002",
        "NET003", "NET004", "SEC001", "SEC002", "SEC003", "SEC004", "SEC005", "SEC006", "SEC007"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    Outcome o = RunCli({"--format", "json", std::string(kScenarioDir) + "/" + c.file});
    EXPECT_EQ(o.code, c.code);
    std::set<std::string> rules;
    const nlohmann::json report = nlohmann::json::parse(o.out);
    for (const auto& finding : report.at("findings")) {
      rules.insert(finding.at("rule").get<std::string>());
    }
    EXPECT_EQ(rules, c.rules);
  }
}

}  // namespace
}  // namespace halint
