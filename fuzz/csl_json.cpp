// libFuzzer harness: a CSL-JSON bibliography.
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return evgraph::fuzz::run_reader(data, size, "references.json", evgraph::InputFormat::csl_json);
}
