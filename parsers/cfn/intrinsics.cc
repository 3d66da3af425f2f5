// Resolution of property expressions: literals, Ref, pseudo parameters and every Fn::*
// intrinsic CloudFormation evaluates at deploy time.
#include <string>
#include <utility>
#include <vector>

#include "parsers/cfn/cfn_loader.h"
#include "parsers/cfn/cidr.h"

namespace halint {
namespace {

// Fn::GetAtt attributes that are simply a property of the target as written, so that
// `!GetAtt Vpc.CidrBlock` can feed Fn::Cidr and a subnet's AZ can be followed.
struct PlainAttribute {
  std::string_view type;
  std::string_view attribute;
};
constexpr PlainAttribute kPlainAttributes[] = {
    {"AWS::EC2::VPC", "CidrBlock"},
    {"AWS::EC2::Subnet", "AvailabilityZone"},
    {"AWS::EC2::Subnet", "AvailabilityZoneId"},
    {"AWS::EC2::Subnet", "CidrBlock"},
    {"AWS::EC2::Subnet", "VpcId"},
    {"AWS::EC2::SecurityGroup", "VpcId"},
};

bool IsPlainAttribute(std::string_view type, std::string_view attribute) {
  for (const PlainAttribute& p : kPlainAttributes) {
    if (p.type == type && p.attribute == attribute) return true;
  }
  return false;
}

class DepthGuard {
 public:
  explicit DepthGuard(int& depth) : depth_(depth) { ++depth_; }
  ~DepthGuard() { --depth_; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;

 private:
  int& depth_;
};

// A value computed elsewhere (a parameter, a mapping, another resource's property) is
// reported where the expression that uses it is written.
Value Relocated(Value v, SourcePos pos) {
  v.set_pos(pos);
  for (Value& item : v.items()) item = Relocated(std::move(item), pos);
  for (Value::Entry& e : v.entries()) e.value = Relocated(std::move(e.value), pos);
  return v;
}

bool IsDefaulted(const Value& v) { return v.origin() == Value::Origin::kDefaulted; }

Value WithOrigin(Value v, bool defaulted) {
  if (defaulted) v.set_origin(Value::Origin::kDefaulted);
  return v;
}

// The string a scalar value stands for, or nullopt with the reason in `why`.
std::optional<std::string> StringOf(const Value& v, std::string& why) {
  if (std::optional<std::string> s = v.AsString()) return s;
  switch (v.kind()) {
    case Value::Kind::kUnresolved:
      why = v.reason();
      break;
    case Value::Kind::kAbsent:
      why = "AWS::NoValue is used where a value is required";
      break;
    case Value::Kind::kRef:
      why = v.ref_attribute().empty()
                ? "the Ref of resource '" + v.ref_target() + "' is known only at deploy time"
                : "'" + v.ref_target() + "." + v.ref_attribute() + "' is known only at deploy time";
      break;
    case Value::Kind::kAz:
      why = "the name of AZ " + std::to_string(v.az_index()) + " of " + v.az_region() +
            " is known only at deploy time";
      break;
    case Value::Kind::kAzList:
      why = "the AZ names of " + v.az_region() + " are known only at deploy time";
      break;
    case Value::Kind::kList:
      why = "a list is used where a string is required";
      break;
    case Value::Kind::kMap:
      why = "a map is used where a string is required";
      break;
    default:
      why = "null is used where a string is required";
      break;
  }
  return std::nullopt;
}

std::string EncodeBase64(std::string_view in) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  for (size_t i = 0; i < in.size(); i += 3) {
    uint32_t chunk = static_cast<uint8_t>(in[i]) << 16;
    if (i + 1 < in.size()) chunk |= static_cast<uint8_t>(in[i + 1]) << 8;
    if (i + 2 < in.size()) chunk |= static_cast<uint8_t>(in[i + 2]);
    out += kAlphabet[(chunk >> 18) & 63];
    out += kAlphabet[(chunk >> 12) & 63];
    out += i + 1 < in.size() ? kAlphabet[(chunk >> 6) & 63] : '=';
    out += i + 2 < in.size() ? kAlphabet[chunk & 63] : '=';
  }
  return out;
}

bool IsIntrinsicKey(std::string_view key) {
  return key == "Ref" || key.substr(0, 4) == "Fn::" || key.substr(0, 1) == "!";
}

}  // namespace

Value CfnLoader::Resolve(const Node& node, Scope& scope) {
  if (scope.depth >= kMaxDepth) {
    return Value::Unresolved("expression is nested too deeply", node.pos());
  }
  DepthGuard guard(scope.depth);
  if (node.is_sequence()) {
    Value list = Value::List(node.pos());
    for (const Node& item : node.items()) {
      Value v = Resolve(item, scope);
      if (!v.is_absent()) list.Append(std::move(v));
    }
    return list;
  }
  if (!node.is_map()) return Value::FromNode(node);
  if (node.size() == 1 && IsIntrinsicKey(node.key(0).text)) {
    return ResolveIntrinsic(node.key(0).text, node[0], node.pos(), scope);
  }
  Value map = Value::Map(node.pos());
  for (size_t i = 0; i < node.size(); ++i) {
    Value v = Resolve(node[i], scope);
    if (!v.is_absent()) map.Set(node.key(i).text, node.key(i).pos, std::move(v));
  }
  return map;
}

Value CfnLoader::ResolveIntrinsic(std::string_view fn, const Node& arg, SourcePos pos,
                                  Scope& scope) {
  if (fn == "Ref") return Ref(arg, pos, scope);
  if (fn == "Fn::GetAtt") return GetAtt(arg, pos, scope);
  if (fn == "Fn::Sub") return Sub(arg, pos, scope);
  if (fn == "Fn::Join") return Join(arg, pos, scope);
  if (fn == "Fn::Split") return Split(arg, pos, scope);
  if (fn == "Fn::Select") return Select(arg, pos, scope);
  if (fn == "Fn::GetAZs") return GetAzs(arg, pos, scope);
  if (fn == "Fn::FindInMap") return FindInMap(arg, pos, scope);
  if (fn == "Fn::If") return If(arg, pos, scope);
  if (fn == "Fn::Cidr") return Cidr(arg, pos, scope);
  if (fn == "Fn::Base64") return Base64(arg, pos, scope);
  if (fn == "Fn::Length") return Length(arg, pos, scope);
  if (fn.substr(0, 1) == "!") {
    return Value::Unresolved("unknown tag '" + std::string(fn) + "'", pos);
  }
  // Their arguments may still reference resources: resolve them for the edges.
  if (fn == "Fn::ImportValue" || fn == "Fn::ToJsonString") Resolve(arg, scope);
  return Value::Unresolved(std::string(fn) + " is evaluated only at deploy time", pos);
}

Value CfnLoader::Malformed(std::string_view fn, std::string_view shape, SourcePos pos,
                           const Scope& scope) {
  std::string message = std::string(fn) + " takes " + std::string(shape);
  Diagnose(scope, pos, message);
  return Value::Unresolved(std::move(message), pos);
}

bool CfnLoader::Arguments(std::string_view fn, std::string_view shape, const Node& arg,
                          size_t count, SourcePos pos, Scope& scope, std::vector<Value>& out,
                          Value& failure) {
  if (!arg.is_sequence() || arg.size() != count) {
    failure = Malformed(fn, shape, pos, scope);
    return false;
  }
  for (const Node& item : arg.items()) out.push_back(Resolve(item, scope));
  for (const Value& v : out) {
    if (v.is_unresolved()) {
      failure = Value::Unresolved(v.reason(), pos);
      return false;
    }
    if (v.is_absent()) {
      failure = Value::Unresolved(std::string(fn) + " has AWS::NoValue as an argument", pos);
      return false;
    }
  }
  return true;
}

Value CfnLoader::Ref(const Node& arg, SourcePos pos, Scope& scope) {
  if (!arg.is_string()) return Malformed("Ref", "a name", pos, scope);
  return RefName(arg.text(), pos, scope, Edge::Kind::kRef);
}

Value CfnLoader::RefName(const std::string& name, SourcePos pos, Scope& scope, Edge::Kind edge) {
  if (std::optional<Value> pseudo = PseudoParameter(name, pos)) return *pseudo;
  if (auto it = parameter_index_.find(name); it != parameter_index_.end()) {
    return Relocated(graph_.parameters[it->second].value, pos);
  }
  if (resources_.count(name) != 0) {
    AddEdge(scope, name, edge, pos);
    return Value::Ref(name, "", pos);
  }
  std::string what = edge == Edge::Kind::kSub ? "Fn::Sub variable '" : "Ref to '";
  return UndeclaredName(what + name + "', which is neither a parameter nor a resource", pos, scope);
}

Value CfnLoader::GetAtt(const Node& arg, SourcePos pos, Scope& scope) {
  constexpr std::string_view kShape = "[resource, attribute] or \"resource.attribute\"";
  if (arg.is_string()) {
    size_t dot = arg.text().find('.');
    if (dot == std::string::npos) return Malformed("Fn::GetAtt", kShape, pos, scope);
    return Attribute(arg.text().substr(0, dot), arg.text().substr(dot + 1), pos, scope,
                     Edge::Kind::kGetAtt);
  }
  if (!arg.is_sequence() || arg.size() != 2 || !arg[0].is_string()) {
    return Malformed("Fn::GetAtt", kShape, pos, scope);
  }
  Value attribute = Resolve(arg[1], scope);
  std::string why;
  std::optional<std::string> name = StringOf(attribute, why);
  if (!name) {
    Attribute(arg[0].text(), "", pos, scope, Edge::Kind::kGetAtt);
    return Value::Unresolved(why, pos);
  }
  return Attribute(arg[0].text(), *name, pos, scope, Edge::Kind::kGetAtt);
}

Value CfnLoader::Attribute(const std::string& target, const std::string& attribute, SourcePos pos,
                           Scope& scope, Edge::Kind edge) {
  auto it = resources_.find(target);
  if (it == resources_.end() && parameter_index_.count(target) != 0) {
    // Template pre-processors (Rain modules) pass resources in as parameters; plain
    // CloudFormation rejects this at deploy time, which is not ours to guess.
    return Value::Unresolved("parameter '" + target + "' has no attribute '" + attribute + "'",
                             pos);
  }
  if (it == resources_.end()) {
    std::string message =
        edge == Edge::Kind::kSub
            ? "Fn::Sub variable '" + target + "." + attribute + "' does not name a resource"
            : "Fn::GetAtt to '" + target + "', which is not a resource";
    return UndeclaredName(std::move(message), pos, scope);
  }
  AddEdge(scope, target, edge, pos);
  const ResourceDecl& decl = it->second;
  if (!IsPlainAttribute(decl.type, attribute)) return Value::Ref(target, attribute, pos);

  std::string key = target + "." + attribute;
  if (auto memo = attribute_memo_.find(key); memo != attribute_memo_.end()) {
    if (!memo->second) {
      return Value::Unresolved("'" + key + "' is part of a reference cycle", pos);
    }
    return Relocated(*memo->second, pos);
  }
  attribute_memo_.emplace(key, std::nullopt);
  const Node* props = decl.node->Find("Properties");
  const Node* property = props != nullptr && props->is_map() ? props->Find(attribute) : nullptr;
  Value v;
  if (property != nullptr) {
    Scope inner{target, false, scope.depth};
    v = Resolve(*property, inner);
  }
  if (v.is_absent()) {
    v = Value::Unresolved(
        "'" + target + "' does not set " + attribute + ", so it is known only at deploy time", pos);
  }
  attribute_memo_[key] = v;
  return Relocated(std::move(v), pos);
}

Value CfnLoader::Sub(const Node& arg, SourcePos pos, Scope& scope) {
  const Node* text_node = &arg;
  std::unordered_map<std::string, Value> variables;
  if (arg.is_sequence() && arg.size() == 2 && arg[0].is_string() && arg[1].is_map()) {
    text_node = &arg[0];
    const Node& vars = arg[1];
    for (size_t i = 0; i < vars.size(); ++i) {
      variables[vars.key(i).text] = Resolve(vars[i], scope);
    }
  } else if (!arg.is_string()) {
    return Malformed("Fn::Sub", "a string or [string, {variables}]", pos, scope);
  }
  const std::string& text = text_node->text();
  std::string out;
  std::optional<std::string> failure;
  std::optional<Value> whole;  // the value when the string is exactly one "${X}"
  bool defaulted = false;
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find("${", i);
    size_t close = open == std::string::npos ? open : text.find('}', open + 2);
    if (close == std::string::npos) {
      out.append(text, i);
      break;
    }
    out.append(text, i, open - i);
    i = close + 1;
    std::string name = text.substr(open + 2, close - open - 2);
    if (!name.empty() && name[0] == '!') {
      out += "${" + name.substr(1) + "}";
      continue;
    }
    Value v;
    if (auto var = variables.find(name); var != variables.end()) {
      v = Relocated(var->second, pos);
    } else if (size_t dot = name.find('.'); dot != std::string::npos) {
      v = Attribute(name.substr(0, dot), name.substr(dot + 1), pos, scope, Edge::Kind::kSub);
    } else {
      v = RefName(name, pos, scope, Edge::Kind::kSub);
    }
    if (open == 0 && i == text.size()) whole = v;
    std::string why;
    std::optional<std::string> s = StringOf(v, why);
    if (!s) {
      if (!failure) failure = why;
      continue;
    }
    out += *s;
    defaulted = defaulted || IsDefaulted(v);
  }
  if (whole && whole->is_ref()) return *whole;
  if (failure) return Value::Unresolved(*failure, pos);
  return WithOrigin(Value::String(std::move(out), pos), defaulted);
}

