// HA003 db-multi-az: unit table over small templates.
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
  for (const Finding& f : FindingsOf("HA003", text)) out.emplace_back(f.pos.line, f.message);
  return out;
}

struct Case {
  const char* name;
  const char* text;
  Lines expected;
};

constexpr char kAbsentMessage[] =
    "'Db' (AWS::RDS::DBInstance) does not set MultiAZ, which defaults to false: the database "
    "runs in one AZ with no standby; set MultiAZ to true";
constexpr char kFalseMessage[] =
    "'Db' (AWS::RDS::DBInstance) has MultiAZ false: the database runs in one AZ with no "
    "standby; set MultiAZ to true";
// A parameter default is judged like a literal (rules.md: parameters resolve to defaults).
constexpr const char* kDefaultedMessage = kFalseMessage;

TEST(Ha003DbMultiAz, Table) {
  const std::vector<Case> cases = {
      {"bad literal false",
       R"(Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      MultiAZ: false
)",
       {{6, kFalseMessage}}},
      {"bad string 'false'",
       R"(Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      MultiAZ: "false"
)",
       {{6, kFalseMessage}}},
      {"wrong type: not a boolean, CloudFormation rejects it",
       R"(Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      MultiAZ: "yes"
)",
       {}},
      {"good literal true",
       R"(Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      MultiAZ: true
)",
       {}},
      {"absent: AWS default false, reported on the resource",
       R"(Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
)",
       {{2, kAbsentMessage}}},
      {"parameter without default: unresolved",
       R"(Parameters:
  MultiAz:
    Type: String
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      MultiAZ: !Ref MultiAz
)",
       {}},
      {"imported value: unresolved",
       R"(Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      MultiAZ: !ImportValue shared-MultiAz
)",
       {}},
      {"parameter default false, short form",
       R"(Parameters:
  MultiAz:
    Type: String
    Default: "false"
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      MultiAZ: !Ref MultiAz
)",
       {{10, kDefaultedMessage}}},
      {"parameter default false, long form YAML",
       R"(Parameters:
  MultiAz:
    Type: String
    Default: "false"
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      MultiAZ: {Ref: MultiAz}
)",
       {{10, kDefaultedMessage}}},
      {"parameter default false, JSON",
       R"({
  "Parameters": {"MultiAz": {"Type": "String", "Default": "false"}},
  "Resources": {
    "Db": {
      "Type": "AWS::RDS::DBInstance",
      "Properties": {
        "Engine": "mysql",
        "MultiAZ": {"Ref": "MultiAz"}
      }
    }
  }
})",
       {{8, kDefaultedMessage}}},
      {"Fn::If short form picks false",
       R"(Conditions:
  IsProd: !Equals [!Ref "AWS::Region", eu-west-1]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      MultiAZ: !If [IsProd, true, false]
)",
       {{8, kFalseMessage}}},
      {"Fn::If long form picks false",
       R"(Conditions:
  IsProd: {"Fn::Equals": [{Ref: "AWS::Region"}, eu-west-1]}
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      MultiAZ: {"Fn::If": [IsProd, true, false]}
)",
       {{8, kFalseMessage}}},
      {"condition unknown: the resource may exist, and then it is single-AZ",
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
      MultiAZ: false
)",
       {{12, kFalseMessage}}},
      {"condition false: the resource does not exist",
       R"(Parameters:
  Env:
    Type: String
    Default: dev
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Condition: IsProd
    Properties:
      Engine: mysql
      MultiAZ: false
)",
       {}},
      {"read replica follows its source",
       R"(Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      MultiAZ: true
  Replica:
    Type: AWS::RDS::DBInstance
    Properties:
      SourceDBInstanceIdentifier: !Ref Db
)",
       {}},
      {"instance of an external cluster is judged with its cluster",
       R"(Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: aurora-mysql
      DBClusterIdentifier: shared-cluster
)",
       {}},
      {"Aurora with one instance",
       R"(Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
  Writer:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: aurora-postgresql
      DBClusterIdentifier: !Ref Cluster
)",
       {{2,
         "Aurora cluster 'Cluster' has one DB instance, 'Writer', and no replica to fail over "
         "to: a writer failure means downtime until a new instance is up"}}},
      {"Aurora with two instances pinned to one AZ",
       R"(Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
  A:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: aurora-mysql
      DBClusterIdentifier: !Ref Cluster
      AvailabilityZone: us-east-1a
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: aurora-mysql
      DBClusterIdentifier: !Ref Cluster
      AvailabilityZone: us-east-1a
)",
       {{2,
         "all 2 instances of Aurora cluster 'Cluster' are pinned to us-east-1a; a failover "
         "target in another AZ is needed to survive an AZ outage"}}},
      {"Aurora with two instances in two AZs",
       R"(Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
  A:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: aurora-mysql
      DBClusterIdentifier: !Ref Cluster
      AvailabilityZone: !Select [0, !GetAZs ""]
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: aurora-mysql
      DBClusterIdentifier: !Ref Cluster
      AvailabilityZone: !Select [1, !GetAZs ""]
)",
       {}},
      {"Aurora with one certain and one conditional instance",
       R"(Parameters:
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
  A:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: aurora-mysql
      DBClusterIdentifier: !Ref Cluster
  B:
    Type: AWS::RDS::DBInstance
    Condition: IsProd
    Properties:
      Engine: aurora-mysql
      DBClusterIdentifier: !Ref Cluster
)",
       {}},
      {"Aurora cluster with no instance in the template",
       R"(Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
)",
       {}},
      {"Aurora Serverless v1 fails over by itself",
       R"(Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      EngineMode: serverless
)",
       {}},
      {"Multi-AZ DB cluster passes",
       R"(Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: postgres
      DBClusterInstanceClass: db.m6gd.large
)",
       {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(LinesOf(c.text), c.expected);
  }
}

