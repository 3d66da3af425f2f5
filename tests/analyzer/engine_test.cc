#include "analyzer/engine.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "analyzer/rule.h"

namespace halint {
namespace {

class FakeRule : public Rule {
 public:
  FakeRule(std::string_view id, bool throws, bool on_by_default = true) : throws_(throws) {
    info_.id = id;
    info_.slug = "fake";
    info_.severity = Severity::kWarning;
    info_.enabled_by_default = on_by_default;
  }
  const RuleInfo& info() const override { return info_; }
  void Check(const Model& model, RuleContext& ctx) const override {
    ctx.Report(model.graph->resources.front(), {}, "", "seen");
    if (throws_) throw std::runtime_error("boom");
  }

 private:
  RuleInfo info_;
  bool throws_;
};

ResourceGraph OneResource() {
  ResourceGraph g;
  g.file = "t.yaml";
  Resource r;
  r.id = "R";
  r.type = "AWS::SNS::Topic";
  r.pos = {3, 3};
  g.resources.push_back(r);
  g.Finalize();
  return g;
}

TEST(EngineTest, AThrowingRuleBecomesHlt002AndOthersStillRun) {
  ResourceGraph graph = OneResource();
  Model model = BuildModel(graph);
  FakeRule good("X001", false), bad("X002", true);
  std::vector<Finding> out = RunRules(model, {}, {&good, &bad});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].rule_id, "HLT002");
  EXPECT_EQ(out[0].severity, Severity::kError);
  EXPECT_EQ(out[0].message, "rule X002 failed internally: boom");
  EXPECT_EQ(out[0].pos, (SourcePos{1, 1}));
  EXPECT_EQ(out[1].rule_id, "X001");
  EXPECT_EQ(out[1].pos, (SourcePos{3, 3}));  // no property: the resource
  EXPECT_EQ(out[1].severity, Severity::kWarning);
}

TEST(EngineTest, EnableDisableAndSeverityOverrides) {
  ResourceGraph graph = OneResource();
  Model model = BuildModel(graph);
  FakeRule on("X001", false), off("X002", false, /*on_by_default=*/false);
  EXPECT_EQ(RunRules(model, {}, {&on, &off}).size(), 1u);
  EngineOptions enable;
  enable.enable = {"X"};
  EXPECT_EQ(RunRules(model, enable, {&on, &off}).size(), 2u);
  EngineOptions both = enable;
  both.disable = {"X001"};  // disabling wins
  std::vector<Finding> out = RunRules(model, both, {&on, &off});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].rule_id, "X002");
  EngineOptions severity;
  severity.severity_overrides["X001"] = Severity::kNote;
  EXPECT_EQ(RunRules(model, severity, {&on}).at(0).severity, Severity::kNote);
}

TEST(EngineTest, ValidateSuggestsTheClosestRule) {
  EngineOptions o;
  o.disable = {"HA02"};
  EXPECT_EQ(ValidateEngineOptions(o), "unknown rule 'HA02'; did you mean 'HA002'?");
  o.disable = {"SEC"};
  EXPECT_EQ(ValidateEngineOptions(o), "");
  o.disable = {};
  o.severity_overrides["HA"] = Severity::kNote;
  EXPECT_EQ(ValidateEngineOptions(o), "a severity override needs a whole rule ID, not 'HA'");
}

}  // namespace
}  // namespace halint
