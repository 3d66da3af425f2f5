// NET002 subnet-overlap: unit table over small templates.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/rules/rule_test_util.h"

namespace halint {
namespace {

struct Subnets {
  std::string_view a = "10.0.1.0/24";
  std::string_view b = "10.0.2.0/24";
  std::string_view a6 = "!Ref AWS::NoValue";
  std::string_view b6 = "!Ref AWS::NoValue";
  std::string_view condition_a = "# unconditional";
  std::string_view condition_b = "# unconditional";
  std::string_view b_vpc = "!Ref Vpc";
  std::string_view extra = "";
};

// Subnets 'A' (CidrBlock line 17, Ipv6CidrBlock 18) and 'B' (CidrBlock line 24,
// Ipv6CidrBlock 25) of VPC 10.0.0.0/16.
std::string Template(const Subnets& s) {
  return Substitute(R"(Parameters:
  Unknown:
    Type: String
Conditions:
  Maybe: !Equals [!Ref Unknown, "yes"]
  Other: !Not [!Condition Maybe]
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  A:
    Type: AWS::EC2::Subnet
    {COND_A}
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: {A}
      Ipv6CidrBlock: {A6}
  B:
    Type: AWS::EC2::Subnet
    {COND_B}
    Properties:
      VpcId: {BVPC}
      CidrBlock: {B}
      Ipv6CidrBlock: {B6}
{EXTRA}
)",
                    {{"{COND_A}", s.condition_a},
                     {"{A}", s.a},
                     {"{A6}", s.a6},
                     {"{COND_B}", s.condition_b},
                     {"{BVPC}", s.b_vpc},
                     {"{B}", s.b},
                     {"{B6}", s.b6},
                     {"{EXTRA}", s.extra}});
}

constexpr char kSame[] =
    "'B' CidrBlock 10.0.1.0/24 overlaps 10.0.1.0/24 of 'A' in VPC 'Vpc'; subnets of one VPC "
    "need disjoint blocks";

TEST(Net002SubnetOverlap, Table) {
  ExpectRuleTable(
      "NET002",
      {
          {"same block", Template({.b = "10.0.1.0/24"}), {{24, kSame}}},
          {"nested block",
           Template({.a = "10.0.0.0/23", .b = "10.0.1.0/24"}),
           {{24,
             "'B' CidrBlock 10.0.1.0/24 overlaps 10.0.0.0/23 of 'A' in VPC 'Vpc'; subnets of one "
             "VPC need disjoint blocks"}}},
          {"disjoint", Template({}), {}},
          {"adjacent", Template({.a = "10.0.0.0/24", .b = "10.0.1.0/24"}), {}},
          {"reported on the later-declared subnet, whatever its name",
           Template({.extra = "  AAA:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: "
                              "!Ref Vpc\n      CidrBlock: 10.0.2.128/25"}),
           {{30,
             "'AAA' CidrBlock 10.0.2.128/25 overlaps 10.0.2.0/24 of 'B' in VPC 'Vpc'; subnets of "
             "one VPC need disjoint blocks"}}},
          {"subnets of different VPCs",
           Template({.b = "10.0.1.0/24",
                     .b_vpc = "!Ref Vpc2",
                     .extra = "  Vpc2:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: "
                              "10.0.0.0/16"}),
           {}},
          {"B's VPC imported", Template({.b = "10.0.1.0/24", .b_vpc = "!ImportValue net-Vpc"}), {}},
          {"block absent", Template({.b = "!Ref AWS::NoValue"}), {}},
          {"block from a parameter without default", Template({.b = "!Ref Unknown"}), {}},
          {"block imported", Template({.b = "!ImportValue net-Cidr"}), {}},
          {"long form Fn::Cidr",
           Template(
               {.b =
                    R"({"Fn::Select": [1, {"Fn::Cidr": [{"Fn::GetAtt": ["Vpc", "CidrBlock"]}, 2, 8]}]})"}),
           {{24, kSame}}},
          {"short form Fn::Cidr, distinct indexes",
           Template({.a = "!Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 2, 8]]",
                     .b = "!Select [1, !Cidr [!GetAtt Vpc.CidrBlock, 2, 8]]"}),
           {}},
          {"mutually exclusive conditions",
           Template({.b = "10.0.1.0/24",
                     .condition_a = "Condition: Maybe",
                     .condition_b = "Condition: Other"}),
           {}},
          {"one subnet behind an unknown condition",
           Template({.b = "10.0.1.0/24", .condition_b = "Condition: Maybe"}),
           {}},
          {"both behind the same condition",
           Template({.b = "10.0.1.0/24",
                     .condition_a = "Condition: Maybe",
                     .condition_b = "Condition: Maybe"}),
           {{24, kSame}}},
          {"IPv6 blocks overlap",
           Template({.a6 = "2001:db8:0:1::/64", .b6 = "2001:db8::/63"}),
           {{25,
             "'B' Ipv6CidrBlock 2001:db8::/63 overlaps 2001:db8:0:1::/64 of 'A' in VPC 'Vpc'; "
             "subnets of one VPC need disjoint blocks"}}},
          {"IPv6 blocks disjoint",
           Template({.a6 = "2001:db8:0:1::/64", .b6 = "2001:db8::/64"}),
           {}},
      });
}

TEST(Net002SubnetOverlap, FindingRelatesTheEarlierSubnet) {
  std::vector<Finding> found = FindingsOf("NET002", Template({.b = "10.0.1.0/24"}));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].resource, "B");
  EXPECT_EQ(found[0].property_path, "Properties.CidrBlock");
  ASSERT_EQ(found[0].related.size(), 1u);
  EXPECT_EQ(found[0].related[0].resource, "A");
  EXPECT_EQ(found[0].related[0].message, "the earlier subnet it overlaps");
}

// Terraform: two subnets of one VPC; aws_subnet.b's cidr_block is on line 11.
std::string TfTemplate(std::string_view b) {
  return Substitute(R"({
  "resource": {
    "aws_vpc": {"main": {"cidr_block": "10.0.0.0/16"}},
    "aws_subnet": {
      "a": {
        "vpc_id": "${aws_vpc.main.id}",
        "cidr_block": "10.0.2.0/24"
      },
      "b": {
        "vpc_id": "${aws_vpc.main.id}",
        "cidr_block": {B}
      }
    }
  },
  "variable": {"b_cidr": {"type": "string"}}
})",
                    {{"{B}", b}});
}

TEST(Net002SubnetOverlap, Terraform) {
  auto lines = [](const std::string& text) { return LinesOfRule("NET002", text, "main.tf.json"); };
  EXPECT_EQ(lines(TfTemplate("\"10.0.2.0/25\"")),
            (FindingLines{{11,
                           "'aws_subnet.b' cidr_block 10.0.2.0/25 overlaps 10.0.2.0/24 of "
                           "'aws_subnet.a' in VPC 'aws_vpc.main'; subnets of one VPC need "
                           "disjoint blocks"}}));
  EXPECT_EQ(lines(TfTemplate("\"10.0.3.0/24\"")), FindingLines{});
  EXPECT_EQ(lines(TfTemplate("\"${var.b_cidr}\"")), FindingLines{});
}

}  // namespace
}  // namespace halint
