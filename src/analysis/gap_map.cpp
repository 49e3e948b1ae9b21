// The evidence-and-gap map: for each claim, the cells of its rows' and columns' concepts get the
// claim and the works it cites.
#include <algorithm>
#include <unordered_map>

#include "evgraph/analysis.hpp"
#include "evgraph/error.hpp"
#include "graph/concept_edge.hpp"

namespace evgraph {
namespace {

// Every concept of `type`, sorted by folded label, then id.
std::vector<Vertex> concepts_of(const Graph& g, NodeType type) {
  std::vector<std::pair<std::string, Vertex>> keyed;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    if (g[v].type == type) keyed.emplace_back(fold_for_search(g[v].label), v);
  }
  std::sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return g[a.second].id < g[b.second].id;
  });
  std::vector<Vertex> result;
  result.reserve(keyed.size());
  for (const auto& entry : keyed) result.push_back(entry.second);
  return result;
}

void add_sorted_unique(std::vector<Vertex>& list, Vertex v) {
  auto at = std::lower_bound(list.begin(), list.end(), v);
  if (at == list.end() || *at != v) list.insert(at, v);
}

}  // namespace

std::size_t GapMap::max_works() const {
  std::size_t most = 0;
  for (const GapCell& cell : cells) most = std::max(most, cell.works.size());
  return most;
}

GapMap gap_map(const EvidenceGraph& graph, NodeType rows, std::optional<Vertex> filter) {
  if (rows != NodeType::population && rows != NodeType::intervention) {
    throw Error("a gap map's rows are populations or interventions, not " +
                std::string(to_string(rows)));
  }
  const Graph& g = graph.graph();
  const NodeType third =
      rows == NodeType::population ? NodeType::intervention : NodeType::population;
  if (filter && g[*filter].type != third) {
    throw Error("a " + std::string(to_string(rows)) + " × outcome map is filtered by " +
                std::string(to_string(third)) + ", not by " + std::string(g[*filter].id));
  }
  GapMap map;
  map.row_type = rows;
  map.filter = filter;
  map.rows = concepts_of(g, rows);
  map.columns = concepts_of(g, NodeType::outcome);
  map.cells.resize(map.rows.size() * map.columns.size());
  std::unordered_map<Vertex, std::size_t> row_of;
  std::unordered_map<Vertex, std::size_t> column_of;
  for (std::size_t i = 0; i < map.rows.size(); ++i) row_of[map.rows[i]] = i;
  for (std::size_t i = 0; i < map.columns.size(); ++i) column_of[map.columns[i]] = i;
  const EdgeType row_edge = detail::concept_edge_type(rows);
  const EdgeType filter_edge = detail::concept_edge_type(third);
  std::vector<std::size_t> claim_rows;
  std::vector<std::size_t> claim_columns;
  std::vector<Vertex> works;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    if (g[v].type != NodeType::claim) continue;
    claim_rows.clear();
    claim_columns.clear();
    works.clear();
    bool passes = !filter;
    for (EdgeRef e : boost::make_iterator_range(boost::out_edges(v, g))) {
      const EdgeType type = g.type(e);
      const Vertex target = g.target(e);
      if (type == row_edge && row_of.count(target)) claim_rows.push_back(row_of[target]);
      if (type == EdgeType::reports && column_of.count(target)) {
        claim_columns.push_back(column_of[target]);
      }
      if (type == EdgeType::cites) works.push_back(target);
      if (filter && type == filter_edge && target == *filter) passes = true;
    }
    if (!passes) continue;
    for (std::size_t r : claim_rows) {
      for (std::size_t c : claim_columns) {
        GapCell& cell = map.cells[r * map.columns.size() + c];
        cell.claims.push_back(v);  // claims come in vertex order, each once per cell
        for (Vertex work : works) add_sorted_unique(cell.works, work);
      }
    }
  }
  return map;
}

}  // namespace evgraph
