// HA007 msk-broker-spread: MSK brokers are balanced over AZs and topics survive a broker loss
#pragma once

#include "analyzer/rule.h"

namespace halint {

class Ha007MskBrokerSpread : public Rule {
 public:
  const RuleInfo& info() const override;
  void Check(const Model& model, RuleContext& ctx) const override;
};

}  // namespace halint
