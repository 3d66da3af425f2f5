// Terraform JSON configuration front end; see tf_frontend.h for the graph contract and
// https://developer.hashicorp.com/terraform/language/syntax/json for the syntax.
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <set>

#include "analyzer/finding.h"
#include "parsers/json/json_parser.h"
#include "parsers/terraform/tf_expr.h"
#include "parsers/terraform/tf_frontend.h"
#include "parsers/terraform/tf_functions.h"

namespace halint {
namespace {

constexpr std::string_view kTopLevelBlocks[] = {"resource", "data",   "variable", "locals",
                                                "output",   "module", "provider", "terraform",
                                                "check",    "import", "moved",    "removed"};

// Nested block types of the AWS resources halint reads. In JSON a single block may be
// written as an object; the graph always holds a list of them.
const std::set<std::string, std::less<>>& NestedBlockNames() {
  static const std::set<std::string, std::less<>> kNames = {
      "access_logs",
      "action",
      "broker_node_group_info",
      "client_authentication",
      "configuration_info",
      "connectivity_info",
      "default_action",
      "egress",
      "encryption_info",
      "fixed_response",
      "forward",
      "health_check",
      "ingress",
      "instance_market_options",
      "launch_template",
      "launch_template_specification",
      "listener",
      "mixed_instances_policy",
      "network_interface",
      "network_interfaces",
      "node_group_configuration",
      "override",
      "redirect",
      "route",
      "stickiness",
      "subnet_mapping",
      "tag",
      "target_group",
  };
  return kNames;
}

// Calls fn for `node` when it is an object, or for each object of an array: JSON
// configuration accepts both wherever several blocks may be written.
void ForEachObject(const Node& node, const std::function<void(const Node&)>& fn) {
  if (node.is_map()) {
    fn(node);
  } else if (node.is_sequence()) {
    for (const Node& item : node.items()) {
      if (item.is_map()) fn(item);
    }
  }
}

// Calls fn(key, body) for each labelled block of `node` ({"label": {body}} or arrays).
void ForEachLabelled(const Node& node,
                     const std::function<void(const Node::Key&, const Node&)>& fn) {
  ForEachObject(node, [&](const Node& obj) {
    for (size_t i = 0; i < obj.size(); ++i) {
      if (obj.key(i).text == "//") continue;
      ForEachObject(obj[i], [&](const Node& body) { fn(obj.key(i), body); });
    }
  });
}

// Attributes that identify a resource (or a VPC's default pieces, which the adapter reads
// as such): references to them are kept as Value::Ref.
bool IsIdentityAttribute(std::string_view attr) {
  return attr == "id" || attr == "arn" || attr == "name" || attr == "arn_suffix" ||
         attr == "default_route_table_id" || attr == "main_route_table_id";
}

// Sets the position of `v` and everything in it: a value taken from elsewhere (a variable
// default, a local, another resource's argument) is located where it is used.
void Relocate(Value& v, SourcePos pos) {
  v.set_pos(pos);
  for (Value& item : v.items()) Relocate(item, pos);
  for (ValueEntry& e : v.entries()) {
    e.key_pos = pos;
    Relocate(e.value, pos);
  }
}

std::string IndexKey(const Value& key) {
  if (key.kind() == Value::Kind::kNumber) return "[" + *key.AsString() + "]";
  return "[\"" + key.string_value() + "\"]";
}

struct Block {
  std::string type;  // resource type; "" for locals
  std::string name;
  const Node* body = nullptr;
  std::string file;  // "" for the primary file
  SourcePos pos;
};

// One instance of a resource block: the block itself, or one of its count / for_each
// copies.
struct Instance {
  std::string address;
  const Block* block = nullptr;
  Value count_index;  // absent when the block has no count
  Value each_key;
  Value each_value;
  bool uncertain = false;  // count / for_each unknown
  enum class State : uint8_t { kNew, kEvaluating, kDone } state = State::kNew;
  Value properties;
  std::vector<std::string> depends_on;
};

// How a block expanded: its instances in order, and whether it was counted (indexable).
struct Expansion {
  std::vector<Instance*> instances;
  bool multi = false;  // has count or for_each (instances are addressed with an index)
  bool unknown = false;
};

class ConfigLoader {
 public:
  ConfigLoader(const std::vector<TfConfigFile>& files, size_t primary, const TfOptions& options)
      : files_(files), primary_(primary), options_(options) {}

