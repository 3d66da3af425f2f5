// SEC003 app-tier-private over small templates: a VPC with a public, a private (NAT) and an
// isolated subnet, an ALB, and an ASG of app servers; each row changes a few lines.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "tests/rules/rule_test_util.h"

namespace halint {
namespace {

// Each {PLACEHOLDER} is one line (or part of one), so line numbers do not depend on the row.
constexpr std::string_view kTemplate = R"(AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Unknown:
    Type: String
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  Never: !Equals [a, b]
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  Igw:
    Type: AWS::EC2::InternetGateway
  IgwAttachment:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}
  PublicRt:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref Vpc}
  PublicRoute:
    Type: AWS::EC2::Route
    Properties: {RouteTableId: !Ref PublicRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}
  PublicSubnet1:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24}
  PublicSubnet2:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}
  PublicAssoc1:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref PublicSubnet1, RouteTableId: !Ref PublicRt}
  PublicAssoc2:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref PublicSubnet2, RouteTableId: !Ref PublicRt}
  NatEip:
    Type: AWS::EC2::EIP
    Properties: {Domain: vpc}
  Nat:
    Type: AWS::EC2::NatGateway
    Properties: {AllocationId: !GetAtt NatEip.AllocationId, SubnetId: !Ref PublicSubnet1}
  PrivateRt:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref Vpc}
  PrivateRoute:
    Type: AWS::EC2::Route
    Properties: {RouteTableId: !Ref PrivateRt, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat}
  PrivateSubnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.10.0/24
      MapPublicIpOnLaunch: {MAP}
  PrivateAssoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref PrivateSubnet, RouteTableId: !Ref PrivateRt}
  IsolatedSubnet:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.20.0/24}
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      {SCHEME}
      Subnets: {ALB_SUBNETS}
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: {VpcId: !Ref Vpc, Port: 8080, Protocol: HTTP}
  Lt:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        {LT_DATA}
  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    {ASG_CONDITION}
    Properties:
      MinSize: "2"
      MaxSize: "2"
      TargetGroupARNs: [!Ref Tg]
      {ASG_LAUNCH_TEMPLATE}
      VPCZoneIdentifier: {ASG_SUBNETS}
)";

using Subst = std::map<std::string, std::string>;

std::string Template(const Subst& row) {
  Subst s = {
      {"MAP", "false"},
      {"SCHEME", "Scheme: internet-facing"},
      {"ALB_SUBNETS", "[!Ref PublicSubnet1, !Ref PublicSubnet2]"},
      {"LT_DATA", "ImageId: ami-12345678"},
      {"ASG_CONDITION", "DependsOn: Tg"},
      {"ASG_SUBNETS", "[!Ref PrivateSubnet]"},
      {"ASG_LAUNCH_TEMPLATE", "LaunchTemplate: {LaunchTemplateId: !Ref Lt, Version: \"1\"}"}};
  for (const auto& [k, v] : row) s[k] = v;
  std::string out(kTemplate);
  for (const auto& [k, v] : s) {
    std::string key = "{" + k + "}";
    out.replace(out.find(key), key.size(), v);
  }
  return out;
}

struct Row {
  const char* name;
  Subst subst;
  std::vector<std::string> expected;  // Describe() of the findings
};

const char kAsgInPublic[] =
    "'Asg' (AWS::AutoScaling::AutoScalingGroup) places app-tier instances in public subnet "
    "'PublicSubnet1' (default route to an internet gateway); app servers belong in private "
    "subnets";
const char kLtPublicIp[] =
    "'Lt' (AWS::EC2::LaunchTemplate) sets AssociatePublicIpAddress true: its app-tier "
    "instances get public IPs; app servers should have none";
const char kSubnetMapsIp[] =
    "'PrivateSubnet' (AWS::EC2::Subnet) sets MapPublicIpOnLaunch true and hosts app-tier "
    "compute: its instances get public IPs; app subnets should not assign them";

std::string AlbIn(std::string_view role, std::string_view subnet) {
  return "internet-facing 'Alb' (AWS::ElasticLoadBalancingV2::LoadBalancer) is in " +
         std::string(role) + " subnet '" + std::string(subnet) +
         "', which has no route to an internet gateway: clients cannot reach it";
}

class Sec003Table : public testing::TestWithParam<Row> {};

