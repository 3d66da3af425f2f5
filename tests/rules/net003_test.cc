// NET003 nacl-return-traffic: unit table over small templates.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/rules/rule_test_util.h"

namespace halint {
namespace {

// A VPC and network ACL 'Nacl' (line 11) with the given entries.
std::string Template(const std::vector<std::string>& entries) {
  std::string text = R"(Parameters:
  Unknown:
    Type: String
Conditions:
  Maybe: !Equals [!Ref Unknown, "yes"]
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  Nacl:
    Type: AWS::EC2::NetworkAcl
    Properties:
      VpcId: !Ref Vpc
)";
  for (const std::string& e : entries) text += e;
  return text;
}

struct Spec {
  std::string_view name;
  int number = 100;
  bool egress = false;
  std::string_view protocol = "6";
  std::string_view action = "allow";
  std::string_view cidr = "CidrBlock: 0.0.0.0/0";
  std::string_view ports = "PortRange: {From: 443, To: 443}";
  std::string_view acl = "!Ref Nacl";
  std::string_view condition = "# unconditional";
};

std::string Entry(const Spec& s) {
  return Substitute(R"(  {NAME}:
    Type: AWS::EC2::NetworkAclEntry
    {CONDITION}
    Properties:
      NetworkAclId: {ACL}
      RuleNumber: {NUMBER}
      Protocol: {PROTOCOL}
      RuleAction: {ACTION}
      Egress: {EGRESS}
      {CIDR}
      {PORTS}
)",
                    {{"{NAME}", s.name},
                     {"{CONDITION}", s.condition},
                     {"{ACL}", s.acl},
                     {"{NUMBER}", std::to_string(s.number)},
                     {"{PROTOCOL}", s.protocol},
                     {"{ACTION}", s.action},
                     {"{EGRESS}", s.egress ? "true" : "false"},
                     {"{CIDR}", s.cidr},
                     {"{PORTS}", s.ports}});
}

const std::string kInHttps = Entry({.name = "InHttps"});
constexpr std::string_view kEphemeral = "PortRange: {From: 1024, To: 65535}";
const std::string kOutEphemeral =
    Entry({.name = "OutEphemeral", .egress = true, .ports = kEphemeral});

constexpr char kNoReturn[] =
    "'Nacl' allows inbound tcp port 443 from 0.0.0.0/0 (rule 100) but not the outbound return "
    "traffic on ports 1024-65535 to 0.0.0.0/0: tcp port 1024 to 0.0.0.0 matches no rule and "
    "is denied by the default rule";

