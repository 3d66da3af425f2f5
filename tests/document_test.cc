#include "parsers/document.h"

#include <gtest/gtest.h>

namespace halint {
namespace {

TEST(NodeTest, DumpIsCanonicalAndIterative) {
  Node m = Node::Map({1, 1});
  Node seq = Node::Sequence({1, 6});
  seq.Append(Node::Int(1, "1", {1, 7}));
  seq.Append(Node::String("a\"b", {1, 10}));
  m.Insert({"k", {1, 1}}, std::move(seq));
  m.Insert({"n", {2, 1}}, Node::Null({2, 4}));
  EXPECT_EQ(m.Dump(), R"({"k": [1, "a\"b"], "n": null})");
  EXPECT_EQ(m.DumpWithPositions(), R"({"k"@1:1: [1@1:7, "a\"b"@1:10]@1:6, "n"@2:1: null@2:4}@1:1)");
  ASSERT_NE(m.Find("n"), nullptr);
  EXPECT_EQ(m.Find("missing"), nullptr);
}

TEST(SourceFileTest, LineStripsTerminators) {
  SourceFile f{"x", "a\r\nbb\nccc"};
  EXPECT_EQ(f.Line(1), "a");
  EXPECT_EQ(f.Line(2), "bb");
  EXPECT_EQ(f.Line(3), "ccc");
  EXPECT_EQ(f.Line(4), "");
  EXPECT_EQ(f.Line(0), "");
}

}  // namespace
}  // namespace halint
