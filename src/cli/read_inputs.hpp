// Reads every input of a run into Evidence, several documents at once on the machine's cores. The
// result is in input order and identical to a one-thread run, whatever the thread count. An input
// that cannot be read throws (the first such input, in input order). A ReadProgress, when given, is
// bumped by the reading threads as each document is done, for another thread to poll.
#pragma once

#include <atomic>
#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "evgraph/error.hpp"
#include "evgraph/evidence.hpp"
#include "evgraph/input.hpp"
#include "evgraph/lexicon.hpp"

namespace evgraph::cli {

// One input file (or "-") with the format and field map given before it on the command line.
struct InputSpec {
  std::string path;
  std::optional<InputFormat> format;  // nullopt: detect
  FieldMap map;
};

struct InputResult {
  Evidence evidence;
  Diagnostics diagnostics;  // in line order
};

// Counts of the documents read so far; each counter only grows.
struct ReadProgress {
  std::atomic<std::size_t> documents{0};  // read, parsed and extracted (or failed)
  std::atomic<std::size_t> bytes{0};      // of the documents read, as stored
  std::atomic<std::size_t> claims{0};     // claim records extracted
};

// "-" is read from `stdin_stream`, before any thread starts.
std::vector<InputResult> read_inputs(const std::vector<InputSpec>& inputs, const Lexicon& lexicon,
                                     std::istream& stdin_stream, unsigned threads = 0,
                                     ReadProgress* progress = nullptr);

}  // namespace evgraph::cli
