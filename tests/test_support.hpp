// Small helpers shared by the tests: parse a string as an answer, find diagnostics by code.
#pragma once

#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "evgraph/evgraph.hpp"

namespace evgraph::test {

// A copy of what an EdgeView's span shows, to compare with a list written in a test.
template <typename T>
std::vector<T> to_vector(std::span<const T> values) {
  return {values.begin(), values.end()};
}

inline std::vector<ConceptMatch> to_vector(const TermsView& terms) {
  std::vector<ConceptMatch> out;
  for (const ConceptMatchView match : terms) out.push_back(match.copy());
  return out;
}

inline Document parse_string(std::string_view content, Diagnostics& diagnostics,
                             std::string name = "answer.txt") {
  const Text text = make_text(std::move(name), content, diagnostics);
  return parse_answer(text, diagnostics);
}

inline Evidence extract_string(std::string_view content, Diagnostics& diagnostics,
                               const Lexicon& lexicon = default_lexicon()) {
  return extract(parse_string(content, diagnostics), lexicon, diagnostics);
}

inline std::size_t count_code(const Diagnostics& diagnostics, std::string_view code) {
  return static_cast<std::size_t>(std::count_if(
      diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) { return d.code == code; }));
}

inline const Diagnostic* find_code(const Diagnostics& diagnostics, std::string_view code) {
  auto found = std::find_if(diagnostics.begin(), diagnostics.end(),
                            [&](const Diagnostic& d) { return d.code == code; });
  return found == diagnostics.end() ? nullptr : &*found;
}

inline std::string seed_path() {
  return std::string(EVGRAPH_SOURCE_DIR) + "/graphs/men-peer-support/men-peer-support.txt";
}

inline Node make_node(std::string id, NodeType type, std::string label) {
  Node node;
  node.id = std::move(id);
  node.type = type;
  node.label = std::move(label);
  return node;
}

inline Node make_claim(std::string id, std::string text, ClaimKind kind = ClaimKind::finding) {
  Node node = make_node(std::move(id), NodeType::claim, short_label(text));
  node.text = std::move(text);
  node.kind = kind;
  node.occurrences.push_back({"answer.md", 7, 1, 1, {"1"}, {}});
  return node;
}

inline Node make_source(std::string id, std::string url) {
  Node node = make_node(std::move(id), NodeType::source, "source");
  node.url = url;
  node.urls = {std::move(url)};
  return node;
}

}  // namespace evgraph::test
