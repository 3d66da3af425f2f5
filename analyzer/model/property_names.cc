#include "analyzer/model/property_names.h"

#include <cctype>

namespace halint {
namespace {

// Where the Terraform attribute is not the snake_case of the CloudFormation property.
// Type "" applies to every resource type.
struct Rename {
  std::string_view tf_type;
  std::string_view cfn;
  std::string_view tf;
};
constexpr Rename kRenames[] = {
    {"", "TargetGroupARNs", "target_group_arns"},
    {"", "VPCSecurityGroups", "vpc_security_group_ids"},
    {"", "SecurityGroupIds", "vpc_security_group_ids"},
    {"", "Tags", "tags"},
    {"aws_autoscaling_group", "LoadBalancerNames", "load_balancers"},
    {"aws_autoscaling_group", "LaunchConfigurationName", "launch_configuration"},
    {"aws_db_instance", "DBClusterIdentifier", "cluster_identifier"},
    {"aws_rds_cluster_instance", "DBClusterIdentifier", "cluster_identifier"},
    {"aws_db_instance", "DBInstanceClass", "instance_class"},
    {"aws_db_instance", "SourceDBInstanceIdentifier", "replicate_source_db"},
    {"aws_lb", "Scheme", "internal"},
    {"aws_alb", "Scheme", "internal"},
    {"aws_elb", "Scheme", "internal"},
    {"aws_lb", "SubnetMappings", "subnet_mapping"},
    {"aws_alb", "SubnetMappings", "subnet_mapping"},
    {"aws_elb", "Instances", "instances"},
    {"aws_lb_listener", "DefaultActions", "default_action"},
    {"aws_alb_listener", "DefaultActions", "default_action"},
    {"aws_lb_listener", "Certificates", "certificate_arn"},
    {"aws_alb_listener", "Certificates", "certificate_arn"},
    {"aws_lb_listener", "LoadBalancerArn", "load_balancer_arn"},
    {"aws_security_group", "SecurityGroupIngress", "ingress"},
    {"aws_security_group", "SecurityGroupEgress", "egress"},
    {"aws_security_group_rule", "CidrIp", "cidr_blocks"},
    {"aws_security_group_rule", "CidrIpv6", "ipv6_cidr_blocks"},
    {"aws_security_group_rule", "IpProtocol", "protocol"},
    {"aws_security_group_rule", "SourceSecurityGroupId", "source_security_group_id"},
    {"aws_vpc_security_group_ingress_rule", "CidrIp", "cidr_ipv4"},
    {"aws_vpc_security_group_ingress_rule", "CidrIpv6", "cidr_ipv6"},
    {"aws_vpc_security_group_ingress_rule", "SourceSecurityGroupId",
     "referenced_security_group_id"},
    {"aws_elasticache_replication_group", "NumCacheClusters", "num_cache_clusters"},
    {"aws_elasticache_replication_group", "ReplicasPerNodeGroup", "replicas_per_node_group"},
    {"aws_elasticache_replication_group", "NumNodeGroups", "num_node_groups"},
    {"aws_msk_cluster", "NumberOfBrokerNodes", "number_of_broker_nodes"},
    {"aws_msk_cluster", "BrokerNodeGroupInfo", "broker_node_group_info"},
    {"aws_instance", "SubnetId", "subnet_id"},
    {"aws_instance", "NetworkInterfaces", "network_interface"},
    {"aws_launch_template", "LaunchTemplateData", ""},
    {"aws_launch_template", "NetworkInterfaces", "network_interfaces"},
    {"aws_subnet", "AvailabilityZoneId", "availability_zone_id"},
    {"aws_ecs_service", "AwsvpcConfiguration", ""},
    {"aws_ecs_service", "LoadBalancers", "load_balancer"},
};

std::string TerraformName(std::string_view type, std::string_view cfn) {
  for (const Rename& r : kRenames) {
    if (r.cfn == cfn && (r.tf_type.empty() || r.tf_type == type)) return std::string(r.tf);
  }
  return SnakeCase(cfn);
}

}  // namespace

bool IsTerraformResource(const Resource& r) { return !r.type.starts_with("AWS::"); }

std::string SnakeCase(std::string_view s) {
  std::string out;
  auto upper = [&](size_t i) {
    return i < s.size() && std::isupper(static_cast<unsigned char>(s[i]));
  };
  auto lower = [&](size_t i) {
    return i < s.size() && std::islower(static_cast<unsigned char>(s[i]));
  };
  for (size_t i = 0; i < s.size(); ++i) {
    // A word starts at an upper-case letter after a lower-case letter or digit, or at the
    // last capital of an acronym that a lower-case word follows ("VPCZone": "VPC", "Zone");
    // a plural "s" after an acronym stays with it ("ARNs").
    bool after_lower = i > 0 && !upper(i - 1) && s[i - 1] != '_';
    bool acronym_end = i > 0 && upper(i - 1) && lower(i + 1) &&
                       !(s[i + 1] == 's' && (i + 2 == s.size() || upper(i + 2)));
    if (upper(i) && i > 0 && (after_lower || acronym_end)) out += '_';
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
  }
  return out;
}

std::string PropName(const Resource& r, std::string_view cfn) {
  if (!IsTerraformResource(r)) return std::string(cfn);
  std::string out;
  while (!cfn.empty()) {
    size_t dot = cfn.find('.');
    std::string step = TerraformName(r.type, cfn.substr(0, dot));
    if (!step.empty()) {
      if (!out.empty()) out += '.';
      out += step;
    }
    cfn = dot == std::string_view::npos ? std::string_view() : cfn.substr(dot + 1);
  }
  return out;
}

std::string PropPath(const Resource& r, std::string_view cfn) {
  return IsTerraformResource(r) ? PropName(r, cfn) : "Properties." + std::string(cfn);
}

}  // namespace halint
