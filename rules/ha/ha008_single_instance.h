// HA008 single-instance: no lone EC2 instance serves an entry point
#pragma once

#include "analyzer/rule.h"

namespace halint {

class Ha008SingleInstance : public Rule {
 public:
  const RuleInfo& info() const override;
  void Check(const Model& model, RuleContext& ctx) const override;
};

}  // namespace halint
