// SEC005 db-publicly-accessible: unit table over small templates.
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
  for (const Finding& f : FindingsOf("SEC005", text)) out.emplace_back(f.pos.line, f.message);
  return out;
}

struct Case {
  const char* name;
  const char* text;
  Lines expected;
};

constexpr char kMessage[] =
    "'Db' (AWS::RDS::DBInstance) has PubliclyAccessible true: the database gets a public "
    "address reachable from the internet; expected false";

TEST(Sec005DbPubliclyAccessible, Table) {
  const std::vector<Case> cases = {
      {"bad literal true",
       R"(Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      PubliclyAccessible: true
)",
       {{6, kMessage}}},
      {"bad string 'true'",
       R"(Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      PubliclyAccessible: "true"
)",
       {{6, kMessage}}},
      {"good literal false",
       R"(Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      PubliclyAccessible: false
)",
       {}},
      {"absent: not reported (the AWS default depends on the VPC, see the docs page)",
       R"(Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
)",
       {}},
      {"wrong type: not a boolean",
       R"(Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      PubliclyAccessible: [true]
)",
       {}},
      {"unresolved parameter without default",
       R"(Parameters:
  Public:
    Type: String
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      PubliclyAccessible: !Ref Public
)",
       {}},
      {"imported value",
       R"(Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      PubliclyAccessible: !ImportValue db-public
)",
       {}},
      {"parameter default short form",
       R"(Parameters:
  Public:
    Type: String
    Default: "true"
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      PubliclyAccessible: !Ref Public
)",
       {{10, kMessage}}},
      {"parameter default long form",
       R"({
  "Parameters": {"Public": {"Type": "String", "Default": "true"}},
  "Resources": {
    "Db": {
      "Type": "AWS::RDS::DBInstance",
      "Properties": {
        "Engine": "mysql",
        "PubliclyAccessible": {"Ref": "Public"}
      }
    }
  }
})",
       {{8, kMessage}}},
      {"Aurora cluster member",
       R"(Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: aurora-postgresql
      DBClusterIdentifier: !Ref Cluster
      PubliclyAccessible: true
)",
       {{11, kMessage}}},
      {"condition unknown: the resource may exist, and then it is public",
       R"(Parameters:
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Condition: IsProd
    Properties:
      Engine: mysql
      PubliclyAccessible: true
)",
       {{12, kMessage}}},
      {"condition false: the resource does not exist",
       R"(Conditions:
  Never: !Equals [a, b]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Condition: Never
    Properties:
      Engine: mysql
      PubliclyAccessible: true
)",
       {}},
      {"Fn::If with an unknown condition",
       R"(Parameters:
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      PubliclyAccessible: !If [IsProd, false, true]
)",
       {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(LinesOf(c.text), c.expected);
  }
}

// Terraform: aws_db_instance and aws_rds_cluster_instance; absent is the provider's false,
// an unresolved variable is unknown.
TEST(Sec005DbPubliclyAccessible, Terraform) {
  constexpr std::string_view kTf = R"({
  "variable": {"public": {"type": "bool"}},
  "resource": {
    "aws_db_instance": {
      "open": {"engine": "mysql", "publicly_accessible": true},
      "closed": {"engine": "mysql", "publicly_accessible": false},
      "absent": {"engine": "mysql"},
      "unknown": {"engine": "mysql", "publicly_accessible": "${var.public}"}
    },
    "aws_rds_cluster": {"c": {"engine": "aurora-mysql"}},
    "aws_rds_cluster_instance": {
      "member": {"cluster_identifier": "${aws_rds_cluster.c.id}", "instance_class": "db.r6g.large",
                 "engine": "aurora-mysql", "publicly_accessible": true}
    }
  }
})";
  Lines got;
  for (const Finding& f : FindingsOf("SEC005", kTf, "main.tf.json")) {
    got.emplace_back(f.pos.line, f.message);
  }
  EXPECT_EQ(got,
            (Lines{{5,
                    "'aws_db_instance.open' (aws_db_instance) has publicly_accessible true: the "
                    "database gets a public address reachable from the internet; expected false"},
                   {13,
                    "'aws_rds_cluster_instance.member' (aws_rds_cluster_instance) has "
                    "publicly_accessible true: the database gets a public address reachable "
                    "from the internet; expected false"}}));
}

}  // namespace
}  // namespace halint
