// SEC004 admin-port-open over small templates: one security group whose ingress rules vary
// per row, attached to an instance unless a row says otherwise.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/rules/rule_test_util.h"

namespace halint {
namespace {

// The SG's inline rules start on line 19 (`{INGRESS}`); more resources go at `{EXTRA}`.
constexpr std::string_view kTemplate = R"(AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  SshCidr:
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
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: admin
      SecurityGroupIngress:
{INGRESS}
{EXTRA}
)";

constexpr std::string_view kInstance = R"(  Host:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      SecurityGroupIds: [!Ref Sg]
)";

std::string Template(std::string_view ingress, std::string_view extra) {
  return Substitute(std::string(kTemplate),
                    {{"{INGRESS}", ingress.empty() ? "        []" : ingress}, {"{EXTRA}", extra}});
}

struct Row {
  const char* name;
  const char* ingress;
  const char* extra;  // "" means: the SG is attached to an instance
  std::vector<std::string> expected;
};

const char kTail[] = " to anyone; expected a specific source address range";

class Sec004Table : public testing::TestWithParam<Row> {};

TEST_P(Sec004Table, ReportsExactly) {
  const Row& row = GetParam();
  std::string extra = *row.extra ? row.extra : std::string(kInstance);
  EXPECT_EQ(Describe(FindingsOf("SEC004", Template(row.ingress, extra))), row.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Sec004, Sec004Table,
    testing::Values(
        Row{"SshFromInternet",
            "        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}",
            "",
            {std::string("19:63 Sg: 'Sg' admits port 22 from 0.0.0.0/0 (the whole internet), "
                         "which opens SSH (22)") +
             kTail}},
        Row{"RdpFromInternet",
            "        - {IpProtocol: tcp, FromPort: 3389, ToPort: 3389, CidrIp: 0.0.0.0/0}",
            "",
            {std::string("19:67 Sg: 'Sg' admits port 3389 from 0.0.0.0/0 (the whole internet), "
                         "which opens RDP (3389)") +
             kTail}},
        Row{"PortRangeCoversBoth",
            "        - {IpProtocol: tcp, FromPort: 0, ToPort: 65535, CidrIp: 0.0.0.0/0}",
            "",
            {std::string("19:65 Sg: 'Sg' admits all ports from 0.0.0.0/0 (the whole internet), "
                         "which opens SSH (22) and RDP (3389)") +
             kTail}},
        Row{"AllProtocols",
            "        - {IpProtocol: \"-1\", CidrIp: 0.0.0.0/0}",
            "",
            {std::string("19:38 Sg: 'Sg' admits all ports from 0.0.0.0/0 (the whole internet), "
                         "which opens SSH (22) and RDP (3389)") +
             kTail}},
        Row{"Ipv6World",
            "        - {IpProtocol: tcp, FromPort: 20, ToPort: 30, CidrIpv6: \"::/0\"}",
            "",
            {std::string("19:65 Sg: 'Sg' admits ports 20-30 from ::/0 (the whole IPv6 "
                         "internet), which opens SSH (22)") +
             kTail}},
        Row{"DefaultedParameterIsKnown",
            "        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref OpenCidr}",
            "",
            {std::string("19:63 Sg: 'Sg' admits port 22 from 0.0.0.0/0 (the whole internet), "
                         "which opens SSH (22)") +
             kTail}},
        Row{"StandaloneRuleReportedOnItself",
            "",
            "  SshIngress:\n"
            "    Type: AWS::EC2::SecurityGroupIngress\n"
            "    Properties:\n"
            "      GroupId: !GetAtt Sg.GroupId\n"
            "      IpProtocol: tcp\n"
            "      FromPort: 22\n"
            "      ToPort: 22\n"
            "      CidrIp: 0.0.0.0/0\n",
            {std::string("27:15 SshIngress: 'Sg' admits port 22 from 0.0.0.0/0 (the whole "
                         "internet), which opens SSH (22)") +
             kTail}},
        Row{"SpecificAddressPasses",
            "        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 203.0.113.10/32}",
            "",
            {}},
        Row{"OtherPortFromInternetPasses",
            "        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}",
            "",
            {}},
        Row{"UdpPasses",
            "        - {IpProtocol: udp, FromPort: 0, ToPort: 65535, CidrIp: 0.0.0.0/0}",
            "",
            {}},
        Row{"PortsAbsentAreUnknown", "        - {IpProtocol: tcp, CidrIp: 0.0.0.0/0}", "", {}},
        Row{"NoIngressRules", "", "", {}},
        Row{"UnresolvedParameter",
            "        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref SshCidr}",
            "",
            {}},
        Row{"ImportedCidr",
            "        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !ImportValue "
            "office-cidr}",
            "",
            {}},
        Row{"UnknownIfOfCidrs",
            "        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !If [IsProd, "
            "0.0.0.0/0, 10.0.0.0/16]}",
            "",
            {}},
        Row{"UnresolvedProtocol",
            "        - {IpProtocol: !Ref SshCidr, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}",
            "",
            {}},
        Row{"FalseConditionRuleDoesNotExist",
            "",
            "  SshIngress:\n"
            "    Type: AWS::EC2::SecurityGroupIngress\n"
            "    Condition: Never\n"
            "    Properties:\n"
            "      GroupId: !Ref Sg\n"
            "      IpProtocol: tcp\n"
            "      FromPort: 22\n"
            "      ToPort: 22\n"
            "      CidrIp: 0.0.0.0/0\n",
            {}},
        Row{"UnknownConditionIsNotProof",
            "",
            "  SshIngress:\n"
            "    Type: AWS::EC2::SecurityGroupIngress\n"
            "    Condition: IsProd\n"
            "    Properties:\n"
            "      GroupId: !Ref Sg\n"
            "      IpProtocol: tcp\n"
            "      FromPort: 22\n"
            "      ToPort: 22\n"
            "      CidrIp: 0.0.0.0/0\n",
            {}},
        Row{"AlbOnlyGroupPasses",
            "        - {IpProtocol: tcp, FromPort: 0, ToPort: 65535, CidrIp: 0.0.0.0/0}",
            "  Alb:\n"
            "    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n"
            "    Properties:\n"
            "      Subnets: [subnet-1, subnet-2]\n"
            "      SecurityGroups: [!Ref Sg]\n",
            {}},
        Row{"NlbGroupFails",
            "        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}",
            "  Nlb:\n"
            "    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n"
            "    Properties:\n"
            "      Type: network\n"
            "      Subnets: [subnet-1, subnet-2]\n"
            "      SecurityGroups: [!Ref Sg]\n",
            {std::string("19:63 Sg: 'Sg' admits port 22 from 0.0.0.0/0 (the whole internet), "
                         "which opens SSH (22)") +
             kTail}},
        Row{"AlbGroupAlsoOnInstanceFails",
            "        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}",
            "  Alb:\n"
            "    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n"
            "    Properties:\n"
            "      Subnets: [subnet-1, subnet-2]\n"
            "      SecurityGroups: [!Ref Sg]\n"
            "  Host:\n"
            "    Type: AWS::EC2::Instance\n"
            "    Properties:\n"
            "      ImageId: ami-12345678\n"
            "      SecurityGroupIds: [!Ref Sg]\n",
            {std::string("19:63 Sg: 'Sg' admits port 22 from 0.0.0.0/0 (the whole internet), "
                         "which opens SSH (22)") +
             kTail}}),
    [](const testing::TestParamInfo<Row>& info) { return std::string(info.param.name); });

// Long-form JSON intrinsics report what short-form YAML does.
TEST(Sec004, LongFormJsonMatchesShortFormYaml) {
  constexpr std::string_view kJson = R"({
  "Parameters": {"OpenCidr": {"Type": "String", "Default": "0.0.0.0/0"}},
  "Resources": {
    "Sg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "admin"}},
    "Rdp": {"Type": "AWS::EC2::SecurityGroupIngress",
            "Properties": {"GroupId": {"Fn::GetAtt": ["Sg", "GroupId"]}, "IpProtocol": "tcp",
                           "FromPort": 3389, "ToPort": 3389, "CidrIp": {"Ref": "OpenCidr"}}}
  }
})";
  constexpr std::string_view kYaml = R"(Parameters:
  OpenCidr: {Type: String, Default: 0.0.0.0/0}
