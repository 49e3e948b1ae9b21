// Copies of a graph's nodes and edges as the values EvidenceGraph::add_node/add_edge take, for the
// analyses that make a new graph from an old one (filters, summary views).
#pragma once

#include "evgraph/graph_elements.hpp"

namespace evgraph::analysis {

Node copy_of(const NodeView& view);
Edge copy_of(const EdgeView& view);

}  // namespace evgraph::analysis
