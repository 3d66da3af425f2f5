// HA005 asg-capacity: an Auto Scaling group keeps at least two instances
#pragma once

#include "analyzer/rule.h"

namespace halint {

class Ha005AsgCapacity : public Rule {
 public:
  const RuleInfo& info() const override;
  void Check(const Model& model, RuleContext& ctx) const override;
};

}  // namespace halint