  ResourceGraph Load() {
    graph_.file = files_[primary_].path;
    graph_.dialect = Dialect::kTerraformConfig;
    for (size_t f = 0; f < files_.size(); ++f) Collect(files_[f], f == primary_);
    region_ = Region();
    LoadVariables();
    for (const Block& b : resources_) Expand(b);
    for (Instance* inst : order_) Evaluate(*inst);
    for (Instance* inst : order_) Emit(*inst);
    return std::move(graph_);
  }

 private:
  using Scope = const Instance*;

  void Diagnose(SourcePos pos, std::string message, const std::string& file) {
    Finding f;
    f.rule_id = "HLT001";
    f.severity = Severity::kError;
    f.file = file.empty() ? graph_.file : file;
    f.pos = pos.known() ? pos : SourcePos{1, 1};
    f.message = std::move(message);
    graph_.diagnostics.push_back(std::move(f));
  }

  void Collect(const TfConfigFile& file, bool primary) {
    if (file.root == nullptr || !file.root->is_map()) return;
    const std::string owner = primary ? "" : file.path;
    const Node& root = *file.root;
    for (size_t i = 0; i < root.size(); ++i) {
      const std::string& key = root.key(i).text;
      const Node& value = root[i];
      if (key == "resource") {
        ForEachLabelled(value, [&](const Node::Key& type, const Node& by_name) {
          ForEachLabelled(by_name, [&](const Node::Key& name, const Node& body) {
            resources_.push_back({type.text, name.text, &body, owner, name.pos});
          });
        });
        if (!value.is_map() && !value.is_sequence()) {
          Diagnose(value.pos(), "'resource' must be an object of resource types", owner);
        }
      } else if (key == "variable") {
        ForEachLabelled(value, [&](const Node::Key& name, const Node& body) {
          variables_.push_back({"", name.text, &body, owner, name.pos});
        });
      } else if (key == "locals") {
        ForEachObject(value, [&](const Node& obj) {
          for (size_t k = 0; k < obj.size(); ++k) {
            if (obj.key(k).text == "//") continue;
            locals_[obj.key(k).text] = {"", obj.key(k).text, &obj[k], owner, obj.key(k).pos};
          }
        });
      } else if (key == "provider") {
        ForEachLabelled(value, [&](const Node::Key& name, const Node& body) {
          if (name.text == "aws" && !body.Find("alias") && provider_ == nullptr) {
            provider_ = &body;
          }
        });
      }
    }
  }

  // The provider's region when it is written as something resolvable.
  std::string Region() {
    if (provider_ != nullptr) {
      if (const Node* r = provider_->Find("region")) {
        if (std::optional<std::string> s = EvalNode(*r, nullptr).AsString()) return *s;
      }
    }
    return options_.region;
  }

  void LoadVariables() {
    for (const Block& b : variables_) {
      Parameter p;
      p.name = b.name;
      p.pos = b.pos;
      const Node* type = b.body->is_map() ? b.body->Find("type") : nullptr;
      if (type && type->is_string()) p.type = type->text();
      auto over = options_.variables.find(b.name);
      const Node* def = b.body->is_map() ? b.body->Find("default") : nullptr;
      if (over != options_.variables.end()) {
        p.value = OverrideValue(over->second, p.type, b.pos);
      } else if (def != nullptr && !def->is_null()) {
        p.value = Value::FromNode(*def);
        p.value.set_origin(Value::Origin::kDefaulted);
      } else {
        p.value = Value::Unresolved("variable '" + b.name + "' has no default", b.pos);
      }
      variable_index_[b.name] = graph_.parameters.size();
      graph_.parameters.push_back(std::move(p));
    }
  }

