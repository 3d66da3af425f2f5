#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parsers/cfn/cfn_frontend.h"
#include "tests/cfn/cfn_test_util.h"

namespace halint {
namespace {

ResourceGraph Load(std::string_view json, const CfnOptions& options = {}) {
  return LoadCloudFormation(FromJson(json), "t.json", options);
}

std::vector<std::string> Edges(const ResourceGraph& graph) {
  std::vector<std::string> out;
  for (const Edge& e : graph.edges) {
    out.push_back(e.from + " -> " + e.to + " " + std::string(EdgeKindName(e.kind)));
  }
  return out;
}

std::vector<std::string> Diagnostics(const ResourceGraph& graph) {
  std::vector<std::string> out;
  for (const Finding& d : graph.diagnostics) {
    EXPECT_EQ(d.rule_id, "HLT001");
    EXPECT_EQ(d.severity, Severity::kError);
    EXPECT_EQ(d.file, "t.json");
    out.push_back((d.resource.empty() ? "" : d.resource + ": ") + d.message);
  }
  return out;
}

std::vector<std::string> Ids(const ResourceGraph& graph) {
  std::vector<std::string> out;
  for (const Resource& r : graph.resources) out.push_back(r.id);
  return out;
}

TEST(CfnGraph, EdgesComeFromPropertiesAndDependsOn) {
  ResourceGraph graph = Load(R"({
    "Resources": {
      "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
      "Igw": {"Type": "AWS::EC2::InternetGateway"},
      "Attach": {"Type": "AWS::EC2::VPCGatewayAttachment",
                 "Properties": {"VpcId": {"Ref": "Vpc"}, "InternetGatewayId": {"Ref": "Igw"}}},
      "Sg": {"Type": "AWS::EC2::SecurityGroup", "DependsOn": "Attach",
             "Properties": {"VpcId": {"Fn::GetAtt": ["Vpc", "VpcId"]},
                            "GroupDescription": {"Fn::Sub": "in ${Vpc} ${Igw.InternetGatewayId}"}}},
      "Route": {"Type": "AWS::EC2::Route", "DependsOn": ["Attach", "Igw"],
                "Properties": {"GatewayId": {"Ref": "Igw"}, "Tags": [{"Ref": "Igw"}]}}
    },
    "Outputs": {"VpcId": {"Value": {"Ref": "Vpc"}}, "Sg": {"Value": {"Fn::GetAtt": "Sg.GroupId"}}}
  })");
  EXPECT_EQ(Diagnostics(graph), std::vector<std::string>{});
  EXPECT_EQ(Edges(graph), (std::vector<std::string>{
                              "Attach -> Igw ref",
                              "Attach -> Vpc ref",
                              "Route -> Attach depends_on",
                              "Route -> Igw ref",
                              "Route -> Igw ref",
                              "Route -> Igw depends_on",
                              "Sg -> Attach depends_on",
                              "Sg -> Igw sub",
                              "Sg -> Vpc getatt",
                              "Sg -> Vpc sub",
                          }));
  const Resource* route = graph.Find("Route");
  ASSERT_NE(route, nullptr);
  EXPECT_EQ(route->depends_on, (std::vector<std::string>{"Attach", "Igw"}));
  EXPECT_EQ(graph.Find("Sg")->depends_on, std::vector<std::string>{"Attach"});
  EXPECT_TRUE(graph.Find("Igw")->properties.is_absent());
}

TEST(CfnGraph, ResourceFields) {
  ResourceGraph graph = Load(R"({
    "AWSTemplateFormatVersion": "2010-09-09",
    "Resources": {
      "Bucket": {"Type": "AWS::S3::Bucket", "Properties": {},
                 "Metadata": {"halint": {"ignore": [{"id": "HA002", "reason": "x"}]},
                              "Raw": {"Ref": "Nothing"}, "N": 1.5}},
      "Queue": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": 5}}
    }
  })");
  EXPECT_EQ(Diagnostics(graph), std::vector<std::string>{});
  ASSERT_EQ(Ids(graph), (std::vector<std::string>{"Bucket", "Queue"}));
  const Resource& bucket = graph.resources[0];
  EXPECT_EQ(bucket.type, "AWS::S3::Bucket");
  EXPECT_EQ(bucket.properties.ToJson(), "{}");
  EXPECT_EQ(
      bucket.metadata.ToJson(),
      R"({"halint":{"ignore":[{"id":"HA002","reason":"x"}]},"Raw":{"Ref":"Nothing"},"N":1.5})");
  EXPECT_EQ(bucket.condition, "");
  EXPECT_FALSE(bucket.condition_unknown);
  EXPECT_EQ(graph.resources[1].properties["DelaySeconds"].AsString(), "5");
  EXPECT_EQ(graph.dialect, Dialect::kCloudFormation);
  EXPECT_EQ(graph.file, "t.json");
}

