// SEC006 lb-plain-http over small templates: an internet-facing ALB and one listener whose
// protocol, default actions and certificates vary per row.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "tests/rules/rule_test_util.h"

namespace halint {
namespace {

// The listener's properties start on line 21 (`{LISTENER}`); more resources go at `{EXTRA}`.
constexpr std::string_view kTemplate = R"(AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Proto:
    Type: String
  Scheme:
    Type: String
    Default: internet-facing
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: {SCHEME}
      Subnets: [subnet-1, subnet-2]
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
{LISTENER}
{EXTRA}
)";

struct Row {
  const char* name;
  const char* listener;
  const char* extra;
  std::vector<std::string> expected;  // Describe() of the findings
  const char* scheme = "!Ref Scheme";
};

constexpr char kForward[] =
    "      LoadBalancerArn: !Ref Alb\n"
    "      Protocol: HTTP\n"
    "      Port: 80\n"
    "      DefaultActions:\n"
    "        - {Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:tg}";

constexpr char kForwardFinding[] =
    "22:17 Listener: 'Listener' (AWS::ElasticLoadBalancingV2::Listener) of internet-facing ALB "
    "'Alb' serves plain HTTP on port 80: DefaultActions is forward, expected a redirect to HTTPS";

class Sec006Table : public testing::TestWithParam<Row> {};

TEST_P(Sec006Table, ReportsExactly) {
  const Row& row = GetParam();
  std::string text =
      Substitute(std::string(kTemplate),
                 {{"{SCHEME}", row.scheme}, {"{LISTENER}", row.listener}, {"{EXTRA}", row.extra}});
  EXPECT_EQ(Describe(FindingsOf("SEC006", text)), row.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Sec006, Sec006Table,
    testing::Values(
        Row{"HttpForward", kForward, "", {kForwardFinding}},
        Row{"HttpRedirectToHttpsPasses",
            "      LoadBalancerArn: !Ref Alb\n"
            "      Protocol: HTTP\n"
            "      Port: 80\n"
            "      DefaultActions:\n"
            "        - Type: redirect\n"
            "          RedirectConfig: {Protocol: HTTPS, Port: \"443\", StatusCode: HTTP_301}",
            "",
            {}},
        Row{"HttpRedirectKeepingProtocol",
            "      LoadBalancerArn: !Ref Alb\n"
            "      Protocol: HTTP\n"
            "      Port: 80\n"
            "      DefaultActions:\n"
            "        - Type: redirect\n"
            "          RedirectConfig: {Host: www.example.com, StatusCode: HTTP_301}",
            "",
            {"22:17 Listener: 'Listener' (AWS::ElasticLoadBalancingV2::Listener) of "
             "internet-facing ALB 'Alb' serves plain HTTP on port 80: DefaultActions is redirect "
             "to #{protocol}, expected a redirect to HTTPS"}},
        Row{"HttpFixedResponse",
            "      LoadBalancerArn: !Ref Alb\n"
            "      Protocol: HTTP\n"
            "      DefaultActions:\n"
            "        - Type: fixed-response\n"
            "          FixedResponseConfig: {StatusCode: \"404\"}",
            "",
            {"22:17 Listener: 'Listener' (AWS::ElasticLoadBalancingV2::Listener) of "
             "internet-facing ALB 'Alb' serves plain HTTP: DefaultActions is fixed-response, "
             "expected a redirect to HTTPS"}},
        Row{"InternalAlbPasses", kForward, "", {}, "internal"},
        Row{"SchemeAbsentIsInternetFacing", kForward, "", {kForwardFinding}, "!Ref AWS::NoValue"},
        Row{"NetworkLbPasses",
            "      LoadBalancerArn: !Ref Nlb\n"
            "      Protocol: TCP\n"
            "      Port: 80\n"
            "      DefaultActions:\n"
            "        - {Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:tg}",
            "  Nlb:\n"
            "    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n"
            "    Properties: {Type: network, Subnets: [subnet-1, subnet-2]}\n",
            {}},
        Row{"ExternalLoadBalancerIsUnknown",
            "      LoadBalancerArn: !ImportValue shared-alb\n"
            "      Protocol: HTTP\n"
            "      Port: 80\n"
            "      DefaultActions:\n"
            "        - {Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:tg}",
            "",
            {}},
        Row{"UnresolvedProtocol",
            "      LoadBalancerArn: !Ref Alb\n"
            "      Protocol: !Ref Proto\n"
            "      Port: 80\n"
            "      DefaultActions:\n"
            "        - {Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:tg}",
            "",
            {}},
        Row{"UnresolvedRedirectProtocol",
            "      LoadBalancerArn: !Ref Alb\n"
            "      Protocol: HTTP\n"
            "      Port: 80\n"
            "      DefaultActions:\n"
            "        - Type: redirect\n"
            "          RedirectConfig: {Protocol: !Ref Proto, StatusCode: HTTP_301}",
            "",
            {}},
        Row{"ProtocolAbsentIsUnknown",
            "      LoadBalancerArn: !Ref Alb\n"
            "      Port: 80\n"
            "      DefaultActions:\n"
            "        - {Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:tg}",
            "",
            {}},
        Row{"HttpsWithCertificatePasses",
            "      LoadBalancerArn: !Ref Alb\n"
            "      Protocol: HTTPS\n"
            "      Port: 443\n"
            "      Certificates: [{CertificateArn: "
            "arn:aws:acm:us-east-1:123456789012:certificate/x}]\n"
            "      DefaultActions:\n"
            "        - {Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:tg}",
            "",
            {}},
        Row{"HttpsWithoutCertificate",
            "      LoadBalancerArn: !Ref Alb\n"
            "      Protocol: HTTPS\n"
            "      Port: 443\n"
            "      DefaultActions:\n"
            "        - {Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:tg}",
            "",
            {"22:17 Listener: 'Listener' (AWS::ElasticLoadBalancingV2::Listener) uses HTTPS on "
             "port 443 but Certificates is absent and no listener certificate names it; expected "
             "a server certificate"}},
        Row{"HttpsWithListenerCertificatePasses",
            "      LoadBalancerArn: !Ref Alb\n"
            "      Protocol: HTTPS\n"
            "      Port: 443\n"
            "      DefaultActions:\n"
            "        - {Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:tg}",
            "  ExtraCert:\n"
            "    Type: AWS::ElasticLoadBalancingV2::ListenerCertificate\n"
            "    Properties:\n"
            "      ListenerArn: !GetAtt Listener.ListenerArn\n"
            "      Certificates: [{CertificateArn: "
            "arn:aws:acm:us-east-1:123456789012:certificate/x}]\n",
            {}},
        Row{"HttpsWithUnresolvedCertificatePasses",
            "      LoadBalancerArn: !Ref Alb\n"
            "      Protocol: HTTPS\n"
            "      Port: 443\n"
            "      Certificates: !Ref Proto\n"
            "      DefaultActions:\n"
            "        - {Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:tg}",
            "",
            {}},
        Row{"UnknownConditionListenerIsReported",
            kForward,
            "  Other:\n"
            "    Type: AWS::ElasticLoadBalancingV2::Listener\n"
            "    Condition: IsProd\n"
            "    Properties:\n"
            "      LoadBalancerArn: !Ref Alb\n"
            "      Protocol: HTTP\n"
            "      Port: 8080\n"
            "      DefaultActions:\n"
            "        - {Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:tg}\n",
            {kForwardFinding,
             "31:17 Other: 'Other' (AWS::ElasticLoadBalancingV2::Listener) of internet-facing "
             "ALB 'Alb' serves plain HTTP on port 8080: DefaultActions is forward, expected a "
             "redirect to HTTPS"}}),
    [](const testing::TestParamInfo<Row>& info) { return std::string(info.param.name); });

// The trap a peer tool falls into: an HTTP listener that only redirects to HTTPS is the
// recommended setup, in long-form JSON as in short-form YAML.
TEST(Sec006, LongFormJsonMatchesShortFormYaml) {
  constexpr std::string_view kJson = R"({
  "Resources": {
    "Alb": {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer",
            "Properties": {"Subnets": ["subnet-1", "subnet-2"]}},
    "Redirect": {"Type": "AWS::ElasticLoadBalancingV2::Listener",
                 "Properties": {"LoadBalancerArn": {"Ref": "Alb"}, "Protocol": "HTTP", "Port": 80,
                                "DefaultActions": [{"Type": "redirect",
                                                    "RedirectConfig": {"Protocol": "HTTPS"}}]}},
    "Plain": {"Type": "AWS::ElasticLoadBalancingV2::Listener",
              "Properties": {"LoadBalancerArn": {"Fn::GetAtt": ["Alb", "LoadBalancerArn"]},
                             "Protocol": "HTTP", "Port": 8080,
                             "DefaultActions": [{"Type": "forward", "TargetGroupArn": "arn:tg"}]}}
  }
})";
  constexpr std::string_view kYaml = R"(Resources:
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: {Subnets: [subnet-1, subnet-2]}
  Redirect:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      Protocol: HTTP
      Port: 80
      DefaultActions: [{Type: redirect, RedirectConfig: {Protocol: HTTPS}}]
  Plain:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !GetAtt Alb.LoadBalancerArn
      Protocol: HTTP
      Port: 8080
      DefaultActions: [{Type: forward, TargetGroupArn: arn:tg}]
)";
  std::vector<std::string> json = Messages(FindingsOf("SEC006", kJson));
  EXPECT_EQ(json, Messages(FindingsOf("SEC006", kYaml)));
  EXPECT_EQ(json, (std::vector<std::string>{
                      "Plain: 'Plain' (AWS::ElasticLoadBalancingV2::Listener) of internet-facing "
                      "ALB 'Alb' serves plain HTTP on port 8080: DefaultActions is forward, "
                      "expected a redirect to HTTPS"}));
}

