// EvidenceGraph: the typed evidence graph of design.md on a Boost.Graph adjacency_list with bundled
// properties. Nodes are unique by id; adding a node that exists merges into it (claim occurrences,
// source URLs and metadata, with the reason in `merged_because`), so building from many Evidence
// values is a union. A work known by several identifiers (a bibliography entry's DOI, PMID and
// PMCID) is one node whichever identifier a claim used; two different strong identifiers of one
// kind are never merged. Near-duplicate claims are joined by `similar_to` edges (similarity.cpp).
// Vertices and edges keep insertion order, which is the order every export writes them in. Not
// thread-safe for concurrent writes.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
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

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Node, Edge>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using EdgeRef = boost::graph_traits<Graph>::edge_descriptor;

class EvidenceGraph {
 public:
  const Graph& graph() const noexcept { return graph_; }
  std::size_t node_count() const noexcept { return boost::num_vertices(graph_); }
  std::size_t edge_count() const noexcept { return boost::num_edges(graph_); }
  const Node& node(Vertex v) const { return graph_[v]; }
  const Edge& edge(EdgeRef e) const { return graph_[e]; }
  std::optional<Vertex> find(std::string_view id) const;

  // Adds the node, or merges it into the node with the same id; returns its vertex.
  Vertex add_node(Node node);
  // Adds the edge unless one of the same type joins the same nodes (then merges markers and
  // records).
  EdgeRef add_edge(Vertex from, Vertex to, Edge edge);
  void reserve(std::size_t nodes);

  // Records that the identities of `source` name one work (a bibliography entry with a DOI and a
  // PMID), so that later sources with any of them join one node. Returns false, changing nothing,
  // when that would join two different strong identifiers of one kind.
  bool add_work(const SourceRecord& source);
  // The identity a source's node is known by: its own, or its work's first (strongest) identity
  // when add_work joined it to others; `because` (may be null) gets why they were joined.
  const SourceIdentity& work_identity(const SourceIdentity& identity,
                                      const std::string** because = nullptr) const;
  // Every identity of the work `identity` belongs to, the node's own first.
  std::span<const SourceIdentity> work_identities(const SourceIdentity& identity) const;

 private:
  struct EdgeKey {
    Vertex from;
    Vertex to;
    EdgeType type;
    bool operator==(const EdgeKey&) const = default;
  };
  struct EdgeKeyHash {
    std::size_t operator()(const EdgeKey& key) const noexcept;
  };

  struct Work {
    std::vector<SourceIdentity> identities;  // the first is the node's id
    std::string because;                     // "listed together at refs.bib:12 (smith2020)"
  };

  Graph graph_;
  std::unordered_map<std::string, Vertex> index_;
  std::unordered_map<EdgeKey, EdgeRef, EdgeKeyHash> edges_;
  std::vector<Work> works_;
  std::unordered_map<std::string, std::size_t> work_of_;  // identity id -> index into works_
};

// Adds one Evidence (a document node, its claims, sources, concepts and edges) to `graph`; its
// sources' identities are registered with add_work first. Identifier conflicts are reported to
// `diagnostics` when given.
void add_evidence(EvidenceGraph& graph, const Evidence& evidence,
                  Diagnostics* diagnostics = nullptr);
// Registers every input's works first, so that the result does not depend on which input names
// a work's identifiers together; then adds each Evidence in order and links near-duplicate claims.
EvidenceGraph build_graph(std::span<const Evidence> evidence, Diagnostics* diagnostics = nullptr);

// Near-duplicate claims. The measure: the overlap coefficient |A∩B| / min(|A|,|B|) of the two
// claims' content words (ASCII-folded words of three or more characters, stop words dropped, a
// final plural "s" removed). Two claims are similar when they share at least kSimilarMinShared
// content words and the coefficient is at least kSimilarThreshold. Words found in more than
// kSimilarCommonShare of all claims (and in over 100) count in the score but do not propose
// candidates, which keeps a million claims near-linear.
inline constexpr double kSimilarThreshold = 0.5;
inline constexpr std::size_t kSimilarMinShared = 5;
inline constexpr double kSimilarCommonShare = 0.01;
double claim_similarity(std::string_view a, std::string_view b);
// Adds a similar_to edge (earlier claim → later claim, `score` rounded to 3 decimals) for every
// similar pair of distinct claim nodes; returns how many it added.
std::size_t link_similar_claims(EvidenceGraph& graph);

// A short label for drawings: the text cut at a word boundary near `max_chars` code points, with
// "…".
std::string short_label(std::string_view text, std::size_t max_chars = 60);

}  // namespace evgraph
