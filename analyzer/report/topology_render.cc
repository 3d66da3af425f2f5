#include "analyzer/report/topology_render.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "analyzer/engine.h"
#include "analyzer/model/model.h"

namespace halint {
namespace {

// ---------------------------------------------------------------------------------------
// A format-neutral diagram: nested clusters of nodes, and edges. Both writers walk it in
// the order it was built, which follows the model's sorted maps.

enum class NodeStyle : uint8_t {
  kPublicSubnet,
  kPrivateSubnet,
  kIsolatedSubnet,
  kUnknownSubnet,
  kGateway,
  kLoadBalancer,
  kTargetGroup,
  kCompute,
  kBastion,
  kDatabase,
  kNote,
};

struct DiagramNode {
  std::string id;
  std::vector<std::string> lines;     // the label, one entry per line
  std::vector<std::string> findings;  // "HA002", "SEC002 (AppSecurityGroup)"
  NodeStyle style = NodeStyle::kCompute;
};

enum class ClusterStyle : uint8_t { kFile, kVpc, kAz };

struct Cluster {
  std::string id;
  std::string label;
  ClusterStyle style = ClusterStyle::kVpc;
  std::vector<std::string> findings;
  std::vector<size_t> nodes;  // into Diagram::nodes
  std::vector<Cluster> children;
};

struct DiagramEdge {
  std::string from;  // node IDs
  std::string to;
  std::string label;
  bool dashed = false;  // allowed by a security group rather than wired
  // Laid out from `to` to `from` (the arrow still points at `to`): routes point at their
  // gateway, but traffic and the drawing flow from the internet inwards.
  bool laid_out_backwards = false;
};

struct Diagram {
  std::string title;
  Cluster root;  // its own label and style are not drawn
  std::vector<DiagramNode> nodes;
  std::vector<DiagramEdge> edges;
};

// Node and cluster IDs safe for both formats: [A-Za-z0-9_], unique across the diagram.
class IdMaker {
 public:
  std::string Make(std::string_view prefix, std::string_view name) {
    std::string id(prefix);
    id += '_';
    for (char c : name) {
      const bool safe =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      id += safe ? c : '_';
    }
    std::string unique = id;
    for (int n = 2; !used_.insert(unique).second; ++n) unique = id + "_" + std::to_string(n);
    return unique;
  }

 private:
  std::set<std::string> used_;
};

std::string Join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += sep;
    out += item;
  }
  return out;
}

// "10.0.0.0/24"; "CIDR unresolved" / "no CIDR" when the template does not say.
std::string ShowValue(const Value& v, std::string_view what) {
  if (std::optional<std::string> s = v.AsString(); v.is_known() && s) return *s;
  return std::string(v.is_unresolved() ? "" : "no ") + std::string(what) +
         (v.is_unresolved() ? " unresolved" : "");
}

std::string_view LbKindName(LbKind k) {
  switch (k) {
    case LbKind::kApplication:
      return "ALB";
    case LbKind::kNetwork:
      return "NLB";
    case LbKind::kGateway:
      return "GWLB";
    case LbKind::kClassic:
      return "classic LB";
    case LbKind::kUnknown:
      break;
  }
  return "load balancer";
}

// "8080", "1024-65535", "all", "" when unknown.
std::string PortLabel(const IngressRule& rule) {
  if (std::optional<std::string> p = rule.protocol.AsString(); p && (*p == "-1" || *p == "all")) {
    return "all";
  }
  std::optional<int64_t> from = rule.from_port.AsInt();
  std::optional<int64_t> to = rule.to_port.AsInt();
  if (!from || !to) return "";
  return *from == *to ? std::to_string(*from) : std::to_string(*from) + "-" + std::to_string(*to);
}

// Builds the part of a diagram for one template.
class Builder {
 public:
  Builder(const Model& model, const std::vector<Finding>& findings, IdMaker& ids,
          std::string prefix, Diagram& diagram)
      : model_(model), ids_(ids), prefix_(std::move(prefix)), diagram_(diagram) {
    for (const Finding& f : findings) {
      if (f.resource.empty() || !model.Find(f.resource)) {
        unplaced_.insert(f.rule_id + (f.resource.empty() ? "" : " (" + f.resource + ")"));
      } else {
        rules_of_[f.resource].insert(f.rule_id);
      }
    }
  }

