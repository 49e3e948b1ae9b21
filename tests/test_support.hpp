// Small helpers shared by the tests: parse a string as an answer, find diagnostics by code.
#pragma once

#include <algorithm>
#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "evgraph/evgraph.hpp"
#include "parse/json_strings.hpp"

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

// A graph of one document asserting one claim per text ("claim:0"…), for escaping tests.
inline EvidenceGraph graph_of_texts(const std::vector<std::string>& texts) {
  EvidenceGraph graph;
  Node document = make_node("document:a.md", NodeType::document, "a.md");
  document.path = "a.md";
  const Vertex from = graph.add_node(std::move(document));
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const Vertex claim = graph.add_node(make_claim("claim:" + std::to_string(i), texts[i]));
    graph.add_edge(from, claim, make_edge(EdgeType::asserts));
  }
  return graph;
}

// `count` random texts of up to 48 code points, the same for the same seed, mixing what breaks
// escaping: ASCII and markup punctuation, every C0 control (NUL included) and DEL, C1 controls,
// bidi controls, U+2028/U+2029, the BOM, U+FFFD, noncharacters, combining marks, CJK, Arabic and
// emoji with a zero-width joiner. Valid UTF-8 throughout.
inline std::vector<std::string> random_texts(std::size_t count, std::uint32_t seed) {
  static constexpr char32_t kSpecial[] = {
      U'"',      U'\\',     U'\'',         U'<',          U'>',         U'&',      U'{',
      U'}',      U'|',      U',',          U';',          U'[',         U']',      U'=',
      U'+',      U'-',      U'@',          U'#',          U'%',         U'\u0080', U'\u0085',
      U'\u009F', U'\u00E9', U'\u0301',     U'\u0639',     U'\u200D',    U'\u200E', U'\u200F',
      U'\u2028', U'\u2029', U'\u202A',     U'\u202B',     U'\u202C',    U'\u202D', U'\u202E',
      U'\u2066', U'\u2067', U'\u2068',     U'\u2069',     U'\u4E2D',    U'\uFEFF', U'\uFFFD',
      U'\uFFFE', U'\uFFFF', U'\U0001F600', U'\U0001F469', U'\U0010FFFF'};
  std::mt19937 random(seed);
  auto below = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
  };
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < count; ++i) {
    std::string text;
    for (std::size_t n = 1 + below(48); n > 0; --n) {
      switch (below(4)) {
        case 0:
          detail::append_utf8(static_cast<std::uint32_t>(below(0x20)), text);  // C0 controls
          break;
        case 1:
          detail::append_utf8(kSpecial[below(std::size(kSpecial))], text);
          break;
        default:
          detail::append_utf8(static_cast<std::uint32_t>(0x20 + below(0x60)),
                              text);  // printable ASCII and DEL
      }
    }
    texts.push_back(std::move(text));
  }
  return texts;
}

}  // namespace evgraph::test
