// The `terraform show -json` plan front end: addresses, values, unknowns, references,
// deletes, positions; a real plan made by scripts/make-real-plan; every corpus plan.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "analyzer/loader.h"
#include "parsers/json/json_parser.h"
#include "parsers/terraform/tf_frontend.h"
#include "tests/cli/run_cli.h"
#include "tests/cli/test_files.h"

namespace halint {
namespace {

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Loaded {
  ParseResult parsed;
  ResourceGraph graph;
};

Loaded Load(const std::string& text) {
  Loaded l;
  l.parsed = ParseJson(text);
  EXPECT_TRUE(l.parsed.ok()) << l.parsed.error;
  EXPECT_TRUE(IsTerraformPlan(l.parsed.root));
  l.graph = LoadTerraformPlan(l.parsed.root, "plan.json", TfOptions{});
  l.graph.Finalize();
  return l;
}

std::vector<std::string> Ids(const ResourceGraph& g) {
  std::vector<std::string> out;
  for (const Resource& r : g.resources) out.push_back(r.id);
  return out;
}

std::string Prop(const ResourceGraph& g, const std::string& id, const std::string& path) {
  const Resource* r = g.Find(id);
  if (r == nullptr) return "<no resource " + id + ">";
  return r->properties.AtPath(path).ToJson();
}

bool HasEdge(const ResourceGraph& g, const std::string& from, const std::string& to) {
  for (const Edge& e : g.edges) {
    if (e.from == from && e.to == to && e.kind == Edge::Kind::kReference) return true;
  }
  return false;
}

// The block of `list` whose `key` is `json`, or nullptr.
const Value* BlockWith(const Value& list, const std::string& key, const std::string& json) {
  for (const Value& block : list.items()) {
    if (block[key].ToJson() == json) return &block;
  }
  return nullptr;
}

// 1-based line of the first line of `text` containing `needle`, 0 when none does.
uint32_t LineOf(const std::string& text, const std::string& needle) {
  size_t at = text.find(needle);
  if (at == std::string::npos) return 0;
  return 1 + static_cast<uint32_t>(std::count(text.begin(), text.begin() + at, '\n'));
}

TEST(TfPlanTest, Recognition) {
  auto is_plan = [](const std::string& text) { return IsTerraformPlan(ParseJson(text).root); };
  EXPECT_TRUE(is_plan(R"({"format_version": "1.2", "planned_values": {"root_module": {}}})"));
  EXPECT_TRUE(is_plan(R"({"format_version": "1.0", "values": {"root_module": {}}})"));
  EXPECT_TRUE(is_plan(R"({"planned_values": {"root_module": {}}, "configuration": {}})"));
  EXPECT_FALSE(is_plan(R"({"planned_values": {"outputs": {}}})"));
  EXPECT_FALSE(is_plan(R"({"format_version": "1.0"})"));
  EXPECT_FALSE(is_plan(R"({"resource": {"aws_vpc": {"a": {}}}})"));
  EXPECT_FALSE(is_plan(R"([1, 2])"));
}

constexpr const char* kModulesPlan = R"({
  "format_version": "1.2",
  "variables": {"env": {"value": "prod"}, "azs": {"value": ["us-east-1a", "us-east-1b"]}},
  "planned_values": {"root_module": {
    "resources": [
      {"address": "aws_vpc.main", "mode": "managed", "type": "aws_vpc", "name": "main",
       "values": {"cidr_block": "10.0.0.0/16", "tags": {"Name": "main"}}},
      {"address": "data.aws_ami.al2", "mode": "data", "type": "aws_ami", "name": "al2",
       "values": {"id": "ami-1"}},
      {"address": "aws_instance.web[\"a\"]", "mode": "managed", "type": "aws_instance",
       "name": "web", "index": "a",
       "values": {"instance_type": "t3.micro", "vpc_security_group_ids": [null],
                  "root_block_device": [{"encrypted": true}]}},
      {"address": "aws_instance.old", "mode": "managed", "type": "aws_instance", "name": "old",
       "values": {"instance_type": "t2.micro"}}
    ],
    "child_modules": [{"address": "module.vpc", "resources": [
      {"address": "module.vpc.aws_subnet.private[0]", "mode": "managed", "type": "aws_subnet",
       "name": "private", "index": 0, "values": {"cidr_block": "10.0.1.0/24",
       "availability_zone": "us-east-1a"}},
      {"address": "module.vpc.aws_subnet.private[1]", "mode": "managed", "type": "aws_subnet",
       "name": "private", "index": 1, "values": {"cidr_block": "10.0.2.0/24",
       "availability_zone": "us-east-1b"}}],
      "child_modules": [{"address": "module.vpc.module.nat", "resources": [
        {"address": "module.vpc.module.nat.aws_nat_gateway.this", "mode": "managed",
         "type": "aws_nat_gateway", "name": "this", "values": {}}]}]}]}},
  "resource_changes": [
    {"address": "aws_vpc.main", "change": {"actions": ["no-op"], "after_unknown": {}}},
    {"address": "aws_instance.web[\"a\"]", "change": {"actions": ["delete", "create"],
     "after_unknown": {"id": true, "vpc_security_group_ids": [true],
                       "root_block_device": [{"volume_id": true}], "subnet_id": true}}},
    {"address": "aws_instance.old", "change": {"actions": ["delete"]}},
    {"address": "module.vpc.aws_subnet.private[0]", "change": {"actions": ["create"],
     "after_unknown": {"id": true, "vpc_id": true}}},
    {"address": "module.vpc.aws_subnet.private[1]", "change": {"actions": ["create"],
     "after_unknown": {"id": true, "vpc_id": true}}},
    {"address": "module.vpc.module.nat.aws_nat_gateway.this", "change": {"actions": ["create"],
     "after_unknown": {"id": true, "subnet_id": true}}}
  ],
  "configuration": {"root_module": {
    "resources": [
      {"address": "aws_instance.web", "mode": "managed", "type": "aws_instance", "name": "web",
       "expressions": {
         "vpc_security_group_ids": {"references": ["aws_security_group.gone.id"]},
         "subnet_id": {"references": ["module.vpc.first_subnet"]}}}
    ],
    "module_calls": {"vpc": {
      "expressions": {"vpc_id": {"references": ["aws_vpc.main.id", "aws_vpc.main"]}},
      "module": {
        "outputs": {"first_subnet": {"expression": {"references": [
          "aws_subnet.private[0].id", "aws_subnet.private[0]", "aws_subnet.private"]}}},
        "resources": [
          {"address": "aws_subnet.private", "mode": "managed", "type": "aws_subnet",
           "name": "private", "expressions": {"vpc_id": {"references": ["var.vpc_id"]}}}],
        "module_calls": {"nat": {
          "expressions": {"subnets": {"references": ["aws_subnet.private"]}},
          "module": {"resources": [
            {"address": "aws_nat_gateway.this", "mode": "managed", "type": "aws_nat_gateway",
             "name": "this", "expressions": {
               "subnet_id": {"references": ["var.subnets[0]", "var.subnets"]}}}]}}}}}}}}
})";

