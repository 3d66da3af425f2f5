#include "rules/net/net003_nacl_return_traffic.h"

#include <algorithm>
#include <cctype>

#include "rules/net/net_util.h"

namespace halint {

const RuleInfo& Net003NaclReturnTraffic::info() const {
  static const RuleInfo kInfo{
      .id = "NET003",
      .slug = "nacl-return-traffic",
      .title = "Network ACLs allow the return traffic of what they admit",
      .severity = Severity::kWarning,
      .rationale =
          "Network ACLs are stateless: a response is judged like any other packet. An ACL "
          "that admits inbound connections (HTTPS from the internet, say) but does not allow "
          "outbound traffic to the clients' ephemeral ports 1024-65535 silently drops every "
          "response, and one that allows outbound connections without admitting the "
          "inbound responses breaks package installs, AWS API calls and health checks. The "
          "subnet looks healthy and nothing answers.",
      .remediation =
          "For every inbound allow rule, add an outbound allow rule for TCP ports "
          "1024-65535 to the same peer range (and the reverse for outbound allow rules), "
          "numbered below any deny rule that would match first. CloudFormation: an "
          "AWS::EC2::NetworkAclEntry with Egress: true, Protocol: 6, RuleAction: allow, "
          "PortRange: {From: 1024, To: 65535}. Terraform: an egress block (or "
          "aws_network_acl_rule with egress = true) with protocol = \"tcp\", from_port = 1024, "
          "to_port = 65535.",
      .bad_example = R"yaml(InHttps:
  Type: AWS::EC2::NetworkAclEntry
  Properties:
    NetworkAclId: !Ref PublicNacl
    RuleNumber: 100
    Protocol: 6
    RuleAction: allow
    CidrBlock: 0.0.0.0/0
    PortRange: {From: 443, To: 443}
# no outbound entry: the responses fall to the default deny rule)yaml",
      .good_example = R"yaml(OutEphemeral:
  Type: AWS::EC2::NetworkAclEntry
  Properties:
    NetworkAclId: !Ref PublicNacl
    RuleNumber: 100
    Egress: true
    Protocol: 6
    RuleAction: allow
    CidrBlock: 0.0.0.0/0
    PortRange: {From: 1024, To: 65535})yaml",
      .tags = {"reliability", "networking"},
  };
  return kInfo;
}

namespace {

constexpr int kAllProtocols = -1;
constexpr int kTcp = 6;
constexpr int kUdp = 17;
constexpr int64_t kFirstEphemeral = 1024;
constexpr int64_t kLastPort = 65535;

// A set of (address, port) pairs: an address interval times a port interval.
struct Rect {
  IpAddress lo, hi;
  int64_t port_lo, port_hi;

  bool Intersects(const Rect& o) const {
    return lo <= o.hi && o.lo <= hi && port_lo <= o.port_hi && o.port_lo <= port_hi;
  }
};
using Region = std::vector<Rect>;  // disjoint rectangles

// `region` without the pairs of `cut`.
Region Subtract(const Region& region, const Rect& cut) {
  Region out;
  for (const Rect& r : region) {
    if (!r.Intersects(cut)) {
      out.push_back(r);
      continue;
    }
    if (r.lo < cut.lo) out.push_back({r.lo, cut.lo - 1, r.port_lo, r.port_hi});
    if (r.hi > cut.hi) out.push_back({cut.hi + 1, r.hi, r.port_lo, r.port_hi});
    IpAddress lo = std::max(r.lo, cut.lo), hi = std::min(r.hi, cut.hi);
    if (r.port_lo < cut.port_lo) out.push_back({lo, hi, r.port_lo, cut.port_lo - 1});
    if (r.port_hi > cut.port_hi) out.push_back({lo, hi, cut.port_hi + 1, r.port_hi});
  }
  return out;
}

// An entry with every field resolved.
struct Entry {
  const NaclEntry* source = nullptr;
  int64_t number = 0;
  bool egress = false;
  bool allow = false;
  int protocol = kAllProtocols;  // kAllProtocols, kTcp, kUdp or another IANA number
  CidrBlock peer;
  Rect rect = {0, 0, 0, kLastPort};

