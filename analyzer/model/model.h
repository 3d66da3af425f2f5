// The typed, dialect-neutral model of one template, and the topology derived from it.
//
// Front ends produce a ResourceGraph; an adapter per dialect (adapt_*.cc) turns it into
// these views, then DeriveTopology() computes subnet AZs and roles, route targets and
// tiers once. Rules read only this: they never look at raw properties or dialects.
//
// References between resources are resource IDs (logical IDs or Terraform addresses) of
// resources in the same graph; "" means "not a resource of this template" (a literal ID,
// an imported value, an unresolved expression) and is never assumed to be anything.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/graph.h"
#include "analyzer/value.h"

namespace halint {

// An Availability Zone as far as the template pins it.
struct AzKey {
  enum class Kind : uint8_t { kUnknown, kName, kIndex, kZoneId };
  Kind kind = Kind::kUnknown;
  std::string text;   // name ("us-east-1a") or zone ID ("use1-az1")
  int64_t index = 0;  // kIndex: position in the region's AZ list
  std::string region;

  bool known() const { return kind != Kind::kUnknown; }
  // True only when both are known and provably the same / provably different zones.
  bool SameAs(const AzKey& other) const;
  bool DifferentFrom(const AzKey& other) const;
  // "us-east-1a", "use1-az1", "AZ 0"; "unknown AZ".
  std::string Label() const;
  friend bool operator<(const AzKey& a, const AzKey& b);
};

// The AZ a value denotes: an AZ name or zone ID string, a symbolic index, else unknown.
AzKey AzFromValue(const Value& v);

enum class SubnetRole : uint8_t { kUnknown, kPublic, kPrivate, kIsolated };
std::string_view SubnetRoleName(SubnetRole r);  // "public", "private", "isolated", "unknown"

enum class RouteTarget : uint8_t {
  kUnknown,
  kInternetGateway,
  kNatGateway,
  kNatInstance,  // an EC2 instance or its network interface
  kTransitGateway,
  kEgressOnlyGateway,
  kVpnGateway,
  kPeering,
  kEndpoint,
  kOther,
};

struct Route {
  const Resource* declared_by = nullptr;  // standalone route, or the table for inline routes
  SourcePos pos;
  Value destination_ipv4;
  Value destination_ipv6;
  RouteTarget target = RouteTarget::kUnknown;
  std::string target_id;  // the target resource, "" when not in the template
  // True when the route provably exists (not behind an unknown condition).
  bool certain = true;

  bool IsDefaultIpv4() const;
  bool IsDefaultIpv6() const;
  // Destination unresolved: it may or may not be a default route.
  bool DestinationUnknown() const;
};

struct RouteTable {
  const Resource* res = nullptr;
  std::string vpc;
  std::vector<Route> routes;
  // Derived: public / private / isolated / unknown, and the default route that decides it.
  SubnetRole role = SubnetRole::kUnknown;
  const Route* default_route = nullptr;
};

struct Vpc {
  const Resource* res = nullptr;
  Value cidr;
  std::vector<Value>
      secondary_cidrs;  // AWS::EC2::VPCCidrBlock, aws_vpc_ipv4_cidr_block_association
  // IPv6 blocks (AWS::EC2::VPCCidrBlock, aws_vpc.ipv6_cidr_block, associations); an
  // Amazon-provided or pool-allocated block is unresolved.
  std::vector<Value> ipv6_cidrs;
  // Some block (in either list) is attached by a resource behind a condition that cannot
  // be evaluated: it may not exist.
  bool conditional_cidrs = false;
};

struct Subnet {
  const Resource* res = nullptr;
  std::string vpc;
  Value cidr;
  Value ipv6_cidr;
  Value az_value;
  Value map_public_ip;
  // Derived.
  AzKey az;
  std::string route_table;  // the explicitly associated table; "" if none or unknown
  SubnetRole role = SubnetRole::kUnknown;
};

struct NatGateway {
  const Resource* res = nullptr;
  std::string subnet;
  bool private_connectivity = false;  // ConnectivityType private: needs no public subnet
};

struct IngressRule {
  const Resource* declared_by = nullptr;  // the SG (inline) or the standalone rule resource
  std::string group;                      // the SG the rule belongs to
  SourcePos pos;
  std::string property_path;
  Value protocol;
  Value from_port;
  Value to_port;
  Value cidr_ipv4;
  Value cidr_ipv6;
  Value source_group_value;  // as written (for "unresolved" checks)
  std::string source_group;  // resolved SG resource ID, "" when not in the template
  Value prefix_list;

