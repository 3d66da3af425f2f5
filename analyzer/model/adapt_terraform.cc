// Terraform resources (configuration and plans) -> model views. Attribute names are the
// AWS provider's; see https://registry.terraform.io/providers/hashicorp/aws/latest/docs
#include "analyzer/model/adapt_util.h"
#include "analyzer/model/model.h"

namespace halint {

void AdaptTerraform(const ResourceGraph& graph, Model& model) {
  (void)graph;
  LinkIngressRules(model);
}

}  // namespace halint