  void Build(Cluster& into) {
    AddVpcs();
    AddSubnets();
    AddNatGateways();
    AddInternetGateways();
    AddLoadBalancers();
    AddTargetGroups();
    AddComputeAndDatabases();
    AddRouteEdges();
    AddTrafficEdges();
    AddSecurityGroupEdges();
    AddUnplacedFindings();
    Place(into);
  }

 private:
  struct VpcPlace {
    std::vector<size_t> nodes;
    std::map<AzKey, std::vector<size_t>> azs;  // known AZs, in AzKey order
    std::vector<size_t> unknown_az;
  };

  // Adds a node for `resource` standing for itself and `represented` (whose findings it
  // shows too). Returns its index.
  size_t AddNode(std::string_view kind, const std::string& resource, NodeStyle style,
                 std::vector<std::string> lines, const std::vector<std::string>& represented) {
    DiagramNode node;
    node.id = ids_.Make(prefix_ + std::string(kind), resource);
    node.style = style;
    node.lines = std::move(lines);
    node.lines.insert(node.lines.begin(), resource);
    node.findings = FindingLines(resource, represented);
    diagram_.nodes.push_back(std::move(node));
    node_of_[resource] = diagram_.nodes.size() - 1;
    for (const std::string& r : represented) drawn_.insert(r);
    drawn_.insert(resource);
    return diagram_.nodes.size() - 1;
  }

  std::vector<std::string> FindingLines(const std::string& resource,
                                        const std::vector<std::string>& represented) const {
    std::vector<std::string> lines;
    if (auto it = rules_of_.find(resource); it != rules_of_.end()) {
      lines.push_back(Join({it->second.begin(), it->second.end()}, ", "));
    }
    std::set<std::string> others(represented.begin(), represented.end());
    others.erase(resource);
    std::set<std::pair<std::string, std::string>> by_rule;
    for (const std::string& r : others) {
      auto it = rules_of_.find(r);
      if (it == rules_of_.end()) continue;
      for (const std::string& rule : it->second) by_rule.insert({rule, r});
    }
    for (const auto& [rule, r] : by_rule) lines.push_back(rule + " (" + r + ")");
    return lines;
  }

  const std::string* NodeId(std::string_view resource) const {
    auto it = node_of_.find(std::string(resource));
    return it == node_of_.end() ? nullptr : &diagram_.nodes[it->second].id;
  }

  void Edge(std::string_view from, std::string_view to, std::string label, bool dashed,
            bool backwards = false) {
    const std::string* a = NodeId(from);
    const std::string* b = NodeId(to);
    if (!a || !b || *a == *b) return;
    DiagramEdge e{*a, *b, std::move(label), dashed, backwards};
    auto same = [&](const DiagramEdge& o) {
      return o.from == e.from && o.to == e.to && o.label == e.label;
    };
    if (std::none_of(diagram_.edges.begin(), diagram_.edges.end(), same)) {
      diagram_.edges.push_back(std::move(e));
    }
  }

  // Where a node goes: its subnet's AZ inside that subnet's VPC.
  void PlaceInSubnet(size_t node, std::string_view subnet_id) {
    const Subnet* subnet = model_.subnet(subnet_id);
    if (!subnet) {
      top_.push_back(node);
      return;
    }
    VpcPlace& place = vpcs_[subnet->vpc];
    if (subnet->az.known()) {
      place.azs[subnet->az].push_back(node);
    } else {
      place.unknown_az.push_back(node);
    }
  }

  // Where a node spanning subnets goes: their VPC when they all share one, else the top.
  void PlaceInVpcOf(size_t node, const std::vector<std::string>& subnets) {
    std::set<std::string> vpcs;
    for (const std::string& id : subnets) {
      if (const Subnet* s = model_.subnet(id)) vpcs.insert(s->vpc);
    }
    if (vpcs.size() == 1) {
      vpcs_[*vpcs.begin()].nodes.push_back(node);
    } else {
      top_.push_back(node);
    }
  }

