// The front end over real YAML and JSON: short and long forms, exact positions.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parsers/cfn/cfn_frontend.h"
#include "parsers/json/json_parser.h"
#include "tests/cfn/cfn_test_util.h"

namespace halint {
namespace {

constexpr std::string_view kFixture = R"(
Parameters:
  Env: {Type: String, Default: prod}
Mappings:
  RegionMap: {us-east-1: {Ami: ami-1}}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  R:
    Type: Test::Thing
    Properties:
      P: EXPR
)";

std::string ResolveYaml(std::string_view expr) {
  std::string text(kFixture);
  text.replace(text.find("EXPR"), 4, expr);
  ResourceGraph graph = LoadCloudFormation(ParseTree(text), "t.yaml", {});
  for (const Finding& d : graph.diagnostics) ADD_FAILURE() << d.message;
  const Resource* r = graph.Find("R");
  return r == nullptr ? "<no resource R>" : r->properties["P"].ToJson();
}

TEST(CfnShortForm, SameAsLongForm) {
  struct {
    std::string_view short_form, long_form, want;
  } cases[] = {
      {"!Ref Env", R"({"Ref": "Env"})", R"("prod")"},
      {"!GetAtt Vpc.CidrBlock", R"({"Fn::GetAtt": ["Vpc", "CidrBlock"]})", R"("10.0.0.0/16")"},
      {"!GetAtt [Vpc, DefaultSecurityGroup]", R"({"Fn::GetAtt": "Vpc.DefaultSecurityGroup"})",
       R"({"ref":"Vpc","attribute":"DefaultSecurityGroup"})"},
      {"!Sub '${Env}-${AWS::Region}'", R"({"Fn::Sub": "${Env}-${AWS::Region}"})",
       R"("prod-us-east-1")"},
      {"!Join ['-', [a, !Ref Env]]", R"({"Fn::Join": ["-", ["a", {"Ref": "Env"}]]})",
       R"("a-prod")"},
      {"!Select [1, !GetAZs '']", R"({"Fn::Select": [1, {"Fn::GetAZs": ""}]})",
       R"({"az":1,"region":"us-east-1"})"},
      {"!FindInMap [RegionMap, !Ref 'AWS::Region', Ami]",
       R"({"Fn::FindInMap": ["RegionMap", {"Ref": "AWS::Region"}, "Ami"]})", R"("ami-1")"},
      {"!If [IsDev, a, b]", R"({"Fn::If": ["IsDev", "a", "b"]})", R"("b")"},
      {"!Cidr [!GetAtt Vpc.CidrBlock, 2, 8]",
       R"({"Fn::Cidr": [{"Fn::GetAtt": ["Vpc", "CidrBlock"]}, 2, 8]})",
       R"(["10.0.0.0/24","10.0.1.0/24"])"},
      {"!Base64 hello", R"({"Fn::Base64": "hello"})", R"("aGVsbG8=")"},
      {"!Split [',', 'a,b']", R"({"Fn::Split": [",", "a,b"]})", R"(["a","b"])"},
      {"!Length [1, 2]", R"({"Fn::Length": [1, 2]})", "2"},
      {"!ImportValue x", R"({"Fn::ImportValue": "x"})",
       R"({"unresolved":"Fn::ImportValue is evaluated only at deploy time"})"},
      {"!Transform {Name: X}", R"({"Fn::Transform": {"Name": "X"}})",
       R"({"unresolved":"Fn::Transform is evaluated only at deploy time"})"},
      {"!vault secret/x", R"({"!vault": "secret/x"})", R"({"unresolved":"unknown tag '!vault'"})"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ResolveYaml(c.short_form), c.want) << c.short_form;
    EXPECT_EQ(ResolveYaml(c.long_form), c.want) << c.long_form;
  }
}

constexpr std::string_view kPositions = R"(AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env:
    Type: String
    Default: prod
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  Subnet:
    Type: AWS::EC2::Subnet
    DependsOn: Vpc
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 2, 8]]
      AvailabilityZone: !Select
        - 0
        - !GetAZs ""
      Tags:
        - Key: Env
          Value: !Ref Env
      Name: !Sub "${Vpc}-subnet"
      Port: 0080
  Broken:
    Properties: {}
  Dangling:
    Type: AWS::EC2::Route
    Properties:
      GatewayId: !Ref Nowhere
)";

