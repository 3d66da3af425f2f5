// Derived topology: what the template's wiring implies about each subnet, route table and
// security group. Computed once per template; rules only read the results.
#include <algorithm>

#include "analyzer/model/adapt_util.h"
#include "analyzer/model/model.h"

namespace halint {
namespace {

bool IsPrivateEgress(RouteTarget t) {
  return t == RouteTarget::kNatGateway || t == RouteTarget::kNatInstance ||
         t == RouteTarget::kTransitGateway || t == RouteTarget::kEgressOnlyGateway ||
         t == RouteTarget::kVpnGateway || t == RouteTarget::kPeering;
}

// public: a certain default route to an internet gateway. private: a certain default route
// to NAT / transit / VPN / peering. isolated: no route that is or may be a default route.
// Anything else (a conditional route, an unresolved destination or target) is unknown.
void ClassifyRouteTable(RouteTable& rt) {
  bool uncertain = false;
  const Route* egress = nullptr;
  for (const Route& r : rt.routes) {
    bool is_default = r.IsDefaultIpv4() || r.IsDefaultIpv6();
    if (!is_default) {
      if (r.DestinationUnknown()) uncertain = true;
      continue;
    }
    if (!r.certain || r.target == RouteTarget::kUnknown) {
      uncertain = true;
    } else if (r.target == RouteTarget::kInternetGateway) {
      rt.role = SubnetRole::kPublic;
      rt.default_route = &r;
      return;
    } else if (IsPrivateEgress(r.target)) {
      if (!egress) egress = &r;
    } else {
      uncertain = true;
    }
  }
  if (uncertain) {
    rt.role = SubnetRole::kUnknown;
  } else if (egress) {
    rt.role = SubnetRole::kPrivate;
    rt.default_route = egress;
  } else {
    rt.role = SubnetRole::kIsolated;
  }
}

void ClassifySubnets(Model& model) {
  for (auto& [id, subnet] : model.subnets) {
    subnet.az = AzFromValue(subnet.az_value);
    auto assoc = model.subnet_route_table.find(id);
    auto main = model.main_route_tables.find(subnet.vpc);
    if (assoc != model.subnet_route_table.end()) {
      subnet.route_table = assoc->second;
    } else if (model.unresolved_associations) {
      subnet.role = SubnetRole::kUnknown;
      continue;
    } else if (main != model.main_route_tables.end()) {
      subnet.route_table = main->second;
    } else {
      // A VPC created by this template starts with a main table holding only the local route.
      if (model.vpc(subnet.vpc)) subnet.role = SubnetRole::kIsolated;
      continue;
    }
    const RouteTable* rt = Model::Get(model.route_tables, subnet.route_table);
    subnet.role = rt ? rt->role : SubnetRole::kUnknown;
  }
}

void Insert(std::set<std::string, std::less<>>& set, const std::vector<std::string>& ids) {
  set.insert(ids.begin(), ids.end());
}

bool AdmitsAdminPort(const Model& model, const std::vector<std::string>& sgs) {
  for (const std::string& id : sgs) {
    const SecurityGroup* sg = model.security_group(id);
    if (!sg) continue;
    for (const IngressRule* rule : sg->ingress) {
      if (rule->CoversPort(22).value_or(false) || rule->CoversPort(3389).value_or(false)) {
        return true;
      }
    }
  }
  return false;
}

void DeriveTiers(Model& model) {
  for (const auto& [id, lb] : model.load_balancers) Insert(model.lb_sgs, lb.security_groups);

  for (const auto& [id, asg] : model.auto_scaling_groups) {
    if (!asg.attached_to_lb) continue;
    model.app_asgs.insert(id);
    if (!asg.launch_spec.empty()) model.app_launch_specs.insert(asg.launch_spec);
  }
  for (const auto& [id, tg] : model.target_groups) {
    for (const std::string& inst : tg.target_instances) {
      if (model.instances.count(inst)) model.app_instances.insert(inst);
    }
  }
  for (const auto& [id, svc] : model.ecs_services) {
    if (svc.target_groups.empty()) continue;
    model.app_ecs_services.insert(id);
    Insert(model.app_sgs, svc.security_groups);
  }
  for (const std::string& id : model.app_launch_specs) {
    if (const LaunchSpec* spec = Model::Get(model.launch_specs, id)) {
      Insert(model.app_sgs, spec->security_groups);
    }
  }
  for (const std::string& id : model.app_instances) {
    Insert(model.app_sgs, model.instances.at(id).security_groups);
  }

  for (const auto& [id, db] : model.db_instances) Insert(model.db_sgs, db.security_groups);
  for (const auto& [id, c] : model.db_clusters) Insert(model.db_sgs, c.security_groups);
  for (const auto& [id, d] : model.data_stores) Insert(model.db_sgs, d.security_groups);

  for (const auto& [id, inst] : model.instances) {
    if (model.app_instances.count(id)) continue;
    const Subnet* subnet = model.subnet(inst.subnet);
    if (subnet && subnet->role == SubnetRole::kPublic &&
        AdmitsAdminPort(model, inst.security_groups)) {
      model.bastions.insert(id);
      Insert(model.bastion_sgs, inst.security_groups);
    }
  }
}

void CountClusterMembers(Model& model) {
  for (const auto& [id, db] : model.db_instances) {
    DbCluster* cluster = MutableView(model.db_clusters, db.cluster);
    if (!cluster) continue;
    if (db.res->condition_unknown) {
      ++cluster->uncertain_instances;
    } else {
      cluster->instances.push_back(id);
    }
  }
}

}  // namespace

bool DbCluster::IsAurora() const {
  std::optional<std::string> e = engine.AsString();
  return e && e->starts_with("aurora");
}

void DeriveTopology(Model& model) {
  for (auto& [id, rt] : model.route_tables) ClassifyRouteTable(rt);
  ClassifySubnets(model);
  CountClusterMembers(model);
  DeriveTiers(model);
}

}  // namespace halint
