#include "rules/ha/ha004_cache_failover.h"

#include "rules/rule_util.h"

namespace halint {

const RuleInfo& Ha004CacheFailover::info() const {
  static const RuleInfo kInfo{
      .id = "HA004",
      .slug = "cache-failover",
      .title = "Caches fail over automatically to a replica in another AZ",
      .severity = Severity::kError,
      .rationale =
          "A Redis or Valkey primary without a replica, or a replication group without "
          "automatic failover and Multi-AZ, stays down when its node or its AZ fails: every "
          "session, lock and cached page it held is gone and the application behind it "
          "falls back to the database or fails. Memcached nodes all placed in one AZ fail "
          "together with it.",
      .remediation =
          "Use an AWS::ElastiCache::ReplicationGroup with AutomaticFailoverEnabled: true, "
          "MultiAZEnabled: true and NumCacheClusters: 2 or more (cluster mode: "
          "ReplicasPerNodeGroup: 1 or more) instead of a single-node Redis "
          "AWS::ElastiCache::CacheCluster; give Memcached clusters AZMode: cross-az. "
          "Terraform: aws_elasticache_replication_group with automatic_failover_enabled = "
          "true, multi_az_enabled = true and num_cache_clusters >= 2 (or "
          "replicas_per_node_group >= 1); aws_elasticache_cluster with az_mode = "
          "\"cross-az\".",
      .bad_example = R"yaml(Sessions:
  Type: AWS::ElastiCache::ReplicationGroup
  Properties:
    ReplicationGroupDescription: sessions
    Engine: redis
    CacheNodeType: cache.t4g.small
    NumCacheClusters: 1)yaml",
      .good_example = R"yaml(Sessions:
  Type: AWS::ElastiCache::ReplicationGroup
  Properties:
    ReplicationGroupDescription: sessions
    Engine: redis
    CacheNodeType: cache.t4g.small
    NumCacheClusters: 2
    AutomaticFailoverEnabled: true
    MultiAZEnabled: true)yaml",
      .tags = {"reliability", "cache"},
  };
  return kInfo;
}

