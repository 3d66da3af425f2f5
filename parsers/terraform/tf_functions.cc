#include "parsers/terraform/tf_functions.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "parsers/cfn/cidr.h"

namespace halint {
namespace {

using Args = std::vector<Value>;

Value Unknown(std::string_view name, SourcePos pos) {
  return Value::Unresolved(std::string(name) + "(): an argument is not known", pos);
}

Value Num(double n, SourcePos pos) { return Value::Number(n, pos); }

std::optional<std::string> Str(const Value& v) {
  if (v.is_list() || v.is_map() || v.is_ref()) return std::nullopt;
  return v.AsString();
}

Value Element(const Args& a, SourcePos pos) {
  std::optional<int64_t> i = a[1].AsInt();
  if (!a[0].is_list() || !i || a[0].items().empty() || *i < 0) return Unknown("element", pos);
  return a[0].items()[static_cast<size_t>(*i) % a[0].items().size()];
}

// cidrsubnet(prefix, newbits, netnum), exactly as Terraform computes it; an error Terraform
// would report leaves the value unresolved with that error.
Value CidrSubnetOf(const Args& a, SourcePos pos) {
  std::optional<std::string> prefix = Str(a[0]);
  std::optional<int64_t> newbits = a[1].AsInt();
  std::optional<int64_t> netnum = a[2].AsInt();
  if (!prefix || !newbits || !netnum) return Unknown("cidrsubnet", pos);
  CidrSubnetResult r = CidrSubnet(*prefix, *newbits, *netnum);
  if (!r.ok()) return Value::Unresolved("cidrsubnet(): " + r.error, pos);
  return Value::String(r.cidr, pos);
}

Value Length(const Args& a, SourcePos pos) {
  if (a[0].is_list()) return Num(static_cast<double>(a[0].items().size()), pos);
  if (a[0].is_map()) return Num(static_cast<double>(a[0].entries().size()), pos);
  if (a[0].is_string()) return Num(static_cast<double>(a[0].string_value().size()), pos);
  return Unknown("length", pos);
}

Value Concat(const Args& a, SourcePos pos) {
  Value out = Value::List(pos);
  for (const Value& list : a) {
    if (!list.is_list()) return Unknown("concat", pos);
    for (const Value& item : list.items()) out.Append(item);
  }
  return out;
}

Value Flatten(const Value& v, Value& out) {
  for (const Value& item : v.items()) {
    if (item.is_list()) {
      Flatten(item, out);
    } else {
      out.Append(item);
    }
  }
  return out;
}

Value Slice(const Args& a, SourcePos pos) {
  std::optional<int64_t> from = a[1].AsInt(), to = a[2].AsInt();
  if (!a[0].is_list() || !from || !to || *from < 0 || *to < *from ||
      static_cast<size_t>(*to) > a[0].items().size()) {
    return Unknown("slice", pos);
  }
  Value out = Value::List(pos);
  for (int64_t i = *from; i < *to; ++i) out.Append(a[0].items()[static_cast<size_t>(i)]);
  return out;
}

Value Join(const Args& a, SourcePos pos) {
  std::optional<std::string> sep = Str(a[0]);
  if (!sep) return Unknown("join", pos);
  std::string out;
  bool first = true;
  for (size_t k = 1; k < a.size(); ++k) {
    if (!a[k].is_list()) return Unknown("join", pos);
    for (const Value& item : a[k].items()) {
      std::optional<std::string> s = Str(item);
      if (!s) return Unknown("join", pos);
      if (!first) out += *sep;
      out += *s;
      first = false;
    }
  }
  return Value::String(out, pos);
}

Value Split(const Args& a, SourcePos pos) {
  std::optional<std::string> sep = Str(a[0]), s = Str(a[1]);
  if (!sep || !s || sep->empty()) return Unknown("split", pos);
  Value out = Value::List(pos);
  size_t start = 0;
  for (size_t at; (at = s->find(*sep, start)) != std::string::npos; start = at + sep->size()) {
    out.Append(Value::String(s->substr(start, at - start), pos));
  }
  out.Append(Value::String(s->substr(start), pos));
  return out;
}

// format("%s-%d", ...): the verbs %s, %d, %v and %%; others are not evaluated.
Value Format(const Args& a, SourcePos pos) {
  std::optional<std::string> fmt = Str(a[0]);
  if (!fmt) return Unknown("format", pos);
  std::string out;
  size_t next = 1;
  for (size_t i = 0; i < fmt->size(); ++i) {
    char c = (*fmt)[i];
    if (c != '%') {
      out += c;
      continue;
    }
    char verb = i + 1 < fmt->size() ? (*fmt)[++i] : '\0';
    if (verb == '%') {
      out += '%';
      continue;
    }
    if ((verb != 's' && verb != 'd' && verb != 'v') || next >= a.size()) {
      return Unknown("format", pos);
    }
    std::optional<std::string> s = Str(a[next++]);
    if (!s) return Unknown("format", pos);
    out += *s;
  }
  return Value::String(out, pos);
}

Value Lookup(const Args& a, SourcePos pos) {
  std::optional<std::string> key = Str(a[1]);
  if (!a[0].is_map() || !key) return Unknown("lookup", pos);
  const Value& v = a[0][*key];
  if (!v.is_absent()) return v;
  return a.size() > 2 ? a[2] : Value::Unresolved("lookup(): no key '" + *key + "'", pos);
}

Value Merge(const Args& a, SourcePos pos) {
  Value out = Value::Map(pos);
  for (const Value& m : a) {
    if (!m.is_map()) return Unknown("merge", pos);
    for (const ValueEntry& e : m.entries()) {
      std::vector<ValueEntry>& entries = out.entries();
      auto it = std::find_if(entries.begin(), entries.end(),
                             [&](const ValueEntry& x) { return x.key == e.key; });
      if (it != entries.end()) entries.erase(it);
      out.Set(e.key, e.key_pos, e.value);
    }
  }
  return out;
}

// keys() and values(): in lexical key order, as Terraform returns them.
Value KeysOrValues(const Args& a, SourcePos pos, bool keys) {
  if (!a[0].is_map()) return Unknown(keys ? "keys" : "values", pos);
  std::vector<const ValueEntry*> sorted;
  for (const ValueEntry& e : a[0].entries()) sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(),
            [](const ValueEntry* x, const ValueEntry* y) { return x->key < y->key; });
  Value out = Value::List(pos);
  for (const ValueEntry* e : sorted) out.Append(keys ? Value::String(e->key, pos) : e->value);
  return out;
}

Value Compact(const Args& a, SourcePos pos) {
  if (!a[0].is_list()) return Unknown("compact", pos);
  Value out = Value::List(pos);
  for (const Value& item : a[0].items()) {
    if (item.kind() == Value::Kind::kNull || (item.is_string() && item.string_value().empty()))
      continue;
    out.Append(item);
  }
  return out;
}

Value Distinct(const Args& a, SourcePos pos) {
  if (!a[0].is_list()) return Unknown("distinct", pos);
  Value out = Value::List(pos);
  std::vector<std::string> seen;
  for (const Value& item : a[0].items()) {
    std::string json = item.ToJson();
    if (std::find(seen.begin(), seen.end(), json) != seen.end()) continue;
    seen.push_back(json);
    out.Append(item);
  }
  return out;
}

Value Coalesce(const Args& a, SourcePos pos) {
  for (const Value& v : a) {
    if (!v.is_known()) return Unknown("coalesce", pos);
    if (v.kind() == Value::Kind::kNull || (v.is_string() && v.string_value().empty())) continue;
    return v;
  }
  return Unknown("coalesce", pos);
}

Value MinMax(const Args& a, SourcePos pos, bool max) {
  std::optional<double> best;
  for (const Value& v : a) {
    std::optional<double> n = v.AsNumber();
    if (!n) return Unknown(max ? "max" : "min", pos);
    if (!best || (max ? *n > *best : *n < *best)) best = n;
  }
  return best ? Num(*best, pos) : Unknown(max ? "max" : "min", pos);
}

Value Identity(const Args& a, SourcePos) { return a[0]; }

Value ToString(const Args& a, SourcePos pos) {
  std::optional<std::string> s = Str(a[0]);
  return s ? Value::String(*s, pos) : Unknown("tostring", pos);
}

Value ToNumber(const Args& a, SourcePos pos) {
  std::optional<double> n = a[0].AsNumber();
  return n ? Num(*n, pos) : Unknown("tonumber", pos);
}

Value ToBool(const Args& a, SourcePos pos) {
  std::optional<bool> b = a[0].AsBool();
  return b ? Value::Bool(*b, pos) : Unknown("tobool", pos);
}

Value Contains(const Args& a, SourcePos pos) {
  if (!a[0].is_list() || !a[1].is_known()) return Unknown("contains", pos);
  std::string want = a[1].ToJson();
  for (const Value& item : a[0].items()) {
    if (!item.is_known()) return Unknown("contains", pos);
    if (item.ToJson() == want) return Value::Bool(true, pos);
  }
  return Value::Bool(false, pos);
}

struct Function {
  size_t min_args;
  size_t max_args;  // SIZE_MAX: variadic
  std::function<Value(const Args&, SourcePos)> fn;
};

const std::map<std::string_view, Function>& Functions() {
  constexpr size_t kAny = SIZE_MAX;
  static const std::map<std::string_view, Function> kFunctions = {
      {"cidrsubnet", {3, 3, CidrSubnetOf}},
      {"coalesce", {1, kAny, Coalesce}},
      {"compact", {1, 1, Compact}},
      {"concat", {1, kAny, Concat}},
      {"contains", {2, 2, Contains}},
      {"distinct", {1, 1, Distinct}},
      {"element", {2, 2, Element}},
      {"flatten",
       {1, 1,
        [](const Args& a, SourcePos pos) {
          Value out = Value::List(pos);
          return a[0].is_list() ? Flatten(a[0], out) : Unknown("flatten", pos);
        }}},
      {"format", {1, kAny, Format}},
      {"join", {2, kAny, Join}},
      {"keys", {1, 1, [](const Args& a, SourcePos p) { return KeysOrValues(a, p, true); }}},
      {"length", {1, 1, Length}},
      {"lookup", {2, 3, Lookup}},
      {"max", {1, kAny, [](const Args& a, SourcePos p) { return MinMax(a, p, true); }}},
      {"merge", {1, kAny, Merge}},
      {"min", {1, kAny, [](const Args& a, SourcePos p) { return MinMax(a, p, false); }}},
      {"slice", {3, 3, Slice}},
      {"split", {2, 2, Split}},
      {"tobool", {1, 1, ToBool}},
      {"tolist", {1, 1, Identity}},
      {"tonumber", {1, 1, ToNumber}},
      {"toset", {1, 1, Distinct}},
      {"tostring", {1, 1, ToString}},
      {"values", {1, 1, [](const Args& a, SourcePos p) { return KeysOrValues(a, p, false); }}},
  };
  return kFunctions;
}

}  // namespace

