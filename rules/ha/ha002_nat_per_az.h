// HA002 nat-per-az: every AZ with private subnets has its own NAT gateway, in a public subnet.
#pragma once

#include "analyzer/rule.h"

namespace halint {

class Ha002NatPerAz : public Rule {
 public:
  const RuleInfo& info() const override;
  void Check(const Model& model, RuleContext& ctx) const override;
};

}  // namespace halint
