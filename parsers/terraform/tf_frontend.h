// Terraform front ends: `.tf.json` configuration (a module: every *.tf.json file of one
// directory) and `terraform show -json` plans -> ResourceGraph, in the same shape the
// model's Terraform adapter (analyzer/model/adapt_terraform.cc) reads for both.
//
// The graph contract both front ends keep:
// - Resource::id is the full address without any "data." resources: "aws_subnet.a",
//   "aws_subnet.a[0]", "aws_instance.web[\"a\"]", "module.vpc.aws_subnet.private[1]".
//   Data sources are not resources of the graph.
// - Resource::type is the Terraform type ("aws_subnet"); Resource::pos is the resource's
//   name key in configuration, or the "address" key of its object in a plan's
//   planned_values; Resource::file is set when the resource is written in a sibling file
//   of the module rather than the file the graph is for.
// - Resource::properties is a map of the resource's arguments / planned attributes under
//   their Terraform names. Nested blocks (ingress, route, default_action, ...) are always
//   lists of maps, whether written as one object or an array.
// - A reference to another resource's identity (id, arn, name and the like) is
//   Value::Ref(address, attribute). A reference to a plain argument of a resource in the
//   graph (aws_subnet.a.availability_zone) is that argument's value when it is known.
//   data.aws_availability_zones.<n>.names[i] is Value::Az(region, i); .names is
//   Value::AzList(region). Everything else that cannot be known before apply is
//   Value::Unresolved with a reason: never guessed.
// - A resource whose count / for_each is not known is one resource, address without an
//   index, with condition_unknown = true. count = 0 removes it.
// - Edges are Edge::Kind::kReference, from the referring resource to the referred one.
// - Variables are graph.parameters (value: override, default with origin kDefaulted, or
//   unresolved).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/graph.h"
#include "parsers/document.h"

namespace halint {

struct TfOptions {
  std::string region = "us-east-1";  // when no provider block pins one
  // Variable overrides (--var NAME=VALUE, --var-file x.tfvars.json). A value is as the user
  // wrote it: JSON text for lists, maps, numbers and booleans, or a plain string.
  std::map<std::string, std::string> variables;
};

// True when `root` is a `terraform show -json` plan or state: a map with format_version
// and planned_values (or values).
bool IsTerraformPlan(const Node& root);

// Builds the graph of a plan: planned_values.root_module and every nested child_modules;
// resources that resource_changes delete are left out; after_unknown attributes are
// unresolved; references between resources come from configuration `references` when the
// planned values cannot link them.
ResourceGraph LoadTerraformPlan(const Node& root, std::string_view file, const TfOptions& options);

// True when `root` is a Terraform JSON configuration file: a map whose keys are all
// top-level block types (resource, data, variable, locals, output, module, provider,
// terraform) or "//" comments, with at least one block.
bool IsTerraformConfig(const Node& root);

struct TfConfigFile {
  std::string path;
  const Node* root = nullptr;
};

// Builds the graph of one module from all its files. `files[primary]` is the file the
// graph is for (graph.file); resources of the other files carry their file in
// Resource::file.
ResourceGraph LoadTerraformConfig(const std::vector<TfConfigFile>& files, size_t primary,
                                  const TfOptions& options);

}  // namespace halint