TEST_P(Sec003Table, ReportsExactly) {
  const Row& row = GetParam();
  EXPECT_EQ(Describe(FindingsOf("SEC003", Template(row.subst))), row.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Sec003, Sec003Table,
    testing::Values(
        Row{"ReferenceLayoutPasses", {}, {}},
        Row{"AsgInPublicSubnet",
            {{"ASG_SUBNETS", "[!Ref PrivateSubnet, !Ref PublicSubnet1]"}},
            {std::string("82:47 Asg: ") + kAsgInPublic}},
        Row{"LaunchTemplatePublicIp",
            {{"LT_DATA", "NetworkInterfaces: [{DeviceIndex: 0, AssociatePublicIpAddress: true}]"}},
            {std::string("73:46 Lt: ") + kLtPublicIp}},
        Row{"LaunchTemplatePublicIpFalse",
            {{"LT_DATA", "NetworkInterfaces: [{DeviceIndex: 0, AssociatePublicIpAddress: false}]"}},
            {}},
        Row{"LaunchTemplatePublicIpUnresolved",
            {{"LT_DATA",
              "NetworkInterfaces: [{DeviceIndex: 0, AssociatePublicIpAddress: !Ref Unknown}]"}},
            {}},
        Row{"SubnetMapsPublicIpForAppServers",
            {{"MAP", "true"}},
            {std::string("54:28 PrivateSubnet: ") + kSubnetMapsIp}},
        Row{"SubnetMapsPublicIpButLaunchTemplateOptsOut",
            {{"MAP", "true"},
             {"LT_DATA", "NetworkInterfaces: [{DeviceIndex: 0, AssociatePublicIpAddress: false}]"}},
            {}},
        Row{"SubnetMapsPublicIpButLaunchTemplateImported",
            {{"MAP", "true"},
             {"ASG_LAUNCH_TEMPLATE",
              "LaunchTemplate: {LaunchTemplateId: !ImportValue app-lt, Version: \"1\"}"}},
            {}},
        Row{"SubnetMapsPublicIpUnresolved", {{"MAP", "!Ref Unknown"}}, {}},
        Row{"SchemeAbsentIsInternetFacing",
            {{"SCHEME", "Type: application"},
             {"ALB_SUBNETS", "[!Ref PrivateSubnet, !Ref IsolatedSubnet]"}},
            {"65:17 Alb: " + AlbIn("private", "PrivateSubnet"),
             "65:37 Alb: " + AlbIn("isolated", "IsolatedSubnet")}},
        Row{"InternalAlbInPrivateSubnetsPasses",
            {{"SCHEME", "Scheme: internal"}, {"ALB_SUBNETS", "[!Ref PrivateSubnet]"}},
            {}},
        Row{"SchemeUnresolved",
            {{"SCHEME", "Scheme: !Ref Unknown"}, {"ALB_SUBNETS", "[!Ref PrivateSubnet]"}},
            {}},
        Row{"AsgSubnetsImported",
            {{"ASG_SUBNETS", "[!ImportValue public-a, !ImportValue public-b]"}},
            {}},
        Row{"AsgSubnetsUnresolvedParameter", {{"ASG_SUBNETS", "[!Ref Unknown]"}}, {}},
        Row{"AsgBehindFalseCondition",
            {{"ASG_CONDITION", "Condition: Never"}, {"ASG_SUBNETS", "[!Ref PublicSubnet1]"}},
            {}},
        Row{"AsgBehindUnknownCondition",
            {{"ASG_CONDITION", "Condition: IsProd"},
             {"ASG_SUBNETS", "[!Ref PublicSubnet1]"},
             {"MAP", "true"}},
            {}}),
    [](const testing::TestParamInfo<Row>& info) { return std::string(info.param.name); });

TEST(Sec003, PropertyPathsNameTheListItem) {
  std::vector<Finding> findings =
      FindingsOf("SEC003", Template({{"ASG_SUBNETS", "[!Ref PrivateSubnet, !Ref PublicSubnet1]"},
                                     {"ALB_SUBNETS", "[!Ref PublicSubnet1, !Ref PrivateSubnet]"}}));
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].property_path, "Properties.Subnets[1]");
  EXPECT_EQ(findings[1].property_path, "Properties.VPCZoneIdentifier[1]");
}