TEST(TfPlanTest, AddressesModulesDeletesAndData) {
  Loaded l = Load(kModulesPlan);
  const ResourceGraph& g = l.graph;
  EXPECT_TRUE(g.diagnostics.empty());
  EXPECT_EQ(g.dialect, Dialect::kTerraformPlan);
  EXPECT_EQ(Ids(g),
            (std::vector<std::string>{
                "aws_vpc.main", "aws_instance.web[\"a\"]", "module.vpc.aws_subnet.private[0]",
                "module.vpc.aws_subnet.private[1]", "module.vpc.module.nat.aws_nat_gateway.this"}));
  const Resource* web = g.Find("aws_instance.web[\"a\"]");
  ASSERT_NE(web, nullptr);
  EXPECT_EQ(web->type, "aws_instance");
  // Located at the "address" key of the resource in planned_values.
  EXPECT_EQ(web->pos, (SourcePos{10, 8}));
  EXPECT_EQ(g.Find("aws_vpc.main")->pos.line, 6u);
  EXPECT_EQ(Prop(g, "aws_vpc.main", "tags.Name"), "\"main\"");
  EXPECT_EQ(Prop(g, "module.vpc.aws_subnet.private[1]", "availability_zone"), "\"us-east-1b\"");
}

TEST(TfPlanTest, UnknownsAfterApply) {
  Loaded l = Load(kModulesPlan);
  const ResourceGraph& g = l.graph;
  const std::string web = "aws_instance.web[\"a\"]";
  EXPECT_EQ(Prop(g, web, "id"), R"({"unresolved":"known after apply"})");
  EXPECT_EQ(Prop(g, web, "instance_type"), "\"t3.micro\"");
  const Value& root_device = g.Find(web)->properties["root_block_device"];
  ASSERT_EQ(root_device.items().size(), 1u);
  EXPECT_TRUE(root_device.items()[0]["volume_id"].is_unresolved());
  EXPECT_EQ(root_device.items()[0]["encrypted"].ToJson(), "true");
  // The security group the configuration names is not in the plan: still unknown.
  EXPECT_EQ(Prop(g, web, "vpc_security_group_ids"), R"([{"unresolved":"known after apply"}])");
  // Located at the after_unknown entry.
  EXPECT_EQ(g.Find(web)->properties["id"].pos().line,
            LineOf(kModulesPlan, R"("after_unknown": {"id": true, "vpc_security_group_ids")"));
}