TEST(Net003NaclReturnTraffic, Table) {
  ExpectRuleTable(
      "NET003",
      {
          {"inbound HTTPS without outbound rules", Template({kInHttps}), {{11, kNoReturn}}},
          {"inbound HTTPS with outbound ephemeral ports", Template({kInHttps, kOutEphemeral}), {}},
          {"no entries: nothing admitted", Template({}), {}},
          {"Egress absent means inbound",
           Template({Substitute(kInHttps, {{"Egress: false", "# Egress absent"}})}),
           {{11, kNoReturn}}},
          {"outbound ephemeral range too narrow",
           Template({kInHttps, Entry({.name = "Out",
                                      .egress = true,
                                      .ports = "PortRange: {From: 32768, To: 65535}"})}),
           {{11, kNoReturn}}},
          {"a deny before the allow wins",
           Template({kInHttps, kOutEphemeral,
                     Entry({.name = "OutDeny",
                            .number = 90,
                            .egress = true,
                            .action = "deny",
                            .cidr = "CidrBlock: 192.0.2.0/24",
                            .ports = "PortRange: {From: 2000, To: 3000}"})}),
           {{11,
             "'Nacl' allows inbound tcp port 443 from 0.0.0.0/0 (rule 100) but not the outbound "
             "return traffic on ports 1024-65535 to 0.0.0.0/0: tcp port 2000 to 192.0.2.0 is "
             "denied by rule 90"}}},
          {"an all-ports deny of one range blocks those peers on purpose",
           Template({kInHttps, kOutEphemeral,
                     Entry({.name = "OutAll",
                            .number = 110,
                            .egress = true,
                            .protocol = "-1",
                            .ports = "# all ports"}),
                     Entry({.name = "InBlock",
                            .number = 90,
                            .protocol = "-1",
                            .action = "deny",
                            .cidr = "CidrBlock: 203.0.113.0/24",
                            .ports = "# all ports"}),
                     Entry({.name = "InEphemeral", .number = 120, .ports = kEphemeral})}),
           {}},
          {"an all-ports deny of every peer is a mistake, not a block",
           Template({kInHttps,
                     Entry({.name = "OutDenyAll",
                            .number = 90,
                            .egress = true,
                            .protocol = "-1",
                            .action = "deny",
                            .ports = "# all ports"}),
                     kOutEphemeral}),
           {{11,
             "'Nacl' allows inbound tcp port 443 from 0.0.0.0/0 (rule 100) but not the outbound "
             "return traffic on ports 1024-65535 to 0.0.0.0/0: tcp port 1024 to 0.0.0.0 is denied "
             "by rule 90"}}},
          {"a deny after the allow never matches",
           Template({kInHttps, kOutEphemeral,
                     Entry({.name = "OutDeny",
                            .number = 110,
                            .egress = true,
                            .action = "deny",
                            .ports = kEphemeral})}),
           {}},
          {"return traffic allowed to part of the peers only",
           Template({kInHttps, Entry({.name = "Out",
                                      .egress = true,
                                      .cidr = "CidrBlock: 10.0.0.0/8",
                                      .ports = kEphemeral})}),
           {{11, kNoReturn}}},
          {"an inbound allow shadowed by an earlier deny admits nothing",
           Template({kInHttps, Entry({.name = "InDeny",
                                      .number = 50,
                                      .protocol = "-1",
                                      .action = "deny",
                                      .ports = "# all ports"})}),
           {}},
          {"outbound all traffic needs inbound ephemeral ports",
           Template(
               {Entry({.name = "InEphemeral", .ports = kEphemeral}),
                Entry(
                    {.name = "OutAll", .egress = true, .protocol = "-1", .ports = "# all ports"})}),
           {}},
          {"outbound all traffic without inbound return traffic",
           Template(
               {kInHttps,
                Entry(
                    {.name = "OutAll", .egress = true, .protocol = "-1", .ports = "# all ports"})}),
           {{11,
             "'Nacl' allows all outbound traffic to 0.0.0.0/0 (rule 100) but not the inbound "
             "return traffic on ports 1024-65535 from 0.0.0.0/0: tcp port 1024 from 0.0.0.0 "
             "matches no rule and is denied by the default rule"}}},
          {"inbound ephemeral ports alone are return traffic, not a service",
           Template({Entry({.name = "InEphemeral", .ports = kEphemeral})}),
           {}},
          {"UDP service needs UDP return traffic",
           Template({Entry({.name = "InDns",
                            .protocol = "17",
                            .cidr = "CidrBlock: 10.0.0.0/16",
                            .ports = "PortRange: {From: 53, To: 53}"}),
                     kOutEphemeral}),
           {{11,
             "'Nacl' allows inbound udp port 53 from 10.0.0.0/16 (rule 100) but not the outbound "
             "return traffic on ports 1024-65535 to 10.0.0.0/16: udp port 1024 to 10.0.0.0 matches "
             "no rule and is denied by the default rule"}}},
          {"protocol names and long forms",
           Template({Substitute(kInHttps, {{"!Ref Nacl", R"({"Ref": "Nacl"})"}}),
                     Entry({.name = "Out",
                            .egress = true,
                            .protocol = "\"6\"",
                            .ports = kEphemeral,
                            .acl = R"({"Ref": "Nacl"})"})}),
           {}},
          {"long form, bad",
           Template({Substitute(kInHttps, {{"!Ref Nacl", R"({"Ref": "Nacl"})"}})}),
           {{11, kNoReturn}}},
          {"peer from a parameter without default: not judged",
           Template({kInHttps, Entry({.name = "Out",
                                      .egress = true,
                                      .cidr = "CidrBlock: !Ref Unknown",
                                      .ports = kEphemeral})}),
           {}},
          {"imported ports: not judged",
           Template(
               {kInHttps, Entry({.name = "Out",
                                 .egress = true,
                                 .ports = "PortRange: {From: !ImportValue net-From, To: 65535}"})}),
           {}},
          {"entry behind an unknown condition: not judged",
           Template({kInHttps, Entry({.name = "Out",
                                      .egress = true,
                                      .ports = kEphemeral,
                                      .condition = "Condition: Maybe"})}),
           {}},
          {"entry of another ACL does not count",
           Template({kInHttps, Entry({.name = "Out",
                                      .egress = true,
                                      .ports = kEphemeral,
                                      .acl = "acl-0123456789abcdef0"})}),
           {{11, kNoReturn}}},
          {"IPv6 peers need IPv6 return rules",
           Template({Entry({.name = "InHttps6", .cidr = "Ipv6CidrBlock: ::/0"}), kOutEphemeral}),
           {{11,
             "'Nacl' allows inbound tcp port 443 from ::/0 (rule 100) but not the outbound return "
             "traffic on ports 1024-65535 to ::/0: tcp port 1024 to :: matches no rule and is "
             "denied by the default rule"}}},
          {"IPv6 with IPv6 return rules",
           Template({Entry({.name = "InHttps6", .cidr = "Ipv6CidrBlock: ::/0"}),
                     Entry({.name = "Out6",
                            .egress = true,
                            .cidr = "Ipv6CidrBlock: ::/0",
                            .ports = kEphemeral})}),
           {}},
          {"Fn::Cidr peers, covered",
           Template(
               {Entry({.name = "In", .cidr = "CidrBlock: !Select [0, !Cidr [10.0.0.0/16, 2, 8]]"}),
                Entry({.name = "Out",
                       .egress = true,
                       .cidr = "CidrBlock: 10.0.0.0/16",
                       .ports = kEphemeral})}),
           {}},
          {"Fn::Cidr peers, not covered",
           Template(
               {Entry({.name = "In", .cidr = "CidrBlock: !Select [0, !Cidr [10.0.0.0/16, 2, 8]]"}),
                Entry({.name = "Out",
                       .egress = true,
                       .cidr = "CidrBlock: !Select [1, !Cidr [10.0.0.0/16, 2, 8]]",
                       .ports = kEphemeral})}),
           {{11,
             "'Nacl' allows inbound tcp port 443 from 10.0.0.0/24 (rule 100) but not the outbound "
             "return traffic on ports 1024-65535 to 10.0.0.0/24: tcp port 1024 to 10.0.0.0 matches "
             "no rule and is denied by the default rule"}}},
      });
}

