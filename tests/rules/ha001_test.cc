// HA001 az-spread: unit table over small templates.
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
  for (const Finding& f : FindingsOf("HA001", text)) out.emplace_back(f.pos.line, f.message);
  return out;
}

struct Case {
  const char* name;
  std::string text;
  Lines expected;
};

// Two subnets of a VPC the template does not create, with the given AZ expressions, and
// `rest` appended under Resources.
std::string TwoSubnets(const std::string& az_a, const std::string& az_b, const std::string& rest) {
  return "Parameters:\n"
         "  Vpc:\n"
         "    Type: AWS::EC2::VPC::Id\n"
         "  Az:\n"
         "    Type: AWS::EC2::AvailabilityZone::Name\n"
         "Resources:\n"
         "  A:\n"
         "    Type: AWS::EC2::Subnet\n"
         "    Properties:\n"
         "      VpcId: !Ref Vpc\n"
         "      CidrBlock: 10.0.0.0/24\n"
         "      AvailabilityZone: " +
         az_a +
         "\n"
         "  B:\n"
         "    Type: AWS::EC2::Subnet\n"
         "    Properties:\n"
         "      VpcId: !Ref Vpc\n"
         "      CidrBlock: 10.0.1.0/24\n"
         "      AvailabilityZone: " +
         az_b + "\n" + rest;
}

// Lines 19-23 (after TwoSubnets): an ALB whose Subnets list is at line 22.
constexpr char kAlb[] = R"(  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: [!Ref A, !Ref B]
)";

constexpr char kAlbSameAz[] =
    "'Lb' (AWS::ElasticLoadBalancingV2::LoadBalancer) lists 2 entries in Subnets, all in AZ 0; "
    "load balancer nodes in one AZ fail with that AZ: spread them over at least two AZs";

