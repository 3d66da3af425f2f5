#include "parsers/yaml/yaml_parser.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <functional>
#include <istream>
#include <limits>
#include <memory>
#include <new>
#include <streambuf>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "parsers/utf8.h"

namespace halint {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kStandardTagPrefix = "tag:yaml.org,2002:";

// Maps smaller than this find duplicate keys by a linear scan; larger ones get a hash index.
constexpr size_t kKeyIndexThreshold = 16;
// Aliases may expand to this many nodes, plus kAliasFactor per node written in the file,
// before the parse fails: billion-laughs files stop after milliseconds, not at max_nodes.
constexpr uint64_t kAliasFloor = 100'000;
constexpr uint64_t kAliasFactor = 10;

// CloudFormation short-form tags and the long-form key each one expands to.
constexpr std::array<std::pair<std::string_view, std::string_view>, 23> kShortTags = {{
    {"!And", "Fn::And"},
    {"!Base64", "Fn::Base64"},
    {"!Cidr", "Fn::Cidr"},
    {"!Condition", "Condition"},
    {"!Contains", "Fn::Contains"},
    {"!Equals", "Fn::Equals"},
    {"!FindInMap", "Fn::FindInMap"},
    {"!ForEach", "Fn::ForEach"},
    {"!GetAZs", "Fn::GetAZs"},
    {"!GetAtt", "Fn::GetAtt"},
    {"!If", "Fn::If"},
    {"!ImportValue", "Fn::ImportValue"},
    {"!Join", "Fn::Join"},
    {"!Length", "Fn::Length"},
    {"!Not", "Fn::Not"},
    {"!Or", "Fn::Or"},
    {"!Ref", "Ref"},
    {"!Select", "Fn::Select"},
    {"!Split", "Fn::Split"},
    {"!Sub", "Fn::Sub"},
    {"!ToJsonString", "Fn::ToJsonString"},
    {"!Transform", "Fn::Transform"},
    {"!ValueOf", "Fn::ValueOf"},
}};

// Thrown by the event handler to stop yaml-cpp at the first semantic error; caught in
// ParseYaml and never seen outside this file.
struct ParseError {
  SourcePos pos;
  std::string message;
};

// An istream source over the caller's bytes, so the text is not copied into a stringstream.
class ViewBuf : public std::streambuf {
 public:
  explicit ViewBuf(std::string_view text) {
    char* p = const_cast<char*>(text.data());  // read-only: the get area is never written
    setg(p, p, p + text.size());
  }
};

// What a tag on a node asks for.
struct Tag {
  enum class Kind { kNone, kString, kStandard, kWrap };
  Kind kind = Kind::kNone;
  std::string_view standard;  // kStandard: the type after "tag:yaml.org,2002:"
  std::string wrap_key;       // kWrap: the key of the single-key map around the node
};

Tag ClassifyTag(const std::string& tag) {
  Tag t;
  // yaml-cpp reports "?" for an untagged plain node and "!" for an untagged quoted scalar.
  if (tag == "?" || tag.empty()) return t;
  if (tag == "!") {
    t.kind = Tag::Kind::kString;
    return t;
  }
  std::string_view v = tag;
  if (v.starts_with(kStandardTagPrefix)) {
    t.kind = Tag::Kind::kStandard;
    t.standard = v.substr(kStandardTagPrefix.size());
    return t;
  }
  t.kind = Tag::Kind::kWrap;
  for (const auto& [short_tag, long_key] : kShortTags) {
    if (v == short_tag) {
      t.wrap_key = long_key;
      return t;
    }
  }
  t.wrap_key = tag;
  return t;
}

bool IsDigits(std::string_view s, int base) {
  if (s.empty()) return false;
  for (char c : s) {
    bool ok = base == 16 ? std::isxdigit(static_cast<unsigned char>(c)) != 0
                         : c >= '0' && c < static_cast<char>('0' + base);
    if (!ok) return false;
  }
  return true;
}

// [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
bool IsCoreFloat(std::string_view s) {
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i - start;
  };
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  size_t int_digits = digits();
  size_t frac_digits = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    frac_digits = digits();
  }
  if (int_digits + frac_digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    if (digits() == 0) return false;
  }
  return i == s.size();
}

