// Helpers shared by the NET rules: the CIDR values of the model as parsed blocks.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzer/model/model.h"
#include "parsers/cfn/cidr.h"

namespace halint {

// The block a value denotes when it is a known CIDR string; nullopt when it is absent,
// unresolved, a reference or malformed.
std::optional<CidrBlock> BlockOf(const Value& v);

struct VpcBlock {
  CidrBlock block;
  // False for a secondary block of a VPC with blocks behind unknown conditions: it may
  // not exist.
  bool certain = true;
};

// The known blocks of one family of a VPC (IPv4: CidrBlock then the secondary blocks;
// IPv6: its IPv6 blocks). `complete` is false when some block of that family is unknown
// (unresolved, IPAM- or Amazon-allocated, malformed), so an address outside the known
// blocks may still be inside the VPC.
struct VpcBlocks {
  std::vector<VpcBlock> blocks;
  bool complete = true;
};
VpcBlocks BlocksOf(const Vpc& vpc, bool ipv6);

// "10.0.0.0/16" / "10.0.0.0/16, 100.64.0.0/16".
std::string JoinBlocks(const std::vector<VpcBlock>& blocks);

}  // namespace halint
