// HA005 asg-capacity: unit table over small templates.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "tests/rules/rule_test_util.h"

namespace halint {
namespace {

struct Found {
  uint32_t line;
  Severity severity;
  std::string message;
  friend bool operator==(const Found&, const Found&) = default;
  friend std::ostream& operator<<(std::ostream& os, const Found& f) {
    return os << f.line << " " << static_cast<int>(f.severity) << " " << f.message;
  }
};

std::vector<Found> Of(std::string_view text, std::string_view name = "template.yaml") {
  std::vector<Found> out;
  for (const Finding& f : FindingsOf("HA005", text, name)) {
    out.push_back({f.pos.line, f.severity, f.message});
  }
  return out;
}

// Two subnets A (AZ `az_a`) and B (AZ `az_b`) and an ASG 'Web' (line 17) whose MinSize is
// on line 20.
std::string Template(std::string_view min, std::string_view max,
                     std::string_view az_a = "!Select [0, !GetAZs '']",
                     std::string_view az_b = "!Select [1, !GetAZs '']",
                     std::string_view subnets = "[!Ref A, !Ref B]",
                     std::string_view condition = "") {
  return Substitute(R"(Parameters:
  Size:
    Type: Number
Resources:
  A:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-12345678
      CidrBlock: 10.0.0.0/24
      AvailabilityZone: {AZ_A}
  B:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-12345678
      CidrBlock: 10.0.1.0/24
      AvailabilityZone: {AZ_B}
  Web:
    Type: AWS::AutoScaling::AutoScalingGroup{CONDITION}
    Properties:
      MinSize: {MIN}
      MaxSize: {MAX}
      VPCZoneIdentifier: {SUBNETS}
)",
                    {{"{AZ_A}", az_a},
                     {"{AZ_B}", az_b},
                     {"{CONDITION}", condition},
                     {"{MIN}", min},
                     {"{MAX}", max},
                     {"{SUBNETS}", subnets}});
}

struct Case {
  const char* name;
  std::string text;
  std::vector<Found> expected;
};

constexpr char kOne[] =
    "'Web' (AWS::AutoScaling::AutoScalingGroup) has MinSize 1: the group may run a single "
    "instance, which fails with its host or AZ; set MinSize to at least 2";
constexpr char kSelfHealing[] =
    "'Web' (AWS::AutoScaling::AutoScalingGroup) runs a single self-healing instance (MinSize = "
    "MaxSize = 1 over 2 AZs): the service is down while a replacement boots; set MinSize to at "
    "least 2 if that downtime matters";
constexpr char kSelfHealingUnknownAzs[] =
    "'Web' (AWS::AutoScaling::AutoScalingGroup) runs a single self-healing instance (MinSize = "
    "MaxSize = 1; its AZs are not known): the service is down while a replacement boots; set "
    "MinSize to at least 2 if that downtime matters";

TEST(Ha005AsgCapacity, Table) {
  const std::vector<Case> cases = {
      {"MinSize 1", Template("\"1\"", "\"4\""), {{20, Severity::kError, kOne}}},
      {"MinSize 0",
       Template("0", "4"),
       {{20, Severity::kError,
         "'Web' (AWS::AutoScaling::AutoScalingGroup) has MinSize 0: the group may run no "
         "instance, which fails with its host or AZ; set MinSize to at least 2"}}},
      {"MinSize 2", Template("2", "4"), {}},
      {"MinSize from a parameter without default: unresolved", Template("!Ref Size", "4"), {}},
      {"MinSize imported: unresolved", Template("!ImportValue web-min", "4"), {}},
      {"MinSize = MaxSize = 1 over two AZs: a note",
       Template("1", "1"),
       {{20, Severity::kNote, kSelfHealing}}},
      {"MinSize = MaxSize = 1 in one AZ: an error",
       Template("1", "1", "us-east-1a", "us-east-1a"),
       {{20, Severity::kError, kOne}}},
      {"MinSize = MaxSize = 1 in one subnet: an error",
       Template("1", "1", "us-east-1a", "us-east-1b", "[!Ref A]"),
       {{20, Severity::kError, kOne}}},
      {"MinSize = MaxSize = 1, subnet AZs unknown: given the benefit of the doubt",
       Template("1", "1", "!Ref Size", "!Ref Size"),
       {{20, Severity::kNote, kSelfHealingUnknownAzs}}},
      {"long form",
       Template("{\"Fn::Select\": [0, [\"1\", \"2\"]]}", "4"),
       {{20, Severity::kError, kOne}}},
      {"condition unknown: judged as created",
       Template("1", "4", "!Select [0, !GetAZs '']", "!Select [1, !GetAZs '']", "[!Ref A, !Ref B]",
                "\n    Condition: Maybe") +
           "Conditions:\n  Maybe: !Equals [!Ref Size, 3]\n",
       {{21, Severity::kError, kOne}}},
      {"condition false: not created",
       Template("1", "4", "!Select [0, !GetAZs '']", "!Select [1, !GetAZs '']", "[!Ref A, !Ref B]",
                "\n    Condition: Never") +
           "Conditions:\n  Never: !Equals [a, b]\n",
       {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Of(c.text), c.expected);
  }
}

TEST(Ha005AsgCapacity, Json) {
  constexpr char kJson[] = R"({
  "Resources": {
    "Web": {
      "Type": "AWS::AutoScaling::AutoScalingGroup",
      "Properties": {
        "MinSize": "1",
        "MaxSize": "1",
        "AvailabilityZones": ["us-east-1a", "us-east-1b"]
      }
    }
  }
})";
  EXPECT_EQ(Of(kJson), (std::vector<Found>{{6, Severity::kNote, kSelfHealing}}));
}

TEST(Ha005AsgCapacity, TerraformConfiguration) {
  constexpr char kTf[] = R"({
  "variable": {"min": {"type": "number"}},
  "resource": {
    "aws_autoscaling_group": {
      "web": {"min_size": 1, "max_size": 4, "vpc_zone_identifier": ["subnet-1", "subnet-2"]},
      "workers": {"min_size": "${var.min}", "max_size": 4, "vpc_zone_identifier": ["subnet-1"]}
    }
  }
})";
  EXPECT_EQ(Of(kTf, "main.tf.json"),
            (std::vector<Found>{{5, Severity::kError,
                                 "'aws_autoscaling_group.web' (aws_autoscaling_group) has "
                                 "min_size 1: the group may run a single instance, which fails "
                                 "with its host or AZ; set min_size to at least 2"}}));
}
}  // namespace
}  // namespace halint
