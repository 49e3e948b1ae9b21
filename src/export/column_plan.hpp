// The layout plan of the DOT export (dot.cpp): which column, counted from the left of the drawing,
// each vertex stands in. dot.cpp writes the plan as rank=same subgraphs and edge minlen.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "evgraph/graph.hpp"

namespace evgraph::detail {

inline constexpr double kLegendRow = 15;  // points: one row of the DOT legend

// How much wider and taller than its label's box Graphviz draws a node of one type (measured).
struct ShapeScale {
  double widen = 1;
  double raise = 1;
};
using ShapeScales = std::array<ShapeScale, std::size(kNodeTypes)>;

// asserts, lists and contains: edges that record where things were found, not what the evidence
// says.
inline bool is_provenance(EdgeType type) {
  return type == EdgeType::asserts || type == EdgeType::lists || type == EdgeType::contains;
}

// `labels` are the vertices' wrapped labels; `legend` the legend's height in points.
std::vector<std::size_t> plan_columns(const EvidenceGraph& graph,
                                      const std::vector<std::string>& labels, double legend,
                                      const ShapeScales& scales);

}  // namespace evgraph::detail
