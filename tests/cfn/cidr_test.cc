#include "parsers/cfn/cidr.h"

#include <gtest/gtest.h>

#include <optional>
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

TEST(ParseCidr, ClearsHostBitsAndRejectsMalformed) {
  struct Case {
    const char* text;
    const char* want;  // ToString(), "" for nullopt
  };
  const Case cases[] = {
      {"10.0.0.0/16", "10.0.0.0/16"},
      {"10.0.1.5/16", "10.0.0.0/16"},
      {"0.0.0.0/0", "0.0.0.0/0"},
      {"2001:DB8:0:1::/56", "2001:db8::/56"},
      {"::/0", "::/0"},
      {"::ffff:10.0.0.0/104", "::ffff:a00:0/104"},
      {"10.0.0.0", ""},
      {"10.0.0.0/33", ""},
      {"2001:db8::/129", ""},
      {"10.0.0.0/", ""},
      {"", ""},
      {"::ffff:10.0.0/104", ""},
      {"10.0.0.0:1/8", ""},
  };
  for (const Case& c : cases) {
    std::optional<CidrBlock> b = ParseCidr(c.text);
    EXPECT_EQ(b ? b->ToString() : "", c.want) << c.text;
  }
}

TEST(ParseCidr, ContainmentAndOverlap) {
  auto block = [](const char* text) { return *ParseCidr(text); };
  EXPECT_TRUE(block("10.0.0.0/16").Contains(block("10.0.255.0/24")));
  EXPECT_TRUE(block("10.0.0.0/16").Contains(block("10.0.0.0/16")));
  EXPECT_FALSE(block("10.0.0.0/16").Contains(block("10.1.0.0/24")));
  EXPECT_FALSE(block("10.0.0.0/16").Contains(block("10.0.0.0/15")));
  EXPECT_TRUE(block("0.0.0.0/0").Contains(block("255.255.255.255/32")));
  EXPECT_TRUE(block("::/0").Contains(block("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128")));
  EXPECT_TRUE(block("2600:1f16:abc:de00::/56").Contains(block("2600:1f16:abc:deff::/64")));
  EXPECT_FALSE(block("2600:1f16:abc:de00::/56").Contains(block("2600:1f16:abc:df00::/64")));
  // Families never contain or overlap each other, whatever the bits.
  EXPECT_FALSE(block("::/0").Contains(block("10.0.0.0/8")));
  EXPECT_FALSE(block("::/0").Overlaps(block("10.0.0.0/8")));
  EXPECT_TRUE(block("10.0.0.0/16").Overlaps(block("10.0.128.0/17")));
  EXPECT_TRUE(block("10.0.128.0/17").Overlaps(block("10.0.0.0/16")));
  EXPECT_FALSE(block("10.0.0.0/17").Overlaps(block("10.0.128.0/17")));
  EXPECT_EQ(block("10.0.0.0/16").last(), block("10.0.255.255/32").first());
  EXPECT_EQ(FormatAddress(block("2001:db8::1/128").first(), true), "2001:db8::1");
}

struct SubnetCase {
  const char* prefix;
  int64_t newbits;
  int64_t netnum;
  const char* want;  // the CIDR, or the error
};

