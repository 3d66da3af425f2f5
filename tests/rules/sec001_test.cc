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

}  // namespace
}  // namespace halint
