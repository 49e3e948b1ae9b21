// Filters (analysis.hpp): which nodes an export keeps, then a new graph of copies of them and of
// the edges between them.
#include <algorithm>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "analysis/copies.hpp"
#include "evgraph/analysis.hpp"
#include "evgraph/error.hpp"

namespace evgraph {
namespace {

using analysis::copy_of;

bool is_concept(NodeType type) {
  return type == NodeType::population || type == NodeType::intervention ||
         type == NodeType::outcome;
}

bool is_concept_edge(EdgeType type) {
  return type == EdgeType::concerns || type == EdgeType::about || type == EdgeType::reports;
}

// Claims linked to any of the concepts, the sources they cite and the concepts they are linked to.
std::vector<bool> only_about(const EvidenceGraph& graph, const std::vector<std::string>& names) {
  const Graph& g = graph.graph();
  std::vector<bool> keep(graph.node_count(), false);
  for (const std::string& name : names) {
    const Vertex named = resolve_node(graph, name);
    if (!is_concept(g.type(named))) {
      throw Error("--only " + name + " names a " + std::string(to_string(g.type(named))) +
                  "; it takes a population, intervention or outcome");
    }
    keep[named] = true;
    for (EdgeRef in : boost::make_iterator_range(g.in_edges(named))) {
      if (!is_concept_edge(g.type(in))) continue;
      const Vertex claim = g.source(in);
      keep[claim] = true;
      for (EdgeRef out : boost::make_iterator_range(g.out_edges(claim))) {
        if (g.type(out) == EdgeType::cites || is_concept_edge(g.type(out))) {
          keep[g.target(out)] = true;
        }
      }
    }
  }
  return keep;
}

// What lies within `depth` edges of `from`, either way.
std::vector<bool> within(const EvidenceGraph& graph, Vertex from, std::size_t depth) {
  const Graph& g = graph.graph();
  std::vector<std::size_t> distance(graph.node_count(), depth + 1);
  std::deque<Vertex> queue = {from};
  distance[from] = 0;
  auto visit = [&](Vertex v, std::size_t d) {
    if (distance[v] <= depth) return;
    distance[v] = d;
    if (d < depth) queue.push_back(v);
  };
  while (!queue.empty()) {
    const Vertex v = queue.front();
    queue.pop_front();
    if (distance[v] >= depth) continue;
    for (EdgeRef e : boost::make_iterator_range(g.out_edges(v)))
      visit(g.target(e), distance[v] + 1);
    for (EdgeRef e : boost::make_iterator_range(g.in_edges(v))) visit(g.source(e), distance[v] + 1);
  }
  std::vector<bool> keep(graph.node_count());
  for (Vertex v = 0; v < graph.node_count(); ++v) keep[v] = distance[v] <= depth;
  return keep;
}

std::size_t cited_works(const Graph& g, Vertex claim) {
  const auto out = g.out_edges(claim);
  return static_cast<std::size_t>(std::count_if(
      out.first, out.second, [&](EdgeRef e) { return g.type(e) == EdgeType::cites; }));
}

bool cited_by_a_claim(const Graph& g, Vertex source) {
  const auto in = g.in_edges(source);
  return std::any_of(in.first, in.second, [&](EdgeRef e) {
    return g.type(e) == EdgeType::cites && g.type(g.source(e)) == NodeType::claim;
  });
}

}  // namespace

EvidenceGraph filter_graph(const EvidenceGraph& graph, const GraphFilter& filter) {
  const Graph& g = graph.graph();
  const std::size_t count = graph.node_count();
  std::vector<bool> keep(count, true);
  auto narrow = [&](const std::vector<bool>& to) {
    for (Vertex v = 0; v < count; ++v) keep[v] = keep[v] && to[v];
  };
  if (!filter.only.empty()) narrow(only_about(graph, filter.only));
  if (!filter.around.empty())
    narrow(within(graph, resolve_node(graph, filter.around), filter.depth));
  for (Vertex v = 0; v < count; ++v) {
    if (!keep[v]) continue;
    const NodeType type = g.type(v);
    if (!filter.types.empty() &&
        std::find(filter.types.begin(), filter.types.end(), type) == filter.types.end()) {
      keep[v] = false;
    } else if (type == NodeType::claim) {
      const std::size_t works = cited_works(g, v);
      keep[v] = !(filter.no_commentary && graph.node(v).kind == ClaimKind::commentary) &&
                !(filter.cited_only && works == 0) && works >= filter.min_works;
    } else if (type == NodeType::source && filter.cited_only) {
      keep[v] = cited_by_a_claim(g, v);
    }
  }
  EvidenceGraph kept;
  std::vector<Vertex> at(count);
  for (Vertex v = 0; v < count; ++v) {
    if (keep[v]) at[v] = kept.add_node(copy_of(graph.node(v)));
  }
  for (EdgeRef e : boost::make_iterator_range(g.edges())) {
    const Vertex from = g.source(e);
    const Vertex to = g.target(e);
    if (keep[from] && keep[to]) kept.add_edge(at[from], at[to], copy_of(graph.edge(e)));
  }
  return kept;
}

}  // namespace evgraph
