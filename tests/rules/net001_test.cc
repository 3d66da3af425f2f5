// NET001 subnet-outside-vpc: unit table over small templates.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/rules/rule_test_util.h"

namespace halint {
namespace {

// A VPC (CidrBlock `vpc`) and subnet 'Subnet' (CidrBlock on line 16, Ipv6CidrBlock on line
// 17); `extra` is appended to the resources.
std::string Template(std::string_view vpc, std::string_view cidr,
                     std::string_view ipv6 = "!Ref AWS::NoValue", std::string_view extra = "",
                     std::string_view condition = "# unconditional") {
  return Substitute(R"(Parameters:
  Unknown:
    Type: String
Conditions:
  Maybe: !Equals [!Ref Unknown, "yes"]
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: {VPC}
  Subnet:
    Type: AWS::EC2::Subnet
    {CONDITION}
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: {CIDR}
      Ipv6CidrBlock: {IPV6}
{EXTRA}
)",
                    {{"{VPC}", vpc},
                     {"{CONDITION}", condition},
                     {"{CIDR}", cidr},
                     {"{IPV6}", ipv6},
                     {"{EXTRA}", extra}});
}

std::string Secondary(std::string_view props, std::string_view condition = "# unconditional") {
  return Substitute(R"(  Secondary:
    Type: AWS::EC2::VPCCidrBlock
    {CONDITION}
    Properties:
      VpcId: !Ref Vpc
      {PROPS})",
                    {{"{CONDITION}", condition}, {"{PROPS}", props}});
}

constexpr char kOutside[] =
    "'Subnet' CidrBlock 10.1.0.0/24 is not inside the CIDR block of VPC 'Vpc' (10.0.0.0/16)";

TEST(Net001SubnetOutsideVpc, Table) {
  ExpectRuleTable(
      "NET001",
      {
          {"outside", Template("10.0.0.0/16", "10.1.0.0/24"), {{16, kOutside}}},
          {"inside", Template("10.0.0.0/16", "10.0.1.0/24"), {}},
          {"the whole VPC block", Template("10.0.0.0/16", "10.0.0.0/16"), {}},
          {"larger than the VPC",
           Template("10.0.0.0/16", "10.0.0.0/15"),
           {{16,
             "'Subnet' CidrBlock 10.0.0.0/15 is not inside the CIDR block of VPC 'Vpc' "
             "(10.0.0.0/16)"}}},
          {"subnet block absent", Template("10.0.0.0/16", "!Ref AWS::NoValue"), {}},
          {"subnet block from a parameter without default",
           Template("10.0.0.0/16", "!Ref Unknown"),
           {}},
          {"subnet block imported", Template("10.0.0.0/16", "!ImportValue net-SubnetCidr"), {}},
          {"VPC block unresolved", Template("!Ref Unknown", "10.1.0.0/24"), {}},
          {"long form",
           Template(R"({"Fn::Join": ["", ["10.0", ".0.0/16"]]})", "10.1.0.0/24"),
           {{16, kOutside}}},
          {"Fn::Cidr of the VPC block",
           Template("10.0.0.0/16", "!Select [1, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]"),
           {}},
          {"Fn::Cidr of another block, long form",
           Template("10.0.0.0/16", R"({"Fn::Select": [0, {"Fn::Cidr": ["10.1.0.0/16", 2, 8]}]})"),
           {{16, kOutside}}},
          {"inside a secondary block",
           Template("10.0.0.0/16", "10.1.0.0/24", "!Ref AWS::NoValue",
                    Secondary("CidrBlock: 10.1.0.0/16")),
           {}},
          {"outside the primary and the secondary block",
           Template("10.0.0.0/16", "10.1.0.0/24", "!Ref AWS::NoValue",
                    Secondary("CidrBlock: 10.2.0.0/16")),
           {{16,
             "'Subnet' CidrBlock 10.1.0.0/24 is not inside any CIDR block of VPC 'Vpc' "
             "(10.0.0.0/16, 10.2.0.0/16)"}}},
          {"a secondary block from a parameter may hold it",
           Template("10.0.0.0/16", "10.1.0.0/24", "!Ref AWS::NoValue",
                    Secondary("CidrBlock: !Ref Unknown")),
           {}},
          {"a secondary block from IPAM may hold it",
           Template("10.0.0.0/16", "10.1.0.0/24", "!Ref AWS::NoValue",
                    Secondary("Ipv4IpamPoolId: ipam-pool-0123456789abcdef0")),
           {}},
          {"condition-gated secondary block holding it",
           Template("10.0.0.0/16", "10.1.0.0/24", "!Ref AWS::NoValue",
                    Secondary("CidrBlock: 10.1.0.0/16", "Condition: Maybe")),
           {}},
          {"condition-gated subnet outside: wrong whenever it is created",
           Template("10.0.0.0/16", "10.1.0.0/24", "!Ref AWS::NoValue", "", "Condition: Maybe"),
           {{16, kOutside}}},
          {"IPv6 inside the VPC's IPv6 block",
           Template("10.0.0.0/16", "10.0.1.0/24", "2001:db8:0:1::/64", "", "DependsOn: Secondary") +
               Secondary("Ipv6Pool: pool-1\n      Ipv6CidrBlock: 2001:db8::/56"),
           {}},
          {"IPv6 outside the VPC's IPv6 block",
           Template("10.0.0.0/16", "10.0.1.0/24", "2001:db8:1::/64", "", "DependsOn: Secondary") +
               Secondary("Ipv6Pool: pool-1\n      Ipv6CidrBlock: 2001:db8::/56"),
           {{17,
             "'Subnet' Ipv6CidrBlock 2001:db8:1::/64 is not inside the IPv6 block of VPC 'Vpc' "
             "(2001:db8::/56)"}}},
          {"IPv6 with an Amazon-provided VPC block: unknown",
           Template("10.0.0.0/16", "10.0.1.0/24", "2001:db8:1::/64", "", "DependsOn: Secondary") +
               Secondary("AmazonProvidedIpv6CidrBlock: true"),
           {}},
          {"IPv6 subnet in a VPC without IPv6 block in the template: not judged",
           Template("10.0.0.0/16", "10.0.1.0/24", "2001:db8:1::/64"),
           {}},
          {"IPv6 from Fn::Cidr of the Amazon-provided block: unknown",
           Template("10.0.0.0/16", "10.0.1.0/24",
                    "!Select [1, !Cidr [!Select [0, !GetAtt Vpc.Ipv6CidrBlocks], 4, 64]]", "",
                    "DependsOn: Secondary") +
               Secondary("AmazonProvidedIpv6CidrBlock: true"),
           {}},
      });
}

