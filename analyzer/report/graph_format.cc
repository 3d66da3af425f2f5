#include "analyzer/report/graph_format.h"

#include "analyzer/json_writer.h"
#include "analyzer/report/topology_render.h"

namespace halint {
namespace {

// Re-indents one pretty-printed document (without its trailing newline) by `spaces` so it
// nests as an array element.
std::string Indented(std::string_view json, size_t spaces) {
  if (json.ends_with('\n')) json.remove_suffix(1);
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    out += c;
    if (c == '\n') out.append(spaces, ' ');
  }
  return out;
}

void WriteJsonGraphs(const std::vector<const ResourceGraph*>& graphs, std::ostream& out) {
  if (graphs.size() == 1) {
    out << graphs.front()->ToJson();
    return;
  }
  JsonWriter json(2);
  json.BeginArray();
  for (const ResourceGraph* g : graphs) json.Raw(Indented(g->ToJson(), 2));
  json.EndArray();
  out << json.str() << '\n';
}

struct Format {
  std::string_view name;
  void (*write)(const std::vector<const ResourceGraph*>& graphs, std::ostream& out);
};
constexpr Format kFormats[] = {
    {"json", WriteJsonGraphs},
    {"dot", WriteTopologyDot},
    {"mermaid", WriteTopologyMermaid},
};

}  // namespace

std::vector<std::string> GraphFormats() {
  std::vector<std::string> names;
  for (const Format& f : kFormats) names.emplace_back(f.name);
  return names;
}

bool WriteGraphs(std::string_view format, const std::vector<const ResourceGraph*>& graphs,
                 std::ostream& out) {
  for (const Format& f : kFormats) {
    if (f.name != format) continue;
    f.write(graphs, out);
    return true;
  }
  return false;
}

}  // namespace halint
