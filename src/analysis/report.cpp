// The report: counts, most-cited sources, both gap maps and the quality problems, in one pass per
// measure.
#include <algorithm>
#include <vector>

#include "analysis/containers.hpp"
#include "evgraph/analysis.hpp"

namespace evgraph {

Report report(const EvidenceGraph& graph, const ReportOptions& options) {
  const Graph& g = graph.graph();
  Report result;
  for (NodeType type : kNodeTypes) result.nodes.emplace_back(type, 0);
  for (EdgeType type : kEdgeTypes) result.edges.emplace_back(type, 0);
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    ++result.nodes[static_cast<std::size_t>(g[v].type)].second;
  }
  for (EdgeRef e : boost::make_iterator_range(boost::edges(g))) {
    ++result.edges[static_cast<std::size_t>(g.type(e))].second;
    if (g.type(e) == EdgeType::cites && g[e].ambiguous) result.ambiguous.push_back(e);
    if (g.type(e) == EdgeType::conflicts_with) result.conflicts.push_back(e);
  }
  result.claims = claim_measures(graph);
  result.sources = source_measures(graph);
  result.concepts = concept_measures(graph);
  result.structure = structure(graph, options.betweenness_limit);
  result.population_outcome = gap_map(graph, NodeType::population, options.intervention);
  result.intervention_outcome = gap_map(graph, NodeType::intervention, options.population);

  for (const SourceMeasures& source : result.sources) {
    if (source.cited) result.most_cited.push_back({source.source, source.claims});
    if (!source.cited && source.documents > 0) result.listed_uncited.push_back(source.source);
    if (g[source.source].title.empty()) result.identifier_only.push_back(source.source);
  }
  std::stable_sort(result.most_cited.begin(), result.most_cited.end(),
                   [](const SourceRank& a, const SourceRank& b) { return a.claims > b.claims; });
  if (result.most_cited.size() > options.top) result.most_cited.resize(options.top);

  for (const ClaimMeasures& claim : result.claims) {
    ++result.claim_count;
    const bool commentary = g[claim.claim].kind == ClaimKind::commentary;
    result.commentary += commentary;
    if (claim.works == 0 && !commentary) result.uncited_claims.push_back(claim.claim);
    if (claim.single_source && !commentary) result.single_source.push_back(claim.claim);
  }
  // A document's claims are asserted by it or by the answers it contains.
  std::vector<char> has_claims(g.vertex_count(), 0);
  std::vector<char> has_cites(g.vertex_count(), 0);
  for (EdgeRef e : boost::make_iterator_range(boost::edges(g))) {
    if (g.type(e) != EdgeType::asserts) continue;
    const Vertex document = analysis::document_of(g, g.source(e));
    has_claims[document] = 1;
    for (EdgeRef c : boost::make_iterator_range(boost::out_edges(g.target(e), g))) {
      if (g.type(c) == EdgeType::cites) has_cites[document] = 1;
    }
  }
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    if (g[v].type == NodeType::document && has_claims[v] && !has_cites[v]) {
      result.documents_uncited.push_back(v);
    }
  }
  return result;
}

}  // namespace evgraph
