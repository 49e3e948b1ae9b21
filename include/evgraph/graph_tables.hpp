// Graph: the evidence graph's storage. Nodes and edges live in flat tables indexed by integer ids
// (a Vertex is a node's index, an EdgeRef an edge's index), in insertion order, which is the order
// every export writes them in. A node is its id, label and type, and where the fields of its type
// are: a claim's text and occurrences, a source's URLs and metadata, a document's or answer's path
// (a concept has none; a node with fields of several shapes, which only a hand-edited graph file
// gives, keeps a whole Node). An edge is 24 bytes: its ends, the next out- and in-edge of those
// ends, its type, and where its payload is. Payloads live in one table per shape, each only as
// large as its shape needs: a cites edge's markers (from an answer) or markers, stance and records
// (from curated evidence); a lists edge's markers; a concept edge's terms; a similar_to edge's
// score (an edge with fields outside its type's shape keeps a whole Edge). Markers and terms are
// pooled, one table for all edges, and a term's words are held once. Edges that carry nothing
// (asserts) have no payload. Reading a node or an edge gives a NodeView or an EdgeView into these
// tables. Adding an edge allocates nothing but table growth, and out- and in-edges are walked in
// insertion order. Boost.Graph sees it through the graph_traits specialisation and free functions
// at the end of this file (VertexListGraph, EdgeListGraph, BidirectionalGraph), so its algorithms
// run on it directly. Only EvidenceGraph adds to it; reading it from several threads at once is
// safe.
#pragma once

#include <boost/graph/graph_traits.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/range/iterator_range.hpp>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "evgraph/graph_elements.hpp"

