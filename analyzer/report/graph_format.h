// `halint graph` output formats: the resource graphs of the templates found -> one document
// (json: the raw resource graph; dot, mermaid: the topology the model infers from it).
// Each format is one function registered by name in graph_format.cc.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/graph.h"

namespace halint {

// The registered format names, in the order --help lists them (the default first).
std::vector<std::string> GraphFormats();

// Writes `graphs` (in input order) in `format`. Returns false, writing nothing, when no
// such format is registered.
//   json: one graph -> ResourceGraph::ToJson(); several (or none) -> a JSON array of them.
//   dot, mermaid: the inferred topology with findings highlighted (topology_render.h).
bool WriteGraphs(std::string_view format, const std::vector<const ResourceGraph*>& graphs,
                 std::ostream& out);

}  // namespace halint