TEST(CfnConditions, FalseRemovesUnknownFlags) {
  ResourceGraph graph = Load(R"({
    "Parameters": {
      "Env": {"Type": "String", "Default": "dev"},
      "Free": {"Type": "String"}
    },
    "Conditions": {
      "IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
      "IsFree": {"Fn::Equals": ["yes", {"Ref": "Free"}]},
      "Either": {"Fn::Or": [{"Condition": "IsProd"}, {"Condition": "IsFree"}]},
      "NotProd": {"Fn::Not": [{"Condition": "IsProd"}]}
    },
    "Resources": {
      "ProdOnly": {"Type": "AWS::EC2::NatGateway", "Condition": "IsProd"},
      "Maybe": {"Type": "AWS::EC2::NatGateway", "Condition": "Either",
                "Properties": {"X": {"Fn::If": ["IsFree", {"Ref": "ProdOnly"}, {"Ref": "Dev"}]}}},
      "Dev": {"Type": "AWS::EC2::NatGateway", "Condition": "NotProd",
              "Properties": {"Y": {"Fn::If": ["IsProd", {"Ref": "ProdOnly"}, "none"]}}},
      "User": {"Type": "AWS::EC2::Route", "Properties": {"NatGatewayId": {"Ref": "ProdOnly"}}}
    }
  })");
  EXPECT_EQ(Diagnostics(graph), std::vector<std::string>{});
  EXPECT_EQ(Ids(graph), (std::vector<std::string>{"Maybe", "Dev", "User"}));
  const Resource* maybe = graph.Find("Maybe");
  EXPECT_EQ(maybe->condition, "Either");
  EXPECT_TRUE(maybe->condition_unknown);
  EXPECT_EQ(maybe->properties["X"].ToJson(), R"({"unresolved":"condition 'IsFree' is not known"})");
  const Resource* dev = graph.Find("Dev");
  EXPECT_EQ(dev->condition, "NotProd");
  EXPECT_FALSE(dev->condition_unknown);
  EXPECT_EQ(dev->properties["Y"].ToJson(), R"("none")");
  // Both branches of an unknown Fn::If are possible edges; edges to a resource whose
  // condition is false are not (it is not in the graph).
  EXPECT_EQ(Edges(graph), std::vector<std::string>{"Maybe -> Dev ref"});
}

TEST(CfnConditions, OverrideDecides) {
  CfnOptions options;
  options.parameters["Env"] = "prod";
  ResourceGraph graph = Load(R"({
    "Parameters": {"Env": {"Type": "String", "Default": "dev"}},
    "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}},
    "Resources": {"ProdOnly": {"Type": "AWS::EC2::NatGateway", "Condition": "IsProd"}}
  })",
                             options);
  EXPECT_EQ(Ids(graph), std::vector<std::string>{"ProdOnly"});
}

