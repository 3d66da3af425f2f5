#include "parsers/json/json_parser.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace halint {
namespace {

std::string Describe(const ParseResult& r) {
  if (r.ok()) return r.root.DumpWithPositions();
  return std::to_string(r.error_pos.line) + ":" + std::to_string(r.error_pos.column) + ": " +
         r.error;
}

// The text from `pos` to the end of its line; columns count code points after a BOM.
class PositionIndex {
 public:
  explicit PositionIndex(std::string_view text) : text_(text) {
    line_starts_.push_back(text.starts_with("\xEF\xBB\xBF") ? 3 : 0);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') line_starts_.push_back(i + 1);
    }
  }
  std::string_view At(SourcePos pos) const {
    if (pos.line == 0 || pos.line > line_starts_.size()) return {};
    size_t i = line_starts_[pos.line - 1];
    for (uint32_t column = 1; column < pos.column && i < text_.size(); ++column) {
      do {
        ++i;
      } while (i < text_.size() && (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80);
    }
    return text_.substr(i, text_.find('\n', i) - i);
  }

 private:
  std::string_view text_;
  std::vector<size_t> line_starts_;
};

// Checks that every node and key position points at the first character of its token.
void ExpectPositionsPointAtTokens(std::string_view text, const Node& root) {
  const PositionIndex index(text);
  std::vector<const Node*> stack = {&root};
  while (!stack.empty()) {
    const Node& n = *stack.back();
    stack.pop_back();
    const std::string_view at = index.At(n.pos());
    std::string_view expected;
    switch (n.kind()) {
      case Node::Kind::kNull:
        expected = "null";
        break;
      case Node::Kind::kBool:
        expected = n.text();
        break;
      case Node::Kind::kInt:
      case Node::Kind::kFloat:
        expected = n.text();
        break;
      case Node::Kind::kString:
        expected = "\"";
        break;
      case Node::Kind::kSequence:
        expected = "[";
        break;
      case Node::Kind::kMap:
        expected = "{";
        break;
    }
    ASSERT_TRUE(at.starts_with(expected)) << n.pos().line << ":" << n.pos().column << " shows '"
                                          << at.substr(0, 20) << "', expected '" << expected << "'";
    for (size_t i = 0; i < n.size(); ++i) {
      if (n.is_map()) {
        ASSERT_TRUE(index.At(n.key(i).pos).starts_with("\"" + n.key(i).text.substr(0, 1)))
            << "key '" << n.key(i).text << "' at " << n.key(i).pos.line << ":"
            << n.key(i).pos.column;
      }
      stack.push_back(&n[i]);
    }
  }
}

struct Case {
  std::string input;
  std::string expected;  // DumpWithPositions, or "line:column: error"
};

void RunTable(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    const ParseResult r = ParseJson(c.input);
    EXPECT_EQ(Describe(r), c.expected) << "input: " << c.input;
    if (r.ok()) ExpectPositionsPointAtTokens(c.input, r.root);
  }
}

