// HA008 single-instance: unit table over small templates.
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
  for (const Finding& f : FindingsOf("HA008", text)) out.emplace_back(f.pos.line, f.message);
  return out;
}

// Security groups WebSg (HTTPS from anywhere) and AdminSg (SSH only), an instance 'Web'
// (line 23) in `sg`, then `rest`.
std::string Template(std::string_view sg, std::string_view rest, std::string_view condition = "") {
  return Substitute(R"(Parameters:
  Id:
    Type: String
Resources:
  WebSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      VpcId: vpc-12345678
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 0.0.0.0/0
  AdminSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: admin
      VpcId: vpc-12345678
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 203.0.113.10/32}
        - {IpProtocol: tcp, FromPort: 3389, ToPort: 3389, CidrIp: 203.0.113.10/32}
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      SecurityGroupIds: [{SG}]
{REST})",
                    {{"{SG}", sg}, {"{REST}", rest}}) +
         std::string(condition);
}

constexpr char kEip[] =
    "  Ip:\n    Type: AWS::EC2::EIP\n    Properties:\n      InstanceId: !Ref Web\n";

struct Case {
  const char* name;
  std::string text;
  Lines expected;
};

constexpr char kW[] = "'Web' (AWS::EC2::Instance) ";
constexpr char kWhy[] =
    ": when the instance or its AZ fails, the entry point answers nothing until the instance "
    "is rebuilt; serve it from an Auto Scaling group of two or more instances behind a load "
    "balancer";

std::string ViaEip(std::string_view eip) {
  return std::string(kW) + "serves traffic alone through Elastic IP '" + std::string(eip) + "'" +
         kWhy;
}
std::string OnlyTarget(std::string_view tg) {
  return std::string(kW) + "is the only target of '" + std::string(tg) +
         "' and no Auto Scaling group registers there" + kWhy;
}

constexpr char kTg[] =
    "  Tg:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties:\n"
    "      Port: 443\n      Protocol: HTTPS\n      VpcId: vpc-12345678\n      Targets:\n"
    "        - Id: !Ref Web\n";

TEST(Ha008SingleInstance, Table) {
  const std::vector<Case> cases = {
      {"web server behind an Elastic IP", Template("!Ref WebSg", kEip), {{23, ViaEip("Ip")}}},
      {"bastion behind an Elastic IP: SSH/RDP only", Template("!Ref AdminSg", kEip), {}},
      {"no Elastic IP, no target group", Template("!Ref WebSg", ""), {}},
      {"security group imported: unknown whether it serves",
       Template("!ImportValue web-sg", kEip),
       {}},
      {"Elastic IP on a parameter instance ID: not bound here",
       Template("!Ref WebSg",
                "  Ip:\n    Type: AWS::EC2::EIP\n    Properties:\n      InstanceId: !Ref Id\n"),
       {}},
      {"association through a network interface, long form",
       Template(
           "!Ref AdminSg",
           "  Nic:\n    Type: AWS::EC2::NetworkInterface\n    Properties:\n"
           "      SubnetId: subnet-1\n      GroupSet: [{\"Ref\": \"WebSg\"}]\n"
           "  Attach:\n    Type: AWS::EC2::NetworkInterfaceAttachment\n    Properties:\n"
           "      InstanceId: {\"Ref\": \"Web\"}\n      NetworkInterfaceId: {\"Ref\": \"Nic\"}\n"
           "      DeviceIndex: \"1\"\n"
           "  Assoc:\n    Type: AWS::EC2::EIPAssociation\n    Properties:\n"
           "      AllocationId: eipalloc-12345678\n"
           "      NetworkInterfaceId: {\"Fn::GetAtt\": [Nic, Id]}\n"),
       {{23, ViaEip("Assoc")}}},
      {"only target of a target group", Template("!Ref WebSg", kTg), {{23, OnlyTarget("Tg")}}},
      {"target group with an IP target too",
       Template("!Ref WebSg", std::string(kTg) + "        - Id: 10.0.0.5\n"),
       {}},
      {"target group fed by an Auto Scaling group",
       Template("!Ref WebSg", std::string(kTg) +
                                  "  Asg:\n    Type: AWS::AutoScaling::AutoScalingGroup\n"
                                  "    Properties:\n      MinSize: \"2\"\n      MaxSize: \"4\"\n"
                                  "      TargetGroupARNs: [!Ref Tg]\n"),
       {}},
      {"Elastic IP behind an unknown condition: judged as created",
       Template("!Ref WebSg",
                "  Ip:\n    Type: AWS::EC2::EIP\n    Condition: Maybe\n    Properties:\n"
                "      InstanceId: !Ref Web\n",
                "Conditions:\n  Maybe: !Equals [!Ref Id, x]\n"),
       {{23, ViaEip("Ip")}}},
      {"Elastic IP behind a false condition: not created",
       Template("!Ref WebSg",
                "  Ip:\n    Type: AWS::EC2::EIP\n    Condition: Never\n    Properties:\n"
                "      InstanceId: !Ref Web\n",
                "Conditions:\n  Never: !Equals [a, b]\n"),
       {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(LinesOf(c.text), c.expected);
  }
}

TEST(Ha008SingleInstance, TerraformConfiguration) {
  constexpr char kTf[] = R"({
  "resource": {
    "aws_security_group": {
      "web": {
        "vpc_id": "vpc-1",
        "ingress": [{"from_port": 443, "to_port": 443, "protocol": "tcp",
                     "cidr_blocks": ["0.0.0.0/0"]}]
      }
    },
    "aws_instance": {
      "web": {"ami": "ami-1", "vpc_security_group_ids": ["${aws_security_group.web.id}"]}
    },
    "aws_eip_association": {
      "web": {"instance_id": "${aws_instance.web.id}", "allocation_id": "eipalloc-1"}
    }
  }
})";
  Lines out;
  for (const Finding& f : FindingsOf("HA008", kTf, "main.tf.json")) {
    out.emplace_back(f.pos.line, f.message);
  }
  EXPECT_EQ(out, (Lines{{11,
                         "'aws_instance.web' (aws_instance) serves traffic alone through "
                         "Elastic IP 'aws_eip_association.web'" +
                             std::string(kWhy)}}));
}
}  // namespace
}  // namespace halint
