#include "rules/ha/ha001_az_spread.h"

#include <set>

#include "rules/rule_util.h"

namespace halint {

const RuleInfo& Ha001AzSpread::info() const {
  static const RuleInfo kInfo{
      .id = "HA001",
      .slug = "az-spread",
      .title = "Load balancers, Auto Scaling groups and subnet groups span two AZs",
      .severity = Severity::kError,
      .rationale =
          "An Availability Zone can fail as a unit. A load balancer, an Auto Scaling group, a "
          "DB or cache subnet group, or a VPC tier whose subnets all sit in one AZ goes down "
          "with that AZ, however many instances it runs.",
      .remediation =
          "Give the resource subnets in at least two AZs. CloudFormation: list a subnet per AZ "
          "in the load balancer's Subnets (or SubnetMappings), the Auto Scaling group's "
          "VPCZoneIdentifier, and the subnet group's SubnetIds, and create public and private "
          "subnets with distinct AvailabilityZone values (e.g. !Select [0, !GetAZs ''] and "
          "!Select [1, !GetAZs '']). Terraform: subnets, vpc_zone_identifier and subnet_ids "
          "with aws_subnet resources in distinct availability_zone values.",
      .bad_example = R"yaml(Workers:
  Type: AWS::AutoScaling::AutoScalingGroup
  Properties:
    VPCZoneIdentifier: [!Ref SubnetA]   # one subnet, one AZ)yaml",
      .good_example = R"yaml(Workers:
  Type: AWS::AutoScaling::AutoScalingGroup
  Properties:
    VPCZoneIdentifier: [!Ref SubnetA, !Ref SubnetB]   # AZ 0 and AZ 1)yaml",
      .tags = {"reliability", "availability-zones"},
  };
  return kInfo;
}

namespace {

// What a checked list holds: subnets (IDs) or Availability Zones (names).
enum class Items : uint8_t { kSubnets, kAzs };

// The AZ of each item. A subnet of the template gives its AZ; a subnet written as a literal
// ID or an unresolved value has an unknown AZ (a subnet ID is never read as an AZ name).
std::vector<AzKey> AzsOf(const Model& model, const std::vector<Value>& items, Items kind) {
  std::vector<AzKey> out;
  for (const Value& item : items) {
    if (kind == Items::kAzs) {
      out.push_back(AzFromValue(item));
    } else {
      const Subnet* s = model.SubnetOf(item);
      out.push_back(s ? s->az : AzKey());
    }
  }
  return out;
}

// Reports when a group of subnets (or AZs) has one member or provably one AZ.
void CheckGroup(const Model& model, RuleContext& ctx, const Resource& res,
                std::string_view property, Items kind, const std::vector<Value>& items, bool known,
                std::string_view what) {
  // A one-item list is one subnet (or AZ) whatever the item resolves to; more items are
  // judged only when every one is known.
  if (items.empty() || (!known && items.size() > 1)) return;
  SourcePos pos = PropertyPos(res, property);
  std::string path = PropPath(res, property);
  std::vector<AzKey> keys = AzsOf(model, items, kind);
  if (items.size() == 1) {
    std::string member;
    if (const Subnet* s = kind == Items::kSubnets ? model.SubnetOf(items.front()) : nullptr) {
      member = Quote(s->res->id) + (s->az.known() ? " (" + s->az.Label() + ")" : "");
    } else if (keys.front().known()) {
      member = keys.front().Label();
    } else {
      member = kind == Items::kSubnets ? "one subnet" : "one AZ";
    }
    ctx.Report(res, pos, path,
               Quote(res.id) + " (" + res.type + ") lists only " + member + " in " +
                   std::string(property) + "; " + std::string(what) +
                   " in one AZ fail with that AZ: list at least two AZs");
    return;
  }
  std::optional<std::vector<AzKey>> azs = DistinctAzs(keys);
  if (azs && azs->size() == 1) {
    ctx.Report(res, pos, path,
               Quote(res.id) + " (" + res.type + ") lists " + std::to_string(items.size()) +
                   " entries in " + std::string(property) + ", all in " + azs->front().Label() +
                   "; " + std::string(what) +
                   " in one AZ fail with that AZ: spread them over at least two AZs");
  }
}

void CheckVpcTier(const Model& model, RuleContext& ctx, const Vpc& vpc, SubnetRole role) {
  std::vector<const Subnet*> members;
  for (const Subnet* s : model.SubnetsOfVpc(vpc.res->id)) {
    if (s->role == SubnetRole::kUnknown) return;  // could be either: the set is not known
    if (s->role == role) members.push_back(s);
  }
  if (members.empty()) return;
  std::string role_name(SubnetRoleName(role));
  std::vector<AzKey> keys;
  std::vector<RelatedLocation> related;
  for (const Subnet* s : members) {
    keys.push_back(s->az);
    related.push_back(ctx.Related(*s->res, role_name + " subnet in " + s->az.Label()));
  }
  if (members.size() == 1) {
    ctx.Report(*vpc.res, vpc.res->pos, "",
               Quote(vpc.res->id) + " has only one " + role_name + " subnet, " +
                   Quote(members.front()->res->id) + " (" + members.front()->az.Label() +
                   "); its " + role_name + " tier fails with that AZ: add a " + role_name +
                   " subnet in a second AZ",
               std::move(related));
    return;
  }
  std::optional<std::vector<AzKey>> azs = DistinctAzs(keys);
  if (azs && azs->size() == 1) {
    ctx.Report(*vpc.res, vpc.res->pos, "",
               "all " + std::to_string(members.size()) + " " + role_name + " subnets of " +
                   Quote(vpc.res->id) + " are in " + azs->front().Label() + "; its " + role_name +
                   " tier fails with that AZ: add a " + role_name + " subnet in a second AZ",
               std::move(related));
  }
}

}  // namespace

void Ha001AzSpread::Check(const Model& model, RuleContext& ctx) const {
  std::set<std::string> hosting_vpcs;  // VPCs that host a load balancer or an ASG
  auto note_vpcs = [&](const std::vector<Value>& items) {
    for (const Value& item : items) {
      if (const Subnet* s = model.SubnetOf(item); s && !s->vpc.empty()) hosting_vpcs.insert(s->vpc);
    }
  };

  for (const auto& [id, lb] : model.load_balancers) {
    note_vpcs(lb.subnet_items);
    if (lb.kind == LbKind::kGateway || lb.kind == LbKind::kUnknown) continue;
    if (lb.kind == LbKind::kClassic && lb.subnets_value.is_absent()) {
      // A classic LB outside a VPC (or in the default VPC) names its AZs instead.
      CheckGroup(model, ctx, *lb.res, "AvailabilityZones", Items::kAzs, lb.az_items, lb.azs_known,
                 "load balancer nodes");
      continue;
    }
    bool mappings = lb.res->properties.FindEntry("SubnetMappings") != nullptr;
    CheckGroup(model, ctx, *lb.res, mappings ? "SubnetMappings" : "Subnets", Items::kSubnets,
               lb.subnet_items, lb.subnets_known, "load balancer nodes");
  }
  for (const auto& [id, asg] : model.auto_scaling_groups) {
    note_vpcs(asg.subnet_items);
    if (!asg.subnets_value.is_absent()) {
      CheckGroup(model, ctx, *asg.res, "VPCZoneIdentifier", Items::kSubnets, asg.subnet_items,
                 asg.subnets_known, "instances");
    } else {
      CheckGroup(model, ctx, *asg.res, "AvailabilityZones", Items::kAzs, asg.az_items,
                 asg.azs_known, "instances");
    }
  }
  for (const auto& [id, group] : model.subnet_groups) {
    CheckGroup(model, ctx, *group.res, "SubnetIds", Items::kSubnets, group.subnet_items,
               group.subnets_known, "databases and caches");
  }
  for (const std::string& vpc_id : hosting_vpcs) {
    const Vpc* vpc = model.vpc(vpc_id);
    if (!vpc) continue;
    CheckVpcTier(model, ctx, *vpc, SubnetRole::kPublic);
    CheckVpcTier(model, ctx, *vpc, SubnetRole::kPrivate);
  }
}

}  // namespace halint