TEST(JsonParserTest, TokenPositions) {
  RunTable({
      {"null", "null@1:1"},
      {"  true", "true@1:3"},
      {"false ", "false@1:1"},
      {"-12", "-12@1:1"},
      {"\"s\"", "\"s\"@1:1"},
      {"[]", "[]@1:1"},
      {"{}", "{}@1:1"},
      {"[1,2]", "[1@1:2, 2@1:4]@1:1"},
      {"[1 ,2 ]", "[1@1:2, 2@1:5]@1:1"},
      {"[0,-0,10,-1.5e+3,2E-2]", "[0@1:2, -0@1:4, 10@1:7, -1.5e+3@1:10, 2E-2@1:18]@1:1"},
      {"[true,false,null]", "[true@1:2, false@1:7, null@1:13]@1:1"},
      {"{\"a\":1,\"b\":[{}],\"c\":{\"d\":\"e\"}}",
       "{\"a\"@1:2: 1@1:6, \"b\"@1:8: [{}@1:13]@1:12, \"c\"@1:17: {\"d\"@1:22: "
       "\"e\"@1:26}@1:21}@1:1"},
      {"{\n  \"a\": [\n    1,\n    \"x\"\n  ]\n}", "{\"a\"@2:3: [1@3:5, \"x\"@4:5]@2:8}@1:1"},
      // Numbers followed directly by structural characters (the lexer reads one past them).
      {"[[1],[2.5]]", "[[1@1:3]@1:2, [2.5@1:7]@1:6]@1:1"},
      {"{\"a\":1}", "{\"a\"@1:2: 1@1:6}@1:1"},
      {"{\"a\":1e3,\"b\":-0}", "{\"a\"@1:2: 1e3@1:6, \"b\"@1:10: -0@1:14}@1:1"},
      // Escapes and brackets inside strings do not start tokens.
      {"[\"a\\\"[1,\",2]", "[\"a\\\"[1,\"@1:2, 2@1:11]@1:1"},
      {"[\"\\\\\",3]", "[\"\\\\\"@1:2, 3@1:7]@1:1"},
      {"[\"\\u00e9\",4]", "[\"\xC3\xA9\"@1:2, 4@1:11]@1:1"},
  });
}

TEST(JsonParserTest, ColumnsCountCodePoints) {
  RunTable({
      // é (2 bytes), € (3 bytes), 😀 (4 bytes) each take one column.
      {"[\"\xC3\xA9\",1]", "[\"\xC3\xA9\"@1:2, 1@1:6]@1:1"},
      {"[\"\xE2\x82\xAC\xE2\x82\xAC\", true]", "[\"\xE2\x82\xAC\xE2\x82\xAC\"@1:2, true@1:8]@1:1"},
      {"{\"\xF0\x9F\x98\x80\":[null,\"x\"]}",
       "{\"\xF0\x9F\x98\x80\"@1:2: [null@1:7, \"x\"@1:12]@1:6}@1:1"},
      {"[\"\xC3\xA9\",\n \"\xC3\xA9\", 7]", "[\"\xC3\xA9\"@1:2, \"\xC3\xA9\"@2:2, 7@2:7]@1:1"},
  });
}

TEST(JsonParserTest, CrLfAndBom) {
  RunTable({
      {"{\r\n  \"a\": 1,\r\n  \"b\": [\r\n    true\r\n  ]\r\n}\r\n",
       "{\"a\"@2:3: 1@2:8, \"b\"@3:3: [true@4:5]@3:8}@1:1"},
      {"\xEF\xBB\xBF{\"a\": 1}", "{\"a\"@1:2: 1@1:7}@1:1"},
      {"\xEF\xBB\xBF\r\n[2]", "[2@2:2]@2:1"},
      {"\t[\t3]", "[3@1:4]@1:2"},
  });
}

TEST(JsonParserTest, NumberKinds) {
  struct NumberCase {
    std::string input;
    Node::Kind kind;
    int64_t int_value;
    double float_value;
  };
  const std::vector<NumberCase> cases = {
      {"0", Node::Kind::kInt, 0, 0},
      {"-0", Node::Kind::kInt, 0, 0},
      {"9223372036854775807", Node::Kind::kInt, INT64_MAX, 0},
      {"-9223372036854775808", Node::Kind::kInt, INT64_MIN, 0},
      {"9223372036854775808", Node::Kind::kFloat, 0, 9223372036854775808.0},
      {"18446744073709551616", Node::Kind::kFloat, 0, 18446744073709551616.0},
      {"-9223372036854775809", Node::Kind::kFloat, 0, -9223372036854775809.0},
      {"1.0", Node::Kind::kFloat, 0, 1.0},
      {"1e3", Node::Kind::kFloat, 0, 1000.0},
      {"-2.5E-1", Node::Kind::kFloat, 0, -0.25},
  };
  for (const NumberCase& c : cases) {
    const ParseResult r = ParseJson(c.input);
    ASSERT_TRUE(r.ok()) << c.input << ": " << r.error;
    EXPECT_EQ(r.root.kind(), c.kind) << c.input;
    EXPECT_EQ(r.root.text(), c.input);
    if (c.kind == Node::Kind::kInt) {
      EXPECT_EQ(r.root.int_value(), c.int_value) << c.input;
    }
    EXPECT_EQ(r.root.float_value(),
              c.kind == Node::Kind::kInt ? double(c.int_value) : c.float_value)
        << c.input;
  }
}

