// The halint command line as a library function: main.cc only forwards to RunHalint, so
// tests drive the whole program in-process with string streams.
//
//   halint [options] PATH...                 check templates, print a report
//   halint graph [options] PATH...           print each template's resource graph
//
// See docs/cli.md for every option.
#pragma once

#include <ostream>

namespace halint {

inline constexpr int kExitClean = 0;       // nothing at or above --fail-on
inline constexpr int kExitFindings = 1;    // findings at or above --fail-on
inline constexpr int kExitInputError = 2;  // an input could not be read or parsed (wins over 1)
inline constexpr int kExitUsage = 64;      // bad command line or parameters file

// Runs halint with argv[0..argc) (argv[0] is the program name). The report goes to `out`,
// or to the --output file; notices, usage errors and help for mistakes go to `err`; --help
// and --version go to `out`. "-" reads standard input (file descriptor 0). Colour is used
// only when `out` is std::cout, standard output is a terminal, and neither --no-color nor
// a non-empty NO_COLOR environment variable says otherwise. Returns the exit code above;
// never throws.
int RunHalint(int argc, char** argv, std::ostream& out, std::ostream& err);

}  // namespace halint
