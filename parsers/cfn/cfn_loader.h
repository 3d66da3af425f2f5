// The CloudFormation loader behind LoadCloudFormation: indexes a template's sections,
// evaluates its parameters and conditions once, and resolves each resource's properties.
// Internal to parsers/cfn; the public interface is cfn_frontend.h.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzer/graph.h"
#include "analyzer/value.h"
#include "parsers/cfn/cfn_frontend.h"
#include "parsers/document.h"

namespace halint {

class CfnLoader {
 public:
  CfnLoader(const Node& root, std::string_view file, const CfnOptions& options);

  // Loads the whole template. Never throws; problems become HLT001 diagnostics.
  ResourceGraph Load();

 private:
  enum class Tri : uint8_t { kFalse, kTrue, kUnknown };
  // Nested expressions, condition chains and Fn::GetAtt chains deeper than this resolve to
  // unresolved / unknown instead of recursing further.
  static constexpr int kMaxDepth = 512;

  // Where an expression is being resolved. `from` is the resource whose properties are
  // being resolved ("" outside resources): edges are recorded from it. `record` is false
  // while resolving another resource's property for Fn::GetAtt, whose edges and
  // diagnostics belong to that resource and are recorded when it is loaded itself.
  struct Scope {
    std::string_view from;
    bool record = true;
    int depth = 0;
  };

  struct ResourceDecl {
    const Node* node = nullptr;  // the resource's map
    std::string type;
    bool in_graph = false;  // declared validly and its condition is not false
    std::string condition;
    bool condition_unknown = false;
  };

  enum class ConditionState : uint8_t { kPending, kEvaluating, kDone };
  struct ConditionDecl {
    const Node* node = nullptr;
    SourcePos pos;
    ConditionState state = ConditionState::kPending;
    Tri value = Tri::kUnknown;
  };

  // cfn_loader.cc: sections.
  void LoadParameters();
  void IndexSections();
  void ApplyCondition(const std::string& id, ResourceDecl& decl);
  void LoadResource(const Node::Key& key, const Node& node, const ResourceDecl& decl);
  // The value of pseudo parameter `name` (AWS::NoValue is absent), or nullopt.
  std::optional<Value> PseudoParameter(std::string_view name, SourcePos pos) const;
  void Diagnose(SourcePos pos, std::string resource, std::string message);
  void Diagnose(const Scope& scope, SourcePos pos, std::string message);
  void AddEdge(const Scope& scope, const std::string& to, Edge::Kind kind, SourcePos pos);
  // A name declared nowhere in the template: an HLT001 diagnostic, unless a transform may
  // declare it (SAM generates resources); unresolved either way.
  Value UndeclaredName(std::string message, SourcePos pos, const Scope& scope);

  // intrinsics.cc: resolution.
  Value Resolve(const Node& node, Scope& scope);
  Value ResolveIntrinsic(std::string_view fn, const Node& arg, SourcePos pos, Scope& scope);
  // An intrinsic called with the wrong shape: an HLT001 diagnostic and an unresolved value.
  Value Malformed(std::string_view fn, std::string_view shape, SourcePos pos, const Scope& scope);
  // Resolves the `count` arguments of `fn`. False (with the result in `failure`) when the
  // call is malformed or an argument is unresolved or AWS::NoValue.
  bool Arguments(std::string_view fn, std::string_view shape, const Node& arg, size_t count,
                 SourcePos pos, Scope& scope, std::vector<Value>& out, Value& failure);
  Value Ref(const Node& arg, SourcePos pos, Scope& scope);
  Value RefName(const std::string& name, SourcePos pos, Scope& scope, Edge::Kind edge);
  Value GetAtt(const Node& arg, SourcePos pos, Scope& scope);
  Value Attribute(const std::string& target, const std::string& attribute, SourcePos pos,
                  Scope& scope, Edge::Kind edge);
  Value Sub(const Node& arg, SourcePos pos, Scope& scope);
  Value Join(const Node& arg, SourcePos pos, Scope& scope);
  Value Split(const Node& arg, SourcePos pos, Scope& scope);
  Value Select(const Node& arg, SourcePos pos, Scope& scope);
  Value GetAzs(const Node& arg, SourcePos pos, Scope& scope);
  Value FindInMap(const Node& arg, SourcePos pos, Scope& scope);
  Value If(const Node& arg, SourcePos pos, Scope& scope);
  Value Cidr(const Node& arg, SourcePos pos, Scope& scope);
  Value Base64(const Node& arg, SourcePos pos, Scope& scope);
  Value Length(const Node& arg, SourcePos pos, Scope& scope);

  // conditions.cc: tri-state condition evaluation, memoized per named condition.
  void EvaluateConditions();
  Tri NamedCondition(const std::string& name, SourcePos pos, Scope& scope);
  Tri Condition(const Node& node, Scope& scope);
  Tri Equals(const Node& arg, Scope& scope);

  const Node& root_;
  std::string file_;
  const CfnOptions& options_;
  ResourceGraph graph_;
  bool has_transform_ = false;

  std::unordered_map<std::string, size_t> parameter_index_;  // into graph_.parameters
  std::unordered_map<std::string, const Node*> mappings_;
  std::unordered_map<std::string, ConditionDecl> conditions_;
  std::vector<std::string> condition_order_;  // document order, for deterministic output
  std::unordered_map<std::string, ResourceDecl> resources_;
  // Fn::GetAtt of a plain property ("Vpc.CidrBlock"): resolved once; nullopt while being
  // resolved, which is how a reference cycle is detected.
  std::unordered_map<std::string, std::optional<Value>> attribute_memo_;
};

}  // namespace halint
