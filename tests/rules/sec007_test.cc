// SEC007 db-subnet-exposure over a small VPC with one public, one NAT-routed and one isolated
// subnet; the DB subnet group's SubnetIds vary per row.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/rules/rule_test_util.h"

namespace halint {
namespace {

// The subnet group's SubnetIds is on line 16.
constexpr std::string_view kTemplate = R"(AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  SubnetParam:
    Type: AWS::EC2::Subnet::Id
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  DbSubnets:
    Type: {GROUP_TYPE}
    {GROUP_CONDITION}
    Properties:
      DBSubnetGroupDescription: db
      Description: db
      SubnetIds: {SUBNETS}
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  Igw:
    Type: AWS::EC2::InternetGateway
  IgwAttach:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}
  PublicRt:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref Vpc}
  PublicRoute:
    Type: AWS::EC2::Route
    Properties: {RouteTableId: !Ref PublicRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}
  Nat:
    Type: AWS::EC2::NatGateway
    Properties: {SubnetId: !Ref PublicA, AllocationId: eipalloc-1}
  PrivateRt:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref Vpc}
  PrivateRoute:
    Type: AWS::EC2::Route
    Properties: {RouteTableId: !Ref PrivateRt, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat}
  IsolatedRt:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref Vpc}
  PublicA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24}
  PublicB:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}
  PrivateA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24}
  IsolatedA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.3.0/24}
  IsolatedB:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.4.0/24}
  UnassociatedA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.5.0/24}
  PublicAAssoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref PublicA, RouteTableId: !Ref PublicRt}
  PublicBAssoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref PublicB, RouteTableId: !Ref PublicRt}
  PrivateAAssoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref PrivateA, RouteTableId: !Ref PrivateRt}
  IsolatedAAssoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref IsolatedA, RouteTableId: !Ref IsolatedRt}
  IsolatedBAssoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref IsolatedB, RouteTableId: !Ref IsolatedRt}
)";

struct Row {
  const char* name;
  const char* subnets;
  std::vector<std::string> expected;  // "severity line:column: message"
  const char* group_type = "AWS::RDS::DBSubnetGroup";
  const char* group_condition = "Metadata: {}";
};

std::vector<std::string> RunRow(const Row& row) {
  std::string text = Substitute(std::string(kTemplate), {{"{GROUP_TYPE}", row.group_type},
                                                         {"{GROUP_CONDITION}", row.group_condition},
                                                         {"{SUBNETS}", row.subnets}});
  std::vector<std::string> out;
  for (const Finding& f : FindingsOf("SEC007", text)) {
    out.push_back(std::string(SeverityName(f.severity)) + " " + std::to_string(f.pos.line) + ":" +
                  std::to_string(f.pos.column) + ": " + f.message);
  }
  return out;
}

constexpr char kPublic[] =
    "error 16:19: 'DbSubnets' (AWS::RDS::DBSubnetGroup) SubnetIds include public subnets "
    "'PublicA' and 'PublicB' (default route to an internet gateway); expected isolated subnets "
    "with no default route";
constexpr char kPrivate[] =
    "warning 16:47: 'DbSubnets' (AWS::RDS::DBSubnetGroup) SubnetIds include private subnet "
    "'PrivateA' (default route to a NAT gateway); expected isolated subnets with no default "
    "route";

class Sec007Table : public testing::TestWithParam<Row> {};