Value CallTfFunction(std::string_view name, const std::vector<Value>& args, SourcePos pos) {
  auto it = Functions().find(name);
  if (it == Functions().end()) {
    return Value::Unresolved(std::string(name) + "() is not evaluated", pos);
  }
  const Function& f = it->second;
  if (args.size() < f.min_args || args.size() > f.max_args) {
    return Value::Unresolved(std::string(name) + "(): wrong number of arguments", pos);
  }
  // Lists may hold unknown items (element() of them is then unknown); scalars may not.
  for (const Value& a : args) {
    if (!a.is_known()) return a;
  }
  Value out = f.fn(args, pos);
  if (out.is_known() && !out.is_list() && !out.is_map()) out.set_pos(pos);
  return out;
}

Value ApplyTfOperator(std::string_view op, const std::vector<Value>& args, SourcePos pos) {
  for (const Value& a : args) {
    if (!a.is_known()) return a;
  }
  if (args.size() == 1) {
    if (op == "!") {
      std::optional<bool> b = args[0].AsBool();
      return b ? Value::Bool(!*b, pos) : Unknown(op, pos);
    }
    std::optional<double> n = args[0].AsNumber();
    return n ? Num(-*n, pos) : Unknown(op, pos);
  }
  const Value& l = args[0];
  const Value& r = args[1];
  if (op == "==" || op == "!=") {
    if (l.is_ref() || r.is_ref()) return Unknown(op, pos);
    bool eq = l.ToJson() == r.ToJson();
    std::optional<double> ln = l.AsNumber(), rn = r.AsNumber();
    if (ln && rn && !l.is_string() && !r.is_string()) eq = *ln == *rn;
    return Value::Bool(op == "==" ? eq : !eq, pos);
  }
  if (op == "&&" || op == "||") {
    std::optional<bool> lb = l.AsBool(), rb = r.AsBool();
    if (!lb || !rb) return Unknown(op, pos);
    return Value::Bool(op == "&&" ? (*lb && *rb) : (*lb || *rb), pos);
  }
  std::optional<double> ln = l.AsNumber(), rn = r.AsNumber();
  if (!ln || !rn) return Unknown(op, pos);
  if (op == "+") return Num(*ln + *rn, pos);
  if (op == "-") return Num(*ln - *rn, pos);
  if (op == "*") return Num(*ln * *rn, pos);
  if (op == "/") return *rn == 0 ? Unknown(op, pos) : Num(*ln / *rn, pos);
  if (op == "%") return *rn == 0 ? Unknown(op, pos) : Num(std::fmod(*ln, *rn), pos);
  if (op == "<") return Value::Bool(*ln < *rn, pos);
  if (op == "<=") return Value::Bool(*ln <= *rn, pos);
  if (op == ">") return Value::Bool(*ln > *rn, pos);
  if (op == ">=") return Value::Bool(*ln >= *rn, pos);
  return Unknown(op, pos);
}

}  // namespace halint
