// Node-link JSON (design.md "JSON"), one node or link per line, streamed through JsonWriter with no
// DOM. node_json()/link_json() build the same objects as DOMs for the other JSON dialects; a test
// holds the two byte-identical.
#include <nlohmann/json.hpp>
#include <ostream>

#include "evgraph/export.hpp"
#include "export/json_writer.hpp"
#include "export/node_link.hpp"

namespace evgraph {
namespace detail {
namespace {

// Other fields of a record are kept as one JSON object's text; they are spliced back as JSON.
Json object_or_text(std::string_view data) {
  Json parsed = Json::parse(data, nullptr, false);
  return parsed.is_discarded() ? Json(data) : parsed;
}

Json record_json(const StanceRecord& record) {
  Json j = Json::object();
  if (record.stance != Stance::unstated) j["stance"] = to_string(record.stance);
  if (!record.label.empty()) j["label"] = record.label;
  if (record.certainty != Certainty::unstated) j["certainty"] = to_string(record.certainty);
  j["document"] = record.where.file;
  j["line"] = record.where.line;
  if (!record.data.empty() && record.data != "{}") j["data"] = object_or_text(record.data);
  return j;
}

Json term_json(const ConceptMatchView& match) {
  Json j = {{"term", match.term}};
  if (match.at) j["at"] = *match.at;
  if (!match.field.empty()) j["field"] = match.field;
  return j;
}

}  // namespace

Json node_json(const NodeView& node) {
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
      for (const OccurrenceView o : node.occurrences) {
        Json occurrence = {{"document", o.document},
                           {"line", o.line},
                           {"column", o.column},
                           {"block", o.block},
                           {"markers", o.markers}};
        if (!o.section.empty()) occurrence["section"] = o.section;
        occurrences.push_back(std::move(occurrence));
      }
      j["occurrences"] = std::move(occurrences);
      if (!node.occurrences.empty() && !node.occurrences.front().section.empty()) {
        j["section"] = node.occurrences.front().section;
      }
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
      if (!node.accessed.empty()) j["accessed"] = node.accessed;
      break;
    case NodeType::answer:
      j["path"] = node.path;
      if (node.answer) {
        const AnswerInfo& a = *node.answer;
        if (!a.heading.empty()) j["heading"] = a.heading;
        if (!a.assistant.empty()) j["assistant"] = a.assistant;
        if (!a.model.empty()) j["model"] = a.model;
        if (!a.date.empty()) j["date"] = a.date;
        if (!a.query.empty()) j["query"] = a.query;
        if (!a.searches.empty()) j["searches"] = a.searches;
        j["line"] = a.where.line;
      }
      break;
    default:
      break;
  }
  return j;
}

Json link_json(const Graph& g, EdgeRef e) {
  const EdgeView edge = g[e];
  Json j = {{"source", g[boost::source(e, g)].id},
            {"target", g[boost::target(e, g)].id},
            {"type", to_string(edge.type)}};
  if (edge.type == EdgeType::cites || edge.type == EdgeType::lists) j["markers"] = edge.markers;
  if (edge.type == EdgeType::cites) j["ambiguous"] = edge.ambiguous;
  if (edge.score) j["score"] = *edge.score;
  if (edge.stance != Stance::unstated) j["stance"] = to_string(edge.stance);
  if (edge.certainty != Certainty::unstated) j["certainty"] = to_string(edge.certainty);
  if (!edge.records.empty()) {
    Json records = Json::array();
    for (const StanceRecord& record : edge.records) records.push_back(record_json(record));
    j["records"] = std::move(records);
  }
  if (edge.inferred) j["inferred"] = true;
  if (!edge.quote.empty()) j["quote"] = edge.quote;
  if (!edge.terms.empty()) {
    Json terms = Json::array();
    for (const ConceptMatchView match : edge.terms) terms.push_back(term_json(match));
    j["terms"] = std::move(terms);
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

using detail::JsonWriter;

namespace {

// The streaming twins of node_json()/link_json(): the same members in the same order, written
// straight to the stream; `data` is spliced as the compact JSON it is stored as.
void write_record(JsonWriter& json, const StanceRecord& record) {
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

void write_term(JsonWriter& json, const ConceptMatchView& match) {
  json.begin_object().key("term").string(match.term);
  if (match.at) json.key("at").integer(*match.at);
  if (!match.field.empty()) json.key("field").string(match.field);
  json.end_object();
}

void write_node(JsonWriter& json, const NodeView& node) {
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
  json.end_object();
}

void write_link(JsonWriter& json, const Graph& g, EdgeRef e) {
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
  json.end_object();
}

}  // namespace

void write_json(const EvidenceGraph& graph, std::ostream& out, std::string_view links_key) {
  const Graph& g = graph.graph();
  JsonWriter json(out);
  json.raw("{\"directed\": true, \"multigraph\": false, \"graph\": ");
  json.begin_object().key("generator").string(generator()).key("schema").integer(1).end_object();
  json.raw(",\n\"nodes\": [");
  std::string_view separator = "\n";
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    json.raw(separator);
    write_node(json, g[v]);
    separator = ",\n";
  }
  json.raw("\n],\n\"").raw(links_key).raw("\": [");
  separator = "\n";
  for (EdgeRef e : boost::make_iterator_range(boost::edges(g))) {
    json.raw(separator);
    write_link(json, g, e);
    separator = ",\n";
  }
  json.raw("\n]}\n");
  json.flush();
}

}  // namespace evgraph
