#include "rules/ha/ha005_asg_capacity.h"

#include "rules/rule_util.h"

namespace halint {

const RuleInfo& Ha005AsgCapacity::info() const {
  static const RuleInfo kInfo{
      .id = "HA005",
      .slug = "asg-capacity",
      .title = "Auto Scaling groups keep at least two instances",
      .severity = Severity::kError,
      .rationale =
          "An Auto Scaling group allowed to shrink to one instance (or none) runs on one "
          "host in one AZ: when that instance or its AZ fails, the service is down until a "
          "replacement has booted and passed its health checks, however many subnets the "
          "group spans.",
      .remediation =
          "Set MinSize to 2 or more (and DesiredCapacity accordingly) on the "
          "AWS::AutoScaling::AutoScalingGroup, with VPCZoneIdentifier subnets in two or more "
          "AZs. Terraform: min_size >= 2 on aws_autoscaling_group. A deliberate "
          "single-instance, self-healing group (MinSize = MaxSize = 1 over two AZs) is "
          "reported as a note only.",
      .bad_example = R"yaml(Web:
  Type: AWS::AutoScaling::AutoScalingGroup
  Properties:
    MinSize: "1"
    MaxSize: "4"
    VPCZoneIdentifier: [!Ref AppSubnetA, !Ref AppSubnetB])yaml",
      .good_example = R"yaml(Web:
  Type: AWS::AutoScaling::AutoScalingGroup
  Properties:
    MinSize: "2"
    MaxSize: "4"
    VPCZoneIdentifier: [!Ref AppSubnetA, !Ref AppSubnetB])yaml",
      .tags = {"reliability", "compute"},
  };
  return kInfo;
}

namespace {

// How many AZs the group's subnets (or AZs) provably span: 1 when it has one entry or all
// its entries are in one AZ; 0 when that is not known (unresolved lists or AZs).
size_t AzCount(const Model& model, const AutoScalingGroup& asg) {
  std::vector<AzKey> keys;
  if (!asg.subnets_value.is_absent()) {
    if (!asg.subnets_value.is_list()) return 0;
    for (const Value& item : asg.subnet_items) {
      const Subnet* s = model.SubnetOf(item);
      keys.push_back(s ? s->az : AzKey());
    }
  } else {
    if (!asg.azs_value.is_absent() && !asg.azs_value.is_list()) return 0;
    for (const Value& az : asg.az_items) keys.push_back(AzFromValue(az));
  }
  if (keys.size() < 2) return 1;
  std::optional<std::vector<AzKey>> azs = DistinctAzs(keys);
  return azs ? azs->size() : 0;
}

}  // namespace

void Ha005AsgCapacity::Check(const Model& model, RuleContext& ctx) const {
  for (const auto& [id, asg] : model.auto_scaling_groups) {
    std::optional<int64_t> min = asg.min_size.AsInt();
    if (!min || *min >= 2) continue;
    const Resource& res = *asg.res;
    std::string subject = Quote(id) + " (" + res.type + ")";
    std::string name = PropName(res, "MinSize");
    std::optional<int64_t> max = asg.max_size.AsInt();
    size_t azs = AzCount(model, asg);
    if (*min == 1 && max == 1 && azs != 1) {
      // The single-instance self-healing pattern; unknown AZs get the benefit of the doubt.
      std::string spread =
          azs == 0 ? "; its AZs are not known" : " over " + std::to_string(azs) + " AZs";
      ctx.ReportWithSeverity(Severity::kNote, res, PropertyPos(res, "MinSize"),
                             PropPath(res, "MinSize"),
                             subject + " runs a single self-healing instance (" + name + " = " +
                                 PropName(res, "MaxSize") + " = 1" + spread +
                                 "): the service is down while a replacement boots; set " + name +
                                 " to at least 2 if that downtime matters");
      continue;
    }
    ctx.Report(res, PropertyPos(res, "MinSize"), PropPath(res, "MinSize"),
               subject + " has " + name + " " + std::to_string(*min) + ": the group may run " +
                   (*min == 0 ? "no instance" : "a single instance") +
                   ", which fails with its host or AZ; set " + name + " to at least 2");
  }
}

}  // namespace halint
