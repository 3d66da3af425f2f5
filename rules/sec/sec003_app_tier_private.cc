#include "rules/sec/sec003_app_tier_private.h"

#include <set>

#include "rules/rule_util.h"

namespace halint {

const RuleInfo& Sec003AppTierPrivate::info() const {
  static const RuleInfo kInfo{
      .id = "SEC003",
      .slug = "app-tier-private",
      .title = "App servers sit in private subnets; public LBs in public subnets",
      .severity = Severity::kError,
      .rationale =
          "An app server in a public subnet, or with a public IP, is one security-group "
          "mistake away from the internet and bypasses the load balancer. An internet-facing "
          "load balancer placed in private subnets has no route from its clients and serves "
          "nothing.",
      .remediation =
          "Put app-tier compute in private subnets (default route to a NAT gateway) and give "
          "it no public IP: CloudFormation VPCZoneIdentifier / SubnetId / Subnets naming "
          "private subnets, AssociatePublicIpAddress: false on the launch template's network "
          "interface or launch configuration, MapPublicIpOnLaunch: false on app subnets, "
          "AssignPublicIp: DISABLED on ECS services. Terraform: vpc_zone_identifier / "
          "subnet_id, associate_public_ip_address = false, map_public_ip_on_launch = false. "
          "Put internet-facing load balancers in public subnets.",
      .bad_example = R"yaml(AppServers:
  Type: AWS::AutoScaling::AutoScalingGroup
  Properties:
    VPCZoneIdentifier: [!Ref PublicSubnetA, !Ref PublicSubnetB]   # routes to the IGW)yaml",
      .good_example = R"yaml(AppServers:
  Type: AWS::AutoScaling::AutoScalingGroup
  Properties:
    VPCZoneIdentifier: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]   # routes to NAT gateways)yaml",
      .tags = {"security", "networking"},
  };
  return kInfo;
}

namespace {

std::string Via(const Subnet& s) {
  return Quote(s.res->id) + " (default route to an internet gateway)";
}

// A resource behind an unknown condition may not exist: nothing about it is proven.
bool Certain(const Resource& res) { return !res.condition_unknown; }

// Reports each public subnet among `items` on `res`. `property` is the path of the list
// ("VPCZoneIdentifier"); each finding's path names its item, so baselines tell them apart.
// `list` is false for a single-valued property (an instance's SubnetId).
void CheckPlacement(const Model& model, RuleContext& ctx, const Resource& res,
                    std::string_view property, bool list, const std::vector<Value>& items,
                    std::string_view what, std::set<std::string>& hosting) {
  if (!Certain(res)) return;
  std::string key(property.substr(0, property.find('.')));
  for (size_t i = 0; i < items.size(); ++i) {
    const Value& item = items[i];
    const Subnet* s = model.SubnetOf(item);
    if (!s) continue;
    hosting.insert(s->res->id);
    if (s->role != SubnetRole::kPublic) continue;
    std::string path = PropPath(res, property);
    if (list) path += "[" + std::to_string(i) + "]";
    ctx.Report(res, PosOr(item, PropertyPos(res, key)), std::move(path),
               Quote(res.id) + " (" + res.type + ") places " + std::string(what) +
                   " in public subnet " + Via(*s) + "; app servers belong in private subnets",
               {ctx.Related(*s->res, "public subnet")});
  }
}

void CheckPublicIp(RuleContext& ctx, const Resource& res, const Value& value, SourcePos pos,
                   const std::string& path, std::string_view what) {
  if (value.AsBool() != true || !Certain(res)) return;
  ctx.Report(res, pos, path,
             Quote(res.id) + " (" + res.type + ") sets " +
                 PropName(res, "AssociatePublicIpAddress") + " true: " + std::string(what) +
                 " get public IPs; app servers should have none");
}

}  // namespace

