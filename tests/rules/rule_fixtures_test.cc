// Fixture-driven rule tests. For every registered rule, fixtures/rules/<ID>/ holds good/
// and bad/ inputs. A bad YAML fixture marks each expected finding with a comment
// `# expect: <ID>` on the line above it; a JSON fixture lists them in a sibling
// `<name>.expect` file, one `<line> <ID>` per line. Terraform configuration fixtures are
// modules: a directory `tf_<name>/` holding `main.tf.json` (and any other .tf.json file of
// the module), each with its own `.expect`; plan fixtures are `<name>.tfplan.json`. A good fixture
// must produce no finding of its rule. The test also fails when a rule lacks docs, fixtures or
// metadata.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>

#include "analyzer/engine.h"
#include "analyzer/loader.h"
#include "rules/registry.h"

namespace halint {
namespace {

namespace fs = std::filesystem;
using Expected = std::set<std::pair<uint32_t, std::string>>;

const fs::path kRoot = HALINT_SOURCE_DIR;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// `# expect: HA002` (or several IDs separated by commas) marks the next non-comment line.
Expected ExpectedFromComments(const std::string& text) {
  Expected out;
  std::istringstream in(text);
  std::string line;
  std::vector<std::string> pending;
  uint32_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;  // blank
    bool comment_only = line[first] == '#';
    size_t at = line.find("# expect:");
    if (at == first) {
      std::stringstream ids(line.substr(at + 9));
      std::string id;
      while (std::getline(ids, id, ',')) {
        id.erase(0, id.find_first_not_of(" \t"));
        id.erase(id.find_last_not_of(" \t\r") + 1);
        if (!id.empty()) pending.push_back(id);
      }
      continue;
    }
    if (comment_only) continue;
    for (const std::string& id : pending) out.insert({n, id});
    pending.clear();
  }
  return out;
}

Expected ExpectedFromFile(const fs::path& p) {
  Expected out;
  std::istringstream in(ReadAll(p));
  uint32_t line;
  std::string id;
  while (in >> line >> id) out.insert({line, id});
  return out;
}

std::vector<fs::path> FixtureFiles(const fs::path& dir) {
  std::vector<fs::path> out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    std::string ext = e.path().extension().string();
    // Templates only: not .expect files, docs, or the .tf sources of a plan fixture.
    if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml" || ext == ".json")) {
      out.push_back(e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Findings of rule `id` in `file`, as (line, rule) pairs.
Expected Actual(const fs::path& file, std::string_view id, std::string& detail) {
  LoadedInput input = LoadFile(file.string(), {}, true);
  Expected out;
  for (const Finding& d : input.diagnostics) {
    detail += "  diagnostic " + std::to_string(d.pos.line) + ": " + d.message + "\n";
  }
  if (input.kind != LoadedInput::Kind::kTemplate) return out;
  EngineOptions options;
  options.enable = {std::string(id)};
  // TAG001 checks nothing without patterns: its fixtures are written for these.
  options.rule_options.tag_patterns = {{"AWS::EC2::VPC", "^prod-"},
                                       {"AWS::EC2::Subnet", "^prod-"},
                                       {"aws_vpc", "^prod-"},
                                       {"aws_subnet", "^prod-"}};
  for (const Finding& f : RunRules(input.graph, options)) {
    // A .tf.json file is checked with its module: the findings in the other files of the
    // module belong to those files.
    if (f.file != input.graph.file) continue;
    detail += "  " + std::to_string(f.pos.line) + " " + f.rule_id + ": " + f.message + "\n";
    if (f.rule_id == id) out.insert({f.pos.line, f.rule_id});
  }
  return out;
}

TEST(RuleFixtures, EveryRuleHasMetadataDocsAndFixtures) {
  for (const Rule* rule : AllRules()) {
    const RuleInfo& info = rule->info();
    SCOPED_TRACE(std::string(info.id));
    EXPECT_FALSE(info.slug.empty());
    EXPECT_FALSE(info.title.empty());
    EXPECT_LT(info.title.size(), 70u);
    EXPECT_FALSE(info.rationale.empty());
    EXPECT_FALSE(info.remediation.empty());
    EXPECT_FALSE(info.bad_example.empty());
    EXPECT_FALSE(info.good_example.empty());
    EXPECT_FALSE(info.tags.empty());
    fs::path dir = kRoot / "fixtures/rules" / std::string(info.id);
    EXPECT_TRUE(fs::exists(kRoot / "docs/rules" / (std::string(info.id) + ".md")));
    EXPECT_FALSE(FixtureFiles(dir / "good").empty()) << "no good fixture in " << dir;
    EXPECT_FALSE(FixtureFiles(dir / "bad").empty()) << "no bad fixture in " << dir;
  }
}

TEST(RuleFixtures, RegistryIsSortedAndUnique) {
  const auto& rules = AllRules();
  for (size_t i = 1; i < rules.size(); ++i) {
    EXPECT_LT(rules[i - 1]->info().id, rules[i]->info().id);
  }
}

TEST(RuleFixtures, GoodFixturesHaveNoFindingsOfTheirRule) {
  for (const Rule* rule : AllRules()) {
    std::string id(rule->info().id);
    for (const fs::path& file : FixtureFiles(kRoot / "fixtures/rules" / id / "good")) {
      std::string detail;
      Expected actual = Actual(file, id, detail);
      EXPECT_TRUE(actual.empty()) << file << " should have no " << id << " finding:\n" << detail;
    }
  }
}

TEST(RuleFixtures, BadFixturesHaveExactlyTheMarkedFindings) {
  for (const Rule* rule : AllRules()) {
    std::string id(rule->info().id);
    for (const fs::path& file : FixtureFiles(kRoot / "fixtures/rules" / id / "bad")) {
      fs::path expect_file = file;
      expect_file += ".expect";
      Expected expected = fs::exists(expect_file) ? ExpectedFromFile(expect_file)
                                                  : ExpectedFromComments(ReadAll(file));
      EXPECT_FALSE(expected.empty()) << file << " marks no expected finding";
      std::string detail;
      Expected actual = Actual(file, id, detail);
      EXPECT_EQ(actual, expected) << file << ":\n" << detail;
    }
  }
}

}  // namespace
}  // namespace halint
