// SEC002 app-ingress-from-lb-only over small templates: one app security group (on the
// launch template of an ASG behind an ALB) whose ingress rules vary per row.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/rules/rule_test_util.h"

namespace halint {
namespace {

// The app SG's inline rules start on line 20 (`{INGRESS}`); more resources go at `{EXTRA}`.
constexpr std::string_view kTemplate = R"(AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  SourceCidr:
    Type: String
  OpenCidr:
    Type: String
    Default: 0.0.0.0/0
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  Never: !Equals [a, b]
Resources:
  AppSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      VpcId: !Ref Vpc
      SecurityGroupIngress:
{INGRESS}
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
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
  PublicSubnet:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24}
  PublicAssoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref PublicSubnet, RouteTableId: !Ref PublicRt}
  LbSg:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: lb, VpcId: !Ref Vpc}
  BastionSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: bastion
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 203.0.113.10/32}
  Bastion:
    Type: AWS::EC2::Instance
    Properties: {ImageId: ami-12345678, SubnetId: !Ref PublicSubnet, SecurityGroupIds: [!Ref BastionSg]}
  ServiceSg:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: another app service, VpcId: !Ref Vpc}
  DbSg:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: db, VpcId: !Ref Vpc}
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: {Subnets: [subnet-1, subnet-2], SecurityGroups: [!Ref LbSg]}
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: {VpcId: !Ref Vpc, Port: 8080, Protocol: HTTP}
  Lt:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        SecurityGroupIds: [!Ref AppSg]
  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: "2"
      MaxSize: "2"
      VPCZoneIdentifier: [subnet-1, subnet-2]
      TargetGroupARNs: [!Ref Tg]
      LaunchTemplate: {LaunchTemplateId: !Ref Lt, Version: "1"}
  ServiceTg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: {VpcId: !Ref Vpc, Port: 9000, Protocol: HTTP, TargetType: ip}
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: arn:aws:ecs:us-east-1:123456789012:task-definition/svc:1
      LoadBalancers: [{ContainerName: svc, ContainerPort: 9000, TargetGroupArn: !Ref ServiceTg}]
      NetworkConfiguration:
        AwsvpcConfiguration: {Subnets: [subnet-1], SecurityGroups: [!Ref ServiceSg]}
  Db:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: postgres, DBInstanceClass: db.t3.micro, VPCSecurityGroups: [!Ref DbSg]}
{EXTRA}
)";

std::string Template(std::string_view ingress, std::string_view extra = "") {
  return Substitute(std::string(kTemplate),
                    {{"{INGRESS}", ingress.empty() ? "        []" : ingress}, {"{EXTRA}", extra}});
}

struct Row {
  const char* name;
  const char* ingress;
  const char* extra;
  std::vector<std::string> expected;  // Describe() of the findings
};

const char kTail[] = "; app servers should admit only the load balancer's security group";

std::string Expect(std::string_view where, std::string_view what) {
  return std::string(where) + " 'AppSg' admits " + std::string(what) + kTail;
}

class Sec002Table : public testing::TestWithParam<Row> {};

