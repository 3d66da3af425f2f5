// NET004 peering-overlap: the VPCs of a peering connection have disjoint CIDR blocks.
#pragma once

#include "analyzer/rule.h"

namespace halint {

class Net004PeeringOverlap : public Rule {
 public:
  const RuleInfo& info() const override;
  void Check(const Model& model, RuleContext& ctx) const override;
};

}  // namespace halint