TEST(Ha003DbMultiAz, FindingCarriesPropertyPathAndResource) {
  std::vector<Finding> found = FindingsOf("HA003", R"(Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      MultiAZ: false
)");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].resource, "Db");
  EXPECT_EQ(found[0].property_path, "Properties.MultiAZ");
  EXPECT_EQ(found[0].pos.column, 7u);
  EXPECT_EQ(found[0].severity, Severity::kError);
}

TEST(Ha003DbMultiAz, AuroraFindingRelatesTheInstances) {
  std::vector<Finding> found = FindingsOf("HA003", R"(Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
  Writer:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: aurora-postgresql
      DBClusterIdentifier: !GetAtt Cluster.DBClusterArn
)");
  ASSERT_EQ(found.size(), 1u) << "GetAtt of the cluster also names it";
  ASSERT_EQ(found[0].related.size(), 1u);
  EXPECT_EQ(found[0].related[0].pos.line, 6u);
  EXPECT_EQ(found[0].related[0].message, "the cluster's only instance");
}

// Terraform `.tf.json` twins of the table rows, read alone as a module of one file.
TEST(Ha003DbMultiAz, Terraform) {
  const std::vector<TfCase> cases = {
      {"multi_az absent",
       R"json({
 "resource": {
  "aws_db_instance": {
   "db": {
    "engine": "postgres",
    "instance_class": "db.t3.micro"
   }
  }
 }
})json",
       {"4:4 aws_db_instance.db: 'aws_db_instance.db' (aws_db_instance) does not set multi_az, "
        "which defaults to false: the database runs in one AZ with no standby; set multi_az to "
        "true"}},
      {"multi_az false",
       R"json({
 "resource": {
  "aws_db_instance": {
   "db": {
    "engine": "postgres",
    "instance_class": "db.t3.micro",
    "multi_az": false
   }
  }
 }
})json",
       {"7:5 aws_db_instance.db: 'aws_db_instance.db' (aws_db_instance) has multi_az false: the "
        "database runs in one AZ with no standby; set multi_az to true"}},
      {"multi_az true",
       R"json({
 "resource": {
  "aws_db_instance": {
   "db": {
    "engine": "postgres",
    "instance_class": "db.t3.micro",
    "multi_az": true
   }
  }
 }
})json",
       {}},
      {"multi_az from a variable without default: unknown",
       R"json({
 "variable": {
  "m": {
   "type": "bool"
  }
 },
 "resource": {
  "aws_db_instance": {
   "db": {
    "engine": "postgres",
    "instance_class": "db.t3.micro",
    "multi_az": "${var.m}"
   }
  }
 }
})json",
       {}},
      {"multi_az from a local",
       R"json({
 "locals": {
  "m": false
 },
 "resource": {
  "aws_db_instance": {
   "db": {
    "engine": "postgres",
    "instance_class": "db.t3.micro",
    "multi_az": "${local.m}"
   }
  }
 }
})json",
       {"10:5 aws_db_instance.db: 'aws_db_instance.db' (aws_db_instance) has multi_az false: the "
        "database runs in one AZ with no standby; set multi_az to true"}},
      {"count from an unknown variable: judged as if created",
       R"json({
 "variable": {
  "create": {
   "type": "bool"
  }
 },
 "resource": {
  "aws_db_instance": {
   "db": {
    "engine": "postgres",
    "instance_class": "db.t3.micro",
    "count": "${var.create ? 1 : 0}"
   }
  }
 }
})json",
       {"9:4 aws_db_instance.db: 'aws_db_instance.db' (aws_db_instance) does not set multi_az, "
        "which defaults to false: the database runs in one AZ with no standby; set multi_az to "
        "true"}},
      {"aurora with one instance (count 1)",
       R"json({
 "resource": {
  "aws_rds_cluster": {
   "c": {
    "engine": "aurora-mysql"
   }
  },
  "aws_rds_cluster_instance": {
   "i": {
    "count": 1,
    "cluster_identifier": "${aws_rds_cluster.c.id}",
    "instance_class": "db.r6g.large",
    "engine": "aurora-mysql"
   }
  }
 }
})json",
       {"4:4 aws_rds_cluster.c: Aurora cluster 'aws_rds_cluster.c' has one DB instance, "
        "'aws_rds_cluster_instance.i[0]', and no replica to fail over to: a writer failure means "
        "downtime until a new instance is up"}},
      {"aurora with two instances (count 2)",
       R"json({
 "resource": {
  "aws_rds_cluster": {
   "c": {
    "engine": "aurora-mysql"
   }
  },
  "aws_rds_cluster_instance": {
   "i": {
    "count": 2,
    "cluster_identifier": "${aws_rds_cluster.c.id}",
    "instance_class": "db.r6g.large",
    "engine": "aurora-mysql"
   }
  }
 }
})json",
       {}},
      {"aurora with instances from for_each",
       R"json({
 "resource": {
  "aws_rds_cluster": {
   "c": {
    "engine": "aurora-mysql"
   }
  },
  "aws_rds_cluster_instance": {
   "i": {
    "for_each": {
     "a": 1,
     "b": 2
    },
    "cluster_identifier": "${aws_rds_cluster.c.id}",
    "instance_class": "db.r6g.large"
   }
  }
 }
})json",
       {}},
  };
  ExpectTfCases("HA003", cases);
}

