// The cost of reading and parsing alone: the floor under `halint` on the same inputs.
// Usage: halint_parse_bench PATH... ; prints files, bytes and seconds on one line.
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "analyzer/discovery.h"
#include "analyzer/loader.h"

int main(int argc, char** argv) {
  std::vector<std::string> paths(argv + 1, argv + argc);
  halint::Discovery inputs = halint::DiscoverInputs(paths);
  halint::ParseLimits limits;
  auto start = std::chrono::steady_clock::now();
  size_t files = 0, bytes = 0, failed = 0;
  for (const auto& input : inputs.files) {
    std::string error;
    halint::SourceFilePtr source = halint::ReadSourceFile(input.path, limits, error);
    if (!source) {
      ++failed;
      continue;
    }
    ++files;
    bytes += source->text.size();
    if (!halint::ParseDocument(source->text, limits).ok()) ++failed;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("files=%zu bytes=%zu failed=%zu seconds=%.3f\n", files, bytes, failed, seconds);
  return 0;
}
