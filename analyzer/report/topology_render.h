// Draws the topology halint infers for a template (BuildModel), not its raw resources:
// `halint graph --format dot|mermaid`.
//
// Each VPC is a cluster holding one sub-cluster per Availability Zone (a subnet whose AZ
// is not pinned goes to an "unknown AZ" group). Subnets show their ID, CIDR and role; NAT
// gateways and instances sit in their subnet's AZ; load balancers, target groups, Auto
// Scaling groups, ECS services and databases sit in their VPC; internet gateways outside.
// Edges: subnet -> NAT / internet gateway for default routes, load balancer -> target group
// -> compute, and compute -> compute / database when a security group of the target admits
// one of the source's (the SG chain; bastions included). The rules are run (default
// options) and every element with a finding on itself or on a resource it stands for (its
// security groups, launch template, route table, cluster members, subnet group) is red,
// with the rule IDs in its label; findings on nothing drawn are listed in an
// "other findings" node. Output depends only on the templates: everything is sorted.
#pragma once

#include <ostream>
#include <vector>

#include "analyzer/graph.h"

namespace halint {

// Graphviz: one `digraph`; several templates become one cluster each. Render with
// `dot -Tsvg`.
void WriteTopologyDot(const std::vector<const ResourceGraph*>& graphs, std::ostream& out);

// Mermaid `flowchart LR` with `subgraph`s, as GitHub renders it: node IDs reduced to
// [A-Za-z0-9_] and made unique, labels quoted with `"`, `#`, `<` and `>` as entity codes.
void WriteTopologyMermaid(const std::vector<const ResourceGraph*>& graphs, std::ostream& out);

}  // namespace halint
