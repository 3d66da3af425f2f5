// The resource graph: one template (a CloudFormation template, a Terraform configuration
// or a Terraform plan) normalized into resources with resolved, located properties and
// the edges between them. Front ends build it; the model reads it.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/finding.h"
#include "analyzer/value.h"
#include "parsers/document.h"

namespace halint {

enum class Dialect : uint8_t { kCloudFormation, kTerraformConfig, kTerraformPlan };

// "cloudformation", "terraform", "terraform-plan".
std::string_view DialectName(Dialect d);

struct Resource {
  std::string id;    // CloudFormation logical ID, or Terraform address (aws_subnet.a[0])
  std::string type;  // AWS::EC2::Subnet, aws_subnet
  SourcePos pos;     // where the logical ID key / the resource object is written
  // The file the resource is written in when it is not the graph's own file (a Terraform
  // module read from several .tf.json files); "" means graph.file.
  std::string file;
  Value properties;  // a map (CloudFormation Properties; Terraform attributes), or absent
  Value metadata;    // CloudFormation Metadata, as written (intrinsics unresolved)
  // The CloudFormation Condition guarding this resource, "" when unconditional. A resource
  // whose condition is provably false is not in the graph at all.
  std::string condition;
  bool condition_unknown = false;  // the condition could not be evaluated
  std::vector<std::string> depends_on;
};

struct Edge {
  enum class Kind : uint8_t { kRef, kGetAtt, kSub, kDependsOn, kReference };
  std::string from;  // resource IDs
  std::string to;
  Kind kind = Kind::kRef;
  SourcePos pos;  // where the reference is written
};

// "ref", "getatt", "sub", "depends_on", "reference".
std::string_view EdgeKindName(Edge::Kind k);

struct Parameter {
  std::string name;
  SourcePos pos;
  std::string type;
  Value value;  // the value in force: override, default (origin kDefaulted), or unresolved
};

class ResourceGraph {
 public:
  std::string file;  // the path as the user named it
  Dialect dialect = Dialect::kCloudFormation;
  std::vector<Resource> resources;  // in document order
  std::vector<Edge> edges;          // sorted by (from, to, kind, pos) by Finalize()
  std::vector<Parameter> parameters;
  // Diagnostics found while loading (HLT001 for "not a template" and structural errors).
  std::vector<Finding> diagnostics;

  // Builds the ID index and sorts and de-duplicates edges. Call once after loading.
  void Finalize();
  // The resource with this ID, or nullptr. Requires Finalize().
  const Resource* Find(std::string_view id) const;

  // `halint graph --format json`: {"file", "dialect", "resources": [...], "edges": [...],
  // "diagnostics": [...]}; see docs/graph-format.md.
  std::string ToJson() const;

 private:
  std::map<std::string, size_t, std::less<>> index_;
};

}  // namespace halint
