// The located document tree: what every parser produces and every front end reads.
//
// YAML and JSON parse into the same tree of null / bool / int / float / string /
// sequence / ordered-map nodes. Every node (and every map key) carries the 1-based line
// and column where it starts; columns count Unicode code points. CloudFormation short
// tags (`!Ref X`) are already expanded to their long form (`{"Ref": "X"}`) here, so
// nothing downstream knows which syntax a template used.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace halint {

// A position in a source file. line == 0 means "no position" (e.g. a synthesized node).
struct SourcePos {
  uint32_t line = 0;
  uint32_t column = 0;

  bool known() const { return line != 0; }
  friend bool operator==(const SourcePos&, const SourcePos&) = default;
  friend auto operator<=>(const SourcePos&, const SourcePos&) = default;
};

class Node {
 public:
  enum class Kind : uint8_t { kNull, kBool, kInt, kFloat, kString, kSequence, kMap };

  // A map key: the key text and where it is written.
  struct Key {
    std::string text;
    SourcePos pos;
  };

  Node() = default;
  static Node Null(SourcePos pos);
  static Node Bool(bool value, SourcePos pos);
  // `lexeme` is the number as written; it is what Dump and string coercion show.
  static Node Int(int64_t value, std::string lexeme, SourcePos pos);
  static Node Float(double value, std::string lexeme, SourcePos pos);
  static Node String(std::string value, SourcePos pos);
  static Node Sequence(SourcePos pos);
  static Node Map(SourcePos pos);

  Kind kind() const { return kind_; }
  SourcePos pos() const { return pos_; }
  bool is_null() const { return kind_ == Kind::kNull; }
  bool is_bool() const { return kind_ == Kind::kBool; }
  bool is_int() const { return kind_ == Kind::kInt; }
  bool is_float() const { return kind_ == Kind::kFloat; }
  bool is_number() const { return kind_ == Kind::kInt || kind_ == Kind::kFloat; }
  bool is_string() const { return kind_ == Kind::kString; }
  bool is_scalar() const { return kind_ < Kind::kSequence; }
  bool is_sequence() const { return kind_ == Kind::kSequence; }
  bool is_map() const { return kind_ == Kind::kMap; }

  bool bool_value() const { return int_ != 0; }
  int64_t int_value() const { return int_; }
  double float_value() const { return kind_ == Kind::kInt ? static_cast<double>(int_) : float_; }
  // The string value of a string node; the lexeme of a number; "true"/"false"; "" for null.
  const std::string& text() const { return text_; }

  // Sequences and maps: number of items / entries; items_[i] is the i-th item or value.
  size_t size() const { return items_.size(); }
  const Node& operator[](size_t i) const { return items_[i]; }
  Node& operator[](size_t i) { return items_[i]; }
  const std::vector<Node>& items() const { return items_; }
  // Maps only: the i-th key, in document order.
  const Key& key(size_t i) const { return keys_[i]; }
  // Maps only: the value for `key`, or nullptr. Linear: callers that look up many keys of
  // a large map (e.g. a template's Resources) should index it themselves.
  const Node* Find(std::string_view key) const;
  // Maps only: the entry index of `key`, or -1.
  int64_t IndexOf(std::string_view key) const;

  void Append(Node item) { items_.push_back(std::move(item)); }
  void Insert(Key key, Node value) {
    keys_.push_back(std::move(key));
    items_.push_back(std::move(value));
  }

  // Canonical one-line rendering without positions, for tests and debugging:
  // null, true, 42, 1.5, "text" (JSON-escaped), [a, b], {"k": v, ...}.
  std::string Dump() const;
  // Like Dump, but each node is suffixed with @line:column.
  std::string DumpWithPositions() const;

 private:
  Kind kind_ = Kind::kNull;
  SourcePos pos_;
  int64_t int_ = 0;  // int value, or 0/1 for bools
  double float_ = 0;
  std::string text_;
  std::vector<Node> items_;
  std::vector<Key> keys_;
};

// A source file as read from disk (or stdin): the path as the user named it and its bytes.
// Shared by the parse, the findings (for source excerpts) and the reporters; read once.
struct SourceFile {
  std::string path;
  std::string text;

  // The text of 1-based line `line` without its line terminator, or "" if out of range.
  std::string_view Line(uint32_t line) const;
};
using SourceFilePtr = std::shared_ptr<const SourceFile>;

// Limits that keep hostile input harmless. Exceeding one is a parse error, not a crash.
struct ParseLimits {
  uint64_t max_bytes = 256ull << 20;  // enforced by the reader before parsing
  uint32_t max_depth = 256;           // nesting of sequences and maps
  uint64_t max_nodes = 20'000'000;    // nodes in the tree, counting alias expansions
};

// The outcome of parsing one file. When `ok()` is false, `error` says what and where and
// `root` is a null node; the parser stops at the first error.
struct ParseResult {
  Node root;
  bool failed = false;
  SourcePos error_pos;
  std::string error;

  bool ok() const { return !failed; }
};

}  // namespace halint