TEST(CfnDiagnostics, StructuralProblemsAreReportedAndLoadingContinues) {
  ResourceGraph graph = Load(R"({
    "Conditions": {
      "A": {"Fn::Not": [{"Condition": "B"}]},
      "B": {"Fn::And": [{"Condition": "A"}, {"Condition": "Missing"}]},
      "Weird": {"Fn::If": ["A", true, false]}
    },
    "Resources": {
      "List": [1],
      "NoType": {"Properties": {}},
      "NumberType": {"Type": 3},
      "Ok": {"Type": "AWS::SNS::Topic", "DependsOn": ["Nope", "List"], "Properties": {
        "A": {"Ref": "Ghost"},
        "B": {"Fn::GetAtt": ["Phantom", "Arn"]},
        "C": {"Fn::Sub": "${Spirit} ${Shade.Arn}"},
        "D": {"Fn::If": ["Undeclared", 1, 2]},
        "E": {"Fn::Join": ["x"]},
        "F": {"Ref": ["x"]},
        "G": {"Fn::GetAtt": "NoDot"},
        "H": {"Fn::FindInMap": ["NoMap", "a", "b"]}
      }},
      "Gated": {"Type": "AWS::SNS::Topic", "Condition": "Unheard"}
    }
  })");
  EXPECT_EQ(Diagnostics(graph),
            (std::vector<std::string>{
                "condition 'A' depends on itself",
                "condition 'Missing' is not declared in Conditions",
                "a condition must be Fn::Equals, Fn::And, Fn::Or, "
                "Fn::Not or Condition",
                "List: resource 'List' is not a map",
                "NoType: resource 'NoType' has no Type",
                "NumberType: resource 'NumberType' has no Type",
                "Ok: resource 'Ok' depends on 'Nope', which is not a resource",
                "Ok: Ref to 'Ghost', which is neither a parameter nor a resource",
                "Ok: Fn::GetAtt to 'Phantom', which is not a resource",
                "Ok: Fn::Sub variable 'Shade.Arn' does not name a resource",
                "Ok: Fn::Sub variable 'Spirit', which is neither a parameter "
                "nor a resource",

                "Ok: condition 'Undeclared' is not declared in Conditions",
                "Ok: Fn::Join takes [delimiter, list]",
                "Ok: Ref takes a name",
                "Ok: Fn::GetAtt takes [resource, attribute] or "
                "\"resource.attribute\"",
                "Ok: Fn::FindInMap uses mapping 'NoMap', which is not "
                "declared in Mappings",
                "Gated: condition 'Unheard' is not declared in Conditions",
            }));
  EXPECT_EQ(Ids(graph), (std::vector<std::string>{"Ok", "Gated"}));
  EXPECT_TRUE(graph.Find("Gated")->condition_unknown);
  EXPECT_EQ(graph.Find("Ok")->properties["A"].ToJson(),
            R"({"unresolved":"Ref to 'Ghost', which is neither a parameter nor a resource"})");
}

TEST(CfnDiagnostics, BadSections) {
  EXPECT_EQ(Diagnostics(Load(R"({"Resources": [1]})")),
            std::vector<std::string>{"Resources is not a map"});
  EXPECT_EQ(Diagnostics(Load(R"({"Parameters": [], "Resources": {}})")),
            std::vector<std::string>{"Parameters is not a map"});
  EXPECT_EQ(Diagnostics(Load(R"({"Parameters": {"P": {"Default": 1}}, "Resources": {}})")),
            std::vector<std::string>{"parameter 'P' has no Type"});
  EXPECT_EQ(Diagnostics(Load(R"([1])")),
            std::vector<std::string>{"a CloudFormation template must be a map"});
  EXPECT_EQ(Diagnostics(Load(R"({"Resources": {"A": {"Type": "X", "Properties": 3}}})")),
            std::vector<std::string>{"A: Properties of resource 'A' is not a map"});
  EXPECT_EQ(Diagnostics(Load(R"({"Resources": {"A": {"Type": "X", "Condition": [1]}}})")),
            std::vector<std::string>{"A: Condition of resource 'A' is not a string"});
}

TEST(CfnTransforms, PassThroughWithoutExpansionOrFalseErrors) {
  ResourceGraph graph = Load(R"({
    "Transform": ["AWS::Serverless-2016-10-31", "AWS::LanguageExtensions"],
    "Resources": {
      "Fn": {"Type": "AWS::Serverless::Function",
             "Properties": {"Role": {"Fn::GetAtt": "FnRole.Arn"}, "Api": {"Ref": "ServerlessRestApi"}}},
      "Fn::ForEach::Topics": ["Name", ["A", "B"], {"Topic${Name}": {"Type": "AWS::SNS::Topic"}}]
    }
  })");
  EXPECT_EQ(Diagnostics(graph), std::vector<std::string>{});
  EXPECT_EQ(Ids(graph), std::vector<std::string>{"Fn"});
  EXPECT_EQ(graph.resources[0].type, "AWS::Serverless::Function");
  EXPECT_EQ(
      graph.resources[0].properties["Api"].ToJson(),
      R"x({"unresolved":"Ref to 'ServerlessRestApi', which is neither a parameter nor a resource (a transform may declare it)"})x");
}

