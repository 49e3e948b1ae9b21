// Node and Edge: what one node and one edge of the evidence graph carry (design.md "Graph model").
// Plain values; Graph (graph_tables.hpp) holds them in its tables.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "evgraph/evidence.hpp"
#include "evgraph/vocabulary.hpp"

namespace evgraph {

struct Occurrence {
  std::string document;
  std::size_t line = 0;
  std::size_t column = 0;
  std::size_t block = 0;
  std::vector<std::string> markers;
  std::string section;  // the heading path above this occurrence (`Results › Veterans`), or empty
};

// One node; fields that do not apply to its type stay empty.
struct Node {
  std::string id;
  NodeType type = NodeType::document;
  std::string label;
  // claim
  std::string text;
  ClaimKind kind = ClaimKind::finding;
  std::vector<Occurrence> occurrences;
  // source
  std::string url;
  std::vector<std::string> urls;
  std::string scheme;
  std::string identifier;
  std::vector<std::string> also;  // other ids of the same work ("source:pubmed:123")
  std::string title;
  std::vector<std::string> authors;
  std::string year;
  std::string data;  // the input's other fields for this work, as one compact JSON object
  std::vector<std::string> merged_because;  // one line per merge: what was merged and why
  std::string accessed;                     // when a list says the work was read
  // document
  std::string path;
  std::string format;
};

struct Edge {
  EdgeType type = EdgeType::asserts;
  std::vector<std::string> markers;   // cites, lists
  bool ambiguous = false;             // cites
  std::optional<double> score;        // similar_to
  std::string stance;                 // cites: supports, contrasts, mentions, mixed, or empty
  std::string certainty;              // cites: GRADE, "mixed" when records differ, or empty
  std::vector<StanceRecord> records;  // cites, from curated evidence
  bool inferred = false;              // cites: from plain digits, not a written marker
  std::string quote;                  // cites: the text fragment of the cited URL, decoded
  std::vector<ConceptMatch> terms;    // concerns/about/reports: why (the claim's words, where)
};

inline Edge make_edge(EdgeType type, std::vector<std::string> markers = {}, bool ambiguous = false,
                      std::optional<double> score = std::nullopt) {
  Edge edge;
  edge.type = type;
  edge.markers = std::move(markers);
  edge.ambiguous = ambiguous;
  edge.score = score;
  return edge;
}

}  // namespace evgraph
