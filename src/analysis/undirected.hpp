// The evidence graph's topology as an undirected Boost adjacency_list, for the algorithms that
// walk edges either way (components, betweenness, paths). Internal to src/analysis.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <vector>

#include "evgraph/graph_tables.hpp"

namespace evgraph::analysis {

using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

// Every pair of nodes joined by an edge, once, self-loops left out; vertex i is Vertex i. A vertex
// marked in `blocked` (when given) keeps its index but no edge.
Undirected undirected(const Graph& g, const std::vector<bool>* blocked = nullptr);

}  // namespace evgraph::analysis
