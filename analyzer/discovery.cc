#include "analyzer/discovery.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <set>
#include <system_error>
#include <utility>

namespace halint {
namespace {

constexpr std::string_view kSkippedDirectories[] = {".git", ".terraform", "node_modules"};
constexpr std::string_view kCandidateSuffixes[] = {".json", ".template", ".yaml", ".yml"};

std::string Join(const std::string& dir, const std::string& name) {
  return dir.ends_with('/') ? dir + name : dir + '/' + name;
}

// Lists the entry names of `dir` (without "." and ".."), sorted. Returns false with errno
// set when the directory cannot be opened.
bool ListDirectory(const std::string& dir, std::vector<std::string>& names) {
  DIR* handle = opendir(dir.c_str());
  if (handle == nullptr) return false;
  while (const dirent* entry = readdir(handle)) {
    std::string_view name = entry->d_name;
    if (name != "." && name != "..") names.emplace_back(name);
  }
  closedir(handle);
  std::sort(names.begin(), names.end());
  return true;
}

// Walks one named directory depth-first with an explicit stack (deep trees cannot overflow
// the call stack). Entries are pushed in reverse order so they pop in sorted order.
void WalkDirectory(const std::string& root, size_t index, Discovery& result) {
  std::vector<InputFile>& out = result.files;
  struct Pending {
    std::string path;
    std::string name;  // empty for the named directory itself
  };
  std::set<std::pair<dev_t, ino_t>> visited;
  std::vector<Pending> stack = {{root, ""}};
  while (!stack.empty()) {
    Pending item = std::move(stack.back());
    stack.pop_back();
    struct stat st;
    // Dangling links and entries that vanished since listing are simply not inputs.
    if (stat(item.path.c_str(), &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      if (std::find(std::begin(kSkippedDirectories), std::end(kSkippedDirectories), item.name) !=
          std::end(kSkippedDirectories)) {
        continue;
      }
      if (!visited.insert({st.st_dev, st.st_ino}).second) continue;
      std::vector<std::string> names;
      if (!ListDirectory(item.path, names)) {
        out.push_back(
            {item.path, index, "cannot read directory: " + std::generic_category().message(errno)});
        continue;
      }
      auto has_suffix = [&](std::string_view suffix) {
        return std::any_of(names.begin(), names.end(),
                           [&](const std::string& n) { return n.ends_with(suffix); });
      };
      if (has_suffix(".tf") && !has_suffix(".tf.json")) {
        result.hcl_directories.push_back({item.path, index});
      }
      for (auto it = names.rbegin(); it != names.rend(); ++it) {
        stack.push_back({Join(item.path, *it), *it});
      }
    } else if (S_ISREG(st.st_mode) && IsTemplateCandidate(item.name)) {
      out.push_back({std::move(item.path), index, ""});
    }
  }
}

}  // namespace

bool IsTemplateCandidate(std::string_view file_name) {
  return std::any_of(std::begin(kCandidateSuffixes), std::end(kCandidateSuffixes),
                     [&](std::string_view suffix) { return file_name.ends_with(suffix); });
}

Discovery DiscoverInputs(const std::vector<std::string>& paths) {
  Discovery result;
  for (const std::string& path : paths) {
    struct stat st;
    if (path != "-" && stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      WalkDirectory(path, result.directories.size(), result);
      result.directories.push_back(path);
    } else {
      result.files.push_back({path, std::nullopt, ""});
    }
  }
  return result;
}

}  // namespace halint