// Terraform: protocol absent on an ALB listener is HTTP (the provider's default); a redirect
// block with protocol HTTPS passes; certificate_arn or aws_lb_listener_certificate count.
TEST(Sec006, Terraform) {
  constexpr std::string_view kTf = R"({
  "resource": {
    "aws_lb": {"pub": {"subnets": ["subnet-1", "subnet-2"]},
               "int": {"internal": true, "subnets": ["subnet-1", "subnet-2"]}},
    "aws_lb_listener": {
      "plain": {"load_balancer_arn": "${aws_lb.pub.arn}", "port": 80,
                "default_action": [{"type": "forward", "target_group_arn": "arn:tg"}]},
      "redirect": {"load_balancer_arn": "${aws_lb.pub.arn}", "port": 8080, "protocol": "HTTP",
                   "default_action": [{"type": "redirect",
                                       "redirect": [{"protocol": "HTTPS", "port": "443",
                                                     "status_code": "HTTP_301"}]}]},
      "internal": {"load_balancer_arn": "${aws_lb.int.arn}", "port": 80, "protocol": "HTTP",
                   "default_action": [{"type": "forward", "target_group_arn": "arn:tg"}]},
      "nocert": {"load_balancer_arn": "${aws_lb.pub.arn}", "port": 443, "protocol": "HTTPS",
                 "default_action": [{"type": "forward", "target_group_arn": "arn:tg"}]},
      "cert": {"load_balancer_arn": "${aws_lb.pub.arn}", "port": 8443, "protocol": "HTTPS",
               "certificate_arn": "arn:aws:acm:us-east-1:123456789012:certificate/x",
               "default_action": [{"type": "forward", "target_group_arn": "arn:tg"}]},
      "extra": {"load_balancer_arn": "${aws_lb.pub.arn}", "port": 9443, "protocol": "HTTPS",
                "default_action": [{"type": "forward", "target_group_arn": "arn:tg"}]}
    },
    "aws_lb_listener_certificate": {
      "x": {"listener_arn": "${aws_lb_listener.extra.arn}",
            "certificate_arn": "arn:aws:acm:us-east-1:123456789012:certificate/y"}
    }
  }
})";
  EXPECT_EQ(Messages(FindingsOf("SEC006", kTf, "main.tf.json")),
            (std::vector<std::string>{
                "aws_lb_listener.plain: 'aws_lb_listener.plain' (aws_lb_listener) of "
                "internet-facing ALB 'aws_lb.pub' serves plain HTTP on port 80: default_action is "
                "forward, expected a redirect to HTTPS",
                "aws_lb_listener.nocert: 'aws_lb_listener.nocert' (aws_lb_listener) uses HTTPS on "
                "port 443 but certificate_arn is absent and no listener certificate names it; "
                "expected a server certificate"}));
}

}  // namespace
}  // namespace halint