namespace evgraph {

using Vertex = std::size_t;

// An edge by its index in the edge table.
struct EdgeRef {
  std::size_t index = 0;
  bool operator==(const EdgeRef&) const = default;
  auto operator<=>(const EdgeRef&) const = default;
};

namespace detail {

inline constexpr std::uint32_t kNoEdge = std::numeric_limits<std::uint32_t>::max();

// Which table holds a node's fields.
enum class NodeTable : std::uint8_t { none, claim, source, place, whole };

// What every node has, and where the fields of its type are.
struct NodeCore {
  std::string id;
  std::string label;
  std::uint32_t fields = 0;  // index into the table `table` names
  NodeType type = NodeType::document;
  NodeTable table = NodeTable::none;
};

struct ClaimFields {
  std::string text;
  Slice occurrences;       // in Graph::occurrences_
  std::uint32_t room = 0;  // slots of occurrences_ held from occurrences.first, ≥ its count
  ClaimKind kind = ClaimKind::finding;
};

// The room of each slice of a pool that has more room than items: its first index → its room.
using PoolRooms = std::unordered_map<std::uint32_t, std::uint32_t>;

// A claim's occurrence by where it is: its vertex, document (interned), line and column.
struct OccurrenceKey {
  std::uint32_t vertex = 0;
  std::uint32_t document = 0;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  bool operator==(const OccurrenceKey&) const = default;
};

struct OccurrenceKeyHash {
  std::size_t operator()(const OccurrenceKey& key) const noexcept;
};

struct SourceFields {
  std::string url;
  std::vector<std::string> urls;
  std::string scheme;
  std::string identifier;
  std::vector<std::string> also;
  std::string title;
  std::vector<std::string> authors;
  std::string year;
  std::string data;
  std::vector<std::string> merged_because;
  std::string accessed;
};

// A document's or an answer's.
struct PlaceFields {
  std::string path;
  std::string format;
  std::shared_ptr<const AnswerInfo> answer;
};

// Which table holds an edge's payload.
enum class PayloadTable : std::uint8_t { none, cite, marked_cite, markers, terms, score, whole };

// An edge's ends, its place in its ends' lists, its type, and where its payload is.
struct EdgeLinks {
  std::uint32_t from = 0;
  std::uint32_t to = 0;
  std::uint32_t next_out = kNoEdge;
  std::uint32_t next_in = kNoEdge;
  std::uint32_t payload = 0;  // index into the table `table` names
  EdgeType type = EdgeType::asserts;
  PayloadTable table = PayloadTable::none;
};

// What a cites edge from an answer carries.
struct MarkedCite {
  Slice markers;
  bool ambiguous = false;
  bool inferred = false;
};

// What a cites edge from curated evidence carries.
struct CitePayload {
  std::vector<std::string> markers;
  std::vector<StanceRecord> records;
  std::string quote;
  Stance stance = Stance::unstated;
  Certainty certainty = Certainty::unstated;
  bool ambiguous = false;
  bool inferred = false;
};

struct VertexLinks {
  std::uint32_t first_out = kNoEdge;
  std::uint32_t last_out = kNoEdge;
  std::uint32_t first_in = kNoEdge;
  std::uint32_t last_in = kNoEdge;
  std::uint32_t out_degree = 0;
  std::uint32_t in_degree = 0;
};

// Whether the edge carries anything besides its type (asserts and contains edges do not).
bool carries_payload(const Edge& edge);

// Walks one vertex's out-edges (Out = true) or in-edges through the per-edge links.
template <bool Out>
class IncidentEdgeIterator : public boost::iterator_facade<IncidentEdgeIterator<Out>, EdgeRef,
                                                           boost::forward_traversal_tag, EdgeRef> {
 public:
  IncidentEdgeIterator() = default;
  IncidentEdgeIterator(const std::vector<EdgeLinks>* links, std::uint32_t at)
      : links_(links), at_(at) {}

 private:
  friend class boost::iterator_core_access;
  EdgeRef dereference() const { return EdgeRef{at_}; }
  bool equal(const IncidentEdgeIterator& other) const { return at_ == other.at_; }
  void increment() { at_ = Out ? (*links_)[at_].next_out : (*links_)[at_].next_in; }

  const std::vector<EdgeLinks>* links_ = nullptr;
  std::uint32_t at_ = kNoEdge;
};

class EdgeIterator : public boost::iterator_facade<EdgeIterator, EdgeRef,
                                                   boost::random_access_traversal_tag, EdgeRef> {
 public:
  EdgeIterator() = default;
  explicit EdgeIterator(std::size_t at) : at_(at) {}

 private:
  friend class boost::iterator_core_access;
  EdgeRef dereference() const { return EdgeRef{at_}; }
  bool equal(const EdgeIterator& other) const { return at_ == other.at_; }
  void increment() { ++at_; }
  void decrement() { --at_; }
  void advance(std::ptrdiff_t n) {
    at_ = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(at_) + n);
  }
  std::ptrdiff_t distance_to(const EdgeIterator& other) const {
    return static_cast<std::ptrdiff_t>(other.at_) - static_cast<std::ptrdiff_t>(at_);
  }

  std::size_t at_ = 0;
};

}  // namespace detail

class Graph {
 public:
  using VertexIterator = boost::counting_iterator<Vertex>;
  using EdgeIterator = detail::EdgeIterator;
  using OutEdgeIterator = detail::IncidentEdgeIterator<true>;
  using InEdgeIterator = detail::IncidentEdgeIterator<false>;

  NodeView operator[](Vertex v) const;
  EdgeView operator[](EdgeRef e) const;
  std::string_view id(Vertex v) const { return nodes_[v].id; }
  NodeType type(Vertex v) const { return nodes_[v].type; }
  EdgeType type(EdgeRef e) const { return links_[e.index].type; }

  std::size_t vertex_count() const noexcept { return nodes_.size(); }
  std::size_t edge_count() const noexcept { return links_.size(); }
  Vertex source(EdgeRef e) const { return links_[e.index].from; }
  Vertex target(EdgeRef e) const { return links_[e.index].to; }
  std::size_t out_degree(Vertex v) const { return vertex_links_[v].out_degree; }
  std::size_t in_degree(Vertex v) const { return vertex_links_[v].in_degree; }

