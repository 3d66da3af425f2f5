// CloudFormation front end: a parsed template (YAML or JSON, short tags already expanded)
// -> ResourceGraph with every property resolved as far as the template allows.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "analyzer/graph.h"
#include "parsers/document.h"

namespace halint {

struct CfnOptions {
  std::string region = "us-east-1";  // AWS::Region
  // Parameter overrides (--parameter K=V, parameters files). Values are as the user wrote
  // them; list parameters are comma-separated, as CloudFormation takes them.
  std::map<std::string, std::string> parameters;
};

// True when `root` is a CloudFormation template: a map with AWSTemplateFormatVersion, or a
// Resources map whose entries are maps with a string Type.
bool IsCloudFormationTemplate(const Node& root);

// Builds the resource graph of a template. `file` is recorded in the graph and its
// diagnostics. Structural problems (Resources not a map, a resource without Type, a Ref to
// nothing) become HLT001 diagnostics in graph.diagnostics; loading continues past them.
ResourceGraph LoadCloudFormation(const Node& root, std::string_view file,
                                 const CfnOptions& options);

// Reads a CloudFormation parameters file in either common shape:
// [{"ParameterKey": K, "ParameterValue": V}, ...] or {"Parameters": {K: V, ...}}.
// Adds to `out`; returns "" on success, otherwise an error message (with line:column).
std::string ReadCfnParametersFile(const Node& root, std::map<std::string, std::string>& out);

}  // namespace halint
