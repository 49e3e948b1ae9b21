// GraphML and GEXF 1.3 (formats.md), streamed: one pass over the nodes, one over the edges.
//
// Both carry every attribute of the node-link JSON (attributes.hpp), taken from the same
// node_json()/link_json() objects, as typed keys: strings, `ambiguous` as boolean, `score` as
// double, the graph's `schema` as integer. Neither format has a list type that NetworkX reads, so:
//   - lists of identifiers or names (urls, also, authors, markers) are joined with "; ";
//   - nested values and lists of free text (occurrences, data, merged_because, records, terms)
//     are compact JSON text, which `json.loads` turns back into what the JSON export holds.
// An empty value (empty string or list) is not written: every reader takes a missing value as
// unset. Every key is declared in every file, whichever node types the graph holds, so the columns
// a tool shows do not depend on the input.
//
// GraphML: keys d0… (graph, node, edge tables in that order) with `for` and `attr.type`, then
// `<graph edgedefault="directed">`; edges e0… in graph order. Edges also carry `interaction`, the
// edge type under the name Cytoscape reads it by.
// GEXF: the node's label is the <node label>, never an attribute (NetworkX drops attributes titled
// id, label or pid); edges have label = edge type. viz:color is the DOT export's fill colour of
// the node type, viz:size grows with the square root of the degree.
// NetworkX reads the GEXF 1.3 namespace from 3.0 on; 2.8 (Debian 12) knows up to 1.2draft only.
// Characters XML 1.0 forbids become U+FFFD (xml_escape.hpp); how many, if any, is said in a comment
// before the closing root tag.
#include <array>
#include <boost/range/iterator_range.hpp>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "evgraph/export.hpp"
#include "export/attributes.hpp"
#include "export/node_link.hpp"
#include "export/palette.hpp"
#include "export/xml_escape.hpp"

