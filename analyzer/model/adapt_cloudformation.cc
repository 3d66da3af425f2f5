// CloudFormation resources -> model views. Property names are AWS's; see
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-template-resource-type-ref.html
#include <map>
#include <string_view>

#include "analyzer/model/adapt_util.h"
#include "analyzer/model/model.h"

namespace halint {
namespace {

Route MakeRoute(const ResourceGraph& graph, const Resource& declared_by, const Value& props) {
  Route route;
  route.declared_by = &declared_by;
  route.pos = declared_by.pos;
  route.certain = !declared_by.condition_unknown;
  route.destination_ipv4 = props["DestinationCidrBlock"];
  route.destination_ipv6 = props["DestinationIpv6CidrBlock"];
  static constexpr RouteTargetProperty kTargets[] = {
      {"GatewayId", RouteTarget::kUnknown},
      {"NatGatewayId", RouteTarget::kNatGateway},
      {"InstanceId", RouteTarget::kNatInstance},
      {"NetworkInterfaceId", RouteTarget::kNatInstance},
      {"TransitGatewayId", RouteTarget::kTransitGateway},
      {"EgressOnlyInternetGatewayId", RouteTarget::kEgressOnlyGateway},
      {"VpcPeeringConnectionId", RouteTarget::kPeering},
      {"VpcEndpointId", RouteTarget::kEndpoint},
      {"CarrierGatewayId", RouteTarget::kOther},
      {"LocalGatewayId", RouteTarget::kOther},
      {"CoreNetworkArn", RouteTarget::kOther},
  };
  SetRouteTarget(
      graph, kTargets, [&](std::string_view name) -> const Value& { return props[name]; }, route);
  return route;
}

void AddIngressRule(const ResourceGraph& graph, Model& model, const Resource& declared_by,
                    std::string group, const Value& rule, SourcePos pos, std::string path) {
  IngressRule r;
  r.declared_by = &declared_by;
  r.group = std::move(group);
  r.pos = pos;
  r.property_path = std::move(path);
  r.protocol = rule["IpProtocol"];
  r.from_port = rule["FromPort"];
  r.to_port = rule["ToPort"];
  r.cidr_ipv4 = rule["CidrIp"];
  r.cidr_ipv6 = rule["CidrIpv6"];
  r.source_group_value = rule["SourceSecurityGroupId"];
  if (r.source_group_value.is_absent()) r.source_group_value = rule["SourceSecurityGroupName"];
  r.source_group = RefId(graph, r.source_group_value);
  r.prefix_list = rule["SourcePrefixListId"];
  model.ingress_rules.push_back(std::move(r));
}

void AdaptSecurityGroup(const ResourceGraph& graph, Model& model, const Resource& res) {
  const Value& p = res.properties;
  SecurityGroup& sg = model.security_groups[res.id];
  sg.res = &res;
  sg.vpc = RefId(graph, p["VpcId"]);
  const Value& ingress = p["SecurityGroupIngress"];
  for (size_t i = 0; i < ingress.items().size(); ++i) {
    const Value& rule = ingress.items()[i];
    if (!rule.is_map()) continue;
    AddIngressRule(graph, model, res, res.id, rule, rule.pos(),
                   "Properties.SecurityGroupIngress[" + std::to_string(i) + "]");
  }
}

void AdaptLoadBalancer(const ResourceGraph& graph, Model& model, const Resource& res,
                       bool classic) {
  const Value& p = res.properties;
  LoadBalancer& lb = model.load_balancers[res.id];
  lb.res = &res;
  if (classic) {
    lb.kind = LbKind::kClassic;
  } else {
    std::optional<std::string> type = p["Type"].AsString();
    if (p["Type"].is_absent() || type == "application") {
      lb.kind = LbKind::kApplication;
    } else if (type == "network") {
      lb.kind = LbKind::kNetwork;
    } else if (type == "gateway") {
      lb.kind = LbKind::kGateway;
    }
  }
  lb.internet_facing = SchemeIsInternetFacing(p["Scheme"], "internet-facing");
  if (!p["SubnetMappings"].is_absent()) {
    lb.subnets_value = p["SubnetMappings"];
    lb.subnets_known = lb.subnets_value.is_list();
    for (const Value& m : lb.subnets_value.items()) {
      const Value& id = m["SubnetId"];
      if (!id.is_known()) lb.subnets_known = false;
      lb.subnet_items.push_back(id);
    }
  } else {
    lb.subnets_value = p["Subnets"];
    lb.subnets_known = ListItems(lb.subnets_value, lb.subnet_items);
  }
  lb.has_security_groups_property = !p["SecurityGroups"].is_absent();
  RefIds(graph, p["SecurityGroups"], lb.security_groups);
  if (classic) {
    lb.azs_value = p["AvailabilityZones"];
    lb.azs_known = ListItems(lb.azs_value, lb.az_items);
    // Classic LBs list their instances directly: a target group in all but name.
    TargetGroup& tg = model.target_groups[res.id];
    tg.res = &res;
    const Value& instances = p["Instances"];
    tg.other_targets = !RefIds(graph, instances, tg.target_instances) ||
                       tg.target_instances.size() < instances.items().size();
    tg.load_balancers.push_back(res.id);
  }
}

void AdaptLaunchTemplate(const ResourceGraph& graph, Model& model, const Resource& res) {
  const Value& data = res.properties["LaunchTemplateData"];
  LaunchSpec& spec = model.launch_specs[res.id];
  spec.res = &res;
  RefIds(graph, data["SecurityGroupIds"], spec.security_groups);
  RefIds(graph, data["SecurityGroups"], spec.security_groups);
  const Value& nics = data["NetworkInterfaces"];
  for (size_t i = 0; i < nics.items().size(); ++i) {
    const Value& nic = nics.items()[i];
    RefIds(graph, nic["Groups"], spec.security_groups);
    if (const ValueEntry* e = nic.FindEntry("AssociatePublicIpAddress")) {
      spec.associate_public_ip = e->value;
      spec.associate_public_ip_pos = e->key_pos;
      spec.associate_public_ip_path = "Properties.LaunchTemplateData.NetworkInterfaces[" +
                                      std::to_string(i) + "].AssociatePublicIpAddress";
    }
  }
}

void AdaptLaunchConfiguration(const ResourceGraph& graph, Model& model, const Resource& res) {
  const Value& p = res.properties;
  LaunchSpec& spec = model.launch_specs[res.id];
  spec.res = &res;
  RefIds(graph, p["SecurityGroups"], spec.security_groups);
  if (const ValueEntry* e = p.FindEntry("AssociatePublicIpAddress")) {
    spec.associate_public_ip = e->value;
    spec.associate_public_ip_pos = e->key_pos;
    spec.associate_public_ip_path = "Properties.AssociatePublicIpAddress";
  }
}

void AdaptAutoScalingGroup(const ResourceGraph& graph, Model& model, const Resource& res) {
  const Value& p = res.properties;
  AutoScalingGroup& asg = model.auto_scaling_groups[res.id];
  asg.res = &res;
  asg.subnets_value = p["VPCZoneIdentifier"];
  asg.subnets_known = ListItems(asg.subnets_value, asg.subnet_items);
  asg.azs_value = p["AvailabilityZones"];
  asg.azs_known = ListItems(asg.azs_value, asg.az_items);
  RefIds(graph, p["TargetGroupARNs"], asg.target_groups);
  RefIds(graph, p["LoadBalancerNames"], asg.classic_lbs);
  auto lists_some = [](const Value& v) {
    return !v.is_absent() && !(v.is_list() && v.items().empty());
  };
  asg.attached_to_lb = lists_some(p["TargetGroupARNs"]) || lists_some(p["LoadBalancerNames"]);
  const Value& lt =
      p["LaunchTemplate"].is_absent()
          ? p.AtPath("MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification")
          : p["LaunchTemplate"];
  asg.launch_spec = RefId(graph, lt["LaunchTemplateId"]);
  if (asg.launch_spec.empty()) asg.launch_spec = RefId(graph, lt["LaunchTemplateName"]);
  if (asg.launch_spec.empty()) asg.launch_spec = RefId(graph, p["LaunchConfigurationName"]);
  asg.min_size = p["MinSize"];
  asg.max_size = p["MaxSize"];
  asg.health_check_type = p["HealthCheckType"];
}

void AdaptInstance(const ResourceGraph& graph, Model& model, const Resource& res) {
  const Value& p = res.properties;
  Instance& inst = model.instances[res.id];
  inst.res = &res;
  inst.subnet_value = p["SubnetId"];
  RefIds(graph, p["SecurityGroupIds"], inst.security_groups);
  RefIds(graph, p["SecurityGroups"], inst.security_groups);
  const Value& nics = p["NetworkInterfaces"];
  for (size_t i = 0; i < nics.items().size(); ++i) {
    const Value& nic = nics.items()[i];
    if (inst.subnet_value.is_absent()) inst.subnet_value = nic["SubnetId"];
    RefIds(graph, nic["GroupSet"], inst.security_groups);
    if (const ValueEntry* e = nic.FindEntry("AssociatePublicIpAddress")) {
      inst.associate_public_ip = e->value;
      inst.associate_public_ip_pos = e->key_pos;
      inst.associate_public_ip_path =
          "Properties.NetworkInterfaces[" + std::to_string(i) + "].AssociatePublicIpAddress";
    }
  }
  inst.subnet = RefId(graph, inst.subnet_value);
}

void AdaptEcsService(const ResourceGraph& graph, Model& model, const Resource& res) {
  const Value& p = res.properties;
  EcsService& svc = model.ecs_services[res.id];
  svc.res = &res;
  for (const Value& lb : p["LoadBalancers"].items()) {
    std::string tg = RefId(graph, lb["TargetGroupArn"]);
    if (tg.empty()) tg = RefId(graph, lb["LoadBalancerName"]);
    if (!tg.empty()) svc.target_groups.push_back(tg);
  }
  const Value& net = p.AtPath("NetworkConfiguration.AwsvpcConfiguration");
  ListItems(net["Subnets"], svc.subnet_items);
  RefIds(graph, net["SecurityGroups"], svc.security_groups);
  svc.assign_public_ip = net["AssignPublicIp"];
}

void AdaptDbInstance(const ResourceGraph& graph, Model& model, const Resource& res) {
  const Value& p = res.properties;
  DbInstance& db = model.db_instances[res.id];
  db.res = &res;
  db.engine = p["Engine"];
  db.multi_az = p["MultiAZ"];
  db.cluster_value = p["DBClusterIdentifier"];
  db.cluster = RefId(graph, db.cluster_value);
  db.source_db = p["SourceDBInstanceIdentifier"];
  if (db.source_db.is_absent()) db.source_db = p["SourceDBClusterIdentifier"];
  db.az = p["AvailabilityZone"];
  db.publicly_accessible = p["PubliclyAccessible"];
  db.subnet_group = RefId(graph, p["DBSubnetGroupName"]);
  RefIds(graph, p["VPCSecurityGroups"], db.security_groups);
}

void AdaptDbCluster(const ResourceGraph& graph, Model& model, const Resource& res) {
  const Value& p = res.properties;
  DbCluster& c = model.db_clusters[res.id];
  c.res = &res;
  c.engine = p["Engine"];
  c.engine_mode = p["EngineMode"];
  c.cluster_instance_class = p["DBClusterInstanceClass"];
  c.subnet_group = RefId(graph, p["DBSubnetGroupName"]);
  RefIds(graph, p["VpcSecurityGroupIds"], c.security_groups);
}

void AdaptSubnetGroup(Model& model, const Resource& res) {
  SubnetGroup& g = model.subnet_groups[res.id];
  g.res = &res;
  g.subnets_value = res.properties["SubnetIds"];
  g.subnets_known = ListItems(g.subnets_value, g.subnet_items);
}

void AdaptDataStore(const ResourceGraph& graph, Model& model, const Resource& res,
                    std::string_view sg_property) {
  DataStore& d = model.data_stores[res.id];
  d.res = &res;
  RefIds(graph, res.properties[sg_property], d.security_groups);
}

// SEC004-SEC007 views

void AdaptListener(const ResourceGraph& graph, Model& model, const Resource& res) {
  const Value& p = res.properties;
  Listener& l = model.listeners[res.id];
  l.res = &res;
  l.load_balancer = RefId(graph, p["LoadBalancerArn"]);
  l.protocol = p["Protocol"];
  l.port = p["Port"];
  l.default_actions_value = p["DefaultActions"];
  l.default_actions_known = l.default_actions_value.is_list();
  for (const Value& action : l.default_actions_value.items()) {
    if (!action.is_map()) l.default_actions_known = false;
    l.default_actions.push_back({action["Type"], action.AtPath("RedirectConfig.Protocol")});
  }
  l.certificates = p["Certificates"];
}

// Listeners, and the certificates attached to them by separate resources.
void AdaptListeners(const ResourceGraph& graph, Model& model) {
  for (const Resource& res : graph.resources) {
    if (res.type == "AWS::ElasticLoadBalancingV2::Listener") AdaptListener(graph, model, res);
  }
  for (const Resource& res : graph.resources) {
    if (res.type == "AWS::ElasticLoadBalancingV2::ListenerCertificate") {
      AttachListenerCertificate(graph, model, res, res.properties["ListenerArn"]);
    }
  }
}

// HA004-HA008 views

void AdaptCacheReplicationGroup(Model& model, const Resource& res) {
  const Value& p = res.properties;
  CacheReplicationGroup& g = model.cache_replication_groups[res.id];
  g.res = &res;
  g.automatic_failover = p["AutomaticFailoverEnabled"];
  g.multi_az = p["MultiAZEnabled"];
  g.num_cache_clusters = p["NumCacheClusters"];
  g.replicas_per_node_group = p["ReplicasPerNodeGroup"];
  for (const Value& ng : p["NodeGroupConfiguration"].items()) {
    g.node_group_replicas.push_back(ng["ReplicaCount"]);
  }
  g.primary_cluster = p["PrimaryClusterId"];
}

void AdaptCacheCluster(Model& model, const Resource& res) {
  const Value& p = res.properties;
  CacheCluster& c = model.cache_clusters[res.id];
  c.res = &res;
  c.engine = p["Engine"];
  c.num_nodes = p["NumCacheNodes"];
  c.az_mode = p["AZMode"];
  c.preferred_azs_value = p["PreferredAvailabilityZones"];
  ListItems(c.preferred_azs_value, c.preferred_azs);
}

void AdaptMskCluster(const ResourceGraph& graph, Model& model, const Resource& res) {
  const Value& p = res.properties;
  MskCluster& m = model.msk_clusters[res.id];
  m.res = &res;
  m.client_subnets_value = p.AtPath("BrokerNodeGroupInfo.ClientSubnets");
  m.client_subnets_known = ListItems(m.client_subnets_value, m.client_subnet_items);
  m.broker_count = p["NumberOfBrokerNodes"];
  m.configuration_value = p.AtPath("ConfigurationInfo.Arn");
  m.configuration = RefId(graph, m.configuration_value);
}

// Instances bound to Elastic IPs, directly or through a network interface.
void AdaptEipBindings(const ResourceGraph& graph, Model& model) {
  std::map<std::string, std::string> nic_instance;  // network interface -> instance
  for (const Resource& res : graph.resources) {
    const Value& p = res.properties;
    if (res.type == "AWS::EC2::NetworkInterfaceAttachment") {
      std::string nic = RefId(graph, p["NetworkInterfaceId"]);
      if (!nic.empty()) nic_instance[nic] = RefId(graph, p["InstanceId"]);
    } else if (res.type == "AWS::EC2::Instance") {
      for (const Value& nic : p["NetworkInterfaces"].items()) {
        std::string id = RefId(graph, nic["NetworkInterfaceId"]);
        if (!id.empty()) nic_instance[id] = res.id;
      }
    }
  }
  for (const Resource& res : graph.resources) {
    if (res.type != "AWS::EC2::EIP" && res.type != "AWS::EC2::EIPAssociation") continue;
    const Value& p = res.properties;
    EipBinding b;
    b.declared_by = &res;
    b.instance = RefId(graph, p["InstanceId"]);
    if (b.instance.empty() && res.type == "AWS::EC2::EIPAssociation") {
      std::string nic = RefId(graph, p["NetworkInterfaceId"]);
      auto it = nic_instance.find(nic);
      if (it != nic_instance.end()) {
        b.instance = it->second;
        RefIds(graph, graph.Find(nic)->properties["GroupSet"], b.nic_security_groups);
      }
    }
    if (model.instances.count(b.instance)) model.eip_bindings.push_back(std::move(b));
  }
}

void AdaptHaViews(const ResourceGraph& graph, Model& model) {
  for (const Resource& res : graph.resources) {
    if (res.type == "AWS::ElastiCache::ReplicationGroup") {
      AdaptCacheReplicationGroup(model, res);
    } else if (res.type == "AWS::ElastiCache::CacheCluster") {
      AdaptCacheCluster(model, res);
    } else if (res.type == "AWS::MSK::Cluster") {
      AdaptMskCluster(graph, model, res);
    } else if (res.type == "AWS::MSK::Configuration") {
      MskConfiguration& c = model.msk_configurations[res.id];
      c.res = &res;
      c.server_properties = res.properties["ServerProperties"];
      if (std::optional<std::string> text = c.server_properties.AsString()) {
        c.properties = ParseServerProperties(*text);
      }
    }
  }
  for (const auto& [id, g] : model.cache_replication_groups) {
    std::string primary = RefId(graph, g.primary_cluster);
    if (CacheCluster* c = MutableView(model.cache_clusters, primary)) {
      c->in_replication_group = true;
    }
  }
  AdaptEipBindings(graph, model);
}

void AdaptVpcCidrBlock(const ResourceGraph& graph, Model& model, const Resource& res) {
  const Value& p = res.properties;
  Vpc* vpc = MutableView(model.vpcs, RefId(graph, p["VpcId"]));
  if (!vpc) return;
  if (!p["CidrBlock"].is_absent()) {
    vpc->secondary_cidrs.push_back(p["CidrBlock"]);
  } else if (!p["Ipv4IpamPoolId"].is_absent()) {
    vpc->secondary_cidrs.push_back(
        Value::Unresolved("an IPv4 block allocated from an IPAM pool", res.pos));
  }
  if (!p["Ipv6CidrBlock"].is_absent()) {
    vpc->ipv6_cidrs.push_back(p["Ipv6CidrBlock"]);
  } else if ((!p["AmazonProvidedIpv6CidrBlock"].is_absent() &&
              p["AmazonProvidedIpv6CidrBlock"].AsBool() != false) ||
             !p["Ipv6IpamPoolId"].is_absent() || !p["Ipv6Pool"].is_absent()) {
    vpc->ipv6_cidrs.push_back(
        Value::Unresolved("an IPv6 block allocated by Amazon or from a pool", res.pos));
  }
  if (res.condition_unknown) vpc->conditional_cidrs = true;
}

void AddNaclEntry(const ResourceGraph& graph, Model& model, const Resource& res) {
  const Value& p = res.properties;
  NetworkAcl* acl = MutableView(model.network_acls, RefId(graph, p["NetworkAclId"]));
  if (!acl) return;
  NaclEntry e;
  e.declared_by = &res;
  e.pos = res.pos;
  e.certain = !res.condition_unknown;
  e.rule_number = p["RuleNumber"];
  e.protocol = p["Protocol"];
  e.action = p["RuleAction"];
  e.egress = p["Egress"];
  e.cidr_ipv4 = p["CidrBlock"];
  e.cidr_ipv6 = p["Ipv6CidrBlock"];
  e.from_port = p.AtPath("PortRange.From");
  e.to_port = p.AtPath("PortRange.To");
  acl->entries.push_back(std::move(e));
}

}  // namespace

void AdaptCloudFormation(const ResourceGraph& graph, Model& model) {
  // Standalone pieces that attach to others are applied after every resource has a view.
  std::vector<const Resource*> routes, ingress, cidr_blocks, listeners, nacl_entries;
  for (const Resource& res : graph.resources) {
    const Value& p = res.properties;
    const std::string& t = res.type;
    if (t == "AWS::EC2::VPC") {
      Vpc& vpc = model.vpcs[res.id];
      vpc.res = &res;
      vpc.cidr = p["CidrBlock"];
    } else if (t == "AWS::EC2::VPCCidrBlock") {
      cidr_blocks.push_back(&res);
    } else if (t == "AWS::EC2::Subnet") {
      Subnet& s = model.subnets[res.id];
      s.res = &res;
      s.vpc = RefId(graph, p["VpcId"]);
      s.cidr = p["CidrBlock"];
      s.ipv6_cidr = p["Ipv6CidrBlock"];
      s.az_value =
          p["AvailabilityZone"].is_absent() ? p["AvailabilityZoneId"] : p["AvailabilityZone"];
      s.map_public_ip = p["MapPublicIpOnLaunch"];
    } else if (t == "AWS::EC2::RouteTable") {
      RouteTable& rt = model.route_tables[res.id];
      rt.res = &res;
      rt.vpc = RefId(graph, p["VpcId"]);
    } else if (t == "AWS::EC2::Route") {
      routes.push_back(&res);
    } else if (t == "AWS::EC2::SubnetRouteTableAssociation") {
      AddAssociation(graph, model, p["SubnetId"], p["RouteTableId"]);
    } else if (t == "AWS::EC2::NatGateway") {
      NatGateway& nat = model.nat_gateways[res.id];
      nat.res = &res;
      nat.subnet = RefId(graph, p["SubnetId"]);
      nat.private_connectivity = p["ConnectivityType"].AsString() == "private";
    } else if (t == "AWS::EC2::InternetGateway") {
      model.internet_gateways.emplace(res.id, "");
    } else if (t == "AWS::EC2::VPCGatewayAttachment") {
      std::string igw = RefId(graph, p["InternetGatewayId"]);
      if (!igw.empty()) model.internet_gateways[igw] = RefId(graph, p["VpcId"]);
    } else if (t == "AWS::EC2::SecurityGroup") {
      AdaptSecurityGroup(graph, model, res);
    } else if (t == "AWS::EC2::SecurityGroupIngress") {
      ingress.push_back(&res);
    } else if (t == "AWS::ElasticLoadBalancingV2::LoadBalancer") {
      AdaptLoadBalancer(graph, model, res, false);
    } else if (t == "AWS::ElasticLoadBalancing::LoadBalancer") {
      AdaptLoadBalancer(graph, model, res, true);
    } else if (t == "AWS::ElasticLoadBalancingV2::TargetGroup") {
      TargetGroup& tg = model.target_groups[res.id];
      tg.res = &res;
      std::optional<std::string> type = p["TargetType"].AsString();
      bool instance_targets = p["TargetType"].is_absent() || type == "instance";
      if (!p["Targets"].is_absent() && !p["Targets"].is_list()) tg.other_targets = true;
      for (const Value& target : p["Targets"].items()) {
        std::string id = instance_targets ? RefId(graph, target["Id"]) : "";
        if (!id.empty() && graph.Find(id)->type == "AWS::EC2::Instance") {
          tg.target_instances.push_back(id);
        } else {
          tg.other_targets = true;  // an IP, a Lambda, a literal or unresolved ID
        }
      }
    } else if (t == "AWS::ElasticLoadBalancingV2::Listener" ||
               t == "AWS::ElasticLoadBalancingV2::ListenerRule") {
      listeners.push_back(&res);
    } else if (t == "AWS::EC2::LaunchTemplate") {
      AdaptLaunchTemplate(graph, model, res);
    } else if (t == "AWS::AutoScaling::LaunchConfiguration") {
      AdaptLaunchConfiguration(graph, model, res);
    } else if (t == "AWS::AutoScaling::AutoScalingGroup") {
      AdaptAutoScalingGroup(graph, model, res);
    } else if (t == "AWS::EC2::Instance") {
      AdaptInstance(graph, model, res);
    } else if (t == "AWS::ECS::Service") {
      AdaptEcsService(graph, model, res);
    } else if (t == "AWS::RDS::DBInstance") {
      AdaptDbInstance(graph, model, res);
    } else if (t == "AWS::RDS::DBCluster") {
      AdaptDbCluster(graph, model, res);
    } else if (t == "AWS::RDS::DBSubnetGroup" || t == "AWS::ElastiCache::SubnetGroup") {
      AdaptSubnetGroup(model, res);
    } else if (t == "AWS::ElastiCache::ReplicationGroup") {
      AdaptDataStore(graph, model, res, "SecurityGroupIds");
    } else if (t == "AWS::ElastiCache::CacheCluster" || t == "AWS::DocDB::DBCluster" ||
               t == "AWS::Redshift::Cluster") {
      AdaptDataStore(graph, model, res, "VpcSecurityGroupIds");
    } else if (t == "AWS::EC2::NetworkAcl") {
      NetworkAcl& acl = model.network_acls[res.id];
      acl.res = &res;
      acl.vpc = RefId(graph, p["VpcId"]);
    } else if (t == "AWS::EC2::NetworkAclEntry") {
      nacl_entries.push_back(&res);
    } else if (t == "AWS::EC2::VPCPeeringConnection") {
      PeeringConnection& pcx = model.peering_connections[res.id];
      pcx.res = &res;
      pcx.vpc_value = p["VpcId"];
      pcx.vpc = RefId(graph, pcx.vpc_value);
      pcx.peer_vpc_value = p["PeerVpcId"];
      pcx.peer_vpc = RefId(graph, pcx.peer_vpc_value);
    }
  }

  for (const Resource* res : cidr_blocks) AdaptVpcCidrBlock(graph, model, *res);
  for (const Resource* res : nacl_entries) AddNaclEntry(graph, model, *res);
  for (const Resource* res : routes) {
    std::string table = RefId(graph, res->properties["RouteTableId"]);
    if (RouteTable* rt = MutableView(model.route_tables, table)) {
      rt->routes.push_back(MakeRoute(graph, *res, res->properties));
    }
  }
  for (const Resource* res : ingress) {
    std::string group = RefId(graph, res->properties["GroupId"]);
    if (group.empty()) group = RefId(graph, res->properties["GroupName"]);
    if (!model.security_group(group)) continue;
    AddIngressRule(graph, model, *res, group, res->properties, res->pos, "Properties");
  }
  for (const Resource* res : listeners) {
    const Value& p = res->properties;
    std::string lb = RefId(graph, p["LoadBalancerArn"]);
    if (lb.empty()) {
      // A listener rule names its listener, which names the load balancer.
      if (const Resource* listener = graph.Find(RefId(graph, p["ListenerArn"]))) {
        lb = RefId(graph, listener->properties["LoadBalancerArn"]);
      }
    }
    const Value& actions = p["DefaultActions"].is_absent() ? p["Actions"] : p["DefaultActions"];
    for (const Value& action : actions.items()) {
      std::vector<std::string> tgs;
      RefIds(graph, action["TargetGroupArn"], tgs);
      for (const Value& tg : action.AtPath("ForwardConfig.TargetGroups").items()) {
        RefIds(graph, tg["TargetGroupArn"], tgs);
      }
      for (const std::string& tg : tgs) {
        if (TargetGroup* view = MutableView(model.target_groups, tg); view && !lb.empty()) {
          view->load_balancers.push_back(lb);
        }
      }
    }
  }
  AdaptListeners(graph, model);
  LinkIngressRules(model);
  AdaptHaViews(graph, model);
}

}  // namespace halint
