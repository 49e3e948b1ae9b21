// libFuzzer harness: a ChatGPT data export (conversations.json).
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return evgraph::fuzz::run_reader(data, size, "conversations.json",
                                   evgraph::InputFormat::chatgpt_export);
}