void Sec003AppTierPrivate::Check(const Model& model, RuleContext& ctx) const {
  // App subnets whose compute leaves the public-IP choice to the subnet's default.
  std::set<std::string> hosting_with_default_ip;
  for (const std::string& id : model.app_asgs) {
    const AutoScalingGroup& asg = model.auto_scaling_groups.at(id);
    std::set<std::string> subnets;
    CheckPlacement(model, ctx, *asg.res, "VPCZoneIdentifier", true, asg.subnet_items,
                   "app-tier instances", subnets);
    // A launch template of another stack may set AssociatePublicIpAddress: unknown, not the
    // subnet's default.
    const LaunchSpec* spec = Model::Get(model.launch_specs, asg.launch_spec);
    if (spec && spec->associate_public_ip.is_absent()) {
      hosting_with_default_ip.insert(subnets.begin(), subnets.end());
    }
  }
  for (const std::string& id : model.app_launch_specs) {
    const LaunchSpec* spec = Model::Get(model.launch_specs, id);
    if (!spec) continue;
    CheckPublicIp(ctx, *spec->res, spec->associate_public_ip, spec->associate_public_ip_pos,
                  spec->associate_public_ip_path, "its app-tier instances");
  }
  for (const std::string& id : model.app_instances) {
    const Instance& inst = model.instances.at(id);
    std::set<std::string> subnets;
    std::vector<Value> items;
    if (inst.subnet_value.is_known()) items.push_back(inst.subnet_value);
    CheckPlacement(model, ctx, *inst.res, "SubnetId", false, items, "an app-tier instance",
                   subnets);
    if (inst.associate_public_ip.is_absent()) {
      hosting_with_default_ip.insert(subnets.begin(), subnets.end());
    }
    CheckPublicIp(ctx, *inst.res, inst.associate_public_ip, inst.associate_public_ip_pos,
                  inst.associate_public_ip_path, "the app-tier instance's interfaces");
  }
  for (const std::string& id : model.app_ecs_services) {
    const EcsService& svc = model.ecs_services.at(id);
    std::set<std::string> subnets;
    CheckPlacement(model, ctx, *svc.res, "NetworkConfiguration.AwsvpcConfiguration.Subnets", true,
                   svc.subnet_items, "app-tier tasks", subnets);
    if (svc.assign_public_ip.AsString() == "ENABLED" && Certain(*svc.res)) {
      ctx.Report(*svc.res, PosOr(svc.assign_public_ip, svc.res->pos),
                 PropPath(*svc.res, "NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp"),
                 Quote(id) + " (" + svc.res->type + ") sets " +
                     PropName(*svc.res, "AssignPublicIp") +
                     " ENABLED: its app-tier tasks get public IPs; app "
                     "tasks should have none");
    }
  }

  for (const std::string& id : hosting_with_default_ip) {
    const Subnet* s = model.subnet(id);
    if (!s || s->map_public_ip.AsBool() != true || !Certain(*s->res)) continue;
    ctx.Report(
        *s->res, PosOr(s->map_public_ip, s->res->pos), PropPath(*s->res, "MapPublicIpOnLaunch"),
        Quote(id) + " (" + s->res->type + ") sets " + PropName(*s->res, "MapPublicIpOnLaunch") +
            " true and hosts app-tier compute: its instances "
            "get public IPs; app subnets should not assign them");
  }

  for (const auto& [id, lb] : model.load_balancers) {
    if (lb.internet_facing != true || !Certain(*lb.res)) continue;
    // Location detail only: which of the two list properties the items came from.
    bool mappings = !lb.res->properties[PropName(*lb.res, "SubnetMappings")].is_absent();
    for (size_t i = 0; i < lb.subnet_items.size(); ++i) {
      const Value& item = lb.subnet_items[i];
      const Subnet* s = model.SubnetOf(item);
      if (!s || (s->role != SubnetRole::kPrivate && s->role != SubnetRole::kIsolated)) continue;
      std::string path = PropPath(*lb.res, mappings ? "SubnetMappings" : "Subnets") + "[" +
                         std::to_string(i) + "]" +
                         (mappings ? "." + PropName(*lb.res, "SubnetId") : "");
      ctx.Report(*lb.res, PosOr(item, lb.res->pos), std::move(path),
                 "internet-facing " + Quote(id) + " (" + lb.res->type + ") is in " +
                     std::string(SubnetRoleName(s->role)) + " subnet " + Quote(s->res->id) +
                     ", which has no route to an internet gateway: clients cannot reach it",
                 {ctx.Related(*s->res, std::string(SubnetRoleName(s->role)) + " subnet")});
    }
  }
}

}  // namespace halint
