#include "analyzer/engine.h"

namespace halint {

std::vector<Finding> RunRules(const ResourceGraph&, const EngineOptions&) { return {}; }

}  // namespace halint
