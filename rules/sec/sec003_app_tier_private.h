// SEC003 app-tier-private: app-tier compute sits in private subnets without public IPs;
// internet-facing load balancers sit in public subnets.
#pragma once

#include "analyzer/rule.h"

namespace halint {

class Sec003AppTierPrivate : public Rule {
 public:
  const RuleInfo& info() const override;
  void Check(const Model& model, RuleContext& ctx) const override;
};

}  // namespace halint