namespace evgraph {
namespace {

using detail::Attribute;
using detail::Json;
using detail::kAnswerAttributes;
using detail::kEdgeAttributes;
using detail::kGraphAttributes;
using detail::kMeasureAttributes;
using detail::kNodeAttributes;
using detail::kOptionalEdgeAttributes;
using detail::kOptionalNodeAttributes;
using detail::OptionalAttributes;
using detail::XmlOut;

void write_replacement_note(XmlOut& xml) {
  if (xml.replaced() == 0) return;
  xml.markup("  <!-- evgraph: ")
      .number(xml.replaced())
      .markup(" character(s) that XML 1.0 does not allow were written as U+FFFD -->\n");
}

// ---------------------------------------------------------------------------------------------
// GraphML

constexpr std::size_t kNodeKeys = std::size(kGraphAttributes);
constexpr std::size_t kEdgeKeys = kNodeKeys + std::size(kNodeAttributes);
constexpr std::size_t kInteractionKey = kEdgeKeys + std::size(kEdgeAttributes);
constexpr Attribute kInteraction = detail::plain("interaction");
constexpr std::size_t kOptionalNodeKeys = kInteractionKey + 1;
constexpr std::size_t kOptionalEdgeKeys = kOptionalNodeKeys + std::size(kOptionalNodeAttributes);
constexpr std::size_t kAnswerKeys = kOptionalEdgeKeys + std::size(kOptionalEdgeAttributes);
constexpr std::size_t kMeasureKeys = kAnswerKeys + std::size(kAnswerAttributes);

constexpr std::string_view kGraphmlHeader =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
    " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
    " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
    " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";

void write_graphml_key(XmlOut& xml, std::size_t index, std::string_view domain,
                       const Attribute& attribute) {
  xml.markup("  <key id=\"d").number(index).markup("\"");
  xml.attribute("for", domain).attribute("attr.name", attribute.name);
  xml.attribute("attr.type", detail::graphml_type(attribute.type)).markup("/>\n");
}

void write_graphml_keys(XmlOut& xml, std::size_t first, std::string_view domain,
                        std::span<const Attribute> attributes) {
  for (std::size_t i = 0; i < attributes.size(); ++i) {
    write_graphml_key(xml, first + i, domain, attributes[i]);
  }
}

void write_graphml_data(XmlOut& xml, std::size_t key, std::string_view value,
                        std::string_view indent) {
  xml.markup(indent).markup("<data key=\"d").number(key).markup("\">");
  xml.text(value).markup("</data>\n");
}

void write_graphml_values(XmlOut& xml, std::size_t first, const Json& object,
                          std::span<const Attribute> attributes, std::string_view indent) {
  for (std::size_t i = 0; i < attributes.size(); ++i) {
    if (auto value = detail::attribute_text(object, attributes[i])) {
      write_graphml_data(xml, first + i, *value, indent);
    }
  }
}

void write_graphml_node(XmlOut& xml, const NodeView& node, const OptionalAttributes& optional) {
  xml.markup("    <node").attribute("id", node.id).markup(">\n");
  const Json object = detail::node_json(node);
  write_graphml_values(xml, kNodeKeys, object, kNodeAttributes, "      ");
  if (optional.node) {
    write_graphml_values(xml, kOptionalNodeKeys, object, kOptionalNodeAttributes, "      ");
  }
  if (optional.answer) write_graphml_values(xml, kAnswerKeys, object, kAnswerAttributes, "      ");
  if (optional.measures) {
    write_graphml_values(xml, kMeasureKeys, object, kMeasureAttributes, "      ");
  }
  xml.markup("    </node>\n");
}

void write_graphml_edge(XmlOut& xml, const Graph& g, EdgeRef e, std::size_t index,
                        const OptionalAttributes& optional) {
  xml.markup("    <edge id=\"e").number(index).markup("\"");
  xml.attribute("source", g[boost::source(e, g)].id);
  xml.attribute("target", g[boost::target(e, g)].id).markup(">\n");
  const Json object = detail::link_json(g, e);
  write_graphml_values(xml, kEdgeKeys, object, kEdgeAttributes, "      ");
  write_graphml_data(xml, kInteractionKey, to_string(g[e].type), "      ");
  if (optional.edge) {
    write_graphml_values(xml, kOptionalEdgeKeys, object, kOptionalEdgeAttributes, "      ");
  }
  xml.markup("    </edge>\n");
}

// ---------------------------------------------------------------------------------------------
// GEXF

// Attribute ids: the node table's index, and the edge table's after the node table's; the
// optional tables' after both.
constexpr std::size_t kGexfEdgeIds = std::size(kNodeAttributes);
constexpr std::size_t kGexfOptionalNodeIds = kGexfEdgeIds + std::size(kEdgeAttributes);
constexpr std::size_t kGexfOptionalEdgeIds =
    kGexfOptionalNodeIds + std::size(kOptionalNodeAttributes);
constexpr std::size_t kGexfAnswerIds = kGexfOptionalEdgeIds + std::size(kOptionalEdgeAttributes);
constexpr std::size_t kGexfMeasureIds = kGexfAnswerIds + std::size(kAnswerAttributes);

constexpr std::string_view kGexfHeader =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\""
    " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
    " xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n";

constexpr std::array<std::string_view, std::size(kNodeTypes)> kVizShapes = {
    "square", "disc", "diamond", "triangle", "triangle", "triangle", "square"};

// One channel of the palette's "#RRGGBB" fill colour (palette.hpp), 0 red, 1 green, 2 blue.
std::size_t channel(NodeType type, std::size_t which) {
  const std::string_view fill = detail::colour_of(type).fill;
  std::size_t value = 0;
  for (char c : fill.substr(1 + 2 * which, 2)) {
    value = value * 16 + static_cast<std::size_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  }
  return value;
}

constexpr double kMinSize = 10.0;
constexpr double kSizePerRootDegree = 4.0;

// Titles NetworkX's reader takes for the element's own id, label or parent.
bool gexf_reserved(std::string_view title) {
  return title == "id" || title == "label" || title == "pid";
}

void write_gexf_meta(XmlOut& xml) {
  xml.markup("  <meta>\n    <creator>").text(generator()).markup("</creator>\n");
  xml.markup("    <description>evgraph evidence graph (schema ");
  xml.markup(detail::graph_json().at("schema").dump())
      .markup("): documents, claims, sources and the");
  xml.markup(" populations, interventions and outcomes they concern</description>\n");
  xml.markup("  </meta>\n");
}

void write_gexf_attribute_list(XmlOut& xml, std::size_t first,
                               std::span<const Attribute> attributes) {
  for (std::size_t i = 0; i < attributes.size(); ++i) {
    if (gexf_reserved(attributes[i].name)) continue;
    xml.markup("      <attribute id=\"").number(first + i).markup("\"");
    xml.attribute("title", attributes[i].name);
    xml.attribute("type", detail::gexf_type(attributes[i].type)).markup("/>\n");
  }
}

// The table of `kind`, with the optional attributes after it when `optional`.
void write_gexf_attributes(XmlOut& xml, std::string_view kind, std::size_t first,
                           std::span<const Attribute> attributes, std::size_t optional_first,
                           std::span<const Attribute> optional,
                           std::span<const Attribute> answers = {},
                           std::span<const Attribute> measures = {}) {
  xml.markup("    <attributes").attribute("class", kind).markup(" mode=\"static\">\n");
  write_gexf_attribute_list(xml, first, attributes);
  write_gexf_attribute_list(xml, optional_first, optional);
  write_gexf_attribute_list(xml, kGexfAnswerIds, answers);
  write_gexf_attribute_list(xml, kGexfMeasureIds, measures);
  xml.markup("    </attributes>\n");
}

// Appends the `<attvalue>`s of `attributes` (ids from `first`), opening `<attvalues>` when it is
// not yet `open`.
void write_gexf_value_list(XmlOut& xml, std::size_t first, const Json& object,
                           std::span<const Attribute> attributes, bool& open) {
  for (std::size_t i = 0; i < attributes.size(); ++i) {
    if (gexf_reserved(attributes[i].name)) continue;
    const auto value = detail::attribute_text(object, attributes[i]);
    if (!value) continue;
    if (!open) xml.markup("        <attvalues>\n");
    open = true;
    xml.markup("          <attvalue for=\"").number(first + i).markup("\"");
    xml.attribute("value", *value).markup("/>\n");
  }
}

void write_gexf_values(XmlOut& xml, std::size_t first, const Json& object,
                       std::span<const Attribute> attributes, std::size_t optional_first,
                       std::span<const Attribute> optional, std::span<const Attribute> answers = {},
                       std::span<const Attribute> measures = {}) {
  bool open = false;
  write_gexf_value_list(xml, first, object, attributes, open);
  write_gexf_value_list(xml, optional_first, object, optional, open);
  write_gexf_value_list(xml, kGexfAnswerIds, object, answers, open);
  write_gexf_value_list(xml, kGexfMeasureIds, object, measures, open);
  if (open) xml.markup("        </attvalues>\n");
}

std::string size_text(std::size_t degree) {
  const double size = kMinSize + kSizePerRootDegree * std::sqrt(static_cast<double>(degree));
  std::array<char, 32> buffer{};
  const auto end =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), size, std::chars_format::fixed, 1)
          .ptr;
  return std::string(buffer.data(), end);
}