Value CfnLoader::Join(const Node& arg, SourcePos pos, Scope& scope) {
  std::vector<Value> args;
  Value failure;
  if (!Arguments("Fn::Join", "[delimiter, list]", arg, 2, pos, scope, args, failure)) {
    return failure;
  }
  std::string why;
  std::optional<std::string> delimiter = StringOf(args[0], why);
  if (!delimiter) return Value::Unresolved(why, pos);
  if (!args[1].is_list()) {
    StringOf(args[1], why);
    return Value::Unresolved(args[1].is_string() ? "Fn::Join takes a list to join" : why, pos);
  }
  std::string out;
  bool defaulted = IsDefaulted(args[0]) || IsDefaulted(args[1]);
  for (size_t i = 0; i < args[1].items().size(); ++i) {
    const Value& item = args[1].items()[i];
    std::optional<std::string> s = StringOf(item, why);
    if (!s) return Value::Unresolved(why, pos);
    if (i > 0) out += *delimiter;
    out += *s;
    defaulted = defaulted || IsDefaulted(item);
  }
  return WithOrigin(Value::String(std::move(out), pos), defaulted);
}

Value CfnLoader::Split(const Node& arg, SourcePos pos, Scope& scope) {
  std::vector<Value> args;
  Value failure;
  if (!Arguments("Fn::Split", "[delimiter, string]", arg, 2, pos, scope, args, failure)) {
    return failure;
  }
  std::string why;
  std::optional<std::string> delimiter = StringOf(args[0], why);
  std::optional<std::string> source = delimiter ? StringOf(args[1], why) : std::nullopt;
  if (!source) return Value::Unresolved(why, pos);
  if (delimiter->empty()) return Value::Unresolved("Fn::Split has an empty delimiter", pos);
  bool defaulted = IsDefaulted(args[0]) || IsDefaulted(args[1]);
  Value list = WithOrigin(Value::List(pos), defaulted);
  size_t start = 0;
  while (true) {
    size_t at = source->find(*delimiter, start);
    list.Append(WithOrigin(Value::String(source->substr(start, at - start), pos), defaulted));
    if (at == std::string::npos) return list;
    start = at + delimiter->size();
  }
}