  std::vector<std::string> SubnetIds(const std::vector<Value>& items) const {
    std::vector<std::string> ids;
    for (const Value& item : items) {
      if (const Subnet* s = model_.SubnetOf(item)) ids.push_back(s->res->id);
    }
    return ids;
  }

  static std::string SubnetsLine(const std::vector<std::string>& subnets) {
    if (subnets.empty()) return "subnets unknown";
    if (subnets.size() > 3) return "in " + std::to_string(subnets.size()) + " subnets";
    return "in " + Join(subnets, ", ");
  }

  void AddVpcs() {
    for (const auto& [id, vpc] : model_.vpcs) {
      vpcs_[id];
      drawn_.insert(id);  // its findings go in its cluster's label
    }
  }

  void AddSubnets() {
    // Within an AZ: public, private, isolated, unknown, each in ID order.
    std::vector<const Subnet*> subnets;
    for (const auto& [id, s] : model_.subnets) subnets.push_back(&s);
    std::stable_sort(subnets.begin(), subnets.end(), [](const Subnet* a, const Subnet* b) {
      auto rank = [](SubnetRole r) { return r == SubnetRole::kUnknown ? 4 : static_cast<int>(r); };
      return rank(a->role) < rank(b->role);
    });
    for (const Subnet* s : subnets) {
      NodeStyle style = NodeStyle::kUnknownSubnet;
      if (s->role == SubnetRole::kPublic) style = NodeStyle::kPublicSubnet;
      if (s->role == SubnetRole::kPrivate) style = NodeStyle::kPrivateSubnet;
      if (s->role == SubnetRole::kIsolated) style = NodeStyle::kIsolatedSubnet;
      std::vector<std::string> represented;
      if (!s->route_table.empty()) represented.push_back(s->route_table);
      std::string role(SubnetRoleName(s->role));
      if (s->role == SubnetRole::kUnknown) role = "role unknown";
      size_t node =
          AddNode("subnet", s->res->id, style, {ShowValue(s->cidr, "CIDR"), role}, represented);
      PlaceInSubnet(node, s->res->id);
    }
  }

  void AddNatGateways() {
    for (const auto& [id, nat] : model_.nat_gateways) {
      std::string where = nat.subnet.empty() ? "subnet unknown" : "in " + nat.subnet;
      size_t node = AddNode("nat", id, NodeStyle::kGateway, {"NAT gateway", where}, {});
      PlaceInSubnet(node, nat.subnet);
    }
  }

  void AddInternetGateways() {
    for (const auto& [id, vpc] : model_.internet_gateways) {
      top_.push_back(AddNode("igw", id, NodeStyle::kGateway, {"internet gateway"}, {}));
    }
  }

  void AddLoadBalancers() {
    for (const auto& [id, lb] : model_.load_balancers) {
      std::string scheme = !lb.internet_facing.has_value() ? "scheme unknown"
                           : *lb.internet_facing           ? "internet-facing"
                                                           : "internal";
      std::vector<std::string> subnets = SubnetIds(lb.subnet_items);
      size_t node =
          AddNode("lb", id, NodeStyle::kLoadBalancer,
                  {std::string(LbKindName(lb.kind)) + ", " + scheme, SubnetsLine(subnets)},
                  lb.security_groups);
      lb_subnets_[id] = subnets;
      PlaceInVpcOf(node, subnets);
    }
  }

  void AddTargetGroups() {
    for (const auto& [id, tg] : model_.target_groups) {
      if (model_.load_balancers.count(id)) continue;  // a classic LB's own instance list
      std::vector<std::string> subnets;
      for (const std::string& lb : tg.load_balancers) {
        auto it = lb_subnets_.find(lb);
        if (it != lb_subnets_.end())
          subnets.insert(subnets.end(), it->second.begin(), it->second.end());
      }
      size_t node = AddNode("tg", id, NodeStyle::kTargetGroup, {"target group"}, {});
      PlaceInVpcOf(node, subnets);
    }
  }