TEST(JsonParserTest, SyntaxErrors) {
  RunTable({
      {"", "1:1: empty file"},
      {" \r\n\t ", "1:1: empty file"},
      {"\xEF\xBB\xBF", "1:1: empty file"},
      {"[1,]", "1:4: unexpected ']'; expected a value"},
      {"{\"a\":1,}", "1:8: unexpected '}'; expected a string key"},
      {"{1:2}", "1:2: unexpected number; expected a string key"},
      {"{\"a\" 1}", "1:6: unexpected number; expected ':' after object key"},
      {"{\"a\":1 \"b\":2}", "1:8: unexpected string; expected ',' or '}' after object member"},
      {"{\"a\":1]", "1:7: unexpected ']'; expected ',' or '}' after object member"},
      {"[1 2]", "1:4: unexpected number; expected ',' or ']' after array element"},
      {"[1}", "1:3: unexpected '}'; expected ',' or ']' after array element"},
      {"[true false]", "1:7: unexpected 'false'; expected ',' or ']' after array element"},
      {"[null,\n  :]", "2:3: unexpected ':'; expected a value"},
      {"[1,", "1:4: unexpected end of input; expected a value"},
      {"{\"a\":\n", "2:1: unexpected end of input; expected a value"},
      {"[1", "1:3: unexpected end of input; expected ',' or ']' after array element"},
      {"{} {}", "1:4: unexpected '{' after the top-level value"},
      {"1 2", "1:3: unexpected number after the top-level value"},
      {"[]]", "1:3: unexpected ']' after the top-level value"},
      {"{}\n\"x\"", "2:1: unexpected string after the top-level value"},
      {"0123", "1:2: unexpected number after the top-level value"},
      {"[-0-1]", "1:4: unexpected number; expected ',' or ']' after array element"},
      {"truefalse", "1:5: unexpected 'false' after the top-level value"},
  });
}

TEST(JsonParserTest, LexerErrors) {
  RunTable({
      {"[\"abc", "1:2: unterminated string"},
      {"{\"a\": \"x\n\"}", "1:9: unescaped control character U+000A in string"},
      {"[\"\xC3\xA9\t\"]", "1:4: unescaped control character U+0009 in string"},
      {"[\"a\\q\"]", "1:4: invalid escape character 'q'"},
      {"[\"a\\u12x4\"]", "1:4: invalid \\u escape; expected 4 hex digits"},
      {"[\"\\uD800x\"]", "1:3: high surrogate \\u escape without a low surrogate"},
      {"[\"\\uDC00\"]", "1:3: low surrogate \\u escape without a high surrogate"},
      {"[tru]", "1:2: invalid literal; expected 'true'"},
      {"nul", "1:1: invalid literal; expected 'null'"},
      {"[fals ]", "1:2: invalid literal; expected 'false'"},
      {"[x]", "1:2: unexpected character 'x'"},
      {"{'a': 1}", "1:2: unexpected character U+0027"},
      {"[1,\n -]", "2:2: invalid number '-'; expected digit after '-'"},
      {"[1.]", "1:2: invalid number '1.'; expected digit after '.'"},
      {"[ 2e+]", "1:3: invalid number '2e+'; expected digit after exponent sign"},
      {"-", "1:1: invalid number '-'; expected digit after '-'"},
      {"[1e999]", "1:2: number '1e999' is out of range"},
      {"// c\n{}", "1:1: comments are not allowed in JSON"},
      {"{} /* c */", "1:4: comments are not allowed in JSON"},
      {"[1,\xC3\xA9]", "1:4: unexpected character U+00E9"},
      {"\xEF\xBB\xBF\xEF\xBB\xBF{}", "1:1: unexpected character U+FEFF"},
      {std::string("{}\0 garbage", 11), "1:3: unexpected character U+0000"},
      {std::string("[1,\x00]", 5), "1:4: unexpected character U+0000"},
      {std::string("[\"\x00\"]", 5), "1:3: unescaped control character U+0000 in string"},
  });
}