Value CfnLoader::Select(const Node& arg, SourcePos pos, Scope& scope) {
  std::vector<Value> args;
  Value failure;
  if (!Arguments("Fn::Select", "[index, list]", arg, 2, pos, scope, args, failure)) {
    return failure;
  }
  std::optional<int64_t> index = args[0].AsInt();
  if (!index) {
    std::string why;
    std::optional<std::string> s = StringOf(args[0], why);
    return Value::Unresolved(s ? "Fn::Select index '" + *s + "' is not an integer" : why, pos);
  }
  const Value& list = args[1];
  bool defaulted = IsDefaulted(args[0]) || IsDefaulted(list);
  if (list.kind() == Value::Kind::kAzList && *index >= 0) {
    return WithOrigin(Value::Az(list.az_region(), *index, pos), defaulted);
  }
  if (!list.is_list()) {
    return Value::Unresolved("Fn::Select takes a list to select from", pos);
  }
  if (*index < 0 || static_cast<size_t>(*index) >= list.items().size()) {
    return Value::Unresolved("Fn::Select index " + std::to_string(*index) +
                                 " is out of range for a list of " +
                                 std::to_string(list.items().size()),
                             pos);
  }
  const Value& item = list.items()[static_cast<size_t>(*index)];
  return WithOrigin(Relocated(item, pos), defaulted || IsDefaulted(item));
}

