#include "analyzer/report/sarif_reporter.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <system_error>

#include "analyzer/json_writer.h"

namespace halint {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kInformationUri = "https://github.com/halint/halint";
constexpr std::string_view kSrcRoot = "%SRCROOT%";
constexpr std::string_view kFingerprintKey = "halintFingerprint/v1";

// halint's own diagnostics, described like rules so that their results have a ruleIndex.
const RuleInfo kDiagnostics[] = {
    {.id = "HLT001",
     .slug = "input-error",
     .title = "An input could not be read, parsed or understood as a template",
     .severity = Severity::kError,
     .rationale = "halint could not check this file: it is unreadable, not valid YAML or JSON, "
                  "not a CloudFormation or Terraform template, or structurally broken.",
     .remediation = "Fix the file at the reported position, or stop passing it to halint.",
     .bad_example = {},
     .good_example = {},
     .tags = {"halint"}},
    {.id = "HLT002",
     .slug = "internal-error",
     .title = "A rule failed internally",
     .severity = Severity::kError,
     .rationale = "A rule threw while checking this template, so its findings are missing.",
     .remediation = "Report the template and the message as a halint bug.",
     .bad_example = {},
     .good_example = {},
     .tags = {"halint"}},
    {.id = "HLT003",
     .slug = "configuration-error",
     .title = "A configuration entry or suppression is wrong or unused",
     .severity = Severity::kWarning,
     .rationale = "A suppression or configuration entry names an unknown rule, lacks a reason, "
                  "has expired or matches nothing, so it does not do what its author meant.",
     .remediation = "Fix the rule ID, add a reason, renew or delete the entry.",
     .bad_example = {},
     .good_example = {},
     .tags = {"halint"}},
};

std::string DiagnosticsHelpUri() { return std::string(kInformationUri) + "/blob/main/docs/cli.md"; }

bool IsUnreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~' || c == '/';
}

