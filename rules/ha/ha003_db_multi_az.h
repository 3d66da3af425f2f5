// HA003 db-multi-az: RDS instances are Multi-AZ; Aurora clusters have a writer and a replica.
#pragma once

#include "analyzer/rule.h"

namespace halint {

class Ha003DbMultiAz : public Rule {
 public:
  const RuleInfo& info() const override;
  void Check(const Model& model, RuleContext& ctx) const override;
};

}  // namespace halint
