// Terraform plan front end (`terraform show -json` of a plan or a state); see
// tf_frontend.h for the graph contract and docs/terraform.md ("Plans") for the decisions.
// https://developer.hashicorp.com/terraform/internals/json-format describes the input.
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "parsers/terraform/tf_common.h"
#include "parsers/terraform/tf_frontend.h"

namespace halint {
namespace {

constexpr int kMaxFollowDepth = 32;  // var -> module call -> output -> ... chains
constexpr std::string_view kKnownAfterApply = "known after apply";

// A resource address split into its module instance path and the resource part:
// module.vpc[0].aws_subnet.a["x"].id -> modules {vpc}, prefix "module.vpc[0].",
// base "aws_subnet.a", index "[\"x\"]", rest ".id".
struct Address {
  std::vector<std::string> modules;          // module call names
  std::vector<std::string> module_segments;  // "module.vpc[0]." per module
  bool data = false;
  std::string base;
  std::string index;
  std::string rest;

  std::string Prefix() const {
    std::string out;
    for (const std::string& s : module_segments) out += s;
    return out;
  }
};

// The end of the bracketed index starting at s[i] == '[', or npos.
size_t SkipIndex(std::string_view s, size_t i) {
  bool in_string = false;
  for (size_t j = i + 1; j < s.size(); ++j) {
    if (in_string) {
      if (s[j] == '\\') {
        ++j;
      } else if (s[j] == '"') {
        in_string = false;
      }
    } else if (s[j] == '"') {
      in_string = true;
    } else if (s[j] == ']') {
      return j + 1;
    }
  }
  return std::string_view::npos;
}

std::optional<Address> ParseAddress(std::string_view s) {
  Address a;
  size_t i = 0;
  auto ident = [&] {
    size_t start = i;
    while (i < s.size() && s[i] != '.' && s[i] != '[') ++i;
    return std::string(s.substr(start, i - start));
  };
  auto index = [&](std::string& out) {
    if (i >= s.size() || s[i] != '[') return true;
    size_t end = SkipIndex(s, i);
    if (end == std::string_view::npos) return false;
    out = std::string(s.substr(i, end - i));
    i = end;
    return true;
  };
  while (s.substr(i).starts_with("module.")) {
    size_t start = i;
    i += 7;
    std::string name = ident();
    std::string key;
    if (name.empty() || !index(key) || i >= s.size() || s[i] != '.') return std::nullopt;
    ++i;
    a.modules.push_back(std::move(name));
    a.module_segments.emplace_back(s.substr(start, i - start));
  }
  if (s.substr(i).starts_with("data.")) {
    a.data = true;
    i += 5;
  }
  std::string type = ident();
  if (type.empty() || i >= s.size() || s[i] != '.') return std::nullopt;
  ++i;
  std::string name = ident();
  if (name.empty() || !index(a.index)) return std::nullopt;
  a.base = type + "." + name;
  a.rest = std::string(s.substr(i));
  return a;
}

const Node* FindIn(const Node* map, std::string_view key) {
  return map != nullptr && map->is_map() ? map->Find(key) : nullptr;
}

Value* MutableEntry(Value& map, std::string_view key) {
  for (ValueEntry& e : map.entries()) {
    if (e.key == key) return &e.value;
  }
  return nullptr;
}

// A configuration expression: {"references": [...]} and/or {"constant_value": ...}; any
// other map is a nested block (or object attribute) of expressions.
bool IsExpression(const Node& n) {
  if (!n.is_map()) return false;
  if (n.size() == 0) return true;
  const Node* refs = n.Find("references");
  return (refs != nullptr && refs->is_sequence()) || n.Find("constant_value") != nullptr;
}

bool HasReferences(const Node& expr) {
  const Node* refs = FindIn(&expr, "references");
  return refs != nullptr && refs->is_sequence() && refs->size() != 0;
}

// AWS provider attributes that hold several IDs are named in the plural
// (vpc_security_group_ids, subnets, security_groups, target_group_arns).
bool LooksPlural(std::string_view name) { return name.ends_with('s') && !name.ends_with("ss"); }

bool HasUnresolved(const Value& v) {
  if (v.is_unresolved()) return true;
  for (const Value& item : v.items()) {
    if (item.is_unresolved()) return true;
  }
  return false;
}

// A module of the configuration section: where its resources and module calls are, and
// the call that instantiates it (nullptr for the root module).
struct ConfigModule {
  const Node* module = nullptr;
  const Node* call = nullptr;
};

// Where a reference is resolved: the module of the configuration (call names from the
// root) and its instance in the plan (address prefix segments).
struct Scope {
  std::vector<std::string> calls;
  std::vector<std::string> segments;

