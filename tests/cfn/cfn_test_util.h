// Test helpers for the CloudFormation front end.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "parsers/document.h"

namespace halint {

// Builds a document tree from JSON text. Nodes get distinct synthetic positions (line =
// creation order) so that edges written at different places stay distinct.
class TreeBuilder {
 public:
  Node Build(const nlohmann::ordered_json& j) {
    SourcePos pos{++line_, 1};
    switch (j.type()) {
      case nlohmann::ordered_json::value_t::null:
        return Node::Null(pos);
      case nlohmann::ordered_json::value_t::boolean:
        return Node::Bool(j.get<bool>(), pos);
      case nlohmann::ordered_json::value_t::number_integer:
      case nlohmann::ordered_json::value_t::number_unsigned:
        return Node::Int(j.get<int64_t>(), j.dump(), pos);
      case nlohmann::ordered_json::value_t::number_float:
        return Node::Float(j.get<double>(), j.dump(), pos);
      case nlohmann::ordered_json::value_t::string:
        return Node::String(j.get<std::string>(), pos);
      case nlohmann::ordered_json::value_t::array: {
        Node seq = Node::Sequence(pos);
        for (const auto& item : j) seq.Append(Build(item));
        return seq;
      }
      default: {
        Node map = Node::Map(pos);
        for (const auto& [k, v] : j.items()) map.Insert({k, {++line_, 1}}, Build(v));
        return map;
      }
    }
  }

 private:
  uint32_t line_ = 0;
};

inline Node FromJson(std::string_view text) {
  return TreeBuilder().Build(nlohmann::ordered_json::parse(text));
}

}  // namespace halint