  // True when the rule admits TCP port `port` (port range covers it, or protocol all).
  // Unknown protocol or ports answer nullopt.
  std::optional<bool> CoversPort(int64_t port) const;
  // The source is unknown: a written source whose value is unresolved.
  bool SourceUnknown() const;
};

struct SecurityGroup {
  const Resource* res = nullptr;
  std::string vpc;
  std::vector<const IngressRule*> ingress;  // points into Model::ingress_rules
};

enum class LbKind : uint8_t { kApplication, kNetwork, kGateway, kClassic, kUnknown };

struct LoadBalancer {
  const Resource* res = nullptr;
  LbKind kind = LbKind::kUnknown;
  // Scheme: internet-facing (the default when absent), internal, or unknown.
  std::optional<bool> internet_facing;
  Value subnets_value;              // the list as written, for locations
  std::vector<Value> subnet_items;  // one per subnet (Subnets or SubnetMappings[].SubnetId)
  bool subnets_known = false;       // every item is known
  Value azs_value;                  // classic LBs: AvailabilityZones as written
  std::vector<Value> az_items;
  bool azs_known = false;
  std::vector<std::string> security_groups;
  bool has_security_groups_property = false;
};

struct TargetGroup {
  const Resource* res = nullptr;
  std::vector<std::string> target_instances;  // instance IDs in this template
  // Targets that are not instances of this template (IP addresses, Lambda functions,
  // literal instance IDs) or may not be (unresolved items).
  bool other_targets = false;
  std::vector<std::string> load_balancers;  // LBs whose listeners / rules forward here
};

struct LaunchSpec {  // launch template or launch configuration
  const Resource* res = nullptr;
  std::vector<std::string> security_groups;
  Value associate_public_ip;  // absent: the subnet's MapPublicIpOnLaunch decides
  SourcePos associate_public_ip_pos;
  std::string associate_public_ip_path;
};

struct AutoScalingGroup {
  const Resource* res = nullptr;
  Value subnets_value;  // VPCZoneIdentifier as written
  std::vector<Value> subnet_items;
  bool subnets_known = false;
  Value azs_value;  // AvailabilityZones as written
  std::vector<Value> az_items;
  bool azs_known = false;
  std::vector<std::string> target_groups;
  std::vector<std::string> classic_lbs;
  bool attached_to_lb = false;  // has TargetGroupARNs / LoadBalancerNames / attachments
  std::string launch_spec;      // launch template or launch configuration ID
  Value min_size;
  Value max_size;
  Value health_check_type;
};

struct Instance {
  const Resource* res = nullptr;
  Value subnet_value;
  std::string subnet;
  std::vector<std::string> security_groups;
  Value associate_public_ip;
  SourcePos associate_public_ip_pos;
  std::string associate_public_ip_path;
};

struct EcsService {
  const Resource* res = nullptr;
  std::vector<std::string> target_groups;
  std::vector<Value> subnet_items;
  std::vector<std::string> security_groups;
  Value assign_public_ip;  // "ENABLED" / "DISABLED"
};

struct DbInstance {
  const Resource* res = nullptr;
  Value engine;
  Value multi_az;
  Value cluster_value;  // DBClusterIdentifier as written
  std::string cluster;  // the cluster resource, "" when absent or external
  Value source_db;      // read replica source
  Value az;
  Value publicly_accessible;
  std::string subnet_group;
  std::vector<std::string> security_groups;
};

struct DbCluster {
  const Resource* res = nullptr;
  Value engine;
  Value engine_mode;
  Value cluster_instance_class;  // set for Multi-AZ DB clusters (non-Aurora)
  std::string subnet_group;
  std::vector<std::string> security_groups;
  // Derived: member instances; `uncertain_instances` are behind unknown conditions or
  // counts.
  std::vector<std::string> instances;
  int uncertain_instances = 0;

