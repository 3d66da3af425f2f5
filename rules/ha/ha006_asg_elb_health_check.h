// HA006 asg-elb-health-check: an Auto Scaling group behind a load balancer uses ELB health checks
#pragma once

#include "analyzer/rule.h"

namespace halint {

class Ha006AsgElbHealthCheck : public Rule {
 public:
  const RuleInfo& info() const override;
  void Check(const Model& model, RuleContext& ctx) const override;
};

}  // namespace halint
