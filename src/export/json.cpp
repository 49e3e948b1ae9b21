// Node-link JSON (design.md "JSON"), streamed one node or link per line: no whole-graph DOM.
#include <nlohmann/json.hpp>
#include <ostream>

#include "evgraph/export.hpp"
#include "export/node_link.hpp"

namespace evgraph {
namespace detail {
namespace {

// Other fields of a record are kept as one JSON object's text; they are spliced back as JSON.
Json object_or_text(const std::string& data) {
  Json parsed = Json::parse(data, nullptr, false);
  return parsed.is_discarded() ? Json(data) : parsed;
}

Json record_json(const StanceRecord& record) {
  Json j = Json::object();
  if (!record.stance.empty()) j["stance"] = record.stance;
  if (!record.label.empty()) j["label"] = record.label;
  if (!record.certainty.empty()) j["certainty"] = record.certainty;
  j["document"] = record.where.file;
  j["line"] = record.where.line;
  if (!record.data.empty() && record.data != "{}") j["data"] = object_or_text(record.data);
  return j;
}

}  // namespace

Json node_json(const Node& node) {
  Json j = {{"id", node.id}, {"type", to_string(node.type)}, {"label", node.label}};
  switch (node.type) {
    case NodeType::document:
      j["path"] = node.path;
      if (!node.format.empty()) j["format"] = node.format;
      break;
    case NodeType::claim: {
      j["text"] = node.text;
      j["kind"] = to_string(node.kind);
      Json occurrences = Json::array();
      for (const Occurrence& o : node.occurrences) {
        occurrences.push_back({{"document", o.document},
                               {"line", o.line},
                               {"column", o.column},
                               {"block", o.block},
                               {"markers", o.markers}});
      }
      j["occurrences"] = std::move(occurrences);
      break;
    }
    case NodeType::source:
      j["url"] = node.url;
      j["urls"] = node.urls;
      j["scheme"] = node.scheme;
      j["identifier"] = node.identifier;
      if (!node.also.empty()) j["also"] = node.also;
      if (!node.title.empty()) j["title"] = node.title;
      if (!node.authors.empty()) j["authors"] = node.authors;
      if (!node.year.empty()) j["year"] = node.year;
      if (!node.data.empty()) j["data"] = object_or_text(node.data);
      if (!node.merged_because.empty()) j["merged_because"] = node.merged_because;
      break;
    default:
      break;
  }
  return j;
}

Json link_json(const Graph& g, EdgeRef e) {
  const Edge& edge = g[e];
  Json j = {{"source", g[boost::source(e, g)].id},
            {"target", g[boost::target(e, g)].id},
            {"type", to_string(edge.type)}};
  if (edge.type == EdgeType::cites || edge.type == EdgeType::lists) j["markers"] = edge.markers;
  if (edge.type == EdgeType::cites) j["ambiguous"] = edge.ambiguous;
  if (edge.score) j["score"] = *edge.score;
  if (!edge.stance.empty()) j["stance"] = edge.stance;
  if (!edge.certainty.empty()) j["certainty"] = edge.certainty;
  if (!edge.records.empty()) {
    Json records = Json::array();
    for (const StanceRecord& record : edge.records) records.push_back(record_json(record));
    j["records"] = std::move(records);
  }
  return j;
}

void put_json(std::ostream& out, const Json& j) {
  out << j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Json graph_json() {
  return {{"generator", generator()}, {"schema", 1}};
}

}  // namespace detail

using detail::Json;

void write_json(const EvidenceGraph& graph, std::ostream& out, std::string_view links_key) {
  const Graph& g = graph.graph();
  out << "{\"directed\": true, \"multigraph\": false, \"graph\": ";
  detail::put_json(out, detail::graph_json());
  out << ",\n\"nodes\": [";
  const char* separator = "\n";
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    out << separator;
    detail::put_json(out, detail::node_json(g[v]));
    separator = ",\n";
  }
  out << "\n],\n\"" << links_key << "\": [";
  separator = "\n";
  for (EdgeRef e : boost::make_iterator_range(boost::edges(g))) {
    out << separator;
    detail::put_json(out, detail::link_json(g, e));
    separator = ",\n";
  }
  out << "\n]}\n";
}

}  // namespace evgraph