TEST_P(Sec002Table, ReportsExactly) {
  const Row& row = GetParam();
  EXPECT_EQ(Describe(FindingsOf("SEC002", Template(row.ingress, row.extra))), row.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Sec002, Sec002Table,
    testing::Values(
        Row{"InternetLiteral",
            "        - {IpProtocol: tcp, FromPort: 8080, ToPort: 8080, CidrIp: 0.0.0.0/0}",
            "",
            {Expect("20:67 AppSg:", "port 8080 from 0.0.0.0/0 (the whole internet)")}},
        Row{"Ipv6Internet",
            "        - {IpProtocol: tcp, FromPort: 1024, ToPort: 65535, CidrIpv6: \"::/0\"}",
            "",
            {Expect("20:70 AppSg:", "ports 1024-65535 from ::/0 (the whole IPv6 internet)")}},
        Row{"VpcCidrBehindAlbAllProtocols",
            "        - {IpProtocol: \"-1\", CidrIp: !GetAtt Vpc.CidrBlock}",
            "",
            {Expect("20:38 AppSg:", "all ports from 10.0.0.0/16 (the whole VPC 'Vpc')")}},
        Row{"OtherRange",
            "        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 192.168.0.0/16}",
            "",
            {Expect("20:63 AppSg:", "port 22 from the address range 192.168.0.0/16")}},
        Row{"DefaultedParameterIsKnown",
            "        - {IpProtocol: tcp, FromPort: 8080, ToPort: 8080, CidrIp: !Ref OpenCidr}",
            "",
            {Expect("20:67 AppSg:", "port 8080 from 0.0.0.0/0 (the whole internet)")}},
        Row{"DbTierSource",
            "        - {IpProtocol: tcp, FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: "
            "!Ref DbSg}",
            "",
            {Expect("20:82 AppSg:", "port 8080 from the database tier's security group 'DbSg'")}},
        Row{"StandaloneRuleReportedOnItself",
            "",
            "  AppIngress:\n"
            "    Type: AWS::EC2::SecurityGroupIngress\n"
            "    Properties:\n"
            "      GroupId: !GetAtt AppSg.GroupId\n"
            "      IpProtocol: tcp\n"
            "      FromPort: 0\n"
            "      ToPort: 65535\n"
            "      CidrIp: 0.0.0.0/0\n",
            {Expect("100:15 AppIngress:", "all ports from 0.0.0.0/0 (the whole internet)")}},
        Row{"LbSgPasses",
            "        - {IpProtocol: tcp, FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: "
            "!GetAtt LbSg.GroupId}",
            "",
            {}},
        Row{"BastionSgPasses",
            "        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, SourceSecurityGroupId: !Ref "
            "BastionSg}",
            "",
            {}},
        Row{"OtherAppTierSgPasses",
            "        - {IpProtocol: tcp, FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: "
            "!Ref ServiceSg}",
            "",
            {}},
        Row{"SelfReferencePasses",
            "",
            "  AppSelf:\n"
            "    Type: AWS::EC2::SecurityGroupIngress\n"
            "    Properties: {GroupId: !Ref AppSg, IpProtocol: \"-1\", SourceSecurityGroupId: "
            "!Ref AppSg}\n",
            {}},
        Row{"ExternalSgPasses",
            "        - {IpProtocol: tcp, FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: "
            "sg-0123456789abcdef0}",
            "",
            {}},
        Row{"NoIngressRules", "", "", {}},
        Row{"UnresolvedParameter",
            "        - {IpProtocol: tcp, FromPort: 8080, ToPort: 8080, CidrIp: !Ref SourceCidr}",
            "",
            {}},
        Row{"ImportedCidr",
            "        - {IpProtocol: tcp, FromPort: 8080, ToPort: 8080, CidrIp: !ImportValue "
            "office-cidr}",
            "",
            {}},
        Row{"FalseConditionRuleDoesNotExist",
            "",
            "  AppIngress:\n"
            "    Type: AWS::EC2::SecurityGroupIngress\n"
            "    Condition: Never\n"
            "    Properties: {GroupId: !Ref AppSg, IpProtocol: tcp, FromPort: 80, ToPort: 80, "
            "CidrIp: 0.0.0.0/0}\n",
            {}},
        Row{"UnknownConditionIsNotProof",
            "",
            "  AppIngress:\n"
            "    Type: AWS::EC2::SecurityGroupIngress\n"
            "    Condition: IsProd\n"
            "    Properties: {GroupId: !Ref AppSg, IpProtocol: tcp, FromPort: 80, ToPort: 80, "
            "CidrIp: 0.0.0.0/0}\n",
            {}}),
    [](const testing::TestParamInfo<Row>& info) { return std::string(info.param.name); });

// An NLB without security groups: the app SG sees the NLB's VPC addresses. `{NLB_SGS}` is
// the NLB's SecurityGroups line, `{CIDR}` the app SG's source.
constexpr std::string_view kNlbTemplate = R"(Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  SecondaryCidr:
    Type: AWS::EC2::VPCCidrBlock
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.1.0.0/16}
  NlbSg:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: nlb, VpcId: !Ref Vpc}
  AppSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 8080, ToPort: 8080, CidrIp: {CIDR}}
  Nlb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: network
      Subnets: [subnet-1, subnet-2]
{NLB_SGS}
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: {VpcId: !Ref Vpc, Port: 8080, Protocol: TCP}
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Nlb
      Port: 80
      Protocol: TCP
      DefaultActions: [{Type: forward, TargetGroupArn: !Ref Tg}]
  Lt:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData: {SecurityGroupIds: [!Ref AppSg]}
  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: "2"
      MaxSize: "2"
      VPCZoneIdentifier: [subnet-1, subnet-2]
      TargetGroupARNs: [!Ref Tg]
      LaunchTemplate: {LaunchTemplateId: !Ref Lt, Version: "1"}
)";