  // A -var value: JSON for lists, maps, numbers and booleans, otherwise the string itself
  // (as `terraform plan -var` takes a string variable's value literally).
  static Value OverrideValue(const std::string& text, const std::string& type, SourcePos pos) {
    if (type != "string" && !text.empty()) {
      ParseResult parsed = ParseJson(text, ParseLimits{});
      if (parsed.ok() && !parsed.root.is_string()) {
        Value v = Value::FromNode(parsed.root);
        Relocate(v, pos);
        return v;
      }
    }
    return Value::String(text, pos);
  }

  void Expand(const Block& b) {
    const std::string base = b.type + "." + b.name;
    Expansion& ex = expansions_[base];
    if (!ex.instances.empty() || ex.unknown) {
      Diagnose(b.pos, "resource '" + base + "' is declared more than once", b.file);
      return;
    }
    const Node* count = b.body->is_map() ? b.body->Find("count") : nullptr;
    const Node* for_each = b.body->is_map() ? b.body->Find("for_each") : nullptr;
    auto add = [&](std::string address) -> Instance& {
      auto inst = std::make_unique<Instance>();
      inst->address = std::move(address);
      inst->block = &b;
      Instance& ref = *inst;
      instances_[ref.address] = std::move(inst);
      order_.push_back(&ref);
      ex.instances.push_back(&ref);
      return ref;
    };
    if (count == nullptr && for_each == nullptr) {
      add(base);
      return;
    }
    ex.multi = true;
    Value n = EvalNode(count ? *count : *for_each, nullptr);
    if (count != nullptr) {
      std::optional<int64_t> k = n.AsInt();
      if (k && *k >= 0 && *k <= kMaxInstances) {
        for (int64_t i = 0; i < *k; ++i) {
          add(base + "[" + std::to_string(i) + "]").count_index =
              Value::Number(static_cast<double>(i), count->pos());
        }
        return;
      }
    } else if (n.is_map() || n.is_list()) {
      bool known = n.items().size() + n.entries().size() <= kMaxInstances;
      for (const Value& item : n.items()) known = known && item.is_string();
      if (known) {
        std::vector<std::pair<std::string, Value>> keyed;
        for (const Value& item : n.items()) keyed.emplace_back(item.string_value(), item);
        for (const ValueEntry& e : n.entries()) keyed.emplace_back(e.key, e.value);
        // Terraform orders for_each instances by key.
        std::sort(keyed.begin(), keyed.end(),
                  [](const auto& a, const auto& c) { return a.first < c.first; });
        keyed.erase(std::unique(keyed.begin(), keyed.end(),
                                [](const auto& a, const auto& c) { return a.first == c.first; }),
                    keyed.end());
        for (auto& [key, value] : keyed) {
          Instance& inst = add(base + "[\"" + key + "\"]");
          inst.each_key = Value::String(key, for_each->pos());
          inst.each_value = value;
        }
        return;
      }
    }
    // Not knowable before apply: one resource, marked.
    Instance& inst = add(base);
    inst.uncertain = true;
    ex.unknown = true;
  }

  void Evaluate(Instance& inst) {
    if (inst.state != Instance::State::kNew) return;
    inst.state = Instance::State::kEvaluating;
    const Node& body = *inst.block->body;
    Value props = Value::Map(body.pos());
    if (body.is_map()) {
      for (size_t i = 0; i < body.size(); ++i) {
        const std::string& key = body.key(i).text;
        if (key == "count" || key == "for_each" || key == "lifecycle" || key == "provider" ||
            key == "provisioner" || key == "connection" || key == "//") {
          continue;
        }
        if (key == "depends_on") {
          DependsOn(inst, body[i]);
          continue;
        }
        props.Set(key, body.key(i).pos, EvalBody(key, body[i], &inst));
      }
    }
    inst.properties = std::move(props);
    inst.state = Instance::State::kDone;
  }