Resources:
  Sg: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: admin}}
  Rdp:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: {GroupId: !GetAtt Sg.GroupId, IpProtocol: tcp, FromPort: 3389, ToPort: 3389, CidrIp: !Ref OpenCidr}
)";
  std::vector<std::string> json = Messages(FindingsOf("SEC004", kJson));
  EXPECT_EQ(json, Messages(FindingsOf("SEC004", kYaml)));
  EXPECT_EQ(
      json,
      (std::vector<std::string>{std::string("Rdp: 'Sg' admits port 3389 from 0.0.0.0/0 (the whole "
                                            "internet), which opens RDP (3389)") +
                                kTail}));
}

// Terraform: inline ingress blocks, aws_security_group_rule and
// aws_vpc_security_group_ingress_rule; an unresolved variable is not reported.
TEST(Sec004, Terraform) {
  constexpr std::string_view kTf = R"({
  "variable": {"office": {"type": "string"}},
  "resource": {
    "aws_security_group": {
      "bastion": {"ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22,
                               "cidr_blocks": ["0.0.0.0/0"]}]},
      "office": {"ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22,
                              "cidr_blocks": ["${var.office}"]}]},
      "windows": {}
    },
    "aws_security_group_rule": {
      "all_v6": {"type": "ingress", "security_group_id": "${aws_security_group.windows.id}",
                 "protocol": "-1", "from_port": 0, "to_port": 0, "ipv6_cidr_blocks": ["::/0"]}
    },
    "aws_vpc_security_group_ingress_rule": {
      "rdp": {"security_group_id": "${aws_security_group.windows.id}", "ip_protocol": "tcp",
              "from_port": 3389, "to_port": 3389, "cidr_ipv4": "0.0.0.0/0"}
    },
    "aws_instance": {
      "a": {"ami": "ami-1", "vpc_security_group_ids": ["${aws_security_group.bastion.id}",
            "${aws_security_group.office.id}", "${aws_security_group.windows.id}"]}
    }
  }
})";
  std::vector<std::string> got = Messages(FindingsOf("SEC004", kTf, "main.tf.json"));
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got,
            (std::vector<std::string>{
                std::string("aws_security_group.bastion: 'aws_security_group.bastion' admits "
                            "port 22 from 0.0.0.0/0 (the whole internet), which opens SSH (22)") +
                    kTail,
                std::string("aws_security_group_rule.all_v6: 'aws_security_group.windows' "
                            "admits all ports from ::/0 (the whole IPv6 internet), which opens "
                            "SSH (22) and RDP (3389)") +
                    kTail,
                std::string("aws_vpc_security_group_ingress_rule.rdp: "
                            "'aws_security_group.windows' admits port 3389 from 0.0.0.0/0 (the "
                            "whole internet), which opens RDP (3389)") +
                    kTail}));
}

}  // namespace
}  // namespace halint
