#include "parsers/yaml/yaml_parser.h"

#include <gtest/gtest.h>
#include <pthread.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "parsers/json/json_parser.h"

namespace halint {
namespace {

// The positioned dump of a successful parse, or "error@L:C: message".
std::string Parse(std::string_view text, const ParseLimits& limits = {}) {
  ParseResult r = ParseYaml(text, limits);
  if (r.ok()) return r.root.DumpWithPositions();
  return "error@" + std::to_string(r.error_pos.line) + ":" + std::to_string(r.error_pos.column) +
         ": " + r.error;
}

struct Case {
  std::string_view input;
  std::string_view expected;
};

class YamlTable : public testing::TestWithParam<Case> {};

TEST_P(YamlTable, DumpsWithPositions) { EXPECT_EQ(Parse(GetParam().input), GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(
    YamlScalars, YamlTable,
    testing::Values(
        Case{"", "null@1:1"}, Case{"# only a comment\n", "null@1:1"},
        Case{"a: ~\nb: null\nc: NULL\nd:\ne: Null\n",
             R"({"a"@1:1: null@1:4, "b"@2:1: null@2:4, "c"@3:1: null@3:4, "d"@4:1: null@5:1, )"
             R"("e"@5:1: null@5:4}@1:1)"},
        Case{"[true, True, TRUE, false, FALSE, yes, no, on]",
             R"([true@1:2, true@1:8, true@1:14, false@1:20, false@1:27, "yes"@1:34, "no"@1:39, )"
             R"("on"@1:43]@1:1)"},
        Case{"[0, -7, +7, 012345678901, 0x1F, 0o17, 99999999999999999999]",
             "[0@1:2, -7@1:5, +7@1:9, 012345678901@1:13, 0x1F@1:27, 0o17@1:33, "
             "99999999999999999999@1:39]@1:1"},
        Case{"[1.5, -.5, 1e3, 2.E-2, .inf, -.Inf, .nan, 1.2.3, 2010-09-09, 0x, 0o8]",
             R"([1.5@1:2, -.5@1:7, 1e3@1:12, 2.E-2@1:17, .inf@1:24, -.Inf@1:30, .nan@1:37, )"
             R"("1.2.3"@1:43, "2010-09-09"@1:50, "0x"@1:62, "0o8"@1:66]@1:1)"},
        Case{R"(["1", '2', "true", '', "~", ! 3])",
             R"(["1"@1:2, "2"@1:7, "true"@1:12, ""@1:20, "~"@1:24, "3"@1:29]@1:1)"},
        Case{"[!!str 1, !!int 2, !!float 3, !!bool true, !!null ~, !!binary AAAA]",
             R"(["1"@1:2, 2@1:11, 3@1:20, true@1:31, null@1:44, "AAAA"@1:54]@1:1)"},
        Case{"{1: a, true: b, ~: c}",
             R"({"1"@1:2: "a"@1:5, "true"@1:8: "b"@1:14, ""@1:17: "c"@1:20}@1:1)"},
        Case{"s: |\n  line 1\n  line 2\nf: >-\n  a\n  b\n",
             R"({"s"@1:1: "line 1\nline 2\n"@1:4, "f"@4:1: "a b"@4:4}@1:1)"}));

INSTANTIATE_TEST_SUITE_P(
    YamlPositions, YamlTable,
    testing::Values(
        // Columns count code points, not bytes: "é" is two bytes, "😀" four.
        Case{"é: [ü, 😀x, y]\nz: 1\n",
             R"({"é"@1:1: ["ü"@1:5, "😀x"@1:8, "y"@1:12]@1:4, "z"@2:1: 1@2:4}@1:1)"},
        // A BOM does not shift columns.
        Case{"\xEF\xBB\xBF"
             "a: b\n",
             R"({"a"@1:1: "b"@1:4}@1:1)"},
        Case{"\r\na: 1\r\nb:\r\n  - x\r\n", R"({"a"@2:1: 1@2:4, "b"@3:1: ["x"@4:5]@4:3}@2:1)"},
        Case{"- a\n- - b\n  - {k: [c, d]}\n",
             R"(["a"@1:3, ["b"@2:5, {"k"@3:6: ["c"@3:10, "d"@3:13]@3:9}@3:5]@2:3]@1:1)"},
        // Flow collections may continue on lines that start with a tab.
        Case{"a: [1,\n\t2]\n", R"({"a"@1:1: [1@1:5, 2@2:2]@1:4}@1:1)"},
        Case{"base: &b {x: 1}\nuse: *b\n",
             R"({"base"@1:1: {"x"@1:11: 1@1:14}@1:7, "use"@2:1: {"x"@2:6: 1@2:6}@2:6}@1:1)"},
        Case{"&k key: v\n*k : w\n",
             "error@2:1: duplicate key 'key' (first defined at line 1, column 1)"},
        Case{"a: 1\n---\nb: 2\n", R"({"a"@1:1: 1@1:4}@1:1)"}, Case{"--- ~\n", "null@1:5"}));

INSTANTIATE_TEST_SUITE_P(
    YamlTags, YamlTable,
    testing::Values(
        Case{"a: !Ref X", R"({"a"@1:1: {"Ref"@1:4: "X"@1:9}@1:4}@1:1)"},
        Case{"a: !Condition IsProd", R"({"a"@1:1: {"Condition"@1:4: "IsProd"@1:15}@1:4}@1:1)"},
        Case{"!GetAtt A.B", R"({"Fn::GetAtt"@1:1: ["A"@1:9, "B"@1:11]@1:9}@1:1)"},
        Case{"!GetAtt é.B.C", R"({"Fn::GetAtt"@1:1: ["é"@1:9, "B.C"@1:11]@1:9}@1:1)"},
        Case{"!GetAtt 'A.B'", R"({"Fn::GetAtt"@1:1: ["A"@1:9, "B"@1:12]@1:9}@1:1)"},
        Case{"!GetAtt [A, B]", R"({"Fn::GetAtt"@1:1: ["A"@1:10, "B"@1:13]@1:9}@1:1)"},
        Case{"!GetAtt A", R"({"Fn::GetAtt"@1:1: "A"@1:9}@1:1)"},
        Case{"!Sub 'x-${AWS::Region}'", R"({"Fn::Sub"@1:1: "x-${AWS::Region}"@1:6}@1:1)"},
        Case{
            "!Sub\n  - '${A}-${B}'\n  - B: !Ref C\n",
            R"({"Fn::Sub"@1:1: ["${A}-${B}"@2:5, {"B"@3:5: {"Ref"@3:8: "C"@3:13}@3:8}@3:5]@2:3}@1:1)"},
        Case{"!If [c, !Ref a, !Ref AWS::NoValue]",
             R"({"Fn::If"@1:1: ["c"@1:6, {"Ref"@1:9: "a"@1:14}@1:9, )"
             R"({"Ref"@1:17: "AWS::NoValue"@1:22}@1:17]@1:5}@1:1)"},
        Case{"!Select [0, !GetAZs '']",
             R"({"Fn::Select"@1:1: [0@1:10, {"Fn::GetAZs"@1:13: ""@1:13}@1:13]@1:9}@1:1)"},
        Case{
            "!Join ['', [a, !Base64 b]]",
            R"({"Fn::Join"@1:1: [""@1:8, ["a"@1:13, {"Fn::Base64"@1:16: "b"@1:24}@1:16]@1:12]@1:7}@1:1)"},
        Case{"[!Split [',', x], !FindInMap [M, K, V], !ImportValue e, !Cidr [c, 6, 5]]",
             R"([{"Fn::Split"@1:2: [","@1:10, "x"@1:15]@1:9}@1:2, )"
             R"({"Fn::FindInMap"@1:19: ["M"@1:31, "K"@1:34, "V"@1:37]@1:30}@1:19, )"
             R"({"Fn::ImportValue"@1:41: "e"@1:54}@1:41, )"
             R"({"Fn::Cidr"@1:57: ["c"@1:64, 6@1:67, 5@1:70]@1:63}@1:57]@1:1)"},
        Case{"[!Equals [a, b], !And [x], !Or [y], !Not [z]]",
             R"([{"Fn::Equals"@1:2: ["a"@1:11, "b"@1:14]@1:10}@1:2, )"
             R"({"Fn::And"@1:18: ["x"@1:24]@1:23}@1:18, {"Fn::Or"@1:28: ["y"@1:33]@1:32}@1:28, )"
             R"({"Fn::Not"@1:37: ["z"@1:43]@1:42}@1:37]@1:1)"},
        Case{"[!Transform {Name: m}, !ToJsonString {a: 1}, !Length [1], !ForEach [a, b, c]]",
             R"([{"Fn::Transform"@1:2: {"Name"@1:14: "m"@1:20}@1:13}@1:2, )"
             R"({"Fn::ToJsonString"@1:24: {"a"@1:39: 1@1:42}@1:38}@1:24, )"
             R"({"Fn::Length"@1:46: [1@1:55]@1:54}@1:46, )"
             R"({"Fn::ForEach"@1:59: ["a"@1:69, "b"@1:72, "c"@1:75]@1:68}@1:59]@1:1)"},
        // A scalar under a short tag is a string, as in the long form's JSON.
        Case{
            "[!Ref 12, !Ref, !Ref true]",
            R"([{"Ref"@1:2: "12"@1:7}@1:2, {"Ref"@1:11: ""@1:11}@1:11, {"Ref"@1:17: "true"@1:22}@1:17]@1:1)"},
        Case{"a: &x !Ref B\nb: *x\n",
             R"({"a"@1:1: {"Ref"@1:4: "B"@1:12}@1:4, "b"@2:1: {"Ref"@2:4: "B"@2:4}@2:4}@1:1)"},
        Case{"password: !vault |\n  $ANSIBLE_VAULT\nlist: !reference [a, b]\n",
             R"({"password"@1:1: {"!vault"@1:11: "$ANSIBLE_VAULT\n"@1:18}@1:11, )"
             R"("list"@3:1: {"!reference"@3:7: ["a"@3:19, "b"@3:22]@3:18}@3:7}@1:1)"}));

INSTANTIATE_TEST_SUITE_P(
    YamlErrors, YamlTable,
    testing::Values(
        Case{"a: 1\na: 2\n", "error@2:1: duplicate key 'a' (first defined at line 1, column 1)"},
        Case{"x: {é: 1, é: 2}",
             "error@1:11: duplicate key 'é' (first defined at line 1, column 5)"},
        Case{"? [a]\n: 1\n", "error@1:3: mapping key must be a scalar"},
        Case{"{a: 1}: 2\n", "error@1:1: mapping key must be a scalar"},
        Case{"!Ref x: 1\n", "error@1:1: mapping key must be a scalar"},
        Case{"a:\n\tb: 1\n", "error@2:1: tab character used for indentation"},
        Case{"a:\n  b: 1\n\tc: 2\n", "error@3:1: tab character used for indentation"},
        Case{"a:\n \tb: 1\n", "error@2:2: tab character used for indentation"},
        Case{"a: [1, 2\n", "error@2:1: end of sequence flow not found"},
        Case{"a: b: c\n", "error@1:5: illegal map value"},
        Case{"é: \"\\q\"\n", "error@1:7: unknown escape character: q"},
        Case{"a: *nope\n", "error@1:4: undefined alias '*nope'"},
        Case{"a: &x [1, *x]\n", "error@1:11: alias refers to a node that contains it"},
        Case{"a: !!int 1.5\n", "error@1:4: invalid !!int value '1.5'"},
        Case{"a: !!bool yes\n", "error@1:4: invalid !!bool value 'yes'"},
        Case{"ok: 1\nbad: \xC3\x28\n", "error@2:6: invalid UTF-8 byte 0xC3"},
        Case{"a: \xED\xA0\x80\n", "error@1:4: invalid UTF-8 byte 0xED"},
        Case{"é: \xF0\x9F\x98\n", "error@1:4: invalid UTF-8 byte 0xF0"},
        Case{"a: \xFF\n", "error@1:4: invalid UTF-8 byte 0xFF"},
        Case{std::string_view("a: b\0c\n", 7), "error@1:5: invalid control character 0x00"},
        Case{"a: 1\n---\nb: [\n", "error@4:1: end of sequence flow not found"},
        Case{"a: 1\n---\nb: 1\nb: 2\n",
             "error@4:1: duplicate key 'b' (first defined at line 3, column 1)"}));

TEST(YamlDuplicateKeys, FoundInLargeMapsThroughTheIndex) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "k" + std::to_string(i) + ": " + std::to_string(i) + "\n";
  ParseResult ok = ParseYaml(text);
  ASSERT_TRUE(ok.ok()) << ok.error;
  EXPECT_EQ(ok.root.size(), 100u);
  EXPECT_EQ(ok.root.key(99).text, "k99");
  EXPECT_EQ(ok.root.key(99).pos, (SourcePos{100, 1}));
  EXPECT_EQ(Parse(text + "k3: again\n"),
            "error@101:1: duplicate key 'k3' (first defined at line 4, column 1)");
  EXPECT_EQ(Parse(text + "k99: again\n"),
            "error@101:1: duplicate key 'k99' (first defined at line 100, column 1)");
}

TEST(YamlLimits, DepthIsCountedInCollectionsAndShortTagMaps) {
  ParseLimits limits;
  limits.max_depth = 3;
  EXPECT_EQ(Parse("[[[x]]]", limits), R"([[["x"@1:4]@1:3]@1:2]@1:1)");
  EXPECT_EQ(Parse("[[[[x]]]]", limits), "error@1:4: nesting deeper than 3 levels");
  EXPECT_EQ(Parse("a:\n  b:\n    c:\n      d: 1\n", limits),
            "error@4:7: nesting deeper than 3 levels");
  EXPECT_EQ(Parse("[[!Ref x]]", limits), R"([[{"Ref"@1:3: "x"@1:8}@1:3]@1:2]@1:1)");
  EXPECT_EQ(Parse("[[!If [a]]]", limits), "error@1:3: nesting deeper than 3 levels");
  EXPECT_EQ(Parse("[[[!Ref x]]]", limits), "error@1:4: nesting deeper than 3 levels");
}

TEST(YamlLimits, NodeCountIncludesAliasExpansions) {
  ParseLimits limits;
  limits.max_nodes = 6;
  EXPECT_EQ(Parse("[1, 2, 3, 4, 5]", limits), "[1@1:2, 2@1:5, 3@1:8, 4@1:11, 5@1:14]@1:1");
  EXPECT_EQ(Parse("[1, 2, 3, 4, 5, 6]", limits), "error@1:17: document has more than 6 nodes");
  EXPECT_EQ(Parse("- &a [1, 2]\n- *a\n", limits), "error@2:3: document has more than 6 nodes");
}

// The document deeper than yaml-cpp's own recursion could survive must fail cleanly, also on a
// thread with a small stack: the depth limit stops the descent at max_depth.
TEST(YamlLimits, VeryDeepNestingFailsCleanlyOnASmallStack) {
  std::vector<std::pair<std::string, std::string>> cases;
  for (size_t depth : {10'000u, 1'000'000u}) {
    cases.push_back({std::string(depth, '[') + std::string(depth, ']'),
                     "error@1:257: nesting deeper than 256 levels"});
    cases.push_back({std::string(depth, '{') + std::string(depth, '}'),
                     "error@1:2: end of map flow not found"});
  }
  std::string block;
  for (int i = 0; i < 10'000; ++i) block += std::string(static_cast<size_t>(i), ' ') + "- \n";
  cases.push_back({block, "error@257:257: nesting deeper than 256 levels"});
  for (const auto& [text, expected] : cases) {
    std::string got;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 1 << 20);
    pthread_t thread;
    struct Job {
      const std::string* text;
      std::string* got;
    } job{&text, &got};
    auto run = [](void* p) -> void* {
      auto* j = static_cast<Job*>(p);
      *j->got = Parse(*j->text);
      return nullptr;
    };
    ASSERT_EQ(pthread_create(&thread, &attr, run, &job), 0);
    pthread_join(thread, nullptr);
    pthread_attr_destroy(&attr);
    EXPECT_EQ(got, expected) << text.substr(0, 20);
  }
}

TEST(YamlLimits, BillionLaughsFailsFast) {
  std::string text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    text += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) text += std::string(i ? ", *" : "*") + static_cast<char>(c - 1);
    text += "]\n";
  }
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(Parse(text),
            "error@5:36: aliases expand to too many nodes (more than 100000 and 10 times the "
            "nodes written)");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// JSON is YAML, so the long-form JSON twin of a short-form YAML template parses here too and
// must give the same tree.
TEST(YamlCorpus, ShortTagsDumpLikeTheLongFormTwin) {
  const std::string dir = std::string(HALINT_SOURCE_DIR) +
                          "/../shared/corpus/cloudformation/aws-cloudformation-templates/";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no corpus at " << dir;
  for (const char* name : {"EC2/EC2InstanceWithSecurityGroupSample", "VPC/FindInMapAZs"}) {
    std::string yaml = ReadFile(dir + name + ".yaml");
    std::string json = ReadFile(dir + name + ".json");
    ASSERT_FALSE(yaml.empty()) << name;
    ASSERT_FALSE(json.empty()) << name;
    ParseResult from_yaml = ParseYaml(yaml);
    ParseResult from_json = ParseJson(json);
    ASSERT_TRUE(from_yaml.ok()) << name << ": " << from_yaml.error;
    ASSERT_TRUE(from_json.ok()) << name << ": " << from_json.error;
    EXPECT_EQ(from_yaml.root.Dump(), from_json.root.Dump()) << name;
  }
}

// The table in fixtures/malformed/README.md, which the CLI tests rely on.
TEST(YamlFixtures, MalformedFilesFailWithTheDocumentedError) {
  const std::string dir = std::string(HALINT_SOURCE_DIR) + "/fixtures/malformed/";
  std::string readme = ReadFile(dir + "README.md");
  int rows = 0;
  std::istringstream lines(readme);
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with("| ") || line.starts_with("| file")) continue;
    std::vector<std::string> cells;
    for (size_t start = 2, bar; (bar = line.find(" |", start)) != std::string::npos;
         start = bar + 3) {
      cells.push_back(line.substr(start, bar - start));
    }
    ASSERT_EQ(cells.size(), 3u) << line;
    if (cells[0].ends_with(".json")) continue;  // JSON rows: JsonParser tests
    std::string text = ReadFile(dir + cells[0]);
    ASSERT_FALSE(text.empty()) << cells[0];
    EXPECT_EQ(Parse(text), "error@" + cells[1] + ": " + cells[2]) << cells[0];
    ++rows;
  }
  EXPECT_EQ(rows, 7);
}

}  // namespace
}  // namespace halint