std::string At(SourcePos pos) {
  return std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

TEST(CfnPositions, ResourcesPropertiesEdgesAndDiagnosticsInYaml) {
  ResourceGraph graph = LoadCloudFormation(ParseTree(kPositions), "t.yaml", {});
  std::vector<std::string> resources;
  for (const Resource& r : graph.resources) resources.push_back(r.id + "@" + At(r.pos));
  EXPECT_EQ(resources, (std::vector<std::string>{"Vpc@7:3", "Subnet@11:3", "Dangling@27:3"}));

  const Value& props = graph.Find("Subnet")->properties;
  std::vector<std::string> entries;
  for (const Value::Entry& e : props.entries()) {
    entries.push_back(e.key + "@" + At(e.key_pos) + " " + e.value.ToJson() + "@" +
                      At(e.value.pos()));
  }
  EXPECT_EQ(
      entries,
      (std::vector<std::string>{
          R"(VpcId@15:7 {"ref":"Vpc"}@15:14)",
          R"(CidrBlock@16:7 "10.0.0.0/24"@16:18)",
          R"(AvailabilityZone@17:7 {"az":0,"region":"us-east-1"}@17:25)",
          R"(Tags@20:7 [{"Key":"Env","Value":"prod"}]@21:9)",
          R"(Name@23:7 {"unresolved":"the Ref of resource 'Vpc' is known only at deploy time"}@23:13)",
          R"(Port@24:7 80@24:13)",
      }));
  // A parameter's default is reported where the Ref is written, and is marked defaulted.
  ASSERT_EQ(props["Tags"].items().size(), 1u);
  const Value& env = props["Tags"].items()[0]["Value"];
  EXPECT_EQ(At(env.pos()), "22:18");
  EXPECT_EQ(env.origin(), Value::Origin::kDefaulted);
  EXPECT_EQ(props["Port"].AsString(), "0080");
  EXPECT_EQ(props["CidrBlock"].origin(), Value::Origin::kLiteral);

  std::vector<std::string> edges;
  for (const Edge& e : graph.edges) {
    edges.push_back(e.from + " -> " + e.to + " " + std::string(EdgeKindName(e.kind)) + "@" +
                    At(e.pos));
  }
  EXPECT_EQ(edges, (std::vector<std::string>{
                       "Subnet -> Vpc ref@15:14",
                       "Subnet -> Vpc getatt@16:37",
                       "Subnet -> Vpc sub@23:13",
                       "Subnet -> Vpc depends_on@13:16",
                   }));

  std::vector<std::string> diagnostics;
  for (const Finding& d : graph.diagnostics) {
    diagnostics.push_back(d.file + ":" + At(d.pos) + ": " + d.rule_id + " " + d.message);
  }
  EXPECT_EQ(
      diagnostics,
      (std::vector<std::string>{
          "t.yaml:25:3: HLT001 resource 'Broken' has no Type",
          "t.yaml:30:18: HLT001 Ref to 'Nowhere', which is neither a parameter nor a resource",
      }));
}

constexpr std::string_view kPositionsJson = R"({
  "Resources": {
    "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
    "Subnet": {
      "Type": "AWS::EC2::Subnet",
      "Properties": {
        "VpcId": {"Ref": "Vpc"},
        "CidrBlock": {"Fn::Select": [0, {"Fn::Cidr": [{"Fn::GetAtt": ["Vpc", "CidrBlock"]}, 2, 8]}]},
        "Port": 0.50
      }
    },
    "Broken": {"Properties": {}}
  }
})";

TEST(CfnPositions, ResourcesPropertiesEdgesAndDiagnosticsInJson) {
  ParseResult parsed = ParseJson(kPositionsJson);
  ASSERT_TRUE(parsed.ok()) << parsed.error;
  ResourceGraph graph = LoadCloudFormation(parsed.root, "t.json", {});
  std::vector<std::string> resources;
  for (const Resource& r : graph.resources) resources.push_back(r.id + "@" + At(r.pos));
  EXPECT_EQ(resources, (std::vector<std::string>{"Vpc@3:5", "Subnet@4:5"}));
  std::vector<std::string> entries;
  for (const Value::Entry& e : graph.Find("Subnet")->properties.entries()) {
    entries.push_back(e.key + "@" + At(e.key_pos) + " " + e.value.ToJson() + "@" +
                      At(e.value.pos()));
  }
  EXPECT_EQ(entries, (std::vector<std::string>{
                         R"(VpcId@7:9 {"ref":"Vpc"}@7:18)",
                         R"(CidrBlock@8:9 "10.0.0.0/24"@8:22)",
                         R"(Port@9:9 0.5@9:17)",
                     }));
  EXPECT_EQ(graph.Find("Subnet")->properties["Port"].AsString(), "0.50");
  std::vector<std::string> edges;
  for (const Edge& e : graph.edges) {
    edges.push_back(e.from + " -> " + e.to + " " + std::string(EdgeKindName(e.kind)) + "@" +
                    At(e.pos));
  }
  EXPECT_EQ(edges,
            (std::vector<std::string>{"Subnet -> Vpc ref@7:18", "Subnet -> Vpc getatt@8:55"}));
  ASSERT_EQ(graph.diagnostics.size(), 1u);
  EXPECT_EQ(At(graph.diagnostics[0].pos) + " " + graph.diagnostics[0].message,
            "12:5 resource 'Broken' has no Type");
}

}  // namespace
}  // namespace halint
