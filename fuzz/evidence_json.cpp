// libFuzzer harness: evgraph's curated evidence JSON.
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return evgraph::fuzz::run_reader(data, size, "evidence.json",
                                   evgraph::InputFormat::evidence_json);
}