TEST(JsonParserTest, InvalidUtf8) {
  RunTable({
      // Outside strings.
      {"[\xFF]", "1:2: invalid UTF-8 byte 0xFF"},
      {"\xEF\xBB{}", "1:1: invalid UTF-8 byte 0xEF"},
      {"\xC3\xA9", "1:1: unexpected character U+00E9"},
      {"[1,\x80]", "1:4: invalid UTF-8 byte 0x80"},
      // Inside strings: the first byte of the ill-formed sequence, after valid characters.
      {"[\"\xC3\xA9\xFF\"]", "1:4: invalid UTF-8 byte 0xFF"},
      {"[\"ab\xC3(\"]", "1:5: invalid UTF-8 byte 0xC3"},
      {"[\"\xE2\x82\"]", "1:3: invalid UTF-8 byte 0xE2"},
      {"[\"\xC0\xAF\"]", "1:3: invalid UTF-8 byte 0xC0"},
      {"[\"\xED\xA0\x80\"]", "1:3: invalid UTF-8 byte 0xED"},
      {"[\"\xF4\x90\x80\x80\"]", "1:3: invalid UTF-8 byte 0xF4"},
      {"{\"k\xE2\x82\xAC\xF0\x9F\x98\x80\":1,\n\"\x80\":2}", "2:2: invalid UTF-8 byte 0x80"},
  });
}

TEST(JsonParserTest, DuplicateKeys) {
  RunTable({
      {"{\"a\":1,\n \"a\":2}", "2:2: duplicate key 'a' (first defined at line 1, column 2)"},
      {"{\"a\":{\"b\":1},\"b\":{\"b\":2,\"c\":{},\"b\":3}}",
       "1:32: duplicate key 'b' (first defined at line 1, column 19)"},
  });
  // Large maps switch to an index: the duplicate is still found and reported the same way.
  std::string big = "{";
  for (int i = 0; i < 100; ++i)
    big += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",\n";
  big += "\"k42\":0}";
  EXPECT_EQ(Describe(ParseJson(big)),
            "101:1: duplicate key 'k42' (first defined at line 43, column 1)");
  EXPECT_EQ(Describe(ParseJson("{\"a\":1,\"A\":2,\"a \":3}")),
            "{\"a\"@1:2: 1@1:6, \"A\"@1:8: 2@1:12, \"a \"@1:14: 3@1:19}@1:1");
}

TEST(JsonParserTest, DepthLimit) {
  const ParseLimits limits;
  std::string ok(limits.max_depth, '[');
  ok += std::string(limits.max_depth, ']');
  EXPECT_TRUE(ParseJson(ok).ok());

  std::string deep(limits.max_depth + 1, '[');
  deep += std::string(limits.max_depth + 1, ']');
  EXPECT_EQ(Describe(ParseJson(deep)), "1:257: nesting deeper than 256 levels");

  // The SAX parser is iterative and we stop at the limit: a million brackets is just an error.
  EXPECT_EQ(Describe(ParseJson(std::string(1'000'000, '['))),
            "1:257: nesting deeper than 256 levels");
  std::string objects;
  for (int i = 0; i < 1'000'000; ++i) objects += "{\"a\":";
  EXPECT_EQ(Describe(ParseJson(objects)), "1:1281: nesting deeper than 256 levels");

  EXPECT_EQ(Describe(ParseJson("[[[1]]]", {.max_depth = 2})), "1:3: nesting deeper than 2 levels");
}

