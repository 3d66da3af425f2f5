#include "analyzer/model/adapt_util.h"

namespace halint {

std::string RefId(const ResourceGraph& graph, const Value& v) {
  if (!v.is_ref() || !graph.Find(v.ref_target())) return {};
  return v.ref_target();
}

bool RefIds(const ResourceGraph& graph, const Value& v, std::vector<std::string>& out) {
  if (v.is_absent()) return true;
  if (!v.is_list()) {
    if (!v.is_known()) return false;
    if (std::string id = RefId(graph, v); !id.empty()) out.push_back(std::move(id));
    return true;
  }
  bool known = true;
  for (const Value& item : v.items()) {
    if (!item.is_known()) {
      known = false;
    } else if (std::string id = RefId(graph, item); !id.empty()) {
      out.push_back(std::move(id));
    }
  }
  return known;
}

bool ListItems(const Value& v, std::vector<Value>& out) {
  if (v.is_absent()) return true;
  if (!v.is_list()) return false;
  bool known = true;
  for (const Value& item : v.items()) {
    if (!item.is_known()) known = false;
    out.push_back(item);
  }
  return known;
}

RouteTarget GatewayKind(const ResourceGraph& graph, const Value& v) {
  if (const Resource* r = v.is_ref() ? graph.Find(v.ref_target()) : nullptr) {
    const std::string& t = r->type;
    if (t == "AWS::EC2::InternetGateway" || t == "aws_internet_gateway") {
      return RouteTarget::kInternetGateway;
    }
    if (t == "AWS::EC2::VPNGateway" || t == "aws_vpn_gateway") return RouteTarget::kVpnGateway;
    if (t == "AWS::EC2::TransitGateway" || t == "aws_ec2_transit_gateway") {
      return RouteTarget::kTransitGateway;
    }
    return RouteTarget::kOther;
  }
  std::optional<std::string> s = v.AsString();
  if (!s) return RouteTarget::kUnknown;
  if (s->starts_with("igw-")) return RouteTarget::kInternetGateway;
  if (s->starts_with("vgw-")) return RouteTarget::kVpnGateway;
  if (s->starts_with("tgw-")) return RouteTarget::kTransitGateway;
  if (s->starts_with("nat-")) return RouteTarget::kNatGateway;
  if (s->starts_with("eigw-")) return RouteTarget::kEgressOnlyGateway;
  if (s->starts_with("pcx-")) return RouteTarget::kPeering;
  if (s->starts_with("vpce-")) return RouteTarget::kEndpoint;
  return RouteTarget::kUnknown;
}

std::optional<bool> SchemeIsInternetFacing(const Value& scheme,
                                           std::string_view internet_facing_word) {
  if (scheme.is_absent()) return true;
  std::optional<std::string> s = scheme.AsString();
  if (!s) return std::nullopt;
  return *s == internet_facing_word;
}

void AddAssociation(const ResourceGraph& graph, Model& model, const Value& subnet,
                    const Value& table) {
  if (!subnet.is_known()) {
    model.unresolved_associations = true;
    return;
  }
  std::string subnet_id = RefId(graph, subnet);
  if (subnet_id.empty()) return;  // a subnet of another stack
  // An unknown or external table is recorded as "": the subnet's role is then unknown.
  model.subnet_route_table[subnet_id] = RefId(graph, table);
}

void LinkIngressRules(Model& model) {
  for (const IngressRule& rule : model.ingress_rules) {
    if (SecurityGroup* sg = MutableView(model.security_groups, rule.group)) {
      sg->ingress.push_back(&rule);
    }
  }
}

}  // namespace halint
