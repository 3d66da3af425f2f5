// The reference scenarios in every dialect report the same findings: the same rules on the
// same resources (named per dialect), and none on the "after" design.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "analyzer/engine.h"
#include "analyzer/loader.h"

namespace halint {
namespace {

namespace fs = std::filesystem;
const fs::path kScenarios = fs::path(HALINT_SOURCE_DIR) / "fixtures/scenarios";

// "RULE resource" for every finding of the file, sorted, with resource IDs mapped to the
// CloudFormation names through `names` (identity when absent).
std::vector<std::string> Findings(const fs::path& file,
                                  const std::map<std::string, std::string>& names = {}) {
  LoadedInput input = LoadFile(file.string(), {}, true);
  EXPECT_EQ(input.kind, LoadedInput::Kind::kTemplate) << file;
  EXPECT_TRUE(input.diagnostics.empty()) << file;
  std::vector<std::string> out;
  for (const Finding& f : RunRules(input.graph, {})) {
    auto it = names.find(f.resource);
    out.push_back(f.rule_id + " " + (it == names.end() ? f.resource : it->second));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Terraform addresses of the scenario -> the CloudFormation logical IDs of the same
// resources.
const std::map<std::string, std::string> kTerraformNames = {
    {"aws_nat_gateway.main", "NatGateway1"},  // The Terraform twin writes the app tier's open rule
                                              // as a standalone resource, which is
    // where SEC002 reports it.
    {"aws_vpc_security_group_ingress_rule.app_from_anywhere", "AppSecurityGroup"},
    {"aws_security_group.db", "DbSecurityGroup"},
    {"aws_instance.app_server", "AppServer"},
    {"aws_rds_cluster.db", "DbCluster"},
    {"aws_rds_cluster_instance.db", "DbInstance1"},
    {"aws_db_subnet_group.db", "DbSubnetGroup"},
    {"aws_security_group.bastion", "BastionSecurityGroup"},
    {"aws_lb_listener.http", "HttpListener"},
    {"aws_subnet.reporting", "ReportingSubnet"},
    {"aws_subnet.batch", "BatchSubnet"},
    {"aws_network_acl.app", "AppNetworkAcl"},
    {"aws_vpc_peering_connection.shared_services", "SharedServicesPeering"},
    {"aws_elasticache_subnet_group.cache", "CacheSubnetGroup"},
    {"aws_elasticache_cluster.session", "SessionCache"},
    {"aws_autoscaling_group.reports", "ReportsAutoScalingGroup"},
    {"aws_msk_cluster.events", "EventsCluster"},
    {"aws_instance.admin", "AdminBox"},
};

TEST(ScenarioParity, BeforeReportsTheSameFindingsInEveryDialect) {
  std::vector<std::string> yaml = Findings(kScenarios / "three-tier-before.yaml");
  EXPECT_FALSE(yaml.empty());
  EXPECT_EQ(Findings(kScenarios / "three-tier-before.json"), yaml);
  EXPECT_EQ(Findings(kScenarios / "tf/three-tier-before/main.tf.json", kTerraformNames), yaml);
}

// The real plans of the Terraform scenario (scripts/make-real-plan): every resource is new,
// so IDs are unknown and links come from the configuration's references. A plan records
// the resources an expression refers to, not the index: `aws_subnet.app[count.index].id`
// names every instance of aws_subnet.app, so the subnets of counted route table
// associations stay unknown and the rules that need subnet roles through them (HA002,
// SEC003 placement, SEC007) are silent rather than guessing. Attributes the provider
// computes when they are not written (an ElastiCache cluster's replication_group_id, an
// Auto Scaling group's health_check_type) are unknown in a plan too: HA004 and HA006 wait
// for values they can prove.
TEST(ScenarioParity, PlanReportsWhatItsReferencesProve) {
  std::vector<std::string> expected = Findings(kScenarios / "three-tier-before.yaml");
  for (const char* unprovable : {"HA002 NatGateway1", "SEC007 DbSubnetGroup", "HA004 SessionCache",
                                 "HA006 ReportsAutoScalingGroup"}) {
    expected.erase(std::find(expected.begin(), expected.end(), unprovable));
  }
  expected.erase(std::find(expected.begin(), expected.end(), "SEC003 AppServer"));
  EXPECT_EQ(Findings(kScenarios / "tf/three-tier-before.tfplan.json", kTerraformNames), expected);
  EXPECT_EQ(Findings(kScenarios / "tf/three-tier-after.tfplan.json"), std::vector<std::string>{});
}

// The same plans as Terraform shows them once the infrastructure is deployed
// (scripts/plan-as-deployed): every ID is known, so every link is, and a plan reports
// exactly what the template does.
TEST(ScenarioParity, PlanOfDeployedInfrastructureReportsTheSameFindings) {
  EXPECT_EQ(Findings(kScenarios / "tf/three-tier-before.deployed.tfplan.json", kTerraformNames),
            Findings(kScenarios / "three-tier-before.yaml"));
  EXPECT_EQ(Findings(kScenarios / "tf/three-tier-after.deployed.tfplan.json"),
            std::vector<std::string>{});
}

TEST(ScenarioParity, AfterIsCleanInEveryDialect) {
  EXPECT_EQ(Findings(kScenarios / "three-tier-after.yaml"), std::vector<std::string>{});
  EXPECT_EQ(Findings(kScenarios / "three-tier-after.json"), std::vector<std::string>{});
  EXPECT_EQ(Findings(kScenarios / "tf/three-tier-after/main.tf.json"), std::vector<std::string>{});
}

}  // namespace
}  // namespace halint
