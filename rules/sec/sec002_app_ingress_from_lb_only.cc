#include "rules/sec/sec002_app_ingress_from_lb_only.h"

#include <set>

#include "rules/sec/ingress_util.h"

namespace halint {

const RuleInfo& Sec002AppIngressFromLbOnly::info() const {
  static const RuleInfo kInfo{
      .id = "SEC002",
      .slug = "app-ingress-from-lb-only",
      .title = "App security groups admit only the load balancer (or a bastion)",
      .severity = Severity::kError,
      .rationale =
          "App servers behind a load balancer should be reachable only through it: a CIDR "
          "source on the app tier's security group lets clients bypass the load balancer's "
          "TLS termination, WAF, health checks and logging, and reach every instance "
          "directly.",
      .remediation =
          "Admit traffic on the app security group only from the load balancer's security "
          "group (and SSH only from the bastion's). CloudFormation: SecurityGroupIngress with "
          "SourceSecurityGroupId: !Ref LoadBalancerSecurityGroup. Terraform: ingress { "
          "security_groups = [aws_security_group.lb.id] } or an aws_security_group_rule with "
          "source_security_group_id. For a Network Load Balancer without security groups, "
          "admit the VPC CIDR.",
      .bad_example = R"yaml(AppSg:
  Type: AWS::EC2::SecurityGroup
  Properties:
    SecurityGroupIngress:
      - {IpProtocol: tcp, FromPort: 8080, ToPort: 8080, CidrIp: 0.0.0.0/0})yaml",
      .good_example = R"yaml(AppSg:
  Type: AWS::EC2::SecurityGroup
  Properties:
    SecurityGroupIngress:
      - {IpProtocol: tcp, FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: !Ref LbSg})yaml",
      .tags = {"security", "networking"},
  };
  return kInfo;
}

namespace {

// App SGs whose compute is targeted by a Network Load Balancer without security groups:
// the NLB forwards from its own VPC addresses, so the VPC CIDR is the right source.
std::set<std::string> SgsBehindSgLessNlb(const Model& model) {
  auto sgless_nlb = [&](const std::string& tg_id) {
    const TargetGroup* tg = Model::Get(model.target_groups, tg_id);
    if (!tg) return false;
    for (const std::string& lb_id : tg->load_balancers) {
      const LoadBalancer* lb = Model::Get(model.load_balancers, lb_id);
      if (lb && lb->kind == LbKind::kNetwork && !lb->has_security_groups_property) return true;
    }
    return false;
  };
  std::set<std::string> out;
  auto add = [&](const std::vector<std::string>& sgs) { out.insert(sgs.begin(), sgs.end()); };
  for (const std::string& id : model.app_asgs) {
    const AutoScalingGroup& asg = model.auto_scaling_groups.at(id);
    for (const std::string& tg : asg.target_groups) {
      const LaunchSpec* spec = Model::Get(model.launch_specs, asg.launch_spec);
      if (sgless_nlb(tg) && spec) add(spec->security_groups);
    }
  }
  for (const auto& [tg_id, tg] : model.target_groups) {
    if (!sgless_nlb(tg_id)) continue;
    for (const std::string& inst : tg.target_instances) {
      if (const Instance* i = Model::Get(model.instances, inst)) add(i->security_groups);
    }
  }
  for (const std::string& id : model.app_ecs_services) {
    const EcsService& svc = model.ecs_services.at(id);
    for (const std::string& tg : svc.target_groups) {
      if (sgless_nlb(tg)) add(svc.security_groups);
    }
  }
  return out;
}

}  // namespace

void Sec002AppIngressFromLbOnly::Check(const Model& model, RuleContext& ctx) const {
  std::set<std::string> behind_nlb = SgsBehindSgLessNlb(model);
  for (const std::string& sg_id : model.app_sgs) {
    const SecurityGroup* sg = model.security_group(sg_id);
    if (!sg) continue;
    for (const IngressRule* rule : sg->ingress) {
      if (rule->SourceUnknown() || !IngressCertain(*rule)) continue;
      std::string cidr = DescribeCidrSource(model, *sg, *rule);
      if (!cidr.empty()) {
        if (behind_nlb.count(sg_id) && SourceIsVpcCidr(model, *sg, *rule)) continue;
        // One group on both the load balancer and the app servers opens the servers to
        // whatever the load balancer admits.
        std::string why = model.lb_sgs.count(sg_id)
                              ? "; it is attached to both the load balancer and app-tier "
                                "compute, so clients can reach the app servers directly"
                              : "; app servers should admit only the load balancer's security "
                                "group";
        ReportIngress(ctx, *rule, IngressHead(*rule) + cidr + why);
        continue;
      }
      const std::string& src = rule->source_group;
      if (src.empty() || src == sg_id || model.lb_sgs.count(src) || model.bastion_sgs.count(src) ||
          model.app_sgs.count(src) || !model.security_group(src)) {
        continue;
      }
      if (model.db_sgs.count(src)) {
        ReportIngress(ctx, *rule,
                      IngressHead(*rule) + "the database tier's security group " + Quote(src) +
                          "; app servers should admit only the load balancer's security group");
      }
    }
  }
}

}  // namespace halint
