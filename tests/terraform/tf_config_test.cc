// The Terraform JSON configuration front end: recognition, both block shapes, expressions,
// variables, count / for_each expansion and modules of several files.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "analyzer/loader.h"
#include "tests/cli/test_files.h"

namespace halint {
namespace {

// Loads `text` as a file named `name` (read alone unless the name ends .tf.json).
LoadedInput Load(std::string_view text, const TfOptions& tf = {},
                 std::string name = "config.json") {
  auto source = std::make_shared<SourceFile>();
  source->path = std::move(name);
  source->text = std::string(text);
  LoadOptions options;
  options.tf = tf;
  return LoadSource(source, options, true);
}

// The JSON of property `key` of resource `id`, or "<no resource>".
std::string Prop(const LoadedInput& in, std::string_view id, std::string_view key) {
  const Resource* r = in.graph.Find(id);
  return r ? r->properties[key].ToJson() : "<no resource " + std::string(id) + ">";
}

std::vector<std::string> Ids(const LoadedInput& in) {
  std::vector<std::string> out;
  for (const Resource& r : in.graph.resources) out.push_back(r.id);
  return out;
}

TEST(TfConfig, RecognizesConfigurationByItsBlocks) {
  EXPECT_EQ(Load(R"({"resource": {"aws_vpc": {"main": {"cidr_block": "10.0.0.0/16"}}}})").kind,
            LoadedInput::Kind::kTemplate);
  EXPECT_EQ(Load(R"({"//": "c", "variable": {"x": {}}})").kind, LoadedInput::Kind::kTemplate);
  EXPECT_EQ(Load(R"({"resource": {}, "services": {}})").kind, LoadedInput::Kind::kNotATemplate);
  EXPECT_EQ(Load(R"({"//": "only a comment"})").kind, LoadedInput::Kind::kNotATemplate);
  EXPECT_EQ(Load(R"([1, 2])").kind, LoadedInput::Kind::kNotATemplate);
}

TEST(TfConfig, ResourcesAtTheirNameKeyInBothShapes) {
  LoadedInput in = Load(R"j({
  "resource": [
    {"aws_vpc": [{"main": [{"cidr_block": "10.0.0.0/16"}]}]},
    {"aws_subnet": {"a": {"vpc_id": "${aws_vpc.main.id}", "cidr_block": "10.0.1.0/24"}}}
  ]
})j");
  ASSERT_EQ(in.kind, LoadedInput::Kind::kTemplate);
  EXPECT_TRUE(in.diagnostics.empty());
  EXPECT_EQ(Ids(in), (std::vector<std::string>{"aws_vpc.main", "aws_subnet.a"}));
  const Resource* vpc = in.graph.Find("aws_vpc.main");
  ASSERT_NE(vpc, nullptr);
  EXPECT_EQ(vpc->type, "aws_vpc");
  EXPECT_EQ(vpc->pos.line, 3u);
  EXPECT_EQ(vpc->pos.column, 19u);
  EXPECT_EQ(Prop(in, "aws_subnet.a", "vpc_id"), R"({"ref":"aws_vpc.main","attribute":"id"})");
  EXPECT_EQ(in.graph.dialect, Dialect::kTerraformConfig);
}

TEST(TfConfig, ReferencesIdentitiesArgumentsAndUnknowns) {
  LoadedInput in = Load(R"j({
  "resource": {
    "aws_vpc": {"main": {"cidr_block": "10.0.0.0/16"}},
    "aws_subnet": {"a": {
      "vpc_id": "${aws_vpc.main.id}",
      "cidr_block": "${aws_vpc.main.cidr_block}",
      "tags": {"Name": "web-${aws_vpc.main.cidr_block}"},
      "ipv6_cidr_block": "${aws_vpc.main.ipv6_cidr_block}",
      "outpost_arn": "${module.net.outpost}"
    }}
  }
})j");
  EXPECT_EQ(Prop(in, "aws_subnet.a", "cidr_block"), R"("10.0.0.0/16")");
  EXPECT_EQ(Prop(in, "aws_subnet.a", "tags"), R"({"Name":"web-10.0.0.0/16"})");
  EXPECT_NE(Prop(in, "aws_subnet.a", "ipv6_cidr_block").find("unresolved"), std::string::npos);
  EXPECT_EQ(
      Prop(in, "aws_subnet.a", "outpost_arn"),
      R"j({"unresolved":"module 'net' outputs are not followed (only this module is read)"})j");
}

TEST(TfConfig, VariablesLocalsAndOverrides) {
  constexpr std::string_view kText = R"j({
  "variable": {
    "cidr": {"default": "10.0.0.0/16"},
    "azs": {"type": "list(string)"},
    "multi": {"type": "bool", "default": false}
  },
  "locals": {"name": "db-${var.cidr}"},
  "resource": {
    "aws_vpc": {"main": {"cidr_block": "${var.cidr}", "tags": {"Name": "${local.name}"}}},
    "aws_db_instance": {"db": {"multi_az": "${var.multi}", "availability_zone": "${var.azs[0]}"}}
  }
})j";
  LoadedInput defaults = Load(kText);
  EXPECT_EQ(Prop(defaults, "aws_vpc.main", "cidr_block"), R"("10.0.0.0/16")");
  EXPECT_EQ(Prop(defaults, "aws_vpc.main", "tags"), R"({"Name":"db-10.0.0.0/16"})");
  EXPECT_EQ(Prop(defaults, "aws_db_instance.db", "multi_az"), "false");
  EXPECT_NE(Prop(defaults, "aws_db_instance.db", "availability_zone").find("unresolved"),
            std::string::npos);
  ASSERT_EQ(defaults.graph.parameters.size(), 3u);

  TfOptions tf;
  tf.variables = {{"cidr", "172.16.0.0/16"}, {"multi", "true"}, {"azs", R"(["eu-west-1b"])"}};
  LoadedInput set = Load(kText, tf);
  EXPECT_EQ(Prop(set, "aws_vpc.main", "cidr_block"), R"("172.16.0.0/16")");
  EXPECT_EQ(Prop(set, "aws_db_instance.db", "multi_az"), "true");
  EXPECT_EQ(Prop(set, "aws_db_instance.db", "availability_zone"), R"("eu-west-1b")");
}

TEST(TfConfig, CountExpandsWithIndexAndSymbolicAzs) {
  LoadedInput in = Load(R"j({
  "provider": {"aws": {"region": "eu-west-1"}},
  "data": {"aws_availability_zones": {"all": {}}},
  "resource": {"aws_subnet": {"private": {
    "count": 2,
    "availability_zone": "${data.aws_availability_zones.all.names[count.index]}",
    "cidr_block": "${cidrsubnet(\"10.0.0.0/16\", 8, count.index + 10)}",
    "tags": {"Name": "private-${count.index}"}
  }}}
})j");
  EXPECT_EQ(Ids(in), (std::vector<std::string>{"aws_subnet.private[0]", "aws_subnet.private[1]"}));
  EXPECT_EQ(Prop(in, "aws_subnet.private[1]", "availability_zone"),
            R"({"az":1,"region":"eu-west-1"})");
  EXPECT_EQ(Prop(in, "aws_subnet.private[1]", "tags"), R"({"Name":"private-1"})");
  EXPECT_EQ(Prop(in, "aws_subnet.private[1]", "cidr_block"), R"("10.0.11.0/24")");
}

TEST(TfConfig, ForEachOverALiteralMap) {
  LoadedInput in = Load(R"j({
  "resource": {
    "aws_subnet": {"s": {
      "for_each": {"b": "10.0.2.0/24", "a": "10.0.1.0/24"},
      "cidr_block": "${each.value}",
      "tags": {"Name": "${each.key}"}
    }},
    "aws_lb": {"web": {"subnets": "${[for s in aws_subnet.s : s.id]}"}},
    "aws_db_subnet_group": {"g": {"subnet_ids": ["${aws_subnet.s[\"a\"].id}"]}}
  }
})j");
  EXPECT_EQ(Ids(in), (std::vector<std::string>{"aws_subnet.s[\"a\"]", "aws_subnet.s[\"b\"]",
                                               "aws_lb.web", "aws_db_subnet_group.g"}));
  EXPECT_EQ(Prop(in, "aws_subnet.s[\"b\"]", "cidr_block"), R"("10.0.2.0/24")");
  EXPECT_EQ(Prop(in, "aws_subnet.s[\"a\"]", "tags"), R"({"Name":"a"})");
  EXPECT_EQ(Prop(in, "aws_db_subnet_group.g", "subnet_ids"),
            R"([{"ref":"aws_subnet.s[\"a\"]","attribute":"id"}])");
  // A `for` expression is not evaluated: unresolved, never guessed.
  EXPECT_NE(Prop(in, "aws_lb.web", "subnets").find("unresolved"), std::string::npos);
}