// A target-group instance in a public subnet and an ECS service with a public IP, written
// with short-form tags in YAML and long-form intrinsics in JSON.
TEST(Sec003, InstanceAndEcsServiceSameInBothSyntaxes) {
  constexpr std::string_view kYaml = R"(Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  Igw: {Type: AWS::EC2::InternetGateway}
  Rt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  Route:
    Type: AWS::EC2::Route
    Properties: {RouteTableId: !Ref Rt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}
  Public: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24}}
  Assoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref Public, RouteTableId: !Ref Rt}
  Web:
    Type: AWS::EC2::Instance
    Properties: {ImageId: ami-12345678, SubnetId: !Ref Public}
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: {Port: 80, Protocol: HTTP, Targets: [{Id: !Ref Web}]}
  Service:
    Type: AWS::ECS::Service
    Properties:
      LoadBalancers: [{ContainerName: web, ContainerPort: 80, TargetGroupArn: !Ref Tg}]
      NetworkConfiguration:
        AwsvpcConfiguration: {AssignPublicIp: ENABLED, Subnets: [subnet-1]}
)";
  constexpr std::string_view kJson = R"({"Resources": {
  "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
  "Igw": {"Type": "AWS::EC2::InternetGateway"},
  "Rt": {"Type": "AWS::EC2::RouteTable", "Properties": {"VpcId": {"Ref": "Vpc"}}},
  "Route": {"Type": "AWS::EC2::Route", "Properties": {"RouteTableId": {"Ref": "Rt"},
    "DestinationCidrBlock": "0.0.0.0/0", "GatewayId": {"Ref": "Igw"}}},
  "Public": {"Type": "AWS::EC2::Subnet",
    "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.0.0.0/24"}},
  "Assoc": {"Type": "AWS::EC2::SubnetRouteTableAssociation",
    "Properties": {"SubnetId": {"Ref": "Public"}, "RouteTableId": {"Ref": "Rt"}}},
  "Web": {"Type": "AWS::EC2::Instance",
    "Properties": {"ImageId": "ami-12345678", "SubnetId": {"Ref": "Public"}}},
  "Tg": {"Type": "AWS::ElasticLoadBalancingV2::TargetGroup",
    "Properties": {"Port": 80, "Protocol": "HTTP", "Targets": [{"Id": {"Ref": "Web"}}]}},
  "Service": {"Type": "AWS::ECS::Service", "Properties": {
    "LoadBalancers": [{"ContainerName": "web", "ContainerPort": 80,
                       "TargetGroupArn": {"Ref": "Tg"}}],
    "NetworkConfiguration": {"AwsvpcConfiguration": {"AssignPublicIp": "ENABLED",
                                                     "Subnets": ["subnet-1"]}}}}
}})";
  const std::vector<std::string> expected = {
      "Web: 'Web' (AWS::EC2::Instance) places an app-tier instance in public subnet 'Public' "
      "(default route to an internet gateway); app servers belong in private subnets",
      "Service: 'Service' (AWS::ECS::Service) sets AssignPublicIp ENABLED: its app-tier tasks "
      "get public IPs; app tasks should have none"};
  EXPECT_EQ(Messages(FindingsOf("SEC003", kYaml)), expected);
  EXPECT_EQ(Messages(FindingsOf("SEC003", kJson)), expected);
}

