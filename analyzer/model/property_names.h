// One rule, two dialects: the name a property has on a given resource.
//
// Rules speak CloudFormation ("MultiAZ"); a Terraform resource spells the same property
// as an attribute ("multi_az"). Messages, property paths (baselines, SARIF fingerprints)
// and positions go through these so that a rule is written once.
#pragma once

#include <string>
#include <string_view>

#include "analyzer/graph.h"

namespace halint {

// True for Terraform resources (aws_subnet), false for CloudFormation (AWS::EC2::Subnet).
bool IsTerraformResource(const Resource& r);

// The name of the property CloudFormation calls `cfn` on resource `r`: `cfn` itself on a
// CloudFormation resource; on a Terraform resource the attribute of the resource type's
// schema ("MultiAZ" -> "multi_az", "LoadBalancerNames" on aws_autoscaling_group ->
// "load_balancers"). A dotted path is translated step by step.
std::string PropName(const Resource& r, std::string_view cfn);

// The property path of `cfn` on `r` for findings: "Properties.MultiAZ" / "multi_az".
std::string PropPath(const Resource& r, std::string_view cfn);

// CloudFormation's PascalCase to Terraform's snake_case, acronyms kept whole:
// "VPCZoneIdentifier" -> "vpc_zone_identifier", "MultiAZEnabled" -> "multi_az_enabled".
std::string SnakeCase(std::string_view pascal);

}  // namespace halint
