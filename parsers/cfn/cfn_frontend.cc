#include "parsers/cfn/cfn_frontend.h"

#include "parsers/cfn/cfn_loader.h"

namespace halint {
namespace {

std::string At(SourcePos pos, std::string_view message) {
  return std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": " + std::string(message);
}

// A parameter value as CloudFormation takes it: scalars as written, lists comma-joined.
std::string ParameterValue(const Node& value, const std::string& key, std::string& error) {
  if (value.is_scalar() && !value.is_null()) return value.text();
  if (value.is_sequence()) {
    std::string out;
    for (size_t i = 0; i < value.size(); ++i) {
      if (!value[i].is_scalar() || value[i].is_null()) {
        error = At(value[i].pos(), "value of parameter '" + key + "' is not a list of scalars");
        return "";
      }
      if (i > 0) out += ',';
      out += value[i].text();
    }
    return out;
  }
  error = At(value.pos(), "value of parameter '" + key + "' is not a string, number or list");
  return "";
}

}  // namespace

bool IsCloudFormationTemplate(const Node& root) {
  if (!root.is_map()) return false;
  if (root.Find("AWSTemplateFormatVersion") != nullptr) return true;
  const Node* resources = root.Find("Resources");
  if (resources == nullptr || !resources->is_map() || resources->size() == 0) return false;
  for (const Node& resource : resources->items()) {
    const Node* type = resource.is_map() ? resource.Find("Type") : nullptr;
    if (type == nullptr || !type->is_string()) return false;
  }
  return true;
}

ResourceGraph LoadCloudFormation(const Node& root, std::string_view file,
                                 const CfnOptions& options) {
  return CfnLoader(root, file, options).Load();
}

std::string ReadCfnParametersFile(const Node& root, std::map<std::string, std::string>& out) {
  std::map<std::string, std::string> read;
  std::string error;
  if (root.is_sequence()) {
    for (const Node& entry : root.items()) {
      const Node* key = entry.is_map() ? entry.Find("ParameterKey") : nullptr;
      const Node* value = entry.is_map() ? entry.Find("ParameterValue") : nullptr;
      if (key == nullptr || !key->is_string() || value == nullptr) {
        return At(entry.pos(), "expected {\"ParameterKey\": name, \"ParameterValue\": value}");
      }
      read[key->text()] = ParameterValue(*value, key->text(), error);
      if (!error.empty()) return error;
    }
  } else if (const Node* params = root.is_map() ? root.Find("Parameters") : nullptr;
             params != nullptr) {
    if (!params->is_map()) return At(params->pos(), "Parameters is not a map");
    for (size_t i = 0; i < params->size(); ++i) {
      read[params->key(i).text] = ParameterValue((*params)[i], params->key(i).text, error);
      if (!error.empty()) return error;
    }
  } else {
    return At(root.pos(),
              "a parameters file is a list of {\"ParameterKey\", \"ParameterValue\"} or a map "
              "with \"Parameters\"");
  }
  for (auto& [k, v] : read) out[k] = std::move(v);
  return "";
}

}  // namespace halint