  std::string Key() const {
    std::string out;
    for (const std::string& c : calls) out += c + ".";
    return out;
  }
  std::string Prefix() const {
    std::string out;
    for (const std::string& s : segments) out += s;
    return out;
  }
  Scope Parent() const {
    Scope p = *this;
    p.calls.pop_back();
    p.segments.pop_back();
    return p;
  }
};

struct Planned {
  std::string address;
  std::string type;
  Scope scope;
  std::string base;  // address without its index
  SourcePos pos;
  Value properties;
  std::vector<std::string> depends_on;  // from the configuration's depends_on
};

// Unknown values to fill from references, with the attribute name each is under.
using Leaves = std::vector<std::pair<Value*, std::string>>;

class PlanLoader {
 public:
  PlanLoader(const Node& root, std::string_view file) : root_(root) {
    graph_.file = std::string(file);
    graph_.dialect = Dialect::kTerraformPlan;
  }

  ResourceGraph Load() {
    const Node* values = root_.Find("planned_values");
    if (values == nullptr) values = root_.Find("values");
    if (values == nullptr || !values->is_map()) {
      Diagnose(values ? values->pos() : root_.pos(), "'planned_values' must be an object");
      return std::move(graph_);
    }
    IndexChanges();
    if (const Node* config = root_.Find("configuration")) {
      IndexConfigModule(FindIn(config, "root_module"), nullptr, "", 0);
    }
    if (const Node* module = values->Find("root_module")) {
      CollectModule(*module);
    } else {
      Diagnose(values->pos(), "'planned_values' has no 'root_module'");
    }
    LinkKnownIds();
    for (Planned& p : planned_) LinkFromConfiguration(p);
    LoadVariables();
    for (Planned& p : planned_) Emit(p);
    return std::move(graph_);
  }

 private:
  void Diagnose(SourcePos pos, std::string message) {
    tf::Diagnose(graph_, pos, std::move(message));
  }

  // resource_changes: which addresses are deleted, and what is unknown until apply.
  void IndexChanges() {
    const Node* changes = root_.Find("resource_changes");
    if (changes == nullptr) return;
    if (!changes->is_sequence()) {
      Diagnose(changes->pos(), "'resource_changes' must be an array");
      return;
    }
    for (const Node& rc : changes->items()) {
      const Node* address = FindIn(&rc, "address");
      const Node* change = FindIn(&rc, "change");
      if (address == nullptr || !address->is_string() || change == nullptr) continue;
      if (const Node* actions = FindIn(change, "actions"); actions && actions->is_sequence()) {
        bool deletes = false;
        bool creates = false;
        for (const Node& a : actions->items()) {
          deletes = deletes || a.text() == "delete";
          creates = creates || a.text() == "create";
        }
        if (deletes && !creates) deleted_.insert(address->text());
      }
      if (const Node* unknown = FindIn(change, "after_unknown"))
        unknown_[address->text()] = unknown;
    }
  }

  void IndexConfigModule(const Node* module, const Node* call, const std::string& key, int depth) {
    if (module == nullptr || !module->is_map() || depth > kMaxFollowDepth) return;
    modules_[key] = {module, call};
    if (const Node* resources = module->Find("resources"); resources && resources->is_sequence()) {
      for (const Node& r : resources->items()) {
        const Node* address = FindIn(&r, "address");
        if (address && address->is_string()) config_resources_[key + address->text()] = &r;
      }
    }
    if (const Node* calls = module->Find("module_calls"); calls && calls->is_map()) {
      for (size_t i = 0; i < calls->size(); ++i) {
        IndexConfigModule(FindIn(&(*calls)[i], "module"), &(*calls)[i],
                          key + calls->key(i).text + ".", depth + 1);
      }
    }
  }