TEST(Ha003DbMultiAz, TerraformTwinHasTheSameFindings) {
  constexpr char kCfn[] = R"(Resources:
  Single:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
  Off:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      MultiAZ: false
  Multi:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      MultiAZ: true
  Aurora:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
  Writer:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: aurora-mysql
      DBInstanceClass: db.r6g.large
      DBClusterIdentifier: !Ref Aurora
)";
  constexpr char kTf[] = R"json({
 "resource": {
  "aws_db_instance": {
   "Single": {"engine": "postgres", "instance_class": "db.t3.micro"},
   "Off": {"engine": "postgres", "instance_class": "db.t3.micro", "multi_az": false},
   "Multi": {"engine": "postgres", "instance_class": "db.t3.micro", "multi_az": true}
  },
  "aws_rds_cluster": {"Aurora": {"engine": "aurora-mysql"}},
  "aws_rds_cluster_instance": {
   "Writer": {"engine": "aurora-mysql", "instance_class": "db.r6g.large",
              "cluster_identifier": "${aws_rds_cluster.Aurora.id}"}
  }
 }
})json";
  std::vector<std::string> cfn = RulesAndResources(FindingsOf("HA003", kCfn));
  EXPECT_EQ(cfn, (std::vector<std::string>{"HA003 Single", "HA003 Off", "HA003 Aurora"}));
  EXPECT_EQ(RulesAndResources(FindingsOf("HA003", kTf, "template.json")), cfn);
}

}  // namespace
}  // namespace halint
