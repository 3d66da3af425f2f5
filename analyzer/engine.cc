#include "analyzer/engine.h"

#include <algorithm>
#include <exception>

#include "analyzer/rule.h"
#include "rules/registry.h"

namespace halint {
namespace {

// An ID matches a selector that is the ID itself or a prefix of it ("SEC", "HA00").
bool Matches(std::string_view id, const std::vector<std::string>& selectors) {
  return std::any_of(selectors.begin(), selectors.end(),
                     [&](const std::string& s) { return !s.empty() && id.starts_with(s); });
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string CheckSelector(const std::string& selector) {
  for (const Rule* r : AllRules()) {
    if (r->info().id.starts_with(selector) && !selector.empty()) return "";
  }
  std::string msg = "unknown rule '" + selector + "'";
  if (std::string best = ClosestRuleId(selector); !best.empty()) {
    msg += "; did you mean '" + best + "'?";
  }
  return msg;
}

}  // namespace

std::string ClosestName(std::string_view text, const std::vector<std::string_view>& candidates) {
  std::string best;
  size_t best_distance = 3;
  for (std::string_view c : candidates) {
    size_t d = EditDistance(text, c);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(c);
    }
  }
  return best;
}

std::string ClosestRuleId(std::string_view text) {
  std::vector<std::string_view> ids;
  for (const Rule* r : AllRules()) ids.push_back(r->info().id);
  return ClosestName(text, ids);
}

std::string ValidateEngineOptions(const EngineOptions& options) {
  for (const auto* list : {&options.enable, &options.disable}) {
    for (const std::string& s : *list) {
      if (std::string err = CheckSelector(s); !err.empty()) return err;
    }
  }
  for (const auto& [id, severity] : options.severity_overrides) {
    if (FindRule(id)) continue;
    std::string err = CheckSelector(id);
    return err.empty() ? "a severity override needs a whole rule ID, not '" + id + "'" : err;
  }
  return "";
}

bool RuleEnabled(std::string_view id, bool enabled_by_default, const EngineOptions& options) {
  if (Matches(id, options.disable)) return false;
  return enabled_by_default || Matches(id, options.enable);
}

std::vector<Finding> RunRules(const Model& model, const EngineOptions& options,
                              const std::vector<const Rule*>& rules) {
  std::vector<Finding> out;
  for (const Rule* rule : rules) {
    const RuleInfo& info = rule->info();
    if (!RuleEnabled(info.id, info.enabled_by_default, options)) continue;
    auto override_it = options.severity_overrides.find(std::string(info.id));
    bool overridden = override_it != options.severity_overrides.end();
    RuleContext ctx(model, info, overridden ? override_it->second : info.severity,
                    &options.rule_options);
    try {
      rule->Check(model, ctx);
    } catch (const std::exception& e) {
      ctx.findings().clear();
      Finding f;
      f.rule_id = "HLT002";
      f.severity = Severity::kError;
      f.file = model.graph->file;
      f.pos = {1, 1};
      f.message = "rule " + std::string(info.id) + " failed internally: " + e.what();
      out.push_back(std::move(f));
      continue;
    }
    for (Finding& f : ctx.findings()) {
      if (overridden) f.severity = override_it->second;
      out.push_back(std::move(f));
    }
  }
  std::sort(out.begin(), out.end(), FindingLess);
  return out;
}

std::vector<Finding> RunRules(const Model& model, const EngineOptions& options) {
  return RunRules(model, options, AllRules());
}

std::vector<Finding> RunRules(const ResourceGraph& graph, const EngineOptions& options) {
  return RunRules(BuildModel(graph), options);
}

std::vector<RuleInfo> EnabledRules(const EngineOptions& options) {
  std::vector<RuleInfo> out;
  for (const Rule* rule : AllRules()) {
    const RuleInfo& info = rule->info();
    if (!RuleEnabled(info.id, info.enabled_by_default, options)) continue;
    out.push_back(info);
    auto override_it = options.severity_overrides.find(std::string(info.id));
    if (override_it != options.severity_overrides.end()) out.back().severity = override_it->second;
  }
  return out;
}

}  // namespace halint