TEST(CfnGraph, GetAttCyclesAndDeepChainsStayBounded) {
  std::string json = R"({"Resources": {
    "A": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"VpcId": {"Fn::GetAtt": "B.VpcId"}}},
    "B": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"VpcId": {"Fn::GetAtt": "A.VpcId"}}})";
  // A chain of 2000 security groups, each taking its VpcId from the next.
  for (int i = 0; i < 2000; ++i) {
    json += ",\"S" + std::to_string(i) +
            R"(": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"VpcId": {"Fn::GetAtt": "S)" +
            std::to_string(i + 1) + R"(.VpcId"}}})";
  }
  json += R"(, "S2000": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"VpcId": "vpc-1"}}}})";
  ResourceGraph graph = Load(json);
  EXPECT_EQ(Diagnostics(graph), std::vector<std::string>{});
  EXPECT_EQ(graph.Find("A")->properties["VpcId"].ToJson(),
            R"({"unresolved":"'B.VpcId' is part of a reference cycle"})");
  // Resolving S0 gives up after kMaxDepth links; resources near the end still resolve.
  EXPECT_EQ(graph.Find("S0")->properties["VpcId"].ToJson(),
            R"({"unresolved":"expression is nested too deeply"})");
  EXPECT_EQ(graph.Find("S1999")->properties["VpcId"].ToJson(), R"("vpc-1")");
}

TEST(CfnGraph, PathologicalNestingIsCutOff) {
  Node expr = Node::String("x", {1, 1});
  for (int i = 0; i < 5000; ++i) {
    Node wrap = Node::Map({1, 1});
    wrap.Insert({"Fn::Base64", {1, 1}}, std::move(expr));
    expr = std::move(wrap);
  }
  Node props = Node::Map({1, 1});
  props.Insert({"P", {1, 1}}, std::move(expr));
  Node resource = Node::Map({1, 1});
  resource.Insert({"Type", {1, 1}}, Node::String("X", {1, 1}));
  resource.Insert({"Properties", {1, 1}}, std::move(props));
  Node resources = Node::Map({1, 1});
  resources.Insert({"R", {1, 1}}, std::move(resource));
  Node root = Node::Map({1, 1});
  root.Insert({"Resources", {1, 1}}, std::move(resources));
  ResourceGraph graph = LoadCloudFormation(root, "t", {});
  EXPECT_EQ(graph.Find("R")->properties["P"].ToJson(),
            R"({"unresolved":"expression is nested too deeply"})");
}

TEST(CfnDetection, Classifies) {
  struct {
    std::string_view json;
    bool want;
  } cases[] = {
      {R"({"AWSTemplateFormatVersion": "2010-09-09"})", true},
      {R"({"Resources": {"A": {"Type": "AWS::SNS::Topic"}}})", true},
      {R"({"Resources": {"A": {"Type": "AWS::SNS::Topic"}, "B": {"Type": 1}}})", false},
      {R"({"Resources": {}})", false},
      {R"({"Resources": {"A": "x"}})", false},
      {R"({"resource": {"aws_vpc": {}}})", false},
      {R"([{"AWSTemplateFormatVersion": "x"}])", false},
      {R"("AWSTemplateFormatVersion")", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(IsCloudFormationTemplate(FromJson(c.json)), c.want) << c.json;
  }
}

TEST(CfnParametersFile, ReadsBothShapes) {
  std::map<std::string, std::string> out{{"Keep", "1"}, {"A", "old"}};
  EXPECT_EQ(ReadCfnParametersFile(FromJson(R"([
    {"ParameterKey": "A", "ParameterValue": "x"},
    {"ParameterKey": "N", "ParameterValue": 10},
    {"ParameterKey": "L", "ParameterValue": ["a", 2, true]}
  ])"),
                                  out),
            "");
  EXPECT_EQ(ReadCfnParametersFile(
                FromJson(R"({"Parameters": {"B": "y", "Flag": false}, "Tags": {}})"), out),
            "");
  EXPECT_EQ(out, (std::map<std::string, std::string>{{"A", "x"},
                                                     {"B", "y"},
                                                     {"Flag", "false"},
                                                     {"Keep", "1"},
                                                     {"L", "a,2,true"},
                                                     {"N", "10"}}));
}

}  // namespace
}  // namespace halint
