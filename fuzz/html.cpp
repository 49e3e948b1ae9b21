// libFuzzer harness: a chat page saved as HTML.
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return evgraph::fuzz::run_reader(data, size, "page.html", evgraph::InputFormat::html);
}