  void DependsOn(Instance& inst, const Node& list) {
    ForEachString(list, [&](const Node& item) {
      Value v = Eval(*ParseTfExpression(item.text()), item.pos(), &inst);
      for (const Value& ref : v.is_list() ? v.items() : std::vector<Value>{v}) {
        if (ref.is_ref()) inst.depends_on.push_back(ref.ref_target());
      }
    });
  }

  static void ForEachString(const Node& node, const std::function<void(const Node&)>& fn) {
    if (node.is_string()) fn(node);
    if (node.is_sequence()) {
      for (const Node& item : node.items()) {
        if (item.is_string()) fn(item);
      }
    }
  }

  // An argument or nested block of a resource body.
  Value EvalBody(const std::string& key, const Node& node, Scope scope) {
    if (NestedBlockNames().count(key) != 0 && (node.is_map() || node.is_sequence())) {
      Value list = Value::List(node.pos());
      ForEachObject(node, [&](const Node& block) { list.Append(EvalBlock(block, scope)); });
      return list;
    }
    return EvalNode(node, scope);
  }

  Value EvalBlock(const Node& block, Scope scope) {
    Value map = Value::Map(block.pos());
    for (size_t i = 0; i < block.size(); ++i) {
      if (block.key(i).text == "//") continue;
      map.Set(block.key(i).text, block.key(i).pos, EvalBody(block.key(i).text, block[i], scope));
    }
    return map;
  }

  // A JSON value of the configuration: strings are templates, the rest is literal.
  Value EvalNode(const Node& node, Scope scope) {
    switch (node.kind()) {
      case Node::Kind::kString:
        return Eval(*ParseTfTemplate(node.text()), node.pos(), scope);
      case Node::Kind::kSequence: {
        Value list = Value::List(node.pos());
        for (const Node& item : node.items()) list.Append(EvalNode(item, scope));
        return list;
      }
      case Node::Kind::kMap: {
        Value map = Value::Map(node.pos());
        for (size_t i = 0; i < node.size(); ++i) {
          if (node.key(i).text == "//") continue;
          map.Set(node.key(i).text, node.key(i).pos, EvalNode(node[i], scope));
        }
        return map;
      }
      default:
        return Value::FromNode(node);
    }
  }

  Value Eval(const TfExpr& e, SourcePos pos, Scope scope) {
    if (++depth_ > kMaxEvalDepth) {
      --depth_;
      return Value::Unresolved("expression nested too deeply", pos);
    }
    Value v = EvalInner(e, pos, scope);
    --depth_;
    return v;
  }