TEST(Ha001AzSpread, Table) {
  const std::vector<Case> cases = {
      {"ALB subnets both !Select [0, !GetAZs '']",
       TwoSubnets("!Select [0, !GetAZs '']", "!Select [0, !GetAZs '']", kAlb),
       {{22, kAlbSameAz}}},
      {"same AZ, long form",
       TwoSubnets(R"({"Fn::Select": [0, {"Fn::GetAZs": ""}]})",
                  R"({"Fn::Select": ["0", {"Fn::GetAZs": {Ref: "AWS::Region"}}]})", kAlb),
       {{22, kAlbSameAz}}},
      {"two AZs", TwoSubnets("!Select [0, !GetAZs '']", "!Select [1, !GetAZs '']", kAlb), {}},
      {"literal AZ names, same",
       TwoSubnets("us-east-1a", "us-east-1a", kAlb),
       {{22,
         "'Lb' (AWS::ElasticLoadBalancingV2::LoadBalancer) lists 2 entries in Subnets, all in "
         "us-east-1a; load balancer nodes in one AZ fail with that AZ: spread them over at least "
         "two AZs"}}},
      {"literal AZ names, different", TwoSubnets("us-east-1a", "us-east-1b", kAlb), {}},
      {"AZ absent: AWS chooses, unknown",
       TwoSubnets("!Ref AWS::NoValue", "!Ref AWS::NoValue", kAlb),
       {}},
      {"AZ from a parameter without default: unknown", TwoSubnets("!Ref Az", "!Ref Az", kAlb), {}},
      {"AZ imported: unknown",
       TwoSubnets("!ImportValue net-AzA", "!ImportValue net-AzB", kAlb),
       {}},
      {"name and index are not comparable",
       TwoSubnets("us-east-1a", "!Select [0, !GetAZs '']", kAlb),
       {}},
      {"ALB with one subnet",
       TwoSubnets("us-east-1a", "us-east-1b", R"(  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets:
        - !Ref A
)"),
       {{22,
         "'Lb' (AWS::ElasticLoadBalancingV2::LoadBalancer) lists only 'A' (us-east-1a) in "
         "Subnets; load balancer nodes in one AZ fail with that AZ: list at least two AZs"}}},
      {"NLB SubnetMappings in one AZ",
       TwoSubnets("us-east-1a", "us-east-1a", R"(  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: network
      SubnetMappings:
        - SubnetId: !Ref A
        - SubnetId: !GetAtt B.SubnetId
)"),
       {{23,
         "'Lb' (AWS::ElasticLoadBalancingV2::LoadBalancer) lists 2 entries in SubnetMappings, "
         "all in us-east-1a; load balancer nodes in one AZ fail with that AZ: spread them over "
         "at least two AZs"}}},
      {"gateway LB is not judged",
       TwoSubnets("us-east-1a", "us-east-1a", R"(  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: gateway
      Subnets: [!Ref A, !Ref B]
)"),
       {}},
      {"subnets from a parameter: unresolved",
       R"(Parameters:
  Subnets:
    Type: List<AWS::EC2::Subnet::Id>
Resources:
  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: !Ref Subnets
)",
       {}},
      {"a single subnet from a parameter: one subnet whatever its AZ",
       R"(Parameters:
  Subnet:
    Type: AWS::EC2::Subnet::Id
Resources:
  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: network
      Subnets: [!Ref Subnet]
)",
       {{9,
         "'Lb' (AWS::ElasticLoadBalancingV2::LoadBalancer) lists only one subnet in Subnets; "
         "load balancer nodes in one AZ fail with that AZ: list at least two AZs"}}},
      {"literal subnet IDs are not AZ names",
       R"(Resources:
  Group:
    Type: AWS::RDS::DBSubnetGroup
    Properties:
      DBSubnetGroupDescription: db
      SubnetIds: [subnet-0aaaaaaaaaaaaaaaa, subnet-0aaaaaaaaaaaaaaaa]
)",
       {}},
      {"one literal subnet ID",
       R"(Resources:
  Group:
    Type: AWS::RDS::DBSubnetGroup
    Properties:
      DBSubnetGroupDescription: db
      SubnetIds: [subnet-0aaaaaaaaaaaaaaaa]
)",
       {{6,
         "'Group' (AWS::RDS::DBSubnetGroup) lists only one subnet in SubnetIds; databases and "
         "caches in one AZ fail with that AZ: list at least two AZs"}}},
      {"ASG VPCZoneIdentifier in one AZ",
       TwoSubnets("!Select [1, !GetAZs '']", "!Select [1, !GetAZs '']", R"(  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: "2"
      MaxSize: "2"
      VPCZoneIdentifier: [!Ref A, !Ref B]
)"),
       {{24,
         "'Asg' (AWS::AutoScaling::AutoScalingGroup) lists 2 entries in VPCZoneIdentifier, all "
         "in AZ 1; instances in one AZ fail with that AZ: spread them over at least two AZs"}}},
      {"ASG AvailabilityZones: one",
       R"(Resources:
  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: "2"
      MaxSize: "2"
      AvailabilityZones: [!Select [0, !GetAZs '']]
)",
       {{7,
         "'Asg' (AWS::AutoScaling::AutoScalingGroup) lists only AZ 0 in AvailabilityZones; "
         "instances in one AZ fail with that AZ: list at least two AZs"}}},
      {"ASG AvailabilityZones: the whole region",
       R"(Resources:
  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: "2"
      MaxSize: "2"
      AvailabilityZones: !GetAZs ''
)",
       {}},
      {"classic ELB AvailabilityZones: one",
       R"(Resources:
  Lb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      AvailabilityZones: [us-west-2c]
      Listeners: [{LoadBalancerPort: "80", InstancePort: "80", Protocol: HTTP}]
)",
       {{5,
         "'Lb' (AWS::ElasticLoadBalancing::LoadBalancer) lists only us-west-2c in "
         "AvailabilityZones; load balancer nodes in one AZ fail with that AZ: list at least two "
         "AZs"}}},
      {"condition unknown: judged as if created",
       "Conditions:\n  HasLb: !Equals [!Ref Az, us-east-1a]\n" +
           TwoSubnets("us-east-1a", "us-east-1a", R"(  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Condition: HasLb
    Properties:
      Subnets: [!Ref A, !Ref B]
)"),
       {{25,
         "'Lb' (AWS::ElasticLoadBalancingV2::LoadBalancer) lists 2 entries in Subnets, all in "
         "us-east-1a; load balancer nodes in one AZ fail with that AZ: spread them over at least "
         "two AZs"}}},
      {"condition false: not created",
       "Conditions:\n  HasLb: !Equals [us-east-1b, us-east-1a]\n" +
           TwoSubnets("us-east-1a", "us-east-1a", R"(  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Condition: HasLb
    Properties:
      Subnets: [!Ref A, !Ref B]
)"),
       {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(LinesOf(c.text), c.expected);
  }
}

