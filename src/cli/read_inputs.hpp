// Reads, parses and extracts every input of a run, several documents at once on the machine's
// cores. The result is in input order and identical to a one-thread run, whatever the thread
// count. An input that cannot be read throws (the first such input, in input order).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "evgraph/error.hpp"
#include "evgraph/evidence.hpp"
#include "evgraph/lexicon.hpp"

namespace evgraph::cli {

struct InputResult {
  Evidence evidence;
  Diagnostics diagnostics;  // in line order
};

// "-" is read from `stdin_stream`, before any thread starts.
std::vector<InputResult> read_inputs(const std::vector<std::string>& inputs, const Lexicon& lexicon,
                                     std::istream& stdin_stream, unsigned threads = 0);

}  // namespace evgraph::cli
