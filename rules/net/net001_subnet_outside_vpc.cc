#include "rules/net/net001_subnet_outside_vpc.h"

#include "rules/net/net_util.h"

namespace halint {

const RuleInfo& Net001SubnetOutsideVpc::info() const {
  static const RuleInfo kInfo{
      .id = "NET001",
      .slug = "subnet-outside-vpc",
      .title = "Each subnet's CIDR block lies inside its VPC's CIDR blocks",
      .severity = Severity::kError,
      .rationale =
          "A subnet's addresses must come from one of its VPC's CIDR blocks. A subnet block "
          "outside them makes the stack fail at deploy time (InvalidSubnet.Range) and roll "
          "back, usually after an address plan changed in one place but not the other: the "
          "network, and every tier waiting on it, never comes up.",
      .remediation =
          "Give the subnet a block inside the VPC's CidrBlock or one of its secondary "
          "blocks, ideally derived from it: CloudFormation CidrBlock: !Select [i, !Cidr "
          "[!GetAtt Vpc.CidrBlock, n, bits]], or add an AWS::EC2::VPCCidrBlock holding the "
          "range (and DependsOn it from the subnet); Ipv6CidrBlock inside the VPC's IPv6 "
          "block. Terraform: cidr_block = cidrsubnet(aws_vpc.main.cidr_block, newbits, i), "
          "or aws_vpc_ipv4_cidr_block_association.",
      .bad_example = R"yaml(Vpc:
  Type: AWS::EC2::VPC
  Properties: {CidrBlock: 10.0.0.0/16}
AppSubnet:
  Type: AWS::EC2::Subnet
  Properties: {VpcId: !Ref Vpc, CidrBlock: 10.1.0.0/24})yaml",
      .good_example = R"yaml(AppSubnet:
  Type: AWS::EC2::Subnet
  Properties:
    VpcId: !Ref Vpc
    CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]])yaml",
      .tags = {"reliability", "networking"},
  };
  return kInfo;
}

namespace {

void CheckFamily(const Subnet& subnet, const Vpc& vpc, bool ipv6, RuleContext& ctx) {
  const char* property = ipv6 ? "Ipv6CidrBlock" : "CidrBlock";
  const Value& value = ipv6 ? subnet.ipv6_cidr : subnet.cidr;
  std::optional<CidrBlock> block = BlockOf(value);
  if (!block || block->ipv6 != ipv6) return;
  VpcBlocks vpc_blocks = BlocksOf(vpc, ipv6);
  // An unknown block of the VPC may hold the subnet. A VPC with no IPv6 block in the
  // template may get one elsewhere (an association in another stack): not judged.
  if (!vpc_blocks.complete || vpc_blocks.blocks.empty()) return;
  for (const VpcBlock& b : vpc_blocks.blocks) {
    if (b.block.Contains(*block)) return;
  }
  const Resource& res = *subnet.res;
  std::string blocks = std::string(vpc_blocks.blocks.size() == 1 ? "the " : "any ") +
                       (ipv6 ? "IPv6 block" : "CIDR block");
  ctx.Report(res, PropertyPos(res, property), PropPath(res, property),
             Quote(res.id) + " " + PropName(res, property) + " " + value.string_value() +
                 " is not inside " + blocks + " of VPC " + Quote(vpc.res->id) + " (" +
                 JoinBlocks(vpc_blocks.blocks) + ")",
             {ctx.Related(*vpc.res, "the subnet's VPC")});
}

}  // namespace

void Net001SubnetOutsideVpc::Check(const Model& model, RuleContext& ctx) const {
  for (const auto& [id, subnet] : model.subnets) {
    const Vpc* vpc = model.vpc(subnet.vpc);
    if (!vpc) continue;
    CheckFamily(subnet, *vpc, false, ctx);
    CheckFamily(subnet, *vpc, true, ctx);
  }
}

}  // namespace halint
