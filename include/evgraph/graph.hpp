// EvidenceGraph: the typed evidence graph of design.md, held in flat node and edge tables (Graph,
// graph_tables.hpp) that Boost.Graph algorithms run on. Nodes are unique by id; adding a node that
// exists merges into it (claim occurrences, source URLs and metadata, with the reason in
// `merged_because`), so building from many Evidence values is a union. A work known by several
// identifiers (a bibliography entry's DOI, PMID and PMCID) is one node whichever identifier a claim
// used; two different strong identifiers of one kind are never merged. Near-duplicate claims are
// joined by `similar_to` edges, or `conflicts_with` when they point opposite ways (similarity.cpp).
// Vertices and edges keep insertion order, which is the order every export writes them in. Not
// thread-safe for concurrent writes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "evgraph/evidence.hpp"
#include "evgraph/graph_tables.hpp"
#include "evgraph/vocabulary.hpp"

namespace evgraph {

class EvidenceGraph {
 public:
  const Graph& graph() const noexcept { return graph_; }
  std::size_t node_count() const noexcept { return graph_.vertex_count(); }
  std::size_t edge_count() const noexcept { return graph_.edge_count(); }
  NodeView node(Vertex v) const { return graph_[v]; }
  void set_label(Vertex v, std::string label) { graph_.set_label(v, std::move(label)); }
  EdgeView edge(EdgeRef e) const { return graph_[e]; }
  std::optional<Vertex> find(std::string_view id) const;

  // Adds the node, or merges it into the node with the same id; returns its vertex.
  Vertex add_node(Node node);
  // Adds the edge unless one of the same type joins the same nodes (then merges markers and
  // records).
  EdgeRef add_edge(Vertex from, Vertex to, Edge edge);
  void reserve(std::size_t nodes, std::size_t edges = 0);
  // Gives each node its measures (one per vertex, in vertex order: node_measures() in
  // analysis.hpp), which every graph export then writes as node attributes.
  void set_measures(std::vector<NodeMeasures> measures);

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
  // An open-addressing hash index of table positions: each slot holds a 32-bit hash tag and the
  // position + 1 (0 = empty); the tables themselves hold the keys.
  struct SlotIndex {
    std::vector<std::uint64_t> slots;
    std::size_t used = 0;
  };

  // Out-edges of a node with at most this many are found by walking them, not through edge_index_.
  static constexpr std::size_t kWalkedOutDegree = 16;

  std::optional<EdgeRef> find_edge(Vertex from, Vertex to, EdgeType type) const;
  void index_edge(EdgeRef e);

  struct Work {
    std::vector<SourceIdentity> identities;  // the first is the node's id
    std::string because;                     // "listed together at refs.bib:12 (smith2020)"
  };

  Graph graph_;
  SlotIndex node_index_;  // by id
  SlotIndex edge_index_;  // by (from, to, type), of the nodes with over kWalkedOutDegree out-edges
  std::vector<Work> works_;
  std::unordered_map<std::string, std::size_t> work_of_;  // identity id -> index into works_
};

// Builds an EvidenceGraph one input at a time, as build_graph() does from a whole list: register
// the works of every input that names any (add_works) before adding the first (add), then finish().
// Registering them all first keeps the graph from depending on which input names a work's
// identifiers together.
class GraphBuilder {
 public:
  // Identifier conflicts are reported to `diagnostics` when given.
  explicit GraphBuilder(Diagnostics* diagnostics = nullptr) : diagnostics_(diagnostics) {}
  // Room for about this many nodes and edges, so that the tables grow once.
  void reserve(std::size_t nodes, std::size_t edges) { graph_.reserve(nodes, edges); }
  // Registers the works the evidence's sources name (EvidenceGraph::add_work).
  void add_works(const Evidence& evidence);
  // Adds the evidence's document node, claims, sources, concepts and edges (its works must be
  // registered already). The rvalue form moves its strings into the graph and frees its records.
  void add(const Evidence& evidence);
  void add(Evidence&& evidence);
  // Labels claims apart (label_claims_apart), links near-duplicate claims and gives up the graph;
  // the builder is empty after.
  EvidenceGraph finish();
  // Nodes added so far.
  std::size_t node_count() const noexcept { return graph_.node_count(); }

 private:
  EvidenceGraph graph_;
  Diagnostics* diagnostics_;
};

// Adds one Evidence (a document node, its claims, sources, concepts and edges) to `graph`; its
// sources' identities are registered with add_work first. Identifier conflicts are reported to
// `diagnostics` when given.
void add_evidence(EvidenceGraph& graph, const Evidence& evidence,
                  Diagnostics* diagnostics = nullptr);
// Registers every input's works first, so that the result does not depend on which input names
// a work's identifiers together; then adds each Evidence in order and links near-duplicate claims.
EvidenceGraph build_graph(std::span<const Evidence> evidence, Diagnostics* diagnostics = nullptr);
// The same for inputs the caller gives up: their strings move into the graph and each input is
// freed once added, so the inputs and the graph are not held twice at the peak.
EvidenceGraph build_graph(std::vector<Evidence>&& evidence, Diagnostics* diagnostics = nullptr);

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
// The words where two near-duplicate claims point opposite ways, or nullopt when they agree (or
// neither points anywhere). Opposite ways: one says a measure goes up, gets better or is linked and
// the other down, worse or not linked ("reduces" / "increases", "improves" / "does not improve",
// "associated" / "not associated"); or one says there is no effect or no link ("has no effect",
// "unrelated") and the other that something happens; or, when no direction word decides, one claim
// holds a negation the other does not ("no effective therapies" / "several effective therapies")
// — never when both take the same side somewhere. A negation (not, no, never, none, neither, nor,
// cannot, unable, fails, lacks, n't) turns over the direction word up to four words after it in its
// clause ("did not significantly reduce"). Each word is a ConceptMatch: the words as written (from
// the negation to the direction word), `at` in code points of its claim, and `field` "from" or
// "to", the claim it is in; the first claim's first.
std::optional<std::vector<ConceptMatch>> claims_conflict(std::string_view from,
                                                         std::string_view to);
// Adds an edge (earlier claim → later claim, `score` rounded to 3 decimals) for every similar pair
// of distinct claim nodes: conflicts_with, with the words that differ as its `terms`, when the two
// point opposite ways (claims_conflict), else similar_to. In one order whatever the thread count
// (pairs are scored on every core); returns how many it added.
std::size_t link_similar_claims(EvidenceGraph& graph);

// A short label for drawings: the text cut at a word boundary near `max_chars` code points, with
// "…".
std::string short_label(std::string_view text, std::size_t max_chars = 60);
// A short label that shows where `text` differs from another text sharing its first `differs_at`
// bytes: its start, "…", and the words from one before the difference (`One type of COVID-19 test
// identifies… in a few seconds.`), within about `max_chars` code points.
std::string distinct_label(std::string_view text, std::size_t differs_at,
                           std::size_t max_chars = 60);
// Gives claims whose short labels are alike labels that tell them apart (distinct_label, then a
// number in node order for any still alike). GraphBuilder::finish() calls it.
void label_claims_apart(EvidenceGraph& graph);

}  // namespace evgraph