  void CollectModule(const Node& module) {
    if (!module.is_map()) {
      Diagnose(module.pos(), "a module of the plan must be an object");
      return;
    }
    if (const Node* resources = module.Find("resources")) {
      if (resources->is_sequence()) {
        for (const Node& r : resources->items()) CollectResource(r);
      } else {
        Diagnose(resources->pos(), "'resources' must be an array");
      }
    }
    if (const Node* children = module.Find("child_modules")) {
      if (children->is_sequence()) {
        for (const Node& child : children->items()) CollectModule(child);
      } else {
        Diagnose(children->pos(), "'child_modules' must be an array");
      }
    }
  }

  void CollectResource(const Node& r) {
    const Node* address = FindIn(&r, "address");
    const Node* type = FindIn(&r, "type");
    if (address == nullptr || !address->is_string() || type == nullptr || !type->is_string()) {
      Diagnose(r.pos(), "a planned resource needs a string 'address' and 'type'");
      return;
    }
    std::optional<Address> parsed = ParseAddress(address->text());
    if (!parsed || !parsed->rest.empty()) {
      Diagnose(address->pos(), "'" + address->text() + "' is not a resource address");
      return;
    }
    const Node* mode = r.Find("mode");
    if (parsed->data || (mode && mode->text() == "data")) return;
    if (deleted_.count(address->text()) != 0) return;
    if (index_.count(address->text()) != 0) {
      Diagnose(address->pos(), "resource '" + address->text() + "' is planned more than once");
      return;
    }
    Planned p;
    p.address = address->text();
    p.type = type->text();
    p.scope = {parsed->modules, parsed->module_segments};
    p.base = parsed->Prefix() + parsed->base;
    p.pos = r.key(static_cast<size_t>(r.IndexOf("address"))).pos;
    const Node* values = r.Find("values");
    if (values != nullptr && values->is_map()) {
      p.properties = Value::FromNode(*values);
    } else {
      p.properties = Value::Map(r.pos());
    }
    if (auto it = unknown_.find(p.address); it != unknown_.end()) {
      MarkUnknown(p.properties, *it->second);
    }
    index_[p.address] = planned_.size();
    by_base_[p.base].push_back(p.address);
    planned_.push_back(std::move(p));
  }

  // after_unknown mirrors the planned values with `true` where a value is known only after
  // apply (the planned values leave those out, or hold null in lists).
  static void MarkUnknown(Value& v, const Node& unknown) {
    if (unknown.is_bool() && unknown.bool_value()) {
      v = Value::Unresolved(std::string(kKnownAfterApply), unknown.pos());
    } else if (unknown.is_map() && v.is_map()) {
      for (size_t i = 0; i < unknown.size(); ++i) {
        const Node& child = unknown[i];
        Value* entry = MutableEntry(v, unknown.key(i).text);
        if (entry != nullptr) {
          MarkUnknown(*entry, child);
        } else if (child.is_bool() && child.bool_value()) {
          v.Set(unknown.key(i).text, unknown.key(i).pos,
                Value::Unresolved(std::string(kKnownAfterApply), child.pos()));
        }
      }
    } else if (unknown.is_sequence() && v.is_list()) {
      for (size_t i = 0; i < unknown.size() && i < v.items().size(); ++i) {
        MarkUnknown(v.items()[i], unknown[i]);
      }
    }
  }