namespace {

std::string Subject(const Resource& r) { return Quote(r.id) + " (" + r.type + ")"; }

// Reports a boolean property that must be true; absent means false.
void CheckEnabled(RuleContext& ctx, const Resource& res, std::string_view property, const Value& v,
                  std::string_view consequence) {
  std::string name = PropName(res, property);
  if (v.is_absent()) {
    ctx.Report(res, res.pos, PropPath(res, property),
               Subject(res) + " does not set " + name + ", which defaults to false: " +
                   std::string(consequence) + "; set " + name + " to true");
  } else if (v.AsBool() == false) {
    ctx.Report(res, PropertyPos(res, property), PropPath(res, property),
               Subject(res) + " has " + name + " false: " + std::string(consequence) + "; set " +
                   name + " to true");
  }
}

void CheckNodes(RuleContext& ctx, const CacheReplicationGroup& g) {
  const Resource& res = *g.res;
  auto report_low = [&](std::string_view property, int64_t n, std::string_view what,
                        std::string_view expected) {
    std::string name = PropName(res, property);
    ctx.Report(res, PropertyPos(res, property), PropPath(res, property),
               Subject(res) + " has " + name + " " + std::to_string(n) + ": " + std::string(what) +
                   " with no replica to fail over to; set " + name + " to at least " +
                   std::string(expected));
  };
  if (!g.num_cache_clusters.is_absent()) {
    std::optional<int64_t> n = g.num_cache_clusters.AsInt();
    if (n && *n < 2) report_low("NumCacheClusters", *n, "a single node", "2");
    return;
  }
  if (!g.replicas_per_node_group.is_absent()) {
    std::optional<int64_t> n = g.replicas_per_node_group.AsInt();
    if (n && *n < 1) report_low("ReplicasPerNodeGroup", *n, "every shard is one node", "1");
    return;
  }
  if (!g.node_group_replicas.empty()) {
    for (size_t i = 0; i < g.node_group_replicas.size(); ++i) {
      std::optional<int64_t> n = g.node_group_replicas[i].AsInt();
      if (!n || *n >= 1) continue;
      std::string path = "NodeGroupConfiguration[" + std::to_string(i) + "].ReplicaCount";
      ctx.Report(res, PosOr(g.node_group_replicas[i], res.pos), PropPath(res, path),
                 Subject(res) + " has ReplicaCount " + std::to_string(*n) + " in node group " +
                     std::to_string(i) +
                     " of NodeGroupConfiguration: that shard is one node with no replica to "
                     "fail over to; set ReplicaCount to at least 1");
    }
    return;
  }
  if (!g.primary_cluster.is_absent()) return;  // its size is that of the primary's group
  std::string num = PropName(res, "NumCacheClusters");
  ctx.Report(
      res, res.pos, PropPath(res, "NumCacheClusters"),
      Subject(res) + " does not set " + num + " or " + PropName(res, "ReplicasPerNodeGroup") +
          ", so it has one node and no replica to fail over to; set " + num + " to at least 2");
}

void CheckCacheCluster(RuleContext& ctx, const CacheCluster& c) {
  if (c.in_replication_group) return;
  const Resource& res = *c.res;
  std::optional<std::string> engine = c.engine.AsString();
  if (!engine) return;
  if (*engine == "redis" || *engine == "valkey") {
    ctx.Report(res, res.pos, "",
               Subject(res) + " is a single-node " + *engine +
                   " cache with no replica: a node or AZ failure loses the cache and its data; "
                   "use a replication group with a replica in another AZ");
    return;
  }
  if (*engine != "memcached") return;
  std::optional<int64_t> nodes = c.num_nodes.AsInt();
  if (!nodes || *nodes < 2) return;
  std::string count = std::to_string(*nodes) + " Memcached nodes";
  std::string mode_name = PropName(res, "AZMode");
  if (!c.az_mode.is_absent()) {
    if (c.az_mode.AsString() == "single-az") {
      ctx.Report(res, PropertyPos(res, "AZMode"), PropPath(res, "AZMode"),
                 Subject(res) + " has " + mode_name + " single-az: all " + count +
                     " fail with one AZ; set " + mode_name + " to cross-az");
    }
    return;
  }
  if (c.preferred_azs_value.is_absent()) {
    ctx.Report(res, res.pos, PropPath(res, "AZMode"),
               Subject(res) + " does not set " + mode_name + ", which defaults to single-az: all " +
                   count + " fail with one AZ; set " + mode_name + " to cross-az");
    return;
  }
  std::vector<AzKey> keys;
  for (const Value& az : c.preferred_azs) keys.push_back(AzFromValue(az));
  std::optional<std::vector<AzKey>> azs = DistinctAzs(keys);
  if (azs && azs->size() == 1) {
    std::string name = PropName(res, "PreferredAvailabilityZones");
    ctx.Report(res, PropertyPos(res, "PreferredAvailabilityZones"),
               PropPath(res, "PreferredAvailabilityZones"),
               Subject(res) + " places all " + count + " in " + azs->front().Label() + " (" + name +
                   "): they fail with that AZ; set " + mode_name +
                   " to cross-az and list two or more AZs");
  }
}

}  // namespace

void Ha004CacheFailover::Check(const Model& model, RuleContext& ctx) const {
  for (const auto& [id, g] : model.cache_replication_groups) {
    CheckNodes(ctx, g);
    CheckEnabled(ctx, *g.res, "AutomaticFailoverEnabled", g.automatic_failover,
                 "a failed primary is not replaced by a replica");
    CheckEnabled(ctx, *g.res, "MultiAZEnabled", g.multi_az,
                 "the group does not fail over to a replica in another AZ when the primary's "
                 "AZ fails");
  }
  for (const auto& [id, c] : model.cache_clusters) CheckCacheCluster(ctx, c);
}

}  // namespace halint
