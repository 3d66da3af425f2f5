// The rule registry: every rule halint has, in ID order.
#pragma once

#include <string_view>
#include <vector>

#include "analyzer/rule.h"

namespace halint {

// All registered rules, sorted by ID. The list is built once and lives for the program.
const std::vector<const Rule*>& AllRules();

// The rule with this ID, or nullptr.
const Rule* FindRule(std::string_view id);

}  // namespace halint
