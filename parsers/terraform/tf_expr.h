// Terraform expressions as they appear in JSON configuration: every JSON string is a
// template ("web-${var.env}"), and a string that is exactly one "${...}" is that
// expression's value. This parses templates and the HCL expression syntax inside them
// into a small AST; tf_config.cc evaluates it.
//
// Supported: literals, traversals (a.b[0].c, a[*].b, legacy a.*.b), function calls (with
// a final `...` expansion), tuples, objects, unary and binary operators, the conditional
// operator. `for` expressions and template directives (%{ if }) parse as kUnsupported,
// which evaluates to an unresolved value: never guessed.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace halint {

struct TfExpr;
using TfExprPtr = std::unique_ptr<TfExpr>;

struct TfStep {
  enum class Kind : uint8_t { kAttr, kIndex, kSplat };
  Kind kind = Kind::kAttr;
  std::string name;  // kAttr
  TfExprPtr index;   // kIndex
};

struct TfExpr {
  enum class Kind : uint8_t {
    kNumber,
    kString,
    kBool,
    kNull,
    kTemplate,     // parts: string literals and interpolated expressions, concatenated
    kTraversal,    // root name `text` (or `operands[0]` when text is empty) then `steps`
    kCall,         // function `text`, arguments `operands`; `expand_last` for `f(xs...)`
    kTuple,        // operands
    kObject,       // operands: key, value, key, value, ...
    kUnary,        // text "!" or "-", operands[0]
    kBinary,       // text is the operator, operands[0] and [1]
    kConditional,  // operands: condition, then, else
    kUnsupported,  // text says what
  };
  Kind kind = Kind::kNull;
  double number = 0;
  bool boolean = false;
  std::string text;
  std::vector<TfExprPtr> operands;
  std::vector<TfStep> steps;
  bool expand_last = false;
};

// Parses a JSON string's content as a Terraform template. Never fails: text that does not
// parse yields kUnsupported with the reason in `text`. A template that is only a string
// literal is kString; exactly one interpolation and nothing else is that expression.
TfExprPtr ParseTfTemplate(std::string_view text);

// Parses a bare expression (a `depends_on` item, `count` written without "${}").
TfExprPtr ParseTfExpression(std::string_view text);

}  // namespace halint
