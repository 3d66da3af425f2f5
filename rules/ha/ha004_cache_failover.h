// HA004 cache-failover: a cache survives the loss of a node or an AZ
#pragma once

#include "analyzer/rule.h"

namespace halint {

class Ha004CacheFailover : public Rule {
 public:
  const RuleInfo& info() const override;
  void Check(const Model& model, RuleContext& ctx) const override;
};

}  // namespace halint
