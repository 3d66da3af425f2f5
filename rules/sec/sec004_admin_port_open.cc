#include "rules/sec/sec004_admin_port_open.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "rules/sec/ingress_util.h"

namespace halint {

const RuleInfo& Sec004AdminPortOpen::info() const {
  static const RuleInfo kInfo{
      .id = "SEC004",
      .slug = "admin-port-open",
      .title = "No security group opens SSH or RDP to the whole internet",
      .severity = Severity::kError,
      .rationale =
          "SSH (22) and RDP (3389) open to 0.0.0.0/0 or ::/0 are found by internet-wide "
          "scanners within minutes and brute-forced around the clock; one weak password or "
          "unpatched daemon gives an attacker a shell inside the VPC, behind every other "
          "security group.",
      .remediation =
          "Admit admin ports only from a specific address range (an office or VPN /32), or "
          "drop them and use AWS Systems Manager Session Manager. CloudFormation: CidrIp: "
          "203.0.113.10/32 (or a parameter without a 0.0.0.0/0 default) on the "
          "SecurityGroupIngress entry or AWS::EC2::SecurityGroupIngress. Terraform: "
          "cidr_blocks = [\"203.0.113.10/32\"] on the ingress block / aws_security_group_rule, "
          "cidr_ipv4 on aws_vpc_security_group_ingress_rule.",
      .bad_example = R"yaml(BastionSg:
  Type: AWS::EC2::SecurityGroup
  Properties:
    SecurityGroupIngress:
      - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0})yaml",
      .good_example = R"yaml(BastionSg:
  Type: AWS::EC2::SecurityGroup
  Properties:
    SecurityGroupIngress:
      - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 203.0.113.10/32})yaml",
      .tags = {"security", "networking"},
  };
  return kInfo;
}

namespace {

// The "/0" range among `v` (a CIDR or a list of CIDRs), if any.
std::optional<std::string> WorldCidr(const Value& v) {
  if (std::optional<std::string> s = v.AsString()) {
    if (s->ends_with("/0")) return s;
    return std::nullopt;
  }
  for (const Value& item : v.items()) {
    if (std::optional<std::string> s = item.AsString(); s && s->ends_with("/0")) return s;
  }
  return std::nullopt;
}

// Security groups attached only to Application Load Balancers. An ALB listens only on its
// listener ports and speaks only HTTP(S): a rule admitting port 22 there reaches no shell.
// NLBs and classic LBs pass TCP through to their targets, so their groups are not exempt.
std::set<std::string, std::less<>> AlbOnlyGroups(const Model& model) {
  std::set<std::string, std::less<>> alb, other;
  auto add = [&other](const std::vector<std::string>& ids) {
    other.insert(ids.begin(), ids.end());
  };
  for (const auto& [id, lb] : model.load_balancers) {
    if (lb.kind == LbKind::kApplication) {
      alb.insert(lb.security_groups.begin(), lb.security_groups.end());
    } else {
      add(lb.security_groups);
    }
  }
  for (const auto& [id, spec] : model.launch_specs) add(spec.security_groups);
  for (const auto& [id, inst] : model.instances) add(inst.security_groups);
  for (const auto& [id, svc] : model.ecs_services) add(svc.security_groups);
  for (const auto& [id, db] : model.db_instances) add(db.security_groups);
  for (const auto& [id, c] : model.db_clusters) add(c.security_groups);
  for (const auto& [id, d] : model.data_stores) add(d.security_groups);
  std::set<std::string, std::less<>> out;
  for (const std::string& id : alb) {
    if (!other.count(id)) out.insert(id);
  }
  return out;
}

}  // namespace

void Sec004AdminPortOpen::Check(const Model& model, RuleContext& ctx) const {
  std::set<std::string, std::less<>> alb_only = AlbOnlyGroups(model);
  for (const IngressRule& rule : model.ingress_rules) {
    if (!IngressCertain(rule) || alb_only.count(rule.group)) continue;
    std::optional<std::string> world = WorldCidr(rule.cidr_ipv4);
    bool ipv6 = false;
    if (!world) {
      world = WorldCidr(rule.cidr_ipv6);
      ipv6 = true;
    }
    if (!world) continue;
    bool ssh = rule.CoversPort(22).value_or(false);
    bool rdp = rule.CoversPort(3389).value_or(false);
    if (!ssh && !rdp) continue;
    std::string opened = ssh && rdp ? "SSH (22) and RDP (3389)" : ssh ? "SSH (22)" : "RDP (3389)";
    ReportIngress(ctx, rule,
                  IngressHead(rule) + *world +
                      (ipv6 ? " (the whole IPv6 internet)" : " (the whole internet)") +
                      ", which opens " + opened +
                      " to anyone; expected a specific source address range");
  }
}

}  // namespace halint
