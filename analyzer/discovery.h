// Input discovery: the paths named on the command line -> the files to check, in a
// deterministic order that does not depend on the file system's listing order.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace halint {

struct InputFile {
  // The path as shown in output: the user's own spelling for a named file, the directory
  // as named joined with the relative path for a file found in it.
  std::string path;
  // Index into Discovery::directories of the directory this file was found in; empty when
  // the user named the file itself.
  std::optional<size_t> directory;
  // Non-empty for a directory that could not be listed ("cannot read directory: <reason>"):
  // the entry then stands for that error, not for a file.
  std::string error;

  bool named_explicitly() const { return !directory.has_value(); }
};

struct Discovery {
  std::vector<InputFile> files;
  std::vector<std::string> directories;  // the named paths that were directories, in order
  // Directories met in a scan that hold Terraform HCL (*.tf) but no *.tf.json: halint reads
  // such a configuration only through its plan. In scan order.
  struct HclDirectory {
    std::string path;
    size_t directory;  // index into `directories` of the scan that met it
  };
  std::vector<HclDirectory> hcl_directories;
};

// True for the names a directory scan considers: *.yaml, *.yml, *.json, *.template.
bool IsTemplateCandidate(std::string_view file_name);

// Expands `paths` in order. A path that is not a directory ("-", a file, a missing path) is
// taken as is, whatever its name: reading it reports any problem. A directory is walked
// recursively, entries in byte order of their names, following symbolic links but visiting
// each directory (by device and inode) once, so link loops are harmless; `.git`,
// `node_modules` and `.terraform` are skipped, and only regular files passing
// IsTemplateCandidate are kept. Never throws.
Discovery DiscoverInputs(const std::vector<std::string>& paths);

}  // namespace halint
