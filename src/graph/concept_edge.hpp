// The edge type that links a claim to a concept of each type: a population is what a claim
// concerns, an intervention what it is about, an outcome what it reports.
#pragma once

#include "evgraph/vocabulary.hpp"

namespace evgraph::detail {

inline EdgeType concept_edge_type(NodeType concept_type) {
  switch (concept_type) {
    case NodeType::population:
      return EdgeType::concerns;
    case NodeType::intervention:
      return EdgeType::about;
    default:
      return EdgeType::reports;
  }
}

}  // namespace evgraph::detail