TEST(TfPlanTest, ReferencesThroughModulesVariablesAndOutputs) {
  Loaded l = Load(kModulesPlan);
  const ResourceGraph& g = l.graph;
  // var.vpc_id inside module "vpc" follows the call's expression in the root module.
  EXPECT_EQ(Prop(g, "module.vpc.aws_subnet.private[0]", "vpc_id"),
            R"({"ref":"aws_vpc.main","attribute":"id"})");
  EXPECT_TRUE(HasEdge(g, "module.vpc.aws_subnet.private[1]", "aws_vpc.main"));
  // module.vpc.first_subnet follows the output into the module's instance.
  EXPECT_EQ(Prop(g, "aws_instance.web[\"a\"]", "subnet_id"),
            R"({"ref":"module.vpc.aws_subnet.private[0]","attribute":"id"})");
  // var.subnets[0] -> every instance of the counted subnet: which one is not known.
  EXPECT_EQ(Prop(g, "module.vpc.module.nat.aws_nat_gateway.this", "subnet_id"),
            R"({"unresolved":"refers to one of several resources"})");
  // A reference is located at the referring resource's expression in the configuration
  // section of the plan file.
  const Value& vpc_id = g.Find("module.vpc.aws_subnet.private[0]")->properties["vpc_id"];
  EXPECT_EQ(vpc_id.pos().line, LineOf(kModulesPlan, R"("references": ["var.vpc_id"])"));
}

TEST(TfPlanTest, VariablesAreParameters) {
  Loaded l = Load(kModulesPlan);
  ASSERT_EQ(l.graph.parameters.size(), 2u);
  EXPECT_EQ(l.graph.parameters[0].name, "env");
  EXPECT_EQ(l.graph.parameters[0].value.ToJson(), "\"prod\"");
  EXPECT_EQ(l.graph.parameters[1].value.ToJson(), R"(["us-east-1a","us-east-1b"])");
  EXPECT_EQ(l.graph.parameters[0].pos, (SourcePos{3, 17}));
}