  bool Applies(int proto) const { return protocol == kAllProtocols || protocol == proto; }
};

std::optional<int> ProtocolOf(const Value& v) {
  std::optional<std::string> s = v.AsString();
  if (!s) return std::nullopt;
  std::string p = *s;
  std::transform(p.begin(), p.end(), p.begin(), [](unsigned char c) { return std::tolower(c); });
  if (p == "-1" || p == "all") return kAllProtocols;
  if (p == "tcp") return kTcp;
  if (p == "udp") return kUdp;
  if (p == "icmp") return 1;
  if (p == "icmpv6") return 58;
  std::optional<int64_t> n = v.AsInt();
  if (!n || *n < -1 || *n > 255) return std::nullopt;
  return static_cast<int>(*n);
}

// The entry with its fields resolved, or nullopt when any is unknown (the ACL is then not
// judged).
std::optional<Entry> Resolve(const NaclEntry& e) {
  if (!e.certain) return std::nullopt;
  Entry out;
  out.source = &e;
  std::optional<int64_t> number = e.rule_number.AsInt();
  std::optional<std::string> action = e.action.AsString();
  std::optional<bool> egress = e.egress.is_absent() ? false : e.egress.AsBool();
  std::optional<int> protocol = ProtocolOf(e.protocol);
  if (!number || !action || !egress || !protocol) return std::nullopt;
  out.number = *number;
  out.egress = *egress;
  out.protocol = *protocol;
  if (*action == "allow") {
    out.allow = true;
  } else if (*action != "deny") {
    return std::nullopt;
  }
  std::optional<CidrBlock> peer =
      e.cidr_ipv4.is_absent() ? BlockOf(e.cidr_ipv6) : BlockOf(e.cidr_ipv4);
  if (!peer) return std::nullopt;
  out.peer = *peer;
  out.rect = {peer->first(), peer->last(), 0, kLastPort};
  if (out.protocol == kTcp || out.protocol == kUdp) {
    std::optional<int64_t> from = e.from_port.AsInt();
    std::optional<int64_t> to = e.to_port.AsInt();
    if (!from || !to || *from < 0 || *to > kLastPort || *from > *to) return std::nullopt;
    out.rect.port_lo = *from;
    out.rect.port_hi = *to;
  }
  return out;
}

std::string ProtocolName(int protocol) {
  if (protocol == kTcp) return "tcp";
  if (protocol == kUdp) return "udp";
  return "protocol " + std::to_string(protocol);
}

std::string Ports(int64_t lo, int64_t hi) {
  return lo == hi ? "port " + std::to_string(lo)
                  : "ports " + std::to_string(lo) + "-" + std::to_string(hi);
}

// What the service entry admits: "inbound tcp port 443 from 0.0.0.0/0 (rule 100)".
std::string DescribeService(const Entry& e) {
  std::string what = e.protocol == kAllProtocols
                         ? "all " + std::string(e.egress ? "outbound" : "inbound") + " traffic"
                         : std::string(e.egress ? "outbound " : "inbound ") +
                               ProtocolName(e.protocol) + " " +
                               Ports(e.rect.port_lo, e.rect.port_hi);
  return what + (e.egress ? " to " : " from ") + e.peer.ToString() + " (rule " +
         std::to_string(e.number) + ")";
}

struct Gap {
  IpAddress address;
  int64_t port;
  const Entry* denied_by;  // nullptr: no rule matched, the default rule denies
};

// The first pair of `region` that `entries` (one direction, sorted by rule number) do not
// allow for `proto`, evaluated as AWS does: the lowest-numbered matching rule decides.
std::optional<Gap> FirstDenied(const std::vector<const Entry*>& entries, int proto, Region region) {
  for (const Entry* e : entries) {
    if (!e->Applies(proto)) continue;
    for (const Rect& r : region) {
      if (!r.Intersects(e->rect)) continue;
      if (!e->allow) {
        return Gap{std::max(r.lo, e->rect.lo), std::max(r.port_lo, e->rect.port_lo), e};
      }
    }
    region = Subtract(region, e->rect);
    if (region.empty()) return std::nullopt;
  }
  const Rect& r = *std::min_element(region.begin(), region.end(), [](const Rect& a, const Rect& b) {
    return a.lo != b.lo ? a.lo < b.lo : a.port_lo < b.port_lo;
  });
  return Gap{r.lo, r.port_lo, nullptr};
}

// Reports the first service entry of one direction (inbound when !egress) whose return
// traffic the other direction does not fully allow.
void CheckDirection(const NetworkAcl& acl, const std::vector<const Entry*>& service_side,
                    const std::vector<const Entry*>& return_side, RuleContext& ctx) {
  for (size_t i = 0; i < service_side.size(); ++i) {
    const Entry& e = *service_side[i];
    if (!e.allow) continue;
    for (int proto : {kTcp, kUdp}) {
      // An all-protocols rule counts as TCP service traffic only.
      if (proto == kTcp ? !e.Applies(kTcp) : e.protocol != kUdp) continue;
      // Service traffic: the rule's pairs on ports below 1024 that no earlier rule decided.
      // A rule only for ports 1024-65535 is taken for return traffic, not a service.
      Region service;
      if (e.rect.port_lo < kFirstEphemeral) {
        service.push_back(
            {e.rect.lo, e.rect.hi, e.rect.port_lo, std::min(e.rect.port_hi, kFirstEphemeral - 1)});
      }
      for (size_t k = 0; k < i && !service.empty(); ++k) {
        if (service_side[k]->Applies(proto)) service = Subtract(service, service_side[k]->rect);
      }
      if (service.empty()) continue;
      Region replies;
      for (const Rect& r : service) replies.push_back({r.lo, r.hi, kFirstEphemeral, kLastPort});
      // A deny of every port for part of the service's peers (blocking one range inside
      // 0.0.0.0/0) shuts those peers out on purpose: their replies are not expected.
      for (const Entry* r : return_side) {
        if (!r->allow && r->Applies(proto) && r->rect.port_lo == 0 &&
            r->rect.port_hi == kLastPort && e.peer.Contains(r->peer) &&
            r->peer.prefix > e.peer.prefix) {
          replies = Subtract(replies, r->rect);
        }
      }
      if (replies.empty()) continue;
      std::optional<Gap> gap = FirstDenied(return_side, proto, replies);
      if (!gap) continue;
      bool ipv6 = e.peer.ipv6;
      std::string back = e.egress ? "inbound" : "outbound";
      std::string message =
          Quote(acl.res->id) + " allows " + DescribeService(e) + " but not the " + back +
          " return traffic on ports 1024-65535 " + (e.egress ? "from " : "to ") +
          e.peer.ToString() + ": " + ProtocolName(proto) + " " + Ports(gap->port, gap->port) +
          (e.egress ? " from " : " to ") + FormatAddress(gap->address, ipv6) +
          (gap->denied_by ? " is denied by rule " + std::to_string(gap->denied_by->number)
                          : " matches no rule and is denied by the default rule");
      std::vector<RelatedLocation> related;
      if (e.source->declared_by != acl.res) {
        related.push_back(ctx.Related(*e.source->declared_by, "the rule that admits the traffic"));
      }
      if (gap->denied_by && gap->denied_by->source->declared_by != acl.res) {
        related.push_back(
            ctx.Related(*gap->denied_by->source->declared_by, "the rule that denies the replies"));
      }
      ctx.Report(*acl.res, acl.res->pos, "", std::move(message), std::move(related));
      return;
    }
  }
}

}  // namespace

void Net003NaclReturnTraffic::Check(const Model& model, RuleContext& ctx) const {
  for (const auto& [id, acl] : model.network_acls) {
    std::vector<Entry> entries;
    bool known = true;
    for (const NaclEntry& e : acl.entries) {
      std::optional<Entry> r = Resolve(e);
      if (!r) {
        known = false;
        break;
      }
      entries.push_back(*r);
    }
    if (!known) continue;
    // [ipv6][egress] -> entries sorted by rule number, declaration order among equals.
    std::vector<const Entry*> sides[2][2];
    for (const Entry& e : entries) sides[e.peer.ipv6][e.egress].push_back(&e);
    for (auto& family : sides) {
      for (auto& side : family) {
        std::stable_sort(side.begin(), side.end(),
                         [](const Entry* a, const Entry* b) { return a->number < b->number; });
      }
    }
    for (auto& family : sides) {
      CheckDirection(acl, family[0], family[1], ctx);
      CheckDirection(acl, family[1], family[0], ctx);
    }
  }
}

}  // namespace halint