  std::pair<VertexIterator, VertexIterator> vertices() const {
    return {VertexIterator(0), VertexIterator(nodes_.size())};
  }
  std::pair<EdgeIterator, EdgeIterator> edges() const {
    return {EdgeIterator(0), EdgeIterator(links_.size())};
  }
  std::pair<OutEdgeIterator, OutEdgeIterator> out_edges(Vertex v) const {
    return {OutEdgeIterator(&links_, vertex_links_[v].first_out), OutEdgeIterator()};
  }
  std::pair<InEdgeIterator, InEdgeIterator> in_edges(Vertex v) const {
    return {InEdgeIterator(&links_, vertex_links_[v].first_in), InEdgeIterator()};
  }
  bool has_measures() const noexcept { return !measures_.empty(); }

 private:
  friend class EvidenceGraph;

  Vertex add_vertex(Node&& node);
  void set_label(Vertex v, std::string label) { nodes_[v].label = std::move(label); }
  // Moves a node's fields out (to merge more into it) and puts the result back.
  Node take_node(Vertex v);
  void put_node(Vertex v, Node&& node);
  EdgeRef add_edge(Vertex from, Vertex to, Edge&& edge);
  // Merges an edge that carries only markers (and a cite's ambiguous and inferred flags) into an
  // answer's cites edge or a lists edge, in place: false, with nothing changed, for any other.
  bool add_markers(EdgeRef e, Edge& edge);
  // Moves an edge's payload out (to merge more into it) and puts the result back.
  Edge take_payload(EdgeRef e);
  void put_payload(EdgeRef e, Edge&& edge);
  detail::Slice store_markers(std::optional<detail::Slice> old, std::vector<std::string>&& markers);
  detail::Slice store_terms(std::optional<detail::Slice> old,
                            const std::vector<ConceptMatch>& terms);
  std::uint32_t intern(const std::string& text);
  detail::Slice store_occurrences(std::optional<detail::Slice> old,
                                  std::vector<Occurrence>&& occurrences);
  // Adds to claim v's occurrences those it does not have yet (the same document, line and
  // column): false, with nothing changed, when v's fields are not in the claim table or a number
  // does not fit the stored form (then the node is merged whole).
  bool add_occurrences(Vertex v, std::vector<Occurrence>& occurrences);
  bool has_occurrence(const detail::OccurrenceKey& key, const detail::ClaimFields& claim) const;
  void index_occurrences(Vertex v, const detail::ClaimFields& claim);
  std::span<const std::string> markers(detail::Slice slice) const {
    return std::span(marker_pool_).subspan(slice.first, slice.count);
  }
  void reserve(std::size_t nodes, std::size_t edges);
  void set_measures(std::vector<NodeMeasures> measures) { measures_ = std::move(measures); }

  std::vector<detail::NodeCore> nodes_;
  std::vector<NodeMeasures> measures_;  // per vertex, when set
  std::vector<detail::ClaimFields> claims_;
  std::vector<detail::SourceFields> sources_;
  std::vector<detail::PlaceFields> places_;
  std::vector<Node> whole_nodes_;
  std::vector<detail::VertexLinks> vertex_links_;
  std::vector<detail::EdgeLinks> links_;
  std::vector<detail::CitePayload> cites_;
  std::vector<detail::MarkedCite> marked_cites_;
  std::vector<detail::Slice> markers_;    // of lists edges, in marker_pool_
  std::vector<std::string> marker_pool_;  // the markers of marked cites and lists edges
  detail::PoolRooms marker_rooms_;
  // The markers of each answer's cites edge or lists edge that has more than a few, by edge.
  std::unordered_map<std::uint32_t, std::unordered_set<std::string>> marker_index_;
  std::vector<detail::Slice> terms_;
  std::vector<detail::StoredMatch> matches_;
  detail::PoolRooms match_rooms_;
  std::vector<detail::StoredOccurrence> occurrences_;
  // The occurrences of each claim that has more than a few, found without a walk.
  std::unordered_set<detail::OccurrenceKey, detail::OccurrenceKeyHash> occurrence_index_;
  // Each term, field, document and section of matches_ and occurrences_, once.
  std::vector<std::string> interned_;
  std::unordered_map<std::string, std::uint32_t> interned_ids_;
  std::vector<double> scores_;
  std::vector<Edge> whole_;
};