void write_gexf_viz(XmlOut& xml, NodeType type, std::size_t degree) {
  xml.markup("        <viz:color r=\"").number(channel(type, 0));
  xml.markup("\" g=\"").number(channel(type, 1));
  xml.markup("\" b=\"").number(channel(type, 2)).markup("\"/>\n");
  xml.markup("        <viz:size").attribute("value", size_text(degree)).markup("/>\n");
  xml.markup("        <viz:shape")
      .attribute("value", kVizShapes.at(static_cast<std::size_t>(type)))
      .markup("/>\n");
}

void write_gexf_node(XmlOut& xml, const Graph& g, Vertex v, const OptionalAttributes& optional) {
  const NodeView node = g[v];
  xml.markup("      <node").attribute("id", node.id).attribute("label", node.label);
  xml.markup(">\n");
  write_gexf_values(xml, 0, detail::node_json(node), kNodeAttributes, kGexfOptionalNodeIds,
                    optional.node ? std::span<const Attribute>(kOptionalNodeAttributes)
                                  : std::span<const Attribute>(),
                    optional.answer ? std::span<const Attribute>(kAnswerAttributes)
                                    : std::span<const Attribute>(),
                    optional.measures ? std::span<const Attribute>(kMeasureAttributes)
                                      : std::span<const Attribute>());
  write_gexf_viz(xml, node.type, boost::in_degree(v, g) + boost::out_degree(v, g));
  xml.markup("      </node>\n");
}