// Scalars of the YAML 1.2 core schema that are not strings. Sets `out` and returns true, or
// returns false for a string.
bool ResolveCore(const std::string& text, SourcePos pos, Node& out) {
  std::string_view s = text;
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") {
    out = Node::Null(pos);
    return true;
  }
  if (s == "true" || s == "True" || s == "TRUE") {
    out = Node::Bool(true, pos);
    return true;
  }
  if (s == "false" || s == "False" || s == "FALSE") {
    out = Node::Bool(false, pos);
    return true;
  }
  std::string_view unsigned_part = s.substr(s[0] == '-' || s[0] == '+' ? 1 : 0);
  if (unsigned_part == ".inf" || unsigned_part == ".Inf" || unsigned_part == ".INF") {
    double inf = std::numeric_limits<double>::infinity();
    out = Node::Float(s[0] == '-' ? -inf : inf, text, pos);
    return true;
  }
  if (s == ".nan" || s == ".NaN" || s == ".NAN") {
    out = Node::Float(std::numeric_limits<double>::quiet_NaN(), text, pos);
    return true;
  }
  int base = 10;
  std::string_view digits = s;
  if (s.starts_with("0x")) {
    base = 16;
    digits = s.substr(2);
  } else if (s.starts_with("0o")) {
    base = 8;
    digits = s.substr(2);
  } else if (s[0] == '+') {
    digits = s.substr(1);  // from_chars accepts '-' but not '+'
  }
  bool negative = base == 10 && s[0] == '-';
  if (IsDigits(negative ? digits.substr(1) : digits, base)) {
    int64_t value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
    if (ec == std::errc() && end == digits.data() + digits.size()) {
      out = Node::Int(value, text, pos);
      return true;
    }
    // Too large for int64: still a number, kept as a double with its lexeme.
    if (base != 10) return false;
  } else if (base != 10 || !IsCoreFloat(s)) {
    return false;
  }
  double value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  out = Node::Float(value, text, pos);
  return true;
}

// Copies `src` with every node and key positioned at `pos`, iteratively so that a deep
// anchored subtree cannot overflow the stack.
Node CopyAt(const Node& src, SourcePos pos) {
  auto shallow = [pos](const Node& n) {
    switch (n.kind()) {
      case Node::Kind::kNull:
        return Node::Null(pos);
      case Node::Kind::kBool:
        return Node::Bool(n.bool_value(), pos);
      case Node::Kind::kInt:
        return Node::Int(n.int_value(), n.text(), pos);
      case Node::Kind::kFloat:
        return Node::Float(n.float_value(), n.text(), pos);
      case Node::Kind::kString:
        return Node::String(n.text(), pos);
      case Node::Kind::kSequence:
        return Node::Sequence(pos);
      case Node::Kind::kMap:
        return Node::Map(pos);
    }
    return Node::Null(pos);
  };
  struct Frame {
    const Node* src;
    Node* dst;
    size_t next;
  };
  Node root = shallow(src);
  std::vector<Frame> stack;
  if (!src.is_scalar()) stack.push_back({&src, &root, 0});
  while (!stack.empty()) {
    Frame& f = stack.back();
    if (f.next == f.src->size()) {
      stack.pop_back();
      continue;
    }
    size_t i = f.next++;
    const Node& child = (*f.src)[i];
    Node* dst = f.dst;
    if (f.src->is_map()) {
      dst->Insert({f.src->key(i).text, pos}, shallow(child));
    } else {
      dst->Append(shallow(child));
    }
    // Only the deepest frame's vector grows, so pointers to ancestors stay valid.
    if (!child.is_scalar()) stack.push_back({&child, &(*dst)[dst->size() - 1], 0});
  }
  return root;
}

