// A run's diagnostics, as the person at the terminal sees them: on stderr at most the first N of
// each code (errors always), then one note per code with more; every one of them also goes to the
// --diagnostics file when one is given, as text lines or JSON Lines. One thread.
#pragma once

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "cli/console.hpp"
#include "evgraph/error.hpp"

namespace evgraph::cli {

class DiagnosticReport {
 public:
  // `max_per_code` 0 shows all. `file` is the --diagnostics target as given (empty: none) and
  // `temporary` the path to write it to (JSON Lines when `file` ends in .jsonl or .ndjson); throws
  // IoError when it cannot be opened.
  DiagnosticReport(Console& console, std::size_t max_per_code, std::string file = {},
                   const std::filesystem::path& temporary = {});

  // Prints the ones to show in one piece and writes all to the file.
  void add(const Diagnostics& diagnostics);
  // Ends the file; throws IoError when it could not be written.
  void close();

  std::size_t count() const noexcept { return count_; }
  std::size_t hidden() const noexcept { return hidden_; }
  // "evgraph: note: 3,412 more [uncited-claim] warnings not shown; …\n", one per code with
  // diagnostics not shown, in the order the codes first appeared.
  std::string notes() const;

 private:
  struct Code {
    std::string code;
    std::size_t shown = 0;
    std::size_t hidden = 0;
  };

  Console& console_;
  std::size_t max_per_code_;
  std::string file_name_;
  bool jsonl_ = false;
  std::ofstream file_;
  std::map<std::string, std::size_t, std::less<>> index_;  // code → codes_
  std::vector<Code> codes_;
  std::size_t count_ = 0;
  std::size_t hidden_ = 0;
};

// Whether a --diagnostics file of this name is written as JSON Lines.
bool is_jsonl_name(const std::string& path);

}  // namespace evgraph::cli
