#include "rules/sec/ingress_util.h"

#include "rules/rule_util.h"

namespace halint {
namespace {

bool MatchesVpcCidr(const Vpc& vpc, const std::string& cidr) {
  if (vpc.cidr.AsString() == cidr) return true;
  for (const Value& v : vpc.secondary_cidrs) {
    if (v.AsString() == cidr) return true;
  }
  return false;
}

const Vpc* VpcWithCidr(const Model& model, const SecurityGroup& sg, const std::string& cidr) {
  if (const Vpc* vpc = model.vpc(sg.vpc)) return MatchesVpcCidr(*vpc, cidr) ? vpc : nullptr;
  for (const auto& [id, vpc] : model.vpcs) {
    if (MatchesVpcCidr(vpc, cidr)) return &vpc;
  }
  return nullptr;
}

}  // namespace

std::string IngressHead(const IngressRule& rule) {
  std::string what = DescribePorts(rule);
  // FromPort/ToPort mean ICMP type and code for ICMP, and ports of another protocol for UDP:
  // say which, so "port 53" is not read as TCP.
  std::optional<std::string> proto = rule.protocol.AsString();
  if (proto == "icmp" || proto == "1") {
    what = "ICMP traffic";
  } else if (proto == "icmpv6" || proto == "58") {
    what = "ICMPv6 traffic";
  } else if (proto == "udp" || proto == "17") {
    what = "UDP " + (what.empty() ? "traffic" : what);
  } else if (proto && *proto != "tcp" && *proto != "6" && *proto != "-1" && *proto != "all") {
    what = "protocol " + *proto + " traffic";
  }
  return Quote(rule.group) + " admits " + (what.empty() ? "traffic" : what) + " from ";
}

std::string DescribeCidrSource(const Model& model, const SecurityGroup& sg,
                               const IngressRule& rule) {
  if (std::optional<std::string> v4 = rule.cidr_ipv4.AsString()) {
    if (v4->ends_with("/0")) return *v4 + " (the whole internet)";
    if (const Vpc* vpc = VpcWithCidr(model, sg, *v4)) {
      return *v4 + " (the whole VPC " + Quote(vpc->res->id) + ")";
    }
    return "the address range " + *v4;
  }
  if (std::optional<std::string> v6 = rule.cidr_ipv6.AsString()) {
    if (v6->ends_with("/0")) return *v6 + " (the whole IPv6 internet)";
    return "the address range " + *v6;
  }
  if (std::optional<std::string> pl = rule.prefix_list.AsString()) {
    return "prefix list " + Quote(*pl);
  }
  return "";
}

bool SourceIsVpcCidr(const Model& model, const SecurityGroup& sg, const IngressRule& rule) {
  std::optional<std::string> v4 = rule.cidr_ipv4.AsString();
  return v4 && !v4->ends_with("/0") && VpcWithCidr(model, sg, *v4) != nullptr;
}

bool IngressCertain(const IngressRule& rule) { return !rule.declared_by->condition_unknown; }

void ReportIngress(RuleContext& ctx, const IngressRule& rule, std::string message) {
  const Value& source = rule.cidr_ipv4.is_known()     ? rule.cidr_ipv4
                        : rule.cidr_ipv6.is_known()   ? rule.cidr_ipv6
                        : rule.prefix_list.is_known() ? rule.prefix_list
                                                      : rule.source_group_value;
  ctx.Report(*rule.declared_by, PosOr(source, rule.pos), rule.property_path, std::move(message));
}

}  // namespace halint
