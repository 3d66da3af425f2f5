// Helpers shared by the dialect adapters (adapt_*.cc): reading references and lists out of
// resolved values. Internal to analyzer/model.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analyzer/graph.h"
#include "analyzer/model/model.h"

namespace halint {

// The resource `v` refers to, or "" when it is not a reference to a resource of `graph`.
std::string RefId(const ResourceGraph& graph, const Value& v);

// Appends the resources a list (or a single reference) refers to. Items that are known but
// not resources of the graph (literal IDs) are skipped. Returns false when the value or an
// item is unresolved, i.e. the list may hold more than what was appended.
bool RefIds(const ResourceGraph& graph, const Value& v, std::vector<std::string>& out);

// Appends the items of a list (absent: none). Returns true when the list and every item
// are known.
bool ListItems(const Value& v, std::vector<Value>& out);

// The kind of gateway a route's gateway property names: by the type of the resource it
// refers to (either dialect), else by a literal ID's prefix (igw-, vgw-, tgw-, ...).
RouteTarget GatewayKind(const ResourceGraph& graph, const Value& v);

// A route property naming its target; kind kUnknown marks the gateway property, whose kind
// depends on what it names (GatewayKind).
struct RouteTargetProperty {
  std::string_view name;
  RouteTarget kind;
};

// Sets route.target and route.target_id from the first of `targets` that `get(name)` finds
// present (not absent).
template <typename Get>
void SetRouteTarget(const ResourceGraph& graph, std::span<const RouteTargetProperty> targets,
                    Get get, Route& route) {
  for (const RouteTargetProperty& t : targets) {
    const Value& v = get(t.name);
    if (v.is_absent()) continue;
    RouteTarget kind = t.kind == RouteTarget::kUnknown ? GatewayKind(graph, v) : t.kind;
    route.target = v.is_known() ? kind : RouteTarget::kUnknown;
    route.target_id = RefId(graph, v);
    return;
  }
}

// A load balancer scheme: absent means the AWS default; `internet_facing_word` is the
// dialect's spelling. nullopt when unresolved.
std::optional<bool> SchemeIsInternetFacing(const Value& scheme,
                                           std::string_view internet_facing_word);

// Records a subnet -> route table association as far as it is known.
void AddAssociation(const ResourceGraph& graph, Model& model, const Value& subnet,
                    const Value& table);

// Points every SecurityGroup at its rules in model.ingress_rules. Call once, after every
// rule has been added.
void LinkIngressRules(Model& model);

template <typename M>
typename M::mapped_type* MutableView(M& m, const std::string& id) {
  auto it = m.find(id);
  return it == m.end() ? nullptr : &it->second;
}

}  // namespace halint
