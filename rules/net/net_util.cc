#include "rules/net/net_util.h"

namespace halint {

std::optional<CidrBlock> BlockOf(const Value& v) {
  if (!v.is_string()) return std::nullopt;
  return ParseCidr(v.string_value());
}

VpcBlocks BlocksOf(const Vpc& vpc, bool ipv6) {
  VpcBlocks out;
  auto add = [&](const Value& v, bool primary) {
    std::optional<CidrBlock> b = BlockOf(v);
    if (!b || b->ipv6 != ipv6) {
      out.complete = false;
      return;
    }
    out.blocks.push_back({*b, primary || !vpc.conditional_cidrs});
  };
  if (ipv6) {
    for (const Value& v : vpc.ipv6_cidrs) add(v, false);
  } else {
    // An absent CidrBlock means an IPAM-allocated block: unknown.
    add(vpc.cidr, true);
    for (const Value& v : vpc.secondary_cidrs) add(v, false);
  }
  return out;
}

std::string JoinBlocks(const std::vector<VpcBlock>& blocks) {
  std::string out;
  for (const VpcBlock& b : blocks) {
    if (!out.empty()) out += ", ";
    out += b.block.ToString();
  }
  return out;
}

}  // namespace halint
