#include "rules/sec/sec001_db_ingress_from_app_only.h"

#include "rules/sec/ingress_util.h"

namespace halint {

const RuleInfo& Sec001DbIngressFromAppOnly::info() const {
  static const RuleInfo kInfo{
      .id = "SEC001",
      .slug = "db-ingress-from-app-only",
      .title = "Database security groups admit only the app tier",
      .severity = Severity::kError,
      .rationale =
          "A database security group that admits an address range lets every host in that "
          "range (the internet, or every workload in the VPC) try credentials against the "
          "database; one admitting the load balancer's group lets traffic skip the app tier. "
          "Chaining LB -> app -> DB security groups limits a breach to the tier it hits.",
      .remediation =
          "Replace CIDR sources on the database's security group with the app tier's "
          "security group. CloudFormation: SecurityGroupIngress entries (or "
          "AWS::EC2::SecurityGroupIngress) with SourceSecurityGroupId: !Ref AppSecurityGroup "
          "instead of CidrIp. Terraform: ingress { security_groups = [aws_security_group.app.id] } "
          "or aws_security_group_rule / aws_vpc_security_group_ingress_rule with "
          "source_security_group_id / referenced_security_group_id.",
      .bad_example = R"yaml(DbSg:
  Type: AWS::EC2::SecurityGroup
  Properties:
    SecurityGroupIngress:
      - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 0.0.0.0/0})yaml",
      .good_example = R"yaml(DbSg:
  Type: AWS::EC2::SecurityGroup
  Properties:
    SecurityGroupIngress:
      - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref AppSg})yaml",
      .tags = {"security", "networking"},
  };
  return kInfo;
}

void Sec001DbIngressFromAppOnly::Check(const Model& model, RuleContext& ctx) const {
  for (const std::string& sg_id : model.db_sgs) {
    const SecurityGroup* sg = model.security_group(sg_id);
    if (!sg) continue;
    for (const IngressRule* rule : sg->ingress) {
      if (rule->SourceUnknown() || !IngressCertain(*rule)) continue;
      std::string head = IngressHead(*rule);
      if (std::string cidr = DescribeCidrSource(model, *sg, *rule); !cidr.empty()) {
        ReportIngress(ctx, *rule,
                      head + cidr + "; a database should admit only the app tier's security group");
      } else if (!rule->source_group.empty() && rule->source_group != sg_id &&
                 model.lb_sgs.count(rule->source_group) &&
                 !model.app_sgs.count(rule->source_group)) {
        ReportIngress(ctx, *rule,
                      head + "the load balancer's security group " + Quote(rule->source_group) +
                          "; traffic to the database should come only from the app tier");
      }
    }
  }
}

}  // namespace halint
