// Fn::Cidr arithmetic: splitting an IPv4 or IPv6 block into equal consecutive subnets.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace halint {

struct CidrSplit {
  std::vector<std::string> blocks;  // "10.0.0.0/24", "2001:db8::/64" (RFC 5952 text)
  std::string error;                // non-empty when the input cannot be split

  bool ok() const { return error.empty(); }
};

// What `Fn::Cidr [ip_block, count, cidr_bits]` returns: the first `count` subnets of
// `ip_block`, each with `cidr_bits` host bits (prefix 32 - bits, or 128 - bits for IPv6),
// starting at the block's network address. Fails, with a reason in `error`, on a malformed
// block, a count outside 1..256, host bits that do not fit in the block, or more subnets
// than the block holds.
CidrSplit SplitCidr(std::string_view ip_block, int64_t count, int64_t cidr_bits);

}  // namespace halint
