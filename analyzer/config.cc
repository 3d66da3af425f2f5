#include "analyzer/config.h"

#include <re2/re2.h>

#include <filesystem>
#include <system_error>

#include "analyzer/engine.h"
#include "analyzer/loader.h"
#include "rules/registry.h"

namespace halint {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string_view> kTopKeys = {"enable",     "disable",   "severity", "fail-on",
                                                "parameters", "variables", "region",   "exclude",
                                                "ignore",     "rules"};
const std::vector<std::string_view> kIgnoreKeys = {"id", "resource", "path", "reason", "until"};
const std::vector<std::string_view> kLevels = {"error", "warning", "note"};
const std::vector<std::string_view> kFailOnLevels = {"error", "warning", "note", "none"};
// Rules that take options under `rules:`, and the options each takes.
const std::vector<std::string_view> kOptionRules = {"TAG001"};
const std::vector<std::string_view> kTag001Keys = {"patterns"};

std::string_view KindName(const Node& n) {
  switch (n.kind()) {
    case Node::Kind::kNull:
      return "null";
    case Node::Kind::kBool:
      return "a boolean";
    case Node::Kind::kInt:
    case Node::Kind::kFloat:
      return "a number";
    case Node::Kind::kString:
      return "a string";
    case Node::Kind::kSequence:
      return "a list";
    case Node::Kind::kMap:
      return "a map";
  }
  return "a value";
}

std::string WithSuggestion(std::string message, std::string_view text,
                           const std::vector<std::string_view>& candidates) {
  if (std::string best = ClosestName(text, candidates); !best.empty()) {
    message += "; did you mean '" + best + "'?";
  }
  return message;
}

// Reads one config document; the first error stops it.
class Reader {
 public:
  Reader(const std::string& file, Config& out) : file_(file), out_(out) {}

  std::optional<ConfigError> Read(const Node& root) {
    if (root.is_null()) return std::nullopt;  // an empty file is an empty config
    if (!root.is_map()) return Error(root.pos(), "expected a map of settings, got " + Kind(root));
    for (size_t i = 0; i < root.size(); ++i) {
      if (!ReadKey(root.key(i), root[i])) return error_;
    }
    return std::nullopt;
  }

 private:
  static std::string Kind(const Node& n) { return std::string(KindName(n)); }

  std::optional<ConfigError> Error(SourcePos pos, std::string message) {
    error_ = ConfigError{file_, pos, std::move(message)};
    return error_;
  }
  bool Fail(SourcePos pos, std::string message) {
    Error(pos, std::move(message));
    return false;
  }

  bool String(const Node& n, std::string_view key, std::string& out) {
    if (!n.is_string()) {
      return Fail(n.pos(), "'" + std::string(key) + "' must be a string, got " + Kind(n));
    }
    out = n.text();
    return true;
  }

  bool StringList(const Node& n, std::string_view key, std::vector<std::string>& out) {
    if (n.is_string()) {
      out.push_back(n.text());
      return true;
    }
    if (!n.is_sequence()) {
      return Fail(n.pos(), "'" + std::string(key) + "' must be a list of strings, got " + Kind(n));
    }
    for (const Node& item : n.items()) {
      if (!item.is_string()) {
        return Fail(item.pos(),
                    "'" + std::string(key) + "' entries must be strings, got " + Kind(item));
      }
      out.push_back(item.text());
    }
    return true;
  }

  bool RuleSelector(const Node& n, const std::string& selector) {
    for (const Rule* r : AllRules()) {
      if (!selector.empty() && r->info().id.starts_with(selector)) return true;
    }
    return UnknownRule(n.pos(), selector);
  }

  bool UnknownRule(SourcePos pos, const std::string& id) {
    std::string msg = "unknown rule '" + id + "'";
    if (std::string best = ClosestRuleId(id); !best.empty())
      msg += "; did you mean '" + best + "'?";
    return Fail(pos, msg);
  }

  bool Map(const Node& n, std::string_view key) {
    if (n.is_map()) return true;
    return Fail(n.pos(), "'" + std::string(key) + "' must be a map, got " + Kind(n));
  }

