// Temporary link stub so the cli branch builds before the CloudFormation front end lands;
// replaced by the real parsers/cfn/cfn_frontend.cc on merge.
#include "parsers/cfn/cfn_frontend.h"

namespace halint {

bool IsCloudFormationTemplate(const Node&) { return false; }

ResourceGraph LoadCloudFormation(const Node&, std::string_view file, const CfnOptions&) {
  ResourceGraph graph;
  graph.file = std::string(file);
  return graph;
}

std::string ReadCfnParametersFile(const Node&, std::map<std::string, std::string>&) {
  return "parameters files are not supported yet";
}

}  // namespace halint
