// SEC006 lb-plain-http: internet-facing ALB listeners redirect HTTP to HTTPS; HTTPS listeners carry
// a certificate.
#pragma once

#include "analyzer/rule.h"

namespace halint {

class Sec006LbPlainHttp : public Rule {
 public:
  const RuleInfo& info() const override;
  void Check(const Model& model, RuleContext& ctx) const override;
};

}  // namespace halint