// A VPC with public subnets in `public_azs` (indexes) hosting an ALB over all of them.
std::string VpcWithPublicSubnets(const std::vector<int>& public_azs) {
  std::string out = R"(Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  Igw:
    Type: AWS::EC2::InternetGateway
  Rt:
    Type: AWS::EC2::RouteTable
    Properties:
      VpcId: !Ref Vpc
  Default:
    Type: AWS::EC2::Route
    Properties:
      RouteTableId: !Ref Rt
      DestinationCidrBlock: 0.0.0.0/0
      GatewayId: !Ref Igw
  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: network
      Subnets:
)";
  for (size_t i = 0; i < public_azs.size(); ++i)
    out += "        - !Ref S" + std::to_string(i) + "\n";
  for (size_t i = 0; i < public_azs.size(); ++i) {
    std::string n = std::to_string(i);
    out += "  S" + n + ":\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n" +
           "      CidrBlock: 10.0." + n + ".0/24\n      AvailabilityZone: !Select [" +
           std::to_string(public_azs[i]) + ", !GetAZs '']\n";
    out += "  S" + n + "Assoc:\n    Type: AWS::EC2::SubnetRouteTableAssociation\n" +
           "    Properties:\n      SubnetId: !Ref S" + n + "\n      RouteTableId: !Ref Rt\n";
  }
  return out;
}

TEST(Ha001AzSpread, VpcTiers) {
  std::vector<Finding> one = FindingsOf("HA001", VpcWithPublicSubnets({0}));
  ASSERT_EQ(one.size(), 2u);
  EXPECT_EQ(one[0].pos.line, 2u);
  EXPECT_EQ(one[0].resource, "Vpc");
  EXPECT_EQ(one[0].message,
            "'Vpc' has only one public subnet, 'S0' (AZ 0); its public tier fails with that AZ: "
            "add a public subnet in a second AZ");
  ASSERT_EQ(one[0].related.size(), 1u);
  EXPECT_EQ(one[0].related[0].message, "public subnet in AZ 0");
  EXPECT_EQ(one[1].resource, "Lb");

  Lines same = LinesOf(VpcWithPublicSubnets({2, 2}));
  ASSERT_EQ(same.size(), 2u);
  EXPECT_EQ(same[0],
            (std::pair<uint32_t, std::string>(
                2,
                "all 2 public subnets of 'Vpc' are in AZ 2; its public tier fails with that AZ: "
                "add a public subnet in a second AZ")));

  EXPECT_EQ(LinesOf(VpcWithPublicSubnets({0, 1})), Lines{});
}

