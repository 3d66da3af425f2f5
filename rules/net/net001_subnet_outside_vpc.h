// NET001 subnet-outside-vpc: each subnet's CIDR blocks lie inside its VPC's blocks.
#pragma once

#include "analyzer/rule.h"

namespace halint {

class Net001SubnetOutsideVpc : public Rule {
 public:
  const RuleInfo& info() const override;
  void Check(const Model& model, RuleContext& ctx) const override;
};

}  // namespace halint
