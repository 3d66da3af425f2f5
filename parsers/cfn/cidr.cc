#include "parsers/cfn/cidr.h"

#include <algorithm>
#include <charconv>
#include <optional>

namespace halint {
namespace {

// Addresses of both families are held in 128 bits so that one code path splits both.
using Address = IpAddress;

struct Block {
  Address address = 0;
  int prefix = 0;
  int width = 0;  // 32 or 128
};

std::optional<int64_t> ParseDecimal(std::string_view s) {
  int64_t n = 0;
  if (s.empty() || s.size() > 3) return std::nullopt;
  auto res = std::from_chars(s.data(), s.data() + s.size(), n);
  if (res.ec != std::errc() || res.ptr != s.data() + s.size()) return std::nullopt;
  return n;
}

std::optional<Address> ParseIpv4(std::string_view s) {
  Address a = 0;
  for (int i = 0; i < 4; ++i) {
    size_t dot = s.find('.');
    if ((i < 3) != (dot != std::string_view::npos)) return std::nullopt;
    std::optional<int64_t> octet = ParseDecimal(s.substr(0, dot));
    if (!octet || *octet > 255) return std::nullopt;
    a = (a << 8) | static_cast<Address>(*octet);
    if (dot != std::string_view::npos) s.remove_prefix(dot + 1);
  }
  return a;
}

// Hex groups separated by ':'; the last may be a dotted IPv4 address (two groups).
std::optional<std::vector<uint16_t>> ParseGroups(std::string_view s) {
  std::vector<uint16_t> groups;
  if (s.empty()) return groups;
  while (true) {
    size_t colon = s.find(':');
    std::string_view g = s.substr(0, colon);
    if (colon == std::string_view::npos && g.find('.') != std::string_view::npos) {
      std::optional<Address> v4 = ParseIpv4(g);
      if (!v4) return std::nullopt;
      groups.push_back(static_cast<uint16_t>(*v4 >> 16));
      groups.push_back(static_cast<uint16_t>(*v4 & 0xffff));
      return groups;
    }
    unsigned value = 0;
    if (g.empty() || g.size() > 4) return std::nullopt;
    auto res = std::from_chars(g.data(), g.data() + g.size(), value, 16);
    if (res.ec != std::errc() || res.ptr != g.data() + g.size()) return std::nullopt;
    groups.push_back(static_cast<uint16_t>(value));
    if (colon == std::string_view::npos) return groups;
    s.remove_prefix(colon + 1);
  }
}

std::optional<Address> ParseIpv6(std::string_view s) {
  size_t gap = s.find("::");
  std::optional<std::vector<uint16_t>> head = ParseGroups(s.substr(0, gap));
  std::optional<std::vector<uint16_t>> tail;
  if (gap == std::string_view::npos) {
    tail.emplace();
  } else {
    tail = ParseGroups(s.substr(gap + 2));
  }
  if (!head || !tail) return std::nullopt;
  size_t written = head->size() + tail->size();
  if (gap == std::string_view::npos ? written != 8 : written > 7) return std::nullopt;
  std::vector<uint16_t> groups = *head;
  groups.resize(8 - tail->size(), 0);
  groups.insert(groups.end(), tail->begin(), tail->end());
  Address a = 0;
  for (uint16_t g : groups) a = (a << 16) | g;
  return a;
}

std::optional<Block> ParseBlock(std::string_view text) {
  size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  Block b;
  std::string_view ip = text.substr(0, slash);
  std::optional<Address> a;
  if (ip.find(':') != std::string_view::npos) {
    b.width = 128;
    a = ParseIpv6(ip);
  } else {
    b.width = 32;
    a = ParseIpv4(ip);
  }
  std::optional<int64_t> prefix = ParseDecimal(text.substr(slash + 1));
  if (!a || !prefix || *prefix > b.width) return std::nullopt;
  b.address = *a;
  b.prefix = static_cast<int>(*prefix);
  return b;
}

std::string FormatIpv4(Address a) {
  std::string out;
  for (int shift = 24; shift >= 0; shift -= 8) {
    if (!out.empty()) out += '.';
    out += std::to_string(static_cast<unsigned>((a >> shift) & 0xff));
  }
  return out;
}

// RFC 5952: lower-case hex, leading zeros dropped, the longest run (first if tied) of two
// or more zero groups written as "::". AWS prints IPv6 blocks this way.
std::string FormatIpv6(Address a) {
  uint16_t groups[8];
  for (int i = 7; i >= 0; --i, a >>= 16) groups[i] = static_cast<uint16_t>(a & 0xffff);
  int best = -1, best_len = 1;
  for (int i = 0; i < 8;) {
    int j = i;
    while (j < 8 && groups[j] == 0) ++j;
    if (j - i > best_len) best = i, best_len = j - i;
    i = j == i ? i + 1 : j;
  }
  std::string out;
  char buf[8];
  for (int i = 0; i < 8; ++i) {
    if (i == best) {
      out += "::";
      i += best_len - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    auto res = std::to_chars(buf, buf + sizeof buf, groups[i], 16);
    out.append(buf, res.ptr);
  }
  return out;
}

Address HostMask(int width, int prefix) {
  int free_bits = width - prefix;
  // Shifting a 128-bit value by 128 is undefined, so a /0 block keeps every bit.
  return free_bits == 128 ? ~Address{0} : (Address{1} << free_bits) - 1;
}

// Go's net.IP.String(): an IPv4-mapped IPv6 address (::ffff:a.b.c.d) prints as IPv4.
bool IsIpv4Mapped(Address a) { return (a >> 32) == 0xffff; }

}  // namespace

IpAddress CidrBlock::last() const { return network | HostMask(width(), prefix); }

bool CidrBlock::Contains(const CidrBlock& inner) const {
  return ipv6 == inner.ipv6 && inner.prefix >= prefix && inner.first() >= first() &&
         inner.last() <= last();
}

bool CidrBlock::Overlaps(const CidrBlock& other) const {
  return ipv6 == other.ipv6 && first() <= other.last() && other.first() <= last();
}

std::string CidrBlock::ToString() const {
  return FormatAddress(network, ipv6) + "/" + std::to_string(prefix);
}

std::string FormatAddress(IpAddress address, bool ipv6) {
  return ipv6 ? FormatIpv6(address) : FormatIpv4(address);
}

std::optional<CidrBlock> ParseCidr(std::string_view text) {
  std::optional<Block> b = ParseBlock(text);
  if (!b) return std::nullopt;
  CidrBlock out;
  out.ipv6 = b->width == 128;
  out.prefix = b->prefix;
  out.network = b->address & ~HostMask(b->width, b->prefix);
  return out;
}

CidrSubnetResult CidrSubnet(std::string_view prefix, int64_t newbits, int64_t netnum) {
  CidrSubnetResult out;
  std::optional<CidrBlock> base = ParseCidr(prefix);
  if (!base) {
    out.error = "invalid CIDR expression: invalid CIDR address: " + std::string(prefix);
    return out;
  }
  const int width = base->width();
  const int64_t new_prefix = base->prefix + newbits;
  if (new_prefix > width) {
    out.error = "insufficient address space to extend prefix of " + std::to_string(base->prefix) +
                " by " + std::to_string(newbits);
    return out;
  }
  // go-cidr compares the magnitude's low 64 bits with 2^newbits - 1 computed in uint64,
  // where a shift by 64 or more (or by a negative amount, as uint64) is 0.
  uint64_t max_netnum = newbits >= 0 && newbits < 64 ? (uint64_t{1} << newbits) - 1 : ~uint64_t{0};
  uint64_t magnitude =
      netnum < 0 ? uint64_t{0} - static_cast<uint64_t>(netnum) : static_cast<uint64_t>(netnum);
  if (magnitude > max_netnum) {
    out.error = "prefix extension of " + std::to_string(newbits) +
                " does not accommodate a subnet numbered " + std::to_string(netnum);
    return out;
  }
  if (new_prefix < 0) {  // net.CIDRMask gives nil, which Go prints as "<nil>"
    out.cidr = "<nil>";
    return out;
  }
  const int shift = width - static_cast<int>(new_prefix);
  const std::string fits_error = "cidrsubnet(\"" + std::string(prefix) + "\", " +
                                 std::to_string(newbits) + ", " + std::to_string(netnum) +
                                 ") does not fit in an IPv" + (base->ipv6 ? "6" : "4") + " address";
  // |netnum| << shift must fit in 128 bits (it always does for newbits >= 0).
  if (magnitude != 0 &&
      (shift >= 128 || (shift > 64 && (Address{magnitude} >> (128 - shift)) != 0))) {
    out.error = fits_error;
    return out;
  }
  Address shifted = Address{magnitude} << shift;
  Address result;
  if (netnum >= 0) {
    result = base->network | shifted;
  } else {
    // Go ORs the non-negative address with the negative number (infinite two's
    // complement), a negative result whose magnitude becomes the address.
    Address x = base->network | (Address{0} - shifted);
    result = Address{0} - x;
    if (x == 0) {
      out.error = fits_error;
      return out;
    }
  }
  if (width == 32 && result > 0xffffffffu) {
    out.error = fits_error;
    return out;
  }
  int length = static_cast<int>(new_prefix);
  if (base->ipv6 && IsIpv4Mapped(result)) {
    out.cidr = FormatIpv4(result & 0xffffffffu) + "/" + std::to_string(std::max(0, length - 96));
  } else {
    out.cidr = FormatAddress(result, base->ipv6) + "/" + std::to_string(length);
  }
  return out;
}

CidrSplit SplitCidr(std::string_view ip_block, int64_t count, int64_t cidr_bits) {
  CidrSplit out;
  std::optional<Block> block = ParseBlock(ip_block);
  if (!block) {
    out.error = "'" + std::string(ip_block) + "' is not an IPv4 or IPv6 CIDR block";
    return out;
  }
  if (count < 1 || count > 256) {
    out.error = "Fn::Cidr count " + std::to_string(count) + " is not between 1 and 256";
    return out;
  }
  int free_bits = block->width - block->prefix;
  if (cidr_bits < 0 || cidr_bits > free_bits) {
    out.error = "Fn::Cidr cidrBits " + std::to_string(cidr_bits) + " does not fit in /" +
                std::to_string(block->prefix) + " (at most " + std::to_string(free_bits) + ")";
    return out;
  }
  int subnet_bits = free_bits - static_cast<int>(cidr_bits);
  if (subnet_bits < 9 && count > (int64_t{1} << subnet_bits)) {
    out.error = "Fn::Cidr count " + std::to_string(count) + " is more than /" +
                std::to_string(block->prefix) + " holds at /" +
                std::to_string(block->width - cidr_bits) + " (" +
                std::to_string(int64_t{1} << subnet_bits) + ")";
    return out;
  }
  Address base = block->address & ~HostMask(block->width, block->prefix);
  std::string suffix = "/" + std::to_string(block->width - cidr_bits);
  for (int64_t i = 0; i < count; ++i) {
    Address a = i == 0 ? base : base + (static_cast<Address>(i) << cidr_bits);
    out.blocks.push_back((block->width == 32 ? FormatIpv4(a) : FormatIpv6(a)) + suffix);
  }
  return out;
}

}  // namespace halint