TEST(TfPlanTest, NestedBlocksAndCountedReferences) {
  Loaded l = Load(R"({
  "format_version": "1.2",
  "planned_values": {"root_module": {"resources": [
    {"address": "aws_lb_target_group.a", "type": "aws_lb_target_group", "values": {"port": 80}},
    {"address": "aws_lb_target_group.b", "type": "aws_lb_target_group", "values": {"port": 81}},
    {"address": "aws_lb_listener.http", "type": "aws_lb_listener", "values": {"port": 80,
      "default_action": [{"type": "forward"}, {"type": "fixed-response"}]}},
    {"address": "aws_subnet.private[0]", "type": "aws_subnet", "values": {}},
    {"address": "aws_subnet.private[1]", "type": "aws_subnet", "values": {}},
    {"address": "aws_lb.app", "type": "aws_lb", "values": {"internal": true}}]}},
  "configuration": {"root_module": {"resources": [
    {"address": "aws_lb_listener.http", "expressions": {
      "load_balancer_arn": {"references": ["aws_lb.app.arn", "aws_lb.app"]},
      "default_action": [
        {"type": {"constant_value": "fixed-response"}},
        {"type": {"constant_value": "forward"},
         "target_group_arn": {"references": ["aws_lb_target_group.b.arn",
                                             "aws_lb_target_group.b"]}}]}},
    {"address": "aws_lb.app", "depends_on": ["aws_lb_target_group.a"], "expressions": {
      "subnets": {"references": ["aws_subnet.private"]},
      "internal": {"constant_value": true}}}]}}
})");
  const ResourceGraph& g = l.graph;
  EXPECT_TRUE(g.diagnostics.empty());
  // Planned blocks pair with configuration blocks by their constant arguments.
  const Value& actions = g.Find("aws_lb_listener.http")->properties["default_action"];
  ASSERT_EQ(actions.items().size(), 2u);
  EXPECT_EQ(actions.items()[0]["target_group_arn"].ToJson(),
            R"({"ref":"aws_lb_target_group.b","attribute":"arn"})");
  EXPECT_TRUE(actions.items()[1]["target_group_arn"].is_absent());
  EXPECT_EQ(Prop(g, "aws_lb_listener.http", "load_balancer_arn"),
            R"({"ref":"aws_lb.app","attribute":"arn"})");
  // A splat / whole counted resource in a list attribute: every instance.
  EXPECT_EQ(Prop(g, "aws_lb.app", "subnets"),
            R"([{"ref":"aws_subnet.private[0]"},{"ref":"aws_subnet.private[1]"}])");
  EXPECT_TRUE(HasEdge(g, "aws_lb.app", "aws_subnet.private[1]"));
  EXPECT_TRUE(HasEdge(g, "aws_lb_listener.http", "aws_lb_target_group.b"));
  EXPECT_FALSE(HasEdge(g, "aws_lb_listener.http", "aws_lb_target_group.a"));
  // depends_on of the configuration.
  EXPECT_EQ(g.Find("aws_lb.app")->depends_on, std::vector<std::string>{"aws_lb_target_group.a"});
  EXPECT_TRUE(std::any_of(g.edges.begin(), g.edges.end(), [](const Edge& e) {
    return e.from == "aws_lb.app" && e.to == "aws_lb_target_group.a" &&
           e.kind == Edge::Kind::kDependsOn;
  }));
}

TEST(TfPlanTest, ForEachModuleInstances) {
  Loaded l = Load(R"({"format_version": "1.2", "planned_values": {"root_module": {
  "resources": [{"address": "aws_lb.x", "type": "aws_lb", "values": {}}],
  "child_modules": [{"address": "module.app[\"a.b\"]", "resources": [
    {"address": "module.app[\"a.b\"].aws_security_group.sg", "type": "aws_security_group",
     "values": {}},
    {"address": "module.app[\"a.b\"].aws_instance.i[\"x]y\"]", "type": "aws_instance",
     "values": {}}]}]}},
  "configuration": {"root_module": {
    "resources": [{"address": "aws_lb.x", "expressions": {"security_groups": {"references": [
      "module.app[\"a.b\"].sg_id", "module.app[\"a.b\"]", "module.app"]}}}],
    "module_calls": {"app": {"for_each_expression": {"references": ["var.apps"]}, "module": {
      "outputs": {"sg_id": {"expression": {"references": ["aws_security_group.sg.id"]}}},
      "resources": [{"address": "aws_instance.i", "expressions": {"vpc_security_group_ids": {
        "references": ["aws_security_group.sg.id", "aws_security_group.sg"]}}}]}}}}}})");
  const ResourceGraph& g = l.graph;
  EXPECT_TRUE(g.diagnostics.empty());
  EXPECT_EQ(Prop(g, "module.app[\"a.b\"].aws_instance.i[\"x]y\"]", "vpc_security_group_ids"),
            R"([{"ref":"module.app[\"a.b\"].aws_security_group.sg","attribute":"id"}])");
  EXPECT_EQ(Prop(g, "aws_lb.x", "security_groups"),
            R"([{"ref":"module.app[\"a.b\"].aws_security_group.sg","attribute":"id"}])");
}

