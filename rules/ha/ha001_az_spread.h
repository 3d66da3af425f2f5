// HA001 az-spread: load balancers, Auto Scaling groups, subnet groups and each VPC's public and
// private subnet sets span at least two Availability Zones.
#pragma once

#include "analyzer/rule.h"

namespace halint {

class Ha001AzSpread : public Rule {
 public:
  const RuleInfo& info() const override;
  void Check(const Model& model, RuleContext& ctx) const override;
};

}  // namespace halint
