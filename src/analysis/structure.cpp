// The graph's structure with its edges taken as undirected: a Boost adjacency_list built from the
// edge table (each joined pair once), then connected_components and brandes_betweenness_centrality.
#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>
#include <utility>

#include "analysis/containers.hpp"
#include "analysis/undirected.hpp"
#include "evgraph/analysis.hpp"

namespace evgraph {
namespace analysis {

Undirected undirected(const Graph& g, const std::vector<bool>* blocked) {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  pairs.reserve(g.edge_count());
  for (EdgeRef e : boost::make_iterator_range(boost::edges(g))) {
    const Vertex a = g.source(e);
    const Vertex b = g.target(e);
    if (a == b || (blocked && ((*blocked)[a] || (*blocked)[b]))) continue;
    pairs.emplace_back(std::min(a, b), std::max(a, b));
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return Undirected(pairs.begin(), pairs.end(), g.vertex_count());
}

}  // namespace analysis

Structure structure(const EvidenceGraph& graph, std::size_t betweenness_limit) {
  const Graph& g = graph.graph();
  Structure result;
  const std::size_t n = g.vertex_count();
  result.degree.resize(n);
  for (Vertex v = 0; v < n; ++v) result.degree[v] = boost::degree(v, g);
  if (n == 0) return result;
  // Documents are left out: a document joins every claim it makes, which says nothing about how
  // the evidence connects.
  std::vector<bool> documents(n, false);
  for (Vertex v = 0; v < n; ++v) documents[v] = analysis::is_container(g[v].type);
  const analysis::Undirected u = analysis::undirected(g, &documents);
  result.component.resize(n);
  boost::connected_components(u, result.component.data());
  // Numbered in order of their first vertex, documents apart.
  std::vector<std::size_t> renumber(n, kNoComponent);
  for (Vertex v = 0; v < n; ++v) {
    std::size_t& component = result.component[v];
    if (documents[v]) {
      component = kNoComponent;
      continue;
    }
    if (renumber[component] == kNoComponent) renumber[component] = result.components++;
    component = renumber[component];
  }
  if (n <= betweenness_limit) {
    result.betweenness.assign(n, 0.0);
    boost::brandes_betweenness_centrality(
        u, boost::centrality_map(boost::make_iterator_property_map(
               result.betweenness.begin(), boost::get(boost::vertex_index, u))));
  }
  return result;
}

}  // namespace evgraph