  void AddComputeAndDatabases() {
    for (const auto& [id, asg] : model_.auto_scaling_groups) {
      std::vector<std::string> represented;
      std::vector<std::string>& sgs = sgs_of_[id];
      if (const LaunchSpec* spec = Model::Get(model_.launch_specs, asg.launch_spec)) {
        represented.push_back(asg.launch_spec);
        sgs = spec->security_groups;
      }
      represented.insert(represented.end(), sgs.begin(), sgs.end());
      std::string kind = "Auto Scaling group";
      if (std::optional<int64_t> min = asg.min_size.AsInt())
        kind += ", min " + std::to_string(*min);
      std::vector<std::string> subnets = SubnetIds(asg.subnet_items);
      size_t node =
          AddNode("asg", id, NodeStyle::kCompute, {kind, SubnetsLine(subnets)}, represented);
      PlaceInVpcOf(node, subnets);
      if (model_.app_asgs.count(id)) {
        sources_.push_back(id);
        app_targets_.push_back(id);
      }
    }
    for (const auto& [id, inst] : model_.instances) {
      const bool bastion = model_.bastions.count(id) > 0;
      const bool app = model_.app_instances.count(id) > 0;
      std::string kind = bastion ? "bastion host" : app ? "app instance" : "EC2 instance";
      if (inst.associate_public_ip.AsBool().value_or(false)) kind += ", public IP";
      sgs_of_[id] = inst.security_groups;
      size_t node = AddNode("instance", id, bastion ? NodeStyle::kBastion : NodeStyle::kCompute,
                            {kind}, inst.security_groups);
      PlaceInSubnet(node, inst.subnet);
      sources_.push_back(id);
      if (app) app_targets_.push_back(id);
    }
    for (const auto& [id, svc] : model_.ecs_services) {
      sgs_of_[id] = svc.security_groups;
      size_t node = AddNode("ecs", id, NodeStyle::kCompute, {"ECS service"}, svc.security_groups);
      PlaceInVpcOf(node, SubnetIds(svc.subnet_items));
      sources_.push_back(id);
      if (model_.app_ecs_services.count(id)) app_targets_.push_back(id);
    }
    for (const auto& [id, c] : model_.db_clusters) {
      std::vector<std::string> represented = c.instances;
      represented.insert(represented.end(), c.security_groups.begin(), c.security_groups.end());
      if (!c.subnet_group.empty()) represented.push_back(c.subnet_group);
      std::string engine = ShowValue(c.engine, "engine");
      std::string instances = c.instances.empty() ? "no instances"
                              : c.instances.size() > 3
                                  ? std::to_string(c.instances.size()) + " instances"
                                  : "instances: " + Join(c.instances, ", ");
      AddDatabase(id,
                  {(c.IsAurora() ? "Aurora cluster (" : "DB cluster (") + engine + ")", instances},
                  c.security_groups, c.subnet_group, represented);
    }
    for (const auto& [id, db] : model_.db_instances) {
      if (!db.cluster.empty() && model_.db_clusters.count(db.cluster)) continue;
      std::vector<std::string> represented = db.security_groups;
      if (!db.subnet_group.empty()) represented.push_back(db.subnet_group);
      std::string multi_az = db.multi_az.is_unresolved()            ? "Multi-AZ unresolved"
                             : db.multi_az.AsBool().value_or(false) ? "Multi-AZ"
                                                                    : "single-AZ";
      AddDatabase(id, {"RDS instance (" + ShowValue(db.engine, "engine") + ")", multi_az},
                  db.security_groups, db.subnet_group, represented);
    }
    for (const auto& [id, store] : model_.data_stores) {
      const Resource* res = model_.Find(id);
      AddDatabase(id, {res ? res->type : "data store"}, store.security_groups, "",
                  store.security_groups);
    }
  }