Value CfnLoader::GetAzs(const Node& arg, SourcePos pos, Scope& scope) {
  Value region = Resolve(arg, scope);
  std::string why;
  std::optional<std::string> name = StringOf(region, why);
  if (!name) return Value::Unresolved(why, pos);
  return WithOrigin(Value::AzList(name->empty() ? options_.region : *name, pos),
                    IsDefaulted(region));
}

Value CfnLoader::FindInMap(const Node& arg, SourcePos pos, Scope& scope) {
  constexpr std::string_view kShape =
      "[mapName, topLevelKey, secondLevelKey] or [..., {DefaultValue: value}]";
  const Node* fallback = nullptr;
  if (arg.is_sequence() && arg.size() == 4 && arg[3].is_map()) {
    fallback = arg[3].Find("DefaultValue");
  }
  if (!arg.is_sequence() || arg.size() < 3 || arg.size() > 4 ||
      (arg.size() == 4 && fallback == nullptr)) {
    return Malformed("Fn::FindInMap", kShape, pos, scope);
  }
  std::string keys[3];
  bool defaulted = false;
  std::optional<std::string> failure;
  for (size_t i = 0; i < 3; ++i) {
    Value key = Resolve(arg[i], scope);
    std::string why;
    std::optional<std::string> s = StringOf(key, why);
    if (!s && !failure) failure = why;
    if (s) keys[i] = *s;
    defaulted = defaulted || IsDefaulted(key);
  }
  if (failure) return Value::Unresolved(*failure, pos);
  const Node* found = nullptr;
  std::string missing;
  if (auto it = mappings_.find(keys[0]); it == mappings_.end()) {
    if (fallback == nullptr && arg[0].is_string()) {
      Diagnose(scope, arg[0].pos(),
               "Fn::FindInMap uses mapping '" + keys[0] + "', which is not declared in Mappings");
    }
    missing = "there is no mapping '" + keys[0] + "'";
  } else if (const Node* top = it->second->is_map() ? it->second->Find(keys[1]) : nullptr;
             top == nullptr) {
    missing = "mapping '" + keys[0] + "' has no key '" + keys[1] + "'";
  } else if (found = top->is_map() ? top->Find(keys[2]) : nullptr; found == nullptr) {
    missing = "mapping '" + keys[0] + "' has no key '" + keys[1] + "' -> '" + keys[2] + "'";
  }
  if (found == nullptr) {
    if (fallback == nullptr) return Value::Unresolved(missing, pos);
    return Resolve(*fallback, scope);
  }
  return WithOrigin(Relocated(Resolve(*found, scope), pos), defaulted);
}