TEST_P(Sec007Table, ReportsExactly) { EXPECT_EQ(RunRow(GetParam()), GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(
    Sec007, Sec007Table,
    testing::Values(
        Row{"PublicSubnetsAreAnError", "[!Ref PublicA, !Ref PublicB]", {kPublic}},
        Row{"NatSubnetIsAWarning",
            "[!Ref IsolatedA, !Ref PrivateA]",
            {"warning 16:35: 'DbSubnets' (AWS::RDS::DBSubnetGroup) SubnetIds include private "
             "subnet 'PrivateA' (default route to a NAT gateway); expected isolated subnets with "
             "no default route"}},
        Row{"BothKinds", "[!Ref PublicA, !Ref PublicB, !Ref PrivateA]", {kPublic, kPrivate}},
        Row{"IsolatedSubnetsPass", "[!Ref IsolatedA, !Ref IsolatedB]", {}},
        Row{"MainRouteTableIsIsolated", "[!Ref IsolatedA, !Ref UnassociatedA]", {}},
        Row{"UnresolvedSubnetParameter", "[!Ref SubnetParam, !ImportValue db-subnet]", {}},
        Row{"LiteralSubnetIdsAreUnknown", "[subnet-1, subnet-2]", {}},
        Row{"LongFormRefs", "[{\"Ref\": \"PublicA\"}, {\"Ref\": \"PublicB\"}]", {kPublic}},
        Row{"ElastiCacheSubnetGroup",
            "[!Ref PrivateA]",
            {"warning 16:19: 'DbSubnets' (AWS::ElastiCache::SubnetGroup) SubnetIds include "
             "private subnet 'PrivateA' (default route to a NAT gateway); expected isolated "
             "subnets with no default route"},
            "AWS::ElastiCache::SubnetGroup"},
        Row{"UnknownConditionGroupIsReported",
            "[!Ref PublicA, !Ref PublicB]",
            {kPublic},
            "AWS::RDS::DBSubnetGroup",
            "Condition: IsProd"}),
    [](const testing::TestParamInfo<Row>& info) { return std::string(info.param.name); });

// A default route behind an unknown condition does not prove the subnet public.
TEST(Sec007, ConditionalRouteIsUnknown) {
  std::string text =
      Substitute(std::string(kTemplate), {{"{GROUP_TYPE}", "AWS::RDS::DBSubnetGroup"},
                                          {"{GROUP_CONDITION}", "Metadata: {}"},
                                          {"{SUBNETS}", "[!Ref IsolatedA]"}});
  text +=
      "  MaybeRoute:\n"
      "    Type: AWS::EC2::Route\n"
      "    Condition: IsProd\n"
      "    Properties: {RouteTableId: !Ref IsolatedRt, DestinationCidrBlock: 0.0.0.0/0, "
      "GatewayId: !Ref Igw}\n";
  EXPECT_EQ(FindingsOf("SEC007", text).size(), 0u);
}

// Terraform: inline route blocks and aws_route, aws_db_subnet_group and
// aws_elasticache_subnet_group.
TEST(Sec007, Terraform) {
  constexpr std::string_view kTf = R"({
  "resource": {
    "aws_vpc": {"v": {"cidr_block": "10.0.0.0/16"}},
    "aws_internet_gateway": {"igw": {"vpc_id": "${aws_vpc.v.id}"}},
    "aws_nat_gateway": {"nat": {"subnet_id": "${aws_subnet.pub.id}", "allocation_id": "eipalloc-1"}},
    "aws_subnet": {
      "pub": {"vpc_id": "${aws_vpc.v.id}", "cidr_block": "10.0.0.0/24"},
      "priv": {"vpc_id": "${aws_vpc.v.id}", "cidr_block": "10.0.1.0/24"},
      "iso": {"vpc_id": "${aws_vpc.v.id}", "cidr_block": "10.0.2.0/24"}
    },
    "aws_route_table": {
      "pub": {"vpc_id": "${aws_vpc.v.id}",
              "route": [{"cidr_block": "0.0.0.0/0", "gateway_id": "${aws_internet_gateway.igw.id}"}]},
      "priv": {"vpc_id": "${aws_vpc.v.id}"},
      "iso": {"vpc_id": "${aws_vpc.v.id}"}
    },
    "aws_route": {
      "nat": {"route_table_id": "${aws_route_table.priv.id}", "destination_cidr_block": "0.0.0.0/0",
              "nat_gateway_id": "${aws_nat_gateway.nat.id}"}
    },
    "aws_route_table_association": {
      "pub": {"subnet_id": "${aws_subnet.pub.id}", "route_table_id": "${aws_route_table.pub.id}"},
      "priv": {"subnet_id": "${aws_subnet.priv.id}", "route_table_id": "${aws_route_table.priv.id}"},
      "iso": {"subnet_id": "${aws_subnet.iso.id}", "route_table_id": "${aws_route_table.iso.id}"}
    },
    "aws_db_subnet_group": {
      "db": {"subnet_ids": ["${aws_subnet.iso.id}", "${aws_subnet.pub.id}"]},
      "ok": {"subnet_ids": ["${aws_subnet.iso.id}"]}
    },
    "aws_elasticache_subnet_group": {"cache": {"subnet_ids": ["${aws_subnet.priv.id}"]}}
  }
})";
  std::vector<std::string> got;
  for (const Finding& f : FindingsOf("SEC007", kTf, "main.tf.json")) {
    got.push_back(std::string(SeverityName(f.severity)) + " " + f.message);
  }
  EXPECT_EQ(got,
            (std::vector<std::string>{
                "error 'aws_db_subnet_group.db' (aws_db_subnet_group) subnet_ids include public "
                "subnet 'aws_subnet.pub' (default route to an internet gateway); expected "
                "isolated subnets with no default route",
                "warning 'aws_elasticache_subnet_group.cache' (aws_elasticache_subnet_group) "
                "subnet_ids include private subnet 'aws_subnet.priv' (default route to a NAT "
                "gateway); expected isolated subnets with no default route"}));
}

}  // namespace
}  // namespace halint
