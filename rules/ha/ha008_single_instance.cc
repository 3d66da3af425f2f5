#include "rules/ha/ha008_single_instance.h"

#include <set>

#include "rules/rule_util.h"

namespace halint {

const RuleInfo& Ha008SingleInstance::info() const {
  static const RuleInfo kInfo{
      .id = "HA008",
      .slug = "single-instance",
      .title = "No lone EC2 instance serves an Elastic IP or a target group",
      .severity = Severity::kWarning,
      .rationale =
          "An Elastic IP, or a target group with one instance in it, is an entry point "
          "backed by a single host in a single AZ. When the instance fails, is retired by "
          "AWS or its AZ goes down, the entry point answers nothing until someone rebuilds "
          "the instance and moves the address.",
      .remediation =
          "Serve traffic through a load balancer whose target group is fed by an "
          "AWS::AutoScaling::AutoScalingGroup (TargetGroupARNs, MinSize 2 or more, subnets in "
          "two AZs) instead of an AWS::EC2::Instance with an AWS::EC2::EIP; at the very least "
          "register a second instance in another AZ. Terraform: aws_autoscaling_group with "
          "target_group_arns instead of aws_instance + aws_eip or a single "
          "aws_lb_target_group_attachment.",
      .bad_example = R"yaml(Web:
  Type: AWS::EC2::Instance
  Properties:
    ImageId: !Ref ImageId
    SecurityGroupIds: [!Ref WebSg]   # admits 443 from the internet
WebIp:
  Type: AWS::EC2::EIP
  Properties:
    InstanceId: !Ref Web)yaml",
      .good_example = R"yaml(Web:
  Type: AWS::AutoScaling::AutoScalingGroup
  Properties:
    MinSize: "2"
    MaxSize: "4"
    VPCZoneIdentifier: [!Ref AppSubnetA, !Ref AppSubnetB]
    TargetGroupARNs: [!Ref WebTargetGroup]
    HealthCheckType: ELB)yaml",
      .tags = {"reliability", "compute"},
  };
  return kInfo;
}

namespace {

// Whether an ingress rule admits something other than SSH (22) and RDP (3389); nullopt
// when its protocol or ports are unknown. ICMP is not a service.
std::optional<bool> AdmitsService(const IngressRule& rule) {
  std::optional<std::string> proto = rule.protocol.AsString();
  if (!proto) return std::nullopt;
  if (*proto == "-1" || *proto == "all") return true;
  if (*proto == "icmp" || *proto == "1" || *proto == "icmpv6" || *proto == "58") return false;
  std::optional<int64_t> from = rule.from_port.AsInt();
  std::optional<int64_t> to = rule.to_port.AsInt();
  if (!from || !to) return std::nullopt;
  if (*from == -1 || *to == -1) return true;
  int64_t admin = 0;
  for (int64_t port : {22, 3389}) admin += *from <= port && port <= *to ? 1 : 0;
  return *to - *from + 1 > admin;
}

// True when some ingress rule of `sgs` provably admits a service port: the instance serves
// traffic. An SSH/RDP-only box (a bastion) or unknown rules answer false.
bool ServesTraffic(const Model& model, const std::vector<std::string>& sgs) {
  for (const std::string& id : sgs) {
    const SecurityGroup* sg = model.security_group(id);
    if (!sg) continue;
    for (const IngressRule* rule : sg->ingress) {
      if (AdmitsService(*rule).value_or(false)) return true;
    }
  }
  return false;
}

std::string Subject(const Resource& r) { return Quote(r.id) + " (" + r.type + ")"; }

constexpr std::string_view kConsequence =
    ": when the instance or its AZ fails, the entry point answers nothing until the instance "
    "is rebuilt; serve it from an Auto Scaling group of two or more instances behind a load "
    "balancer";

}  // namespace

void Ha008SingleInstance::Check(const Model& model, RuleContext& ctx) const {
  std::set<std::string> reported;
  for (const EipBinding& b : model.eip_bindings) {
    const Instance* inst = Model::Get(model.instances, b.instance);
    if (!inst || reported.count(b.instance)) continue;
    std::vector<std::string> sgs = inst->security_groups;
    sgs.insert(sgs.end(), b.nic_security_groups.begin(), b.nic_security_groups.end());
    if (!ServesTraffic(model, sgs)) continue;
    reported.insert(b.instance);
    ctx.Report(*inst->res, inst->res->pos, "",
               Subject(*inst->res) + " serves traffic alone through Elastic IP " +
                   Quote(b.declared_by->id) + std::string(kConsequence),
               {ctx.Related(*b.declared_by, "the Elastic IP bound to the instance")});
  }

  // Target groups something else registers in: Auto Scaling groups and ECS services. An
  // ASG whose target groups are unresolved may register anywhere.
  std::set<std::string, std::less<>> fed;
  for (const auto& [id, asg] : model.auto_scaling_groups) {
    if (asg.attached_to_lb && asg.target_groups.empty() && asg.classic_lbs.empty()) return;
    fed.insert(asg.target_groups.begin(), asg.target_groups.end());
    fed.insert(asg.classic_lbs.begin(), asg.classic_lbs.end());
  }
  for (const auto& [id, svc] : model.ecs_services) {
    fed.insert(svc.target_groups.begin(), svc.target_groups.end());
  }
  for (const auto& [id, tg] : model.target_groups) {
    if (tg.target_instances.size() != 1 || tg.other_targets || fed.count(id)) continue;
    const std::string& only = tg.target_instances.front();
    const Instance* inst = Model::Get(model.instances, only);
    if (!inst || !reported.insert(only).second) continue;
    ctx.Report(*inst->res, inst->res->pos, "",
               Subject(*inst->res) + " is the only target of " + Quote(id) +
                   " and no Auto Scaling group registers there" + std::string(kConsequence),
               {ctx.Related(*tg.res, "the target group it serves alone")});
  }
}

}  // namespace halint
