// Terraform resources (configuration and plans) -> model views. Attribute names are the
// AWS provider's; see https://registry.terraform.io/providers/hashicorp/aws/latest/docs
//
// Both front ends keep the contract of parsers/terraform/tf_frontend.h: nested blocks are
// lists of maps, references to identities are Value::Ref. A plan also lists attributes the
// configuration leaves unset, as null or "": Arg() treats those as absent.
#include <map>
#include <string_view>

#include "analyzer/model/adapt_util.h"
#include "analyzer/model/model.h"

namespace halint {
namespace {

const Value kAbsent;

// The argument `key` of a resource or nested block; absent when unset (null or "").
const Value& Arg(const Value& block, std::string_view key) {
  const Value& v = block[key];
  if (v.kind() == Value::Kind::kNull || (v.is_string() && v.string_value().empty())) {
    return kAbsent;
  }
  return v;
}

// The first block of a nested block list (`launch_template`, `network_configuration`).
const Value& Block(const Value& block, std::string_view key) {
  const Value& v = Arg(block, key);
  if (v.is_map()) return v;
  return v.is_list() && !v.items().empty() ? v.items().front() : kAbsent;
}

// True when `v` is a reference to the `attribute` of a resource of the graph.
bool RefersTo(const Value& v, std::string_view attribute) { return v.ref_attribute() == attribute; }

Route MakeRoute(const ResourceGraph& graph, const Resource& declared_by, const Value& route_args,
                std::string_view ipv4_key, std::string_view ipv6_key, SourcePos pos) {
  Route route;
  route.declared_by = &declared_by;
  route.pos = pos;
  route.certain = !declared_by.condition_unknown;
  route.destination_ipv4 = Arg(route_args, ipv4_key);
  route.destination_ipv6 = Arg(route_args, ipv6_key);
  static constexpr RouteTargetProperty kTargets[] = {
      {"gateway_id", RouteTarget::kUnknown},
      {"nat_gateway_id", RouteTarget::kNatGateway},
      {"instance_id", RouteTarget::kNatInstance},
      {"network_interface_id", RouteTarget::kNatInstance},
      {"transit_gateway_id", RouteTarget::kTransitGateway},
      {"egress_only_gateway_id", RouteTarget::kEgressOnlyGateway},
      {"vpc_peering_connection_id", RouteTarget::kPeering},
      {"vpc_endpoint_id", RouteTarget::kEndpoint},
      {"carrier_gateway_id", RouteTarget::kOther},
      {"local_gateway_id", RouteTarget::kOther},
      {"core_network_arn", RouteTarget::kOther},
  };
  SetRouteTarget(
      graph, kTargets, [&](std::string_view name) -> const Value& { return Arg(route_args, name); },
      route);
  return route;
}

void AddInlineRoutes(const ResourceGraph& graph, RouteTable& rt, const Resource& res) {
  for (const Value& r : Arg(res.properties, "route").items()) {
    if (r.is_map()) {
      rt.routes.push_back(MakeRoute(graph, res, r, "cidr_block", "ipv6_cidr_block", r.pos()));
    }
  }
}

// The source fields of one Terraform ingress rule (an `ingress` block, an
// aws_security_group_rule or an aws_vpc_security_group_ingress_rule).
struct IngressSources {
  std::string_view cidr_ipv4;  // list (cidr_blocks) or single (cidr_ipv4)
  std::string_view cidr_ipv6;
  std::string_view source_groups;  // list (security_groups) or single
  std::string_view prefix_lists;
  std::string_view protocol;
};

// Terraform writes one rule for several sources; the model has one rule per source, so a
// rule becomes one IngressRule per CIDR, source group, `self` and prefix list. A source
// list that is unresolved as a whole becomes one rule with that unknown source.
void AddIngressRules(const ResourceGraph& graph, Model& model, const Resource& declared_by,
                     const std::string& group, const Value& rule, const IngressSources& keys,
                     SourcePos pos, const std::string& path) {
  IngressRule base;
  base.declared_by = &declared_by;
  base.group = group;
  base.pos = pos;
  base.property_path = path;
  base.protocol = Arg(rule, keys.protocol);
  base.from_port = Arg(rule, "from_port");
  base.to_port = Arg(rule, "to_port");
  size_t added = 0;
  auto add_each = [&](std::string_view key, Value IngressRule::*field) {
    const Value& v = Arg(rule, key);
    if (v.is_absent()) return;
    const std::vector<Value> single{v};
    for (const Value& item : v.is_list() ? v.items() : single) {
      IngressRule r = base;
      r.*field = item;
      if (field == &IngressRule::source_group_value) r.source_group = RefId(graph, item);
      model.ingress_rules.push_back(std::move(r));
      ++added;
    }
  };
  add_each(keys.cidr_ipv4, &IngressRule::cidr_ipv4);
  add_each(keys.cidr_ipv6, &IngressRule::cidr_ipv6);
  add_each(keys.source_groups, &IngressRule::source_group_value);
  add_each(keys.prefix_lists, &IngressRule::prefix_list);
  if (std::optional<bool> self = Arg(rule, "self").AsBool(); self.value_or(false)) {
    IngressRule r = base;
    r.source_group_value = Value::Ref(group, "id", pos);
    r.source_group = group;
    model.ingress_rules.push_back(std::move(r));
    ++added;
  } else if (Arg(rule, "self").is_unresolved()) {
    IngressRule r = base;
    r.source_group_value = Arg(rule, "self");
    model.ingress_rules.push_back(std::move(r));
    ++added;
  }
  if (added == 0) model.ingress_rules.push_back(std::move(base));
}

constexpr IngressSources kInlineIngress{"cidr_blocks", "ipv6_cidr_blocks", "security_groups",
                                        "prefix_list_ids", "protocol"};
constexpr IngressSources kRuleResource{"cidr_blocks", "ipv6_cidr_blocks",
                                       "source_security_group_id", "prefix_list_ids", "protocol"};
constexpr IngressSources kIngressRuleResource{
    "cidr_ipv4", "cidr_ipv6", "referenced_security_group_id", "prefix_list_id", "ip_protocol"};

void AdaptSecurityGroup(const ResourceGraph& graph, Model& model, const Resource& res) {
  SecurityGroup& sg = model.security_groups[res.id];
  sg.res = &res;
  sg.vpc = RefId(graph, Arg(res.properties, "vpc_id"));
  const Value& ingress = Arg(res.properties, "ingress");
  for (size_t i = 0; i < ingress.items().size(); ++i) {
    const Value& rule = ingress.items()[i];
    if (!rule.is_map()) continue;
    AddIngressRules(graph, model, res, res.id, rule, kInlineIngress, rule.pos(),
                    "ingress[" + std::to_string(i) + "]");
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
    const Value& type = Arg(p, "load_balancer_type");
    std::optional<std::string> t = type.AsString();
    if (type.is_absent() || t == "application") {
      lb.kind = LbKind::kApplication;
    } else if (t == "network") {
      lb.kind = LbKind::kNetwork;
    } else if (t == "gateway") {
      lb.kind = LbKind::kGateway;
    }
  }
  const Value& internal = Arg(p, "internal");
  if (internal.is_absent()) {
    lb.internet_facing = true;
  } else if (std::optional<bool> b = internal.AsBool()) {
    lb.internet_facing = !*b;
  }
  const Value& mappings = Arg(p, "subnet_mapping");
  if (!mappings.is_absent() && !(mappings.is_list() && mappings.items().empty())) {
    lb.subnets_value = mappings;
    lb.subnets_known = mappings.is_list();
    for (const Value& m : mappings.items()) {
      const Value& id = Arg(m, "subnet_id");
      if (!id.is_known()) lb.subnets_known = false;
      lb.subnet_items.push_back(id);
    }
  } else {
    lb.subnets_value = Arg(p, "subnets");
    lb.subnets_known = ListItems(lb.subnets_value, lb.subnet_items);
  }
  lb.has_security_groups_property = !Arg(p, "security_groups").is_absent();
  RefIds(graph, Arg(p, "security_groups"), lb.security_groups);
  if (classic) {
    lb.azs_value = Arg(p, "availability_zones");
    lb.azs_known = ListItems(lb.azs_value, lb.az_items);
    TargetGroup& tg = model.target_groups[res.id];
    tg.res = &res;
    RefIds(graph, Arg(p, "instances"), tg.target_instances);
    tg.load_balancers.push_back(res.id);
  }
}

void AdaptLaunchTemplate(const ResourceGraph& graph, Model& model, const Resource& res) {
  const Value& p = res.properties;
  LaunchSpec& spec = model.launch_specs[res.id];
  spec.res = &res;
  RefIds(graph, Arg(p, "vpc_security_group_ids"), spec.security_groups);
  RefIds(graph, Arg(p, "security_group_names"), spec.security_groups);
  const Value& nics = Arg(p, "network_interfaces");
  for (size_t i = 0; i < nics.items().size(); ++i) {
    const Value& nic = nics.items()[i];
    RefIds(graph, Arg(nic, "security_groups"), spec.security_groups);
    if (const ValueEntry* e = nic.FindEntry("associate_public_ip_address");
        e && !Arg(nic, "associate_public_ip_address").is_absent()) {
      spec.associate_public_ip = e->value;
      spec.associate_public_ip_pos = e->key_pos;
      spec.associate_public_ip_path =
          "network_interfaces[" + std::to_string(i) + "].associate_public_ip_address";
    }
  }
}

void AdaptLaunchConfiguration(const ResourceGraph& graph, Model& model, const Resource& res) {
  const Value& p = res.properties;
  LaunchSpec& spec = model.launch_specs[res.id];
  spec.res = &res;
  RefIds(graph, Arg(p, "security_groups"), spec.security_groups);
  if (const ValueEntry* e = p.FindEntry("associate_public_ip_address");
      e && !Arg(p, "associate_public_ip_address").is_absent()) {
    spec.associate_public_ip = e->value;
    spec.associate_public_ip_pos = e->key_pos;
    spec.associate_public_ip_path = "associate_public_ip_address";
  }
}

void AdaptAutoScalingGroup(const ResourceGraph& graph, Model& model, const Resource& res) {
  const Value& p = res.properties;
  AutoScalingGroup& asg = model.auto_scaling_groups[res.id];
  asg.res = &res;
  asg.subnets_value = Arg(p, "vpc_zone_identifier");
  asg.subnets_known = ListItems(asg.subnets_value, asg.subnet_items);
  asg.azs_value = Arg(p, "availability_zones");
  asg.azs_known = ListItems(asg.azs_value, asg.az_items);
  // A plan lists unset sets as []: no subnets written is absent, as in configuration.
  if (asg.subnets_value.is_list() && asg.subnet_items.empty()) asg.subnets_value = kAbsent;
  if (asg.azs_value.is_list() && asg.az_items.empty()) asg.azs_value = kAbsent;
  RefIds(graph, Arg(p, "target_group_arns"), asg.target_groups);
  RefIds(graph, Arg(p, "load_balancers"), asg.classic_lbs);
  auto non_empty = [&](std::string_view key) {
    const Value& v = Arg(p, key);
    return !v.is_absent() && !(v.is_list() && v.items().empty());
  };
  asg.attached_to_lb = non_empty("target_group_arns") || non_empty("load_balancers");
  const Value& lt = Block(p, "launch_template").is_absent()
                        ? Block(Block(Block(p, "mixed_instances_policy"), "launch_template"),
                                "launch_template_specification")
                        : Block(p, "launch_template");
  for (std::string_view key : {"id", "launch_template_id", "name", "launch_template_name"}) {
    if (asg.launch_spec.empty()) asg.launch_spec = RefId(graph, Arg(lt, key));
  }
  if (asg.launch_spec.empty()) asg.launch_spec = RefId(graph, Arg(p, "launch_configuration"));
  asg.min_size = Arg(p, "min_size");
  asg.max_size = Arg(p, "max_size");
  // Terraform's default is EC2, as CloudFormation's.
  asg.health_check_type = Arg(p, "health_check_type");
}

void AdaptInstance(const ResourceGraph& graph, Model& model, const Resource& res) {
  const Value& p = res.properties;
  Instance& inst = model.instances[res.id];
  inst.res = &res;
  inst.subnet_value = Arg(p, "subnet_id");
  RefIds(graph, Arg(p, "vpc_security_group_ids"), inst.security_groups);
  RefIds(graph, Arg(p, "security_groups"), inst.security_groups);
  // Attached network interfaces (aws_network_interface) carry the subnet and groups.
  for (const Value& nic : Arg(p, "network_interface").items()) {
    const Resource* eni = graph.Find(RefId(graph, Arg(nic, "network_interface_id")));
    if (!eni) continue;
    if (inst.subnet_value.is_absent()) inst.subnet_value = Arg(eni->properties, "subnet_id");
    RefIds(graph, Arg(eni->properties, "security_groups"), inst.security_groups);
  }
  if (const ValueEntry* e = p.FindEntry("associate_public_ip_address");
      e && !Arg(p, "associate_public_ip_address").is_absent()) {
    inst.associate_public_ip = e->value;
    inst.associate_public_ip_pos = e->key_pos;
    inst.associate_public_ip_path = "associate_public_ip_address";
  }
  inst.subnet = RefId(graph, inst.subnet_value);
}

void AdaptEcsService(const ResourceGraph& graph, Model& model, const Resource& res) {
  const Value& p = res.properties;
  EcsService& svc = model.ecs_services[res.id];
  svc.res = &res;
  for (const Value& lb : Arg(p, "load_balancer").items()) {
    std::string tg = RefId(graph, Arg(lb, "target_group_arn"));
    if (tg.empty()) tg = RefId(graph, Arg(lb, "elb_name"));
    if (!tg.empty()) svc.target_groups.push_back(tg);
  }
  const Value& net = Block(p, "network_configuration");
  ListItems(Arg(net, "subnets"), svc.subnet_items);
  RefIds(graph, Arg(net, "security_groups"), svc.security_groups);
  // Terraform's assign_public_ip is a boolean; the view speaks ECS's ENABLED / DISABLED.
  const Value& assign = Arg(net, "assign_public_ip");
  if (std::optional<bool> b = assign.AsBool()) {
    svc.assign_public_ip = Value::String(*b ? "ENABLED" : "DISABLED", assign.pos());
  } else {
    svc.assign_public_ip = assign;
  }
}

void AdaptDbInstance(const ResourceGraph& graph, Model& model, const Resource& res) {
  const Value& p = res.properties;
  DbInstance& db = model.db_instances[res.id];
  db.res = &res;
  db.engine = Arg(p, "engine");
  db.multi_az = Arg(p, "multi_az");
  db.cluster_value = Arg(p, "cluster_identifier");  // aws_rds_cluster_instance
  db.cluster = RefId(graph, db.cluster_value);
  db.source_db = Arg(p, "replicate_source_db");
  db.az = Arg(p, "availability_zone");
  db.publicly_accessible = Arg(p, "publicly_accessible");
  db.subnet_group = RefId(graph, Arg(p, "db_subnet_group_name"));
  RefIds(graph, Arg(p, "vpc_security_group_ids"), db.security_groups);
}

void AdaptDbCluster(const ResourceGraph& graph, Model& model, const Resource& res) {
  const Value& p = res.properties;
  DbCluster& c = model.db_clusters[res.id];
  c.res = &res;
  // Terraform's default engine is aurora (MySQL-compatible), where CloudFormation requires
  // one.
  c.engine = Arg(p, "engine").is_absent() ? Value::String("aurora", res.pos) : Arg(p, "engine");
  c.engine_mode = Arg(p, "engine_mode");
  c.cluster_instance_class = Arg(p, "db_cluster_instance_class");
  c.subnet_group = RefId(graph, Arg(p, "db_subnet_group_name"));
  RefIds(graph, Arg(p, "vpc_security_group_ids"), c.security_groups);
}

void AdaptSubnetGroup(Model& model, const Resource& res) {
  SubnetGroup& g = model.subnet_groups[res.id];
  g.res = &res;
  g.subnets_value = Arg(res.properties, "subnet_ids");
  g.subnets_known = ListItems(g.subnets_value, g.subnet_items);
}

void AdaptDataStore(const ResourceGraph& graph, Model& model, const Resource& res,
                    std::string_view sg_attribute) {
  DataStore& d = model.data_stores[res.id];
  d.res = &res;
  RefIds(graph, Arg(res.properties, sg_attribute), d.security_groups);
}

// The target groups a listener or listener rule action forwards to.
void ForwardedTargetGroups(const ResourceGraph& graph, const Value& action,
                           std::vector<std::string>& out) {
  RefIds(graph, Arg(action, "target_group_arn"), out);
  for (const Value& tg : Arg(Block(action, "forward"), "target_group").items()) {
    RefIds(graph, Arg(tg, "arn"), out);
  }
}

// SEC004-SEC007 views

void AdaptListener(const ResourceGraph& graph, Model& model, const Resource& res) {
  const Value& p = res.properties;
  Listener& l = model.listeners[res.id];
  l.res = &res;
  l.load_balancer = RefId(graph, Arg(p, "load_balancer_arn"));
  l.protocol = Arg(p, "protocol");
  const LoadBalancer* lb = Model::Get(model.load_balancers, l.load_balancer);
  if (l.protocol.is_absent() && lb && lb->kind == LbKind::kApplication) {
    // The provider's default on an ALB; NLB listeners always name theirs.
    l.protocol = Value::String("HTTP", SourcePos{});
    l.protocol.set_origin(Value::Origin::kDefaulted);
  }
  l.port = Arg(p, "port");
  l.default_actions_value = Arg(p, "default_action");
  l.default_actions_known = l.default_actions_value.is_list();
  for (const Value& action : l.default_actions_value.items()) {
    if (!action.is_map()) l.default_actions_known = false;
    l.default_actions.push_back({Arg(action, "type"), Arg(Block(action, "redirect"), "protocol")});
  }
  l.certificates = Arg(p, "certificate_arn");
}

// Listeners (after the load balancers, whose type decides a missing protocol), and the
// certificates attached to them by aws_lb_listener_certificate.
void AdaptListeners(const ResourceGraph& graph, Model& model) {
  for (const Resource& res : graph.resources) {
    if (res.type == "aws_lb_listener" || res.type == "aws_alb_listener") {
      AdaptListener(graph, model, res);
    }
  }
  for (const Resource& res : graph.resources) {
    if (res.type == "aws_lb_listener_certificate" || res.type == "aws_alb_listener_certificate") {
      AttachListenerCertificate(graph, model, res, Arg(res.properties, "listener_arn"));
    }
  }
}

// HA004-HA008 views

void AdaptTfCacheReplicationGroup(Model& model, const Resource& res) {
  const Value& p = res.properties;
  CacheReplicationGroup& g = model.cache_replication_groups[res.id];
  g.res = &res;
  g.automatic_failover = Arg(p, "automatic_failover_enabled");
  g.multi_az = Arg(p, "multi_az_enabled");
  g.num_cache_clusters = Arg(p, "num_cache_clusters");
  if (g.num_cache_clusters.is_absent()) g.num_cache_clusters = Arg(p, "number_cache_clusters");
  g.replicas_per_node_group = Arg(p, "replicas_per_node_group");
  if (g.replicas_per_node_group.is_absent()) {
    g.replicas_per_node_group = Arg(Block(p, "cluster_mode"), "replicas_per_node_group");
  }
}

void AdaptTfCacheCluster(Model& model, const Resource& res) {
  const Value& p = res.properties;
  CacheCluster& c = model.cache_clusters[res.id];
  c.res = &res;
  c.engine = Arg(p, "engine");
  c.num_nodes = Arg(p, "num_cache_nodes");
  c.az_mode = Arg(p, "az_mode");
  c.preferred_azs_value = Arg(p, "preferred_availability_zones");
  ListItems(c.preferred_azs_value, c.preferred_azs);
  // A member of a replication group (or possibly one, when the ID is unresolved).
  c.in_replication_group = !Arg(p, "replication_group_id").is_absent();
}

void AdaptTfMskCluster(const ResourceGraph& graph, Model& model, const Resource& res) {
  const Value& p = res.properties;
  MskCluster& m = model.msk_clusters[res.id];
  m.res = &res;
  m.client_subnets_value = Arg(Block(p, "broker_node_group_info"), "client_subnets");
  m.client_subnets_known = ListItems(m.client_subnets_value, m.client_subnet_items);
  m.broker_count = Arg(p, "number_of_broker_nodes");
  m.configuration_value = Arg(Block(p, "configuration_info"), "arn");
  m.configuration = RefId(graph, m.configuration_value);
}

// Instances bound to Elastic IPs, and target group attachments of targets that are not
// instances of the template.
void AdaptTfEipBindings(const ResourceGraph& graph, Model& model) {
  std::map<std::string, std::string> nic_instance;  // network interface -> instance
  for (const Resource& res : graph.resources) {
    const Value& p = res.properties;
    if (res.type == "aws_network_interface_attachment") {
      std::string nic = RefId(graph, Arg(p, "network_interface_id"));
      if (!nic.empty()) nic_instance[nic] = RefId(graph, Arg(p, "instance_id"));
    } else if (res.type == "aws_network_interface") {
      std::string inst = RefId(graph, Arg(Block(p, "attachment"), "instance"));
      if (!inst.empty()) nic_instance[res.id] = inst;
    } else if (res.type == "aws_instance") {
      for (const Value& nic : p["network_interface"].items()) {
        std::string id = RefId(graph, Arg(nic, "network_interface_id"));
        if (!id.empty()) nic_instance[id] = res.id;
      }
    }
  }
  for (const Resource& res : graph.resources) {
    const Value& p = res.properties;
    bool eip = res.type == "aws_eip";
    if (!eip && res.type != "aws_eip_association") continue;
    EipBinding b;
    b.declared_by = &res;
    b.instance = RefId(graph, Arg(p, eip ? "instance" : "instance_id"));
    std::string nic = RefId(graph, Arg(p, eip ? "network_interface" : "network_interface_id"));
    if (b.instance.empty() && !nic.empty()) {
      auto it = nic_instance.find(nic);
      if (it != nic_instance.end()) {
        b.instance = it->second;
        RefIds(graph, Arg(graph.Find(nic)->properties, "security_groups"), b.nic_security_groups);
      }
    }
    if (model.instances.contains(b.instance)) model.eip_bindings.push_back(std::move(b));
  }
  for (const Resource& res : graph.resources) {
    if (res.type != "aws_lb_target_group_attachment" &&
        res.type != "aws_alb_target_group_attachment") {
      continue;
    }
    TargetGroup* tg =
        MutableView(model.target_groups, RefId(graph, Arg(res.properties, "target_group_arn")));
    if (!tg) continue;
    std::string target = RefId(graph, Arg(res.properties, "target_id"));
    if (target.empty() || !model.instances.contains(target)) tg->other_targets = true;
  }
}

void AdaptTfHaViews(const ResourceGraph& graph, Model& model) {
  for (const Resource& res : graph.resources) {
    if (res.type == "aws_elasticache_replication_group") {
      AdaptTfCacheReplicationGroup(model, res);
    } else if (res.type == "aws_elasticache_cluster") {
      AdaptTfCacheCluster(model, res);
    } else if (res.type == "aws_msk_cluster") {
      AdaptTfMskCluster(graph, model, res);
    } else if (res.type == "aws_msk_configuration") {
      MskConfiguration& c = model.msk_configurations[res.id];
      c.res = &res;
      c.server_properties = Arg(res.properties, "server_properties");
      if (std::optional<std::string> text = c.server_properties.AsString()) {
        c.properties = ParseServerProperties(*text);
      }
    }
  }
  AdaptTfEipBindings(graph, model);
}

// NET001-NET004 views: IPv6 blocks, network ACLs and their rules, peering connections.

constexpr char kAllocatedIpv6[] = "an IPv6 block allocated by Amazon or from a pool";

// A network ACL rule (an ingress / egress block, or aws_network_acl_rule) as written.
NaclEntry TfNaclEntry(const Resource& declared_by, const Value& rule, SourcePos pos,
                      std::string_view number_key, std::string_view action_key) {
  NaclEntry e;
  e.declared_by = &declared_by;
  e.pos = pos;
  e.rule_number = Arg(rule, number_key);
  e.protocol = Arg(rule, "protocol");
  e.action = Arg(rule, action_key);
  e.cidr_ipv4 = Arg(rule, "cidr_block");
  e.cidr_ipv6 = Arg(rule, "ipv6_cidr_block");
  e.from_port = Arg(rule, "from_port");
  e.to_port = Arg(rule, "to_port");
  return e;
}

void AdaptNetworkAcl(const ResourceGraph& graph, Model& model, const Resource& res) {
  const Value& p = res.properties;
  NetworkAcl& acl = model.network_acls[res.id];
  acl.res = &res;
  acl.vpc = RefId(graph, Arg(p, "vpc_id"));
  for (bool egress : {false, true}) {
    for (const Value& rule : Arg(p, egress ? "egress" : "ingress").items()) {
      if (!rule.is_map()) continue;
      NaclEntry e =
          TfNaclEntry(res, rule, rule.pos().known() ? rule.pos() : res.pos, "rule_no", "action");
      e.egress = Value::Bool(egress, rule.pos());
      acl.entries.push_back(std::move(e));
    }
  }
}

void AdaptNetViews(const ResourceGraph& graph, Model& model) {
  std::vector<const Resource*> ipv6_blocks, acl_rules;
  for (const Resource& res : graph.resources) {
    const Value& p = res.properties;
    const std::string& t = res.type;
    if (t == "aws_vpc") {
      Vpc* vpc = MutableView(model.vpcs, res.id);
      if (!Arg(p, "ipv6_cidr_block").is_absent()) {
        vpc->ipv6_cidrs.push_back(Arg(p, "ipv6_cidr_block"));
      } else if ((!Arg(p, "assign_generated_ipv6_cidr_block").is_absent() &&
                  Arg(p, "assign_generated_ipv6_cidr_block").AsBool() != false) ||
                 !Arg(p, "ipv6_ipam_pool_id").is_absent()) {
        vpc->ipv6_cidrs.push_back(Value::Unresolved(kAllocatedIpv6, res.pos));
      }
    } else if (t == "aws_vpc_ipv6_cidr_block_association") {
      ipv6_blocks.push_back(&res);
    } else if (t == "aws_vpc_ipv4_cidr_block_association" && res.condition_unknown) {
      if (Vpc* vpc = MutableView(model.vpcs, RefId(graph, Arg(p, "vpc_id")))) {
        vpc->conditional_cidrs = true;
      }
    } else if (t == "aws_subnet") {
      MutableView(model.subnets, res.id)->ipv6_cidr = Arg(p, "ipv6_cidr_block");
    } else if (t == "aws_network_acl" || t == "aws_default_network_acl") {
      AdaptNetworkAcl(graph, model, res);
    } else if (t == "aws_network_acl_rule") {
      acl_rules.push_back(&res);
    } else if (t == "aws_vpc_peering_connection") {
      PeeringConnection& pcx = model.peering_connections[res.id];
      pcx.res = &res;
      pcx.vpc_value = Arg(p, "vpc_id");
      pcx.vpc = RefId(graph, pcx.vpc_value);
      pcx.peer_vpc_value = Arg(p, "peer_vpc_id");
      pcx.peer_vpc = RefId(graph, pcx.peer_vpc_value);
    }
  }
  for (const Resource* res : ipv6_blocks) {
    const Value& p = res->properties;
    Vpc* vpc = MutableView(model.vpcs, RefId(graph, Arg(p, "vpc_id")));
    if (!vpc) continue;
    const Value& block = Arg(p, "ipv6_cidr_block");
    vpc->ipv6_cidrs.push_back(block.is_absent() ? Value::Unresolved(kAllocatedIpv6, res->pos)
                                                : block);
    if (res->condition_unknown) vpc->conditional_cidrs = true;
  }
  for (const Resource* res : acl_rules) {
    const Value& p = res->properties;
    NetworkAcl* acl = MutableView(model.network_acls, RefId(graph, Arg(p, "network_acl_id")));
    if (!acl) continue;
    NaclEntry e = TfNaclEntry(*res, p, res->pos, "rule_number", "rule_action");
    e.egress = Arg(p, "egress");
    e.certain = !res->condition_unknown;
    acl->entries.push_back(std::move(e));
  }
}

}  // namespace

void AdaptTerraform(const ResourceGraph& graph, Model& model) {
  // Standalone pieces that attach to others are applied after every resource has a view.
  std::vector<const Resource*> routes, rules, cidr_blocks, listeners, attachments;
  for (const Resource& res : graph.resources) {
    const Value& p = res.properties;
    const std::string& t = res.type;
    if (t == "aws_vpc") {
      Vpc& vpc = model.vpcs[res.id];
      vpc.res = &res;
      vpc.cidr = Arg(p, "cidr_block");
    } else if (t == "aws_vpc_ipv4_cidr_block_association") {
      cidr_blocks.push_back(&res);
    } else if (t == "aws_subnet") {
      Subnet& s = model.subnets[res.id];
      s.res = &res;
      s.vpc = RefId(graph, Arg(p, "vpc_id"));
      s.cidr = Arg(p, "cidr_block");
      s.az_value = Arg(p, "availability_zone").is_absent() ? Arg(p, "availability_zone_id")
                                                           : Arg(p, "availability_zone");
      s.map_public_ip = Arg(p, "map_public_ip_on_launch");
    } else if (t == "aws_route_table") {
      RouteTable& rt = model.route_tables[res.id];
      rt.res = &res;
      rt.vpc = RefId(graph, Arg(p, "vpc_id"));
      AddInlineRoutes(graph, rt, res);
    } else if (t == "aws_default_route_table") {
      // Manages the main route table of the VPC it names.
      RouteTable& rt = model.route_tables[res.id];
      rt.res = &res;
      const Value& main = Arg(p, "default_route_table_id");
      if (RefersTo(main, "default_route_table_id") || RefersTo(main, "main_route_table_id")) {
        rt.vpc = RefId(graph, main);
        if (!rt.vpc.empty()) model.main_route_tables[rt.vpc] = res.id;
      } else {
        model.unresolved_associations = true;
      }
      AddInlineRoutes(graph, rt, res);
    } else if (t == "aws_route") {
      routes.push_back(&res);
    } else if (t == "aws_route_table_association") {
      if (!Arg(p, "gateway_id").is_absent()) continue;  // an edge association, no subnet
      AddAssociation(graph, model, Arg(p, "subnet_id"), Arg(p, "route_table_id"));
    } else if (t == "aws_main_route_table_association") {
      std::string vpc = RefId(graph, Arg(p, "vpc_id"));
      std::string table = RefId(graph, Arg(p, "route_table_id"));
      if (vpc.empty() || table.empty()) {
        model.unresolved_associations = true;
      } else {
        model.main_route_tables[vpc] = table;
      }
    } else if (t == "aws_nat_gateway") {
      NatGateway& nat = model.nat_gateways[res.id];
      nat.res = &res;
      nat.subnet = RefId(graph, Arg(p, "subnet_id"));
      nat.private_connectivity = Arg(p, "connectivity_type").AsString() == "private";
    } else if (t == "aws_internet_gateway") {
      model.internet_gateways[res.id] = RefId(graph, Arg(p, "vpc_id"));
    } else if (t == "aws_internet_gateway_attachment") {
      std::string igw = RefId(graph, Arg(p, "internet_gateway_id"));
      if (!igw.empty()) model.internet_gateways[igw] = RefId(graph, Arg(p, "vpc_id"));
    } else if (t == "aws_security_group") {
      AdaptSecurityGroup(graph, model, res);
    } else if (t == "aws_security_group_rule" || t == "aws_vpc_security_group_ingress_rule") {
      rules.push_back(&res);
    } else if (t == "aws_lb" || t == "aws_alb") {
      AdaptLoadBalancer(graph, model, res, false);
    } else if (t == "aws_elb") {
      AdaptLoadBalancer(graph, model, res, true);
    } else if (t == "aws_lb_target_group" || t == "aws_alb_target_group") {
      model.target_groups[res.id].res = &res;
    } else if (t == "aws_lb_target_group_attachment" || t == "aws_alb_target_group_attachment" ||
               t == "aws_autoscaling_attachment" || t == "aws_elb_attachment") {
      attachments.push_back(&res);
    } else if (t == "aws_lb_listener" || t == "aws_alb_listener" || t == "aws_lb_listener_rule" ||
               t == "aws_alb_listener_rule") {
      listeners.push_back(&res);
    } else if (t == "aws_launch_template") {
      AdaptLaunchTemplate(graph, model, res);
    } else if (t == "aws_launch_configuration") {
      AdaptLaunchConfiguration(graph, model, res);
    } else if (t == "aws_autoscaling_group") {
      AdaptAutoScalingGroup(graph, model, res);
    } else if (t == "aws_instance") {
      AdaptInstance(graph, model, res);
    } else if (t == "aws_ecs_service") {
      AdaptEcsService(graph, model, res);
    } else if (t == "aws_db_instance" || t == "aws_rds_cluster_instance") {
      AdaptDbInstance(graph, model, res);
    } else if (t == "aws_rds_cluster") {
      AdaptDbCluster(graph, model, res);
    } else if (t == "aws_db_subnet_group" || t == "aws_elasticache_subnet_group") {
      AdaptSubnetGroup(model, res);
    } else if (t == "aws_elasticache_replication_group" || t == "aws_elasticache_cluster") {
      AdaptDataStore(graph, model, res, "security_group_ids");
    } else if (t == "aws_docdb_cluster" || t == "aws_redshift_cluster") {
      AdaptDataStore(graph, model, res, "vpc_security_group_ids");
    }
  }

  for (const Resource* res : cidr_blocks) {
    if (Vpc* vpc = MutableView(model.vpcs, RefId(graph, Arg(res->properties, "vpc_id")))) {
      vpc->secondary_cidrs.push_back(Arg(res->properties, "cidr_block"));
    }
  }
  for (const Resource* res : routes) {
    std::string table = RefId(graph, Arg(res->properties, "route_table_id"));
    if (RouteTable* rt = MutableView(model.route_tables, table)) {
      rt->routes.push_back(MakeRoute(graph, *res, res->properties, "destination_cidr_block",
                                     "destination_ipv6_cidr_block", res->pos));
    }
  }
  for (const Resource* res : rules) {
    const Value& p = res->properties;
    bool rule_resource = res->type == "aws_security_group_rule";
    if (rule_resource && Arg(p, "type").AsString() != "ingress") continue;
    std::string group = RefId(graph, Arg(p, "security_group_id"));
    if (!model.security_group(group)) continue;
    AddIngressRules(graph, model, *res, group, p,
                    rule_resource ? kRuleResource : kIngressRuleResource, res->pos, "");
  }
  for (const Resource* res : attachments) {
    const Value& p = res->properties;
    if (res->type == "aws_autoscaling_attachment") {
      AutoScalingGroup* asg =
          MutableView(model.auto_scaling_groups, RefId(graph, Arg(p, "autoscaling_group_name")));
      if (!asg) continue;
      asg->attached_to_lb = true;
      RefIds(graph, Arg(p, "lb_target_group_arn"), asg->target_groups);
      RefIds(graph, Arg(p, "alb_target_group_arn"), asg->target_groups);
      RefIds(graph, Arg(p, "elb"), asg->classic_lbs);
      continue;
    }
    bool classic = res->type == "aws_elb_attachment";
    std::string tg = RefId(graph, Arg(p, classic ? "elb" : "target_group_arn"));
    TargetGroup* view = MutableView(model.target_groups, tg);
    if (!view) continue;
    std::string target = RefId(graph, Arg(p, classic ? "instance" : "target_id"));
    if (model.instances.contains(target)) view->target_instances.push_back(target);
  }
  for (const Resource* res : listeners) {
    const Value& p = res->properties;
    std::string lb = RefId(graph, Arg(p, "load_balancer_arn"));
    if (lb.empty()) {
      // A listener rule names its listener, which names the load balancer.
      if (const Resource* listener = graph.Find(RefId(graph, Arg(p, "listener_arn")))) {
        lb = RefId(graph, Arg(listener->properties, "load_balancer_arn"));
      }
    }
    const Value& actions =
        Arg(p, "default_action").is_absent() ? Arg(p, "action") : Arg(p, "default_action");
    std::vector<std::string> tgs;
    for (const Value& action : actions.items()) ForwardedTargetGroups(graph, action, tgs);
    for (const std::string& tg : tgs) {
      if (TargetGroup* view = MutableView(model.target_groups, tg); view && !lb.empty()) {
        view->load_balancers.push_back(lb);
      }
    }
  }
  AdaptNetViews(graph, model);
  AdaptListeners(graph, model);
  LinkIngressRules(model);
  AdaptTfHaViews(graph, model);
}

}  // namespace halint