  Value EvalInner(const TfExpr& e, SourcePos pos, Scope scope) {
    using K = TfExpr::Kind;
    switch (e.kind) {
      case K::kNumber:
        return Value::Number(e.number, pos, e.text);
      case K::kString:
        return Value::String(e.text, pos);
      case K::kBool:
        return Value::Bool(e.boolean, pos);
      case K::kNull:
        return Value::Null(pos);
      case K::kUnsupported:
        return Value::Unresolved(e.text, pos);
      case K::kTemplate: {
        std::string out;
        for (const TfExprPtr& part : e.operands) {
          Value v = Eval(*part, pos, scope);
          std::optional<std::string> s = v.is_list() || v.is_map() ? std::nullopt : v.AsString();
          if (!s) return v.is_unresolved() ? v : Value::Unresolved("not a string", pos);
          out += *s;
        }
        return Value::String(std::move(out), pos);
      }
      case K::kTuple: {
        Value list = Value::List(pos);
        for (const TfExprPtr& item : e.operands) list.Append(Eval(*item, pos, scope));
        return list;
      }
      case K::kObject: {
        Value map = Value::Map(pos);
        for (size_t i = 0; i + 1 < e.operands.size(); i += 2) {
          std::optional<std::string> key = Eval(*e.operands[i], pos, scope).AsString();
          if (!key) return Value::Unresolved("object key not known", pos);
          map.Set(*key, pos, Eval(*e.operands[i + 1], pos, scope));
        }
        return map;
      }
      case K::kUnary:
      case K::kBinary:
      case K::kConditional: {
        std::vector<Value> args;
        if (e.kind == K::kConditional) {
          std::optional<bool> cond = Eval(*e.operands[0], pos, scope).AsBool();
          if (!cond) return Value::Unresolved("condition not known", pos);
          return Eval(*e.operands[*cond ? 1 : 2], pos, scope);
        }
        for (const TfExprPtr& op : e.operands) args.push_back(Eval(*op, pos, scope));
        return ApplyTfOperator(e.text, args, pos);
      }
      case K::kCall: {
        std::vector<Value> args;
        for (const TfExprPtr& op : e.operands) args.push_back(Eval(*op, pos, scope));
        if (e.expand_last && !args.empty()) {
          Value last = std::move(args.back());
          args.pop_back();
          if (!last.is_list()) return Value::Unresolved("expanded argument not known", pos);
          for (Value& item : last.items()) args.push_back(std::move(item));
        }
        return CallTfFunction(e.text, args, pos);
      }
      case K::kTraversal:
        return Traverse(e, pos, scope);
    }
    return Value::Unresolved("unsupported expression", pos);
  }

  Value Traverse(const TfExpr& e, SourcePos pos, Scope scope) {
    const std::vector<TfStep>& steps = e.steps;
    if (e.text.empty()) return ApplySteps(Eval(*e.operands[0], pos, scope), steps, 0, pos, scope);
    const std::string& root = e.text;
    auto attr = [&](size_t i) -> const std::string* {
      return i < steps.size() && steps[i].kind == TfStep::Kind::kAttr ? &steps[i].name : nullptr;
    };
    if (root == "var" && attr(0)) {
      auto it = variable_index_.find(*attr(0));
      if (it == variable_index_.end()) {
        return Value::Unresolved("no variable '" + *attr(0) + "'", pos);
      }
      Value v = graph_.parameters[it->second].value;
      Relocate(v, pos);
      return ApplySteps(std::move(v), steps, 1, pos, scope);
    }
    if (root == "local" && attr(0)) return ApplySteps(Local(*attr(0), pos), steps, 1, pos, scope);
    if (root == "count" && attr(0) && *attr(0) == "index") {
      if (scope && !scope->count_index.is_absent()) {
        Value v = scope->count_index;
        Relocate(v, pos);
        return v;
      }
      return Value::Unresolved("count.index of a resource without a known count", pos);
    }
    if (root == "each" && attr(0) && scope && !scope->each_key.is_absent()) {
      Value v = *attr(0) == "key" ? scope->each_key : scope->each_value;
      Relocate(v, pos);
      return ApplySteps(std::move(v), steps, 1, pos, scope);
    }
    if (root == "data" && attr(0) && attr(1)) return DataSource(*attr(0), steps, pos, scope);
    if (root == "module" && attr(0)) {
      return Value::Unresolved(
          "module '" + *attr(0) + "' outputs are not followed (only this module is read)", pos);
    }
    if (attr(0)) {
      auto it = expansions_.find(root + "." + *attr(0));
      if (it != expansions_.end())
        return ResourceRef(root + "." + *attr(0), it->second, steps, pos, scope);
    }
    return Value::Unresolved("'" + root + "' is not known before apply", pos);
  }

