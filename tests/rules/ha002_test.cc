// HA002 nat-per-az: unit table over small templates.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "tests/rules/rule_test_util.h"

namespace halint {
namespace {

using Lines = std::vector<std::pair<uint32_t, std::string>>;

Lines LinesOf(std::string_view text) {
  Lines out;
  for (const Finding& f : FindingsOf("HA002", text)) out.emplace_back(f.pos.line, f.message);
  return out;
}

// A VPC with a public subnet P (AZ `public_az`) holding NAT gateway Nat (line 27), and two
// private subnets A and B (AZs `az_a`, `az_b`) whose table routes 0.0.0.0/0 to `target`.
// `nat_extra` is appended to the NAT gateway's properties.
std::string Template(const std::string& public_az, const std::string& az_a, const std::string& az_b,
                     const std::string& target = "NatGatewayId: !Ref Nat",
                     const std::string& nat_subnet = "!Ref P", const std::string& extra = "") {
  return R"(Parameters:
  Az:
    Type: AWS::EC2::AvailabilityZone::Name
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  Igw:
    Type: AWS::EC2::InternetGateway
  PublicRt:
    Type: AWS::EC2::RouteTable
    Properties:
      VpcId: !Ref Vpc
  PublicDefault:
    Type: AWS::EC2::Route
    Properties:
      RouteTableId: !Ref PublicRt
      DestinationCidrBlock: 0.0.0.0/0
      GatewayId: !Ref Igw
  PAssoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties:
      SubnetId: !Ref P
      RouteTableId: !Ref PublicRt
  Nat:
    Type: AWS::EC2::NatGateway
    Properties:
      SubnetId: )" +
         nat_subnet + "\n" + extra + R"(  PrivateRt:
    Type: AWS::EC2::RouteTable
    Properties:
      VpcId: !Ref Vpc
  PrivateDefault:
    Type: AWS::EC2::Route
    Properties:
      RouteTableId: !Ref PrivateRt
      DestinationCidrBlock: 0.0.0.0/0
      )" +
         target +
         R"(
  AAssoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties:
      SubnetId: !Ref A
      RouteTableId: !Ref PrivateRt
  BAssoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties:
      SubnetId: !Ref B
      RouteTableId: !Ref PrivateRt
  P:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.0.0/24
      AvailabilityZone: )" +
         public_az + R"(
  A:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.1.0/24
      AvailabilityZone: )" +
         az_a + R"(
  B:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.2.0/24
      AvailabilityZone: )" +
         az_b + "\n";
}

struct Case {
  const char* name;
  std::string text;
  Lines expected;
};

constexpr char kTwoAzs[] =
    "'Nat' serves private subnets in 2 AZs (AZ 0, AZ 1); if AZ 0 fails, 'B' loses outbound "
    "access";