  void AddDatabase(const std::string& id, std::vector<std::string> lines,
                   const std::vector<std::string>& sgs, const std::string& subnet_group,
                   const std::vector<std::string>& represented) {
    sgs_of_[id] = sgs;
    size_t node = AddNode("db", id, NodeStyle::kDatabase, std::move(lines), represented);
    std::vector<std::string> subnets;
    if (const SubnetGroup* g = Model::Get(model_.subnet_groups, subnet_group)) {
      subnets = SubnetIds(g->subnet_items);
    }
    PlaceInVpcOf(node, subnets);
    db_targets_.push_back(id);
  }

  void AddRouteEdges() {
    for (const auto& [id, s] : model_.subnets) {
      const RouteTable* rt = Model::Get(model_.route_tables, s.route_table);
      if (!rt || !rt->default_route) continue;
      const Route& r = *rt->default_route;
      std::string label =
          std::string(r.IsDefaultIpv4() ? "0.0.0.0/0" : "::/0") + " (" + rt->res->id + ")";
      Edge(id, r.target_id, label, false, /*backwards=*/true);
    }
  }

  void AddTrafficEdges() {
    for (const auto& [id, lb] : model_.load_balancers) {
      if (!lb.internet_facing.value_or(false)) continue;
      std::set<std::string> vpcs;
      for (const std::string& subnet : lb_subnets_[id]) vpcs.insert(model_.subnet(subnet)->vpc);
      for (const auto& [igw, vpc] : model_.internet_gateways) {
        if (vpcs.count(vpc)) Edge(igw, id, "internet-facing", false);
      }
    }
    for (const auto& [id, tg] : model_.target_groups) {
      const bool classic = model_.load_balancers.count(id) > 0;
      if (!classic) {
        for (const std::string& lb : tg.load_balancers) Edge(lb, id, "forwards", false);
      }
      for (const std::string& inst : tg.target_instances) Edge(id, inst, "target", false);
    }
    for (const auto& [id, asg] : model_.auto_scaling_groups) {
      for (const std::string& tg : asg.target_groups) Edge(tg, id, "target", false);
      for (const std::string& lb : asg.classic_lbs) Edge(lb, id, "target", false);
    }
    for (const auto& [id, svc] : model_.ecs_services) {
      for (const std::string& tg : svc.target_groups) Edge(tg, id, "target", false);
    }
  }

  // source -> target when an ingress rule of the target's SGs names one of the source's.
  void AddSecurityGroupEdges() {
    auto connect = [&](const std::vector<std::string>& targets) {
      for (const std::string& source : sources_) {
        const std::set<std::string> from(sgs_of_[source].begin(), sgs_of_[source].end());
        for (const std::string& target : targets) {
          if (source == target) continue;
          std::set<std::string> ports;
          for (const std::string& sg_id : sgs_of_[target]) {
            const SecurityGroup* sg = model_.security_group(sg_id);
            if (!sg) continue;
            for (const IngressRule* rule : sg->ingress) {
              if (!rule->source_group.empty() && from.count(rule->source_group)) {
                ports.insert(PortLabel(*rule));
              }
            }
          }
          ports.erase("");
          if (ports.empty()) continue;
          Edge(source, target, "SG " + Join({ports.begin(), ports.end()}, ", "), true);
        }
      }
    };
    connect(app_targets_);
    connect(db_targets_);
  }

  void AddUnplacedFindings() {
    for (const auto& [resource, rules] : rules_of_) {
      if (drawn_.count(resource)) continue;
      for (const std::string& rule : rules) unplaced_.insert(rule + " (" + resource + ")");
    }
    if (unplaced_.empty()) return;
    DiagramNode node;
    node.id = ids_.Make(prefix_ + "note", "other_findings");
    node.style = NodeStyle::kNote;
    node.lines = {"other findings"};
    node.findings.assign(unplaced_.begin(), unplaced_.end());
    diagram_.nodes.push_back(std::move(node));
    top_.push_back(diagram_.nodes.size() - 1);
  }

