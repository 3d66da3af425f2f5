#include "rules/net/net004_peering_overlap.h"

#include "rules/net/net_util.h"

namespace halint {

const RuleInfo& Net004PeeringOverlap::info() const {
  static const RuleInfo kInfo{
      .id = "NET004",
      .slug = "peering-overlap",
      .title = "Peered VPCs have non-overlapping CIDR blocks",
      .severity = Severity::kError,
      .rationale =
          "AWS refuses to peer VPCs whose CIDR blocks (primary or secondary, IPv4 or IPv6) "
          "overlap: the peering connection fails (OverlappingCidr) and routes to it can "
          "never be created, so the failover or shared-services path it was meant to "
          "provide does not exist.",
      .remediation =
          "Plan disjoint address ranges for VPCs that will be peered: change the CidrBlock "
          "of one AWS::EC2::VPC (or the AWS::EC2::VPCCidrBlock that overlaps), or connect "
          "them through a transit gateway with NAT instead. Terraform: the cidr_block of "
          "aws_vpc or aws_vpc_ipv4_cidr_block_association named by the "
          "aws_vpc_peering_connection's vpc_id and peer_vpc_id.",
      .bad_example = R"yaml(AppVpc:
  Type: AWS::EC2::VPC
  Properties: {CidrBlock: 10.0.0.0/16}
SharedVpc:
  Type: AWS::EC2::VPC
  Properties: {CidrBlock: 10.0.0.0/20}
Peering:
  Type: AWS::EC2::VPCPeeringConnection
  Properties: {VpcId: !Ref AppVpc, PeerVpcId: !Ref SharedVpc})yaml",
      .good_example = R"yaml(SharedVpc:
  Type: AWS::EC2::VPC
  Properties: {CidrBlock: 10.1.0.0/20})yaml",
      .tags = {"reliability", "networking"},
  };
  return kInfo;
}

void Net004PeeringOverlap::Check(const Model& model, RuleContext& ctx) const {
  for (const auto& [id, pcx] : model.peering_connections) {
    const Vpc* a = model.vpc(pcx.vpc);
    const Vpc* b = model.vpc(pcx.peer_vpc);
    if (!a || !b) continue;
    bool reported = false;
    for (bool ipv6 : {false, true}) {
      if (reported) break;
      // Unknown blocks cannot clear an overlap the known ones prove.
      VpcBlocks ours = BlocksOf(*a, ipv6);
      VpcBlocks theirs = BlocksOf(*b, ipv6);
      for (const VpcBlock& x : ours.blocks) {
        if (reported) break;
        for (const VpcBlock& y : theirs.blocks) {
          if (!x.certain || !y.certain || !x.block.Overlaps(y.block)) continue;
          const Resource& res = *pcx.res;
          ctx.Report(
              res, PropertyPos(res, "PeerVpcId"), PropPath(res, "PeerVpcId"),
              Quote(id) + " peers VPC " + Quote(a->res->id) + " (" + JoinBlocks(ours.blocks) +
                  ") with VPC " + Quote(b->res->id) + " (" + JoinBlocks(theirs.blocks) +
                  "), whose blocks " + x.block.ToString() + " and " + y.block.ToString() +
                  " overlap; peered VPCs need disjoint CIDR blocks",
              {ctx.Related(*a->res, "the requester VPC (" + PropName(res, "VpcId") + ")"),
               ctx.Related(*b->res, "the accepter VPC (" + PropName(res, "PeerVpcId") + ")")});
          reported = true;
          break;
        }
      }
    }
  }
}

}  // namespace halint
