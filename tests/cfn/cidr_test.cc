#include "parsers/cfn/cidr.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace halint {
namespace {

struct CidrCase {
  std::string block;
  int64_t count;
  int64_t bits;
  std::vector<std::string> want;
};

void PrintTo(const CidrCase& c, std::ostream* os) {
  *os << c.block << " " << c.count << " " << c.bits;
}

class CfnCidr : public testing::TestWithParam<CidrCase> {};

TEST_P(CfnCidr, Splits) {
  const CidrCase& c = GetParam();
  CidrSplit split = SplitCidr(c.block, c.count, c.bits);
  EXPECT_EQ(split.error, "");
  EXPECT_EQ(split.blocks, c.want);
}

INSTANTIATE_TEST_SUITE_P(
    CfnIpv4, CfnCidr,
    testing::Values(
        // The example of the Fn::Cidr documentation.
        CidrCase{"192.168.0.0/24",
                 6,
                 5,
                 {"192.168.0.0/27", "192.168.0.32/27", "192.168.0.64/27", "192.168.0.96/27",
                  "192.168.0.128/27", "192.168.0.160/27"}},
        CidrCase{"10.0.0.0/16", 4, 8, {"10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"}},
        // Host bits of the block are ignored: subnets start at the network address.
        CidrCase{"10.0.5.7/16", 2, 8, {"10.0.0.0/24", "10.0.1.0/24"}},
        CidrCase{"10.0.0.0/24",
                 8,
                 5,
                 {"10.0.0.0/27", "10.0.0.32/27", "10.0.0.64/27", "10.0.0.96/27", "10.0.0.128/27",
                  "10.0.0.160/27", "10.0.0.192/27", "10.0.0.224/27"}},
        CidrCase{"0.0.0.0/0", 2, 31, {"0.0.0.0/1", "128.0.0.0/1"}},
        CidrCase{"10.1.2.3/32", 1, 0, {"10.1.2.3/32"}},
        CidrCase{"172.16.0.0/12", 2, 16, {"172.16.0.0/16", "172.17.0.0/16"}}));

INSTANTIATE_TEST_SUITE_P(
    CfnIpv6, CfnCidr,
    testing::Values(
        // A VPC's Amazon-provided /56 split into /64 subnets, as AWS's IPv6 samples do.
        CidrCase{"2600:1f16:abc:de00::/56",
                 3,
                 64,
                 {"2600:1f16:abc:de00::/64", "2600:1f16:abc:de01::/64", "2600:1f16:abc:de02::/64"}},
        // Upper-case input, lower-case output.
        CidrCase{"2001:DB8::/32", 2, 80, {"2001:db8::/48", "2001:db8:1::/48"}},
        // RFC 5952: the longest zero run is compressed, the first one on a tie.
        CidrCase{"2001:db8:0:0:4::/78", 2, 48, {"2001:db8:0:0:4::/80", "2001:db8:0:0:5::/80"}},
        CidrCase{"1:0:0:2:0:0:3:4/128", 1, 0, {"1::2:0:0:3:4/128"}},
        CidrCase{"::/0", 2, 127, {"::/1", "8000::/1"}}, CidrCase{"::/0", 1, 128, {"::/0"}},
        CidrCase{"fd00::1/127", 2, 0, {"fd00::/128", "fd00::1/128"}}));

struct CidrError {
  std::string block;
  int64_t count;
  int64_t bits;
  std::string error;
};

TEST(CfnCidrErrors, ReportWhy) {
  const CidrError cases[] = {
      {"10.0.0.0", 1, 8, "'10.0.0.0' is not an IPv4 or IPv6 CIDR block"},
      {"10.0.0.256/8", 1, 8, "'10.0.0.256/8' is not an IPv4 or IPv6 CIDR block"},
      {"10.0.0/8", 1, 8, "'10.0.0/8' is not an IPv4 or IPv6 CIDR block"},
      {"10.0.0.0/33", 1, 8, "'10.0.0.0/33' is not an IPv4 or IPv6 CIDR block"},
      {"1::2::3/64", 1, 8, "'1::2::3/64' is not an IPv4 or IPv6 CIDR block"},
      {"gggg::/64", 1, 8, "'gggg::/64' is not an IPv4 or IPv6 CIDR block"},
      {"1:2:3:4:5:6:7/64", 1, 8, "'1:2:3:4:5:6:7/64' is not an IPv4 or IPv6 CIDR block"},
      {"10.0.0.0/24", 0, 4, "Fn::Cidr count 0 is not between 1 and 256"},
      {"10.0.0.0/8", 257, 4, "Fn::Cidr count 257 is not between 1 and 256"},
      {"10.0.0.0/24", 1, 9, "Fn::Cidr cidrBits 9 does not fit in /24 (at most 8)"},
      {"10.0.0.0/24", 1, -1, "Fn::Cidr cidrBits -1 does not fit in /24 (at most 8)"},
      {"10.0.0.0/24", 9, 5, "Fn::Cidr count 9 is more than /24 holds at /27 (8)"},
      {"2001:db8::/120", 3, 7, "Fn::Cidr count 3 is more than /120 holds at /121 (2)"},
  };
  for (const CidrError& c : cases) {
    CidrSplit split = SplitCidr(c.block, c.count, c.bits);
    EXPECT_EQ(split.error, c.error) << c.block;
    EXPECT_TRUE(split.blocks.empty()) << c.block;
  }
}

}  // namespace
}  // namespace halint
