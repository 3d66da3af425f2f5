// HA004 cache-failover: unit table over small templates.
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
  for (const Finding& f : FindingsOf("HA004", text)) out.emplace_back(f.pos.line, f.message);
  return out;
}

// A replication group 'Cache' (line 7) whose properties from line 11 on are `props`;
// `header` adds parameters (and shifts both).
std::string Group(std::string_view props, std::string_view header = "") {
  return Substitute(R"(Parameters:
  Flag:
    Type: String
  Two:
    Type: Number
{HEADER}Resources:
  Cache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: sessions
{PROPS})",
                    {{"{HEADER}", header}, {"{PROPS}", props}});
}

struct Case {
  const char* name;
  std::string text;
  Lines expected;
};

constexpr char kG[] = "'Cache' (AWS::ElastiCache::ReplicationGroup) ";
const std::string kOneNode = std::string(kG) +
                             "has NumCacheClusters 1: a single node with no replica to fail "
                             "over to; set NumCacheClusters to at least 2";
const std::string kFailoverFalse = std::string(kG) +
                                   "has AutomaticFailoverEnabled false: a failed primary is not "
                                   "replaced by a replica; set AutomaticFailoverEnabled to true";
const std::string kMultiAzFalse =
    std::string(kG) +
    "has MultiAZEnabled false: the group does not fail over to a replica in another AZ when "
    "the primary's AZ fails; set MultiAZEnabled to true";
const std::string kNoNodes = std::string(kG) +
                             "does not set NumCacheClusters or ReplicasPerNodeGroup, so it has "
                             "one node and no replica to fail over to; set NumCacheClusters to "
                             "at least 2";
const std::string kFailoverAbsent =
    std::string(kG) +
    "does not set AutomaticFailoverEnabled, which defaults to false: a failed primary is not "
    "replaced by a replica; set AutomaticFailoverEnabled to true";
const std::string kMultiAzAbsent =
    std::string(kG) +
    "does not set MultiAZEnabled, which defaults to false: the group does not fail over to a "
    "replica in another AZ when the primary's AZ fails; set MultiAZEnabled to true";

constexpr char kGood[] =
    "      NumCacheClusters: 2\n      AutomaticFailoverEnabled: true\n"
    "      MultiAZEnabled: true\n";

