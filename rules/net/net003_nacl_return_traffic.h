// NET003 nacl-return-traffic: a network ACL lets the return traffic of the traffic it admits
// through.
#pragma once

#include "analyzer/rule.h"

namespace halint {

class Net003NaclReturnTraffic : public Rule {
 public:
  const RuleInfo& info() const override;
  void Check(const Model& model, RuleContext& ctx) const override;
};

}  // namespace halint