TEST(TfPlanTest, AmbiguousLeavesStayUnresolved) {
  Loaded l = Load(R"({"format_version": "1.2", "planned_values": {"root_module": {"resources": [
    {"address": "aws_nat_gateway.a", "type": "aws_nat_gateway", "values": {}},
    {"address": "aws_nat_gateway.b", "type": "aws_nat_gateway", "values": {}},
    {"address": "aws_route_table.r", "type": "aws_route_table", "values": {"route": [
      {"cidr_block": "0.0.0.0/0"}, {"cidr_block": "10.9.0.0/16"}]}}]}},
  "resource_changes": [{"address": "aws_route_table.r", "change": {"actions": ["create"],
    "after_unknown": {"route": [{"nat_gateway_id": true}, {"nat_gateway_id": true}]}}}],
  "configuration": {"root_module": {"resources": [{"address": "aws_route_table.r",
    "expressions": {"route": {"references": ["aws_nat_gateway.a.id", "aws_nat_gateway.b.id"]}}}]}}
})");
  const Value& routes = l.graph.Find("aws_route_table.r")->properties["route"];
  ASSERT_EQ(routes.items().size(), 2u);
  for (const Value& route : routes.items()) {
    EXPECT_EQ(route["nat_gateway_id"].ToJson(), R"({"unresolved":"known after apply"})");
  }
  EXPECT_TRUE(l.graph.edges.empty());
}

TEST(TfPlanTest, KnownIdsOfExistingInfrastructureAreReferences) {
  Loaded l = Load(R"({
  "format_version": "1.2",
  "planned_values": {"root_module": {"resources": [
    {"address": "aws_vpc.main", "type": "aws_vpc", "values": {"id": "vpc-0abc",
      "arn": "arn:aws:ec2:us-east-1:1:vpc/vpc-0abc"}},
    {"address": "aws_subnet.a", "type": "aws_subnet", "values": {"id": "subnet-01",
      "vpc_id": "vpc-0abc", "tags": {"Vpc": "vpc-0abc"}}},
    {"address": "aws_security_group.s", "type": "aws_security_group", "values": {
      "id": "sg-1", "ingress": [{"security_groups": ["sg-2"], "cidr_blocks": []}]}},
    {"address": "aws_security_group.t", "type": "aws_security_group", "values": {"id": "sg-2"}},
    {"address": "aws_s3_bucket.x", "type": "aws_s3_bucket", "values": {"id": "same"}},
    {"address": "aws_s3_bucket_policy.x", "type": "aws_s3_bucket_policy",
     "values": {"id": "same", "bucket": "same"}}]}}
})");
  const ResourceGraph& g = l.graph;
  EXPECT_EQ(Prop(g, "aws_subnet.a", "vpc_id"), R"({"ref":"aws_vpc.main","attribute":"id"})");
  EXPECT_EQ(Prop(g, "aws_subnet.a", "id"), "\"subnet-01\"");
  EXPECT_EQ(Prop(g, "aws_subnet.a", "tags.Vpc"), "\"vpc-0abc\"");  // tags stay text
  const Value& ingress = g.Find("aws_security_group.s")->properties["ingress"];
  EXPECT_EQ(ingress.items()[0]["security_groups"].ToJson(),
            R"([{"ref":"aws_security_group.t","attribute":"id"}])");
  EXPECT_TRUE(HasEdge(g, "aws_security_group.s", "aws_security_group.t"));
  // An ID two resources share names neither.
  EXPECT_EQ(Prop(g, "aws_s3_bucket_policy.x", "bucket"), "\"same\"");
}

TEST(TfPlanTest, StateAndPlansWithoutResourceChanges) {
  Loaded l = Load(R"({"format_version": "1.0", "values": {"root_module": {"resources": [
    {"address": "aws_security_group.app", "type": "aws_security_group", "values": {}},
    {"address": "aws_instance.web", "type": "aws_instance", "values": {"ami": "ami-1"}}]}},
  "configuration": {"root_module": {"resources": [{"address": "aws_instance.web",
    "expressions": {"vpc_security_group_ids": {"references": [
      "aws_security_group.app.id", "aws_security_group.app"]}}}]}}})");
  // Unknown values are left out of planned values: the configuration still links them.
  EXPECT_EQ(Prop(l.graph, "aws_instance.web", "vpc_security_group_ids"),
            R"([{"ref":"aws_security_group.app","attribute":"id"}])");
  EXPECT_EQ(Prop(l.graph, "aws_instance.web", "ami"), "\"ami-1\"");
}

