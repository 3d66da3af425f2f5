// Helpers both Terraform front ends (configuration and plan) share.
#pragma once

#include <string>
#include <string_view>

#include "analyzer/graph.h"
#include "analyzer/value.h"

namespace halint::tf {

// The attributes whose reference is a resource's identity (Value::Ref) rather than a copy
// of an argument: id, arn, name, arn_suffix, and a VPC's default_route_table_id /
// main_route_table_id (the adapter reads those as "the main route table of that VPC").
bool IsIdentityAttribute(std::string_view attr);

// Sets the position of `v` and everything in it: a value taken from elsewhere (a variable
// default, a local, another resource's argument) is located where it is used.
void Relocate(Value& v, SourcePos pos);

// Adds a kReference edge from `from` to the target of every Value::Ref in `v` (self
// references excepted).
void AddReferenceEdges(const Value& v, const std::string& from, ResourceGraph& graph);

// Appends an HLT001 error diagnostic at `pos` (1:1 when unknown) in `file` (graph.file
// when empty).
void Diagnose(ResourceGraph& graph, SourcePos pos, std::string message,
              const std::string& file = {});

}  // namespace halint::tf
