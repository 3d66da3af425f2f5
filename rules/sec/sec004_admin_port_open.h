// SEC004 admin-port-open: no security group admits SSH or RDP from the whole internet.
#pragma once

#include "analyzer/rule.h"

namespace halint {

class Sec004AdminPortOpen : public Rule {
 public:
  const RuleInfo& info() const override;
  void Check(const Model& model, RuleContext& ctx) const override;
};

}  // namespace halint
