// CIDR arithmetic shared by the front ends and the rules: parsing IPv4 and IPv6 blocks,
// containment and overlap, CloudFormation's Fn::Cidr and Terraform's cidrsubnet().
#pragma once

#include <cstdint>
#include <optional>
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

// An address of either family; IPv4 addresses use the low 32 bits.
using IpAddress = unsigned __int128;

// A parsed block: the addresses first() .. last() of one family.
struct CidrBlock {
  IpAddress network = 0;  // host bits cleared
  int prefix = 0;
  bool ipv6 = false;

  int width() const { return ipv6 ? 128 : 32; }
  IpAddress first() const { return network; }
  IpAddress last() const;
  // Same family and every address of `inner` is in this block.
  bool Contains(const CidrBlock& inner) const;
  // Same family and at least one address in common (for CIDR blocks: one contains the
  // other).
  bool Overlaps(const CidrBlock& other) const;
  // "10.0.0.0/16", "2001:db8::/56" (RFC 5952 text).
  std::string ToString() const;
};

// Parses "10.0.0.0/16" or "2001:db8::/56" (an IPv6 address may end in dotted IPv4, as in
// "::ffff:10.0.0.0/104"). Host bits are cleared: "10.0.1.5/16" is 10.0.0.0/16. nullopt
// for anything else, including a missing or out-of-range prefix length.
std::optional<CidrBlock> ParseCidr(std::string_view text);

// "10.0.0.1" / "2001:db8::1".
std::string FormatAddress(IpAddress address, bool ipv6);

struct CidrSubnetResult {
  std::string cidr;   // the subnet, as Terraform prints it
  std::string error;  // non-empty on failure, Terraform's wording

  bool ok() const { return error.empty(); }
};

// Terraform's `cidrsubnet(prefix, newbits, netnum)` (Terraform 1.x, go-cidr SubnetBig),
// quirks included so that results match `terraform console` exactly:
// - host bits of `prefix` are ignored ("10.1.2.3/16" is 10.1.0.0/16); IPv4 octets may have
//   leading zeros ("010" is 10);
// - the result has prefix length prefix + newbits and network number `netnum`:
//   cidrsubnet("10.0.0.0/16", 8, 2) = "10.0.2.0/24",
//   cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162) = "fd00:fd12:3456:7800:a200::/72";
// - errors: "invalid CIDR expression: invalid CIDR address: <prefix>",
//   "insufficient address space to extend prefix of <p> by <newbits>" (p + newbits beyond
//   32 / 128), "prefix extension of <newbits> does not accommodate a subnet numbered
//   <netnum>" (|netnum| >= 2^newbits for newbits < 64);
// - a negative newbits shortens the prefix without masking ("10.0.0.0/8", -1, 0 gives
//   "10.0.0.0/7"), and "<nil>" when the length would be negative;
// - a negative netnum that passes the check above yields the magnitude of the two's
//   complement OR (("10.0.0.0/16", 8, -1) gives "0.0.1.0/24");
// - an IPv6 result inside ::ffff:0:0/96 prints as IPv4 ("::/64", 32, 65535 gives
//   "0.0.0.0/0").
// Where Terraform itself would crash (a result that does not fit the address), this
// returns an error. Callers convert Terraform numbers to int64 first (a netnum beyond
// int64 is the caller's error).
CidrSubnetResult CidrSubnet(std::string_view prefix, int64_t newbits, int64_t netnum);

}  // namespace halint
