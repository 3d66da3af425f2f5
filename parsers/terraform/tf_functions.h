// Terraform's built-in functions and operators, over resolved values, for the ones that
// appear around network code. Any unknown argument makes the result unknown; a function
// not implemented here is unresolved, never guessed.
#pragma once

#include <string_view>
#include <vector>

#include "analyzer/value.h"

namespace halint {

// Calls function `name`; `pos` locates the result.
Value CallTfFunction(std::string_view name, const std::vector<Value>& args, SourcePos pos);

// Applies a unary ("!", "-": one argument) or binary operator.
Value ApplyTfOperator(std::string_view op, const std::vector<Value>& args, SourcePos pos);

}  // namespace halint