  void Place(Cluster& into) {
    for (const auto& [vpc_id, place] : vpcs_) {
      Cluster vpc;
      vpc.style = ClusterStyle::kVpc;
      vpc.id = ids_.Make(prefix_ + "vpc", vpc_id.empty() ? "unknown" : vpc_id);
      if (const Vpc* v = model_.vpc(vpc_id)) {
        vpc.label = "VPC " + vpc_id + " (" + ShowValue(v->cidr, "CIDR") + ")";
      } else {
        vpc.label = "VPC not in this template";
      }
      if (auto it = rules_of_.find(vpc_id); !vpc_id.empty() && it != rules_of_.end()) {
        vpc.findings.assign(it->second.begin(), it->second.end());
      }
      auto add_az = [&](const std::string& label, const std::vector<size_t>& nodes) {
        Cluster az;
        az.style = ClusterStyle::kAz;
        az.id = ids_.Make(prefix_ + "az", (vpc_id.empty() ? "unknown" : vpc_id) + "_" + label);
        az.label = label;
        az.nodes = nodes;
        vpc.children.push_back(std::move(az));
      };
      for (const auto& [az, nodes] : place.azs) add_az(az.Label(), nodes);
      if (!place.unknown_az.empty()) add_az("unknown AZ", place.unknown_az);
      vpc.nodes = place.nodes;
      into.children.push_back(std::move(vpc));
    }
    into.nodes.insert(into.nodes.end(), top_.begin(), top_.end());
  }

  const Model& model_;
  IdMaker& ids_;
  std::string prefix_;
  Diagram& diagram_;
  std::map<std::string, std::set<std::string>> rules_of_;  // resource -> rule IDs
  std::set<std::string> unplaced_;
  std::set<std::string> drawn_;
  std::map<std::string, size_t> node_of_;
  std::map<std::string, VpcPlace> vpcs_;
  std::vector<size_t> top_;
  std::map<std::string, std::vector<std::string>> lb_subnets_;
  std::map<std::string, std::vector<std::string>> sgs_of_;  // compute / DB -> its SGs
  std::vector<std::string> sources_;                        // compute that may reach others
  std::vector<std::string> app_targets_;                    // app compute
  std::vector<std::string> db_targets_;                     // databases and data stores
};

Diagram BuildDiagram(const std::vector<const ResourceGraph*>& graphs) {
  Diagram diagram;
  IdMaker ids;
  const bool several = graphs.size() != 1;
  for (size_t i = 0; i < graphs.size(); ++i) {
    const ResourceGraph& graph = *graphs[i];
    Model model = BuildModel(graph);
    std::vector<Finding> findings = RunRules(model, EngineOptions());
    if (!several) {
      diagram.title = graph.file;
      Builder(model, findings, ids, "", diagram).Build(diagram.root);
      continue;
    }
    Cluster file;
    file.style = ClusterStyle::kFile;
    file.id = ids.Make("file", std::to_string(i + 1));
    file.label = graph.file;
    Builder(model, findings, ids, "t" + std::to_string(i + 1) + "_", diagram).Build(file);
    diagram.root.children.push_back(std::move(file));
  }
  return diagram;
}

// ---------------------------------------------------------------------------------------
// Graphviz.

struct DotStyle {
  const char* fill;
  const char* shape;
};

DotStyle DotStyleOf(NodeStyle s) {
  switch (s) {
    case NodeStyle::kPublicSubnet:
      return {"#dbeafe", "box"};
    case NodeStyle::kPrivateSubnet:
      return {"#dcfce7", "box"};
    case NodeStyle::kIsolatedSubnet:
      return {"#ede9fe", "box"};
    case NodeStyle::kUnknownSubnet:
      return {"#f3f4f6", "box"};
    case NodeStyle::kGateway:
      return {"#ffedd5", "box"};
    case NodeStyle::kLoadBalancer:
      return {"#cffafe", "box"};
    case NodeStyle::kTargetGroup:
      return {"#f0fdfa", "box"};
    case NodeStyle::kCompute:
      return {"#fef9c3", "box"};
    case NodeStyle::kBastion:
      return {"#fae8ff", "box"};
    case NodeStyle::kDatabase:
      return {"#e0e7ff", "cylinder"};
    case NodeStyle::kNote:
      return {"#ffffff", "note"};
  }
  return {"#ffffff", "box"};
}

constexpr const char* kFindingFill = "#fecaca";
constexpr const char* kFindingLine = "#b91c1c";