  Value DataSource(const std::string& type, const std::vector<TfStep>& steps, SourcePos pos,
                   Scope scope) {
    if (type == "aws_availability_zones" && steps.size() >= 3 &&
        steps[2].kind == TfStep::Kind::kAttr && steps[2].name == "names") {
      if (steps.size() == 3 || steps[3].kind == TfStep::Kind::kSplat) {
        return Value::AzList(region_, pos);
      }
      if (steps[3].kind == TfStep::Kind::kIndex) {
        std::optional<int64_t> i = Eval(*steps[3].index, pos, scope).AsInt();
        if (i && *i >= 0) return Value::Az(region_, *i, pos);
      }
    }
    return Value::Unresolved("data source '" + type + "' is read when Terraform plans", pos);
  }

  Value ResourceRef(const std::string& base, const Expansion& ex, const std::vector<TfStep>& steps,
                    SourcePos pos, Scope scope) {
    size_t next = 2;  // steps[0] is the resource name
    if (ex.unknown) {
      return Value::Unresolved("'" + base + "' has a count or for_each not known before apply",
                               pos);
    }
    if (!ex.multi) {
      const Instance* inst = ex.instances.front();
      return InstanceSteps(*inst, steps, 1, pos, scope);
    }
    if (steps.size() < 2 || steps[1].kind == TfStep::Kind::kAttr) {
      // The whole counted resource: a list (count) of its instances.
      if (steps.size() >= 2) return Value::Unresolved("'" + base + "' needs an index", pos);
      Value list = Value::List(pos);
      for (const Instance* inst : ex.instances) list.Append(Value::Ref(inst->address, "", pos));
      return list;
    }
    if (steps[1].kind == TfStep::Kind::kSplat) {
      Value list = Value::List(pos);
      for (const Instance* inst : ex.instances) {
        list.Append(InstanceSteps(*inst, steps, next, pos, scope));
      }
      return list;
    }
    Value key = Eval(*steps[1].index, pos, scope);
    if (!key.is_known()) return key;
    std::string address = base + IndexKey(key);
    auto it = instances_.find(address);
    if (it == instances_.end()) {
      return Value::Unresolved("'" + address + "' is not an instance of this configuration", pos);
    }
    return InstanceSteps(*it->second, steps, next, pos, scope);
  }

  // steps[from] onwards applied to a resource instance: `.attr` reads an argument.
  Value InstanceSteps(const Instance& inst, const std::vector<TfStep>& steps, size_t from,
                      SourcePos pos, Scope scope) {
    if (from >= steps.size()) return Value::Ref(inst.address, "", pos);
    if (steps[from].kind != TfStep::Kind::kAttr) {
      return Value::Unresolved("'" + inst.address + "' is not a list", pos);
    }
    const std::string& attr = steps[from].name;
    if (IsIdentityAttribute(attr)) {
      return ApplySteps(Value::Ref(inst.address, attr, pos), steps, from + 1, pos, scope);
    }
    Instance& target = *instances_.at(inst.address);
    if (target.state == Instance::State::kEvaluating) {
      return Value::Unresolved("'" + inst.address + "." + attr + "' refers to itself", pos);
    }
    Evaluate(target);
    Value v = target.properties[attr];
    if (v.is_absent()) {
      return Value::Unresolved("'" + inst.address + "." + attr + "' is known after apply", pos);
    }
    Relocate(v, pos);
    return ApplySteps(std::move(v), steps, from + 1, pos, scope);
  }

  Value ApplySteps(Value v, const std::vector<TfStep>& steps, size_t from, SourcePos pos,
                   Scope scope) {
    for (size_t i = from; i < steps.size(); ++i) {
      if (!v.is_known()) return v;
      const TfStep& step = steps[i];
      if (step.kind == TfStep::Kind::kSplat) {
        Value list = Value::List(pos);
        std::vector<Value> items = v.is_list() ? v.items() : std::vector<Value>{v};
        for (Value& item : items)
          list.Append(ApplySteps(std::move(item), steps, i + 1, pos, scope));
        return list;
      }
      if (v.is_ref()) {
        // An attribute of an identity (aws_lb.x.arn.something) is not known.
        return Value::Unresolved("attribute of '" + v.ref_target() + "' is known after apply", pos);
      }
      Value next;
      if (step.kind == TfStep::Kind::kAttr) {
        next = v[step.name];
      } else {
        Value key = Eval(*step.index, pos, scope);
        if (!key.is_known()) return key;
        if (v.is_list()) {
          std::optional<int64_t> k = key.AsInt();
          if (k && *k >= 0 && static_cast<size_t>(*k) < v.items().size()) next = v.items()[*k];
        } else if (std::optional<std::string> k = key.AsString()) {
          next = v[*k];
        }
      }
      if (next.is_absent()) return Value::Unresolved("no such element", pos);
      v = std::move(next);
    }
    return v;
  }