TEST(Ha004CacheFailover, ReplicationGroupTable) {
  const std::vector<Case> cases = {
      {"bad literals",
       Group("      NumCacheClusters: 1\n      AutomaticFailoverEnabled: false\n"
             "      MultiAZEnabled: false\n"),
       {{11, kOneNode}, {12, kFailoverFalse}, {13, kMultiAzFalse}}},
      {"good literals", Group(kGood), {}},
      {"absent: one node, failover and Multi-AZ off by default",
       Group("      Engine: redis\n"),
       {{7, kFailoverAbsent}, {7, kMultiAzAbsent}, {7, kNoNodes}}},
      {"parameters without default: unresolved",
       Group("      NumCacheClusters: !Ref Two\n      AutomaticFailoverEnabled: !Ref Flag\n"
             "      MultiAZEnabled: !Ref Flag\n"),
       {}},
      {"imported values: unresolved",
       Group("      NumCacheClusters: !ImportValue cache-size\n"
             "      AutomaticFailoverEnabled: !ImportValue cache-failover\n"
             "      MultiAZEnabled: !ImportValue cache-multi-az\n"),
       {}},
      {"parameter default false, short form",
       Group("      NumCacheClusters: 2\n      AutomaticFailoverEnabled: !Ref Off\n"
             "      MultiAZEnabled: true\n",
             "  Off:\n    Type: String\n    Default: \"false\"\n"),
       {{15, std::string(kFailoverFalse)}}},
      {"parameter default false, long form",
       Group("      NumCacheClusters: 2\n      AutomaticFailoverEnabled: {\"Ref\": \"Off\"}\n"
             "      MultiAZEnabled: true\n",
             "  Off:\n    Type: String\n    Default: \"false\"\n"),
       {{15, std::string(kFailoverFalse)}}},
      {"cluster mode: replicas per shard",
       Group("      NumNodeGroups: 3\n      ReplicasPerNodeGroup: 0\n"
             "      AutomaticFailoverEnabled: true\n      MultiAZEnabled: true\n"),
       {{12, std::string(kG) +
                 "has ReplicasPerNodeGroup 0: every shard is one node with no replica to fail "
                 "over to; set ReplicasPerNodeGroup to at least 1"}}},
      {"cluster mode: one replica per shard is enough",
       Group("      NumNodeGroups: 3\n      ReplicasPerNodeGroup: 1\n"
             "      AutomaticFailoverEnabled: true\n      MultiAZEnabled: true\n"),
       {}},
      {"cluster mode: node group configuration",
       Group("      NodeGroupConfiguration:\n        - ReplicaCount: 2\n"
             "        - ReplicaCount: 0\n      AutomaticFailoverEnabled: true\n"
             "      MultiAZEnabled: true\n"),
       {{13, std::string(kG) +
                 "has ReplicaCount 0 in node group 1 of NodeGroupConfiguration: that shard is "
                 "one node with no replica to fail over to; set ReplicaCount to at least 1"}}},
      {"built around an existing primary: its size is not written here",
       Group("      PrimaryClusterId: existing-cluster\n      AutomaticFailoverEnabled: true\n"
             "      MultiAZEnabled: true\n"),
       {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(LinesOf(c.text), c.expected);
  }
}

TEST(Ha004CacheFailover, ConditionGatedGroups) {
  constexpr char kConditions[] =
      "Conditions:\n  IsProd: !Equals [!Ref Flag, prod]\n  Never: !Equals [a, b]\n";
  // Unknown condition: the group may be created, and then it is judged.
  std::string unknown =
      Substitute(Group(kGood), {{"      NumCacheClusters: 2", "      NumCacheClusters: 1"}});
  unknown = Substitute(unknown, {{"    Type: AWS::ElastiCache::ReplicationGroup\n",
                                  "    Type: AWS::ElastiCache::ReplicationGroup\n    Condition: "
                                  "IsProd\n"}}) +
            kConditions;
  EXPECT_EQ(LinesOf(unknown), (Lines{{12, kOneNode}}));
  std::string never = Substitute(unknown, {{"Condition: IsProd", "Condition: Never"}});
  EXPECT_EQ(LinesOf(never), Lines{});
}

// A cache cluster 'Cache' (line 2) with properties `props` from line 5 on.
std::string Cluster(std::string_view props) {
  return "Resources:\n  Cache:\n    Type: AWS::ElastiCache::CacheCluster\n    Properties:\n" +
         std::string(props);
}

constexpr char kC[] = "'Cache' (AWS::ElastiCache::CacheCluster) ";

TEST(Ha004CacheFailover, CacheClusterTable) {
  const std::vector<Case> cases = {
      {"single-node Redis",
       Cluster("      Engine: redis\n      CacheNodeType: cache.t4g.small\n"
               "      NumCacheNodes: 1\n"),
       {{2, std::string(kC) +
                "is a single-node redis cache with no replica: a node or AZ failure loses the "
                "cache and its data; use a replication group with a replica in another AZ"}}},
      {"Redis primary of a replication group: judged with the group",
       Cluster("      Engine: redis\n      CacheNodeType: cache.t4g.small\n"
               "      NumCacheNodes: 1\n") +
           "  Group:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n"
           "      ReplicationGroupDescription: g\n      PrimaryClusterId: !Ref Cache\n"
           "      AutomaticFailoverEnabled: true\n      MultiAZEnabled: true\n",
       {}},
      {"engine unresolved", Cluster("      Engine: !ImportValue engine\n"), {}},
      {"Memcached, AZMode absent: single-az",
       Cluster("      Engine: memcached\n      NumCacheNodes: 3\n"),
       {{2, std::string(kC) +
                "does not set AZMode, which defaults to single-az: all 3 Memcached nodes fail "
                "with one AZ; set AZMode to cross-az"}}},
      {"Memcached single-az",
       Cluster("      Engine: memcached\n      NumCacheNodes: 2\n      AZMode: single-az\n"),
       {{7, std::string(kC) +
                "has AZMode single-az: all 2 Memcached nodes fail with one AZ; set AZMode to "
                "cross-az"}}},
      {"Memcached cross-az",
       Cluster("      Engine: memcached\n      NumCacheNodes: 2\n      AZMode: cross-az\n"),
       {}},
      {"Memcached, preferred AZs all one",
       Cluster("      Engine: memcached\n      NumCacheNodes: 2\n"
               "      PreferredAvailabilityZones: [us-east-1a, us-east-1a]\n"),
       {{7, std::string(kC) +
                "places all 2 Memcached nodes in us-east-1a (PreferredAvailabilityZones): they "
                "fail with that AZ; set AZMode to cross-az and list two or more AZs"}}},
      {"Memcached, one node: a cache only", Cluster("      Engine: memcached\n"), {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(LinesOf(c.text), c.expected);
  }
}

TEST(Ha004CacheFailover, JsonMatchesYaml) {
  constexpr char kJson[] = R"({
  "Resources": {
    "Cache": {
      "Type": "AWS::ElastiCache::ReplicationGroup",
      "Properties": {
        "ReplicationGroupDescription": "sessions",
        "NumCacheClusters": 1,
        "AutomaticFailoverEnabled": false,
        "MultiAZEnabled": {"Fn::If": ["Never", true, false]}
      }
    }
  },
  "Conditions": {"Never": {"Fn::Equals": ["a", "b"]}}
})";
  EXPECT_EQ(LinesOf(kJson), (Lines{{7, kOneNode}, {8, kFailoverFalse}, {9, kMultiAzFalse}}));
}

TEST(Ha004CacheFailover, TerraformConfiguration) {
  constexpr char kTf[] = R"({
  "variable": {"nodes": {"type": "number"}},
  "resource": {
    "aws_elasticache_replication_group": {
      "sessions": {
        "replication_group_id": "sessions",
        "description": "user sessions",
        "num_cache_clusters": 1,
        "automatic_failover_enabled": true,
        "multi_az_enabled": true
      },
      "unknown": {
        "replication_group_id": "unknown",
        "description": "size from a variable without default",
        "num_cache_clusters": "${var.nodes}",
        "automatic_failover_enabled": true,
        "multi_az_enabled": true
      }
    }
  }
})";
  Lines out;
  for (const Finding& f : FindingsOf("HA004", kTf, "main.tf.json")) {
    out.emplace_back(f.pos.line, f.message);
  }
  EXPECT_EQ(out, (Lines{{8,
                         "'aws_elasticache_replication_group.sessions' "
                         "(aws_elasticache_replication_group) has num_cache_clusters 1: a single "
                         "node with no replica to fail over to; set num_cache_clusters to at "
                         "least 2"}}));
}
}  // namespace
}  // namespace halint
