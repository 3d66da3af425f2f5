#include "rules/ha/ha002_nat_per_az.h"

#include <map>
#include <set>

#include "rules/rule_util.h"

namespace halint {

const RuleInfo& Ha002NatPerAz::info() const {
  static const RuleInfo kInfo{
      .id = "HA002",
      .slug = "nat-per-az",
      .title = "Each AZ with private subnets has its own NAT gateway",
      .severity = Severity::kError,
      .rationale =
          "A NAT gateway lives in one Availability Zone. When private subnets in several AZs "
          "send their default route to one NAT gateway, an outage of that AZ cuts outbound "
          "internet access (package installs, AWS API calls, third-party APIs) in every AZ, "
          "turning a one-AZ failure into a regional one. A NAT gateway outside a public "
          "subnet cannot reach the internet at all.",
      .remediation =
          "Create one NAT gateway per AZ, each in a public subnet of that AZ, and give each "
          "AZ's private subnets their own route table whose 0.0.0.0/0 route targets the NAT "
          "gateway of the same AZ. CloudFormation: one AWS::EC2::NatGateway (SubnetId: the "
          "AZ's public subnet) and one AWS::EC2::RouteTable + AWS::EC2::Route (NatGatewayId) "
          "per AZ. Terraform: aws_nat_gateway with subnet_id per AZ and aws_route_table with "
          "route { nat_gateway_id } per AZ.",
      .bad_example = R"yaml(PrivateDefaultA:
  Type: AWS::EC2::Route
  Properties: {RouteTableId: !Ref PrivateRtA, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref NatA}
PrivateDefaultB:
  Type: AWS::EC2::Route
  Properties: {RouteTableId: !Ref PrivateRtB, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref NatA})yaml",
      .good_example = R"yaml(PrivateDefaultB:
  Type: AWS::EC2::Route
  Properties: {RouteTableId: !Ref PrivateRtB, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref NatB}
# NatB: an AWS::EC2::NatGateway in the public subnet of AZ B)yaml",
      .tags = {"reliability", "networking"},
  };
  return kInfo;
}

namespace {

struct Served {
  const RouteTable* table;
  const Subnet* subnet;
};

}  // namespace

void Ha002NatPerAz::Check(const Model& model, RuleContext& ctx) const {
  // NAT gateway -> the private subnets whose default route targets it.
  std::map<std::string, std::vector<Served>> served;
  for (const auto& [id, subnet] : model.subnets) {
    const RouteTable* rt = Model::Get(model.route_tables, subnet.route_table);
    if (!rt || rt->role != SubnetRole::kPrivate || !rt->default_route) continue;
    if (rt->default_route->target != RouteTarget::kNatGateway) continue;
    if (!model.nat_gateways.count(rt->default_route->target_id)) continue;
    served[rt->default_route->target_id].push_back({rt, &subnet});
  }

  for (const auto& [id, nat] : model.nat_gateways) {
    const Subnet* home = model.subnet(nat.subnet);
    if (home && !nat.private_connectivity &&
        (home->role == SubnetRole::kPrivate || home->role == SubnetRole::kIsolated)) {
      ctx.Report(*nat.res, PropertyPos(*nat.res, "SubnetId"), PropPath(*nat.res, "SubnetId"),
                 Quote(id) + " is in " + std::string(SubnetRoleName(home->role)) + " subnet " +
                     Quote(home->res->id) +
                     ", which has no route to an internet gateway; a public NAT gateway must "
                     "sit in a public subnet",
                 {ctx.Related(*home->res, "the NAT gateway's subnet")});
    }

    auto it = served.find(id);
    if (it == served.end()) continue;
    std::vector<AzKey> keys;
    for (const Served& s : it->second) keys.push_back(s.subnet->az);
    std::optional<std::vector<AzKey>> azs = DistinctAzs(keys);
    if (!azs) continue;
    AzKey nat_az = home ? home->az : AzKey();
    // Subnets stranded when the NAT gateway's AZ fails: those provably elsewhere.
    std::vector<std::string> stranded;
    std::vector<RelatedLocation> related;
    std::set<std::string> tables;
    for (const Served& s : it->second) {
      if (s.subnet->az.DifferentFrom(nat_az)) stranded.push_back(s.subnet->res->id);
      if (tables.insert(s.table->res->id).second) {
        related.push_back(
            ctx.Related(*s.table->res, "route table whose default route targets " + Quote(id)));
      }
      related.push_back(ctx.Related(*s.subnet->res, "private subnet in " + s.subnet->az.Label() +
                                                        " routed through " + Quote(id) + " by " +
                                                        Quote(s.table->res->id)));
    }
    std::string losers = stranded.empty()
                             ? "the subnets in the other AZs lose"
                             : JoinQuoted(stranded) + (stranded.size() == 1 ? " loses" : " lose");
    if (azs->size() >= 2) {
      std::string failing = nat_az.known() ? nat_az.Label() : "its AZ";
      ctx.Report(*nat.res, nat.res->pos, "",
                 Quote(id) + " serves private subnets in " + std::to_string(azs->size()) +
                     " AZs (" + JoinAzLabels(*azs) + "); if " + failing + " fails, " + losers +
                     " outbound access",
                 std::move(related));
    } else if (!stranded.empty() && nat_az.known()) {
      ctx.Report(*nat.res, nat.res->pos, "",
                 Quote(id) + " in " + nat_az.Label() + " serves private subnets only in " +
                     azs->front().Label() + "; if " + nat_az.Label() + " fails, " + losers +
                     " outbound access",
                 std::move(related));
    }
  }
}

}  // namespace halint
