// Documents and the answers within them: they assert claims and list sources, and say nothing
// about how the evidence connects, so the analyses count them as documents and leave them out of
// paths and parts.
#pragma once

#include "evgraph/graph_tables.hpp"
#include "evgraph/vocabulary.hpp"

namespace evgraph::analysis {

inline bool is_container(NodeType type) {
  return type == NodeType::document || type == NodeType::answer;
}

// The document an asserting or listing node belongs to: itself, or the one that contains an
// answer.
inline Vertex document_of(const Graph& g, Vertex v) {
  if (g[v].type != NodeType::answer) return v;
  for (EdgeRef e : boost::make_iterator_range(g.in_edges(v))) {
    if (g.type(e) == EdgeType::contains) return g.source(e);
  }
  return v;
}

}  // namespace evgraph::analysis
