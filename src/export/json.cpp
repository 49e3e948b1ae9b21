// Node-link JSON (design.md "JSON"), one node or link per line, streamed through JsonWriter with no
// DOM. node_json()/link_json() build the same objects as DOMs for the other formats, from the same
// functions through JsonTreeWriter; a test holds the two byte-identical.
#include <nlohmann/json.hpp>
#include <ostream>

#include "evgraph/export.hpp"
#include "export/json_tree_writer.hpp"
#include "export/json_writer.hpp"
#include "export/node_link.hpp"

namespace evgraph {
namespace detail {
namespace {

// Each record's members in order, written through JsonWriter (the node-link export, streamed) or
// JsonTreeWriter (the DOM of node_json()/link_json()): one description of the schema for both.
// `data` is stored as compact JSON and spliced as it is.
template <typename Writer>
void write_record(Writer& json, const StanceRecord& record) {
  json.begin_object();
  if (record.stance != Stance::unstated) json.key("stance").string(to_string(record.stance));
  if (!record.label.empty()) json.key("label").string(record.label);
  if (record.certainty != Certainty::unstated) {
    json.key("certainty").string(to_string(record.certainty));
  }
  json.key("document").string(record.where.file).key("line").integer(record.where.line);
  if (!record.data.empty() && record.data != "{}") json.key("data").raw(record.data);
  json.end_object();
}

template <typename Writer>
void write_term(Writer& json, const ConceptMatchView& match) {
  json.begin_object().key("term").string(match.term);
  if (match.at) json.key("at").integer(*match.at);
  if (!match.field.empty()) json.key("field").string(match.field);
  json.end_object();
}

// The measures of a node (NodeMeasures), the ones of its type.
template <typename Writer>
void write_measures(Writer& json, NodeType type, const NodeMeasures& m) {
  switch (type) {
    case NodeType::claim:
      json.key("works").integer(m.works).key("documents").integer(m.documents);
      json.key("corroborating").integer(m.corroborating);
      json.key("conflicting").integer(m.conflicting);
      json.key("single_source").boolean(m.single_source);
      if (m.supports + m.contrasts + m.mentions + m.mixed > 0) {
        json.key("supports").integer(m.supports).key("contrasts").integer(m.contrasts);
        json.key("mentions").integer(m.mentions).key("mixed").integer(m.mixed);
      }
      if (m.certainty != Certainty::unstated) {
        json.key("certainty").string(to_string(m.certainty));
      }
      break;
    case NodeType::source:
      json.key("claims").integer(m.claims).key("documents").integer(m.documents);
      json.key("cited").boolean(m.cited);
      break;
    case NodeType::population:
    case NodeType::intervention:
    case NodeType::outcome:
      json.key("claims").integer(m.claims).key("works").integer(m.works);
      break;
    case NodeType::document:
    case NodeType::answer:
      break;
  }
  if (m.component) json.key("component").integer(*m.component);
  json.key("degree").integer(m.degree);
  if (m.betweenness) json.key("betweenness").number(*m.betweenness);
}

template <typename Writer>
void write_node(Writer& json, const NodeView& node) {
  json.begin_object();
  json.key("id").string(node.id).key("type").string(to_string(node.type));
  json.key("label").string(node.label);
  switch (node.type) {
    case NodeType::document:
      json.key("path").string(node.path);
      if (!node.format.empty()) json.key("format").string(node.format);
      break;
    case NodeType::claim:
      json.key("text").string(node.text).key("kind").string(to_string(node.kind));
      json.key("occurrences").begin_array();
      for (const OccurrenceView o : node.occurrences) {
        json.begin_object().key("document").string(o.document);
        json.key("line").integer(o.line).key("column").integer(o.column);
        json.key("block").integer(o.block).key("markers").strings(o.markers);
        if (!o.section.empty()) json.key("section").string(o.section);
        json.end_object();
      }
      json.end_array();
      if (!node.occurrences.empty() && !node.occurrences.front().section.empty()) {
        json.key("section").string(node.occurrences.front().section);
      }
      break;
    case NodeType::source:
      json.key("url").string(node.url).key("urls").strings(node.urls);
      json.key("scheme").string(node.scheme).key("identifier").string(node.identifier);
      if (!node.also.empty()) json.key("also").strings(node.also);
      if (!node.title.empty()) json.key("title").string(node.title);
      if (!node.authors.empty()) json.key("authors").strings(node.authors);
      if (!node.year.empty()) json.key("year").string(node.year);
      if (!node.data.empty()) json.key("data").raw(node.data);
      if (!node.merged_because.empty()) json.key("merged_because").strings(node.merged_because);
      if (!node.accessed.empty()) json.key("accessed").string(node.accessed);
      break;
    case NodeType::answer:
      json.key("path").string(node.path);
      if (node.answer) {
        const AnswerInfo& a = *node.answer;
        if (!a.heading.empty()) json.key("heading").string(a.heading);
        if (!a.assistant.empty()) json.key("assistant").string(a.assistant);
        if (!a.model.empty()) json.key("model").string(a.model);
        if (!a.date.empty()) json.key("date").string(a.date);
        if (!a.query.empty()) json.key("query").string(a.query);
        if (!a.searches.empty()) json.key("searches").strings(a.searches);
        json.key("line").integer(a.where.line);
      }
      break;
    default:
      break;
  }
  if (node.measures) write_measures(json, node.type, *node.measures);
  json.end_object();
}

template <typename Writer>
void write_link(Writer& json, const Graph& g, EdgeRef e) {
  const EdgeView edge = g[e];
  json.begin_object();
  json.key("source").string(g[boost::source(e, g)].id);
  json.key("target").string(g[boost::target(e, g)].id);
  json.key("type").string(to_string(edge.type));
  if (edge.type == EdgeType::cites || edge.type == EdgeType::lists) {
    json.key("markers").strings(edge.markers);
  }
  if (edge.type == EdgeType::cites) json.key("ambiguous").boolean(edge.ambiguous);
  if (edge.score) json.key("score").number(*edge.score);
  if (edge.stance != Stance::unstated) json.key("stance").string(to_string(edge.stance));
  if (edge.certainty != Certainty::unstated) {
    json.key("certainty").string(to_string(edge.certainty));
  }
  if (!edge.records.empty()) {
    json.key("records").begin_array();
    for (const StanceRecord& record : edge.records) write_record(json, record);
    json.end_array();
  }
  if (edge.inferred) json.key("inferred").boolean(true);
  if (!edge.quote.empty()) json.key("quote").string(edge.quote);
  if (!edge.terms.empty()) {
    json.key("terms").begin_array();
    for (const ConceptMatchView match : edge.terms) write_term(json, match);
    json.end_array();
  }
  if (edge.claims > 0) {
    json.key("works").integer(edge.works);
    json.key("claims").integer(edge.claims);
  }
  json.end_object();
}

template <typename Writer>
void write_graph_attributes(Writer& json) {
  json.begin_object().key("generator").string(generator()).key("schema").integer(1).end_object();
}

}  // namespace

Json node_json(const NodeView& node) {
  JsonTreeWriter tree;
  write_node(tree, node);
  return tree.take();
}

Json link_json(const Graph& g, EdgeRef e) {
  JsonTreeWriter tree;
  write_link(tree, g, e);
  return tree.take();
}

Json graph_json() {
  JsonTreeWriter tree;
  write_graph_attributes(tree);
  return tree.take();
}

void put_json(std::ostream& out, const Json& j) {
  out << j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace detail

void write_json(const EvidenceGraph& graph, std::ostream& out, std::string_view links_key) {
  const Graph& g = graph.graph();
  detail::JsonWriter json(out);
  json.raw("{\"directed\": true, \"multigraph\": false, \"graph\": ");
  detail::write_graph_attributes(json);
  json.raw(",\n\"nodes\": [");
  std::string_view separator = "\n";
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    json.raw(separator);
    detail::write_node(json, g[v]);
    separator = ",\n";
  }
  json.raw("\n],\n\"").raw(links_key).raw("\": [");
  separator = "\n";
  for (EdgeRef e : boost::make_iterator_range(boost::edges(g))) {
    json.raw(separator);
    detail::write_link(json, g, e);
    separator = ",\n";
  }
  json.raw("\n]}\n");
  json.flush();
}

}  // namespace evgraph
