#include "rules/sec/sec007_db_subnet_exposure.h"

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule_util.h"

namespace halint {

const RuleInfo& Sec007DbSubnetExposure::info() const {
  static const RuleInfo kInfo{
      .id = "SEC007",
      .slug = "db-subnet-exposure",
      .title = "DB subnet groups use isolated subnets",
      .severity = Severity::kWarning,
      .rationale =
          "Database subnets with a default route to an internet gateway put the database one "
          "PubliclyAccessible flag or security-group rule away from the internet; a default "
          "route to a NAT gateway lets a compromised database send data anywhere. Isolated "
          "DB subnets (no default route) contain both mistakes.",
      .remediation =
          "Give the subnet group its own subnets associated with a route table that has no "
          "0.0.0.0/0 or ::/0 route. CloudFormation: SubnetIds of AWS::RDS::DBSubnetGroup / "
          "AWS::ElastiCache::SubnetGroup naming subnets whose "
          "AWS::EC2::SubnetRouteTableAssociation "
          "points at such a table. Terraform: subnet_ids of aws_db_subnet_group / "
          "aws_elasticache_subnet_group.",
      .bad_example = R"yaml(DbSubnets:
  Type: AWS::RDS::DBSubnetGroup
  Properties:
    SubnetIds: [!Ref PublicSubnetA, !Ref PublicSubnetB]   # route 0.0.0.0/0 to the IGW)yaml",
      .good_example = R"yaml(DbSubnets:
  Type: AWS::RDS::DBSubnetGroup
  Properties:
    SubnetIds: [!Ref DbSubnetA, !Ref DbSubnetB]   # route table with only the local route)yaml",
      .tags = {"security", "networking"},
  };
  return kInfo;
}

namespace {

bool IsNatEgress(RouteTarget t) {
  return t == RouteTarget::kNatGateway || t == RouteTarget::kNatInstance ||
         t == RouteTarget::kEgressOnlyGateway;
}

std::string TargetLabel(RouteTarget t) {
  switch (t) {
    case RouteTarget::kInternetGateway:
      return "an internet gateway";
    case RouteTarget::kNatInstance:
      return "a NAT instance";
    case RouteTarget::kEgressOnlyGateway:
      return "an egress-only internet gateway";
    default:
      return "a NAT gateway";
  }
}

// The certain default route of `rt` to a NAT gateway, NAT instance or egress-only gateway.
const Route* NatDefaultRoute(const RouteTable& rt) {
  for (const Route& r : rt.routes) {
    if (r.certain && (r.IsDefaultIpv4() || r.IsDefaultIpv6()) && IsNatEgress(r.target)) return &r;
  }
  return nullptr;
}

// The subnets of one group that share one kind of exposure.
struct Exposed {
  std::vector<std::string> subnets;
  std::vector<RelatedLocation> related;
  const Value* first = nullptr;
  size_t first_index = 0;
  std::string target;                // what the first subnet's default route leads to
  std::set<const Resource*> routes;  // each route is a related location once

  void Add(RuleContext& ctx, const Subnet& s, const Route& route, const Value& item, size_t index) {
    std::string what = TargetLabel(route.target);
    if (!first) {
      first = &item;
      first_index = index;
      target = what;
    }
    subnets.push_back(s.res->id);
    related.push_back(ctx.Related(*s.res, Quote(s.res->id) + " has a default route to " + what));
    if (routes.insert(route.declared_by).second) {
      related.push_back(ctx.Related(*route.declared_by, "the default route to " + what));
    }
  }
};

// One finding for the group's subnets of one role, at the first of them. Public subnets are
// errors; NAT-routed ones take the rule's severity (warning). A --severity override
// applies to both.
void ReportExposed(RuleContext& ctx, const SubnetGroup& g, Exposed& e, bool as_error,
                   std::string_view role) {
  if (e.subnets.empty()) return;
  const Resource& res = *g.res;
  SourcePos pos = PosOr(*e.first, PosOr(g.subnets_value, res.pos));
  std::string path = PropPath(res, "SubnetIds") + "[" + std::to_string(e.first_index) + "]";
  std::string message = Quote(res.id) + " (" + res.type + ") " + PropName(res, "SubnetIds") +
                        " include " + std::string(role) +
                        (e.subnets.size() == 1 ? " subnet " : " subnets ") + JoinQuoted(e.subnets) +
                        " (default route to " + e.target +
                        "); expected isolated subnets with no default route";
  if (as_error) {
    ctx.ReportWithSeverity(Severity::kError, res, pos, std::move(path), std::move(message),
                           std::move(e.related));
  } else {
    ctx.Report(res, pos, std::move(path), std::move(message), std::move(e.related));
  }
}

}  // namespace

void Sec007DbSubnetExposure::Check(const Model& model, RuleContext& ctx) const {
  for (const auto& [id, g] : model.subnet_groups) {
    Exposed igw, nat;
    for (size_t i = 0; i < g.subnet_items.size(); ++i) {
      const Value& item = g.subnet_items[i];
      const Subnet* s = model.SubnetOf(item);
      if (!s) continue;
      const RouteTable* rt = Model::Get(model.route_tables, s->route_table);
      if (!rt) continue;
      if (s->role == SubnetRole::kPublic && rt->default_route) {
        igw.Add(ctx, *s, *rt->default_route, item, i);
      } else if (s->role == SubnetRole::kPrivate) {
        if (const Route* r = NatDefaultRoute(*rt)) nat.Add(ctx, *s, *r, item, i);
      }
    }
    ReportExposed(ctx, g, igw, /*as_error=*/true, "public");
    ReportExposed(ctx, g, nat, /*as_error=*/false, "private");
  }
}

}  // namespace halint