TEST(TfPlanTest, MalformedShapesAreDiagnosedNotFatal) {
  for (const char* text : {
           R"({"format_version": "1", "planned_values": []})",
           R"({"format_version": "1", "planned_values": {}})",
           R"({"format_version": "1", "planned_values": {"root_module": []}})",
           R"({"format_version": "1", "planned_values": {"root_module": {"resources": {}}}})",
           R"({"format_version": "1", "planned_values": {"root_module": {"resources": [1,
               {"address": 3, "type": "x"}, {"address": "bad", "type": "aws_vpc"},
               {"address": "aws_vpc.a", "type": "aws_vpc", "values": []},
               {"address": "aws_vpc.a", "type": "aws_vpc"}],
               "child_modules": {}}}, "resource_changes": {}})",
       }) {
    ParseResult parsed = ParseJson(text);
    ASSERT_TRUE(parsed.ok()) << text;
    ResourceGraph g = LoadTerraformPlan(parsed.root, "p.json", TfOptions{});
    EXPECT_FALSE(g.diagnostics.empty()) << text;
    for (const Finding& f : g.diagnostics) {
      EXPECT_EQ(f.rule_id, "HLT001");
      EXPECT_TRUE(f.pos.known());
    }
  }
  // Odd configuration and change shapes are ignored.
  Loaded l = Load(R"({"format_version": "1", "planned_values": {"root_module": {"resources": [
    {"address": "aws_vpc.a", "type": "aws_vpc", "values": {"x": [1, {"y": 2}]}}]}},
    "resource_changes": [1, {"address": "aws_vpc.a", "change": {"actions": "delete",
      "after_unknown": {"x": [true, {"y": [true]}], "z": {"q": true}}}}],
    "configuration": {"root_module": {"resources": [{"address": "aws_vpc.a", "expressions": {
      "x": [{"references": [3, "var.", "module.", "module.m", "aws_vpc", "aws_vpc.a[", "."]}],
      "w": {"references": ["aws_vpc.a.id"]}}}], "module_calls": [1]}}})");
  EXPECT_TRUE(l.graph.diagnostics.empty());
  EXPECT_EQ(Ids(l.graph), std::vector<std::string>{"aws_vpc.a"});
}

const std::string kRealPlan =
    std::string(HALINT_SOURCE_DIR) + "/fixtures/terraform/plan/small.json";

// fixtures/terraform/plan/small.json: `scripts/make-real-plan fixtures/terraform/plan/small
// fixtures/terraform/plan/small.json` (Terraform 1.11, AWS provider 5.100).
TEST(TfPlanTest, RealPlan) {
  std::string text = ReadText(kRealPlan);
  ASSERT_FALSE(text.empty());
  Loaded l = Load(text);
  const ResourceGraph& g = l.graph;
  EXPECT_TRUE(g.diagnostics.empty());
  EXPECT_EQ(Ids(g),
            (std::vector<std::string>{
                "aws_db_subnet_group.db", "aws_eip.nat", "aws_instance.web",
                "aws_internet_gateway.main", "aws_nat_gateway.main", "aws_route_table.private",
                "aws_security_group.app", "aws_security_group.db", "aws_subnet.private[0]",
                "aws_subnet.private[1]", "aws_vpc.main", "module.extra.aws_security_group.this"}));
  const Resource* web = g.Find("aws_instance.web");
  ASSERT_NE(web, nullptr);
  EXPECT_EQ(web->pos.line, LineOf(text, "\"address\": \"aws_instance.web\""));
  EXPECT_LT(web->pos.line, LineOf(text, "\"resource_changes\""));
  EXPECT_EQ(Prop(g, "aws_instance.web", "instance_type"), "\"t3.micro\"");
  EXPECT_EQ(Prop(g, "aws_instance.web", "id"), R"({"unresolved":"known after apply"})");
  EXPECT_EQ(Prop(g, "aws_instance.web", "subnet_id"),
            R"({"ref":"aws_subnet.private[0]","attribute":"id"})");
  EXPECT_EQ(Prop(g, "aws_instance.web", "vpc_security_group_ids"),
            R"([{"ref":"aws_security_group.app","attribute":"id"}])");
  EXPECT_EQ(Prop(g, "aws_subnet.private[1]", "availability_zone"), "\"us-east-1b\"");
  EXPECT_EQ(Prop(g, "aws_subnet.private[1]", "cidr_block"), "\"10.0.1.0/24\"");
  EXPECT_EQ(Prop(g, "aws_subnet.private[0]", "vpc_id"),
            R"({"ref":"aws_vpc.main","attribute":"id"})");
  EXPECT_EQ(Prop(g, "aws_db_subnet_group.db", "subnet_ids"),
            R"([{"ref":"aws_subnet.private[0]"},{"ref":"aws_subnet.private[1]"}])");
  EXPECT_EQ(Prop(g, "module.extra.aws_security_group.this", "vpc_id"),
            R"({"ref":"aws_vpc.main","attribute":"id"})");
  // ingress is one expression in the configuration; its one unknown leaf is the app SG.
  const Value& ingress = g.Find("aws_security_group.db")->properties["ingress"];
  ASSERT_EQ(ingress.items().size(), 2u);
  const Value* postgres = BlockWith(ingress, "from_port", "5432");
  const Value* ssh = BlockWith(ingress, "from_port", "22");
  ASSERT_TRUE(postgres && ssh);
  EXPECT_EQ((*postgres)["security_groups"].ToJson(),
            R"([{"ref":"aws_security_group.app","attribute":"id"}])");
  EXPECT_EQ((*ssh)["security_groups"].ToJson(), "[]");
  EXPECT_EQ((*ssh)["cidr_blocks"].ToJson(), R"(["10.0.0.0/16"])");
  EXPECT_TRUE(HasEdge(g, "aws_security_group.db", "aws_security_group.app"));
  // route is one expression naming two gateways: each goes to the leaf naming its type.
  const Value& routes = g.Find("aws_route_table.private")->properties["route"];
  ASSERT_EQ(routes.items().size(), 2u);
  const Value* nat = BlockWith(routes, "cidr_block", "\"0.0.0.0/0\"");
  const Value* igw = BlockWith(routes, "cidr_block", "\"192.168.0.0/16\"");
  ASSERT_TRUE(nat && igw);
  EXPECT_EQ((*nat)["nat_gateway_id"].ToJson(),
            R"({"ref":"aws_nat_gateway.main","attribute":"id"})");
  EXPECT_EQ((*nat)["gateway_id"].ToJson(), "\"\"");
  EXPECT_EQ((*igw)["gateway_id"].ToJson(),
            R"({"ref":"aws_internet_gateway.main","attribute":"id"})");
  EXPECT_EQ(Prop(g, "aws_nat_gateway.main", "allocation_id"),
            R"({"ref":"aws_eip.nat","attribute":"id"})");
  EXPECT_TRUE(HasEdge(g, "aws_instance.web", "aws_subnet.private[0]"));
  ASSERT_EQ(g.parameters.size(), 1u);
  EXPECT_EQ(g.parameters[0].name, "instance_type");
  EXPECT_EQ(g.parameters[0].value.ToJson(), "\"t3.micro\"");
}

