// HA006 asg-elb-health-check: unit table over small templates.
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
  for (const Finding& f : FindingsOf("HA006", text)) out.emplace_back(f.pos.line, f.message);
  return out;
}

// A target group 'Tg' and an ASG 'Web' (line 11) with `props` from line 16 on.
std::string Template(std::string_view props, std::string_view condition = "") {
  return Substitute(R"(Parameters:
  Check:
    Type: String
Resources:
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Port: 80
      Protocol: HTTP
      VpcId: vpc-12345678
  Web:
    Type: AWS::AutoScaling::AutoScalingGroup{CONDITION}
    Properties:
      MinSize: "2"
      MaxSize: "4"
{PROPS})",
                    {{"{CONDITION}", condition}, {"{PROPS}", props}});
}

struct Case {
  const char* name;
  std::string text;
  Lines expected;
};

constexpr char kAbsent[] =
    "'Web' (AWS::AutoScaling::AutoScalingGroup) is registered with 'Tg' but does not set "
    "HealthCheckType, which defaults to EC2: an instance whose application fails the load "
    "balancer's health check is never replaced; set HealthCheckType to ELB";
constexpr char kEc2[] =
    "'Web' (AWS::AutoScaling::AutoScalingGroup) is registered with 'Tg' but has HealthCheckType "
    "EC2: an instance whose application fails the load balancer's health check is never "
    "replaced; set HealthCheckType to ELB";

TEST(Ha006AsgElbHealthCheck, Table) {
  const std::vector<Case> cases = {
      {"EC2 with a target group",
       Template("      TargetGroupARNs: [!Ref Tg]\n      HealthCheckType: EC2\n"),
       {{17, kEc2}}},
      {"ELB with a target group",
       Template("      TargetGroupARNs: [!Ref Tg]\n      HealthCheckType: ELB\n"),
       {}},
      {"ELB among several types",
       Template("      TargetGroupARNs: [!Ref Tg]\n      HealthCheckType: EC2,ELB\n"),
       {}},
      {"absent: EC2 by default", Template("      TargetGroupARNs: [!Ref Tg]\n"), {{11, kAbsent}}},
      {"not attached to a load balancer", Template("      HealthCheckType: EC2\n"), {}},
      {"empty target group list: not attached", Template("      TargetGroupARNs: []\n"), {}},
      {"parameter without default: unresolved",
       Template("      TargetGroupARNs: [!Ref Tg]\n      HealthCheckType: !Ref Check\n"),
       {}},
      {"imported target group: attached to something",
       Template("      TargetGroupARNs: [!ImportValue shared-tg]\n"),
       {{11,
         "'Web' (AWS::AutoScaling::AutoScalingGroup) is attached to a load balancer but does "
         "not set HealthCheckType, which defaults to EC2: an instance whose application fails "
         "the load balancer's health check is never replaced; set HealthCheckType to ELB"}}},
      {"long form",
       Template("      TargetGroupARNs: [{\"Ref\": \"Tg\"}]\n"
                "      HealthCheckType: {\"Fn::Sub\": \"EC2\"}\n"),
       {{17, kEc2}}},
      {"classic load balancer",
       Template("      LoadBalancerNames: [!Ref Tg]\n      HealthCheckType: EC2\n"),
       {{17, kEc2}}},
      {"condition unknown: judged as created",
       Template("      TargetGroupARNs: [!Ref Tg]\n", "\n    Condition: Maybe") +
           "Conditions:\n  Maybe: !Equals [!Ref Check, x]\n",
       {{11, kAbsent}}},
      {"condition false: not created",
       Template("      TargetGroupARNs: [!Ref Tg]\n", "\n    Condition: Never") +
           "Conditions:\n  Never: !Equals [a, b]\n",
       {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(LinesOf(c.text), c.expected);
  }
}

TEST(Ha006AsgElbHealthCheck, TerraformConfiguration) {
  constexpr char kTf[] = R"({
  "resource": {
    "aws_lb_target_group": {"web": {"port": 80, "protocol": "HTTP", "vpc_id": "vpc-1"}},
    "aws_autoscaling_group": {
      "web": {
        "min_size": 2,
        "max_size": 4,
        "target_group_arns": ["${aws_lb_target_group.web.arn}"]
      }
    }
  }
})";
  Lines out;
  for (const Finding& f : FindingsOf("HA006", kTf, "main.tf.json")) {
    out.emplace_back(f.pos.line, f.message);
  }
  EXPECT_EQ(out, (Lines{{5,
                         "'aws_autoscaling_group.web' (aws_autoscaling_group) is registered with "
                         "'aws_lb_target_group.web' but does not set health_check_type, which "
                         "defaults to EC2: an instance whose application fails the load "
                         "balancer's health check is never replaced; set health_check_type to "
                         "ELB"}}));
}
}  // namespace
}  // namespace halint
