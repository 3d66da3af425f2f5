// The Conditions section: each named condition is evaluated once, tri-state (a parameter
// without a value makes a condition unknown, never true or false).
#include "parsers/cfn/cfn_loader.h"

namespace halint {

void CfnLoader::EvaluateConditions() {
  for (const std::string& name : condition_order_) {
    Scope scope;
    NamedCondition(name, conditions_[name].pos, scope);
  }
}

CfnLoader::Tri CfnLoader::NamedCondition(const std::string& name, SourcePos pos, Scope& scope) {
  auto it = conditions_.find(name);
  if (it == conditions_.end()) {
    Diagnose(scope, pos, "condition '" + name + "' is not declared in Conditions");
    return Tri::kUnknown;
  }
  // References into an unordered_map stay valid: nothing is inserted while evaluating.
  ConditionDecl& decl = it->second;
  switch (decl.state) {
    case ConditionState::kDone:
      return decl.value;
    case ConditionState::kEvaluating:
      Diagnose(pos, "", "condition '" + name + "' depends on itself");
      return Tri::kUnknown;
    case ConditionState::kPending:
      break;
  }
  decl.state = ConditionState::kEvaluating;
  // A condition belongs to no resource: its diagnostics are reported once, on the section.
  Scope inner{"", true, scope.depth};
  Tri value = Condition(*decl.node, inner);
  decl.state = ConditionState::kDone;
  decl.value = value;
  return value;
}

CfnLoader::Tri CfnLoader::Condition(const Node& node, Scope& scope) {
  constexpr std::string_view kExpected =
      "a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition";
  if (scope.depth >= kMaxDepth) return Tri::kUnknown;
  ++scope.depth;
  Tri result = Tri::kUnknown;
  // Both arms must be views: `cond ? std::string : ""` would make a temporary string.
  std::string_view fn =
      node.is_map() && node.size() == 1 ? std::string_view(node.key(0).text) : std::string_view();
  const Node& arg = node.is_map() && node.size() == 1 ? node[0] : node;
  if (fn == "Condition" && arg.is_string()) {
    result = NamedCondition(arg.text(), arg.pos(), scope);
  } else if (fn == "Fn::Equals") {
    result = Equals(arg, scope);
  } else if (fn == "Fn::Not" && arg.is_sequence() && arg.size() == 1) {
    Tri inner = Condition(arg[0], scope);
    result = inner == Tri::kUnknown ? inner : inner == Tri::kTrue ? Tri::kFalse : Tri::kTrue;
  } else if ((fn == "Fn::And" || fn == "Fn::Or") && arg.is_sequence() && arg.size() > 0) {
    // Kleene logic: And is false if any operand is false, Or true if any is true.
    Tri decisive = fn == "Fn::And" ? Tri::kFalse : Tri::kTrue;
    Tri other = fn == "Fn::And" ? Tri::kTrue : Tri::kFalse;
    result = other;
    for (const Node& operand : arg.items()) {
      Tri v = Condition(operand, scope);
      if (v == decisive) {
        result = decisive;
      } else if (v == Tri::kUnknown && result != decisive) {
        result = Tri::kUnknown;
      }
    }
  } else {
    Diagnose(scope, node.pos(), std::string(kExpected));
  }
  --scope.depth;
  return result;
}

// CloudFormation compares the string forms: `!Equals [!Ref Count, "2"]` holds for 2.
CfnLoader::Tri CfnLoader::Equals(const Node& arg, Scope& scope) {
  if (!arg.is_sequence() || arg.size() != 2) {
    Diagnose(scope, arg.pos(), "Fn::Equals takes [value, value]");
    return Tri::kUnknown;
  }
  Value a = Resolve(arg[0], scope);
  Value b = Resolve(arg[1], scope);
  std::optional<std::string> x = a.AsString();
  std::optional<std::string> y = b.AsString();
  if (!x || !y) return Tri::kUnknown;
  return *x == *y ? Tri::kTrue : Tri::kFalse;
}

}  // namespace halint
