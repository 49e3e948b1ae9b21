// The measures of every node in one table, for the exports to write as node attributes.
#include "evgraph/analysis.hpp"

namespace evgraph {

std::vector<NodeMeasures> node_measures(const EvidenceGraph& graph, std::size_t betweenness_limit) {
  std::vector<NodeMeasures> measures(graph.node_count());
  for (const ClaimMeasures& m : claim_measures(graph)) {
    NodeMeasures& to = measures[m.claim];
    to.works = m.works;
    to.documents = m.documents;
    to.corroborating = m.corroborating;
    to.conflicting = m.conflicting;
    to.single_source = m.single_source;
    to.supports = m.supports;
    to.contrasts = m.contrasts;
    to.mentions = m.mentions;
    to.mixed = m.mixed;
    to.certainty = m.certainty;
  }
  for (const SourceMeasures& m : source_measures(graph)) {
    NodeMeasures& to = measures[m.source];
    to.claims = m.claims;
    to.documents = m.documents;
    to.cited = m.cited;
  }
  for (const ConceptMeasures& m : concept_measures(graph)) {
    NodeMeasures& to = measures[m.concept_vertex];
    to.claims = m.claims;
    to.works = m.works;
  }
  const Structure parts = structure(graph, betweenness_limit);
  for (Vertex v = 0; v < measures.size(); ++v) {
    NodeMeasures& to = measures[v];
    to.degree = parts.degree[v];
    if (parts.component[v] == kNoComponent) continue;
    to.component = parts.component[v];
    if (!parts.betweenness.empty()) to.betweenness = parts.betweenness[v];
  }
  return measures;
}

}  // namespace evgraph
