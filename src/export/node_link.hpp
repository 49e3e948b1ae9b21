// The JSON objects of one node and one link as the node-link export writes them, with every
// attribute of design.md; the other JSON dialects (Cytoscape.js, JGF, Kumu, graphology) build
// their `data`/`metadata`/`attributes` from these, so all formats carry the same attributes. The
// node-link export itself streams the same objects without a DOM (json.cpp); a test holds the two
// byte-identical (tests/json_stream_test.cpp).
#pragma once

#include <nlohmann/json.hpp>

#include "evgraph/graph.hpp"

namespace evgraph::detail {

using Json = nlohmann::ordered_json;

// The graph's own attributes: {"generator": "evgraph X.Y.Z", "schema": 1}.
Json graph_json();
Json node_json(const NodeView& node);
// "source"/"target" are the end nodes' ids.
Json link_json(const Graph& graph, EdgeRef edge);
// Writes `j` compactly; invalid UTF-8 is replaced, never thrown on.
void put_json(std::ostream& out, const Json& j);

}  // namespace evgraph::detail