TEST(TfPlanTest, LoaderAndDirectoryScanPickUpPlans) {
  LoadedInput in = LoadFile(kRealPlan, LoadOptions{}, true);
  EXPECT_EQ(in.kind, LoadedInput::Kind::kTemplate);
  EXPECT_EQ(in.graph.dialect, Dialect::kTerraformPlan);
  EXPECT_EQ(in.graph.resources.size(), 12u);

  TempDir dir;
  dir.Write("plans/tfplan.json", ReadText(kRealPlan));
  Outcome o = RunCli({"graph", "--format", "json", dir.path()});
  EXPECT_NE(o.out.find("\"terraform-plan\""), std::string::npos) << o.out << o.err;
  EXPECT_NE(o.out.find("aws_security_group.db"), std::string::npos);
}

// Every plan of the public corpus loads without a diagnostic.
TEST(TfPlanTest, CorpusPlansLoad) {
  namespace fs = std::filesystem;
  const fs::path corpus = "/work/shared/corpus/terraform-plan";
  if (!fs::is_directory(corpus)) GTEST_SKIP() << "corpus not present at " << corpus;
  size_t plans = 0;
  size_t resources = 0;
  for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    LoadedInput in = LoadFile(entry.path().string(), LoadOptions{}, true);
    EXPECT_EQ(in.kind, LoadedInput::Kind::kTemplate) << entry.path();
    EXPECT_EQ(in.graph.dialect, Dialect::kTerraformPlan) << entry.path();
    for (const Finding& d : in.diagnostics) {
      ADD_FAILURE() << entry.path() << ":" << d.pos.line << ": " << d.message;
    }
    ++plans;
    resources += in.graph.resources.size();
  }
  std::printf("corpus: %zu plans, %zu resources\n", plans, resources);
  EXPECT_EQ(plans, 55u);
  EXPECT_EQ(resources, 347u);
}

}  // namespace
}  // namespace halint