std::vector<std::string> NlbFindings(std::string_view cidr, bool nlb_has_sgs) {
  std::string t(kNlbTemplate);
  t.replace(t.find("{CIDR}"), 6, cidr);
  t.replace(t.find("{NLB_SGS}"), 9, nlb_has_sgs ? "      SecurityGroups: [!Ref NlbSg]" : "");
  return Describe(FindingsOf("SEC002", t));
}

TEST(Sec002, VpcCidrPassesBehindNlbWithoutSecurityGroups) {
  EXPECT_EQ(NlbFindings("!GetAtt Vpc.CidrBlock", false), std::vector<std::string>{});
  EXPECT_EQ(NlbFindings("10.0.0.0/16", false), std::vector<std::string>{});
  EXPECT_EQ(NlbFindings("10.1.0.0/16", false), std::vector<std::string>{});  // secondary CIDR
}

TEST(Sec002, OtherSourcesFailBehindNlbWithoutSecurityGroups) {
  EXPECT_EQ(NlbFindings("10.0.5.0/24", false),
            std::vector<std::string>{Expect("17:67 AppSg:",
                                            "port 8080 from the address range "
                                            "10.0.5.0/24")});
  EXPECT_EQ(NlbFindings("0.0.0.0/0", false),
            std::vector<std::string>{
                Expect("17:67 AppSg:", "port 8080 from 0.0.0.0/0 (the whole internet)")});
}

TEST(Sec002, VpcCidrFailsBehindNlbWithSecurityGroups) {
  EXPECT_EQ(NlbFindings("10.0.0.0/16", true),
            std::vector<std::string>{
                Expect("17:67 AppSg:", "port 8080 from 10.0.0.0/16 (the whole VPC 'Vpc')")});
}

// One SG on both the ALB and the instances it targets; YAML short form and JSON long form.
TEST(Sec002, SharedLbAndAppSecurityGroupSameInBothSyntaxes) {
  constexpr std::string_view kYaml = R"(Resources:
  WebSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: {Subnets: [subnet-1, subnet-2], SecurityGroups: [!GetAtt WebSg.GroupId]}
  Web:
    Type: AWS::EC2::Instance
    Properties: {ImageId: ami-12345678, SecurityGroupIds: [!Ref WebSg]}
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: {Port: 443, Protocol: HTTPS, Targets: [{Id: !Ref Web}]}
)";
  constexpr std::string_view kJson = R"({"Resources": {
  "WebSg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "web",
    "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
                              "CidrIp": "0.0.0.0/0"}]}},
  "Alb": {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer", "Properties": {
    "Subnets": ["subnet-1", "subnet-2"],
    "SecurityGroups": [{"Fn::GetAtt": ["WebSg", "GroupId"]}]}},
  "Web": {"Type": "AWS::EC2::Instance", "Properties": {"ImageId": "ami-12345678",
    "SecurityGroupIds": [{"Ref": "WebSg"}]}},
  "Tg": {"Type": "AWS::ElasticLoadBalancingV2::TargetGroup", "Properties": {
    "Port": 443, "Protocol": "HTTPS", "Targets": [{"Id": {"Ref": "Web"}}]}}
}})";
  const std::vector<std::string> expected = {
      "WebSg: 'WebSg' admits port 443 from 0.0.0.0/0 (the whole internet); it is attached to "
      "both the load balancer and app-tier compute, so clients can reach the app servers "
      "directly"};
  EXPECT_EQ(Messages(FindingsOf("SEC002", kYaml)), expected);
  EXPECT_EQ(Messages(FindingsOf("SEC002", kJson)), expected);
  EXPECT_EQ(FindingsOf("SEC002", kYaml).at(0).pos.line, 7u);
  EXPECT_EQ(FindingsOf("SEC002", kJson).at(0).pos.line, 4u);
}

