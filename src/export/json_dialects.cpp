// The JSON dialects of formats.md: Cytoscape.js (.cyjs), JSON Graph Format v2, VOSviewer and Kumu.
// Each is streamed one node or edge per line, like the node-link export, and takes its attributes
// from node_json/link_json, so every attribute reaches every format. Ids the dialects add (compound
// parents, edge and connection ids) never equal a node id.
#include <algorithm>
#include <array>
#include <boost/range/iterator_range.hpp>
#include <cctype>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "evgraph/export.hpp"
#include "export/node_link.hpp"
#include "export/palette.hpp"

namespace evgraph {
namespace {

using detail::Json;
using detail::put_json;

constexpr std::size_t kTypeCount = std::size(kNodeTypes);

// Writes the elements of one JSON array, one per line.
class Lines {
 public:
  explicit Lines(std::ostream& out) : out_(out) {}
  void add(const Json& element) {
    out_ << separator_;
    put_json(out_, element);
    separator_ = ",\n";
  }

 private:
  std::ostream& out_;
  const char* separator_ = "\n";
};

std::size_t index_of(NodeType type) {
  return static_cast<std::size_t>(type);
}

// `wanted`, or `wanted` with primes added when a node already has that id.
std::string unused_id(const EvidenceGraph& graph, std::string wanted) {
  while (graph.find(wanted)) wanted += '\'';
  return wanted;
}

std::string plural_title(NodeType type) {
  std::string title(to_string(type));
  title.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(title.front())));
  return title + "s";
}

std::array<bool, kTypeCount> types_present(const EvidenceGraph& graph) {
  std::array<bool, kTypeCount> present{};
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph.graph()))) {
    present.at(index_of(graph.node(v).type)) = true;
  }
  return present;
}

bool is_commentary(const NodeView& node) {
  return node.type == NodeType::claim && node.kind == ClaimKind::commentary;
}

bool linkable(std::string_view url) {
  std::string scheme(url.substr(0, url.find(':')));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return url.find(':') != std::string_view::npos && (scheme == "http" || scheme == "https");
}

Json without(Json j, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) j.erase(std::string(key));
  return j;
}

// ---------------------------------------------------------------------------------------------
// Cytoscape.js

std::array<std::string, kTypeCount> parent_ids(const EvidenceGraph& graph) {
  std::array<std::string, kTypeCount> ids;
  for (NodeType type : kNodeTypes) {
    ids.at(index_of(type)) = unused_id(graph, "type:" + std::string(to_string(type)));
  }
  return ids;
}

// "value" is where NetworkX's cytoscape_graph() looks for a node's id.
Json cy_parent(NodeType type, const std::string& id) {
  const std::string title = plural_title(type);
  return {{"data", {{"id", id}, {"name", title}, {"label", title}, {"value", id}}},
          {"classes", "cluster"}};
}

Json cy_node(const NodeView& node, const std::string& parent) {
  Json data = detail::node_json(node);
  data["name"] = node.label;
  data["value"] = node.id;
  data["parent"] = parent;
  const std::string classes =
      std::string(to_string(node.type)) + (is_commentary(node) ? " commentary" : "");
  return {{"data", std::move(data)}, {"classes", classes}};
}

Json cy_edge(const Graph& g, EdgeRef e, std::string id) {
  const EdgeView edge = g[e];
  Json link = detail::link_json(g, e);
  Json data = {{"id", std::move(id)},
               {"source", link.at("source")},
               {"target", link.at("target")},
               {"interaction", to_string(edge.type)}};
  data.update(link);
  const bool ambiguous = edge.type == EdgeType::cites && edge.ambiguous;
  const std::string classes = std::string(to_string(edge.type)) + (ambiguous ? " ambiguous" : "");
  return {{"data", std::move(data)}, {"classes", classes}};
}

void write_cy_nodes(const EvidenceGraph& graph, std::ostream& out) {
  const auto present = types_present(graph);
  const auto parents = parent_ids(graph);
  Lines nodes(out);
  for (NodeType type : kNodeTypes) {
    if (present.at(index_of(type))) nodes.add(cy_parent(type, parents.at(index_of(type))));
  }
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph.graph()))) {
    const NodeView node = graph.node(v);
    nodes.add(cy_node(node, parents.at(index_of(node.type))));
  }
}

void write_cy_edges(const EvidenceGraph& graph, std::ostream& out) {
  Lines edges(out);
  std::size_t index = 0;
  for (EdgeRef e : boost::make_iterator_range(boost::edges(graph.graph()))) {
    edges.add(cy_edge(graph.graph(), e, unused_id(graph, "e" + std::to_string(index++))));
  }
}

// ---------------------------------------------------------------------------------------------
// JSON Graph Format v2

