// Shared by the security-group rules: describing and reporting ingress rules.
#pragma once

#include <string>

#include "analyzer/rule.h"

namespace halint {

// "'DbSG' admits port 3306 from " — the start of every ingress message.
std::string IngressHead(const IngressRule& rule);

// What a CIDR or prefix-list source is, for messages: "0.0.0.0/0 (the whole internet)",
// "10.0.0.0/16 (the whole VPC 'Vpc')", "10.0.5.0/24", "prefix list 'pl-1'"; "" when the rule
// has no such source.
std::string DescribeCidrSource(const Model& model, const SecurityGroup& sg,
                               const IngressRule& rule);

// True when the rule's IPv4 source is exactly a CIDR of the SG's VPC (or of any VPC when
// the SG's VPC is not in the template).
bool SourceIsVpcCidr(const Model& model, const SecurityGroup& sg, const IngressRule& rule);

// True when the rule provably exists: it is declared by a resource whose condition is not
// unknown (a rule behind a false condition is not in the graph at all).
bool IngressCertain(const IngressRule& rule);

// Reports `message` on the resource that declares the rule, at the rule's source property.
void ReportIngress(RuleContext& ctx, const IngressRule& rule, std::string message);

}  // namespace halint
