#include "parsers/cfn/cfn_loader.h"

#include <algorithm>

namespace halint {
namespace {

constexpr std::string_view kForEachPrefix = "Fn::ForEach::";

std::string Trim(std::string_view s) {
  size_t begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  size_t end = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(begin, end - begin + 1));
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// A parameter's value as CloudFormation receives it: one string, lists comma-separated.
std::optional<std::string> ParameterText(const Node& node) {
  if (node.is_scalar()) return node.text();
  if (!node.is_sequence()) return std::nullopt;
  std::string out;
  for (size_t i = 0; i < node.size(); ++i) {
    if (!node[i].is_scalar()) return std::nullopt;
    if (i > 0) out += ',';
    out += node[i].text();
  }
  return out;
}

bool IsListType(std::string_view type) {
  return type == "CommaDelimitedList" || StartsWith(type, "List<");
}

// The typed value of parameter `name` given its text.
Value TypedParameter(const std::string& name, const std::string& type, const std::string& text,
                     SourcePos pos) {
  if (IsListType(type)) {
    Value list = Value::List(pos);
    size_t start = 0;
    while (true) {
      size_t comma = text.find(',', start);
      list.Append(Value::String(Trim(std::string_view(text).substr(start, comma - start)), pos));
      if (comma == std::string::npos) return list;
      start = comma + 1;
    }
  }
  if (type == "Number") {
    Value probe = Value::String(text, pos);
    std::optional<double> n = probe.AsNumber();
    if (!n) {
      return Value::Unresolved(
          "parameter '" + name + "' of type Number has the value '" + text + "'", pos);
    }
    return Value::Number(*n, pos, text);
  }
  return Value::String(text, pos);
}

void MarkDefaulted(Value& v) {
  v.set_origin(Value::Origin::kDefaulted);
  for (Value& item : v.items()) MarkDefaulted(item);
  for (Value::Entry& e : v.entries()) MarkDefaulted(e.value);
}

}  // namespace

CfnLoader::CfnLoader(const Node& root, std::string_view file, const CfnOptions& options)
    : root_(root), file_(file), options_(options) {
  graph_.file = file_;
  graph_.dialect = Dialect::kCloudFormation;
}

ResourceGraph CfnLoader::Load() {
  if (!root_.is_map()) {
    Diagnose(root_.pos(), "", "a CloudFormation template must be a map");
    graph_.Finalize();
    return std::move(graph_);
  }
  has_transform_ = root_.Find("Transform") != nullptr;
  LoadParameters();
  IndexSections();
  EvaluateConditions();

  const Node* resources = root_.Find("Resources");
  if (resources != nullptr && resources->is_map()) {
    for (size_t i = 0; i < resources->size(); ++i) {
      auto it = resources_.find(resources->key(i).text);
      if (it != resources_.end() && it->second.node == &(*resources)[i]) {
        ApplyCondition(resources->key(i).text, it->second);
      }
    }
    for (size_t i = 0; i < resources->size(); ++i) {
      auto it = resources_.find(resources->key(i).text);
      if (it != resources_.end() && it->second.in_graph && it->second.node == &(*resources)[i]) {
        LoadResource(resources->key(i), (*resources)[i], it->second);
      }
    }
  }
  std::stable_sort(graph_.diagnostics.begin(), graph_.diagnostics.end(), FindingLess);
  graph_.Finalize();
  return std::move(graph_);
}

void CfnLoader::LoadParameters() {
  const Node* params = root_.Find("Parameters");
  if (params == nullptr || params->is_null()) return;
  if (!params->is_map()) {
    Diagnose(params->pos(), "", "Parameters is not a map");
    return;
  }
  for (size_t i = 0; i < params->size(); ++i) {
    const Node::Key& key = params->key(i);
    const Node& decl = (*params)[i];
    Parameter p;
    p.name = key.text;
    p.pos = key.pos;
    const Node* type = decl.is_map() ? decl.Find("Type") : nullptr;
    if (type == nullptr || !type->is_string()) {
      Diagnose(key.pos, "", "parameter '" + p.name + "' has no Type");
    } else {
      p.type = type->text();
    }
    auto override_it = options_.parameters.find(p.name);
    const Node* default_node = decl.is_map() ? decl.Find("Default") : nullptr;
    std::optional<std::string> default_text;
    if (default_node != nullptr) default_text = ParameterText(*default_node);
    if (StartsWith(p.type, "AWS::SSM::Parameter::Value<")) {
      p.value =
          Value::Unresolved("parameter '" + p.name + "' is read from SSM at deploy time", key.pos);
    } else if (override_it != options_.parameters.end()) {
      p.value = TypedParameter(p.name, p.type, override_it->second, key.pos);
    } else if (default_text) {
      p.value = TypedParameter(p.name, p.type, *default_text, default_node->pos());
      MarkDefaulted(p.value);
    } else {
      p.value = Value::Unresolved("parameter '" + p.name + "' has no default value", key.pos);
    }
    parameter_index_.emplace(p.name, graph_.parameters.size());
    graph_.parameters.push_back(std::move(p));
  }
}

void CfnLoader::IndexSections() {
  if (const Node* mappings = root_.Find("Mappings"); mappings != nullptr && mappings->is_map()) {
    for (size_t i = 0; i < mappings->size(); ++i) {
      mappings_.emplace(mappings->key(i).text, &(*mappings)[i]);
    }
  }
  if (const Node* conds = root_.Find("Conditions"); conds != nullptr && conds->is_map()) {
    for (size_t i = 0; i < conds->size(); ++i) {
      ConditionDecl decl;
      decl.node = &(*conds)[i];
      decl.pos = conds->key(i).pos;
      if (conditions_.emplace(conds->key(i).text, decl).second) {
        condition_order_.push_back(conds->key(i).text);
      }
    }
  }
  const Node* resources = root_.Find("Resources");
  if (resources == nullptr) return;
  if (!resources->is_map()) {
    Diagnose(resources->pos(), "", "Resources is not a map");
    return;
  }
  for (size_t i = 0; i < resources->size(); ++i) {
    const Node::Key& key = resources->key(i);
    const Node& node = (*resources)[i];
    // LanguageExtensions loops are expanded at deploy time; their resources are unknown.
    if (StartsWith(key.text, kForEachPrefix)) continue;
    ResourceDecl decl;
    decl.node = &node;
    if (!node.is_map()) {
      Diagnose(key.pos, key.text, "resource '" + key.text + "' is not a map");
    } else if (const Node* type = node.Find("Type"); type == nullptr || !type->is_string()) {
      Diagnose(key.pos, key.text, "resource '" + key.text + "' has no Type");
    } else {
      decl.type = type->text();
      decl.in_graph = true;
    }
    resources_.emplace(key.text, std::move(decl));
  }
}

// Runs before any resource is loaded so that edges never point at a resource whose
// condition is false.
void CfnLoader::ApplyCondition(const std::string& id, ResourceDecl& decl) {
  if (!decl.in_graph) return;
  const Node* cond = decl.node->Find("Condition");
  if (cond == nullptr) return;
  if (!cond->is_string()) {
    Diagnose(cond->pos(), id, "Condition of resource '" + id + "' is not a string");
    return;
  }
  Scope scope{id, true, 0};
  decl.condition = cond->text();
  Tri value = NamedCondition(decl.condition, cond->pos(), scope);
  decl.in_graph = value != Tri::kFalse;
  decl.condition_unknown = value == Tri::kUnknown;
}

void CfnLoader::LoadResource(const Node::Key& key, const Node& node, const ResourceDecl& decl) {
  Resource r;
  r.id = key.text;
  r.type = decl.type;
  r.pos = key.pos;
  Scope scope{r.id, true, 0};
  r.condition = decl.condition;
  r.condition_unknown = decl.condition_unknown;
  if (const Node* props = node.Find("Properties"); props != nullptr) {
    if (props->is_scalar() && !props->is_null()) {
      Diagnose(props->pos(), r.id, "Properties of resource '" + r.id + "' is not a map");
    } else {
      r.properties = Resolve(*props, scope);
    }
  }
  if (const Node* metadata = node.Find("Metadata"); metadata != nullptr) {
    r.metadata = Value::FromNode(*metadata);
  }
  if (const Node* depends = node.Find("DependsOn"); depends != nullptr) {
    std::vector<const Node*> names;
    if (depends->is_sequence()) {
      for (const Node& item : depends->items()) names.push_back(&item);
    } else {
      names.push_back(depends);
    }
    for (const Node* name : names) {
      if (!name->is_string()) {
        Diagnose(name->pos(), r.id, "DependsOn of resource '" + r.id + "' is not a resource name");
        continue;
      }
      r.depends_on.push_back(name->text());
      if (resources_.count(name->text()) == 0) {
        UndeclaredName(
            "resource '" + r.id + "' depends on '" + name->text() + "', which is not a resource",
            name->pos(), scope);
        continue;
      }
      AddEdge(scope, name->text(), Edge::Kind::kDependsOn, name->pos());
    }
  }
  graph_.resources.push_back(std::move(r));
}

// Metadata is kept as written: suppressions and tools read it, CloudFormation does not
// evaluate intrinsics in it.
std::optional<Value> CfnLoader::PseudoParameter(std::string_view name, SourcePos pos) const {
  const std::string& region = options_.region;
  bool china = StartsWith(region, "cn-");
  if (name == "AWS::Region") return Value::String(region, pos);
  if (name == "AWS::Partition") {
    return Value::String(china                           ? "aws-cn"
                         : StartsWith(region, "us-gov-") ? "aws-us-gov"
                                                         : "aws",
                         pos);
  }
  if (name == "AWS::URLSuffix") {
    return Value::String(china ? "amazonaws.com.cn" : "amazonaws.com", pos);
  }
  if (name == "AWS::AccountId" || name == "AWS::StackName" || name == "AWS::StackId" ||
      name == "AWS::NotificationARNs") {
    return Value::Unresolved(std::string(name) + " is known only at deploy time", pos);
  }
  if (name == "AWS::NoValue") return Value::Absent();
  return std::nullopt;
}

Value CfnLoader::UndeclaredName(std::string message, SourcePos pos, const Scope& scope) {
  if (has_transform_) {
    return Value::Unresolved(message + " (a transform may declare it)", pos);
  }
  Diagnose(scope, pos, message);
  return Value::Unresolved(std::move(message), pos);
}

void CfnLoader::Diagnose(SourcePos pos, std::string resource, std::string message) {
  Finding f;
  f.rule_id = "HLT001";
  f.severity = Severity::kError;
  f.file = file_;
  f.pos = pos;
  f.resource = std::move(resource);
  f.message = std::move(message);
  graph_.diagnostics.push_back(std::move(f));
}

void CfnLoader::Diagnose(const Scope& scope, SourcePos pos, std::string message) {
  if (scope.record) Diagnose(pos, std::string(scope.from), std::move(message));
}

void CfnLoader::AddEdge(const Scope& scope, const std::string& to, Edge::Kind kind, SourcePos pos) {
  if (!scope.record || scope.from.empty()) return;
  auto it = resources_.find(to);
  if (it == resources_.end() || !it->second.in_graph) return;
  graph_.edges.push_back(Edge{std::string(scope.from), to, kind, pos});
}

}  // namespace halint
