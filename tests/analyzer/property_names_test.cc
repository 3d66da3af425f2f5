// PropName / PropPath: one rule, the property's name in each dialect.
#include "analyzer/model/property_names.h"

#include <gtest/gtest.h>

namespace halint {
namespace {

TEST(SnakeCase, KeepsAcronymsWhole) {
  EXPECT_EQ(SnakeCase("MultiAZ"), "multi_az");
  EXPECT_EQ(SnakeCase("MultiAZEnabled"), "multi_az_enabled");
  EXPECT_EQ(SnakeCase("VPCZoneIdentifier"), "vpc_zone_identifier");
  EXPECT_EQ(SnakeCase("DBSubnetGroupName"), "db_subnet_group_name");
  EXPECT_EQ(SnakeCase("TargetGroupARNs"), "target_group_arns");
  EXPECT_EQ(SnakeCase("CidrIpv6"), "cidr_ipv6");
  EXPECT_EQ(SnakeCase("AZMode"), "az_mode");
  EXPECT_EQ(SnakeCase("MapPublicIpOnLaunch"), "map_public_ip_on_launch");
}

TEST(PropName, CloudFormationKeepsItsNames) {
  Resource r;
  r.id = "Db";
  r.type = "AWS::RDS::DBInstance";
  EXPECT_EQ(PropName(r, "MultiAZ"), "MultiAZ");
  EXPECT_EQ(PropPath(r, "MultiAZ"), "Properties.MultiAZ");
}

TEST(PropName, TerraformUsesTheProviderSchema) {
  Resource db;
  db.id = "aws_db_instance.main";
  db.type = "aws_db_instance";
  EXPECT_EQ(PropName(db, "MultiAZ"), "multi_az");
  EXPECT_EQ(PropPath(db, "MultiAZ"), "multi_az");
  EXPECT_EQ(PropName(db, "VPCSecurityGroups"), "vpc_security_group_ids");
  Resource asg;
  asg.id = "aws_autoscaling_group.app";
  asg.type = "aws_autoscaling_group";
  EXPECT_EQ(PropName(asg, "LoadBalancerNames"), "load_balancers");
  Resource lt;
  lt.id = "aws_launch_template.app";
  lt.type = "aws_launch_template";
  EXPECT_EQ(PropName(lt, "LaunchTemplateData.NetworkInterfaces"), "network_interfaces");
}

}  // namespace
}  // namespace halint