  bool ReadKey(const Node::Key& key, const Node& v) {
    const std::string& k = key.text;
    if (k == "enable" || k == "disable") {
      std::vector<std::string>& list = k == "enable" ? out_.enable : out_.disable;
      size_t first = list.size();
      if (!StringList(v, k, list)) return false;
      for (size_t i = first; i < list.size(); ++i) {
        const Node& item = v.is_sequence() ? v[i - first] : v;
        if (!RuleSelector(item, list[i])) return false;
      }
      return true;
    }
    if (k == "severity") {
      if (!Map(v, k)) return false;
      for (size_t i = 0; i < v.size(); ++i) {
        const std::string& id = v.key(i).text;
        if (!FindRule(id)) return UnknownRule(v.key(i).pos, id);
        std::string level;
        if (!String(v[i], "severity." + id, level)) return false;
        Severity s = Severity::kError;
        if (level == "warning") {
          s = Severity::kWarning;
        } else if (level == "note") {
          s = Severity::kNote;
        } else if (level != "error") {
          return Fail(v[i].pos(), WithSuggestion("unknown level '" + level +
                                                     "' (expected error, warning or note)",
                                                 level, kLevels));
        }
        out_.severity[id] = s;
      }
      return true;
    }
    if (k == "fail-on") {
      std::string level;
      if (!String(v, k, level)) return false;
      if (std::find(kFailOnLevels.begin(), kFailOnLevels.end(), level) == kFailOnLevels.end()) {
        return Fail(v.pos(), WithSuggestion("unknown fail-on level '" + level +
                                                "' (expected error, warning, note or none)",
                                            level, kFailOnLevels));
      }
      out_.fail_on = level;
      return true;
    }
    if (k == "parameters") {
      if (!Map(v, k)) return false;
      for (size_t i = 0; i < v.size(); ++i) {
        if (!v[i].is_scalar() || v[i].is_null()) {
          return Fail(v[i].pos(), "parameter '" + v.key(i).text +
                                      "' must be a string, number or boolean, got " + Kind(v[i]));
        }
        out_.parameters[v.key(i).text] = v[i].text();
      }
      return true;
    }
    if (k == "variables") {
      if (!Map(v, k)) return false;
      for (size_t i = 0; i < v.size(); ++i) {
        if (v[i].is_null()) {
          return Fail(v[i].pos(), "variable '" + v.key(i).text + "' must have a value");
        }
        // Lists and maps are kept as JSON text, the way --var takes them.
        out_.variables[v.key(i).text] = v[i].is_scalar() ? v[i].text() : v[i].Dump();
      }
      return true;
    }
    if (k == "region") {
      std::string region;
      if (!String(v, k, region)) return false;
      out_.region = region;
      return true;
    }
    if (k == "exclude") return StringList(v, k, out_.exclude);
    if (k == "ignore") return ReadIgnore(v);
    if (k == "rules") return ReadRules(v);
    return Fail(key.pos, WithSuggestion("unknown key '" + k + "'", k, kTopKeys));
  }

  bool ReadIgnore(const Node& v) {
    if (!v.is_sequence()) return Fail(v.pos(), "'ignore' must be a list of maps, got " + Kind(v));
    for (const Node& entry : v.items()) {
      if (!entry.is_map()) {
        return Fail(entry.pos(), "'ignore' entries must be maps, got " + Kind(entry));
      }
      ConfigIgnore ig;
      ig.pos = entry.pos();
      for (size_t i = 0; i < entry.size(); ++i) {
        const std::string& k = entry.key(i).text;
        std::string* field = k == "id"         ? &ig.id
                             : k == "resource" ? &ig.resource
                             : k == "path"     ? &ig.path
                             : k == "reason"   ? &ig.reason
                             : k == "until"    ? &ig.until
                                               : nullptr;
        if (field == nullptr) {
          return Fail(entry.key(i).pos,
                      WithSuggestion("unknown ignore key '" + k + "'", k, kIgnoreKeys));
        }
        if (!String(entry[i], "ignore." + k, *field)) return false;
        if (k == "id" && !FindRule(ig.id)) return UnknownRule(entry[i].pos(), ig.id);
        if (k == "until" && !RE2::FullMatch(ig.until, R"(\d{4}-\d{2}-\d{2})")) {
          return Fail(entry[i].pos(), "'until' must be a date YYYY-MM-DD, got '" + ig.until + "'");
        }
      }
      if (ig.id.empty()) return Fail(entry.pos(), "an 'ignore' entry needs an 'id'");
      if (ig.reason.empty()) {
        return Fail(entry.pos(), "an 'ignore' entry needs a 'reason' (why is this acceptable?)");
      }
      out_.ignore.push_back(std::move(ig));
    }
    return true;
  }