// Terraform `.tf.json` twins of the table rows, read alone as a module of one file.
TEST(Ha001AzSpread, Terraform) {
  const std::vector<TfCase> cases = {
      {"lb subnets both names[0]",
       R"json({
 "data": {
  "aws_availability_zones": {
   "available": {
    "state": "available"
   }
  }
 },
 "resource": {
  "aws_subnet": {
   "a": {
    "vpc_id": "vpc-1",
    "cidr_block": "10.0.0.0/24",
    "availability_zone": "${data.aws_availability_zones.available.names[0]}"
   },
   "b": {
    "vpc_id": "vpc-1",
    "cidr_block": "10.0.1.0/24",
    "availability_zone": "${data.aws_availability_zones.available.names[0]}"
   }
  },
  "aws_lb": {
   "lb": {
    "internal": true,
    "subnets": [
     "${aws_subnet.a.id}",
     "${aws_subnet.b.id}"
    ]
   }
  }
 }
})json",
       {"25:5 aws_lb.lb: 'aws_lb.lb' (aws_lb) lists 2 entries in subnets, all in AZ 0; load "
        "balancer nodes in one AZ fail with that AZ: spread them over at least two AZs"}},
      {"lb subnets names[0], names[1]",
       R"json({
 "data": {
  "aws_availability_zones": {
   "available": {
    "state": "available"
   }
  }
 },
 "resource": {
  "aws_subnet": {
   "a": {
    "vpc_id": "vpc-1",
    "cidr_block": "10.0.0.0/24",
    "availability_zone": "${data.aws_availability_zones.available.names[0]}"
   },
   "b": {
    "vpc_id": "vpc-1",
    "cidr_block": "10.0.1.0/24",
    "availability_zone": "${data.aws_availability_zones.available.names[1]}"
   }
  },
  "aws_lb": {
   "lb": {
    "internal": true,
    "subnets": [
     "${aws_subnet.a.id}",
     "${aws_subnet.b.id}"
    ]
   }
  }
 }
})json",
       {}},
      {"AZ from a variable without default: unknown",
       R"json({
 "variable": {
  "az": {}
 },
 "resource": {
  "aws_subnet": {
   "a": {
    "vpc_id": "vpc-1",
    "cidr_block": "10.0.0.0/24",
    "availability_zone": "${var.az}"
   },
   "b": {
    "vpc_id": "vpc-1",
    "cidr_block": "10.0.1.0/24",
    "availability_zone": "${var.az}"
   }
  },
  "aws_lb": {
   "lb": {
    "internal": true,
    "subnets": [
     "${aws_subnet.a.id}",
     "${aws_subnet.b.id}"
    ]
   }
  }
 }
})json",
       {}},
      {"AZ from a variable default",
       R"json({
 "variable": {
  "az": {
   "default": "us-east-1a"
  }
 },
 "resource": {
  "aws_subnet": {
   "a": {
    "vpc_id": "vpc-1",
    "cidr_block": "10.0.0.0/24",
    "availability_zone": "${var.az}"
   },
   "b": {
    "vpc_id": "vpc-1",
    "cidr_block": "10.0.1.0/24",
    "availability_zone": "${var.az}"
   }
  },
  "aws_lb": {
   "lb": {
    "internal": true,
    "subnets": [
     "${aws_subnet.a.id}",
     "${aws_subnet.b.id}"
    ]
   }
  }
 }
})json",
       {"23:5 aws_lb.lb: 'aws_lb.lb' (aws_lb) lists 2 entries in subnets, all in us-east-1a; load "
        "balancer nodes in one AZ fail with that AZ: spread them over at least two AZs"}},
      {"subnet_mapping in one AZ",
       R"json({
 "resource": {
  "aws_subnet": {
   "a": {
    "vpc_id": "vpc-1",
    "cidr_block": "10.0.0.0/24",
    "availability_zone": "us-east-1b"
   },
   "b": {
    "vpc_id": "vpc-1",
    "cidr_block": "10.0.1.0/24",
    "availability_zone": "us-east-1b"
   }
  },
  "aws_lb": {
   "lb": {
    "load_balancer_type": "network",
    "internal": true,
    "subnet_mapping": [
     {
      "subnet_id": "${aws_subnet.a.id}"
     },
     {
      "subnet_id": "${aws_subnet.b.id}"
     }
    ]
   }
  }
 }
})json",
       {"19:5 aws_lb.lb: 'aws_lb.lb' (aws_lb) lists 2 entries in subnet_mapping, all in "
        "us-east-1b; load balancer nodes in one AZ fail with that AZ: spread them over at least "
        "two AZs"}},
      {"count from an unknown variable: judged as if created",
       R"json({
 "variable": {
  "create": {
   "type": "bool"
  }
 },
 "resource": {
  "aws_subnet": {
   "a": {
    "vpc_id": "vpc-1",
    "cidr_block": "10.0.0.0/24",
    "availability_zone": "us-east-1a"
   },
   "b": {
    "vpc_id": "vpc-1",
    "cidr_block": "10.0.1.0/24",
    "availability_zone": "us-east-1a"
   }
  },
  "aws_lb": {
   "lb": {
    "count": "${var.create ? 1 : 0}",
    "internal": true,
    "subnets": [
     "${aws_subnet.a.id}",
     "${aws_subnet.b.id}"
    ]
   }
  }
 }
})json",
       {"24:5 aws_lb.lb: 'aws_lb.lb' (aws_lb) lists 2 entries in subnets, all in us-east-1a; load "
        "balancer nodes in one AZ fail with that AZ: spread them over at least two AZs"}},
      {"count 0: not created",
       R"json({
 "resource": {
  "aws_subnet": {
   "a": {
    "vpc_id": "vpc-1",
    "cidr_block": "10.0.0.0/24",
    "availability_zone": "us-east-1a"
   },
   "b": {
    "vpc_id": "vpc-1",
    "cidr_block": "10.0.1.0/24",
    "availability_zone": "us-east-1a"
   }
  },
  "aws_lb": {
   "lb": {
    "count": 0,
    "internal": true,
    "subnets": [
     "${aws_subnet.a.id}",
     "${aws_subnet.b.id}"
    ]
   }
  }
 }
})json",
       {}},
      {"ASG vpc_zone_identifier splat of count subnets in one AZ",
       R"json({
 "resource": {
  "aws_subnet": {
   "s": {
    "count": 2,
    "vpc_id": "vpc-1",
    "cidr_block": "10.0.${count.index}.0/24",
    "availability_zone": "us-east-1c"
   }
  },
  "aws_autoscaling_group": {
   "asg": {
    "min_size": 2,
    "max_size": 2,
    "vpc_zone_identifier": "${aws_subnet.s[*].id}"
   }
  }
 }
})json",
       {"15:5 aws_autoscaling_group.asg: 'aws_autoscaling_group.asg' (aws_autoscaling_group) lists "
        "2 entries in vpc_zone_identifier, all in us-east-1c; instances in one AZ fail with that "
        "AZ: spread them over at least two AZs"}},
      {"db subnet group with one subnet",
       R"json({
 "resource": {
  "aws_db_subnet_group": {
   "g": {
    "subnet_ids": [
     "subnet-0aaaaaaaaaaaaaaaa"
    ]
   }
  }
 }
})json",
       {"5:5 aws_db_subnet_group.g: 'aws_db_subnet_group.g' (aws_db_subnet_group) lists only one "
        "subnet in subnet_ids; databases and caches in one AZ fail with that AZ: list at least two "
        "AZs"}},
      {"aws_elb availability_zones: one",
       R"json({
 "resource": {
  "aws_elb": {"classic": {"availability_zones": ["us-west-2c"], "listener": []}}
 }
})json",
       {"3:27 aws_elb.classic: 'aws_elb.classic' (aws_elb) lists only us-west-2c in "
        "availability_zones; load balancer nodes in one AZ fail with that AZ: list at least two "
        "AZs"}},
      {"ASG availability_zones: one",
       R"json({
 "resource": {
  "aws_autoscaling_group": {"asg": {"min_size": 2, "max_size": 2, "availability_zones": ["us-east-1a"]}}
 }
})json",
       {"3:67 aws_autoscaling_group.asg: 'aws_autoscaling_group.asg' (aws_autoscaling_group) lists "
        "only us-east-1a in availability_zones; instances in one AZ fail with that AZ: list at "
        "least two AZs"}},
  };
  ExpectTfCases("HA001", cases);
}

// MSK client subnets: HA001 judges their spread (HA007 the broker balance).
TEST(Ha001AzSpread, MskClientSubnets) {
  constexpr char kMsk[] = R"(  Kafka:
    Type: AWS::MSK::Cluster
    Properties:
      ClusterName: events
      KafkaVersion: 3.6.0
      NumberOfBrokerNodes: 2
      BrokerNodeGroupInfo:
        InstanceType: kafka.m5.large
        ClientSubnets: [!Ref A, !Ref B]
)";
  EXPECT_EQ(LinesOf(TwoSubnets("us-east-1a", "us-east-1a", kMsk)),
            (Lines{{27,
                    "'Kafka' (AWS::MSK::Cluster) lists 2 entries in "
                    "BrokerNodeGroupInfo.ClientSubnets, all in us-east-1a; brokers in one AZ "
                    "fail with that AZ: spread them over at least two AZs"}}));
  EXPECT_EQ(LinesOf(TwoSubnets("us-east-1a", "us-east-1b", kMsk)), Lines{});
  EXPECT_EQ(LinesOf(TwoSubnets("!Ref Az", "us-east-1b", kMsk)), Lines{});
}

}  // namespace
}  // namespace halint