TEST(JsonParserTest, NodeLimit) {
  EXPECT_EQ(Describe(ParseJson("[1,2,3]", {.max_nodes = 4})), "[1@1:2, 2@1:4, 3@1:6]@1:1");
  EXPECT_EQ(Describe(ParseJson("[1,2,{}]", {.max_nodes = 3})), "1:6: more than 3 nodes");
  EXPECT_EQ(Describe(ParseJson("{\"a\":[null]}", {.max_nodes = 2})), "1:7: more than 2 nodes");
}

TEST(JsonParserTest, MinifiedSingleLine) {
  std::string text = "[";
  std::string expected = "[";
  uint32_t column = 2;
  for (int i = 0; i < 1000; ++i) {
    if (i > 0) {
      text += ",";
      expected += ", ";
      ++column;
    }
    const std::string item = "{\"\xC3\xA9\":" + std::to_string(i) + "}";
    text += item;
    expected += "{\"\xC3\xA9\"@1:" + std::to_string(column + 1) + ": " + std::to_string(i) +
                "@1:" + std::to_string(column + 5) + "}@1:" + std::to_string(column);
    column += 6 + static_cast<uint32_t>(std::to_string(i).size());
  }
  text += "]";
  expected += "]@1:1";
  EXPECT_EQ(Describe(ParseJson(text)), expected);
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(JsonCorpusTest, EveryJsonFileParses) {
  const std::filesystem::path corpus = HALINT_SOURCE_DIR "/../shared/corpus";
  if (!std::filesystem::is_directory(corpus)) GTEST_SKIP() << "no corpus at " << corpus;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      files.push_back(entry.path());
    }
  }
  ASSERT_FALSE(files.empty());
  for (const auto& file : files) {
    const std::string text = ReadFile(file);
    const ParseResult r = ParseJson(text);
    EXPECT_TRUE(r.ok()) << file << ":" << r.error_pos.line << ":" << r.error_pos.column << ": "
                        << r.error;
    SCOPED_TRACE(file.string());
    ExpectPositionsPointAtTokens(text, r.root);
  }
}

TEST(JsonCorpusTest, PlanEncodings) {
  const std::filesystem::path dir = HALINT_SOURCE_DIR
      "/../shared/corpus/terraform-plan/checkov/tests/terraform/parser/"
      "resources/plan_encodings";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no corpus at " << dir;
  struct PlanCase {
    std::string file;
    SourcePos first_key;
  };
  const std::vector<PlanCase> cases = {
      {"tfplan_mac_utf8.json", {2, 3}},  // pretty-printed
      {"tfplan_win_utf8.json", {1, 2}},  // minified on one line
  };
  for (const PlanCase& c : cases) {
    const ParseResult r = ParseJson(ReadFile(dir / c.file));
    ASSERT_TRUE(r.ok()) << c.file << ": " << r.error;
    ASSERT_TRUE(r.root.is_map()) << c.file;
    EXPECT_EQ(r.root.pos(), (SourcePos{1, 1})) << c.file;
    EXPECT_EQ(r.root.key(0).text, "format_version") << c.file;
    EXPECT_EQ(r.root.key(0).pos, c.first_key) << c.file;
  }
}

TEST(JsonMalformedFixturesTest, ExpectedErrors) {
  const std::vector<Case> cases = {
      {"json_trailing_comma.json", "4:3: unexpected '}'; expected a string key"},
      {"json_duplicate_key.json", "5:7: duplicate key 'Type' (first defined at line 4, column 7)"},
      {"json_comment.json", "2:3: comments are not allowed in JSON"},
      {"json_invalid_utf8.json", "3:22: invalid UTF-8 byte 0xE9"},
      {"json_truncated.json", "2:18: unterminated string"},
  };
  for (const Case& c : cases) {
    const std::filesystem::path path =
        std::filesystem::path(HALINT_SOURCE_DIR) / "fixtures/malformed" / c.input;
    ASSERT_TRUE(std::filesystem::exists(path)) << path;
    EXPECT_EQ(Describe(ParseJson(ReadFile(path))), c.expected) << path;
  }
}

}  // namespace
}  // namespace halint