// Percent-encodes everything but unreserved characters and '/' (RFC 3986).
std::string EncodePath(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    if (IsUnreserved(c)) {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

uint64_t Fnv1a(std::string_view s, uint64_t h) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string_view LevelOf(Severity s) { return SeverityName(s); }  // the same three words

void WriteMessage(JsonWriter& json, std::string_view text) {
  json.Key("message").BeginObject().Field("text", text).EndObject();
}

void WritePhysicalLocation(JsonWriter& json, std::string_view file, SourcePos pos) {
  const SarifUri uri = SarifFileUri(file);
  json.Key("physicalLocation").BeginObject();
  json.Key("artifactLocation").BeginObject().Field("uri", uri.uri);
  if (!uri.base.empty()) json.Field("uriBaseId", uri.base);
  json.EndObject();
  if (pos.known()) {
    json.Key("region").BeginObject().Field("startLine", pos.line);
    if (pos.column > 0) json.Field("startColumn", pos.column);
    json.EndObject();
  }
  json.EndObject();
}

void WriteLogicalLocations(JsonWriter& json, std::string_view resource) {
  if (resource.empty()) return;
  json.Key("logicalLocations").BeginArray();
  json.BeginObject().Field("name", resource).Field("kind", "resource").EndObject();
  json.EndArray();
}

void WriteDescriptor(JsonWriter& json, const RuleInfo& rule, const std::string& help_uri) {
  json.BeginObject().Field("id", rule.id);
  if (!rule.slug.empty()) json.Field("name", rule.slug);
  if (!rule.title.empty()) {
    json.Key("shortDescription").BeginObject().Field("text", rule.title).EndObject();
  }
  if (!rule.rationale.empty()) {
    json.Key("fullDescription").BeginObject().Field("text", rule.rationale).EndObject();
  }
  if (!help_uri.empty()) json.Field("helpUri", help_uri);
  if (!rule.remediation.empty()) {
    json.Key("help")
        .BeginObject()
        .Field("text", rule.remediation)
        .Field("markdown", rule.remediation)
        .EndObject();
  }
  json.Key("defaultConfiguration").BeginObject().Field("level", LevelOf(rule.severity)).EndObject();
  json.Key("properties").BeginObject();
  json.Key("tags").BeginArray();
  for (std::string_view tag : rule.tags) json.String(tag);
  json.EndArray();
  json.Field("precision", "high");
  if (std::string_view s = SecuritySeverity(rule); !s.empty()) json.Field("security-severity", s);
  json.EndObject();
  json.EndObject();
}

}  // namespace

SarifUri SarifFileUri(std::string_view path) {
  fs::path p(path);
  if (p.is_absolute()) {
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    const fs::path rel = ec ? fs::path() : p.lexically_normal().lexically_relative(cwd);
    if (rel.empty() || *rel.begin() == "..") {
      return {"file://" + EncodePath(p.lexically_normal().generic_string()), ""};
    }
    p = rel;
  }
  std::string normal = p.lexically_normal().generic_string();
  return {EncodePath(normal), std::string(kSrcRoot)};
}

std::string SarifFingerprint(const Finding& f) {
  uint64_t h = 14695981039346656037ull;
  const std::string uri = SarifFileUri(f.file).uri;
  for (std::string_view part : {std::string_view(f.rule_id), std::string_view(uri),
                                std::string_view(f.resource), std::string_view(f.property_path)}) {
    h = Fnv1a(part, h);
    h = Fnv1a(std::string_view("\0", 1), h);  // separator: ("ab","c") != ("a","bc")
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string_view SecuritySeverity(const RuleInfo& rule) {
  if (std::find(rule.tags.begin(), rule.tags.end(), "security") == rule.tags.end()) return "";
  switch (rule.severity) {
    case Severity::kError:
      return "8.0";  // GitHub: high (7.0-8.9)
    case Severity::kWarning:
      return "5.0";  // medium (4.0-6.9)
    case Severity::kNote:
      return "2.0";  // low (0.1-3.9)
  }
  return "";
}

void SarifReporter::Write(const Report& report, std::ostream& out) const {
  // The descriptors: the rules that ran, halint's diagnostics, then any other ID a result
  // uses (so every result has a ruleIndex whatever produced it).
  std::vector<RuleInfo> rules = options_.rules;
  std::vector<std::string> help;
  for (const RuleInfo& r : rules) help.push_back(RuleHelpUri(r.id));
  for (const RuleInfo& d : kDiagnostics) {
    rules.push_back(d);
    help.push_back(DiagnosticsHelpUri());
  }
  std::set<std::string> unknown;
  std::map<std::string, int64_t> index;
  for (size_t i = 0; i < rules.size(); ++i) index.emplace(std::string(rules[i].id), i);
  for (const FileReport& file : report.files) {
    for (const Finding& f : file.findings) {
      if (!index.contains(f.rule_id)) unknown.insert(f.rule_id);
    }
  }
  for (const std::string& id : unknown) {
    RuleInfo r;
    r.id = id;  // `unknown` outlives `rules`' use below
    r.severity = Severity::kWarning;
    index.emplace(id, static_cast<int64_t>(rules.size()));
    rules.push_back(r);
    help.emplace_back();
  }

  bool success = true;
  for (const FileReport& file : report.files) success &= !file.failed;

  JsonWriter json(2);
  json.BeginObject().Field("$schema", kSchema).Field("version", "2.1.0");
  json.Key("runs").BeginArray().BeginObject();

  json.Key("tool").BeginObject().Key("driver").BeginObject();
  json.Field("name", "halint")
      .Field("version", options_.tool_version)
      .Field("semanticVersion", options_.tool_version)
      .Field("informationUri", kInformationUri);
  json.Key("rules").BeginArray();
  for (size_t i = 0; i < rules.size(); ++i) WriteDescriptor(json, rules[i], help[i]);
  json.EndArray().EndObject().EndObject();

  json.Key("invocations").BeginArray().BeginObject();
  json.Field("executionSuccessful", success);
  json.Key("toolExecutionNotifications").BeginArray();
  for (const FileReport& file : report.files) {
    if (!file.failed) continue;
    for (const Finding& f : file.findings) {
      if (f.rule_id != "HLT001") continue;
      json.BeginObject();
      json.Key("descriptor").BeginObject().Field("id", f.rule_id).EndObject();
      json.Field("level", "error");
      WriteMessage(json, f.message);
      json.Key("locations").BeginArray().BeginObject();
      WritePhysicalLocation(json, f.file, f.pos);
      json.EndObject().EndArray();
      json.EndObject();
    }
  }
  json.EndArray().EndObject().EndArray();

  json.Key("originalUriBaseIds").BeginObject();
  json.Key(kSrcRoot).BeginObject();
  json.Key("description")
      .BeginObject()
      .Field("text", "The directory halint was run from; relative paths are as given.")
      .EndObject();
  json.EndObject().EndObject();

  json.Field("columnKind", "unicodeCodePoints");

  json.Key("results").BeginArray();
  for (const FileReport& file : report.files) {
    for (const Finding& f : file.findings) {
      json.BeginObject()
          .Field("ruleId", f.rule_id)
          .Field("ruleIndex", index.at(f.rule_id))
          .Field("level", LevelOf(f.severity));
      WriteMessage(json, f.message);
      json.Key("locations").BeginArray().BeginObject();
      WritePhysicalLocation(json, f.file, f.pos);
      WriteLogicalLocations(json, f.resource);
      json.EndObject().EndArray();
      if (!f.related.empty()) {
        json.Key("relatedLocations").BeginArray();
        for (size_t i = 0; i < f.related.size(); ++i) {
          const RelatedLocation& r = f.related[i];
          json.BeginObject().Field("id", static_cast<int64_t>(i + 1));
          WritePhysicalLocation(json, r.file, r.pos);
          WriteLogicalLocations(json, r.resource);
          WriteMessage(json, r.message);
          json.EndObject();
        }
        json.EndArray();
      }
      json.Key("partialFingerprints")
          .BeginObject()
          .Field(kFingerprintKey, SarifFingerprint(f))
          .EndObject();
      // Suppressed findings stay in the log, marked, as SARIF intends: code scanning shows
      // them as dismissed with the reason instead of losing them.
      if (f.suppression) {
        json.Key("suppressions")
            .BeginArray()
            .BeginObject()
            .Field("kind",
                   f.suppression->kind == Suppression::Kind::kInSource ? "inSource" : "external")
            .Field("justification", f.suppression->justification)
            .EndObject()
            .EndArray();
      }
      json.EndObject();
    }
  }
  json.EndArray();

  json.EndObject().EndArray().EndObject();
  out << json.str() << '\n';
}

}  // namespace halint
