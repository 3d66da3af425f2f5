// NET004 peering-overlap: unit table over small templates.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/rules/rule_test_util.h"

namespace halint {
namespace {

struct Spec {
  std::string_view app = "10.0.0.0/16";
  std::string_view shared = "10.0.0.0/20";
  std::string_view peer = "!Ref SharedVpc";
  std::string_view condition = "# unconditional";
  std::string_view extra = "";
};

// VPCs 'AppVpc' and 'SharedVpc' and peering connection 'Peering' (PeerVpcId on line 20).
std::string Template(const Spec& s) {
  return Substitute(R"(Parameters:
  Unknown:
    Type: String
Conditions:
  Maybe: !Equals [!Ref Unknown, "yes"]
Resources:
  AppVpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: {APP}
  SharedVpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: {SHARED}
  Peering:
    Type: AWS::EC2::VPCPeeringConnection
    {CONDITION}
    Properties:
      VpcId: !Ref AppVpc
      PeerVpcId: {PEER}
{EXTRA}
)",
                    {{"{APP}", s.app},
                     {"{SHARED}", s.shared},
                     {"{CONDITION}", s.condition},
                     {"{PEER}", s.peer},
                     {"{EXTRA}", s.extra}});
}

std::string Block(std::string_view vpc, std::string_view props,
                  std::string_view condition = "# unconditional") {
  return Substitute(
      R"(  {VPC}Block:
    Type: AWS::EC2::VPCCidrBlock
    {CONDITION}
    Properties:
      VpcId: !Ref {VPC}
      {PROPS}
)",
      {{"{VPC}", vpc}, {"{CONDITION}", condition}, {"{VPC}", vpc}, {"{PROPS}", props}});
}

constexpr char kOverlap[] =
    "'Peering' peers VPC 'AppVpc' (10.0.0.0/16) with VPC 'SharedVpc' (10.0.0.0/20), whose "
    "blocks 10.0.0.0/16 and 10.0.0.0/20 overlap; peered VPCs need disjoint CIDR blocks";

TEST(Net004PeeringOverlap, Table) {
  ExpectRuleTable(
      "NET004",
      {
          {"overlapping primary blocks", Template({}), {{20, kOverlap}}},
          {"disjoint", Template({.shared = "10.1.0.0/16"}), {}},
          {"peer VPC outside the template", Template({.peer = "vpc-0123456789abcdef0"}), {}},
          {"peer VPC from a parameter without default", Template({.peer = "!Ref Unknown"}), {}},
          {"peer VPC imported", Template({.peer = "!ImportValue net-Vpc"}), {}},
          {"peer block unresolved", Template({.shared = "!Ref Unknown"}), {}},
          {"peer block absent (IPAM)", Template({.shared = "!Ref AWS::NoValue"}), {}},
          {"long form", Template({.peer = R"({"Ref": "SharedVpc"})"}), {{20, kOverlap}}},
          {"Fn::Cidr block",
           Template({.shared = R"({"Fn::Select": [0, {"Fn::Cidr": ["10.0.0.0/8", 2, 12]}]})"}),
           {{20, kOverlap}}},
          {"condition-gated peering: wrong whenever it is created",
           Template({.condition = "Condition: Maybe"}),
           {{20, kOverlap}}},
          {"overlapping secondary block",
           Template(
               {.shared = "10.1.0.0/16", .extra = Block("SharedVpc", "CidrBlock: 10.0.128.0/17")}),
           {{20,
             "'Peering' peers VPC 'AppVpc' (10.0.0.0/16) with VPC 'SharedVpc' (10.1.0.0/16, "
             "10.0.128.0/17), whose blocks 10.0.0.0/16 and 10.0.128.0/17 overlap; peered VPCs "
             "need disjoint CIDR blocks"}}},
          {"overlapping secondary block behind an unknown condition",
           Template({.shared = "10.1.0.0/16",
                     .extra = Block("SharedVpc", "CidrBlock: 10.0.128.0/17", "Condition: Maybe")}),
           {}},
          {"an unknown secondary block does not clear a proven overlap",
           Template({.extra = Block("SharedVpc", "CidrBlock: !Ref Unknown")}),
           {{20, kOverlap}}},
          {"IPv6 blocks overlap",
           Template(
               {.shared = "10.1.0.0/16",
                .extra =
                    Block("AppVpc", "Ipv6Pool: pool-1\n      Ipv6CidrBlock: 2001:db8::/56") +
                    Block("SharedVpc", "Ipv6Pool: pool-1\n      Ipv6CidrBlock: 2001:db8::/56")}),
           {{20,
             "'Peering' peers VPC 'AppVpc' (2001:db8::/56) with VPC 'SharedVpc' (2001:db8::/56), "
             "whose blocks 2001:db8::/56 and 2001:db8::/56 overlap; peered VPCs need disjoint CIDR "
             "blocks"}}},
          {"Amazon-provided IPv6 blocks are unique",
           Template({.shared = "10.1.0.0/16",
                     .extra = Block("AppVpc", "AmazonProvidedIpv6CidrBlock: true") +
                              Block("SharedVpc", "AmazonProvidedIpv6CidrBlock: true")}),
           {}},
      });
}

TEST(Net004PeeringOverlap, FindingRelatesBothVpcs) {
  std::vector<Finding> found = FindingsOf("NET004", Template({}));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].resource, "Peering");
  EXPECT_EQ(found[0].property_path, "Properties.PeerVpcId");
  ASSERT_EQ(found[0].related.size(), 2u);
  EXPECT_EQ(found[0].related[0].resource, "AppVpc");
  EXPECT_EQ(found[0].related[0].message, "the requester VPC (VpcId)");
  EXPECT_EQ(found[0].related[1].resource, "SharedVpc");
  EXPECT_EQ(found[0].related[1].message, "the accepter VPC (PeerVpcId)");
}

// Terraform: two VPCs peered (peer_vpc_id on line 9).
std::string TfTemplate(std::string_view shared) {
  return Substitute(R"({
  "resource": {
    "aws_vpc": {"app": {"cidr_block": "10.0.0.0/16"}, "shared": {"cidr_block": {SHARED}}},
    "aws_vpc_peering_connection": {
      "shared": {
        "vpc_id": "${aws_vpc.app.id}",
        "auto_accept": true,
        "peer_owner_id": "123456789012",
        "peer_vpc_id": "${aws_vpc.shared.id}"
      }
    }
  },
  "variable": {"shared_cidr": {"type": "string"}}
})",
                    {{"{SHARED}", shared}});
}

TEST(Net004PeeringOverlap, Terraform) {
  auto lines = [](const std::string& text) { return LinesOfRule("NET004", text, "main.tf.json"); };
  EXPECT_EQ(lines(TfTemplate("\"10.0.0.0/20\"")),
            (FindingLines{{9,
                           "'aws_vpc_peering_connection.shared' peers VPC 'aws_vpc.app' "
                           "(10.0.0.0/16) with VPC 'aws_vpc.shared' (10.0.0.0/20), whose blocks "
                           "10.0.0.0/16 and 10.0.0.0/20 overlap; peered VPCs need disjoint CIDR "
                           "blocks"}}));
  EXPECT_EQ(lines(TfTemplate("\"10.1.0.0/20\"")), FindingLines{});
  EXPECT_EQ(lines(TfTemplate("\"${var.shared_cidr}\"")), FindingLines{});
}

}  // namespace
}  // namespace halint