TEST(Ha002NatPerAz, Table) {
  const std::vector<Case> cases = {
      {"one NAT for two AZs",
       Template("!Select [0, !GetAZs '']", "!Select [0, !GetAZs '']", "!Select [1, !GetAZs '']"),
       {{26, kTwoAzs}}},
      {"one NAT for two AZs, long form",
       Template(R"({"Fn::Select": [0, {"Fn::GetAZs": ""}]})",
                R"({"Fn::Select": [0, {"Fn::GetAZs": ""}]})",
                R"({"Fn::Select": [1, {"Fn::GetAZs": ""}]})", "NatGatewayId: {Ref: Nat}",
                "{Ref: P}"),
       {{26, kTwoAzs}}},
      {"one NAT for two AZs, literal names",
       Template("us-east-1a", "us-east-1b", "us-east-1c"),
       {{26,
         "'Nat' serves private subnets in 2 AZs (us-east-1b, us-east-1c); if us-east-1a fails, "
         "'A' and 'B' lose outbound access"}}},
      {"NAT in one AZ serving only another",
       Template("!Select [0, !GetAZs '']", "!Select [1, !GetAZs '']", "!Select [1, !GetAZs '']"),
       {{26,
         "'Nat' in AZ 0 serves private subnets only in AZ 1; if AZ 0 fails, 'A' and 'B' lose "
         "outbound access"}}},
      {"NAT in the AZ of all its subnets",
       Template("!Select [0, !GetAZs '']", "!Select [0, !GetAZs '']", "!Select [0, !GetAZs '']"),
       {}},
      {"private subnet AZs from a parameter without default: unknown",
       Template("!Select [0, !GetAZs '']", "!Ref Az", "!Select [1, !GetAZs '']"),
       {}},
      {"private subnet AZ absent: AWS chooses",
       Template("!Select [0, !GetAZs '']", "!Select [0, !GetAZs '']", "!Ref AWS::NoValue"),
       {}},
      {"NAT in an imported subnet: its AZ is unknown, the spread is not",
       Template("us-east-1a", "us-east-1a", "us-east-1b", "NatGatewayId: !Ref Nat",
                "!ImportValue net-PublicSubnet"),
       {{26,
         "'Nat' serves private subnets in 2 AZs (us-east-1a, us-east-1b); if its AZ fails, the "
         "subnets in the other AZs lose outbound access"}}},
      {"default route to an imported NAT: not judged",
       Template("us-east-1a", "us-east-1a", "us-east-1b",
                "NatGatewayId: !ImportValue net-NatGateway"),
       {}},
      {"default route to a transit gateway: no NAT involved",
       Template("us-east-1a", "us-east-1a", "us-east-1b",
                "TransitGatewayId: tgw-0123456789abcdef0"),
       {}},
      {"NAT in a private subnet",
       Template("us-east-1a", "us-east-1a", "us-east-1a", "NatGatewayId: !Ref Nat", "!Ref A"),
       {{29,
         "'Nat' is in private subnet 'A', which has no route to an internet gateway; a public "
         "NAT gateway must sit in a public subnet"}}},
      {"private NAT gateway in a private subnet",
       Template("us-east-1a", "us-east-1a", "us-east-1a", "TransitGatewayId: tgw-0123456789abcdef0",
                "!Ref A", "      ConnectivityType: private\n"),
       {}},
      {"NAT behind a false condition, its route target gone (NoValue): not judged",
       Template("us-east-1a", "us-east-1a", "us-east-1b", "NatGatewayId: !Ref AWS::NoValue",
                "!Ref P", "    Condition: Never\n") +
           "Conditions:\n  Never: !Equals [a, b]\n",
       {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(LinesOf(c.text), c.expected);
  }
}

TEST(Ha002NatPerAz, FindingRelatesTheRouteTablesAndServedSubnets) {
  std::vector<Finding> found = FindingsOf(
      "HA002",
      Template("!Select [0, !GetAZs '']", "!Select [0, !GetAZs '']", "!Select [1, !GetAZs '']"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].resource, "Nat");
  EXPECT_EQ(found[0].property_path, "");
  ASSERT_EQ(found[0].related.size(), 3u);
  EXPECT_EQ(found[0].related[0].resource, "PrivateRt");
  EXPECT_EQ(found[0].related[0].message, "route table whose default route targets 'Nat'");
  EXPECT_EQ(found[0].related[1].resource, "A");
  EXPECT_EQ(found[0].related[1].message,
            "private subnet in AZ 0 routed through 'Nat' by 'PrivateRt'");
  EXPECT_EQ(found[0].related[2].resource, "B");
  EXPECT_EQ(found[0].related[2].message,
            "private subnet in AZ 1 routed through 'Nat' by 'PrivateRt'");
}

// Terraform `.tf.json` twins of the table rows, read alone as a module of one file.
TEST(Ha002NatPerAz, Terraform) {
  const std::vector<TfCase> cases = {
      {"a NAT gateway per AZ, inline routes",
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
  }
 }
})json",
       {}},
      {"one NAT gateway (count 1) for both AZs",
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
   "priv": {"count": 2, "vpc_id": "${aws_vpc.main.id}", "route": [{"carrier_gateway_id": null, "cidr_block": "0.0.0.0/0", "core_network_arn": null, "destination_prefix_list_id": null, "egress_only_gateway_id": null, "gateway_id": null, "ipv6_cidr_block": null, "local_gateway_id": null, "nat_gateway_id": "${aws_nat_gateway.nat[0].id}", "network_interface_id": null, "transit_gateway_id": null, "vpc_endpoint_id": null, "vpc_peering_connection_id": null}]}
  },
  "aws_route_table_association": {
   "pub": {"count": 2, "subnet_id": "${aws_subnet.pub[count.index].id}", "route_table_id": "${aws_route_table.pub.id}"},
   "priv": {"count": 2, "subnet_id": "${aws_subnet.priv[count.index].id}", "route_table_id": "${aws_route_table.priv[count.index].id}"}
  },
  "aws_nat_gateway": {
   "nat": {"count": 1, "allocation_id": "eipalloc-1", "subnet_id": "${aws_subnet.pub[count.index].id}"}
  }
 }
})json",
       {"23:4 aws_nat_gateway.nat[0]: 'aws_nat_gateway.nat[0]' serves private subnets in 2 AZs (AZ "
        "0, AZ 1); if AZ 0 fails, 'aws_subnet.priv[1]' loses outbound access"}},
      {"crossed: each route table targets the other AZ's NAT",
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
   "priv": {"count": 2, "vpc_id": "${aws_vpc.main.id}", "route": [{"carrier_gateway_id": null, "cidr_block": "0.0.0.0/0", "core_network_arn": null, "destination_prefix_list_id": null, "egress_only_gateway_id": null, "gateway_id": null, "ipv6_cidr_block": null, "local_gateway_id": null, "nat_gateway_id": "${aws_nat_gateway.nat[1 - count.index].id}", "network_interface_id": null, "transit_gateway_id": null, "vpc_endpoint_id": null, "vpc_peering_connection_id": null}]}
  },
  "aws_route_table_association": {
   "pub": {"count": 2, "subnet_id": "${aws_subnet.pub[count.index].id}", "route_table_id": "${aws_route_table.pub.id}"},
   "priv": {"count": 2, "subnet_id": "${aws_subnet.priv[count.index].id}", "route_table_id": "${aws_route_table.priv[count.index].id}"}
  },
  "aws_nat_gateway": {
   "nat": {"count": 2, "allocation_id": "eipalloc-1", "subnet_id": "${aws_subnet.pub[count.index].id}"}
  }
 }
})json",
       {"23:4 aws_nat_gateway.nat[0]: 'aws_nat_gateway.nat[0]' in AZ 0 serves private subnets only "
        "in AZ 1; if AZ 0 fails, 'aws_subnet.priv[1]' loses outbound access",
        "23:4 aws_nat_gateway.nat[1]: 'aws_nat_gateway.nat[1]' in AZ 1 serves private subnets only "
        "in AZ 0; if AZ 1 fails, 'aws_subnet.priv[0]' loses outbound access"}},
      {"NAT gateways in the private subnets",
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
   "nat": {"count": 2, "allocation_id": "eipalloc-1", "subnet_id": "${aws_subnet.priv[count.index].id}"}
  }
 }
})json",
       {"23:55 aws_nat_gateway.nat[0]: 'aws_nat_gateway.nat[0]' is in private subnet "
        "'aws_subnet.priv[0]', which has no route to an internet gateway; a public NAT gateway "
        "must sit in a public subnet",
        "23:55 aws_nat_gateway.nat[1]: 'aws_nat_gateway.nat[1]' is in private subnet "
        "'aws_subnet.priv[1]', which has no route to an internet gateway; a public NAT gateway "
        "must sit in a public subnet"}},
      {"NAT gateway subnet from a variable without default: unknown",
       R"json({
 "data": {"aws_availability_zones": {"available": {"state": "available"}}},
 "variable": {"subnet": {"type": "string"}},
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
   "priv": {"count": 2, "vpc_id": "${aws_vpc.main.id}", "route": [{"carrier_gateway_id": null, "cidr_block": "0.0.0.0/0", "core_network_arn": null, "destination_prefix_list_id": null, "egress_only_gateway_id": null, "gateway_id": null, "ipv6_cidr_block": null, "local_gateway_id": null, "nat_gateway_id": "${aws_nat_gateway.nat[0].id}", "network_interface_id": null, "transit_gateway_id": null, "vpc_endpoint_id": null, "vpc_peering_connection_id": null}]}
  },
  "aws_route_table_association": {
   "pub": {"count": 2, "subnet_id": "${aws_subnet.pub[count.index].id}", "route_table_id": "${aws_route_table.pub.id}"},
   "priv": {"count": 2, "subnet_id": "${aws_subnet.priv[count.index].id}", "route_table_id": "${aws_route_table.priv[count.index].id}"}
  },
  "aws_nat_gateway": {
   "nat": {"count": 1, "allocation_id": "eipalloc-1", "subnet_id": "${var.subnet}"}
  }
 }
})json",
       {"24:4 aws_nat_gateway.nat[0]: 'aws_nat_gateway.nat[0]' serves private subnets in 2 AZs (AZ "
        "0, AZ 1); if its AZ fails, the subnets in the other AZs lose outbound access"}},
      {"NAT count from an unknown variable",
       R"json({
 "data": {"aws_availability_zones": {"available": {"state": "available"}}},
 "variable": {"n": {"type": "number"}},
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
   "nat": {"count": "${var.n}", "allocation_id": "eipalloc-1", "subnet_id": "${aws_subnet.pub[0].id}"}
  }
 }
})json",
       {}},
  };
  ExpectTfCases("HA002", cases);
}

}  // namespace
}  // namespace halint