TEST(TfConfig, UnknownCountKeepsOneMarkedResourceAndZeroRemovesIt) {
  LoadedInput in = Load(R"j({
  "variable": {"n": {"type": "number"}},
  "resource": {
    "aws_instance": {"web": {"count": "${var.n}"}},
    "aws_eip": {"off": {"count": 0}}
  }
})j");
  EXPECT_EQ(Ids(in), (std::vector<std::string>{"aws_instance.web"}));
  EXPECT_TRUE(in.graph.Find("aws_instance.web")->condition_unknown);
}

TEST(TfConfig, NestedBlocksAreListsAndCommentsAreNotArguments) {
  LoadedInput in = Load(R"j({
  "resource": {"aws_security_group": {"web": {
    "//": "halint:ignore SEC004 reason",
    "ingress": {"protocol": "tcp", "from_port": 443, "to_port": 443,
                "cidr_blocks": ["0.0.0.0/0"]}
  }}}
})j");
  const Resource* sg = in.graph.Find("aws_security_group.web");
  ASSERT_NE(sg, nullptr);
  EXPECT_TRUE(sg->properties["//"].is_absent());
  EXPECT_EQ(sg->metadata.ToJson(), R"("halint:ignore SEC004 reason")");
  EXPECT_EQ(Prop(in, "aws_security_group.web", "ingress"),
            R"([{"protocol":"tcp","from_port":443,"to_port":443,"cidr_blocks":["0.0.0.0/0"]}])");
}

