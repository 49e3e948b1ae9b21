#include "analysis/copies.hpp"

#include <memory>

namespace evgraph::analysis {

Node copy_of(const NodeView& view) {
  Node node;
  node.id = view.id;
  node.type = view.type;
  node.label = view.label;
  node.text = view.text;
  node.kind = view.kind;
  for (const OccurrenceView occurrence : view.occurrences) {
    node.occurrences.push_back(occurrence.copy());
  }
  node.url = view.url;
  node.urls.assign(view.urls.begin(), view.urls.end());
  node.scheme = view.scheme;
  node.identifier = view.identifier;
  node.also.assign(view.also.begin(), view.also.end());
  node.title = view.title;
  node.authors.assign(view.authors.begin(), view.authors.end());
  node.year = view.year;
  node.data = view.data;
  node.merged_because.assign(view.merged_because.begin(), view.merged_because.end());
  node.accessed = view.accessed;
  node.path = view.path;
  node.format = view.format;
  if (view.answer) node.answer = std::make_shared<const AnswerInfo>(*view.answer);
  return node;
}

Edge copy_of(const EdgeView& view) {
  Edge edge;
  edge.type = view.type;
  edge.markers.assign(view.markers.begin(), view.markers.end());
  edge.ambiguous = view.ambiguous;
  edge.score = view.score;
  edge.stance = view.stance;
  edge.certainty = view.certainty;
  edge.records.assign(view.records.begin(), view.records.end());
  edge.inferred = view.inferred;
  edge.works = view.works;
  edge.claims = view.claims;
  edge.quote = view.quote;
  for (const ConceptMatchView match : view.terms) edge.terms.push_back(match.copy());
  return edge;
}

}  // namespace evgraph::analysis
