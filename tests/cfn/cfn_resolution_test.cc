#include <gtest/gtest.h>

#include <string>

#include "parsers/cfn/cfn_frontend.h"
#include "tests/cfn/cfn_test_util.h"

namespace halint {
namespace {

constexpr std::string_view kTemplate = R"({
  "AWSTemplateFormatVersion": "2010-09-09",
  "Parameters": {
    "Env": {"Type": "String", "Default": "prod"},
    "NoDefault": {"Type": "String"},
    "Count": {"Type": "Number", "Default": "3"},
    "Subnets": {"Type": "List<AWS::EC2::Subnet::Id>", "Default": "subnet-1, subnet-2"},
    "Cidrs": {"Type": "CommaDelimitedList", "Default": "10.0.0.0/24,10.0.1.0/24"},
    "Ssm": {"Type": "AWS::SSM::Parameter::Value<String>", "Default": "/ami"}
  },
  "Mappings": {"RegionMap": {"us-east-1": {"Ami": "ami-1"}, "eu-west-1": {"Ami": "ami-2"}}},
  "Conditions": {
    "IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
    "IsDev": {"Fn::Not": [{"Condition": "IsProd"}]},
    "Unknown": {"Fn::Equals": [{"Ref": "NoDefault"}, "x"]},
    "ProdOrUnknown": {"Fn::Or": [{"Condition": "IsProd"}, {"Condition": "Unknown"}]},
    "DevAndUnknown": {"Fn::And": [{"Condition": "IsDev"}, {"Condition": "Unknown"}]},
    "ThreeIsNumber": {"Fn::Equals": [{"Ref": "Count"}, 3]}
  },
  "Resources": {
    "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
    "Sg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"VpcId": {"Ref": "Vpc"}}},
    "Subnet": {"Type": "AWS::EC2::Subnet", "Properties": {
      "VpcId": {"Ref": "Vpc"},
      "AvailabilityZone": {"Fn::Select": [1, {"Fn::GetAZs": ""}]},
      "CidrBlock": {"Fn::Select": [2, {"Fn::Cidr": [{"Fn::GetAtt": ["Vpc", "CidrBlock"]}, 4, 8]}]}}},
    "Loose": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": "vpc-1"}},
    "R": {"Type": "Test::Thing", "Properties": {"P": EXPR}}
  }
})";

std::string Resolve(std::string_view expr, const CfnOptions& options = {}) {
  std::string text(kTemplate);
  text.replace(text.find("EXPR"), 4, expr);
  ResourceGraph graph = LoadCloudFormation(FromJson(text), "t.json", options);
  const Resource* r = graph.Find("R");
  if (r == nullptr) return "<no resource R>";
  for (const Finding& d : graph.diagnostics) ADD_FAILURE() << d.message;
  const Value::Entry* p = r->properties.FindEntry("P");
  return p == nullptr ? "<absent>" : p->value.ToJson();
}

struct Case {
  std::string_view expr;
  std::string_view want;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.expr; }

class CfnResolution : public testing::TestWithParam<Case> {};

TEST_P(CfnResolution, ResolvesTo) { EXPECT_EQ(Resolve(GetParam().expr), GetParam().want); }

INSTANTIATE_TEST_SUITE_P(CfnLiterals, CfnResolution,
                         testing::Values(Case{R"("x")", R"("x")"}, Case{"1.5", "1.5"},
                                         Case{"true", "true"}, Case{"null", "null"},
                                         Case{R"({"a": [1, "b"]})", R"({"a":[1,"b"]})"}));

INSTANTIATE_TEST_SUITE_P(
    CfnRef, CfnResolution,
    testing::Values(Case{R"({"Ref": "Env"})", R"("prod")"},
                    Case{R"({"Ref": "NoDefault"})",
                         R"({"unresolved":"parameter 'NoDefault' has no default value"})"},
                    Case{R"({"Ref": "Count"})", "3"},
                    Case{R"({"Ref": "Subnets"})", R"(["subnet-1","subnet-2"])"},
                    Case{R"({"Ref": "Cidrs"})", R"(["10.0.0.0/24","10.0.1.0/24"])"},
                    Case{R"({"Ref": "Ssm"})",
                         R"({"unresolved":"parameter 'Ssm' is read from SSM at deploy time"})"},
                    Case{R"({"Ref": "Vpc"})", R"({"ref":"Vpc"})"},
                    Case{R"({"Ref": "AWS::Region"})", R"("us-east-1")"},
                    Case{R"({"Ref": "AWS::Partition"})", R"("aws")"},
                    Case{R"({"Ref": "AWS::URLSuffix"})", R"("amazonaws.com")"},
                    Case{R"({"Ref": "AWS::AccountId"})",
                         R"({"unresolved":"AWS::AccountId is known only at deploy time"})"},
                    Case{R"({"Ref": "AWS::StackName"})",
                         R"({"unresolved":"AWS::StackName is known only at deploy time"})"},
                    Case{R"({"Ref": "AWS::StackId"})",
                         R"({"unresolved":"AWS::StackId is known only at deploy time"})"},
                    Case{R"({"Ref": "AWS::NotificationARNs"})",
                         R"({"unresolved":"AWS::NotificationARNs is known only at deploy time"})"},
                    Case{R"({"Ref": "AWS::NoValue"})", "<absent>"}));

