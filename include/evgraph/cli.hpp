// The evgraph command line. run() does all the work of main() against the streams it is given, so
// every command can be tested in-process. Returns the exit code: 0 ok, 1 input/IO error (or any
// warning under --strict), 2 usage error. Outputs are written to temporary files and renamed into
// place only when the whole run succeeded.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace evgraph::cli {

int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
        std::ostream& err);
int run(int argc, char** argv);

}  // namespace evgraph::cli
