#include "analyzer/value.h"

#include <charconv>
#include <cmath>

#include "analyzer/json_writer.h"

namespace halint {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string FormatNumber(double n) {
  if (n == std::floor(n) && std::fabs(n) < 9.007199254740992e15) {
    return std::to_string(static_cast<int64_t>(n));
  }
  char buf[32];
  auto res = std::to_chars(buf, buf + sizeof buf, n);
  return std::string(buf, res.ptr);
}

}  // namespace

Value Value::Unresolved(std::string reason, SourcePos pos) {
  Value v;
  v.kind_ = Kind::kUnresolved;
  v.text_ = std::move(reason);
  v.pos_ = pos;
  return v;
}

Value Value::Null(SourcePos pos) {
  Value v;
  v.kind_ = Kind::kNull;
  v.pos_ = pos;
  return v;
}

Value Value::Bool(bool b, SourcePos pos) {
  Value v;
  v.kind_ = Kind::kBool;
  v.number_ = b ? 1 : 0;
  v.pos_ = pos;
  return v;
}

Value Value::Number(double n, SourcePos pos, std::string lexeme) {
  Value v;
  v.kind_ = Kind::kNumber;
  v.number_ = n;
  v.text_ = lexeme.empty() ? FormatNumber(n) : std::move(lexeme);
  v.pos_ = pos;
  return v;
}

Value Value::String(std::string s, SourcePos pos) {
  Value v;
  v.kind_ = Kind::kString;
  v.text_ = std::move(s);
  v.pos_ = pos;
  return v;
}

Value Value::List(SourcePos pos) {
  Value v;
  v.kind_ = Kind::kList;
  v.pos_ = pos;
  return v;
}

Value Value::Map(SourcePos pos) {
  Value v;
  v.kind_ = Kind::kMap;
  v.pos_ = pos;
  return v;
}

Value Value::Ref(std::string target, std::string attribute, SourcePos pos) {
  Value v;
  v.kind_ = Kind::kRef;
  v.text_ = std::move(target);
  v.attr_ = std::move(attribute);
  v.pos_ = pos;
  return v;
}

Value Value::Az(std::string region, int64_t index, SourcePos pos) {
  Value v;
  v.kind_ = Kind::kAz;
  v.attr_ = std::move(region);
  v.number_ = static_cast<double>(index);
  v.pos_ = pos;
  return v;
}

Value Value::AzList(std::string region, SourcePos pos) {
  Value v;
  v.kind_ = Kind::kAzList;
  v.attr_ = std::move(region);
  v.pos_ = pos;
  return v;
}

std::optional<bool> Value::AsBool() const {
  if (kind_ == Kind::kBool) return bool_value();
  if (kind_ == Kind::kString) {
    if (EqualsIgnoreCase(text_, "true")) return true;
    if (EqualsIgnoreCase(text_, "false")) return false;
  }
  return std::nullopt;
}

std::optional<double> Value::AsNumber() const {
  if (kind_ == Kind::kNumber) return number_;
  if (kind_ != Kind::kString || text_.empty()) return std::nullopt;
  double d = 0;
  const char* begin = text_.data();
  const char* end = begin + text_.size();
  if (*begin == '+') ++begin;
  auto res = std::from_chars(begin, end, d);
  if (res.ec != std::errc() || res.ptr != end) return std::nullopt;
  return d;
}

std::optional<int64_t> Value::AsInt() const {
  std::optional<double> d = AsNumber();
  if (!d || *d != std::floor(*d) || std::fabs(*d) > 9.007199254740992e15) return std::nullopt;
  return static_cast<int64_t>(*d);
}

std::optional<std::string> Value::AsString() const {
  switch (kind_) {
    case Kind::kString:
    case Kind::kNumber:
      return text_;
    case Kind::kBool:
      return std::string(bool_value() ? "true" : "false");
    default:
      return std::nullopt;
  }
}

void Value::Set(std::string key, SourcePos key_pos, Value v) {
  for (Entry& e : entries_) {
    if (e.key == key) {
      e.key_pos = key_pos;
      e.value = std::move(v);
      return;
    }
  }
  entries_.push_back(Entry{std::move(key), key_pos, std::move(v)});
}

const Value::Entry* Value::FindEntry(std::string_view key) const {
  if (kind_ != Kind::kMap) return nullptr;
  for (const Entry& e : entries_) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

const Value& Value::operator[](std::string_view key) const {
  static const Value kAbsent;
  const Entry* e = FindEntry(key);
  return e ? e->value : kAbsent;
}

const Value& Value::AtPath(std::string_view dotted) const {
  const Value* v = this;
  while (true) {
    size_t dot = dotted.find('.');
    v = &(*v)[dotted.substr(0, dot)];
    if (dot == std::string_view::npos) return *v;
    dotted.remove_prefix(dot + 1);
  }
}

void Value::WriteJson(JsonWriter& out) const {
  switch (kind_) {
    case Kind::kAbsent:
    case Kind::kNull:
      out.Null();
      break;
    case Kind::kUnresolved:
      out.BeginObject().Field("unresolved", text_).EndObject();
      break;
    case Kind::kBool:
      out.Bool(bool_value());
      break;
    case Kind::kNumber:
      out.Double(number_);
      break;
    case Kind::kString:
      out.String(text_);
      break;
    case Kind::kList:
      out.BeginArray();
      for (const Value& v : items_) v.WriteJson(out);
      out.EndArray();
      break;
    case Kind::kMap:
      out.BeginObject();
      for (const Entry& e : entries_) {
        out.Key(e.key);
        e.value.WriteJson(out);
      }
      out.EndObject();
      break;
    case Kind::kRef:
      out.BeginObject().Field("ref", text_);
      if (!attr_.empty()) out.Field("attribute", attr_);
      out.EndObject();
      break;
    case Kind::kAz:
      out.BeginObject().Field("az", az_index()).Field("region", attr_).EndObject();
      break;
    case Kind::kAzList:
      out.BeginObject().Field("azs", attr_).EndObject();
      break;
  }
}

std::string Value::ToJson() const {
  JsonWriter out(0);
  WriteJson(out);
  return out.Take();
}

Value Value::FromNode(const Node& node) {
  switch (node.kind()) {
    case Node::Kind::kNull:
      return Value::Null(node.pos());
    case Node::Kind::kBool:
      return Value::Bool(node.bool_value(), node.pos());
    case Node::Kind::kInt:
    case Node::Kind::kFloat:
      return Value::Number(node.float_value(), node.pos(), node.text());
    case Node::Kind::kString:
      return Value::String(node.text(), node.pos());
    case Node::Kind::kSequence: {
      Value list = Value::List(node.pos());
      for (const Node& item : node.items()) list.Append(FromNode(item));
      return list;
    }
    case Node::Kind::kMap: {
      Value map = Value::Map(node.pos());
      for (size_t i = 0; i < node.size(); ++i) {
        map.Set(node.key(i).text, node.key(i).pos, FromNode(node[i]));
      }
      return map;
    }
  }
  return Value::Null(node.pos());
}

}  // namespace halint
