// libFuzzer harness: a RIS bibliography.
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return evgraph::fuzz::run_reader(data, size, "references.ris", evgraph::InputFormat::ris);
}
