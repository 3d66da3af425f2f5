// Baselines: the findings a project has accepted, so only new findings fail a run.
//
// A finding's fingerprint is (rule, file, resource, property path): no line or column, so
// edits that move a finding keep it matched. A baseline is a multiset of fingerprints
// stored as JSON:
//   {"version": 1, "findings": [{"rule", "file", "resource", "propertyPath"}, ...]}
// sorted, so regenerating it gives a minimal diff.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "analyzer/finding.h"

namespace halint {

// The justification of findings suppressed by the baseline.
inline constexpr std::string_view kBaselineReason = "in the baseline";

using Fingerprint = std::tuple<std::string, std::string, std::string, std::string>;

Fingerprint FingerprintOf(const Finding& f);

// Whether a finding belongs in a baseline: a rule finding (not HLT...) that is not
// suppressed, or suppressed only by a baseline.
bool Baselinable(const Finding& f);

// The baseline JSON of the baselinable findings.
std::string BaselineJson(const std::vector<const Finding*>& findings);

class Baseline {
 public:
  // Reads a baseline file; returns the error ("file:line:col: message"), or "".
  std::string Load(const std::string& path);
  // Parses baseline JSON text read from `path`.
  std::string Parse(const std::string& path, std::string_view text);

  // Marks `f` suppressed (external, "in the baseline") when an unused entry matches it.
  void Apply(Finding& f);
  // Entries that matched no finding: fixed or renamed since the baseline was written.
  size_t Stale() const;
  size_t size() const { return size_; }

 private:
  std::map<Fingerprint, size_t> remaining_;
  size_t size_ = 0;
};

}  // namespace halint
