#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "parsers/cfn/cfn_frontend.h"
#include "parsers/json/json_parser.h"
#include "parsers/yaml/yaml_parser.h"

namespace halint {
namespace {

namespace fs = std::filesystem;

// Corpus files (relative to the corpus folder) that are YAML or JSON but not templates.
// Listed so that a regression in template detection fails the test.
const std::set<std::string> kNotTemplates = {
    // Custom resource and macro test events, and a bandit config.
    "aws-cloudformation-templates/CloudFormation/CustomResources/getfromjson/bandit.json",
    "aws-cloudformation-templates/CloudFormation/CustomResources/getfromjson/bandit.yml",
    "aws-cloudformation-templates/CloudFormation/CustomResources/getfromjson/src/events/"
    "event-consume-from-list-retrieval-error.json",
    "aws-cloudformation-templates/CloudFormation/CustomResources/getfromjson/src/events/"
    "event-consume-from-list.json",
    "aws-cloudformation-templates/CloudFormation/CustomResources/getfromjson/src/events/"
    "event-consume-from-map-retrieval-error.json",
    "aws-cloudformation-templates/CloudFormation/CustomResources/getfromjson/src/events/"
    "event-consume-from-map.json",
    "aws-cloudformation-templates/CloudFormation/CustomResources/getfromjson/src/events/"
    "event-empty-json-data-input.json",
    "aws-cloudformation-templates/CloudFormation/CustomResources/getfromjson/src/events/"
    "event-empty-search-input.json",
    "aws-cloudformation-templates/CloudFormation/CustomResources/getfromjson/src/events/"
    "event-invalid-json-data-input.json",
    "aws-cloudformation-templates/CloudFormation/CustomResources/getfromjson/src/events/"
    "event-invalid-search-input.json",
    "aws-cloudformation-templates/CloudFormation/MacrosExamples/Count/event.json",
    "aws-cloudformation-templates/CloudFormation/MacrosExamples/Count/event_bad.json",
    // Rain sources: a resource's Type is `!Rain::Module path` (a map), not a string, and
    // there is no AWSTemplateFormatVersion. Rain expands them into templates.
    "aws-cloudformation-templates/CloudFormation/StackSets/common-resources.json",
    "aws-cloudformation-templates/CloudFormation/StackSets/common-resources.yaml",
    "aws-cloudformation-templates/RainModules/bucket.yml",
    "aws-cloudformation-templates/RainModules/static-site.yml",
    "aws-cloudformation-templates/Solutions/GitLab/GitLabServer.json",
    "aws-cloudformation-templates/Solutions/GitLab/GitLabServer.yaml",
    "aws-cloudformation-templates/Solutions/GitLabAndVSCode/GitLabAndVSCode.json",
    "aws-cloudformation-templates/Solutions/GitLabAndVSCode/GitLabAndVSCode.yaml",
    "aws-cloudformation-templates/Solutions/Gitea/Gitea.json",
    "aws-cloudformation-templates/Solutions/Gitea/Gitea.yaml",
    "aws-cloudformation-templates/Solutions/VSCode/VSCodeServer.json",
    "aws-cloudformation-templates/Solutions/VSCode/VSCodeServer.yaml",
    // A Kubernetes manifest and CodeBuild buildspecs.
    "aws-cloudformation-templates/EKS/manifest.yml",
    "aws-cloudformation-templates/Solutions/CodeBuildAndCodePipeline/codebuild-app-build.yml",
    "aws-cloudformation-templates/Solutions/CodeBuildAndCodePipeline/codebuild-app-deploy.yml",
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(CfnCorpus, EveryFileLoadsCleanlyOrIsNotATemplate) {
  const fs::path root = fs::path(HALINT_SOURCE_DIR) / ".." / "shared" / "corpus" / "cloudformation";
  if (!fs::is_directory(root)) GTEST_SKIP() << "no corpus at " << root;
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() &&
        (ext == ".yaml" || ext == ".yml" || ext == ".template" || ext == ".json")) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  size_t templates = 0, resources = 0;
  double load_ms = 0;
  std::set<std::string> not_templates;
  auto start = std::chrono::steady_clock::now();
  for (const fs::path& path : files) {
    std::string name = fs::relative(path, root).generic_string();
    std::string text = ReadFile(path);
    ParseResult parsed = path.extension() == ".json" ? ParseJson(text) : ParseYaml(text);
    if (!parsed.ok()) {
      ADD_FAILURE() << name << ":" << parsed.error_pos.line << ":" << parsed.error_pos.column
                    << ": " << parsed.error;
      continue;
    }
    if (!IsCloudFormationTemplate(parsed.root)) {
      not_templates.insert(name);
      continue;
    }
    ++templates;
    auto load_start = std::chrono::steady_clock::now();
    ResourceGraph graph = LoadCloudFormation(parsed.root, name, CfnOptions{});
    load_ms +=
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - load_start)
            .count();
    resources += graph.resources.size();
    for (const Finding& d : graph.diagnostics) {
      ADD_FAILURE() << name << ":" << d.pos.line << ":" << d.pos.column << ": " << d.message;
    }
  }
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(not_templates, kNotTemplates);
  std::printf(
      "corpus: %zu files, %zu templates (%zu resources), %zu not templates; %.0f ms in all, "
      "%.0f ms in the front end\n",
      files.size(), templates, resources, not_templates.size(), ms, load_ms);
}

}  // namespace
}  // namespace halint
