#include "rules/sec/sec005_db_publicly_accessible.h"

#include <optional>
#include <string>

namespace halint {

const RuleInfo& Sec005DbPubliclyAccessible::info() const {
  static const RuleInfo kInfo{
      .id = "SEC005",
      .slug = "db-publicly-accessible",
      .title = "RDS DB instances are not publicly accessible",
      .severity = Severity::kError,
      .rationale =
          "A publicly accessible DB instance gets a public IP address and a DNS name that "
          "resolves to it from the internet: its security group becomes the only thing "
          "between the database port and every scanner, and one widened rule exposes the "
          "data.",
      .remediation =
          "Keep databases private and reach them from the app tier or a bastion. "
          "CloudFormation: PubliclyAccessible: false on AWS::RDS::DBInstance (also Aurora "
          "cluster members). Terraform: publicly_accessible = false on aws_db_instance and "
          "aws_rds_cluster_instance.",
      .bad_example = R"yaml(Db:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    PubliclyAccessible: true)yaml",
      .good_example = R"yaml(Db:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    PubliclyAccessible: false)yaml",
      .tags = {"security"},
  };
  return kInfo;
}

void Sec005DbPubliclyAccessible::Check(const Model& model, RuleContext& ctx) const {
  for (const auto& [id, db] : model.db_instances) {
    std::optional<bool> open = db.publicly_accessible.AsBool();
    if (!open.value_or(false)) continue;
    const Resource& res = *db.res;
    ctx.Report(res, PosOr(db.publicly_accessible, res.pos), PropPath(res, "PubliclyAccessible"),
               Quote(id) + " (" + res.type + ") has " + PropName(res, "PubliclyAccessible") +
                   " true: the database gets a public address reachable from the internet; "
                   "expected false");
  }
}

}  // namespace halint
