// What the harnesses share: the fuzzer's bytes as a Text (cleaned as `evgraph` cleans a file), read
// as one input format into Evidence and built into a graph, with the library's contracts checked
// on the way. A refusal the library documents (InputError, naming where) ends an input quietly;
// anything else — another exception, a crash, a leak, a sanitizer report, a broken contract —
// reaches libFuzzer as a finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <evgraph/evgraph.hpp>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace evgraph::fuzz {

inline std::string_view bytes(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Stops the run with a message when a contract does not hold (libFuzzer saves the input).
inline void require(bool holds, std::string_view what) {
  if (holds) return;
  std::cerr << "fuzz: contract broken: " << what << '\n';
  std::abort();
}

inline Text make_input(std::string name, std::string_view input) {
  Diagnostics diagnostics;
  Text text = make_text(std::move(name), input, diagnostics);
  for (const Diagnostic& d : diagnostics) require(!d.code.empty(), "a diagnostic without a code");
  return text;
}

// Every diagnostic has a stable code and a message, and points into the file it names.
inline void check_diagnostics(const Text& text, const Diagnostics& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    require(!d.code.empty(), "a diagnostic without a code");
    require(!d.message.empty(), "a diagnostic without a message");
    if (d.where.file == text.name()) {
      require(d.where.line <= text.line_count(), "a diagnostic past the last line");
    }
  }
}

// Reads `text` as `format` (nullopt: detected) through `map` and builds the graph; nullopt when
// the reader refused the input with an InputError.
inline std::optional<EvidenceGraph> read_and_build(const Text& text,
                                                   std::optional<InputFormat> format,
                                                   const FieldMap& map = {},
                                                   const Lexicon& lexicon = default_lexicon()) {
  Diagnostics diagnostics;
  std::vector<Evidence> documents;
  try {
    documents = read_documents(text, format, map, lexicon, diagnostics);
  } catch (const InputError& e) {
    require(std::strlen(e.what()) > 0, "an InputError without a message");
    return std::nullopt;
  }
  check_diagnostics(text, diagnostics);
  EvidenceGraph graph = build_graph(std::move(documents), &diagnostics);
  check_diagnostics(text, diagnostics);
  return graph;
}

// The reader harnesses: read, build, and write the node-link JSON (the export every graph gets).
inline int run_reader(const std::uint8_t* data, std::size_t size, std::string name,
                      InputFormat format, const FieldMap& map = {}) {
  const Text text = make_input(std::move(name), bytes(data, size));
  if (auto graph = read_and_build(text, format, map)) {
    std::ostringstream out;
    write_json(*graph, out);
  }
  return 0;
}

// The CSV, TSV and JSON Lines harnesses: the input's first line is the field map ("text=claim,
// source=ref"; a line that is no map reads the records as a bibliography), the rest the records.
inline int run_mapped(const std::uint8_t* data, std::size_t size, std::string name,
                      InputFormat format) {
  const std::string_view input = bytes(data, size);
  const std::size_t end = input.find('\n');
  FieldMap map;
  try {
    map = parse_field_map(input.substr(0, end));
  } catch (const Error&) {
    map = {};
  }
  const std::string_view records = end == std::string_view::npos ? "" : input.substr(end + 1);
  const Text text = make_input(std::move(name), records);
  if (auto graph = read_and_build(text, format, map)) {
    std::ostringstream out;
    write_json(*graph, out);
  }
  return 0;
}

}  // namespace evgraph::fuzz