INSTANTIATE_TEST_SUITE_P(
    CfnGetAtt, CfnResolution,
    testing::Values(
        Case{R"({"Fn::GetAtt": ["Vpc", "CidrBlock"]})", R"("10.0.0.0/16")"},
        Case{R"({"Fn::GetAtt": "Vpc.CidrBlock"})", R"("10.0.0.0/16")"},
        Case{R"({"Fn::GetAtt": ["Sg", "GroupId"]})", R"({"ref":"Sg","attribute":"GroupId"})"},
        Case{R"({"Fn::GetAtt": "Sg.VpcId"})", R"({"ref":"Vpc"})"},
        Case{R"({"Fn::GetAtt": ["Subnet", "VpcId"]})", R"({"ref":"Vpc"})"},
        Case{R"({"Fn::GetAtt": ["Subnet", "AvailabilityZone"]})",
             R"({"az":1,"region":"us-east-1"})"},
        Case{R"({"Fn::GetAtt": ["Subnet", "CidrBlock"]})", R"("10.0.2.0/24")"},
        Case{
            R"({"Fn::GetAtt": ["Loose", "AvailabilityZone"]})",
            R"({"unresolved":"'Loose' does not set AvailabilityZone, so it is known only at deploy time"})"},
        Case{R"({"Fn::GetAtt": ["Sg", {"Ref": "Env"}]})", R"({"ref":"Sg","attribute":"prod"})"},
        Case{R"({"Fn::GetAtt": "Vpc.Ipv6CidrBlocks.0"})",
             R"({"ref":"Vpc","attribute":"Ipv6CidrBlocks.0"})"}));

