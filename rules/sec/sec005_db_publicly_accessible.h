// SEC005 db-publicly-accessible: RDS DB instances are not publicly accessible.
#pragma once

#include "analyzer/rule.h"

namespace halint {

class Sec005DbPubliclyAccessible : public Rule {
 public:
  const RuleInfo& info() const override;
  void Check(const Model& model, RuleContext& ctx) const override;
};

}  // namespace halint
