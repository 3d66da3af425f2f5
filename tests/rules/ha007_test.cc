// HA007 msk-broker-spread: unit table over small templates.
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
  for (const Finding& f : FindingsOf("HA007", text)) out.emplace_back(f.pos.line, f.message);
  return out;
}

// An MSK cluster 'Kafka' (line 5) with `brokers` on line 10, `subnets` on line 13 and
// `config` (e.g. a ConfigurationInfo) from line 14 on; `extra` resources follow.
std::string Template(std::string_view brokers, std::string_view subnets, std::string_view config,
                     std::string_view extra = "", std::string_view condition = "") {
  return Substitute(R"(Parameters:
  Brokers:
    Type: Number
Resources:
  Kafka:
    Type: AWS::MSK::Cluster{CONDITION}
    Properties:
      ClusterName: events
      KafkaVersion: 3.6.0
      NumberOfBrokerNodes: {BROKERS}
      BrokerNodeGroupInfo:
        InstanceType: kafka.m5.large
        ClientSubnets: {SUBNETS}
{CONFIG}{EXTRA})",
                    {{"{CONDITION}", condition},
                     {"{BROKERS}", brokers},
                     {"{SUBNETS}", subnets},
                     {"{CONFIG}", config},
                     {"{EXTRA}", extra}});
}

constexpr char kThree[] = "[subnet-1, subnet-2, subnet-3]";
constexpr char kTwo[] = "[subnet-1, subnet-2]";
constexpr char kConfigInfo[] =
    "      ConfigurationInfo:\n        Arn: !GetAtt Config.Arn\n"
    "        Revision: 1\n";
// An AWS::MSK::Configuration 'Config' whose ServerProperties block holds `properties`.
std::string Config(std::string_view properties) {
  return "  Config:\n    Type: AWS::MSK::Configuration\n    Properties:\n      Name: events\n"
         "      ServerProperties: |\n" +
         std::string(properties);
}

struct Case {
  const char* name;
  std::string text;
  Lines expected;
};

constexpr char kK[] = "'Kafka' (AWS::MSK::Cluster) ";
constexpr char kWhy[] =
    ": topics stop accepting writes or lose acknowledged messages when a broker or an AZ fails";

TEST(Ha007MskBrokerSpread, Table) {
  const std::vector<Case> cases = {
      {"brokers not a multiple of the subnets, no configuration (3 AZs: defaults are fine)",
       Template("4", kThree, ""),
       {{10, std::string(kK) +
                 "has NumberOfBrokerNodes 4 over 3 client subnets: the AZs hold unequal numbers "
                 "of brokers; use a multiple of 3"}}},
      {"good: 3 brokers, 3 AZs, defaults", Template("3", kThree, ""), {}},
      {"absent configuration with 2 AZs: MSK defaults are too low",
       Template("2", kTwo, ""),
       {{5, std::string(kK) +
                "has no ConfigurationInfo, so MSK's default configuration applies: "
                "min.insync.replicas 1 (expected at least 2, MSK's default for 2 AZs) and "
                "default.replication.factor 2 (expected at least 3, MSK's default for 2 AZs)" +
                kWhy}}},
      {"configuration with low values",
       Template("3", kThree, kConfigInfo,
                Config("        auto.create.topics.enable=true\n"
                       "        min.insync.replicas = 1\n"
                       "        default.replication.factor=2\n")),
       {{14, std::string(kK) +
                 "uses configuration 'Config' with min.insync.replicas 1 (expected at least 2) "
                 "and default.replication.factor 2 (expected at least 3)" +
                 kWhy}}},
      {"configuration with good values",
       Template("6", kThree, kConfigInfo,
                Config("        min.insync.replicas=2\n        default.replication.factor=3\n")),
       {}},
      {"configuration leaves a key to the default for 2 AZs",
       Template("4", kTwo, kConfigInfo, Config("        min.insync.replicas=2\n")),
       {{14, std::string(kK) +
                 "uses configuration 'Config' with default.replication.factor 2 (expected at "
                 "least 3, MSK's default for 2 AZs)" +
                 kWhy}}},
      {"broker count from a parameter without default: unresolved",
       Template("!Ref Brokers", kThree, ""),
       {}},
      {"imported configuration: unresolved",
       Template("4", kTwo,
                "      ConfigurationInfo:\n        Arn: !ImportValue kafka-config\n"
                "        Revision: 1\n"),
       {}},
      {"unreadable (base64) server properties: unresolved",
       Template("3", kThree, kConfigInfo, Config("        bWluLmluc3luYy5yZXBsaWNhcz0x\n")),
       {}},
      {"long form reference to the configuration",
       Template("3", kThree,
                "      ConfigurationInfo:\n        Arn: {\"Ref\": \"Config\"}\n"
                "        Revision: 1\n",
                Config("        min.insync.replicas=1\n        default.replication.factor=3\n")),
       {{14, std::string(kK) +
                 "uses configuration 'Config' with min.insync.replicas 1 (expected at least 2)" +
                 kWhy}}},
      {"condition unknown: judged as created",
       Template("4", kThree, "", "", "\n    Condition: Maybe") +
           "Conditions:\n  Maybe: !Equals [!Ref Brokers, 3]\n",
       {{11, std::string(kK) +
                 "has NumberOfBrokerNodes 4 over 3 client subnets: the AZs hold unequal numbers "
                 "of brokers; use a multiple of 3"}}},
      {"condition false: not created",
       Template("4", kThree, "", "", "\n    Condition: Never") +
           "Conditions:\n  Never: !Equals [a, b]\n",
       {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(LinesOf(c.text), c.expected);
  }
}

TEST(Ha007MskBrokerSpread, TerraformConfiguration) {
  constexpr char kTf[] = R"({
  "resource": {
    "aws_msk_configuration": {
      "events": {"name": "events", "server_properties": "min.insync.replicas=1\n"}
    },
    "aws_msk_cluster": {
      "events": {
        "cluster_name": "events",
        "kafka_version": "3.6.0",
        "number_of_broker_nodes": 3,
        "broker_node_group_info": {
          "instance_type": "kafka.m5.large",
          "client_subnets": ["subnet-1", "subnet-2", "subnet-3"]
        },
        "configuration_info": {"arn": "${aws_msk_configuration.events.arn}", "revision": 1}
      }
    }
  }
})";
  Lines out;
  for (const Finding& f : FindingsOf("HA007", kTf, "main.tf.json")) {
    out.emplace_back(f.pos.line, f.message);
  }
  EXPECT_EQ(out, (Lines{{15,
                         "'aws_msk_cluster.events' (aws_msk_cluster) uses configuration "
                         "'aws_msk_configuration.events' with min.insync.replicas 1 (expected at "
                         "least 2): topics stop accepting writes or lose acknowledged messages "
                         "when a broker or an AZ fails"}}));
}
}  // namespace
}  // namespace halint
