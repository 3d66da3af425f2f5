#include "analyzer/graph.h"

#include <algorithm>
#include <tuple>

#include "analyzer/json_writer.h"

namespace halint {

std::string_view DialectName(Dialect d) {
  switch (d) {
    case Dialect::kCloudFormation:
      return "cloudformation";
    case Dialect::kTerraformConfig:
      return "terraform";
    case Dialect::kTerraformPlan:
      return "terraform-plan";
  }
  return "cloudformation";
}

std::string_view EdgeKindName(Edge::Kind k) {
  switch (k) {
    case Edge::Kind::kRef:
      return "ref";
    case Edge::Kind::kGetAtt:
      return "getatt";
    case Edge::Kind::kSub:
      return "sub";
    case Edge::Kind::kDependsOn:
      return "depends_on";
    case Edge::Kind::kReference:
      return "reference";
  }
  return "ref";
}

void ResourceGraph::Finalize() {
  index_.clear();
  for (size_t i = 0; i < resources.size(); ++i) index_.emplace(resources[i].id, i);
  auto key = [](const Edge& e) { return std::tie(e.from, e.to, e.kind, e.pos); };
  std::sort(edges.begin(), edges.end(),
            [&](const Edge& a, const Edge& b) { return key(a) < key(b); });
  edges.erase(std::unique(edges.begin(), edges.end(),
                          [&](const Edge& a, const Edge& b) { return key(a) == key(b); }),
              edges.end());
}

const Resource* ResourceGraph::Find(std::string_view id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &resources[it->second];
}

std::string ResourceGraph::ToJson() const {
  JsonWriter out(2);
  out.BeginObject();
  out.Field("file", file).Field("dialect", DialectName(dialect));
  out.Key("resources").BeginArray();
  for (const Resource& r : resources) {
    out.BeginObject()
        .Field("id", r.id)
        .Field("type", r.type)
        .Field("file", file)
        .Field("line", r.pos.line)
        .Field("column", r.pos.column);
    out.Key("condition");
    if (r.condition.empty()) {
      out.Null();
    } else {
      out.BeginObject().Field("name", r.condition).Field("known", !r.condition_unknown);
      out.EndObject();
    }
    out.Key("properties");
    if (r.properties.is_absent()) {
      out.BeginObject().EndObject();
    } else {
      r.properties.WriteJson(out);
    }
    out.EndObject();
  }
  out.EndArray();
  out.Key("edges").BeginArray();
  for (const Edge& e : edges) {
    out.BeginObject()
        .Field("from", e.from)
        .Field("to", e.to)
        .Field("kind", EdgeKindName(e.kind))
        .Field("line", e.pos.line)
        .Field("column", e.pos.column)
        .EndObject();
  }
  out.EndArray();
  out.Key("diagnostics").BeginArray();
  for (const Finding& d : diagnostics) {
    out.BeginObject()
        .Field("rule", d.rule_id)
        .Field("level", SeverityName(d.severity))
        .Field("line", d.pos.line)
        .Field("column", d.pos.column)
        .Field("message", d.message)
        .EndObject();
  }
  out.EndArray();
  out.EndObject();
  std::string s = out.Take();
  s += '\n';
  return s;
}

}  // namespace halint