Value CfnLoader::If(const Node& arg, SourcePos pos, Scope& scope) {
  if (!arg.is_sequence() || arg.size() != 3 || !arg[0].is_string()) {
    return Malformed("Fn::If", "[condition, valueIfTrue, valueIfFalse]", pos, scope);
  }
  switch (NamedCondition(arg[0].text(), arg[0].pos(), scope)) {
    case Tri::kTrue:
      return Resolve(arg[1], scope);
    case Tri::kFalse:
      return Resolve(arg[2], scope);
    case Tri::kUnknown:
      break;
  }
  // Either branch may be deployed: both contribute edges and diagnostics.
  Resolve(arg[1], scope);
  Resolve(arg[2], scope);
  return Value::Unresolved("condition '" + arg[0].text() + "' is not known", pos);
}

Value CfnLoader::Cidr(const Node& arg, SourcePos pos, Scope& scope) {
  std::vector<Value> args;
  Value failure;
  if (!Arguments("Fn::Cidr", "[ipBlock, count, cidrBits]", arg, 3, pos, scope, args, failure)) {
    return failure;
  }
  std::string why;
  std::optional<std::string> block = StringOf(args[0], why);
  if (!block) return Value::Unresolved(why, pos);
  std::optional<int64_t> count = args[1].AsInt();
  std::optional<int64_t> bits = args[2].AsInt();
  if (!count || !bits) {
    return Value::Unresolved("Fn::Cidr count and cidrBits must be integers", pos);
  }
  CidrSplit split = SplitCidr(*block, *count, *bits);
  if (!split.ok()) return Value::Unresolved(split.error, pos);
  bool defaulted = IsDefaulted(args[0]) || IsDefaulted(args[1]) || IsDefaulted(args[2]);
  Value list = WithOrigin(Value::List(pos), defaulted);
  for (std::string& b : split.blocks) {
    list.Append(WithOrigin(Value::String(std::move(b), pos), defaulted));
  }
  return list;
}

Value CfnLoader::Base64(const Node& arg, SourcePos pos, Scope& scope) {
  Value v = Resolve(arg, scope);
  std::string why;
  std::optional<std::string> s = StringOf(v, why);
  if (!s) return Value::Unresolved(why, pos);
  return WithOrigin(Value::String(EncodeBase64(*s), pos), IsDefaulted(v));
}

Value CfnLoader::Length(const Node& arg, SourcePos pos, Scope& scope) {
  Value v = Resolve(arg, scope);
  if (v.is_unresolved()) return Value::Unresolved(v.reason(), pos);
  if (!v.is_list()) return Value::Unresolved("Fn::Length takes a list", pos);
  return WithOrigin(Value::Number(static_cast<double>(v.items().size()), pos), IsDefaulted(v));
}

}  // namespace halint
