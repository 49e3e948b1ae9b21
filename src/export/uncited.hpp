// What the drawings set apart as not evidence: a finding that cites nothing, or a source that no
// claim cites (listed only). The DOT export draws them hollow with a dashed border of their
// type's colour, Mermaid the same through a class of its own. Reads the graph only.
#pragma once

#include <boost/range/iterator_range.hpp>

#include "evgraph/graph.hpp"

namespace evgraph::detail {

inline bool is_uncited(const Graph& g, Vertex v) {
  const NodeType type = g.type(v);
  if (type == NodeType::claim) {
    if (g[v].kind != ClaimKind::finding) return false;
    for (EdgeRef e : boost::make_iterator_range(g.out_edges(v))) {
      if (g.type(e) == EdgeType::cites) return false;
    }
    return true;
  }
  if (type != NodeType::source) return false;
  for (EdgeRef e : boost::make_iterator_range(g.in_edges(v))) {
    if (g.type(e) == EdgeType::cites) return false;
  }
  return true;
}

}  // namespace evgraph::detail
