// NET002 subnet-overlap: no two subnets of one VPC share addresses.
#pragma once

#include "analyzer/rule.h"

namespace halint {

class Net002SubnetOverlap : public Rule {
 public:
  const RuleInfo& info() const override;
  void Check(const Model& model, RuleContext& ctx) const override;
};

}  // namespace halint
