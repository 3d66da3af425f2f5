// Runs the halint command line in-process and captures what it prints.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "analyzer/cli/app.h"

namespace halint {

struct Outcome {
  int code;
  std::string out;
  std::string err;
};

// `args` without the program name.
inline Outcome RunCli(std::vector<std::string> args) {
  args.insert(args.begin(), "halint");
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  std::ostringstream out, err;
  int code = RunHalint(static_cast<int>(argv.size()), argv.data(), out, err);
  return {code, out.str(), err.str()};
}

}  // namespace halint
