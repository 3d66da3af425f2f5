#include "parsers/document.h"

#include "analyzer/json_writer.h"

namespace halint {
namespace {

void AppendPos(SourcePos pos, bool with_pos, std::string& out) {
  if (!with_pos) return;
  out += '@';
  out += std::to_string(pos.line);
  out += ':';
  out += std::to_string(pos.column);
}

// Iterative so that dumping a deep tree cannot overflow the stack.
void DumpNode(const Node& root, bool with_pos, std::string& out) {
  struct Frame {
    const Node* node;
    size_t next;
  };
  std::vector<Frame> stack;
  auto open = [&](const Node& n) {
    switch (n.kind()) {
      case Node::Kind::kNull:
        out += "null";
        break;
      case Node::Kind::kBool:
        out += n.bool_value() ? "true" : "false";
        break;
      case Node::Kind::kInt:
      case Node::Kind::kFloat:
        out += n.text();
        break;
      case Node::Kind::kString:
        JsonWriter::AppendEscaped(n.text(), out);
        break;
      case Node::Kind::kSequence:
        out += '[';
        stack.push_back({&n, 0});
        return;
      case Node::Kind::kMap:
        out += '{';
        stack.push_back({&n, 0});
        return;
    }
    AppendPos(n.pos(), with_pos, out);
  };
  open(root);
  while (!stack.empty()) {
    Frame& f = stack.back();
    const Node& n = *f.node;
    if (f.next == n.size()) {
      out += n.is_map() ? '}' : ']';
      AppendPos(n.pos(), with_pos, out);
      stack.pop_back();
      continue;
    }
    size_t i = f.next++;
    if (i > 0) out += ", ";
    if (n.is_map()) {
      JsonWriter::AppendEscaped(n.key(i).text, out);
      AppendPos(n.key(i).pos, with_pos, out);
      out += ": ";
    }
    open(n[i]);  // may invalidate `f`
  }
}

}  // namespace

Node Node::Null(SourcePos pos) {
  Node n;
  n.pos_ = pos;
  return n;
}

Node Node::Bool(bool value, SourcePos pos) {
  Node n;
  n.kind_ = Kind::kBool;
  n.pos_ = pos;
  n.int_ = value ? 1 : 0;
  n.text_ = value ? "true" : "false";
  return n;
}

Node Node::Int(int64_t value, std::string lexeme, SourcePos pos) {
  Node n;
  n.kind_ = Kind::kInt;
  n.pos_ = pos;
  n.int_ = value;
  n.text_ = std::move(lexeme);
  return n;
}

Node Node::Float(double value, std::string lexeme, SourcePos pos) {
  Node n;
  n.kind_ = Kind::kFloat;
  n.pos_ = pos;
  n.float_ = value;
  n.text_ = std::move(lexeme);
  return n;
}

Node Node::String(std::string value, SourcePos pos) {
  Node n;
  n.kind_ = Kind::kString;
  n.pos_ = pos;
  n.text_ = std::move(value);
  return n;
}

Node Node::Sequence(SourcePos pos) {
  Node n;
  n.kind_ = Kind::kSequence;
  n.pos_ = pos;
  return n;
}

Node Node::Map(SourcePos pos) {
  Node n;
  n.kind_ = Kind::kMap;
  n.pos_ = pos;
  return n;
}

int64_t Node::IndexOf(std::string_view key) const {
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i].text == key) return static_cast<int64_t>(i);
  }
  return -1;
}

const Node* Node::Find(std::string_view key) const {
  int64_t i = IndexOf(key);
  return i < 0 ? nullptr : &items_[static_cast<size_t>(i)];
}

std::string Node::Dump() const {
  std::string out;
  DumpNode(*this, false, out);
  return out;
}

std::string Node::DumpWithPositions() const {
  std::string out;
  DumpNode(*this, true, out);
  return out;
}

std::string_view SourceFile::Line(uint32_t line) const {
  if (line == 0) return {};
  size_t start = 0;
  for (uint32_t l = 1; l < line; ++l) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) return {};
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  if (end == std::string::npos) end = text.size();
  if (end > start && text[end - 1] == '\r') --end;
  return std::string_view(text).substr(start, end - start);
}

}  // namespace halint