std::string DotQuote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

std::string DotLabel(const std::vector<std::string>& lines) {
  std::string out = "\"";
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i) out += "\\n";
    std::string q = DotQuote(lines[i]);
    out += q.substr(1, q.size() - 2);
  }
  return out + '"';
}

void WriteDotCluster(const Diagram& d, const Cluster& c, int depth, std::ostream& out) {
  const std::string pad(2 * depth, ' ');
  for (const Cluster& child : c.children) {
    out << pad << "subgraph cluster_" << child.id << " {\n";
    std::string label = child.label;
    if (!child.findings.empty()) {
      std::vector<std::string> f = child.findings;
      label += " [" + Join(f, ", ") + "]";
    }
    out << pad << "  label=" << DotQuote(label) << ";\n";
    switch (child.style) {
      case ClusterStyle::kFile:
        out << pad << "  style=\"solid\"; color=\"#6b7280\";\n";
        break;
      case ClusterStyle::kVpc:
        out << pad << "  style=\"rounded,filled\"; fillcolor=\"#f8fafc\"; color=\""
            << (child.findings.empty() ? "#1d4ed8" : kFindingLine) << "\";"
            << (child.findings.empty() ? "" : " penwidth=2;") << "\n";
        break;
      case ClusterStyle::kAz:
        out << pad << "  style=\"rounded,dashed\"; color=\"#64748b\";\n";
        break;
    }
    WriteDotCluster(d, child, depth + 1, out);
    out << pad << "}\n";
  }
  for (size_t i : c.nodes) {
    const DiagramNode& n = d.nodes[i];
    DotStyle style = DotStyleOf(n.style);
    std::vector<std::string> lines = n.lines;
    lines.insert(lines.end(), n.findings.begin(), n.findings.end());
    out << pad << n.id << " [label=" << DotLabel(lines);
    if (std::string_view(style.shape) != "box") out << ", shape=" << style.shape;
    if (n.findings.empty()) {
      out << ", fillcolor=\"" << style.fill << "\"";
    } else {
      out << ", fillcolor=\"" << kFindingFill << "\", color=\"" << kFindingLine << "\", penwidth=2";
    }
    out << "];\n";
  }
}

}  // namespace

void WriteTopologyDot(const std::vector<const ResourceGraph*>& graphs, std::ostream& out) {
  const Diagram d = BuildDiagram(graphs);
  out << "digraph halint {\n"
         "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, labelloc=t, newrank=true";
  if (!d.title.empty()) out << ", label=" << DotQuote(d.title);
  out << "];\n"
         "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10];\n"
         "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#475569\"];\n";
  WriteDotCluster(d, d.root, 1, out);
  for (const DiagramEdge& e : d.edges) {
    if (e.laid_out_backwards) {
      out << "  " << e.to << " -> " << e.from << " [label=" << DotQuote(e.label) << ", dir=back";
    } else {
      out << "  " << e.from << " -> " << e.to << " [label=" << DotQuote(e.label);
    }
    if (e.dashed) out << ", style=dashed";
    out << "];\n";
  }
  out << "}\n";
}

// ---------------------------------------------------------------------------------------
// Mermaid.

