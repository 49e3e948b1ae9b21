// The summary view (analysis.hpp): claims folded into evidence edges between their concepts.
#include <algorithm>
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "analysis/copies.hpp"
#include "evgraph/analysis.hpp"

namespace evgraph {
namespace {

// The claims behind one evidence edge and the works they cite, as vertices of the full graph.
struct Folded {
  std::vector<Vertex> claims;
  std::vector<Vertex> works;
};

std::size_t distinct(std::vector<Vertex>& vertices) {
  std::sort(vertices.begin(), vertices.end());
  return static_cast<std::size_t>(std::unique(vertices.begin(), vertices.end()) - vertices.begin());
}

}  // namespace

EvidenceGraph summary_graph(const EvidenceGraph& graph) {
  const Graph& g = graph.graph();
  std::vector<bool> kept(g.vertex_count(), false);
  // Pairs in the order their first claim (in vertex order) makes them.
  std::vector<std::pair<Vertex, Vertex>> order;
  std::map<std::pair<Vertex, Vertex>, Folded> folded;
  std::vector<Vertex> populations, interventions, outcomes, works;
  for (Vertex claim : boost::make_iterator_range(boost::vertices(g))) {
    if (g.type(claim) != NodeType::claim || g[claim].kind != ClaimKind::finding) continue;
    populations.clear();
    interventions.clear();
    outcomes.clear();
    works.clear();
    for (EdgeRef e : boost::make_iterator_range(boost::out_edges(claim, g))) {
      const Vertex to = g.target(e);
      switch (g.type(e)) {
        case EdgeType::concerns:
          populations.push_back(to);
          break;
        case EdgeType::about:
          interventions.push_back(to);
          break;
        case EdgeType::reports:
          outcomes.push_back(to);
          break;
        case EdgeType::cites:
          works.push_back(to);
          break;
        default:
          break;
      }
    }
    for (const auto* concepts : {&populations, &interventions, &outcomes}) {
      for (Vertex v : *concepts) kept[v] = true;
    }
    const auto fold = [&](const std::vector<Vertex>& from, const std::vector<Vertex>& to) {
      for (Vertex a : from) {
        for (Vertex b : to) {
          auto [at, added] = folded.try_emplace({a, b});
          if (added) order.emplace_back(a, b);
          at->second.claims.push_back(claim);
          at->second.works.insert(at->second.works.end(), works.begin(), works.end());
        }
      }
    };
    if (interventions.empty()) {
      fold(populations, outcomes);
    } else {
      fold(populations, interventions);
      fold(interventions, outcomes);
    }
  }

  EvidenceGraph summary;
  std::vector<Vertex> at(g.vertex_count(), 0);
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    if (kept[v]) at[v] = summary.add_node(analysis::copy_of(g[v]));
  }
  for (const auto& pair : order) {
    Folded& behind = folded.at(pair);
    Edge edge;
    edge.type = EdgeType::evidence;
    edge.claims = distinct(behind.claims);
    edge.works = distinct(behind.works);
    summary.add_edge(at[pair.first], at[pair.second], std::move(edge));
  }
  return summary;
}

}  // namespace evgraph
