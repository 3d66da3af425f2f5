#include "rules/ha/ha003_db_multi_az.h"

#include "rules/rule_util.h"

namespace halint {

const RuleInfo& Ha003DbMultiAz::info() const {
  static const RuleInfo kInfo{
      .id = "HA003",
      .slug = "db-multi-az",
      .title = "Databases survive the loss of an AZ (Multi-AZ or Aurora replica)",
      .severity = Severity::kError,
      .rationale =
          "A Single-AZ RDS instance, or an Aurora cluster with only a writer, has no standby: "
          "an AZ outage, a host failure or even routine maintenance takes the database down "
          "until AWS replaces the instance, and every tier above it fails with it.",
      .remediation =
          "RDS: set MultiAZ: true on the AWS::RDS::DBInstance (Terraform: multi_az = true on "
          "aws_db_instance). Aurora: give the AWS::RDS::DBCluster at least two "
          "AWS::RDS::DBInstance resources whose DBClusterIdentifier names it, in different "
          "AZs if you pin AvailabilityZone (Terraform: aws_rds_cluster_instance with "
          "count = 2 or more). A Multi-AZ DB cluster (DBClusterInstanceClass set) is fine.",
      .bad_example = R"yaml(Orders:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    MultiAZ: false)yaml",
      .good_example = R"yaml(Orders:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    MultiAZ: true)yaml",
      .tags = {"reliability", "database"},
  };
  return kInfo;
}

void Ha003DbMultiAz::Check(const Model& model, RuleContext& ctx) const {
  for (const auto& [id, db] : model.db_instances) {
    // Cluster members are judged with their cluster; read replicas follow their source.
    if (!db.cluster_value.is_absent() || !db.source_db.is_absent()) continue;
    std::optional<std::string> engine = db.engine.AsString();
    if (engine && engine->starts_with("aurora")) continue;
    if (db.multi_az.is_absent()) {
      std::string multi_az = PropName(*db.res, "MultiAZ");
      ctx.Report(*db.res, db.res->pos, PropPath(*db.res, "MultiAZ"),
                 Quote(id) + " (" + db.res->type + ") does not set " + multi_az +
                     ", which defaults to false: the database runs in one AZ with no standby; "
                     "set " +
                     multi_az + " to true");
    } else if (db.multi_az.AsBool() == false) {
      std::string multi_az = PropName(*db.res, "MultiAZ");
      ctx.Report(*db.res, PropertyPos(*db.res, "MultiAZ"), PropPath(*db.res, "MultiAZ"),
                 Quote(id) + " (" + db.res->type + ") has " + multi_az +
                     " false: the database runs in one AZ with no standby; set " + multi_az +
                     " to true");
    }
  }

  for (const auto& [id, cluster] : model.db_clusters) {
    if (!cluster.IsAurora() || !cluster.cluster_instance_class.is_absent()) continue;
    if (!cluster.engine_mode.is_absent()) {
      // Aurora Serverless v1 fails over across AZs by itself; an unknown mode is not judged.
      std::optional<std::string> mode = cluster.engine_mode.AsString();
      if (!mode || *mode != "provisioned") continue;
    }
    size_t certain = cluster.instances.size();
    // No instance at all means they are created elsewhere; an uncertain one may exist.
    if (certain == 0 || certain + cluster.uncertain_instances >= 2) {
      if (certain < 2) continue;
      std::vector<AzKey> keys;
      for (const std::string& inst : cluster.instances) {
        keys.push_back(AzFromValue(model.db_instances.at(inst).az));
      }
      std::optional<std::vector<AzKey>> azs = DistinctAzs(keys);
      if (azs && azs->size() == 1) {
        std::vector<RelatedLocation> related;
        for (const std::string& inst : cluster.instances) {
          related.push_back(ctx.Related(*model.Find(inst), "instance in " + azs->front().Label()));
        }
        ctx.Report(*cluster.res, cluster.res->pos, "",
                   "all " + std::to_string(certain) + " instances of Aurora cluster " + Quote(id) +
                       " are pinned to " + azs->front().Label() +
                       "; a failover target in another AZ is needed to survive an AZ outage",
                   std::move(related));
      }
      continue;
    }
    const std::string& only = cluster.instances.front();
    ctx.Report(*cluster.res, cluster.res->pos, "",
               "Aurora cluster " + Quote(id) + " has one DB instance, " + Quote(only) +
                   ", and no replica to fail over to: a writer failure means downtime until a "
                   "new instance is up",
               {ctx.Related(*model.Find(only), "the cluster's only instance")});
  }
}

}  // namespace halint
