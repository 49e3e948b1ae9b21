// Node and Edge: what one node and one edge of the evidence graph carry (design.md "Graph model").
// Plain values; Graph (graph_tables.hpp) holds them in its tables and shows an edge as an EdgeView.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
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
  // answer (its document's path in `path`); shared, as it is never changed once built
  std::shared_ptr<const AnswerInfo> answer;
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

// An edge as the graph holds it: views into the graph's tables, valid while the graph lives and
// nothing is added to it. The same fields as Edge; those that do not apply to its type are empty.
struct EdgeView {
  EdgeType type = EdgeType::asserts;
  std::span<const std::string> markers;
  bool ambiguous = false;
  std::optional<double> score;
  std::string_view stance;
  std::string_view certainty;
  std::span<const StanceRecord> records;
  bool inferred = false;
  std::string_view quote;
  std::span<const ConceptMatch> terms;
};

inline EdgeView view_of(const Edge& edge) {
  return {edge.type,      edge.markers, edge.ambiguous, edge.score, edge.stance,
          edge.certainty, edge.records, edge.inferred,  edge.quote, edge.terms};
}

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