// Terraform `.tf.json` twins of the table rows, read alone as a module of one file.
TEST(Sec002, Terraform) {
  const std::vector<TfCase> cases = {
      {"inline ingress from 0.0.0.0/0",
       R"json({
 "resource": {
  "aws_security_group": {
   "lb": {"vpc_id": "vpc-1"},
   "app": {"vpc_id": "vpc-1", "ingress": [{"cidr_blocks": ["0.0.0.0/0"], "description": null, "from_port": 8080, "ipv6_cidr_blocks": null, "prefix_list_ids": null, "protocol": "tcp", "security_groups": null, "self": null, "to_port": 8080}]},
   "db": {"vpc_id": "vpc-1"}
  },
  "aws_lb": {
   "lb": {"internal": true, "subnets": ["subnet-1", "subnet-2"], "security_groups": ["${aws_security_group.lb.id}"]}
  },
  "aws_lb_target_group": {
   "tg": {"port": 80, "protocol": "HTTP", "vpc_id": "vpc-1"}
  },
  "aws_launch_template": {
   "lt": {"image_id": "ami-1", "vpc_security_group_ids": ["${aws_security_group.app.id}"]}
  },
  "aws_autoscaling_group": {
   "asg": {"min_size": 2, "max_size": 2, "vpc_zone_identifier": ["subnet-1", "subnet-2"], "target_group_arns": ["${aws_lb_target_group.tg.arn}"], "launch_template": [{"id": "${aws_launch_template.lt.id}", "version": "$Latest"}]}
  },
  "aws_db_instance": {
   "db": {"engine": "postgres", "instance_class": "db.t3.micro", "multi_az": true, "vpc_security_group_ids": ["${aws_security_group.db.id}"]}
  }
 }
})json",
       {"5:60 aws_security_group.app: 'aws_security_group.app' admits port 8080 from 0.0.0.0/0 "
        "(the whole internet); app servers should admit only the load balancer's security group"}},
      {"inline ingress from the tier's source group",
       R"json({
 "resource": {
  "aws_security_group": {
   "lb": {"vpc_id": "vpc-1"},
   "app": {"vpc_id": "vpc-1", "ingress": [{"cidr_blocks": null, "description": null, "from_port": 8080, "ipv6_cidr_blocks": null, "prefix_list_ids": null, "protocol": "tcp", "security_groups": ["${aws_security_group.lb.id}"], "self": null, "to_port": 8080}]},
   "db": {"vpc_id": "vpc-1"}
  },
  "aws_lb": {
   "lb": {"internal": true, "subnets": ["subnet-1", "subnet-2"], "security_groups": ["${aws_security_group.lb.id}"]}
  },
  "aws_lb_target_group": {
   "tg": {"port": 80, "protocol": "HTTP", "vpc_id": "vpc-1"}
  },
  "aws_launch_template": {
   "lt": {"image_id": "ami-1", "vpc_security_group_ids": ["${aws_security_group.app.id}"]}
  },
  "aws_autoscaling_group": {
   "asg": {"min_size": 2, "max_size": 2, "vpc_zone_identifier": ["subnet-1", "subnet-2"], "target_group_arns": ["${aws_lb_target_group.tg.arn}"], "launch_template": [{"id": "${aws_launch_template.lt.id}", "version": "$Latest"}]}
  },
  "aws_db_instance": {
   "db": {"engine": "postgres", "instance_class": "db.t3.micro", "multi_az": true, "vpc_security_group_ids": ["${aws_security_group.db.id}"]}
  }
 }
})json",
       {}},
      {"aws_security_group_rule from the VPC-sized range of a variable default",
       R"json({
 "variable": {"cidr": {"default": "10.0.0.0/16"}},
 "resource": {
  "aws_security_group": {
   "lb": {"vpc_id": "vpc-1"},
   "app": {"vpc_id": "vpc-1"},
   "db": {"vpc_id": "vpc-1"}
  },
  "aws_lb": {
   "lb": {"internal": true, "subnets": ["subnet-1", "subnet-2"], "security_groups": ["${aws_security_group.lb.id}"]}
  },
  "aws_lb_target_group": {
   "tg": {"port": 80, "protocol": "HTTP", "vpc_id": "vpc-1"}
  },
  "aws_launch_template": {
   "lt": {"image_id": "ami-1", "vpc_security_group_ids": ["${aws_security_group.app.id}"]}
  },
  "aws_autoscaling_group": {
   "asg": {"min_size": 2, "max_size": 2, "vpc_zone_identifier": ["subnet-1", "subnet-2"], "target_group_arns": ["${aws_lb_target_group.tg.arn}"], "launch_template": [{"id": "${aws_launch_template.lt.id}", "version": "$Latest"}]}
  },
  "aws_db_instance": {
   "db": {"engine": "postgres", "instance_class": "db.t3.micro", "multi_az": true, "vpc_security_group_ids": ["${aws_security_group.db.id}"]}
  },
  "aws_security_group_rule": {
   "r": {"type": "ingress", "security_group_id": "${aws_security_group.app.id}", "protocol": "tcp", "from_port": 8080, "to_port": 8080, "cidr_blocks": ["${var.cidr}"]}
  }
 }
})json",
       {"25:153 aws_security_group_rule.r: 'aws_security_group.app' admits port 8080 from the "
        "address range 10.0.0.0/16; app servers should admit only the load balancer's security "
        "group"}},
      {"aws_security_group_rule from a variable without default: unknown",
       R"json({
 "variable": {"cidr": {"type": "string"}},
 "resource": {
  "aws_security_group": {
   "lb": {"vpc_id": "vpc-1"},
   "app": {"vpc_id": "vpc-1"},
   "db": {"vpc_id": "vpc-1"}
  },
  "aws_lb": {
   "lb": {"internal": true, "subnets": ["subnet-1", "subnet-2"], "security_groups": ["${aws_security_group.lb.id}"]}
  },
  "aws_lb_target_group": {
   "tg": {"port": 80, "protocol": "HTTP", "vpc_id": "vpc-1"}
  },
  "aws_launch_template": {
   "lt": {"image_id": "ami-1", "vpc_security_group_ids": ["${aws_security_group.app.id}"]}
  },
  "aws_autoscaling_group": {
   "asg": {"min_size": 2, "max_size": 2, "vpc_zone_identifier": ["subnet-1", "subnet-2"], "target_group_arns": ["${aws_lb_target_group.tg.arn}"], "launch_template": [{"id": "${aws_launch_template.lt.id}", "version": "$Latest"}]}
  },
  "aws_db_instance": {
   "db": {"engine": "postgres", "instance_class": "db.t3.micro", "multi_az": true, "vpc_security_group_ids": ["${aws_security_group.db.id}"]}
  },
  "aws_security_group_rule": {
   "r": {"type": "ingress", "security_group_id": "${aws_security_group.app.id}", "protocol": "tcp", "from_port": 8080, "to_port": 8080, "cidr_blocks": ["${var.cidr}"]}
  }
 }
})json",
       {}},
      {"aws_security_group_rule type egress is not ingress",
       R"json({
 "resource": {
  "aws_security_group": {
   "lb": {"vpc_id": "vpc-1"},
   "app": {"vpc_id": "vpc-1"},
   "db": {"vpc_id": "vpc-1"}
  },
  "aws_lb": {
   "lb": {"internal": true, "subnets": ["subnet-1", "subnet-2"], "security_groups": ["${aws_security_group.lb.id}"]}
  },
  "aws_lb_target_group": {
   "tg": {"port": 80, "protocol": "HTTP", "vpc_id": "vpc-1"}
  },
  "aws_launch_template": {
   "lt": {"image_id": "ami-1", "vpc_security_group_ids": ["${aws_security_group.app.id}"]}
  },
  "aws_autoscaling_group": {
   "asg": {"min_size": 2, "max_size": 2, "vpc_zone_identifier": ["subnet-1", "subnet-2"], "target_group_arns": ["${aws_lb_target_group.tg.arn}"], "launch_template": [{"id": "${aws_launch_template.lt.id}", "version": "$Latest"}]}
  },
  "aws_db_instance": {
   "db": {"engine": "postgres", "instance_class": "db.t3.micro", "multi_az": true, "vpc_security_group_ids": ["${aws_security_group.db.id}"]}
  },
  "aws_security_group_rule": {
   "r": {"type": "egress", "security_group_id": "${aws_security_group.app.id}", "protocol": "tcp", "from_port": 8080, "to_port": 8080, "cidr_blocks": ["0.0.0.0/0"]}
  }
 }
})json",
       {}},
      {"aws_vpc_security_group_ingress_rule cidr_ipv6 ::/0",
       R"json({
 "resource": {
  "aws_security_group": {
   "lb": {"vpc_id": "vpc-1"},
   "app": {"vpc_id": "vpc-1"},
   "db": {"vpc_id": "vpc-1"}
  },
  "aws_lb": {
   "lb": {"internal": true, "subnets": ["subnet-1", "subnet-2"], "security_groups": ["${aws_security_group.lb.id}"]}
  },
  "aws_lb_target_group": {
   "tg": {"port": 80, "protocol": "HTTP", "vpc_id": "vpc-1"}
  },
  "aws_launch_template": {
   "lt": {"image_id": "ami-1", "vpc_security_group_ids": ["${aws_security_group.app.id}"]}
  },
  "aws_autoscaling_group": {
   "asg": {"min_size": 2, "max_size": 2, "vpc_zone_identifier": ["subnet-1", "subnet-2"], "target_group_arns": ["${aws_lb_target_group.tg.arn}"], "launch_template": [{"id": "${aws_launch_template.lt.id}", "version": "$Latest"}]}
  },
  "aws_db_instance": {
   "db": {"engine": "postgres", "instance_class": "db.t3.micro", "multi_az": true, "vpc_security_group_ids": ["${aws_security_group.db.id}"]}
  },
  "aws_vpc_security_group_ingress_rule": {
   "r": {"security_group_id": "${aws_security_group.app.id}", "ip_protocol": "tcp", "from_port": 8080, "to_port": 8080, "cidr_ipv6": "::/0"}
  }
 }
})json",
       {"24:134 aws_vpc_security_group_ingress_rule.r: 'aws_security_group.app' admits port 8080 "
        "from ::/0 (the whole IPv6 internet); app servers should admit only the load balancer's "
        "security group"}},
      {"aws_vpc_security_group_ingress_rule from the source group",
       R"json({
 "resource": {
  "aws_security_group": {
   "lb": {"vpc_id": "vpc-1"},
   "app": {"vpc_id": "vpc-1"},
   "db": {"vpc_id": "vpc-1"}
  },
  "aws_lb": {
   "lb": {"internal": true, "subnets": ["subnet-1", "subnet-2"], "security_groups": ["${aws_security_group.lb.id}"]}
  },
  "aws_lb_target_group": {
   "tg": {"port": 80, "protocol": "HTTP", "vpc_id": "vpc-1"}
  },
  "aws_launch_template": {
   "lt": {"image_id": "ami-1", "vpc_security_group_ids": ["${aws_security_group.app.id}"]}
  },
  "aws_autoscaling_group": {
   "asg": {"min_size": 2, "max_size": 2, "vpc_zone_identifier": ["subnet-1", "subnet-2"], "target_group_arns": ["${aws_lb_target_group.tg.arn}"], "launch_template": [{"id": "${aws_launch_template.lt.id}", "version": "$Latest"}]}
  },
  "aws_db_instance": {
   "db": {"engine": "postgres", "instance_class": "db.t3.micro", "multi_az": true, "vpc_security_group_ids": ["${aws_security_group.db.id}"]}
  },
  "aws_vpc_security_group_ingress_rule": {
   "r": {"security_group_id": "${aws_security_group.app.id}", "ip_protocol": "tcp", "from_port": 8080, "to_port": 8080, "referenced_security_group_id": "${aws_security_group.lb.id}"}
  }
 }
})json",
       {}},
      {"count from an unknown variable on the rule",
       R"json({
 "variable": {"create": {"type": "bool"}},
 "resource": {
  "aws_security_group": {
   "lb": {"vpc_id": "vpc-1"},
   "app": {"vpc_id": "vpc-1"},
   "db": {"vpc_id": "vpc-1"}
  },
  "aws_lb": {
   "lb": {"internal": true, "subnets": ["subnet-1", "subnet-2"], "security_groups": ["${aws_security_group.lb.id}"]}
  },
  "aws_lb_target_group": {
   "tg": {"port": 80, "protocol": "HTTP", "vpc_id": "vpc-1"}
  },
  "aws_launch_template": {
   "lt": {"image_id": "ami-1", "vpc_security_group_ids": ["${aws_security_group.app.id}"]}
  },
  "aws_autoscaling_group": {
   "asg": {"min_size": 2, "max_size": 2, "vpc_zone_identifier": ["subnet-1", "subnet-2"], "target_group_arns": ["${aws_lb_target_group.tg.arn}"], "launch_template": [{"id": "${aws_launch_template.lt.id}", "version": "$Latest"}]}
  },
  "aws_db_instance": {
   "db": {"engine": "postgres", "instance_class": "db.t3.micro", "multi_az": true, "vpc_security_group_ids": ["${aws_security_group.db.id}"]}
  },
  "aws_vpc_security_group_ingress_rule": {
   "r": {"security_group_id": "${aws_security_group.app.id}", "ip_protocol": "tcp", "from_port": 8080, "to_port": 8080, "cidr_ipv4": "0.0.0.0/0", "count": "${var.create ? 1 : 0}"}
  }
 }
})json",
       {}},
  };
  ExpectTfCases("SEC002", cases);
}

}  // namespace
}  // namespace halint
