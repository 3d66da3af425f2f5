// TAG001 name-convention: `Name` tags match the RE2 pattern configured per resource type.
#pragma once

#include "analyzer/rule.h"

namespace halint {

class Tag001NameConvention : public Rule {
 public:
  const RuleInfo& info() const override;
  void Check(const Model& model, RuleContext& ctx) const override;
};

}  // namespace halint
