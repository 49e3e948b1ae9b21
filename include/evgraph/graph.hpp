// EvidenceGraph: the typed evidence graph of design.md on a Boost.Graph adjacency_list with bundled
// properties. Nodes are unique by id; adding a node that exists merges into it (claim occurrences,
// source URLs), so building from many Evidence values is a union. Vertices and edges keep insertion
// order, which is the order every export writes them in. Not thread-safe for concurrent writes.
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
  // document
  std::string path;
};

struct Edge {
  EdgeType type = EdgeType::asserts;
  std::vector<std::string> markers;  // cites
  bool ambiguous = false;            // cites
  std::optional<double> score;       // similar_to
};

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
  // Adds the edge unless one of the same type joins the same nodes (then merges markers).
  EdgeRef add_edge(Vertex from, Vertex to, Edge edge);
  void reserve(std::size_t nodes);

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

  Graph graph_;
  std::unordered_map<std::string, Vertex> index_;
  std::unordered_map<EdgeKey, EdgeRef, EdgeKeyHash> edges_;
};

// Adds one Evidence (a document node, its claims, sources, concepts and edges) to `graph`.
void add_evidence(EvidenceGraph& graph, const Evidence& evidence);
EvidenceGraph build_graph(std::span<const Evidence> evidence);

// A short label for drawings: the text cut at a word boundary near `max_chars` code points, with
// "…".
std::string short_label(std::string_view text, std::size_t max_chars = 60);

}  // namespace evgraph
