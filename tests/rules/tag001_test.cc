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

}  // namespace
}  // namespace halint