// Terraform `.tf.json` twins of the table rows, read alone as a module of one file.
TEST(Sec003, Terraform) {
  const std::vector<TfCase> cases = {
      {"ASG in private subnets, ALB in public subnets",
       R"json({
 "data": {"aws_availability_zones": {"available": {"state": "available"}}},
 "resource": {
  "aws_vpc": {
   "main": {"cidr_block": "10.0.0.0/16"}
  },
  "aws_internet_gateway": {
   "igw": {"vpc_id": "${aws_vpc.main.id}"}
  },
  "aws_subnet": {
   "pub": {"count": 2, "vpc_id": "${aws_vpc.main.id}", "cidr_block": "10.0.${count.index}.0/24", "availability_zone": "${data.aws_availability_zones.available.names[count.index]}"},
   "priv": {"count": 2, "vpc_id": "${aws_vpc.main.id}", "cidr_block": "10.0.${count.index + 10}.0/24", "availability_zone": "${data.aws_availability_zones.available.names[count.index]}"}
  },
  "aws_route_table": {
   "pub": {"vpc_id": "${aws_vpc.main.id}", "route": [{"carrier_gateway_id": null, "cidr_block": "0.0.0.0/0", "core_network_arn": null, "destination_prefix_list_id": null, "egress_only_gateway_id": null, "gateway_id": "${aws_internet_gateway.igw.id}", "ipv6_cidr_block": null, "local_gateway_id": null, "nat_gateway_id": null, "network_interface_id": null, "transit_gateway_id": null, "vpc_endpoint_id": null, "vpc_peering_connection_id": null}]},
   "priv": {"count": 2, "vpc_id": "${aws_vpc.main.id}", "route": [{"carrier_gateway_id": null, "cidr_block": "0.0.0.0/0", "core_network_arn": null, "destination_prefix_list_id": null, "egress_only_gateway_id": null, "gateway_id": null, "ipv6_cidr_block": null, "local_gateway_id": null, "nat_gateway_id": "${aws_nat_gateway.nat[count.index].id}", "network_interface_id": null, "transit_gateway_id": null, "vpc_endpoint_id": null, "vpc_peering_connection_id": null}]}
  },
  "aws_route_table_association": {
   "pub": {"count": 2, "subnet_id": "${aws_subnet.pub[count.index].id}", "route_table_id": "${aws_route_table.pub.id}"},
   "priv": {"count": 2, "subnet_id": "${aws_subnet.priv[count.index].id}", "route_table_id": "${aws_route_table.priv[count.index].id}"}
  },
  "aws_nat_gateway": {
   "nat": {"count": 2, "allocation_id": "eipalloc-1", "subnet_id": "${aws_subnet.pub[count.index].id}"}
  },
  "aws_lb_target_group": {
   "tg": {"port": 80, "protocol": "HTTP", "vpc_id": "${aws_vpc.main.id}"}
  },
  "aws_launch_template": {
   "lt": {"image_id": "ami-1"}
  },
  "aws_autoscaling_group": {
   "asg": {"min_size": 2, "max_size": 2, "vpc_zone_identifier": "${aws_subnet.priv[*].id}", "target_group_arns": ["${aws_lb_target_group.tg.arn}"], "launch_template": [{"id": "${aws_launch_template.lt.id}", "version": "$Latest"}]}
  },
  "aws_lb": {
   "lb": {"internal": false, "subnets": "${aws_subnet.pub[*].id}"}
  }
 }
})json",
       {}},
      {"ASG in public subnets (splat)",
       R"json({
 "data": {"aws_availability_zones": {"available": {"state": "available"}}},
 "resource": {
  "aws_vpc": {
   "main": {"cidr_block": "10.0.0.0/16"}
  },
  "aws_internet_gateway": {
   "igw": {"vpc_id": "${aws_vpc.main.id}"}
  },
  "aws_subnet": {
   "pub": {"count": 2, "vpc_id": "${aws_vpc.main.id}", "cidr_block": "10.0.${count.index}.0/24", "availability_zone": "${data.aws_availability_zones.available.names[count.index]}"},
   "priv": {"count": 2, "vpc_id": "${aws_vpc.main.id}", "cidr_block": "10.0.${count.index + 10}.0/24", "availability_zone": "${data.aws_availability_zones.available.names[count.index]}"}
  },
  "aws_route_table": {
   "pub": {"vpc_id": "${aws_vpc.main.id}", "route": [{"carrier_gateway_id": null, "cidr_block": "0.0.0.0/0", "core_network_arn": null, "destination_prefix_list_id": null, "egress_only_gateway_id": null, "gateway_id": "${aws_internet_gateway.igw.id}", "ipv6_cidr_block": null, "local_gateway_id": null, "nat_gateway_id": null, "network_interface_id": null, "transit_gateway_id": null, "vpc_endpoint_id": null, "vpc_peering_connection_id": null}]},
   "priv": {"count": 2, "vpc_id": "${aws_vpc.main.id}", "route": [{"carrier_gateway_id": null, "cidr_block": "0.0.0.0/0", "core_network_arn": null, "destination_prefix_list_id": null, "egress_only_gateway_id": null, "gateway_id": null, "ipv6_cidr_block": null, "local_gateway_id": null, "nat_gateway_id": "${aws_nat_gateway.nat[count.index].id}", "network_interface_id": null, "transit_gateway_id": null, "vpc_endpoint_id": null, "vpc_peering_connection_id": null}]}
  },
  "aws_route_table_association": {
   "pub": {"count": 2, "subnet_id": "${aws_subnet.pub[count.index].id}", "route_table_id": "${aws_route_table.pub.id}"},
   "priv": {"count": 2, "subnet_id": "${aws_subnet.priv[count.index].id}", "route_table_id": "${aws_route_table.priv[count.index].id}"}
  },
  "aws_nat_gateway": {
   "nat": {"count": 2, "allocation_id": "eipalloc-1", "subnet_id": "${aws_subnet.pub[count.index].id}"}
  },
  "aws_lb_target_group": {
   "tg": {"port": 80, "protocol": "HTTP", "vpc_id": "${aws_vpc.main.id}"}
  },
  "aws_launch_template": {
   "lt": {"image_id": "ami-1"}
  },
  "aws_autoscaling_group": {
   "asg": {"min_size": 2, "max_size": 2, "vpc_zone_identifier": "${aws_subnet.pub[*].id}", "target_group_arns": ["${aws_lb_target_group.tg.arn}"], "launch_template": [{"id": "${aws_launch_template.lt.id}", "version": "$Latest"}]}
  },
  "aws_lb": {
   "lb": {"internal": false, "subnets": "${aws_subnet.pub[*].id}"}
  }
 }
})json",
       {"32:65 aws_autoscaling_group.asg: 'aws_autoscaling_group.asg' (aws_autoscaling_group) "
        "places app-tier instances in public subnet 'aws_subnet.pub[0]' (default route to an "
        "internet gateway); app servers belong in private subnets",
        "32:65 aws_autoscaling_group.asg: 'aws_autoscaling_group.asg' (aws_autoscaling_group) "
        "places app-tier instances in public subnet 'aws_subnet.pub[1]' (default route to an "
        "internet gateway); app servers belong in private subnets"}},
      {"ASG subnets from a variable without default: unknown",
       R"json({
 "data": {"aws_availability_zones": {"available": {"state": "available"}}},
 "variable": {"subnets": {"type": "list(string)"}},
 "resource": {
  "aws_vpc": {
   "main": {"cidr_block": "10.0.0.0/16"}
  },
  "aws_internet_gateway": {
   "igw": {"vpc_id": "${aws_vpc.main.id}"}
  },
  "aws_subnet": {
   "pub": {"count": 2, "vpc_id": "${aws_vpc.main.id}", "cidr_block": "10.0.${count.index}.0/24", "availability_zone": "${data.aws_availability_zones.available.names[count.index]}"},
   "priv": {"count": 2, "vpc_id": "${aws_vpc.main.id}", "cidr_block": "10.0.${count.index + 10}.0/24", "availability_zone": "${data.aws_availability_zones.available.names[count.index]}"}
  },
  "aws_route_table": {
   "pub": {"vpc_id": "${aws_vpc.main.id}", "route": [{"carrier_gateway_id": null, "cidr_block": "0.0.0.0/0", "core_network_arn": null, "destination_prefix_list_id": null, "egress_only_gateway_id": null, "gateway_id": "${aws_internet_gateway.igw.id}", "ipv6_cidr_block": null, "local_gateway_id": null, "nat_gateway_id": null, "network_interface_id": null, "transit_gateway_id": null, "vpc_endpoint_id": null, "vpc_peering_connection_id": null}]},
   "priv": {"count": 2, "vpc_id": "${aws_vpc.main.id}", "route": [{"carrier_gateway_id": null, "cidr_block": "0.0.0.0/0", "core_network_arn": null, "destination_prefix_list_id": null, "egress_only_gateway_id": null, "gateway_id": null, "ipv6_cidr_block": null, "local_gateway_id": null, "nat_gateway_id": "${aws_nat_gateway.nat[count.index].id}", "network_interface_id": null, "transit_gateway_id": null, "vpc_endpoint_id": null, "vpc_peering_connection_id": null}]}
  },
  "aws_route_table_association": {
   "pub": {"count": 2, "subnet_id": "${aws_subnet.pub[count.index].id}", "route_table_id": "${aws_route_table.pub.id}"},
   "priv": {"count": 2, "subnet_id": "${aws_subnet.priv[count.index].id}", "route_table_id": "${aws_route_table.priv[count.index].id}"}
  },
  "aws_nat_gateway": {
   "nat": {"count": 2, "allocation_id": "eipalloc-1", "subnet_id": "${aws_subnet.pub[count.index].id}"}
  },
  "aws_lb_target_group": {
   "tg": {"port": 80, "protocol": "HTTP", "vpc_id": "${aws_vpc.main.id}"}
  },
  "aws_launch_template": {
   "lt": {"image_id": "ami-1"}
  },
  "aws_autoscaling_group": {
   "asg": {"min_size": 2, "max_size": 2, "vpc_zone_identifier": "${var.subnets}", "target_group_arns": ["${aws_lb_target_group.tg.arn}"], "launch_template": [{"id": "${aws_launch_template.lt.id}", "version": "$Latest"}]}
  },
  "aws_lb": {
   "lb": {"internal": false, "subnets": "${aws_subnet.pub[*].id}"}
  }
 }
})json",
       {}},
      {"internal absent: internet-facing ALB in private subnets",
       R"json({
 "data": {"aws_availability_zones": {"available": {"state": "available"}}},
 "resource": {
  "aws_vpc": {
   "main": {"cidr_block": "10.0.0.0/16"}
  },
  "aws_internet_gateway": {
   "igw": {"vpc_id": "${aws_vpc.main.id}"}
  },
  "aws_subnet": {
   "pub": {"count": 2, "vpc_id": "${aws_vpc.main.id}", "cidr_block": "10.0.${count.index}.0/24", "availability_zone": "${data.aws_availability_zones.available.names[count.index]}"},
   "priv": {"count": 2, "vpc_id": "${aws_vpc.main.id}", "cidr_block": "10.0.${count.index + 10}.0/24", "availability_zone": "${data.aws_availability_zones.available.names[count.index]}"}
  },
  "aws_route_table": {
   "pub": {"vpc_id": "${aws_vpc.main.id}", "route": [{"carrier_gateway_id": null, "cidr_block": "0.0.0.0/0", "core_network_arn": null, "destination_prefix_list_id": null, "egress_only_gateway_id": null, "gateway_id": "${aws_internet_gateway.igw.id}", "ipv6_cidr_block": null, "local_gateway_id": null, "nat_gateway_id": null, "network_interface_id": null, "transit_gateway_id": null, "vpc_endpoint_id": null, "vpc_peering_connection_id": null}]},
   "priv": {"count": 2, "vpc_id": "${aws_vpc.main.id}", "route": [{"carrier_gateway_id": null, "cidr_block": "0.0.0.0/0", "core_network_arn": null, "destination_prefix_list_id": null, "egress_only_gateway_id": null, "gateway_id": null, "ipv6_cidr_block": null, "local_gateway_id": null, "nat_gateway_id": "${aws_nat_gateway.nat[count.index].id}", "network_interface_id": null, "transit_gateway_id": null, "vpc_endpoint_id": null, "vpc_peering_connection_id": null}]}
  },
  "aws_route_table_association": {
   "pub": {"count": 2, "subnet_id": "${aws_subnet.pub[count.index].id}", "route_table_id": "${aws_route_table.pub.id}"},
   "priv": {"count": 2, "subnet_id": "${aws_subnet.priv[count.index].id}", "route_table_id": "${aws_route_table.priv[count.index].id}"}
  },
  "aws_nat_gateway": {
   "nat": {"count": 2, "allocation_id": "eipalloc-1", "subnet_id": "${aws_subnet.pub[count.index].id}"}
  },
  "aws_lb_target_group": {
   "tg": {"port": 80, "protocol": "HTTP", "vpc_id": "${aws_vpc.main.id}"}
  },
  "aws_launch_template": {
   "lt": {"image_id": "ami-1"}
  },
  "aws_autoscaling_group": {
   "asg": {"min_size": 2, "max_size": 2, "vpc_zone_identifier": "${aws_subnet.priv[*].id}", "target_group_arns": ["${aws_lb_target_group.tg.arn}"], "launch_template": [{"id": "${aws_launch_template.lt.id}", "version": "$Latest"}]}
  },
  "aws_lb": {
   "lb": {"subnets": "${aws_subnet.priv[*].id}"}
  }
 }
})json",
       {"35:22 aws_lb.lb: internet-facing 'aws_lb.lb' (aws_lb) is in private subnet "
        "'aws_subnet.priv[0]', which has no route to an internet gateway: clients cannot reach it",
        "35:22 aws_lb.lb: internet-facing 'aws_lb.lb' (aws_lb) is in private subnet "
        "'aws_subnet.priv[1]', which has no route to an internet gateway: clients cannot reach "
        "it"}},
      {"internal true in private subnets",
       R"json({
 "data": {"aws_availability_zones": {"available": {"state": "available"}}},
 "resource": {
  "aws_vpc": {
   "main": {"cidr_block": "10.0.0.0/16"}
  },
  "aws_internet_gateway": {
   "igw": {"vpc_id": "${aws_vpc.main.id}"}
  },
  "aws_subnet": {
   "pub": {"count": 2, "vpc_id": "${aws_vpc.main.id}", "cidr_block": "10.0.${count.index}.0/24", "availability_zone": "${data.aws_availability_zones.available.names[count.index]}"},
   "priv": {"count": 2, "vpc_id": "${aws_vpc.main.id}", "cidr_block": "10.0.${count.index + 10}.0/24", "availability_zone": "${data.aws_availability_zones.available.names[count.index]}"}
  },
  "aws_route_table": {
   "pub": {"vpc_id": "${aws_vpc.main.id}", "route": [{"carrier_gateway_id": null, "cidr_block": "0.0.0.0/0", "core_network_arn": null, "destination_prefix_list_id": null, "egress_only_gateway_id": null, "gateway_id": "${aws_internet_gateway.igw.id}", "ipv6_cidr_block": null, "local_gateway_id": null, "nat_gateway_id": null, "network_interface_id": null, "transit_gateway_id": null, "vpc_endpoint_id": null, "vpc_peering_connection_id": null}]},
   "priv": {"count": 2, "vpc_id": "${aws_vpc.main.id}", "route": [{"carrier_gateway_id": null, "cidr_block": "0.0.0.0/0", "core_network_arn": null, "destination_prefix_list_id": null, "egress_only_gateway_id": null, "gateway_id": null, "ipv6_cidr_block": null, "local_gateway_id": null, "nat_gateway_id": "${aws_nat_gateway.nat[count.index].id}", "network_interface_id": null, "transit_gateway_id": null, "vpc_endpoint_id": null, "vpc_peering_connection_id": null}]}
  },
  "aws_route_table_association": {
   "pub": {"count": 2, "subnet_id": "${aws_subnet.pub[count.index].id}", "route_table_id": "${aws_route_table.pub.id}"},
   "priv": {"count": 2, "subnet_id": "${aws_subnet.priv[count.index].id}", "route_table_id": "${aws_route_table.priv[count.index].id}"}
  },
  "aws_nat_gateway": {
   "nat": {"count": 2, "allocation_id": "eipalloc-1", "subnet_id": "${aws_subnet.pub[count.index].id}"}
  },
  "aws_lb_target_group": {
   "tg": {"port": 80, "protocol": "HTTP", "vpc_id": "${aws_vpc.main.id}"}
  },
  "aws_launch_template": {
   "lt": {"image_id": "ami-1"}
  },
  "aws_autoscaling_group": {
   "asg": {"min_size": 2, "max_size": 2, "vpc_zone_identifier": "${aws_subnet.priv[*].id}", "target_group_arns": ["${aws_lb_target_group.tg.arn}"], "launch_template": [{"id": "${aws_launch_template.lt.id}", "version": "$Latest"}]}
  },
  "aws_lb": {
   "lb": {"internal": true, "subnets": "${aws_subnet.priv[*].id}"}
  }
 }
})json",
       {}},
      {"launch template grants a public IP",
       R"json({
 "data": {"aws_availability_zones": {"available": {"state": "available"}}},
 "resource": {
  "aws_vpc": {
   "main": {"cidr_block": "10.0.0.0/16"}
  },
  "aws_internet_gateway": {
   "igw": {"vpc_id": "${aws_vpc.main.id}"}
  },
  "aws_subnet": {
   "pub": {"count": 2, "vpc_id": "${aws_vpc.main.id}", "cidr_block": "10.0.${count.index}.0/24", "availability_zone": "${data.aws_availability_zones.available.names[count.index]}"},
   "priv": {"count": 2, "vpc_id": "${aws_vpc.main.id}", "cidr_block": "10.0.${count.index + 10}.0/24", "availability_zone": "${data.aws_availability_zones.available.names[count.index]}"}
  },
  "aws_route_table": {
   "pub": {"vpc_id": "${aws_vpc.main.id}", "route": [{"carrier_gateway_id": null, "cidr_block": "0.0.0.0/0", "core_network_arn": null, "destination_prefix_list_id": null, "egress_only_gateway_id": null, "gateway_id": "${aws_internet_gateway.igw.id}", "ipv6_cidr_block": null, "local_gateway_id": null, "nat_gateway_id": null, "network_interface_id": null, "transit_gateway_id": null, "vpc_endpoint_id": null, "vpc_peering_connection_id": null}]},
   "priv": {"count": 2, "vpc_id": "${aws_vpc.main.id}", "route": [{"carrier_gateway_id": null, "cidr_block": "0.0.0.0/0", "core_network_arn": null, "destination_prefix_list_id": null, "egress_only_gateway_id": null, "gateway_id": null, "ipv6_cidr_block": null, "local_gateway_id": null, "nat_gateway_id": "${aws_nat_gateway.nat[count.index].id}", "network_interface_id": null, "transit_gateway_id": null, "vpc_endpoint_id": null, "vpc_peering_connection_id": null}]}
  },
  "aws_route_table_association": {
   "pub": {"count": 2, "subnet_id": "${aws_subnet.pub[count.index].id}", "route_table_id": "${aws_route_table.pub.id}"},
   "priv": {"count": 2, "subnet_id": "${aws_subnet.priv[count.index].id}", "route_table_id": "${aws_route_table.priv[count.index].id}"}
  },
  "aws_nat_gateway": {
   "nat": {"count": 2, "allocation_id": "eipalloc-1", "subnet_id": "${aws_subnet.pub[count.index].id}"}
  },
  "aws_lb_target_group": {
   "tg": {"port": 80, "protocol": "HTTP", "vpc_id": "${aws_vpc.main.id}"}
  },
  "aws_launch_template": {
   "lt": {"image_id": "ami-1", "network_interfaces": [{"associate_public_ip_address": "true"}]}
  },
  "aws_autoscaling_group": {
   "asg": {"min_size": 2, "max_size": 2, "vpc_zone_identifier": "${aws_subnet.priv[*].id}", "target_group_arns": ["${aws_lb_target_group.tg.arn}"], "launch_template": [{"id": "${aws_launch_template.lt.id}", "version": "$Latest"}]}
  },
  "aws_lb": {
   "lb": {"internal": false, "subnets": "${aws_subnet.pub[*].id}"}
  }
 }
})json",
       {"29:56 aws_launch_template.lt: 'aws_launch_template.lt' (aws_launch_template) sets "
        "associate_public_ip_address true: its app-tier instances get public IPs; app servers "
        "should have none"}},
      {"app subnet maps public IPs on launch",
       R"json({
 "data": {"aws_availability_zones": {"available": {"state": "available"}}},
 "resource": {
  "aws_vpc": {
   "main": {"cidr_block": "10.0.0.0/16"}
  },
  "aws_internet_gateway": {
   "igw": {"vpc_id": "${aws_vpc.main.id}"}
  },
  "aws_subnet": {
   "pub": {"count": 2, "vpc_id": "${aws_vpc.main.id}", "cidr_block": "10.0.${count.index}.0/24", "availability_zone": "${data.aws_availability_zones.available.names[count.index]}"},
   "priv": {"count": 2, "vpc_id": "${aws_vpc.main.id}", "cidr_block": "10.0.${count.index + 10}.0/24", "map_public_ip_on_launch": true, "availability_zone": "${data.aws_availability_zones.available.names[count.index]}"}
  },
  "aws_route_table": {
   "pub": {"vpc_id": "${aws_vpc.main.id}", "route": [{"carrier_gateway_id": null, "cidr_block": "0.0.0.0/0", "core_network_arn": null, "destination_prefix_list_id": null, "egress_only_gateway_id": null, "gateway_id": "${aws_internet_gateway.igw.id}", "ipv6_cidr_block": null, "local_gateway_id": null, "nat_gateway_id": null, "network_interface_id": null, "transit_gateway_id": null, "vpc_endpoint_id": null, "vpc_peering_connection_id": null}]},
   "priv": {"count": 2, "vpc_id": "${aws_vpc.main.id}", "route": [{"carrier_gateway_id": null, "cidr_block": "0.0.0.0/0", "core_network_arn": null, "destination_prefix_list_id": null, "egress_only_gateway_id": null, "gateway_id": null, "ipv6_cidr_block": null, "local_gateway_id": null, "nat_gateway_id": "${aws_nat_gateway.nat[count.index].id}", "network_interface_id": null, "transit_gateway_id": null, "vpc_endpoint_id": null, "vpc_peering_connection_id": null}]}
  },
  "aws_route_table_association": {
   "pub": {"count": 2, "subnet_id": "${aws_subnet.pub[count.index].id}", "route_table_id": "${aws_route_table.pub.id}"},
   "priv": {"count": 2, "subnet_id": "${aws_subnet.priv[count.index].id}", "route_table_id": "${aws_route_table.priv[count.index].id}"}
  },
  "aws_nat_gateway": {
   "nat": {"count": 2, "allocation_id": "eipalloc-1", "subnet_id": "${aws_subnet.pub[count.index].id}"}
  },
  "aws_lb_target_group": {
   "tg": {"port": 80, "protocol": "HTTP", "vpc_id": "${aws_vpc.main.id}"}
  },
  "aws_launch_template": {
   "lt": {"image_id": "ami-1"}
  },
  "aws_autoscaling_group": {
   "asg": {"min_size": 2, "max_size": 2, "vpc_zone_identifier": "${aws_subnet.priv[*].id}", "target_group_arns": ["${aws_lb_target_group.tg.arn}"], "launch_template": [{"id": "${aws_launch_template.lt.id}", "version": "$Latest"}]}
  },
  "aws_lb": {
   "lb": {"internal": false, "subnets": "${aws_subnet.pub[*].id}"}
  }
 }
})json",
       {"12:131 aws_subnet.priv[0]: 'aws_subnet.priv[0]' (aws_subnet) sets map_public_ip_on_launch "
        "true and hosts app-tier compute: its instances get public IPs; app subnets should not "
        "assign them",
        "12:131 aws_subnet.priv[1]: 'aws_subnet.priv[1]' (aws_subnet) sets map_public_ip_on_launch "
        "true and hosts app-tier compute: its instances get public IPs; app subnets should not "
        "assign them"}},
  };
  ExpectTfCases("SEC003", cases);
}

}  // namespace
}  // namespace halint