  // Plans of existing infrastructure carry real IDs: a known string equal to exactly one
  // other planned resource's id or arn is a reference to it.
  void LinkKnownIds() {
    std::map<std::string, std::pair<std::string, std::string>, std::less<>> owners;
    std::set<std::string, std::less<>> ambiguous;
    for (const Planned& p : planned_) {
      for (const char* attr : {"id", "arn"}) {
        const Value& v = p.properties[attr];
        if (!v.is_string() || v.string_value().size() < 3) continue;
        auto [it, inserted] = owners.emplace(v.string_value(), std::pair{p.address, attr});
        if (!inserted && it->second.first != p.address) ambiguous.insert(v.string_value());
      }
    }
    for (const std::string& a : ambiguous) owners.erase(a);
    if (owners.empty()) return;
    for (Planned& p : planned_) {
      for (ValueEntry& e : p.properties.entries()) {
        if (e.key == "id" || e.key == "arn" || e.key == "tags" || e.key == "tags_all") continue;
        ReplaceIds(e.value, owners, p.address);
      }
    }
  }

  template <typename Owners>
  static void ReplaceIds(Value& v, const Owners& owners, const std::string& self) {
    if (v.is_string()) {
      auto it = owners.find(v.string_value());
      if (it != owners.end() && it->second.first != self) {
        v = Value::Ref(it->second.first, it->second.second, v.pos());
      }
      return;
    }
    for (Value& item : v.items()) ReplaceIds(item, owners, self);
    for (ValueEntry& e : v.entries()) {
      if (e.key != "tags" && e.key != "tags_all") ReplaceIds(e.value, owners, self);
    }
  }

  void LinkFromConfiguration(Planned& p) {
    std::optional<Address> parsed = ParseAddress(p.address);
    auto it = config_resources_.find(p.scope.Key() + parsed->base);
    if (it == config_resources_.end()) return;
    if (const Node* expressions = FindIn(it->second, "expressions");
        expressions && expressions->is_map()) {
      LinkBlock(p.properties, *expressions, p.scope);
    }
    if (const Node* depends_on = FindIn(it->second, "depends_on")) {
      std::vector<Value> targets;
      Targets(*depends_on, p.scope, depends_on->pos(), 0, targets);
      for (const Value& t : targets) {
        if (t.is_ref() && t.ref_target() != p.address) p.depends_on.push_back(t.ref_target());
      }
    }
  }

  // A block (or object) of expressions against the planned map `v`.
  void LinkBlock(Value& v, const Node& block, const Scope& scope) {
    if (!v.is_map()) return;
    for (size_t i = 0; i < block.size(); ++i) {
      const std::string& key = block.key(i).text;
      const Node& expr = block[i];
      Value* entry = MutableEntry(v, key);
      if (entry == nullptr) {
        // Planned values leave out what is unknown: plans without resource_changes.
        if (!IsExpression(expr) || !HasReferences(expr)) continue;
        v.Set(key, block.key(i).pos,
              Value::Unresolved(std::string(kKnownAfterApply), block.key(i).pos));
        entry = MutableEntry(v, key);
      }
      Link(*entry, expr, key, scope);
    }
  }

  void Link(Value& v, const Node& expr, const std::string& name, const Scope& scope) {
    if (IsExpression(expr)) {
      if (!HasReferences(expr)) return;
      Leaves leaves;
      UnresolvedLeaves(v, name, leaves);
      if (leaves.empty()) return;
      const Node& refs = *expr.Find("references");
      std::vector<Value> targets;
      Targets(refs, scope, refs.pos(), 0, targets);
      LinkLeaves(leaves, targets);
      return;
    }
    if (expr.is_sequence()) {
      if (v.is_list()) LinkBlocks(v, expr, scope);
      return;
    }
    if (expr.is_map()) {
      if (v.is_list() && v.items().size() == 1) {
        LinkBlock(v.items().front(), expr, scope);
      } else {
        LinkBlock(v, expr, scope);
      }
    }
  }

  static void UnresolvedLeaves(Value& v, const std::string& name, Leaves& out) {
    if (HasUnresolved(v) && !v.is_map()) {
      out.emplace_back(&v, name);
      return;
    }
    for (Value& item : v.items()) UnresolvedLeaves(item, name, out);
    for (ValueEntry& e : v.entries()) UnresolvedLeaves(e.value, e.key, out);
  }

