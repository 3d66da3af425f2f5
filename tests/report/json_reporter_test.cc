#include "analyzer/report/json_reporter.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "analyzer/report/reporter.h"

namespace halint {
namespace {

TEST(ReportJsonTest, FieldByField) {
  Finding f;
  f.rule_id = "HA002";
  f.severity = Severity::kWarning;
  f.file = "t.yaml";
  f.pos = {5, 16};
  f.resource = "Db";
  f.message = "database Db is single-AZ";
  f.related.push_back({"t.yaml", {2, 3}, "Nat", "the \"NAT\" gateway"});
  Finding diag;
  diag.rule_id = "HLT001";
  diag.file = "bad.json";
  diag.pos = {1, 1};
  diag.message = "cannot read file: No such file or directory";
  Report report;
  report.files.push_back({nullptr, {f}});
  report.files.push_back({nullptr, {diag}});
  report.files.push_back({nullptr, {}});
  std::ostringstream out;
  MakeReporter("json", {})->Write(report, out);
  const std::string text = out.str();
  ASSERT_TRUE(text.ends_with("}\n"));
  nlohmann::json j = nlohmann::json::parse(text);
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["files"], 3);
  ASSERT_EQ(j["findings"].size(), 2u);
  const auto& a = j["findings"][0];
  EXPECT_EQ(a["rule"], "HA002");
  EXPECT_EQ(a["level"], "warning");
  EXPECT_EQ(a["file"], "t.yaml");
  EXPECT_EQ(a["line"], 5);
  EXPECT_EQ(a["column"], 16);
  EXPECT_EQ(a["resource"], "Db");
  EXPECT_EQ(a["message"], "database Db is single-AZ");
  ASSERT_EQ(a["related"].size(), 1u);
  EXPECT_EQ(a["related"][0],
            nlohmann::json::parse(R"({"file": "t.yaml", "line": 2, "column": 3, "resource": "Nat",
                                      "message": "the \"NAT\" gateway"})"));
  const auto& b = j["findings"][1];
  EXPECT_EQ(b["rule"], "HLT001");
  EXPECT_EQ(b["level"], "error");
  EXPECT_TRUE(b["resource"].is_null());
  EXPECT_EQ(b["related"], nlohmann::json::array());
  // Key order is part of the format.
  EXPECT_EQ(text.substr(0, 48), "{\n  \"version\": 1,\n  \"files\": 3,\n  \"findings\": [\n");
}

TEST(ReportJsonTest, Empty) {
  std::ostringstream out;
  MakeReporter("json", {})->Write(Report{}, out);
  EXPECT_EQ(out.str(), "{\n  \"version\": 1,\n  \"files\": 0,\n  \"findings\": []\n}\n");
}

TEST(ReportJsonTest, RegisteredFormats) {
  EXPECT_EQ(ReportFormats(), (std::vector<std::string>{"text", "json", "sarif", "ide", "github"}));
  EXPECT_EQ(MakeReporter("xml", {}), nullptr);
}

}  // namespace
}  // namespace halint