// Builds the tree from yaml-cpp's events. Every document of the stream is built (so that
// limits and key checks apply to all), and the first one is kept.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, const ParseLimits& limits, bool ascii, bool has_tabs)
      : text_(text), limits_(limits), ascii_(ascii), has_tabs_(has_tabs) {}

  bool has_document() const { return documents_ > 0; }
  Node TakeRoot() { return std::move(root_); }

  SourcePos Pos(const YAML::Mark& mark) const {
    if (mark.is_null()) return PositionOf(text_, text_.size());
    auto column = static_cast<uint32_t>(mark.column);
    if (!ascii_) {
      column = CountCodePoints(text_.substr(static_cast<size_t>(mark.pos - mark.column), column));
    }
    return {static_cast<uint32_t>(mark.line + 1), column + 1};
  }

  void OnDocumentStart(const YAML::Mark&) override {
    anchors_.clear();
    nodes_ = 0;
    alias_nodes_ = 0;
  }
  void OnDocumentEnd() override { ++documents_; }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    CheckIndentation(mark);
    SourcePos pos = Pos(mark);
    if (ExpectingKey()) {
      SetKey("", pos);
      return;
    }
    Complete(Node::Null(pos), anchor, nodes_);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    CheckIndentation(mark);
    SourcePos pos = Pos(mark);
    if (anchor >= anchors_.size() || !anchors_[anchor].complete) {
      throw ParseError{pos, "alias refers to a node that contains it"};
    }
    const Anchored& target = anchors_[anchor];
    if (ExpectingKey()) {
      if (!target.node.is_scalar()) throw ParseError{pos, "mapping key must be a scalar"};
      SetKey(target.node.text(), pos);
      return;
    }
    uint64_t before = nodes_;
    uint64_t written = nodes_ - alias_nodes_;
    alias_nodes_ += target.count;
    if (alias_nodes_ > kAliasFloor + kAliasFactor * written) {
      throw ParseError{pos, "aliases expand to too many nodes (more than " +
                                std::to_string(kAliasFloor) + " and " +
                                std::to_string(kAliasFactor) + " times the nodes written)"};
    }
    CountNodes(target.count, pos);
    Complete(CopyAt(target.node, pos), 0, before);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    CheckIndentation(mark);
    SourcePos pos = Pos(mark);
    Tag t = ClassifyTag(tag);
    if (ExpectingKey()) {
      if (t.kind == Tag::Kind::kWrap) throw ParseError{pos, "mapping key must be a scalar"};
      if (anchor != 0) Remember(anchor, Node::String(value, pos), 1);
      SetKey(value, pos);
      return;
    }
    uint64_t before = nodes_;
    CountNodes(1, pos);
    if (t.kind != Tag::Kind::kWrap) {
      Complete(ScalarNode(t, value, pos), anchor, before);
      return;
    }
    // The map stands where the tag is written; the value where its text starts.
    CountNodes(1, pos);
    CheckDepth(1, pos);
    size_t offset = value.empty() ? static_cast<size_t>(mark.pos) : SkipProperties(mark);
    SourcePos value_pos = value.empty() ? pos : PosAtOffset(mark, offset);
    Node wrapped = Node::Map(pos);
    if (t.wrap_key == "Fn::GetAtt" && value.find('.') != std::string::npos) {
      CountNodes(2, pos);
      wrapped.Insert({t.wrap_key, pos}, SplitGetAtt(value, value_pos, offset));
    } else {
      wrapped.Insert({t.wrap_key, pos}, Node::String(value, value_pos));
    }
    Complete(std::move(wrapped), anchor, before);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    Open(mark, tag, anchor, style, false);
  }
  void OnSequenceEnd() override { Close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    Open(mark, tag, anchor, style, true);
  }
  void OnMapEnd() override { Close(); }

 private:
  struct Frame {
    Node node;
    bool flow;
    std::string wrap_key;  // non-empty: wrap the finished node in {wrap_key: node}
    SourcePos tag_pos;
    YAML::anchor_t anchor;
    uint64_t nodes_before;
    bool has_key = false;
    Node::Key key = {};
    // Key hash -> entry index; built once a map outgrows a linear duplicate scan.
    std::unique_ptr<std::unordered_multimap<size_t, uint32_t>> key_index = nullptr;
  };
  struct Anchored {
    Node node;
    uint64_t count = 0;
    bool complete = false;
  };

  bool ExpectingKey() const {
    return !stack_.empty() && stack_.back().node.is_map() && !stack_.back().has_key;
  }

  // YAML forbids tabs in indentation, but yaml-cpp takes many of them for spaces; a block
  // node that is first on its line must be preceded by spaces only.
  void CheckIndentation(const YAML::Mark& mark) const {
    if (!has_tabs_ || mark.is_null() || (!stack_.empty() && stack_.back().flow)) return;
    size_t line_start = static_cast<size_t>(mark.pos - mark.column);
    std::string_view prefix = text_.substr(line_start, static_cast<size_t>(mark.column));
    if (prefix.find_first_not_of(" \t") != std::string_view::npos) return;
    size_t tab = prefix.find('\t');
    if (tab == std::string_view::npos) return;
    throw ParseError{{static_cast<uint32_t>(mark.line + 1), static_cast<uint32_t>(tab + 1)},
                     "tab character used for indentation"};
  }

  void CountNodes(uint64_t n, SourcePos pos) {
    nodes_ += n;
    if (nodes_ > limits_.max_nodes) {
      throw ParseError{pos,
                       "document has more than " + std::to_string(limits_.max_nodes) + " nodes"};
    }
  }

  // `extra` counts the levels about to be opened on top of the current stack.
  void CheckDepth(size_t extra, SourcePos pos) const {
    if (depth_ + extra > limits_.max_depth) {
      throw ParseError{pos, "nesting deeper than " + std::to_string(limits_.max_depth) + " levels"};
    }
  }

  Node ScalarNode(const Tag& t, const std::string& value, SourcePos pos) const {
    Node node;
    switch (t.kind) {
      case Tag::Kind::kNone:
        if (ResolveCore(value, pos, node)) return node;
        break;
      case Tag::Kind::kStandard: {
        std::string_view type = t.standard;
        if (type != "int" && type != "float" && type != "bool" && type != "null") break;
        bool ok = ResolveCore(value, pos, node);
        if (ok && type == "float" && node.is_int()) {
          return Node::Float(static_cast<double>(node.int_value()), value, pos);
        }
        if (ok && ((type == "int" && node.is_int()) || (type == "float" && node.is_float()) ||
                   (type == "bool" && node.is_bool()) || (type == "null" && node.is_null()))) {
          return node;
        }
        throw ParseError{pos, "invalid !!" + std::string(type) + " value '" + value + "'"};
      }
      case Tag::Kind::kString:
      case Tag::Kind::kWrap:
        break;
    }
    return Node::String(value, pos);
  }

  // `!GetAtt A.B.C` -> ["A", "B.C"]: the resource name cannot contain a dot.
  Node SplitGetAtt(const std::string& value, SourcePos value_pos, size_t offset) const {
    size_t dot = value.find('.');
    std::string_view resource = std::string_view(value).substr(0, dot);
    uint32_t quote = text_[offset] == '"' || text_[offset] == '\'' ? 1 : 0;
    SourcePos attribute_pos = value_pos;
    attribute_pos.column += quote + CountCodePoints(resource) + 1;
    Node list = Node::Sequence(value_pos);
    list.Append(Node::String(std::string(resource), value_pos));
    list.Append(Node::String(value.substr(dot + 1), attribute_pos));
    return list;
  }

  // The offset where a node's content starts, skipping its tag and anchor and the space or
  // comments after them; `mark` is where yaml-cpp says the node starts (its first property).
  size_t SkipProperties(const YAML::Mark& mark) const {
    size_t i = static_cast<size_t>(mark.pos);
    while (i < text_.size()) {
      char c = text_[i];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        ++i;
      } else if (c == '#') {
        while (i < text_.size() && text_[i] != '\n') ++i;
      } else if (c == '!' || c == '&') {
        while (i < text_.size() && text_[i] != ' ' && text_[i] != '\t' && text_[i] != '\r' &&
               text_[i] != '\n') {
          ++i;
        }
      } else {
        break;
      }
    }
    return i;
  }

  // The position of `offset`, which lies at or after `mark` in the text.
  SourcePos PosAtOffset(const YAML::Mark& mark, size_t offset) const {
    auto line = static_cast<uint32_t>(mark.line + 1);
    size_t line_start = static_cast<size_t>(mark.pos - mark.column);
    for (size_t i = static_cast<size_t>(mark.pos); i < offset; ++i) {
      if (text_[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    return {line, CountCodePoints(text_.substr(line_start, offset - line_start)) + 1};
  }

  void Open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
            YAML::EmitterStyle::value style, bool is_map) {
    CheckIndentation(mark);
    SourcePos pos = Pos(mark);
    if (ExpectingKey()) throw ParseError{pos, "mapping key must be a scalar"};
    Tag t = ClassifyTag(tag);
    size_t levels = t.kind == Tag::Kind::kWrap ? 2 : 1;
    CheckDepth(levels, pos);
    depth_ += levels;
    uint64_t before = nodes_;
    CountNodes(levels, pos);
    SourcePos node_pos = pos;
    if (t.kind == Tag::Kind::kWrap) node_pos = PosAtOffset(mark, SkipProperties(mark));
    stack_.push_back({.node = is_map ? Node::Map(node_pos) : Node::Sequence(node_pos),
                      .flow = style == YAML::EmitterStyle::Flow,
                      .wrap_key = std::move(t.wrap_key),
                      .tag_pos = pos,
                      .anchor = anchor,
                      .nodes_before = before});
  }

  void Close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    depth_ -= f.wrap_key.empty() ? 1 : 2;
    if (f.wrap_key.empty()) {
      Complete(std::move(f.node), f.anchor, f.nodes_before);
      return;
    }
    Node wrapped = Node::Map(f.tag_pos);
    wrapped.Insert({std::move(f.wrap_key), f.tag_pos}, std::move(f.node));
    Complete(std::move(wrapped), f.anchor, f.nodes_before);
  }

  void SetKey(std::string text, SourcePos pos) {
    Frame& f = stack_.back();
    const Node& map = f.node;
    int64_t first = -1;
    if (f.key_index) {
      size_t h = std::hash<std::string_view>()(text);
      auto [begin, end] = f.key_index->equal_range(h);
      for (auto it = begin; it != end && first < 0; ++it) {
        if (map.key(it->second).text == text) first = it->second;
      }
    } else {
      first = map.IndexOf(text);
    }
    if (first >= 0) {
      SourcePos at = map.key(static_cast<size_t>(first)).pos;
      throw ParseError{pos, "duplicate key '" + text + "' (first defined at line " +
                                std::to_string(at.line) + ", column " + std::to_string(at.column) +
                                ")"};
    }
    f.key = {std::move(text), pos};
    f.has_key = true;
  }

  // Adds a finished node to its parent (or makes it the document root) and records it
  // under its anchor. `nodes_before` is the node count before the node began.
  void Remember(YAML::anchor_t anchor, const Node& node, uint64_t count) {
    if (anchors_.size() <= anchor) anchors_.resize(anchor + 1);
    anchors_[anchor] = {node, count, true};
  }

  void Complete(Node node, YAML::anchor_t anchor, uint64_t nodes_before) {
    if (anchor != 0) Remember(anchor, node, nodes_ - nodes_before);
    if (stack_.empty()) {
      if (documents_ == 0) root_ = std::move(node);
      return;
    }
    Frame& f = stack_.back();
    if (f.node.is_sequence()) {
      f.node.Append(std::move(node));
      return;
    }
    f.node.Insert(std::move(f.key), std::move(node));
    f.has_key = false;
    size_t size = f.node.size();
    if (f.key_index) {
      f.key_index->emplace(std::hash<std::string_view>()(f.node.key(size - 1).text), size - 1);
    } else if (size == kKeyIndexThreshold) {
      f.key_index = std::make_unique<std::unordered_multimap<size_t, uint32_t>>();
      for (uint32_t i = 0; i < size; ++i) {
        f.key_index->emplace(std::hash<std::string_view>()(f.node.key(i).text), i);
      }
    }
  }

  std::string_view text_;
  const ParseLimits& limits_;
  const bool ascii_;
  const bool has_tabs_;
  int documents_ = 0;
  Node root_;
  std::vector<Frame> stack_;
  size_t depth_ = 0;
  uint64_t nodes_ = 0;
  uint64_t alias_nodes_ = 0;
  std::vector<Anchored> anchors_;  // by yaml-cpp anchor id (1-based)
};