inline EdgeView Graph::operator[](EdgeRef e) const {
  const detail::EdgeLinks& links = links_[e.index];
  EdgeView view;
  view.type = links.type;
  switch (links.table) {
    case detail::PayloadTable::none:
      break;
    case detail::PayloadTable::cite: {
      const detail::CitePayload& cite = cites_[links.payload];
      view.markers = cite.markers;
      view.records = cite.records;
      view.stance = cite.stance;
      view.certainty = cite.certainty;
      view.quote = cite.quote;
      view.ambiguous = cite.ambiguous;
      view.inferred = cite.inferred;
      break;
    }
    case detail::PayloadTable::marked_cite: {
      const detail::MarkedCite& cite = marked_cites_[links.payload];
      view.markers = markers(cite.markers);
      view.ambiguous = cite.ambiguous;
      view.inferred = cite.inferred;
      break;
    }
    case detail::PayloadTable::markers:
      view.markers = markers(markers_[links.payload]);
      break;
    case detail::PayloadTable::terms: {
      const detail::Slice slice = terms_[links.payload];
      view.terms = TermsView(std::span(matches_).subspan(slice.first, slice.count), &interned_);
      break;
    }
    case detail::PayloadTable::score:
      view.score = scores_[links.payload];
      break;
    case detail::PayloadTable::whole:
      view = view_of(whole_[links.payload]);
      break;
  }
  return view;
}

}  // namespace evgraph

// Boost.Graph's view of Graph: the same free functions and traits as its own adapters
// (boost/graph/vector_as_graph.hpp), so boost:: algorithms and the exporters' boost::vertices(g)
// loops work on the flat tables.
namespace boost {

template <>
struct graph_traits<evgraph::Graph> {
  using vertex_descriptor = evgraph::Vertex;
  using edge_descriptor = evgraph::EdgeRef;
  using directed_category = bidirectional_tag;
  using edge_parallel_category = allow_parallel_edge_tag;
  struct traversal_category : public virtual bidirectional_graph_tag,
                              public virtual vertex_list_graph_tag,
                              public virtual edge_list_graph_tag {};
  using vertex_iterator = evgraph::Graph::VertexIterator;
  using edge_iterator = evgraph::Graph::EdgeIterator;
  using out_edge_iterator = evgraph::Graph::OutEdgeIterator;
  using in_edge_iterator = evgraph::Graph::InEdgeIterator;
  using adjacency_iterator = void;
  using vertices_size_type = std::size_t;
  using edges_size_type = std::size_t;
  using degree_size_type = std::size_t;
  static vertex_descriptor null_vertex() { return std::numeric_limits<std::size_t>::max(); }
};

inline auto vertices(const evgraph::Graph& g) {
  return g.vertices();
}
inline auto edges(const evgraph::Graph& g) {
  return g.edges();
}
inline auto out_edges(evgraph::Vertex v, const evgraph::Graph& g) {
  return g.out_edges(v);
}
inline auto in_edges(evgraph::Vertex v, const evgraph::Graph& g) {
  return g.in_edges(v);
}
inline evgraph::Vertex source(evgraph::EdgeRef e, const evgraph::Graph& g) {
  return g.source(e);
}
inline evgraph::Vertex target(evgraph::EdgeRef e, const evgraph::Graph& g) {
  return g.target(e);
}
inline std::size_t out_degree(evgraph::Vertex v, const evgraph::Graph& g) {
  return g.out_degree(v);
}
inline std::size_t in_degree(evgraph::Vertex v, const evgraph::Graph& g) {
  return g.in_degree(v);
}
inline std::size_t degree(evgraph::Vertex v, const evgraph::Graph& g) {
  return g.out_degree(v) + g.in_degree(v);
}
inline std::size_t num_vertices(const evgraph::Graph& g) {
  return g.vertex_count();
}
inline std::size_t num_edges(const evgraph::Graph& g) {
  return g.edge_count();
}

}  // namespace boost
