// Reading evgraph's own node-link JSON (design.md "JSON", with "links" or "edges") back into an
// EvidenceGraph, so that a built graph can be re-exported in any format without its inputs
// (`evgraph convert graph.json -o graph.gexf`). Writing the result as JSON gives the same bytes.
// Throws InputError naming the file and the offending node or link when the JSON is not such a
// graph. A stance or GRADE certainty outside the vocabulary (design.md "Graph model") that is no
// dataset's spelling of one either (normalise_stance, normalise_certainty) is added to
// `diagnostics` as a warning with its line and column ([unknown-stance], [unknown-certainty]) and
// read as none.
#pragma once

#include "evgraph/error.hpp"
#include "evgraph/graph.hpp"
#include "evgraph/text.hpp"

namespace evgraph {

EvidenceGraph read_graph_json(const Text& text, Diagnostics& diagnostics);

}  // namespace evgraph