  bool ReadRules(const Node& v) {
    if (!Map(v, "rules")) return false;
    for (size_t i = 0; i < v.size(); ++i) {
      const std::string& id = v.key(i).text;
      if (std::find(kOptionRules.begin(), kOptionRules.end(), id) == kOptionRules.end()) {
        if (FindRule(id)) return Fail(v.key(i).pos, "rule " + id + " takes no options");
        std::vector<std::string_view> ids(kOptionRules);
        for (const Rule* r : AllRules()) ids.push_back(r->info().id);
        return Fail(v.key(i).pos, WithSuggestion("unknown rule '" + id + "'", id, ids));
      }
      const Node& options = v[i];
      if (!Map(options, "rules." + id)) return false;
      for (size_t j = 0; j < options.size(); ++j) {
        const std::string& k = options.key(j).text;
        if (k != "patterns") {
          return Fail(options.key(j).pos,
                      WithSuggestion("unknown option '" + k + "' of rule " + id, k, kTag001Keys));
        }
        const Node& patterns = options[j];
        if (!Map(patterns, "rules." + id + ".patterns")) return false;
        for (size_t p = 0; p < patterns.size(); ++p) {
          const std::string& type = patterns.key(p).text;
          std::string pattern;
          if (!String(patterns[p], "rules." + id + ".patterns." + type, pattern)) return false;
          RE2 re(pattern, RE2::Quiet);
          if (!re.ok()) {
            return Fail(patterns[p].pos(),
                        "invalid regular expression for " + type + ": " + re.error());
          }
          out_.tag_patterns[type] = pattern;
        }
      }
    }
    return true;
  }

  const std::string& file_;
  Config& out_;
  std::optional<ConfigError> error_;
};

// The RE2 pattern of a glob.
std::string GlobToRegex(std::string_view glob) {
  std::string re;
  for (size_t i = 0; i < glob.size(); ++i) {
    char c = glob[i];
    if (c == '*' && i + 1 < glob.size() && glob[i + 1] == '*') {
      ++i;
      if (i + 1 < glob.size() && glob[i + 1] == '/') {
        ++i;
        re += "(?:.*/)?";
      } else {
        re += ".*";
      }
    } else if (c == '*') {
      re += "[^/]*";
    } else if (c == '?') {
      re += "[^/]";
    } else {
      re += RE2::QuoteMeta(std::string_view(&glob[i], 1));
    }
  }
  return re;
}

}  // namespace

std::string ConfigError::ToString() const {
  return file + ":" + std::to_string(pos.known() ? pos.line : 1) + ":" +
         std::to_string(pos.known() ? pos.column : 1) + ": error: " + message + " [HLT003]";
}

std::optional<ConfigError> ParseConfig(const std::string& file, std::string_view text,
                                       Config& out) {
  out.file = file;
  std::error_code ec;
  fs::path dir = fs::absolute(fs::path(file), ec).parent_path();
  out.directory = dir.lexically_normal().string();
  ParseResult parsed = ParseDocument(text, ParseLimits());
  if (!parsed.ok()) return ConfigError{file, parsed.error_pos, parsed.error};
  return Reader(file, out).Read(parsed.root);
}

std::optional<ConfigError> LoadConfig(const std::string& file, Config& out) {
  std::string error;
  SourceFilePtr source = ReadSourceFile(file, ParseLimits(), error);
  if (!source) return ConfigError{file, {1, 1}, error};
  return ParseConfig(file, source->text, out);
}

std::string FindConfigFor(const std::string& input) {
  std::error_code ec;
  fs::path dir = input == "-" ? fs::current_path(ec) : fs::absolute(fs::path(input), ec);
  if (ec) return "";
  if (input != "-") dir = dir.parent_path();
  dir = dir.lexically_normal();
  while (true) {
    fs::path candidate = dir / kConfigFileName;
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (!dir.has_parent_path() || dir.parent_path() == dir) return "";
    dir = dir.parent_path();
  }
}

bool GlobMatch(std::string_view glob, std::string_view path) {
  RE2 re(GlobToRegex(glob), RE2::Quiet);
  return re.ok() && RE2::FullMatch(path, re);
}

std::string RelativeTo(const std::string& path, const std::string& directory) {
  std::error_code ec;
  fs::path p = fs::absolute(fs::path(path), ec).lexically_normal();
  fs::path rel = p.lexically_relative(fs::path(directory));
  if (rel.empty()) return path;
  return rel.generic_string();
}

}  // namespace halint
