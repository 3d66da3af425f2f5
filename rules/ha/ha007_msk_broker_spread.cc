#include "rules/ha/ha007_msk_broker_spread.h"

#include "rules/rule_util.h"

namespace halint {

const RuleInfo& Ha007MskBrokerSpread::info() const {
  static const RuleInfo kInfo{
      .id = "HA007",
      .slug = "msk-broker-spread",
      .title = "MSK brokers are balanced over AZs and topics survive a broker loss",
      .severity = Severity::kError,
      .rationale =
          "MSK places brokers round-robin over the client subnets' AZs. A broker count that "
          "is not a multiple of the subnet count leaves the AZs unbalanced, and a topic with "
          "fewer than three replicas or a min.insync.replicas below two either stops "
          "accepting writes or silently loses acknowledged messages when one broker or one "
          "AZ fails (including during MSK's rolling patching).",
      .remediation =
          "Set NumberOfBrokerNodes to a multiple of the number of "
          "BrokerNodeGroupInfo.ClientSubnets (one subnet per AZ, two or three AZs), and "
          "attach an AWS::MSK::Configuration through ConfigurationInfo whose ServerProperties "
          "set default.replication.factor=3 and min.insync.replicas=2. Terraform: "
          "number_of_broker_nodes on aws_msk_cluster, and aws_msk_configuration "
          "server_properties referenced by configuration_info.",
      .bad_example = R"yaml(Events:
  Type: AWS::MSK::Cluster
  Properties:
    ClusterName: events
    KafkaVersion: 3.6.0
    NumberOfBrokerNodes: 4
    BrokerNodeGroupInfo:
      InstanceType: kafka.m5.large
      ClientSubnets: [!Ref SubnetA, !Ref SubnetB, !Ref SubnetC])yaml",
      .good_example = R"yaml(Events:
  Type: AWS::MSK::Cluster
  Properties:
    ClusterName: events
    KafkaVersion: 3.6.0
    NumberOfBrokerNodes: 3
    BrokerNodeGroupInfo:
      InstanceType: kafka.m5.large
      ClientSubnets: [!Ref SubnetA, !Ref SubnetB, !Ref SubnetC]
    ConfigurationInfo: {Arn: !Ref EventsConfig, Revision: 1}
# EventsConfig: AWS::MSK::Configuration with ServerProperties
#   default.replication.factor=3 and min.insync.replicas=2)yaml",
      .tags = {"reliability", "streaming"},
  };
  return kInfo;
}

namespace {

struct Setting {
  std::string_view key;
  int64_t minimum;
  // MSK's default configuration: the value for clusters in two AZs, and in three.
  int64_t default_two_azs;
  int64_t default_three_azs;
};
constexpr Setting kSettings[] = {
    {"min.insync.replicas", 2, 1, 2},
    {"default.replication.factor", 3, 2, 3},
};

// The value a setting takes: written in the configuration, else MSK's default for the
// cluster's AZ count. nullopt when unknown. `source` says where it came from.
std::optional<int64_t> Effective(const Setting& s,
                                 const std::map<std::string, std::string>* written,
                                 std::optional<size_t> subnets, std::string& source) {
  if (written) {
    auto it = written->find(std::string(s.key));
    if (it != written->end()) {
      Value v = Value::String(it->second, {});
      return v.AsInt();
    }
  }
  if (subnets == 2) {
    source = ", MSK's default for 2 AZs";
    return s.default_two_azs;
  }
  if (subnets == 3) {
    source = ", MSK's default for 3 AZs";
    return s.default_three_azs;
  }
  return std::nullopt;
}

void CheckConfiguration(const Model& model, RuleContext& ctx, const MskCluster& m,
                        std::optional<size_t> subnets) {
  const Resource& res = *m.res;
  const std::map<std::string, std::string>* written = nullptr;
  const MskConfiguration* config = nullptr;
  if (!m.configuration_value.is_absent()) {
    config = Model::Get(model.msk_configurations, m.configuration);
    if (!config || !config->properties) return;  // external, unresolved or unreadable
    written = &*config->properties;
  }
  std::vector<std::string> problems;
  for (const Setting& s : kSettings) {
    std::string source;
    std::optional<int64_t> v = Effective(s, written, subnets, source);
    if (v && *v < s.minimum) {
      problems.push_back(std::string(s.key) + " " + std::to_string(*v) + " (expected at least " +
                         std::to_string(s.minimum) + source + ")");
    }
  }
  if (problems.empty()) return;
  std::string settings = problems.size() == 1 ? problems[0] : problems[0] + " and " + problems[1];
  std::string subject = Quote(res.id) + " (" + res.type + ")";
  constexpr std::string_view kWhy =
      ": topics stop accepting writes or lose acknowledged messages when a broker or an AZ "
      "fails";
  if (!config) {
    ctx.Report(res, res.pos, PropPath(res, "ConfigurationInfo"),
               subject + " has no " + PropName(res, "ConfigurationInfo") +
                   ", so MSK's default configuration applies: " + settings + std::string(kWhy));
    return;
  }
  ctx.Report(res, PropertyPos(res, "ConfigurationInfo"), PropPath(res, "ConfigurationInfo"),
             subject + " uses configuration " + Quote(config->res->id) + " with " + settings +
                 std::string(kWhy),
             {ctx.Related(*config->res, "the cluster's configuration")});
}

}  // namespace

// The AZ spread of ClientSubnets is HA001's (like every other subnet list); this rule judges
// what the spread cannot show: the broker balance and the replication settings.
void Ha007MskBrokerSpread::Check(const Model& model, RuleContext& ctx) const {
  for (const auto& [id, m] : model.msk_clusters) {
    const Resource& res = *m.res;
    std::optional<size_t> subnets;
    if (m.client_subnets_value.is_list() && !m.client_subnet_items.empty()) {
      subnets = m.client_subnet_items.size();
    }
    std::optional<int64_t> brokers = m.broker_count.AsInt();
    if (brokers && subnets && *brokers % static_cast<int64_t>(*subnets) != 0) {
      std::string name = PropName(res, "NumberOfBrokerNodes");
      ctx.Report(res, PropertyPos(res, "NumberOfBrokerNodes"), PropPath(res, "NumberOfBrokerNodes"),
                 Quote(id) + " (" + res.type + ") has " + name + " " + std::to_string(*brokers) +
                     " over " + std::to_string(*subnets) +
                     " client subnets: the AZs hold unequal numbers of brokers; use a multiple "
                     "of " +
                     std::to_string(*subnets));
    }
    CheckConfiguration(model, ctx, m, subnets);
  }
}

}  // namespace halint
