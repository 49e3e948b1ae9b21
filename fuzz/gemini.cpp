// libFuzzer harness: a Gemini API response with groundingMetadata.
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return evgraph::fuzz::run_reader(data, size, "gemini.json", evgraph::InputFormat::gemini);
}
