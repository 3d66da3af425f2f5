// SEC002 app-ingress-from-lb-only: app security groups admit only the load balancer's, a bastion's
// or their own security group.
#pragma once

#include "analyzer/rule.h"

namespace halint {

class Sec002AppIngressFromLbOnly : public Rule {
 public:
  const RuleInfo& info() const override;
  void Check(const Model& model, RuleContext& ctx) const override;
};

}  // namespace halint