  Value Local(const std::string& name, SourcePos pos) {
    if (auto done = local_values_.find(name); done != local_values_.end()) {
      Value v = done->second;
      Relocate(v, pos);
      return v;
    }
    auto it = locals_.find(name);
    if (it == locals_.end()) return Value::Unresolved("no local value '" + name + "'", pos);
    if (!locals_in_progress_.insert(name).second) {
      return Value::Unresolved("local value '" + name + "' refers to itself", pos);
    }
    Value v = EvalNode(*it->second.body, nullptr);
    locals_in_progress_.erase(name);
    local_values_[name] = v;
    Relocate(v, pos);
    return v;
  }

  void CollectRefs(const Value& v, const std::string& from) {
    if (v.is_ref() && v.ref_target() != from) {
      graph_.edges.push_back({from, v.ref_target(), Edge::Kind::kReference, v.pos()});
    }
    for (const Value& item : v.items()) CollectRefs(item, from);
    for (const ValueEntry& e : v.entries()) CollectRefs(e.value, from);
  }

  void Emit(Instance& inst) {
    Resource r;
    r.id = inst.address;
    r.type = inst.block->type;
    r.pos = inst.block->pos;
    r.file = inst.block->file;
    r.condition_unknown = inst.uncertain;
    r.properties = std::move(inst.properties);
    if (const Node* comment = inst.block->body->is_map() ? inst.block->body->Find("//") : nullptr) {
      r.metadata = Value::FromNode(*comment);
    }
    r.depends_on = inst.depends_on;
    CollectRefs(r.properties, r.id);
    for (const std::string& d : r.depends_on) {
      graph_.edges.push_back({r.id, d, Edge::Kind::kDependsOn, r.pos});
    }
    graph_.resources.push_back(std::move(r));
  }

  static constexpr int64_t kMaxInstances = 10000;
  static constexpr int kMaxEvalDepth = 200;

  const std::vector<TfConfigFile>& files_;
  size_t primary_;
  const TfOptions& options_;
  ResourceGraph graph_;
  std::string region_;
  const Node* provider_ = nullptr;
  std::vector<Block> resources_, variables_;
  std::map<std::string, Block, std::less<>> locals_;
  std::map<std::string, Value, std::less<>> local_values_;
  std::set<std::string, std::less<>> locals_in_progress_;
  std::map<std::string, size_t, std::less<>> variable_index_;
  std::map<std::string, Expansion, std::less<>> expansions_;
  std::map<std::string, std::unique_ptr<Instance>, std::less<>> instances_;
  std::vector<Instance*> order_;
  int depth_ = 0;
};

}  // namespace

bool IsTerraformConfig(const Node& root) {
  if (!root.is_map() || root.size() == 0) return false;
  bool any_block = false;
  for (size_t i = 0; i < root.size(); ++i) {
    const std::string& key = root.key(i).text;
    if (key == "//") continue;
    if (std::find(std::begin(kTopLevelBlocks), std::end(kTopLevelBlocks), key) ==
        std::end(kTopLevelBlocks)) {
      return false;
    }
    any_block = true;
  }
  return any_block;
}

ResourceGraph LoadTerraformConfig(const std::vector<TfConfigFile>& files, size_t primary,
                                  const TfOptions& options) {
  return ConfigLoader(files, primary, options).Load();
}

}  // namespace halint