TEST(TfConfig, FunctionsAroundNetworkCode) {
  LoadedInput in = Load(R"j({
  "variable": {"subnets": {"default": ["subnet-1", "subnet-2"]}},
  "resource": {"aws_lb": {"web": {
    "name": "${format(\"web-%s-%d\", \"prod\", 2)}",
    "subnets": "${concat(var.subnets, [\"subnet-3\"])}",
    "internal": "${length(var.subnets) > 2}",
    "security_groups": "${tolist([element(var.subnets, 3)])}",
    "load_balancer_type": "${lookup({a = \"network\"}, \"a\", \"application\")}",
    "ip_address_type": "${join(\"\", [\"dual\", \"stack\"])}",
    "customer_owned_ipv4_pool": "${timestamp()}"
  }}}
})j");
  EXPECT_EQ(Prop(in, "aws_lb.web", "name"), R"("web-prod-2")");
  EXPECT_EQ(Prop(in, "aws_lb.web", "subnets"), R"(["subnet-1","subnet-2","subnet-3"])");
  EXPECT_EQ(Prop(in, "aws_lb.web", "internal"), "false");
  EXPECT_EQ(Prop(in, "aws_lb.web", "security_groups"), R"(["subnet-2"])");
  EXPECT_EQ(Prop(in, "aws_lb.web", "load_balancer_type"), R"("network")");
  EXPECT_EQ(Prop(in, "aws_lb.web", "ip_address_type"), R"("dualstack")");
  EXPECT_NE(Prop(in, "aws_lb.web", "customer_owned_ipv4_pool").find("unresolved"),
            std::string::npos);
}

TEST(TfConfig, SiblingFilesAreOneModule) {
  TempDir dir;
  std::string main = dir.Write("main.tf.json", R"j({
  "resource": {"aws_subnet": {"a": {"vpc_id": "${aws_vpc.main.id}",
                                    "cidr_block": "${var.cidr}"}}}
})j");
  dir.Write("network.tf.json", R"j({
  "variable": {"cidr": {"default": "10.0.1.0/24"}},
  "resource": {"aws_vpc": {"main": {"cidr_block": "10.0.0.0/16"}}}
})j");
  dir.Write("notes.json", R"({"not": "terraform"})");
  LoadedInput in = LoadFile(main, {}, true);
  ASSERT_EQ(in.kind, LoadedInput::Kind::kTemplate);
  EXPECT_EQ(Prop(in, "aws_subnet.a", "vpc_id"), R"({"ref":"aws_vpc.main","attribute":"id"})");
  EXPECT_EQ(Prop(in, "aws_subnet.a", "cidr_block"), R"("10.0.1.0/24")");
  EXPECT_EQ(in.graph.Find("aws_subnet.a")->file, "");
  EXPECT_EQ(in.graph.Find("aws_vpc.main")->file, dir.path() + "/network.tf.json");
}

TEST(TfConfig, HclFilesAreNotReadButExplained) {
  LoadedInput in = Load("resource \"aws_vpc\" \"x\" {}\n", {}, "main.tf");
  EXPECT_EQ(in.kind, LoadedInput::Kind::kNotATemplate);
  ASSERT_EQ(in.diagnostics.size(), 1u);
  EXPECT_EQ(in.diagnostics[0].message,
            "Terraform HCL (.tf) is read through its plan: run 'terraform plan -out tfplan && "
            "terraform show -json tfplan > tfplan.json' and check tfplan.json");
}

}  // namespace
}  // namespace halint
