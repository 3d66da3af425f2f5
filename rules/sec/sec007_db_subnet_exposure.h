// SEC007 db-subnet-exposure: DB subnet groups use isolated subnets (no default route to an internet
// or NAT gateway).
#pragma once

#include "analyzer/rule.h"

namespace halint {

class Sec007DbSubnetExposure : public Rule {
 public:
  const RuleInfo& info() const override;
  void Check(const Model& model, RuleContext& ctx) const override;
};

}  // namespace halint