void write_jgf_nodes(const EvidenceGraph& graph, std::ostream& out) {
  const char* separator = "\n";
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph.graph()))) {
    const NodeView node = graph.node(v);
    out << separator;
    put_json(out, Json(node.id));
    out << ": ";
    put_json(out, {{"label", node.label},
                   {"metadata", without(detail::node_json(node), {"id", "label"})}});
    separator = ",\n";
  }
}

Json jgf_edge(const Graph& g, EdgeRef e) {
  Json link = detail::link_json(g, e);
  return {{"source", link.at("source")},
          {"target", link.at("target")},
          {"relation", link.at("type")},
          {"metadata", without(link, {"source", "target", "type"})}};
}

void write_jgf_edges(const EvidenceGraph& graph, std::ostream& out) {
  Lines edges(out);
  for (EdgeRef e : boost::make_iterator_range(boost::edges(graph.graph()))) {
    edges.add(jgf_edge(graph.graph(), e));
  }
}

// ---------------------------------------------------------------------------------------------
// VOSviewer

// A description "may include HTML formatting", so text is escaped.

// The node's text (claim text, source title and URL, document path), then its evgraph id.
std::string vos_description(const NodeView& node) {
  std::vector<std::string_view> lines;
  if (node.type == NodeType::claim) lines.push_back(node.text);
  if (node.type == NodeType::source) lines.insert(lines.end(), {node.title, node.url});
  if (node.type == NodeType::document) lines.push_back(node.path);
  lines.push_back(node.id);
  std::string out;
  for (std::string_view line : lines) {
    if (line.empty()) continue;
    if (!out.empty()) out += "<br>";
    out += detail::html_escape(line);
  }
  return out;
}

std::size_t claim_neighbours(const EvidenceGraph& graph, Vertex v) {
  const Graph& g = graph.graph();
  std::vector<Vertex> claims;
  for (EdgeRef e : boost::make_iterator_range(boost::out_edges(v, g))) {
    claims.push_back(boost::target(e, g));
  }
  for (EdgeRef e : boost::make_iterator_range(boost::in_edges(v, g))) {
    claims.push_back(boost::source(e, g));
  }
  std::erase_if(claims, [&](Vertex n) { return n == v || g[n].type != NodeType::claim; });
  std::sort(claims.begin(), claims.end());
  return static_cast<std::size_t>(std::unique(claims.begin(), claims.end()) - claims.begin());
}

// Ids are 1…n in node order; the evgraph id is kept in the description.
Json vos_item(const EvidenceGraph& graph, Vertex v) {
  const NodeView node = graph.node(v);
  const std::size_t degree =
      boost::out_degree(v, graph.graph()) + boost::in_degree(v, graph.graph());
  Json item = {{"id", v + 1}, {"label", node.label}, {"description", vos_description(node)}};
  if (linkable(node.url)) item["url"] = node.url;
  item["cluster"] = index_of(node.type) + 1;
  item["weights"] = {{"Links", degree}, {"Claims", claim_neighbours(graph, v)}};
  return item;
}

struct VosLink {
  std::size_t source_id;
  std::size_t target_id;
  std::size_t strength;
};

// VOSviewer links are undirected: a→b and b→a are one link whose strength counts them. Self-loops,
// which VOSviewer cannot draw, are left out.
std::vector<VosLink> vos_links(const Graph& g) {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  pairs.reserve(boost::num_edges(g));
  for (EdgeRef e : boost::make_iterator_range(boost::edges(g))) {
    const Vertex from = boost::source(e, g);
    const Vertex to = boost::target(e, g);
    if (from != to) pairs.emplace_back(std::min(from, to) + 1, std::max(from, to) + 1);
  }
  std::sort(pairs.begin(), pairs.end());
  std::vector<VosLink> links;
  for (const auto& [a, b] : pairs) {
    if (!links.empty() && links.back().source_id == a && links.back().target_id == b) {
      ++links.back().strength;
    } else {
      links.push_back({a, b, 1});
    }
  }
  return links;
}

void write_vos_items(const EvidenceGraph& graph, std::ostream& out) {
  Lines items(out);
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph.graph()))) {
    items.add(vos_item(graph, v));
  }
}

void write_vos_links(const EvidenceGraph& graph, std::ostream& out) {
  Lines links(out);
  for (const VosLink& link : vos_links(graph.graph())) {
    links.add({{"source_id", link.source_id},
               {"target_id", link.target_id},
               {"strength", link.strength}});
  }
}

void write_vos_clusters(const EvidenceGraph& graph, std::ostream& out) {
  const auto present = types_present(graph);
  Lines clusters(out);
  for (NodeType type : kNodeTypes) {
    if (!present.at(index_of(type))) continue;
    clusters.add({{"cluster", index_of(type) + 1}, {"label", plural_title(type)}});
  }
}