  bool IsAurora() const;
};

struct SubnetGroup {  // RDS, ElastiCache, DocDB, Redshift subnet groups
  const Resource* res = nullptr;
  Value subnets_value;
  std::vector<Value> subnet_items;
  bool subnets_known = false;
};

// Other data stores whose security groups form the DB tier (caches, DocDB, Redshift).
struct DataStore {
  const Resource* res = nullptr;
  std::vector<std::string> security_groups;
};

// SEC004-SEC007 views.

// One entry of a listener's DefaultActions (TF default_action).
struct ListenerAction {
  Value type;               // "forward", "redirect", "fixed-response", "authenticate-oidc", ...
  Value redirect_protocol;  // RedirectConfig.Protocol: "HTTPS", "HTTP", "#{protocol}"
};

// An AWS::ElasticLoadBalancingV2::Listener / aws_lb_listener.
struct Listener {
  const Resource* res = nullptr;
  std::string load_balancer;  // the LB resource, "" when not in the template
  Value protocol;             // "HTTP", "HTTPS", "TCP", ...; absent when not written
  Value port;
  Value default_actions_value;  // as written, for locations
  std::vector<ListenerAction> default_actions;
  bool default_actions_known = false;  // the list and every entry are known
  Value certificates;                  // Certificates (TF certificate_arn) as written
  // AWS::ElasticLoadBalancingV2::ListenerCertificate / aws_lb_listener_certificate
  // resources that attach certificates to this listener.
  std::vector<std::string> listener_certificates;
};

// HA004-HA008 views: caches, MSK, and what binds an instance to an entry point.

// AWS::ElastiCache::ReplicationGroup / aws_elasticache_replication_group.
struct CacheReplicationGroup {
  const Resource* res = nullptr;
  Value automatic_failover;  // AutomaticFailoverEnabled; absent: false
  Value multi_az;            // MultiAZEnabled; absent: false
  Value num_cache_clusters;  // nodes of a cluster-mode-disabled group; absent: 1
  Value replicas_per_node_group;
  // NodeGroupConfiguration[].ReplicaCount, one per node group as written.
  std::vector<Value> node_group_replicas;
  // PrimaryClusterId: the group is built around existing cache clusters, so its size is
  // not written here.
  Value primary_cluster;
};

// AWS::ElastiCache::CacheCluster / aws_elasticache_cluster.
struct CacheCluster {
  const Resource* res = nullptr;
  Value engine;     // "redis", "valkey", "memcached"
  Value num_nodes;  // NumCacheNodes
  Value az_mode;    // AZMode: "single-az" (default) or "cross-az"
  Value preferred_azs_value;
  std::vector<Value> preferred_azs;  // PreferredAvailabilityZones
  // A member of a replication group (its PrimaryClusterId, TF replication_group_id set):
  // judged with the group.
  bool in_replication_group = false;
};

// AWS::MSK::Configuration / aws_msk_configuration.
struct MskConfiguration {
  const Resource* res = nullptr;
  Value server_properties;  // as written
  // The parsed server.properties, when the text is known and readable.
  std::optional<std::map<std::string, std::string>> properties;
};

// AWS::MSK::Cluster / aws_msk_cluster.
struct MskCluster {
  const Resource* res = nullptr;
  Value client_subnets_value;  // BrokerNodeGroupInfo.ClientSubnets as written
  std::vector<Value> client_subnet_items;
  bool client_subnets_known = false;  // the list and every item are known
  Value broker_count;                 // NumberOfBrokerNodes
  Value configuration_value;          // ConfigurationInfo.Arn as written; absent: defaults
  std::string configuration;          // the MskConfiguration resource, "" when not here
};

// An Elastic IP bound to an instance: AWS::EC2::EIP InstanceId, AWS::EC2::EIPAssociation
// (InstanceId, or NetworkInterfaceId of a NIC attached to the instance), aws_eip,
// aws_eip_association.
struct EipBinding {
  const Resource* declared_by = nullptr;  // the EIP or the association
  std::string instance;
  // The security groups of the bound network interface, when bound through one.
  std::vector<std::string> nic_security_groups;
};

// NET001-NET004 views.

// One rule of a network ACL (AWS::EC2::NetworkAclEntry, aws_network_acl_rule, or an
// ingress / egress block of aws_network_acl), as written.
struct NaclEntry {
  const Resource* declared_by = nullptr;  // the standalone entry, or the ACL for inline rules
  SourcePos pos;
  Value rule_number;
  Value protocol;  // -1 / "-1" / "all", 6 / "tcp", 17 / "udp", other numbers and names
  Value action;    // "allow" / "deny"
  Value egress;    // absent: false (an inbound rule)
  Value cidr_ipv4;
  Value cidr_ipv6;
  Value from_port;  // PortRange.From / from_port
  Value to_port;
  // True when the entry provably exists (not behind an unknown condition).
  bool certain = true;
};

struct NetworkAcl {
  const Resource* res = nullptr;
  std::string vpc;
  std::vector<NaclEntry> entries;  // in declaration order
};

struct PeeringConnection {
  const Resource* res = nullptr;
  Value vpc_value;  // VpcId as written
  std::string vpc;  // the VPC resource, "" when not in the template
  Value peer_vpc_value;
  std::string peer_vpc;
};

// Views point into each other and into the graph, so a model is moved, never copied.
struct Model {
  Model() = default;
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;
  Model(Model&&) = default;
  Model& operator=(Model&&) = default;

  const ResourceGraph* graph = nullptr;

