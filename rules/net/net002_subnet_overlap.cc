#include "rules/net/net002_subnet_overlap.h"

#include <algorithm>
#include <map>

#include "rules/net/net_util.h"

namespace halint {

const RuleInfo& Net002SubnetOverlap::info() const {
  static const RuleInfo kInfo{
      .id = "NET002",
      .slug = "subnet-overlap",
      .title = "No two subnets of one VPC overlap",
      .severity = Severity::kError,
      .rationale =
          "Subnets of one VPC must have disjoint blocks. An overlapping subnet fails at "
          "deploy time (InvalidSubnet.Conflict) and rolls the stack back; it is the typical "
          "result of copying a subnet for a new AZ without changing its block, which leaves "
          "the architecture in one AZ.",
      .remediation =
          "Give every subnet of the VPC its own block, best derived from one split of the "
          "VPC block so that they cannot collide: CloudFormation CidrBlock: !Select [i, !Cidr "
          "[!GetAtt Vpc.CidrBlock, n, bits]] with a different i per subnet; Terraform "
          "cidr_block = cidrsubnet(aws_vpc.main.cidr_block, newbits, i) with count.index or "
          "a distinct netnum per subnet. The same holds for Ipv6CidrBlock / "
          "ipv6_cidr_block.",
      .bad_example = R"yaml(PrivateA:
  Type: AWS::EC2::Subnet
  Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: !Select [0, !GetAZs '']}
PrivateB:
  Type: AWS::EC2::Subnet
  Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: !Select [1, !GetAZs '']})yaml",
      .good_example = R"yaml(PrivateB:
  Type: AWS::EC2::Subnet
  Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.3.0/24, AvailabilityZone: !Select [1, !GetAZs '']})yaml",
      .tags = {"reliability", "networking"},
  };
  return kInfo;
}

namespace {

struct Placed {
  const Subnet* subnet;
  CidrBlock block;
  const Value* value;
};

// Both subnets provably exist together: each is unconditional or behind a condition that
// could be evaluated, or both share one condition.
bool Coexist(const Resource& a, const Resource& b) {
  if (!a.condition_unknown && !b.condition_unknown) return true;
  return a.condition == b.condition;
}

}  // namespace

void Net002SubnetOverlap::Check(const Model& model, RuleContext& ctx) const {
  // VPC -> its subnets with a known block, per family.
  std::map<std::pair<std::string, bool>, std::vector<Placed>> by_vpc;
  for (const auto& [id, subnet] : model.subnets) {
    if (!model.vpc(subnet.vpc)) continue;
    for (const Value* v : {&subnet.cidr, &subnet.ipv6_cidr}) {
      if (std::optional<CidrBlock> b = BlockOf(*v)) {
        by_vpc[{subnet.vpc, b->ipv6}].push_back({&subnet, *b, v});
      }
    }
  }
  for (auto& [key, placed] : by_vpc) {
    // Declaration order: the graph keeps resources in document order.
    std::sort(placed.begin(), placed.end(),
              [](const Placed& a, const Placed& b) { return a.subnet->res < b.subnet->res; });
    for (size_t j = 1; j < placed.size(); ++j) {
      const Placed& later = placed[j];
      const Resource& res = *later.subnet->res;
      const char* property = later.block.ipv6 ? "Ipv6CidrBlock" : "CidrBlock";
      for (size_t i = 0; i < j; ++i) {
        const Placed& earlier = placed[i];
        if (!earlier.block.Overlaps(later.block)) continue;
        if (!Coexist(*earlier.subnet->res, res)) continue;
        ctx.Report(res, PropertyPos(res, property), PropPath(res, property),
                   Quote(res.id) + " " + PropName(res, property) + " " +
                       later.value->string_value() + " overlaps " + earlier.value->string_value() +
                       " of " + Quote(earlier.subnet->res->id) + " in VPC " + Quote(key.first) +
                       "; subnets of one VPC need disjoint blocks",
                   {ctx.Related(*earlier.subnet->res, "the earlier subnet it overlaps")});
      }
    }
  }
}

}  // namespace halint