TEST(Net001SubnetOutsideVpc, FindingPointsAtThePropertyAndRelatesTheVpc) {
  std::vector<Finding> found = FindingsOf("NET001", Template("10.0.0.0/16", "10.1.0.0/24"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].resource, "Subnet");
  EXPECT_EQ(found[0].pos.column, 7u);
  EXPECT_EQ(found[0].property_path, "Properties.CidrBlock");
  ASSERT_EQ(found[0].related.size(), 1u);
  EXPECT_EQ(found[0].related[0].resource, "Vpc");
  EXPECT_EQ(found[0].related[0].message, "the subnet's VPC");
}

// Terraform: a VPC with an IPv6 block from a pool and subnet aws_subnet.app (cidr_block on
// line 13, ipv6_cidr_block on line 14).
std::string TfTemplate(std::string_view cidr, std::string_view ipv6 = "null") {
  return Substitute(R"({
  "resource": {
    "aws_vpc": {
      "main": {
        "cidr_block": "10.20.0.0/16",
        "ipv6_ipam_pool_id": "ipam-pool-0123456789abcdef0",
        "ipv6_cidr_block": "2001:db8:1200::/56"
      }
    },
    "aws_subnet": {
      "app": {
        "vpc_id": "${aws_vpc.main.id}",
        "cidr_block": {CIDR},
        "ipv6_cidr_block": {IPV6}
      }
    }
  },
  "variable": {"subnet_cidr": {"type": "string"}}
})",
                    {{"{CIDR}", cidr}, {"{IPV6}", ipv6}});
}

TEST(Net001SubnetOutsideVpc, Terraform) {
  auto lines = [](const std::string& text) { return LinesOfRule("NET001", text, "main.tf.json"); };
  EXPECT_EQ(lines(TfTemplate("\"10.10.1.0/24\"")),
            (FindingLines{{13,
                           "'aws_subnet.app' cidr_block 10.10.1.0/24 is not inside the CIDR "
                           "block of VPC 'aws_vpc.main' (10.20.0.0/16)"}}));
  EXPECT_EQ(lines(TfTemplate("\"10.20.1.0/24\"")), FindingLines{});
  EXPECT_EQ(lines(TfTemplate("\"${var.subnet_cidr}\"")), FindingLines{});
  EXPECT_EQ(lines(TfTemplate("\"10.20.1.0/24\"", "\"2001:db8:1300::/64\"")),
            (FindingLines{{14,
                           "'aws_subnet.app' ipv6_cidr_block 2001:db8:1300::/64 is not inside "
                           "the IPv6 block of VPC 'aws_vpc.main' (2001:db8:1200::/56)"}}));
  EXPECT_EQ(lines(TfTemplate("\"10.20.1.0/24\"", "\"2001:db8:1200:1::/64\"")), FindingLines{});
}

}  // namespace
}  // namespace halint
