// Terraform plan front end; see tf_frontend.h for the graph contract.
#include "parsers/terraform/tf_frontend.h"

namespace halint {

bool IsTerraformPlan(const Node& root) {
  return root.is_map() && root.Find("format_version") &&
         (root.Find("planned_values") || root.Find("values"));
}

ResourceGraph LoadTerraformPlan(const Node& /*root*/, std::string_view file,
                                const TfOptions& /*options*/) {
  ResourceGraph graph;
  graph.file = std::string(file);
  graph.dialect = Dialect::kTerraformPlan;
  return graph;
}

}  // namespace halint
