// SEC001 db-ingress-from-app-only: DB security groups admit only app-tier (or bastion) security
// groups.
#pragma once

#include "analyzer/rule.h"

namespace halint {

class Sec001DbIngressFromAppOnly : public Rule {
 public:
  const RuleInfo& info() const override;
  void Check(const Model& model, RuleContext& ctx) const override;
};

}  // namespace halint
