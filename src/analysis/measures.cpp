// Per-claim, per-source and per-concept measures, each one pass over the nodes' edges.
#include <algorithm>
#include <vector>

#include "analysis/containers.hpp"
#include "evgraph/analysis.hpp"

namespace evgraph {
namespace {

std::size_t distinct_count(std::vector<Vertex>& vertices) {
  std::sort(vertices.begin(), vertices.end());
  return static_cast<std::size_t>(std::unique(vertices.begin(), vertices.end()) - vertices.begin());
}

void count_stance(ClaimMeasures& measures, Stance stance) {
  switch (stance) {
    case Stance::supports:
      ++measures.supports;
      break;
    case Stance::contrasts:
      ++measures.contrasts;
      break;
    case Stance::mentions:
      ++measures.mentions;
      break;
    case Stance::mixed:
      ++measures.mixed;
      break;
    case Stance::unstated:
      ++measures.unstated;
      break;
  }
}

// A GRADE level raises the best one; unstated and mixed (rank 0) never do.
void raise_certainty(Certainty& best, Certainty certainty) {
  if (grade_rank(certainty) > grade_rank(best)) best = certainty;
}

bool is_concept(NodeType type) {
  return type == NodeType::population || type == NodeType::intervention ||
         type == NodeType::outcome;
}

}  // namespace

std::vector<ClaimMeasures> claim_measures(const EvidenceGraph& graph) {
  const Graph& g = graph.graph();
  std::vector<ClaimMeasures> result;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    if (g[v].type != NodeType::claim) continue;
    ClaimMeasures measures;
    measures.claim = v;
    std::vector<Vertex> works;
    for (EdgeRef e : boost::make_iterator_range(boost::out_edges(v, g))) {
      if (g.type(e) == EdgeType::cites) {
        const EdgeView edge = g[e];
        works.push_back(g.target(e));
        count_stance(measures, edge.stance);
        raise_certainty(measures.certainty, edge.certainty);
        for (const StanceRecord& record : edge.records) {
          raise_certainty(measures.certainty, record.certainty);
        }
      } else if (g.type(e) == EdgeType::similar_to) {
        ++measures.corroborating;
      } else if (g.type(e) == EdgeType::conflicts_with) {
        ++measures.conflicting;
      }
    }
    std::vector<Vertex> documents;
    for (EdgeRef e : boost::make_iterator_range(boost::in_edges(v, g))) {
      if (g.type(e) == EdgeType::asserts)
        documents.push_back(analysis::document_of(g, g.source(e)));
      if (g.type(e) == EdgeType::similar_to) ++measures.corroborating;
      if (g.type(e) == EdgeType::conflicts_with) ++measures.conflicting;
    }
    measures.documents = distinct_count(documents);
    measures.works = distinct_count(works);
    measures.single_source = measures.works == 1;
    result.push_back(std::move(measures));
  }
  return result;
}

std::vector<SourceMeasures> source_measures(const EvidenceGraph& graph) {
  const Graph& g = graph.graph();
  std::vector<SourceMeasures> result;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    if (g[v].type != NodeType::source) continue;
    SourceMeasures measures;
    measures.source = v;
    std::vector<Vertex> documents;
    for (EdgeRef e : boost::make_iterator_range(boost::in_edges(v, g))) {
      if (g.type(e) == EdgeType::cites) ++measures.claims;
      if (g.type(e) == EdgeType::lists) documents.push_back(analysis::document_of(g, g.source(e)));
    }
    measures.documents = distinct_count(documents);
    measures.cited = measures.claims > 0;
    result.push_back(measures);
  }
  return result;
}

std::vector<ConceptMeasures> concept_measures(const EvidenceGraph& graph) {
  const Graph& g = graph.graph();
  std::vector<ConceptMeasures> result;
  std::vector<Vertex> works;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    if (!is_concept(g[v].type)) continue;
    ConceptMeasures measures;
    measures.concept_vertex = v;
    works.clear();
    for (EdgeRef e : boost::make_iterator_range(boost::in_edges(v, g))) {
      const EdgeType type = g.type(e);
      if (type != EdgeType::concerns && type != EdgeType::about && type != EdgeType::reports) {
        continue;
      }
      const Vertex claim = g.source(e);
      ++measures.claims;
      for (EdgeRef c : boost::make_iterator_range(boost::out_edges(claim, g))) {
        if (g.type(c) == EdgeType::cites) works.push_back(g.target(c));
      }
    }
    measures.works = distinct_count(works);
    result.push_back(measures);
  }
  return result;
}

}  // namespace evgraph
