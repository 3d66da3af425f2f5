#include "parsers/terraform/tf_common.h"

#include "analyzer/finding.h"

namespace halint::tf {

bool IsIdentityAttribute(std::string_view attr) {
  return attr == "id" || attr == "arn" || attr == "name" || attr == "arn_suffix" ||
         attr == "default_route_table_id" || attr == "main_route_table_id";
}

void Relocate(Value& v, SourcePos pos) {
  v.set_pos(pos);
  for (Value& item : v.items()) Relocate(item, pos);
  for (ValueEntry& e : v.entries()) {
    e.key_pos = pos;
    Relocate(e.value, pos);
  }
}

void AddReferenceEdges(const Value& v, const std::string& from, ResourceGraph& graph) {
  if (v.is_ref() && v.ref_target() != from) {
    graph.edges.push_back({from, v.ref_target(), Edge::Kind::kReference, v.pos()});
  }
  for (const Value& item : v.items()) AddReferenceEdges(item, from, graph);
  for (const ValueEntry& e : v.entries()) AddReferenceEdges(e.value, from, graph);
}

void Diagnose(ResourceGraph& graph, SourcePos pos, std::string message, const std::string& file) {
  Finding f;
  f.rule_id = "HLT001";
  f.severity = Severity::kError;
  f.file = file.empty() ? graph.file : file;
  f.pos = pos.known() ? pos : SourcePos{1, 1};
  f.message = std::move(message);
  graph.diagnostics.push_back(std::move(f));
}

}  // namespace halint::tf