// ---------------------------------------------------------------------------------------------
// Kumu

// Kumu fields hold text, numbers, booleans or lists of text; anything else is kept as JSON text.
bool kumu_field(const Json& value) {
  if (!value.is_structured()) return true;
  return value.is_array() &&
         std::all_of(value.begin(), value.end(), [](const Json& v) { return v.is_string(); });
}

void add_fields(Json& record, const Json& attributes) {
  for (const auto& [key, value] : attributes.items()) {
    record[key] = kumu_field(value)
                      ? value
                      : Json(value.dump(-1, ' ', false, Json::error_handler_t::replace));
  }
}

// Kumu renders a description as Markdown, which passes HTML through: `&`, `<` and `>` become
// entities, which Markdown shows as the characters. The raw text stays in the `text` field.
std::string markdown_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else {
      out += c;
    }
  }
  return out;
}

std::string kumu_description(const NodeView& node) {
  switch (node.type) {
    case NodeType::claim:
      return markdown_safe(node.text);
    case NodeType::source:
      return markdown_safe(node.title.empty()
                               ? std::string(node.url)
                               : std::string(node.title) + "\n\n" + std::string(node.url));
    case NodeType::document:
      return markdown_safe(node.path);
    default:
      return {};
  }
}

Json kumu_tags(const NodeView& node) {
  Json tags = Json::array({to_string(node.type)});
  if (node.type == NodeType::claim) tags.push_back(to_string(node.kind));
  if (node.type == NodeType::source && !node.scheme.empty()) tags.push_back(node.scheme);
  return tags;
}

Json kumu_element(const NodeView& node) {
  Json element = {{"id", node.id},
                  {"label", node.label},
                  {"type", to_string(node.type)},
                  {"description", kumu_description(node)},
                  {"tags", kumu_tags(node)}};
  add_fields(element, without(detail::node_json(node), {"id", "label", "type"}));
  return element;
}

Json kumu_connection(const Graph& g, EdgeRef e, std::string id) {
  Json link = detail::link_json(g, e);
  Json connection = {{"id", std::move(id)},
                     {"from", link.at("source")},
                     {"to", link.at("target")},
                     {"type", link.at("type")},
                     {"direction", "directed"}};
  add_fields(connection, without(link, {"source", "target", "type"}));
  return connection;
}

void write_kumu_elements(const EvidenceGraph& graph, std::ostream& out) {
  Lines elements(out);
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph.graph()))) {
    elements.add(kumu_element(graph.node(v)));
  }
}

void write_kumu_connections(const EvidenceGraph& graph, std::ostream& out) {
  Lines connections(out);
  std::size_t index = 0;
  for (EdgeRef e : boost::make_iterator_range(boost::edges(graph.graph()))) {
    std::string id = unused_id(graph, "connection:" + std::to_string(index++));
    connections.add(kumu_connection(graph.graph(), e, std::move(id)));
  }
}

}  // namespace

void write_cyjs(const EvidenceGraph& graph, std::ostream& out) {
  out << "{\"format_version\": \"1.0\", \"generated_by\": ";
  put_json(out, Json(generator()));
  out << ", \"target_cytoscapejs_version\": \"~3\", \"directed\": true, \"multigraph\": false,\n"
         "\"data\": ";
  Json data = {{"name", "evidence"}};
  data.update(detail::graph_json());
  put_json(out, data);
  out << ",\n\"elements\": {\"nodes\": [";
  write_cy_nodes(graph, out);
  out << "\n],\n\"edges\": [";
  write_cy_edges(graph, out);
  out << "\n]}}\n";
}

void write_jgf(const EvidenceGraph& graph, std::ostream& out) {
  out << "{\"graph\": {\"directed\": true, \"label\": \"evidence\", \"metadata\": ";
  put_json(out, detail::graph_json());
  out << ",\n\"nodes\": {";
  write_jgf_nodes(graph, out);
  out << "\n},\n\"edges\": [";
  write_jgf_edges(graph, out);
  out << "\n]}}\n";
}

void write_vosviewer(const EvidenceGraph& graph, std::ostream& out) {
  out << "{\"network\": {\"items\": [";
  write_vos_items(graph, out);
  out << "\n],\n\"links\": [";
  write_vos_links(graph, out);
  out << "\n],\n\"clusters\": [";
  write_vos_clusters(graph, out);
  out << "\n]}}\n";
}

void write_kumu(const EvidenceGraph& graph, std::ostream& out) {
  out << "{\"elements\": [";
  write_kumu_elements(graph, out);
  out << "\n],\n\"connections\": [";
  write_kumu_connections(graph, out);
  out << "\n]}\n";
}

}  // namespace evgraph