ParseResult Fail(SourcePos pos, std::string message) {
  ParseResult r;
  r.failed = true;
  r.error_pos = pos;
  r.error = std::move(message);
  return r;
}

std::string ByteMessage(const char* what, unsigned char byte) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", byte);
  return std::string(what) + buf;
}

}  // namespace

ParseResult ParseYaml(std::string_view text, const ParseLimits& limits) {
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  size_t bad = FindInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    return Fail(PositionOf(text, bad),
                ByteMessage("invalid UTF-8 byte ", static_cast<unsigned char>(text[bad])));
  }
  // One pass for what the builder needs to know up front. Control characters are not
  // allowed in YAML, and NUL bytes would also make yaml-cpp guess UTF-16 or UTF-32.
  bool ascii = true;
  bool has_tabs = false;
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    ascii &= c < 0x80;
    has_tabs |= c == '\t';
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      return Fail(PositionOf(text, i), ByteMessage("invalid control character ", c));
    }
  }

  TreeBuilder builder(text, limits, ascii, has_tabs);
  try {
    ViewBuf buf(text);
    std::istream in(&buf);
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const ParseError& e) {
    return Fail(e.pos, e.message);
  } catch (const YAML::DeepRecursion& e) {
    return Fail(builder.Pos(e.mark),
                "nesting deeper than " + std::to_string(e.depth()) + " levels");
  } catch (const YAML::Exception& e) {
    SourcePos pos = builder.Pos(e.mark);
    if (e.msg == YAML::ErrorMsg::UNKNOWN_ANCHOR) {
      size_t start = static_cast<size_t>(e.mark.pos);
      size_t end = text.find_first_of(" \t\r\n,]}", start);
      return Fail(pos, "undefined alias '" + std::string(text.substr(start, end - start)) + "'");
    }
    if (e.msg == YAML::ErrorMsg::TAB_IN_INDENTATION) {
      return Fail(pos, "tab character used for indentation");
    }
    return Fail(pos, e.msg);
  } catch (const std::bad_alloc&) {
    return Fail({1, 1}, "out of memory");
  }
  ParseResult r;
  r.root = builder.has_document() ? builder.TakeRoot() : Node::Null({1, 1});
  return r;
}

}  // namespace halint
