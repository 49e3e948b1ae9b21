// libFuzzer harness: an OpenAI Chat Completions or Responses API response.
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return evgraph::fuzz::run_reader(data, size, "openai.json", evgraph::InputFormat::openai);
}
