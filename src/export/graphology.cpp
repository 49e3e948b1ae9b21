// graphology / sigma.js JSON (formats.md): the serialized form Graph.import() reads, with the
// positions sigma needs. x/y come from a Graphviz layout of the very graph the DOT export writes
// (`dot`, or `sfdp` past kDotNodeLimit nodes), y flipped so that sigma shows it the same way up as
// the SVG; size grows with degree and color is the node type's palette fill. Nodes and edges are
// streamed one per line with the attributes of node_json/link_json, like the other JSON dialects.
#include <algorithm>
#include <boost/range/iterator_range.hpp>
#include <cmath>
#include <cstddef>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "evgraph/export.hpp"
#include "export/graphviz.hpp"
#include "export/node_link.hpp"
#include "export/palette.hpp"

namespace evgraph {
namespace {

using detail::Json;
using detail::put_json;

// Two decimals of a point are plenty on screen and keep the text short.
double rounded(double value) {
  const double r = std::round(value * 100.0) / 100.0;
  return r == 0.0 ? 0.0 : r;  // never "-0.0"
}

// graphology refuses parallel edges and self-loops unless the options allow them; evgraph keeps
// one edge per type between two nodes, so two edges of different types may join the same nodes.
struct Shape {
  bool multi = false;
  bool self_loops = false;
};

Shape shape_of(const Graph& g) {
  Shape shape;
  std::vector<std::pair<Vertex, Vertex>> pairs;
  pairs.reserve(boost::num_edges(g));
  for (EdgeRef e : boost::make_iterator_range(boost::edges(g))) {
    const Vertex from = boost::source(e, g);
    const Vertex to = boost::target(e, g);
    if (from == to) shape.self_loops = true;
    pairs.emplace_back(from, to);
  }
  std::sort(pairs.begin(), pairs.end());
  shape.multi = std::adjacent_find(pairs.begin(), pairs.end()) != pairs.end();
  return shape;
}

Json graphology_node(const EvidenceGraph& graph, Vertex v, const graphviz::Point& position,
                     double top) {
  const NodeView node = graph.node(v);
  const std::size_t degree =
      boost::out_degree(v, graph.graph()) + boost::in_degree(v, graph.graph());
  Json attributes = {{"label", node.label.empty() ? node.id : node.label},
                     {"x", rounded(position.x)},
                     {"y", rounded(top - position.y)},
                     {"size", rounded(4.0 + 2.0 * std::sqrt(static_cast<double>(degree)))},
                     {"color", detail::colour_of(node.type).fill}};
  Json fields = detail::node_json(node);
  for (auto& [key, value] : fields.items()) {
    if (key != "id" && key != "label") attributes[key] = std::move(value);
  }
  return {{"key", node.id}, {"attributes", std::move(attributes)}};
}

Json graphology_edge(const Graph& g, EdgeRef e, std::size_t index) {
  Json link = detail::link_json(g, e);
  Json attributes = {{"type", link.at("type")}};
  for (auto& [key, value] : link.items()) {
    if (key != "source" && key != "target" && key != "type") attributes[key] = std::move(value);
  }
  return {{"key", "e" + std::to_string(index)},
          {"source", link.at("source")},
          {"target", link.at("target")},
          {"attributes", std::move(attributes)}};
}

void write_nodes(const EvidenceGraph& graph, const std::vector<graphviz::Point>& positions,
                 std::ostream& out) {
  double top = 0;
  for (const graphviz::Point& p : positions) top = std::max(top, p.y);
  const char* separator = "\n";
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph.graph()))) {
    out << separator;
    put_json(out, graphology_node(graph, v, positions.at(v), top));
    separator = ",\n";
  }
}

void write_edges(const EvidenceGraph& graph, std::ostream& out) {
  const char* separator = "\n";
  std::size_t index = 0;
  for (EdgeRef e : boost::make_iterator_range(boost::edges(graph.graph()))) {
    out << separator;
    put_json(out, graphology_edge(graph.graph(), e, index++));
    separator = ",\n";
  }
}

}  // namespace

void write_graphology(const EvidenceGraph& graph, std::ostream& out) {
  const std::vector<graphviz::Point> positions = graphviz::layout_positions(graph);
  const Shape shape = shape_of(graph.graph());
  out << "{\"attributes\": ";
  put_json(out, {{"generator", generator()}, {"layout", layout_engine_for(graph)}});
  out << ",\n\"options\": ";
  put_json(out,
           {{"type", "directed"}, {"multi", shape.multi}, {"allowSelfLoops", shape.self_loops}});
  out << ",\n\"nodes\": [";
  write_nodes(graph, positions, out);
  out << "\n],\n\"edges\": [";
  write_edges(graph, out);
  out << "\n]}\n";
}

}  // namespace evgraph