// Every expectation was produced by `terraform console` (Terraform 1.11).
TEST(CidrSubnet, MatchesTerraform) {
  const SubnetCase cases[] = {
      {"10.0.0.0/16", 8, 0, "10.0.0.0/24"},
      {"10.1.2.3/16", 8, 2, "10.1.2.0/24"},
      {"172.16.0.0/12", 4, 15, "172.31.0.0/16"},
      {"10.0.0.0/8", 8, 255, "10.255.0.0/16"},
      {"10.0.0.0/8", 0, 0, "10.0.0.0/8"},
      {"010.0.0.0/8", 8, 1, "10.1.0.0/16"},
      {"0.0.0.0/0", 32, 4294967295, "255.255.255.255/32"},
      {"fd00:fd12:3456:7890::/56", 16, 162, "fd00:fd12:3456:7800:a200::/72"},
      {"2600:1f16:abc:de00::/56", 8, 3, "2600:1f16:abc:de03::/64"},
      {"2001:DB8::/32", 8, 1, "2001:db8:100::/40"},
      {"2001:db8::/32", 32, 4294967295, "2001:db8:ffff:ffff::/64"},
      {"2001:db8::/32", 64, 1, "2001:db8::1:0:0/96"},
      {"2001:db8::/32", 65, 1, "2001:db8::8000:0/97"},
      {"2001:db8::/32", 96, 1, "2001:db8::1/128"},
      {"2001:db8::/0", 64, 1, "0:0:0:1::/64"},
      {"::/0", 1, 1, "8000::/1"},
      {"::/0", 128, 5, "::5/128"},
      {"::/88", 8, 255, "::ff:0:0/96"},
      // IPv4-mapped results print as IPv4, as Go's net.IP does.
      {"::ffff:10.0.0.0/104", 8, 1, "10.1.0.0/16"},
      {"::/64", 32, 65535, "0.0.0.0/0"},
      // Negative numbers: go-cidr quirks, kept.
      {"10.0.0.0/16", 8, -1, "0.0.1.0/24"},
      {"2001:db8::/32", 64, -1, "::1:0:0/96"},
      {"10.0.0.0/16", -1, 0, "10.0.0.0/15"},
      {"10.0.0.0/8", -1, 1, "10.0.0.0/7"},
      {"10.0.0.0/8", -8, 0, "10.0.0.0/0"},
      {"10.0.0.0/8", -9, 0, "<nil>"},
      {"0.0.0.0/0", -1, 0, "<nil>"},
  };
  for (const SubnetCase& c : cases) {
    CidrSubnetResult r = CidrSubnet(c.prefix, c.newbits, c.netnum);
    EXPECT_EQ(r.error, "") << c.prefix << " " << c.newbits << " " << c.netnum;
    EXPECT_EQ(r.cidr, c.want) << c.prefix << " " << c.newbits << " " << c.netnum;
  }
}

TEST(CidrSubnet, ErrorsMatchTerraform) {
  const SubnetCase cases[] = {
      {"10.0.0.0/16", 8, 256, "prefix extension of 8 does not accommodate a subnet numbered 256"},
      {"10.0.0.0/16", 8, -256, "prefix extension of 8 does not accommodate a subnet numbered -256"},
      {"10.0.0.0/16", 8, 1000, "prefix extension of 8 does not accommodate a subnet numbered 1000"},
      {"0.0.0.0/0", 32, 4294967296,
       "prefix extension of 32 does not accommodate a subnet numbered 4294967296"},
      {"10.0.0.0/16", 17, 0, "insufficient address space to extend prefix of 16 by 17"},
      {"10.0.0.0/16", 64, 0, "insufficient address space to extend prefix of 16 by 64"},
      {"10.0.0.0", 8, 1, "invalid CIDR expression: invalid CIDR address: 10.0.0.0"},
      {"10.0.0.0/33", 1, 0, "invalid CIDR expression: invalid CIDR address: 10.0.0.0/33"},
      {"not-a-cidr", 8, 0, "invalid CIDR expression: invalid CIDR address: not-a-cidr"},
      // Terraform crashes on these; an error is the next best thing.
      {"10.0.0.0/8", -1, 4611686018427387904,
       "cidrsubnet(\"10.0.0.0/8\", -1, 4611686018427387904) does not fit in an IPv4 address"},
  };
  for (const SubnetCase& c : cases) {
    CidrSubnetResult r = CidrSubnet(c.prefix, c.newbits, c.netnum);
    EXPECT_EQ(r.error, c.want) << c.prefix << " " << c.newbits << " " << c.netnum;
    EXPECT_EQ(r.cidr, "");
  }
}

}  // namespace
}  // namespace halint
