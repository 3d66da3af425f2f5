#include "analyzer/model/model.h"

#include <tuple>

namespace halint {
namespace {

// Zone IDs look like "use1-az1", "apne1-az4", "usgw1-az2"; names like "us-east-1a".
bool LooksLikeZoneId(std::string_view s) {
  size_t dash = s.find("-az");
  if (dash == std::string_view::npos || dash < 3 || dash + 3 >= s.size()) return false;
  for (size_t i = dash + 3; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  for (size_t i = 0; i < dash; ++i) {
    char c = s[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

bool IsDefaultCidr(const Value& v, std::string_view any) {
  std::optional<std::string> s = v.AsString();
  return s && *s == any;
}

}  // namespace

bool AzKey::SameAs(const AzKey& o) const {
  if (!known() || kind != o.kind) return false;
  if (kind == Kind::kIndex) return index == o.index && region == o.region;
  return text == o.text;
}

bool AzKey::DifferentFrom(const AzKey& o) const {
  if (!known() || kind != o.kind) return false;
  if (kind == Kind::kIndex) return region == o.region && index != o.index;
  return text != o.text;
}

std::string AzKey::Label() const {
  switch (kind) {
    case Kind::kUnknown:
      return "unknown AZ";
    case Kind::kIndex:
      return "AZ " + std::to_string(index);
    case Kind::kName:
    case Kind::kZoneId:
      return text;
  }
  return "unknown AZ";
}

bool operator<(const AzKey& a, const AzKey& b) {
  return std::tie(a.kind, a.region, a.index, a.text) < std::tie(b.kind, b.region, b.index, b.text);
}

AzKey AzFromValue(const Value& v) {
  AzKey key;
  if (v.kind() == Value::Kind::kAz) {
    key.kind = AzKey::Kind::kIndex;
    key.index = v.az_index();
    key.region = v.az_region();
    return key;
  }
  if (v.is_string() && !v.string_value().empty()) {
    key.kind = LooksLikeZoneId(v.string_value()) ? AzKey::Kind::kZoneId : AzKey::Kind::kName;
    key.text = v.string_value();
  }
  return key;
}

std::string_view SubnetRoleName(SubnetRole r) {
  switch (r) {
    case SubnetRole::kUnknown:
      return "unknown";
    case SubnetRole::kPublic:
      return "public";
    case SubnetRole::kPrivate:
      return "private";
    case SubnetRole::kIsolated:
      return "isolated";
  }
  return "unknown";
}

bool Route::IsDefaultIpv4() const { return IsDefaultCidr(destination_ipv4, "0.0.0.0/0"); }
bool Route::IsDefaultIpv6() const { return IsDefaultCidr(destination_ipv6, "::/0"); }
bool Route::DestinationUnknown() const {
  return destination_ipv4.is_unresolved() || destination_ipv6.is_unresolved();
}

std::optional<bool> IngressRule::CoversPort(int64_t port) const {
  std::optional<std::string> proto = protocol.AsString();
  if (!proto) return std::nullopt;
  if (*proto == "-1" || *proto == "all") return true;
  if (*proto != "tcp" && *proto != "6") return false;
  std::optional<int64_t> from = from_port.AsInt();
  std::optional<int64_t> to = to_port.AsInt();
  if (!from || !to) return std::nullopt;
  if (*from == -1 && *to == -1) return true;  // all ports
  return *from <= port && port <= *to;
}

bool IngressRule::SourceUnknown() const {
  return cidr_ipv4.is_unresolved() || cidr_ipv6.is_unresolved() ||
         source_group_value.is_unresolved() || prefix_list.is_unresolved();
}

std::string RefTarget(const Model& model, const Value& v) {
  if (!v.is_ref()) return {};
  return model.Find(v.ref_target()) ? v.ref_target() : std::string();
}

const Subnet* Model::SubnetOf(const Value& item) const {
  std::string id = RefTarget(*this, item);
  return id.empty() ? nullptr : subnet(id);
}

std::vector<const Subnet*> Model::SubnetsOfVpc(std::string_view vpc_id) const {
  std::vector<const Subnet*> out;
  for (const auto& [id, s] : subnets) {
    if (s.vpc == vpc_id) out.push_back(&s);
  }
  return out;
}

Model BuildModel(const ResourceGraph& graph) {
  Model model;
  model.graph = &graph;
  switch (graph.dialect) {
    case Dialect::kCloudFormation:
      AdaptCloudFormation(graph, model);
      break;
    case Dialect::kTerraformConfig:
    case Dialect::kTerraformPlan:
      AdaptTerraform(graph, model);
      break;
  }
  DeriveTopology(model);
  return model;
}

}  // namespace halint
