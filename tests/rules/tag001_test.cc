#include <gtest/gtest.h>

#include "analyzer/cli/app.h"
#include "tests/cli/run_cli.h"
#include "tests/cli/test_files.h"

namespace halint {
namespace {

constexpr const char* kTemplate = R"(AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Good:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
      Tags: [{Key: Name, Value: prod-main}]
  Bad:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.1.0.0/16
      Tags:
        - {Key: Team, Value: web}
        - {Key: Name, Value: test-main}
  Unnamed:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.2.0.0/16
  FromParameter:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.3.0.0/16
      Tags: [{Key: Name, Value: !Ref AWS::StackName}]
  OtherType:
    Type: AWS::EC2::InternetGateway
    Properties:
      Tags: [{Key: Name, Value: whatever}]
)";

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Tag001Test, OffByDefaultAndWithoutPatterns) {
  TempDir dir;
  std::string t = dir.Write("t.yaml", kTemplate);
  EXPECT_FALSE(Has(RunCli({"--no-color", t}).out, "[TAG001]"));
  EXPECT_FALSE(Has(RunCli({"--no-color", "--enable", "TAG001", t}).out, "[TAG001]"));
}

TEST(Tag001Test, ChecksNameTagsAgainstTheConfiguredPattern) {
  TempDir dir;
  dir.Write(".halint.yaml",
            "enable: [TAG001]\nrules:\n  TAG001:\n    patterns: {\"AWS::EC2::VPC\": \"^prod-\"}\n");
  std::string t = dir.Write("t.yaml", kTemplate);
  Outcome o = RunCli({"--no-color", "-q", t});
  EXPECT_TRUE(Has(o.out, t + ":14:30: warning: 'Bad' (AWS::EC2::VPC) is named 'test-main', which "
                             "does not match ^prod- [TAG001]"))
      << o.out;
  EXPECT_TRUE(Has(o.out, t + ":15:3: warning: 'Unnamed' (AWS::EC2::VPC) has no Name tag; the "
                             "convention for AWS::EC2::VPC is ^prod- [TAG001]"))
      << o.out;
  EXPECT_FALSE(Has(o.out, "'Good'"));
  EXPECT_FALSE(Has(o.out, "'FromParameter'"));  // the stack name is not known
  EXPECT_FALSE(Has(o.out, "'OtherType'"));      // no pattern for its type
  EXPECT_EQ(o.code, kExitFindings);
}

constexpr const char* kTerraform = R"json({
 "variable": {"env": {"default": "prod"}, "name": {"type": "string"}},
 "locals": {"team": "web"},
 "resource": {
  "aws_vpc": {
   "good": {"cidr_block": "10.0.0.0/16", "tags": {"Name": "${var.env}-main"}},
   "bad": {"cidr_block": "10.1.0.0/16", "tags": {"Team": "web", "Name": "${local.team}-main"}},
   "unnamed": {"cidr_block": "10.2.0.0/16"},
   "unknown": {"cidr_block": "10.3.0.0/16", "tags": {"Name": "${var.name}"}}
  },
  "aws_subnet": {
   "s": {"for_each": {"a": "10.0.0.0/24"}, "vpc_id": "${aws_vpc.good.id}",
         "cidr_block": "${each.value}", "tags": {"Name": "test-${each.key}"}}
  },
  "aws_internet_gateway": {"igw": {"tags": {"Name": "whatever"}}}
 }
})json";

TEST(Tag001Test, TerraformTagsName) {
  TempDir dir;
  dir.Write(".halint.yaml",
            "enable: [TAG001]\nrules:\n  TAG001:\n    patterns: {aws_vpc: \"^prod-\", "
            "aws_subnet: \"^prod-\"}\n");
  std::string t = dir.Write("main.tf.json", kTerraform);
  Outcome o = RunCli({"--no-color", "-q", t});
  EXPECT_TRUE(Has(o.out, t + ":7:73: warning: 'aws_vpc.bad' (aws_vpc) is named 'web-main', which "
                             "does not match ^prod- [TAG001]"))
      << o.out;
  EXPECT_TRUE(Has(o.out, t + ":8:4: warning: 'aws_vpc.unnamed' (aws_vpc) has no Name tag; the "
                             "convention for aws_vpc is ^prod- [TAG001]"))
      << o.out;
  EXPECT_TRUE(Has(o.out, t + ":13:58: warning: 'aws_subnet.s[\"a\"]' (aws_subnet) is named "
                             "'test-a', which does not match ^prod- [TAG001]"))
      << o.out;
  EXPECT_FALSE(Has(o.out, "'aws_vpc.good'"));
  EXPECT_FALSE(Has(o.out, "'aws_vpc.unknown'"));           // var.name has no default
  EXPECT_FALSE(Has(o.out, "'aws_internet_gateway.igw'"));  // no pattern for its type
  EXPECT_EQ(o.code, kExitFindings);
}

}  // namespace
}  // namespace halint