TEST(Net003NaclReturnTraffic, FindingRelatesTheAdmittingAndDenyingEntries) {
  std::vector<Finding> found = FindingsOf("NET003", Template({kInHttps, kOutEphemeral,
                                                              Entry({.name = "OutDeny",
                                                                     .number = 90,
                                                                     .egress = true,
                                                                     .action = "deny",
                                                                     .ports = kEphemeral})}));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].resource, "Nacl");
  ASSERT_EQ(found[0].related.size(), 2u);
  EXPECT_EQ(found[0].related[0].resource, "InHttps");
  EXPECT_EQ(found[0].related[0].message, "the rule that admits the traffic");
  EXPECT_EQ(found[0].related[1].resource, "OutDeny");
  EXPECT_EQ(found[0].related[1].message, "the rule that denies the replies");
}

// Terraform: aws_network_acl.public (line 5) admitting HTTPS, with the given egress blocks
// and aws_network_acl_rule resources.
std::string TfTemplate(std::string_view egress, std::string_view rules = "{}") {
  return Substitute(R"({
  "resource": {
    "aws_vpc": {"main": {"cidr_block": "10.0.0.0/16"}},
    "aws_network_acl": {
      "public": {
        "vpc_id": "${aws_vpc.main.id}",
        "ingress": [{"rule_no": 100, "protocol": "tcp", "action": "allow", "cidr_block": "0.0.0.0/0",
                     "ipv6_cidr_block": null, "from_port": 443, "to_port": 443, "icmp_code": 0, "icmp_type": 0}],
        "egress": {EGRESS}
      }
    },
    "aws_network_acl_rule": {RULES}
  },
  "variable": {"peer": {"type": "string"}}
})",
                    {{"{EGRESS}", egress}, {"{RULES}", rules}});
}

TEST(Net003NaclReturnTraffic, Terraform) {
  auto lines = [](const std::string& text) { return LinesOfRule("NET003", text, "main.tf.json"); };
  EXPECT_EQ(lines(TfTemplate("[]")),
            (FindingLines{{5,
                           "'aws_network_acl.public' allows inbound tcp port 443 from 0.0.0.0/0 "
                           "(rule 100) but not the outbound return traffic on ports 1024-65535 "
                           "to 0.0.0.0/0: tcp port 1024 to 0.0.0.0 matches no rule and is "
                           "denied by the default rule"}}));
  EXPECT_EQ(lines(TfTemplate(R"([{"rule_no": 100, "protocol": "6", "action": "allow",
      "cidr_block": "0.0.0.0/0", "ipv6_cidr_block": null, "from_port": 1024, "to_port": 65535,
      "icmp_code": 0, "icmp_type": 0}])")),
            FindingLines{});
  const std::string rule = R"({"out": {"network_acl_id": "${aws_network_acl.public.id}",
      "rule_number": 100, "egress": true, "protocol": "-1", "rule_action": "allow",
      "cidr_block": {PEER}}})";
  // aws_network_acl_rule: outbound all traffic answers the HTTPS clients, and is itself a
  // service whose replies the ACL does not admit.
  EXPECT_EQ(lines(TfTemplate("[]", Substitute(rule, {{"{PEER}", "\"0.0.0.0/0\""}}))),
            (FindingLines{{5,
                           "'aws_network_acl.public' allows all outbound traffic to 0.0.0.0/0 "
                           "(rule 100) but not the inbound return traffic on ports 1024-65535 "
                           "from 0.0.0.0/0: tcp port 1024 from 0.0.0.0 matches no rule and is "
                           "denied by the default rule"}}));
  EXPECT_EQ(lines(TfTemplate("[]", Substitute(rule, {{"{PEER}", "\"${var.peer}\""}}))),
            FindingLines{});
}

}  // namespace
}  // namespace halint