  // Which reference fills which unknown leaf is not written in a plan. An attribute that
  // is itself unknown takes all the references. When an expression's unknowns are several
  // leaves of a structured value (ingress = [...] of an aws_security_group, route = [...]
  // of an aws_route_table), one referenced resource fills each of them (all depend on it
  // alone); several go each to the one leaf whose name names its type (nat_gateway_id:
  // aws_nat_gateway, gateway_id: aws_internet_gateway); otherwise they stay unresolved.
  void LinkLeaves(const Leaves& leaves, const std::vector<Value>& targets) {
    if (targets.empty()) return;
    bool refs_only =
        std::all_of(targets.begin(), targets.end(), [](const Value& t) { return t.is_ref(); });
    if (leaves.size() == 1 || (targets.size() == 1 && refs_only)) {
      for (const auto& [leaf, name] : leaves) Fill(*leaf, name, targets);
      return;
    }
    if (!refs_only) return;
    std::vector<std::vector<Value>> assigned(leaves.size());
    for (const Value& t : targets) {
      const std::string& type = planned_[index_.at(t.ref_target())].type;
      size_t best = leaves.size();
      size_t best_length = 0;
      bool tie = false;
      for (size_t i = 0; i < leaves.size(); ++i) {
        size_t length = NamesType(leaves[i].second, type);
        if (length != 0 && length == best_length) tie = true;
        if (length > best_length) {
          best = i;
          best_length = length;
          tie = false;
        }
      }
      if (best == leaves.size() || tie) return;
      assigned[best].push_back(t);
    }
    for (size_t i = 0; i < leaves.size(); ++i) {
      if (!assigned[i].empty()) Fill(*leaves[i].first, leaves[i].second, assigned[i]);
    }
  }

  // How well an attribute name names a resource type: the length of the name's stem
  // (nat_gateway_id -> nat_gateway) when the type is aws_<stem> or ends with _<stem>.
  static size_t NamesType(std::string_view name, std::string_view type) {
    for (std::string_view suffix : {"_ids", "_arns", "_id", "_arn", "s"}) {
      if (name.ends_with(suffix)) {
        name.remove_suffix(suffix.size());
        break;
      }
    }
    if (name.empty() || type.size() <= name.size() || !type.ends_with(name) ||
        type[type.size() - name.size() - 1] != '_') {
      return 0;
    }
    return name.size();
  }

  // An unknown leaf takes its references: a list when it is one or its name is plural, a
  // single value only when there is one.
  static void Fill(Value& leaf, const std::string& name, const std::vector<Value>& targets) {
    if (leaf.is_list() || LooksPlural(name)) {
      Value list = Value::List(leaf.pos());
      std::set<std::pair<std::string, std::string>> seen;
      auto add = [&](const Value& item) {
        if (item.is_ref() && !seen.insert({item.ref_target(), item.ref_attribute()}).second) {
          return;
        }
        list.Append(item);
      };
      for (const Value& item : leaf.items()) {
        if (!item.is_unresolved()) add(item);
      }
      for (const Value& t : targets) add(t);
      leaf = std::move(list);
    } else if (targets.size() == 1) {
      leaf = targets.front();
    } else {
      leaf = Value::Unresolved("refers to one of several resources", leaf.pos());
    }
  }

  // Nested blocks: pairs each planned block with its configuration block. Sets of blocks
  // (ingress, egress) are not in source order in a plan, so a pair must agree on every
  // constant argument; a block that matches none or several is left as it is.
  void LinkBlocks(Value& list, const Node& blocks, const Scope& scope) {
    for (size_t i = 0; i < list.items().size(); ++i) {
      Value& item = list.items()[i];
      if (!item.is_map()) continue;
      const Node* match = nullptr;
      if (i < blocks.size() && blocks.size() == list.items().size() &&
          Compatible(item, blocks[i])) {
        match = &blocks[i];
      } else {
        int count = 0;
        for (const Node& b : blocks.items()) {
          if (Compatible(item, b)) {
            match = &b;
            ++count;
          }
        }
        if (count != 1) match = nullptr;
      }
      if (match != nullptr) LinkBlock(item, *match, scope);
    }
  }

