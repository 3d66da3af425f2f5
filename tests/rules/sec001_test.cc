// SEC001 db-ingress-from-app-only over small templates: one DB security group whose ingress
// rules vary per row.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/rules/rule_test_util.h"

namespace halint {
namespace {

// The DB SG's inline rules start on line 20 (`{INGRESS}`); more resources go at `{EXTRA}`.
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
  DbSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      VpcId: !Ref Vpc
      SecurityGroupIngress:
{INGRESS}
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  LbSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: lb
      VpcId: !Ref Vpc
  AppSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      VpcId: !Ref Vpc
  LambdaSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: a Lambda function in the VPC
      VpcId: !Ref Vpc
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: [subnet-1, subnet-2]
      SecurityGroups: [!Ref LbSg]
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      VpcId: !Ref Vpc
      Port: 80
      Protocol: HTTP
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
      LaunchTemplate:
        LaunchTemplateId: !Ref Lt
        Version: "1"
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/fn
      Code: {ZipFile: "x"}
      Handler: index.handler
      Runtime: python3.12
      VpcConfig:
        SecurityGroupIds: [!Ref LambdaSg]
        SubnetIds: [subnet-1]
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      VPCSecurityGroups: [!Ref DbSg]
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

const char kTail[] = "; a database should admit only the app tier's security group";

class Sec001Table : public testing::TestWithParam<Row> {};

TEST_P(Sec001Table, ReportsExactly) {
  const Row& row = GetParam();
  EXPECT_EQ(Describe(FindingsOf("SEC001", Template(row.ingress, row.extra))), row.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Sec001, Sec001Table,
    testing::Values(
        Row{"InternetLiteral",
            "        - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 0.0.0.0/0}",
            "",
            {std::string(
                 "20:67 DbSg: 'DbSg' admits port 5432 from 0.0.0.0/0 (the whole internet)") +
             kTail}},
        Row{"AnySlashZeroIsTheInternet",
            "        - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 10.1.2.3/0}",
            "",
            {std::string(
                 "20:67 DbSg: 'DbSg' admits port 5432 from 10.1.2.3/0 (the whole internet)") +
             kTail}},
        Row{"Ipv6Internet",
            "        - {IpProtocol: tcp, FromPort: 5000, ToPort: 6000, CidrIpv6: \"::/0\"}",
            "",
            {std::string("20:69 DbSg: 'DbSg' admits ports 5000-6000 from ::/0 (the whole IPv6 "
                         "internet)") +
             kTail}},
        Row{"VpcCidrThroughGetAttAllProtocols",
            "        - {IpProtocol: \"-1\", CidrIp: !GetAtt Vpc.CidrBlock}",
            "",
            {std::string("20:38 DbSg: 'DbSg' admits all ports from 10.0.0.0/16 (the whole VPC "
                         "'Vpc')") +
             kTail}},
        Row{"OtherRangeFullPortRange",
            "        - {IpProtocol: tcp, FromPort: 0, ToPort: 65535, CidrIp: 172.16.0.0/12}",
            "",
            {std::string("20:65 DbSg: 'DbSg' admits all ports from the address range "
                         "172.16.0.0/12") +
             kTail}},
        Row{"PortsAbsent",
            "        - {IpProtocol: tcp, CidrIp: 192.168.0.0/16}",
            "",
            {std::string("20:37 DbSg: 'DbSg' admits traffic from the address range "
                         "192.168.0.0/16") +
             kTail}},
        Row{"UdpPort",
            "        - {IpProtocol: udp, FromPort: 5432, ToPort: 5432, CidrIp: 10.0.0.0/16}",
            "",
            {std::string("20:67 DbSg: 'DbSg' admits UDP port 5432 from 10.0.0.0/16 (the whole VPC "
                         "'Vpc')") +
             kTail}},
        Row{"IcmpAllTypes",
            "        - {IpProtocol: icmp, FromPort: -1, ToPort: -1, CidrIp: 0.0.0.0/0}",
            "",
            {std::string("20:64 DbSg: 'DbSg' admits ICMP traffic from 0.0.0.0/0 (the whole "
                         "internet)") +
             kTail}},
        Row{"PrefixList",
            "        - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourcePrefixListId: "
            "pl-12345678}",
            "",
            {std::string("20:79 DbSg: 'DbSg' admits port 5432 from prefix list 'pl-12345678'") +
             kTail}},
        Row{"LoadBalancerSg",
            "        - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: "
            "!Ref LbSg}",
            "",
            {"20:82 DbSg: 'DbSg' admits port 5432 from the load balancer's security group "
             "'LbSg'; traffic to the database should come only from the app tier"}},
        Row{"DefaultedParameterIsKnown",
            "        - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: !Ref OpenCidr}",
            "",
            {std::string(
                 "20:67 DbSg: 'DbSg' admits port 5432 from 0.0.0.0/0 (the whole internet)") +
             kTail}},
        Row{"StandaloneRuleReportedOnItself",
            "",
            "  DbIngress:\n"
            "    Type: AWS::EC2::SecurityGroupIngress\n"
            "    Properties:\n"
            "      GroupId: !GetAtt DbSg.GroupId\n"
            "      IpProtocol: tcp\n"
            "      FromPort: 3306\n"
            "      ToPort: 3306\n"
            "      CidrIp: 0.0.0.0/0\n",
            {std::string("89:15 DbIngress: 'DbSg' admits port 3306 from 0.0.0.0/0 (the whole "
                         "internet)") +
             kTail}},
        Row{"AppSgPasses",
            "        - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: "
            "!GetAtt AppSg.GroupId}",
            "",
            {}},
        Row{"OtherComputeSgPasses",
            "        - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: "
            "!Ref LambdaSg}",
            "",
            {}},
        Row{"SelfReferencePasses",
            "",
            "  DbSelf:\n"
            "    Type: AWS::EC2::SecurityGroupIngress\n"
            "    Properties:\n"
            "      GroupId: !Ref DbSg\n"
            "      IpProtocol: \"-1\"\n"
            "      SourceSecurityGroupId: !Ref DbSg\n",
            {}},
        Row{"ExternalSgPasses",
            "        - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: "
            "sg-0123456789abcdef0}",
            "",
            {}},
        Row{"NoIngressRules", "", "", {}},
        Row{"UnresolvedParameter",
            "        - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: !Ref SourceCidr}",
            "",
            {}},
        Row{"ImportedCidr",
            "        - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: !ImportValue "
            "office-cidr}",
            "",
            {}},
        Row{"ImportedSourceSg",
            "        - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: "
            "!ImportValue app-sg}",
            "",
            {}},
        Row{"UnknownIfOfCidrs",
            "        - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: !If [IsProd, "
            "0.0.0.0/0, 10.0.0.0/16]}",
            "",
            {}},
        Row{"FalseConditionRuleDoesNotExist",
            "",
            "  DbIngress:\n"
            "    Type: AWS::EC2::SecurityGroupIngress\n"
            "    Condition: Never\n"
            "    Properties:\n"
            "      GroupId: !Ref DbSg\n"
            "      IpProtocol: tcp\n"
            "      FromPort: 5432\n"
            "      ToPort: 5432\n"
            "      CidrIp: 0.0.0.0/0\n",
            {}},
        Row{"UnknownConditionIsNotProof",
            "",
            "  DbIngress:\n"
            "    Type: AWS::EC2::SecurityGroupIngress\n"
            "    Condition: IsProd\n"
            "    Properties:\n"
            "      GroupId: !Ref DbSg\n"
            "      IpProtocol: tcp\n"
            "      FromPort: 5432\n"
            "      ToPort: 5432\n"
            "      CidrIp: 0.0.0.0/0\n",
            {}}),
    [](const testing::TestParamInfo<Row>& info) { return std::string(info.param.name); });

// The same template in JSON with long-form intrinsics reports the same findings.
TEST(Sec001, LongFormJsonMatchesShortFormYaml) {
  constexpr std::string_view kJson = R"({
  "Resources": {
    "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
    "LbSg": {"Type": "AWS::EC2::SecurityGroup",
             "Properties": {"GroupDescription": "lb", "VpcId": {"Ref": "Vpc"}}},
    "DbSg": {"Type": "AWS::EC2::SecurityGroup",
             "Properties": {"GroupDescription": "db", "VpcId": {"Ref": "Vpc"},
                            "SecurityGroupIngress": [
                              {"IpProtocol": "-1", "CidrIp": {"Fn::GetAtt": ["Vpc", "CidrBlock"]}},
                              {"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432,
                               "SourceSecurityGroupId": {"Fn::GetAtt": ["LbSg", "GroupId"]}}]}},
    "Alb": {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer",
            "Properties": {"Subnets": ["subnet-1", "subnet-2"],
                           "SecurityGroups": [{"Ref": "LbSg"}]}},
    "Db": {"Type": "AWS::RDS::DBInstance",
           "Properties": {"Engine": "postgres", "DBInstanceClass": "db.t3.micro",
                          "VPCSecurityGroups": [{"Fn::GetAtt": ["DbSg", "GroupId"]}]}}
  }
})";
  constexpr std::string_view kYaml = R"(Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  LbSg:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: lb, VpcId: !Ref Vpc}
  DbSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - {IpProtocol: "-1", CidrIp: !GetAtt Vpc.CidrBlock}
        - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !GetAtt LbSg.GroupId}
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: {Subnets: [subnet-1, subnet-2], SecurityGroups: [!Ref LbSg]}
  Db:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: postgres, DBInstanceClass: db.t3.micro, VPCSecurityGroups: [!GetAtt DbSg.GroupId]}
)";
  std::vector<std::string> json = Messages(FindingsOf("SEC001", kJson));
  EXPECT_EQ(json, Messages(FindingsOf("SEC001", kYaml)));
  EXPECT_EQ(json, (std::vector<std::string>{
                      std::string("DbSg: 'DbSg' admits all ports from 10.0.0.0/16 (the whole VPC "
                                  "'Vpc')") +
                          kTail,
                      "DbSg: 'DbSg' admits port 5432 from the load balancer's security group "
                      "'LbSg'; traffic to the database should come only from the app tier"}));
}