namespace {

// Mermaid reads `"` as the end of a label, `#...;` as an entity and `<`/`>` as HTML.
std::string MermaidText(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '"':
        out += "#quot;";
        break;
      case '#':
        out += "#35;";
        break;
      case '<':
        out += "#lt;";
        break;
      case '>':
        out += "#gt;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string MermaidLabel(const std::vector<std::string>& lines) {
  std::vector<std::string> escaped;
  for (const std::string& l : lines) escaped.push_back(MermaidText(l));
  return "\"" + Join(escaped, "<br/>") + "\"";
}

const char* MermaidClass(NodeStyle s) {
  switch (s) {
    case NodeStyle::kPublicSubnet:
      return "public";
    case NodeStyle::kPrivateSubnet:
      return "private";
    case NodeStyle::kIsolatedSubnet:
      return "isolated";
    case NodeStyle::kUnknownSubnet:
      return "unknownrole";
    case NodeStyle::kGateway:
      return "gateway";
    case NodeStyle::kLoadBalancer:
      return "lb";
    case NodeStyle::kTargetGroup:
      return "tg";
    case NodeStyle::kCompute:
      return "compute";
    case NodeStyle::kBastion:
      return "bastion";
    case NodeStyle::kDatabase:
      return "db";
    case NodeStyle::kNote:
      return "note";
  }
  return "compute";
}

void WriteMermaidCluster(const Diagram& d, const Cluster& c, int depth,
                         std::vector<std::string>& styled, std::ostream& out) {
  const std::string pad(2 * depth, ' ');
  for (const Cluster& child : c.children) {
    std::string label = child.label;
    if (!child.findings.empty()) label += " [" + Join(child.findings, ", ") + "]";
    out << pad << "subgraph " << child.id << "[" << MermaidLabel({label}) << "]\n";
    if (!child.findings.empty()) styled.push_back(child.id);
    WriteMermaidCluster(d, child, depth + 1, styled, out);
    out << pad << "end\n";
  }
  for (size_t i : c.nodes) {
    const DiagramNode& n = d.nodes[i];
    std::vector<std::string> lines = n.lines;
    lines.insert(lines.end(), n.findings.begin(), n.findings.end());
    const bool cylinder = n.style == NodeStyle::kDatabase;
    out << pad << n.id << (cylinder ? "[(" : "[") << MermaidLabel(lines) << (cylinder ? ")]" : "]")
        << "\n";
  }
}

}  // namespace

void WriteTopologyMermaid(const std::vector<const ResourceGraph*>& graphs, std::ostream& out) {
  const Diagram d = BuildDiagram(graphs);
  if (!d.title.empty()) out << "---\ntitle: " << MermaidLabel({d.title}) << "\n---\n";
  out << "flowchart LR\n";
  std::vector<std::string> styled_clusters;
  WriteMermaidCluster(d, d.root, 1, styled_clusters, out);
  for (const DiagramEdge& e : d.edges) {
    out << "  " << e.from << (e.dashed ? " -.->|" : " -->|") << MermaidLabel({e.label}) << "| "
        << e.to << "\n";
  }
  // Classes: one line per class in kClassDefs order, members in node order.
  std::map<std::string, std::vector<std::string>> members;
  for (const DiagramNode& n : d.nodes) {
    members[n.findings.empty() ? MermaidClass(n.style) : "finding"].push_back(n.id);
  }
  static constexpr std::pair<const char*, const char*> kClassDefs[] = {
      {"public", "fill:#dbeafe,stroke:#1d4ed8,color:#000"},
      {"private", "fill:#dcfce7,stroke:#15803d,color:#000"},
      {"isolated", "fill:#ede9fe,stroke:#6d28d9,color:#000"},
      {"unknownrole", "fill:#f3f4f6,stroke:#6b7280,color:#000"},
      {"gateway", "fill:#ffedd5,stroke:#c2410c,color:#000"},
      {"lb", "fill:#cffafe,stroke:#0e7490,color:#000"},
      {"tg", "fill:#f0fdfa,stroke:#0f766e,color:#000"},
      {"compute", "fill:#fef9c3,stroke:#a16207,color:#000"},
      {"bastion", "fill:#fae8ff,stroke:#a21caf,color:#000"},
      {"db", "fill:#e0e7ff,stroke:#4338ca,color:#000"},
      {"note", "fill:#ffffff,stroke:#6b7280,color:#000"},
      {"finding", "fill:#fecaca,stroke:#b91c1c,stroke-width:2px,color:#000"},
  };
  for (const auto& [name, css] : kClassDefs) {
    if (members.count(name)) out << "  classDef " << name << " " << css << "\n";
  }
  for (const auto& [name, css] : kClassDefs) {
    auto it = members.find(name);
    if (it != members.end()) out << "  class " << Join(it->second, ",") << " " << name << "\n";
  }
  for (const std::string& id : styled_clusters) {
    out << "  style " << id << " stroke:#b91c1c,stroke-width:2px\n";
  }
}

}  // namespace halint
