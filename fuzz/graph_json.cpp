// libFuzzer harness: evgraph's own node-link JSON (read_graph_json, what `evgraph convert` reads).
// What it reads, written as JSON and read again, is written with the same bytes.
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace evgraph;
  const Text text = fuzz::make_input("graph.json", fuzz::bytes(data, size));
  std::ostringstream first;
  Diagnostics diagnostics;
  try {
    write_json(read_graph_json(text, diagnostics), first);
  } catch (const InputError&) {
    return 0;
  }
  std::ostringstream second;
  Diagnostics again;
  write_json(read_graph_json(Text("graph.json", first.str()), again), second);
  fuzz::require(first.str() == second.str(), "a graph read back from its JSON writes other JSON");
  fuzz::require(again.empty(), "a graph's own JSON read back gives a warning");
  return 0;
}
