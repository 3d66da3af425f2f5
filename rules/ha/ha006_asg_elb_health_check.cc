#include "rules/ha/ha006_asg_elb_health_check.h"

#include "rules/rule_util.h"

namespace halint {

const RuleInfo& Ha006AsgElbHealthCheck::info() const {
  static const RuleInfo kInfo{
      .id = "HA006",
      .slug = "asg-elb-health-check",
      .title = "Auto Scaling groups behind a load balancer use ELB health checks",
      .severity = Severity::kWarning,
      .rationale =
          "With the default EC2 health check, an Auto Scaling group replaces an instance only "
          "when the instance itself stops. An instance whose application has crashed or hung "
          "keeps running, fails the load balancer's health check and is taken out of "
          "service, but is never replaced: capacity quietly drains until the group serves "
          "nothing.",
      .remediation =
          "Set HealthCheckType: ELB (and a HealthCheckGracePeriod long enough for the "
          "application to start) on the AWS::AutoScaling::AutoScalingGroup that lists "
          "TargetGroupARNs or LoadBalancerNames. Terraform: health_check_type = \"ELB\" on "
          "aws_autoscaling_group.",
      .bad_example = R"yaml(Web:
  Type: AWS::AutoScaling::AutoScalingGroup
  Properties:
    MinSize: "2"
    MaxSize: "4"
    TargetGroupARNs: [!Ref WebTargetGroup]   # HealthCheckType absent: EC2)yaml",
      .good_example = R"yaml(Web:
  Type: AWS::AutoScaling::AutoScalingGroup
  Properties:
    MinSize: "2"
    MaxSize: "4"
    TargetGroupARNs: [!Ref WebTargetGroup]
    HealthCheckType: ELB
    HealthCheckGracePeriod: 300)yaml",
      .tags = {"reliability", "compute", "load-balancing"},
  };
  return kInfo;
}

namespace {

// HealthCheckType is a comma-separated list ("ELB", "EC2,ELB", "ELB,EBS").
bool ListsElb(std::string_view types) {
  while (!types.empty()) {
    size_t comma = types.find(',');
    std::string_view t = types.substr(0, comma);
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
    while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
    if (t == "ELB" || t == "elb") return true;
    types = comma == std::string_view::npos ? std::string_view() : types.substr(comma + 1);
  }
  return false;
}

std::string AttachedTo(const AutoScalingGroup& asg) {
  std::vector<std::string> lbs = asg.target_groups;
  lbs.insert(lbs.end(), asg.classic_lbs.begin(), asg.classic_lbs.end());
  if (lbs.empty()) return "is attached to a load balancer";
  return "is registered with " + JoinQuoted(lbs);
}

}  // namespace

void Ha006AsgElbHealthCheck::Check(const Model& model, RuleContext& ctx) const {
  for (const auto& [id, asg] : model.auto_scaling_groups) {
    if (!asg.attached_to_lb) continue;
    const Resource& res = *asg.res;
    std::string subject = Quote(id) + " (" + res.type + ") " + AttachedTo(asg);
    std::string name = PropName(res, "HealthCheckType");
    constexpr std::string_view kWhy =
        ": an instance whose application fails the load balancer's health check is never "
        "replaced; set ";
    if (asg.health_check_type.is_absent()) {
      ctx.Report(res, res.pos, PropPath(res, "HealthCheckType"),
                 subject + " but does not set " + name + ", which defaults to EC2" +
                     std::string(kWhy) + name + " to ELB");
      continue;
    }
    std::optional<std::string> type = asg.health_check_type.AsString();
    if (!type || ListsElb(*type)) continue;
    ctx.Report(res, PropertyPos(res, "HealthCheckType"), PropPath(res, "HealthCheckType"),
               subject + " but has " + name + " " + *type + std::string(kWhy) + name + " to ELB");
  }
}

}  // namespace halint
