// What the Graphviz exporters (dot.cpp, render.cpp, graphology.cpp) share: the one lock for
// Graphviz 2.42's process-wide state, and an owning handle for a cgraph graph. Every cgraph or gvc
// call, including the agclose a GraphHandle makes when it is destroyed, happens while mutex() is
// held.
#pragma once

#include <graphviz/cgraph.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "evgraph/graph.hpp"

namespace evgraph::graphviz {

// cgraph and gvc 2.42 keep process-wide state (agwrite's indentation and buffer, the DOT lexer, the
// attribute prototype graph that gvContext fills, layout globals, the agerr handler).
inline std::mutex& mutex() {
  static std::mutex instance;
  return instance;
}

struct GraphCloser {
  void operator()(Agraph_t* graph) const noexcept { agclose(graph); }
};
using GraphHandle = std::unique_ptr<Agraph_t, GraphCloser>;

// The cgraph graph of the scene write_dot() writes as text (defined in dot.cpp); the caller holds
// mutex(). Its names come from a deterministic id discipline, so layouts of it do not depend on
// memory order. Up to kDotNodeLimit nodes it carries a column plan for dot (rank=same subgraphs,
// edge minlen and constraint); past it, the sfdp attributes (layout, overlap, splines) instead.
GraphHandle build_cgraph(const EvidenceGraph& graph);

// A node's centre in points, in Graphviz's coordinates (y grows upwards).
struct Point {
  double x = 0;
  double y = 0;
};

// Lays build_cgraph(graph) out as render() does (with layout_engine_for(graph)) and returns every
// vertex's centre, in vertex order (defined in render.cpp). Takes mutex() itself; throws Error
// when Graphviz fails.
std::vector<Point> layout_positions(const EvidenceGraph& graph);

}  // namespace evgraph::graphviz