  static bool Compatible(const Value& planned, const Node& block) {
    if (!block.is_map() || IsExpression(block)) return false;
    for (size_t i = 0; i < block.size(); ++i) {
      const Node* constant = FindIn(&block[i], "constant_value");
      if (constant == nullptr || !constant->is_scalar()) continue;
      const Value& v = planned[block.key(i).text];
      if (v.is_ref()) continue;
      std::optional<std::string> want = Value::FromNode(*constant).AsString();
      if (v.is_known() && !v.is_list() && !v.is_map() && v.AsString() != want) return false;
    }
    return true;
  }

  // The resources a `references` list names, resolved in `scope`: Value::Ref for
  // identities, the planned value for other attributes.
  void Targets(const Node& refs, const Scope& scope, SourcePos pos, int depth,
               std::vector<Value>& out) {
    if (!refs.is_sequence() || depth > kMaxFollowDepth || follow_budget_ == 0) return;
    --follow_budget_;
    struct Group {
      bool bare = false;
      std::map<std::string, std::string> indexed;  // index ("" for none) -> attribute
    };
    std::map<std::string, Group> groups;
    std::vector<std::string> order;
    for (const Node& ref : refs.items()) {
      if (!ref.is_string()) continue;
      const std::string& text = ref.text();
      std::string_view head = std::string_view(text).substr(0, text.find_first_of(".["));
      if (head == "var") {
        FollowVariable(text.size() > 4 ? text.substr(4) : "", scope, pos, depth, out);
        continue;
      }
      if (head == "module") {
        FollowOutput(text, scope, pos, depth, out);
        continue;
      }
      if (head == "local" || head == "each" || head == "count" || head == "path" ||
          head == "terraform" || head == "self" || head == "data") {
        continue;
      }
      std::optional<Address> a = ParseAddress(text);
      if (!a || !a->modules.empty() || a->data) continue;
      auto [it, inserted] = groups.try_emplace(a->base);
      if (inserted) order.push_back(a->base);
      if (a->index.empty() && a->rest.empty()) {
        it->second.bare = true;
        continue;
      }
      std::string& attr = it->second.indexed[a->index];
      if (attr.empty()) attr = a->rest;
    }
    const std::string prefix = scope.Prefix();
    for (const std::string& base : order) {
      const Group& g = groups[base];
      if (!g.indexed.empty()) {
        for (const auto& [index, rest] : g.indexed) {
          out.push_back(Target(prefix + base + index, rest, pos));
        }
      } else if (auto it = by_base_.find(prefix + base); it != by_base_.end()) {
        for (const std::string& address : it->second) out.push_back(Target(address, "", pos));
      }
    }
    std::erase_if(out, [](const Value& v) { return v.is_absent(); });
  }

  // One referenced resource instance: `rest` is what follows the address (".id").
  Value Target(const std::string& address, const std::string& rest, SourcePos pos) {
    auto it = index_.find(address);
    if (it == index_.end()) return Value();  // not planned (deleted, data, or unknown)
    if (rest.empty()) return Value::Ref(address, "", pos);
    if (rest.front() != '.') return Value::Unresolved("'" + address + rest + "' is not known", pos);
    std::string attr = rest.substr(1);
    if (attr.find_first_of(".[") != std::string::npos) {
      return Value::Unresolved("'" + address + rest + "' is known after apply", pos);
    }
    if (tf::IsIdentityAttribute(attr)) return Value::Ref(address, attr, pos);
    Value v = planned_[it->second].properties[attr];
    if (!v.is_known())
      return Value::Unresolved("'" + address + rest + "' is known after apply", pos);
    tf::Relocate(v, pos);
    return v;
  }