INSTANTIATE_TEST_SUITE_P(
    CfnSub, CfnResolution,
    testing::Values(
        Case{R"({"Fn::Sub": "${Env}-${AWS::Region}"})", R"("prod-us-east-1")"},
        Case{R"({"Fn::Sub": "${Vpc}"})", R"({"ref":"Vpc"})"},
        Case{R"({"Fn::Sub": "${Vpc.CidrBlock}!"})", R"("10.0.0.0/16!")"},
        Case{R"({"Fn::Sub": "arn:${AWS::Partition}:s3:::${!Literal}"})",
             R"("arn:aws:s3:::${Literal}")"},
        Case{R"({"Fn::Sub": ["${A}-${Env}", {"A": "a"}]})", R"("a-prod")"},
        Case{R"({"Fn::Sub": ["${A}", {"A": {"Ref": "Vpc"}}]})", R"({"ref":"Vpc"})"},
        Case{R"({"Fn::Sub": "no variables"})", R"("no variables")"},
        Case{R"({"Fn::Sub": "${Vpc}-x"})",
             R"({"unresolved":"the Ref of resource 'Vpc' is known only at deploy time"})"},
        Case{R"({"Fn::Sub": "${Sg.GroupId}"})", R"({"ref":"Sg","attribute":"GroupId"})"},
        Case{R"({"Fn::Sub": "id-${AWS::AccountId}"})",
             R"({"unresolved":"AWS::AccountId is known only at deploy time"})"},
        Case{R"({"Fn::Sub": "unterminated ${Env"})", R"("unterminated ${Env")"}));

INSTANTIATE_TEST_SUITE_P(
    CfnJoinSplitSelect, CfnResolution,
    testing::Values(Case{R"({"Fn::Join": ["-", ["a", {"Ref": "Env"}, 1]]})", R"("a-prod-1")"},
                    Case{R"({"Fn::Join": [",", {"Ref": "Subnets"}]})", R"("subnet-1,subnet-2")"},
                    Case{R"({"Fn::Join": ["", []]})", R"("")"},
                    Case{R"({"Fn::Join": ["", ["a", {"Ref": "AWS::NoValue"}, "b"]]})", R"("ab")"},
                    Case{R"({"Fn::Join": ["", [{"Ref": "NoDefault"}]]})",
                         R"({"unresolved":"parameter 'NoDefault' has no default value"})"},
                    Case{R"({"Fn::Split": [",", "a,b,,c"]})", R"(["a","b","","c"])"},
                    Case{R"({"Fn::Split": ["::", {"Fn::Sub": "${Env}::x"}]})", R"(["prod","x"])"},
                    Case{R"({"Fn::Select": [1, ["a", "b"]]})", R"("b")"},
                    Case{R"({"Fn::Select": ["1", ["a", "b"]]})", R"("b")"},
                    Case{R"({"Fn::Select": [1, {"Ref": "Subnets"}]})", R"("subnet-2")"},
                    Case{R"({"Fn::Select": [2, ["a", "b"]]})",
                         R"({"unresolved":"Fn::Select index 2 is out of range for a list of 2"})"},
                    Case{R"({"Fn::Select": [-1, ["a"]]})",
                         R"({"unresolved":"Fn::Select index -1 is out of range for a list of 1"})"},
                    Case{R"({"Fn::Select": ["x", ["a"]]})",
                         R"({"unresolved":"Fn::Select index 'x' is not an integer"})"},
                    Case{R"({"Fn::Select": [0, [{"Ref": "NoDefault"}]]})",
                         R"({"unresolved":"parameter 'NoDefault' has no default value"})"},
                    Case{R"({"Fn::Select": [0, {"Fn::Split": [",", "p,q"]}]})", R"("p")"},
                    Case{R"({"Fn::Length": [1, 2, 3]})", "3"},
                    Case{R"({"Fn::Length": {"Ref": "Subnets"}})", "2"}));

INSTANTIATE_TEST_SUITE_P(
    CfnAzs, CfnResolution,
    testing::Values(
        Case{R"({"Fn::GetAZs": ""})", R"({"azs":"us-east-1"})"},
        Case{R"({"Fn::GetAZs": {"Ref": "AWS::Region"}})", R"({"azs":"us-east-1"})"},
        Case{R"({"Fn::GetAZs": "eu-west-1"})", R"({"azs":"eu-west-1"})"},
        Case{R"({"Fn::Select": [0, {"Fn::GetAZs": ""}]})", R"({"az":0,"region":"us-east-1"})"},
        Case{R"({"Fn::Select": ["2", {"Fn::GetAZs": {"Ref": "AWS::Region"}}]})",
             R"({"az":2,"region":"us-east-1"})"},
        Case{R"({"Fn::Join": [",", {"Fn::GetAZs": ""}]})",
             R"({"unresolved":"the AZ names of us-east-1 are known only at deploy time"})"},
        Case{R"({"Fn::Sub": ["${Az}x", {"Az": {"Fn::Select": [0, {"Fn::GetAZs": ""}]}}]})",
             R"({"unresolved":"the name of AZ 0 of us-east-1 is known only at deploy time"})"}));

INSTANTIATE_TEST_SUITE_P(
    CfnFindInMap, CfnResolution,
    testing::Values(
        Case{R"({"Fn::FindInMap": ["RegionMap", {"Ref": "AWS::Region"}, "Ami"]})", R"("ami-1")"},
        Case{R"({"Fn::FindInMap": ["RegionMap", "ap-south-1", "Ami", {"DefaultValue": "ami-0"}]})",
             R"("ami-0")"},
        Case{R"({"Fn::FindInMap": ["RegionMap", "ap-south-1", "Ami"]})",
             R"({"unresolved":"mapping 'RegionMap' has no key 'ap-south-1'"})"},
        Case{R"({"Fn::FindInMap": ["RegionMap", "eu-west-1", "Kernel"]})",
             R"({"unresolved":"mapping 'RegionMap' has no key 'eu-west-1' -> 'Kernel'"})"},
        Case{R"({"Fn::FindInMap": ["RegionMap", {"Ref": "NoDefault"}, "Ami"]})",
             R"({"unresolved":"parameter 'NoDefault' has no default value"})"}));

INSTANTIATE_TEST_SUITE_P(
    CfnIf, CfnResolution,
    testing::Values(Case{R"({"Fn::If": ["IsProd", "a", "b"]})", R"("a")"},
                    Case{R"({"Fn::If": ["IsDev", "a", "b"]})", R"("b")"},
                    Case{R"({"Fn::If": ["Unknown", "a", "b"]})",
                         R"({"unresolved":"condition 'Unknown' is not known"})"},
                    Case{R"({"Fn::If": ["ProdOrUnknown", "a", "b"]})", R"("a")"},
                    Case{R"({"Fn::If": ["DevAndUnknown", "a", "b"]})", R"("b")"},
                    Case{R"({"Fn::If": ["ThreeIsNumber", "a", "b"]})", R"("a")"},
                    Case{R"({"Fn::If": ["IsProd", {"Ref": "AWS::NoValue"}, "b"]})", "<absent>"},
                    Case{R"(["a", {"Fn::If": ["IsProd", {"Ref": "AWS::NoValue"}, "b"]}, "c"])",
                         R"(["a","c"])"},
                    Case{R"({"k": {"Ref": "AWS::NoValue"}, "j": 1})", R"({"j":1})"}));

INSTANTIATE_TEST_SUITE_P(
    CfnOthers, CfnResolution,
    testing::Values(
        Case{R"({"Fn::Base64": "hello"})", R"("aGVsbG8=")"},
        Case{R"({"Fn::Base64": {"Fn::Sub": "#!/bin/sh\n${Env}"}})", R"("IyEvYmluL3NoCnByb2Q=")"},
        Case{R"({"Fn::Base64": {"Ref": "AWS::StackName"}})",
             R"({"unresolved":"AWS::StackName is known only at deploy time"})"},
        Case{R"({"Fn::Cidr": ["10.0.0.0/16", 2, 8]})", R"(["10.0.0.0/24","10.0.1.0/24"])"},
        Case{R"({"Fn::Cidr": [{"Fn::GetAtt": "Vpc.CidrBlock"}, "2", "12"]})",
             R"(["10.0.0.0/20","10.0.16.0/20"])"},
        Case{R"({"Fn::Cidr": ["10.0.0.0/24", 2, 9]})",
             R"x({"unresolved":"Fn::Cidr cidrBits 9 does not fit in /24 (at most 8)"})x"},
        Case{R"({"Fn::ImportValue": "shared-vpc"})",
             R"({"unresolved":"Fn::ImportValue is evaluated only at deploy time"})"},
        Case{R"({"Fn::Transform": {"Name": "AWS::Include"}})",
             R"({"unresolved":"Fn::Transform is evaluated only at deploy time"})"},
        Case{R"({"Fn::ToJsonString": {"a": 1}})",
             R"({"unresolved":"Fn::ToJsonString is evaluated only at deploy time"})"},
        Case{R"({"Fn::ForEach::X": ["a", ["b"], {}]})",
             R"({"unresolved":"Fn::ForEach::X is evaluated only at deploy time"})"},
        Case{R"({"Fn::Nope": 1})", R"({"unresolved":"Fn::Nope is evaluated only at deploy time"})"},
        Case{R"({"!vault": "secret/x"})", R"({"unresolved":"unknown tag '!vault'"})"}));

TEST(CfnParameters, OverrideBeatsDefaultAndIsLiteral) {
  CfnOptions options;
  options.parameters = {{"Env", "dev"}, {"NoDefault", "x"}, {"Subnets", "a,b , c"}};
  EXPECT_EQ(Resolve(R"({"Ref": "Env"})", options), R"("dev")");
  EXPECT_EQ(Resolve(R"({"Fn::If": ["Unknown", "a", "b"]})", options), R"("a")");
  EXPECT_EQ(Resolve(R"({"Ref": "Subnets"})", options), R"(["a","b","c"])");

  ResourceGraph graph = LoadCloudFormation(
      FromJson(std::string(kTemplate).replace(std::string(kTemplate).find("EXPR"), 4, "1")),
      "t.json", options);
  std::vector<std::string> got;
  for (const Parameter& p : graph.parameters) {
    got.push_back(p.name + " " + p.type + " " + p.value.ToJson() +
                  (p.value.origin() == Value::Origin::kDefaulted ? " defaulted" : ""));
  }
  EXPECT_EQ(
      got,
      (std::vector<std::string>{
          R"(Env String "dev")",
          R"(NoDefault String "x")",
          R"(Count Number 3 defaulted)",
          R"(Subnets List<AWS::EC2::Subnet::Id> ["a","b","c"])",
          R"(Cidrs CommaDelimitedList ["10.0.0.0/24","10.0.1.0/24"] defaulted)",
          R"(Ssm AWS::SSM::Parameter::Value<String> {"unresolved":"parameter 'Ssm' is read from SSM at deploy time"})",
      }));
}

TEST(CfnPseudoParameters, FollowTheRegion) {
  struct {
    std::string region, partition, suffix;
  } cases[] = {{"eu-west-1", "aws", "amazonaws.com"},
               {"cn-north-1", "aws-cn", "amazonaws.com.cn"},
               {"us-gov-west-1", "aws-us-gov", "amazonaws.com"}};
  for (const auto& c : cases) {
    CfnOptions options;
    options.region = c.region;
    EXPECT_EQ(
        Resolve(R"({"Fn::Sub": "${AWS::Region} ${AWS::Partition} ${AWS::URLSuffix}"})", options),
        "\"" + c.region + " " + c.partition + " " + c.suffix + "\"");
    EXPECT_EQ(Resolve(R"({"Fn::Select": [1, {"Fn::GetAZs": ""}]})", options),
              R"({"az":1,"region":")" + c.region + R"("})");
  }
}

}  // namespace
}  // namespace halint
