// libFuzzer harness: a CSV coding sheet read through a field map (first line
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return evgraph::fuzz::run_mapped(data, size, " the map).:sheet.csv", evgraph::InputFormat::csv);
}