// Terraform `.tf.json` twins of the table rows, read alone as a module of one file.
TEST(Sec001, Terraform) {
  const std::vector<TfCase> cases = {
      {"inline ingress from 0.0.0.0/0",
       R"json({
 "resource": {
  "aws_security_group": {
   "lb": {"vpc_id": "vpc-1"},
   "app": {"vpc_id": "vpc-1"},
   "db": {"vpc_id": "vpc-1", "ingress": [{"cidr_blocks": ["0.0.0.0/0"], "description": null, "from_port": 5432, "ipv6_cidr_blocks": null, "prefix_list_ids": null, "protocol": "tcp", "security_groups": null, "self": null, "to_port": 5432}]}
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
       {"6:59 aws_security_group.db: 'aws_security_group.db' admits port 5432 from 0.0.0.0/0 (the "
        "whole internet); a database should admit only the app tier's security group"}},
      {"inline ingress from the tier's source group",
       R"json({
 "resource": {
  "aws_security_group": {
   "lb": {"vpc_id": "vpc-1"},
   "app": {"vpc_id": "vpc-1"},
   "db": {"vpc_id": "vpc-1", "ingress": [{"cidr_blocks": null, "description": null, "from_port": 5432, "ipv6_cidr_blocks": null, "prefix_list_ids": null, "protocol": "tcp", "security_groups": ["${aws_security_group.app.id}"], "self": null, "to_port": 5432}]}
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
   "r": {"type": "ingress", "security_group_id": "${aws_security_group.db.id}", "protocol": "tcp", "from_port": 5432, "to_port": 5432, "cidr_blocks": ["${var.cidr}"]}
  }
 }
})json",
       {"25:152 aws_security_group_rule.r: 'aws_security_group.db' admits port 5432 from the "
        "address range 10.0.0.0/16; a database should admit only the app tier's security group"}},
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
   "r": {"type": "ingress", "security_group_id": "${aws_security_group.db.id}", "protocol": "tcp", "from_port": 5432, "to_port": 5432, "cidr_blocks": ["${var.cidr}"]}
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
   "r": {"type": "egress", "security_group_id": "${aws_security_group.db.id}", "protocol": "tcp", "from_port": 5432, "to_port": 5432, "cidr_blocks": ["0.0.0.0/0"]}
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
   "r": {"security_group_id": "${aws_security_group.db.id}", "ip_protocol": "tcp", "from_port": 5432, "to_port": 5432, "cidr_ipv6": "::/0"}
  }
 }
})json",
       {"24:133 aws_vpc_security_group_ingress_rule.r: 'aws_security_group.db' admits port 5432 "
        "from ::/0 (the whole IPv6 internet); a database should admit only the app tier's security "
        "group"}},
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
   "r": {"security_group_id": "${aws_security_group.db.id}", "ip_protocol": "tcp", "from_port": 5432, "to_port": 5432, "referenced_security_group_id": "${aws_security_group.app.id}"}
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
   "r": {"security_group_id": "${aws_security_group.db.id}", "ip_protocol": "tcp", "from_port": 5432, "to_port": 5432, "cidr_ipv4": "0.0.0.0/0", "count": "${var.create ? 1 : 0}"}
  }
 }
})json",
       {}},
  };
  ExpectTfCases("SEC001", cases);
}

}  // namespace
}  // namespace halint