  // var.x inside a module: the module call's expression for x, in the calling module.
  void FollowVariable(const std::string& name, const Scope& scope, SourcePos pos, int depth,
                      std::vector<Value>& out) {
    if (scope.calls.empty()) return;  // root variables are known when the plan is made
    auto it = modules_.find(scope.Key());
    if (it == modules_.end()) return;
    const Node* expr =
        FindIn(FindIn(it->second.call, "expressions"), name.substr(0, name.find_first_of(".[")));
    if (expr == nullptr) return;
    if (const Node* refs = FindIn(expr, "references"))
      Targets(*refs, scope.Parent(), pos, depth + 1, out);
  }

  // module.vpc.private_subnets: the output's expression, inside the module's instance.
  void FollowOutput(std::string_view text, const Scope& scope, SourcePos pos, int depth,
                    std::vector<Value>& out) {
    size_t i = text.find_first_of(".[", 7);  // after "module."
    if (i == std::string_view::npos) return;
    std::string name(text.substr(7, i - 7));
    bool indexed = text[i] == '[';
    if (indexed) i = SkipIndex(text, i);
    if (i == std::string_view::npos || i >= text.size() || text[i] != '.') return;
    std::string_view output = text.substr(i + 1);
    output = output.substr(0, output.find_first_of(".["));
    Scope child = scope;
    child.calls.push_back(name);
    child.segments.emplace_back(text.substr(0, i + 1));
    auto it = modules_.find(child.Key());
    if (it == modules_.end()) return;
    const Node* call = it->second.call;
    bool multi = FindIn(call, "count_expression") || FindIn(call, "for_each_expression");
    if (multi != indexed) return;  // which instance is meant is not known here
    const Node* outputs = FindIn(it->second.module, "outputs");
    const Node* refs = FindIn(FindIn(FindIn(outputs, output), "expression"), "references");
    if (refs != nullptr) Targets(*refs, child, pos, depth + 1, out);
  }

  void LoadVariables() {
    const Node* variables = root_.Find("variables");
    if (variables == nullptr || !variables->is_map()) return;
    for (size_t i = 0; i < variables->size(); ++i) {
      Parameter p;
      p.name = variables->key(i).text;
      p.pos = variables->key(i).pos;
      if (const Node* value = FindIn(&(*variables)[i], "value")) {
        p.value = Value::FromNode(*value);
      } else {
        p.value = Value::Unresolved("variable '" + p.name + "' has no value in the plan", p.pos);
      }
      graph_.parameters.push_back(std::move(p));
    }
  }

  void Emit(Planned& p) {
    Resource r;
    r.id = p.address;
    r.type = p.type;
    r.pos = p.pos;
    r.properties = std::move(p.properties);
    r.depends_on = std::move(p.depends_on);
    tf::AddReferenceEdges(r.properties, r.id, graph_);
    for (const std::string& d : r.depends_on) {
      graph_.edges.push_back({r.id, d, Edge::Kind::kDependsOn, r.pos});
    }
    graph_.resources.push_back(std::move(r));
  }

  const Node& root_;
  ResourceGraph graph_;
  std::set<std::string, std::less<>> deleted_;
  std::map<std::string, const Node*, std::less<>> unknown_;
  std::map<std::string, ConfigModule, std::less<>> modules_;  // by Scope::Key()
  // Configuration resources by Scope::Key() + "type.name".
  std::map<std::string, const Node*, std::less<>> config_resources_;
  std::vector<Planned> planned_;
  std::map<std::string, size_t, std::less<>> index_;
  std::map<std::string, std::vector<std::string>, std::less<>> by_base_;
  // Reference lists followed in all (var -> call -> output chains may branch).
  size_t follow_budget_ = 1'000'000;
};

}  // namespace

bool IsTerraformPlan(const Node& root) {
  if (!root.is_map()) return false;
  const Node* planned = root.Find("planned_values");
  if (root.Find("format_version") != nullptr) return planned || root.Find("values");
  // Some tools write plans without format_version; planned_values.root_module is enough.
  return planned != nullptr && planned->is_map() && planned->Find("root_module") != nullptr;
}

ResourceGraph LoadTerraformPlan(const Node& root, std::string_view file,
                                const TfOptions& /*options*/) {
  return PlanLoader(root, file).Load();
}

}  // namespace halint