void write_gexf_edge(XmlOut& xml, const Graph& g, EdgeRef e, std::size_t index,
                     const OptionalAttributes& optional) {
  xml.markup("      <edge id=\"e").number(index).markup("\"");
  xml.attribute("source", g[boost::source(e, g)].id);
  xml.attribute("target", g[boost::target(e, g)].id);
  xml.attribute("label", to_string(g[e].type)).markup(">\n");
  write_gexf_values(xml, kGexfEdgeIds, detail::link_json(g, e), kEdgeAttributes,
                    kGexfOptionalEdgeIds,
                    optional.edge ? std::span<const Attribute>(kOptionalEdgeAttributes)
                                  : std::span<const Attribute>());
  xml.markup("      </edge>\n");
}

}  // namespace

void write_graphml(const EvidenceGraph& graph, std::ostream& out) {
  const Graph& g = graph.graph();
  XmlOut xml(out);
  xml.markup(kGraphmlHeader);
  write_graphml_keys(xml, 0, "graph", kGraphAttributes);
  write_graphml_keys(xml, kNodeKeys, "node", kNodeAttributes);
  write_graphml_keys(xml, kEdgeKeys, "edge", kEdgeAttributes);
  write_graphml_key(xml, kInteractionKey, "edge", kInteraction);
  const OptionalAttributes optional = detail::optional_attributes(g);
  if (optional.node) write_graphml_keys(xml, kOptionalNodeKeys, "node", kOptionalNodeAttributes);
  if (optional.edge) write_graphml_keys(xml, kOptionalEdgeKeys, "edge", kOptionalEdgeAttributes);
  if (optional.answer) write_graphml_keys(xml, kAnswerKeys, "node", kAnswerAttributes);
  if (optional.measures) write_graphml_keys(xml, kMeasureKeys, "node", kMeasureAttributes);
  xml.markup("  <graph id=\"evidence\" edgedefault=\"directed\">\n");
  write_graphml_values(xml, 0, detail::graph_json(), kGraphAttributes, "    ");
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    write_graphml_node(xml, g[v], optional);
  }
  std::size_t index = 0;
  for (EdgeRef e : boost::make_iterator_range(boost::edges(g))) {
    write_graphml_edge(xml, g, e, index++, optional);
  }
  xml.markup("  </graph>\n");
  write_replacement_note(xml);
  xml.markup("</graphml>\n");
}

void write_gexf(const EvidenceGraph& graph, std::ostream& out) {
  const Graph& g = graph.graph();
  XmlOut xml(out);
  xml.markup(kGexfHeader);
  write_gexf_meta(xml);
  xml.markup("  <graph mode=\"static\" defaultedgetype=\"directed\">\n");
  const OptionalAttributes optional = detail::optional_attributes(g);
  write_gexf_attributes(xml, "node", 0, kNodeAttributes, kGexfOptionalNodeIds,
                        optional.node ? std::span<const Attribute>(kOptionalNodeAttributes)
                                      : std::span<const Attribute>(),
                        optional.answer ? std::span<const Attribute>(kAnswerAttributes)
                                        : std::span<const Attribute>(),
                        optional.measures ? std::span<const Attribute>(kMeasureAttributes)
                                          : std::span<const Attribute>());
  write_gexf_attributes(xml, "edge", kGexfEdgeIds, kEdgeAttributes, kGexfOptionalEdgeIds,
                        optional.edge ? std::span<const Attribute>(kOptionalEdgeAttributes)
                                      : std::span<const Attribute>());
  xml.markup("    <nodes>\n");
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    write_gexf_node(xml, g, v, optional);
  }
  xml.markup("    </nodes>\n    <edges>\n");
  std::size_t index = 0;
  for (EdgeRef e : boost::make_iterator_range(boost::edges(g))) {
    write_gexf_edge(xml, g, e, index++, optional);
  }
  xml.markup("    </edges>\n  </graph>\n");
  write_replacement_note(xml);
  xml.markup("</gexf>\n");
}

}  // namespace evgraph
