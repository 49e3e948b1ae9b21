// libFuzzer harness: AI-answer text or Markdown (parse_answer through read_documents).
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return evgraph::fuzz::run_reader(data, size, "answer.md", evgraph::InputFormat::answer);
}
