// Reads every input of a run into Evidence, several documents at once on the machine's cores. The
// result is in input order and identical to a one-thread run, whatever the thread count. An input
// that cannot be read throws (the first such input, in input order).
#pragma once

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

// "-" is read from `stdin_stream`, before any thread starts.
std::vector<InputResult> read_inputs(const std::vector<InputSpec>& inputs, const Lexicon& lexicon,
                                     std::istream& stdin_stream, unsigned threads = 0);

}  // namespace evgraph::cli
