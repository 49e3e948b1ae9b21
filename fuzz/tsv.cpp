// libFuzzer harness: a TSV coding sheet read through a field map (first line
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return evgraph::fuzz::run_mapped(data, size, " the map).:sheet.tsv", evgraph::InputFormat::tsv);
}
