// Small helpers shared by rules: AZ arithmetic and message fragments.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzer/model/model.h"
#include "analyzer/model/property_names.h"

namespace halint {

// The distinct AZs of `keys` when they are comparable (all known, all of one kind: names,
// zone IDs or indexes of one region), sorted; nullopt otherwise.
std::optional<std::vector<AzKey>> DistinctAzs(const std::vector<AzKey>& keys);

// "AZ 0, AZ 1" / "us-east-1a, us-east-1b".
std::string JoinAzLabels(const std::vector<AzKey>& keys);

// "'A', 'B' and 'C'".
std::string JoinQuoted(const std::vector<std::string>& ids);

// "port 22", "ports 0-1023", "all ports" for an ingress rule; "" when unknown.
std::string DescribePorts(const IngressRule& rule);

}  // namespace halint
