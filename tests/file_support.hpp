// Helpers for the tests that run the command line in-process and read the files it writes.
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "evgraph/cli.hpp"

namespace evgraph::test {

struct CliRun {
  int code;
  std::string out;
  std::string err;
};

inline CliRun run_cli(std::vector<std::string> args, const std::string& stdin_text = "") {
  std::istringstream in(stdin_text);
  std::ostringstream out;
  std::ostringstream err;
  const int code = evgraph::cli::run(args, in, out, err);
  return {code, out.str(), err.str()};
}

// A new, empty folder `name` under the temporary folder's `suite`.
inline std::filesystem::path scratch_dir(const std::string& suite, const std::string& name) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / suite / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// An absolute input path as the command line shows it unless --absolute-paths: relative to the
// current folder.
inline std::string relative_to_current(const std::filesystem::path& path) {
  return path.lexically_relative(std::filesystem::current_path()).generic_string();
}

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace evgraph::test