  std::map<std::string, Vpc, std::less<>> vpcs;
  std::map<std::string, Subnet, std::less<>> subnets;
  std::map<std::string, RouteTable, std::less<>> route_tables;
  std::map<std::string, NatGateway, std::less<>> nat_gateways;
  std::map<std::string, std::string, std::less<>> internet_gateways;  // IGW -> VPC ("" unknown)
  std::map<std::string, SecurityGroup, std::less<>> security_groups;
  std::vector<IngressRule> ingress_rules;  // stable: reserved before SGs point into it
  std::map<std::string, LoadBalancer, std::less<>> load_balancers;
  std::map<std::string, TargetGroup, std::less<>> target_groups;
  std::map<std::string, LaunchSpec, std::less<>> launch_specs;
  std::map<std::string, AutoScalingGroup, std::less<>> auto_scaling_groups;
  std::map<std::string, Instance, std::less<>> instances;
  std::map<std::string, EcsService, std::less<>> ecs_services;
  std::map<std::string, DbInstance, std::less<>> db_instances;
  std::map<std::string, DbCluster, std::less<>> db_clusters;
  std::map<std::string, SubnetGroup, std::less<>> subnet_groups;
  std::map<std::string, DataStore, std::less<>> data_stores;
  std::map<std::string, NetworkAcl, std::less<>> network_acls;
  std::map<std::string, PeeringConnection, std::less<>> peering_connections;
  std::map<std::string, CacheReplicationGroup, std::less<>> cache_replication_groups;
  std::map<std::string, CacheCluster, std::less<>> cache_clusters;
  std::map<std::string, MskConfiguration, std::less<>> msk_configurations;
  std::map<std::string, MskCluster, std::less<>> msk_clusters;
  std::vector<EipBinding> eip_bindings;
  std::map<std::string, Listener, std::less<>> listeners;
  // True when some listener certificate names a listener that is unknown: any HTTPS
  // listener may then have a certificate.
  bool unresolved_listener_certificates = false;
  // Route table associations as written: subnet -> table. `unresolved_associations` is
  // true when some association's subnet or table is unknown, so a subnet without a known
  // association may still have one.
  std::map<std::string, std::string, std::less<>> subnet_route_table;
  bool unresolved_associations = false;
  // VPC -> the table made its main route table (Terraform aws_main_route_table_association,
  // aws_default_route_table): its subnets without an explicit association use it.
  std::map<std::string, std::string, std::less<>> main_route_tables;

  // Derived tiers (DeriveTopology).
  std::set<std::string, std::less<>> lb_sgs;
  std::set<std::string, std::less<>> app_sgs;
  std::set<std::string, std::less<>> db_sgs;
  std::set<std::string, std::less<>> bastion_sgs;
  std::set<std::string, std::less<>> app_asgs;
  std::set<std::string, std::less<>> app_instances;
  std::set<std::string, std::less<>> app_launch_specs;
  std::set<std::string, std::less<>> app_ecs_services;
  std::set<std::string, std::less<>> bastions;

  const Resource* Find(std::string_view id) const { return graph->Find(id); }
  template <typename M>
  static const typename M::mapped_type* Get(const M& m, std::string_view id) {
    auto it = m.find(id);
    return it == m.end() ? nullptr : &it->second;
  }
  const Subnet* subnet(std::string_view id) const { return Get(subnets, id); }
  const SecurityGroup* security_group(std::string_view id) const {
    return Get(security_groups, id);
  }
  const Vpc* vpc(std::string_view id) const { return Get(vpcs, id); }

  // The subnet a list item denotes, or nullptr when it is not a subnet of this template.
  const Subnet* SubnetOf(const Value& item) const;
  // The subnets of the VPC, in resource-ID order.
  std::vector<const Subnet*> SubnetsOfVpc(std::string_view vpc) const;
};

// The ID of the resource a value refers to (Ref, GetAtt X.Id, ${aws_x.y.id}), or "" when
// it is not a reference to a resource of this graph.
std::string RefTarget(const Model& model, const Value& v);

// Builds the model of a graph (any dialect) and derives its topology. `graph` must outlive
// the model.
Model BuildModel(const ResourceGraph& graph);

// Dialect adapters, called by BuildModel. Each fills the raw views from its resources.
void AdaptCloudFormation(const ResourceGraph& graph, Model& model);
// Terraform configuration and plans share one adapter: both graphs use Terraform's
// resource types and attribute names (parsers/terraform/tf_frontend.h).
void AdaptTerraform(const ResourceGraph& graph, Model& model);

// Computes subnet AZs and roles, route-table roles, DB cluster members and tiers.
void DeriveTopology(Model& model);

}  // namespace halint
