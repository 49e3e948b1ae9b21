// GraphML and GEXF, read back with an XML parser (Boost.PropertyTree's): what was written is what a
// reader sees, every attribute of the node-link JSON is there, and no text can break the file.
#include <graphviz/cgraph.h>

#include <algorithm>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "export/attributes.hpp"
#include "export/node_link.hpp"
#include "export/xml_escape.hpp"
#include "test_support.hpp"

namespace {

using namespace evgraph;
using test::make_claim;
using test::make_node;
using test::make_source;
using Tree = boost::property_tree::ptree;
using Attributes = std::map<std::string, std::string>;

constexpr std::string_view kFffd = "\xEF\xBF\xBD";

std::string graphml_of(const EvidenceGraph& g) {
  std::ostringstream out;
  write_graphml(g, out);
  return out.str();
}

std::string gexf_of(const EvidenceGraph& g) {
  std::ostringstream out;
  write_gexf(g, out);
  return out.str();
}

Tree parse_xml(const std::string& xml) {
  std::istringstream in(xml);
  Tree tree;
  boost::property_tree::read_xml(in, tree);
  return tree;
}

std::string xml_attribute(const Tree& element, const std::string& name) {
  // '/' separates the path: GraphML's attribute names ("attr.name") contain the default '.'.
  return element.get<std::string>(Tree::path_type("<xmlattr>/" + name, '/'), "");
}

std::vector<const Tree*> children(const Tree& parent, std::string_view tag) {
  std::vector<const Tree*> found;
  for (const auto& [name, child] : parent) {
    if (name == tag) found.push_back(&child);
  }
  return found;
}

// GraphML read back: key id -> attribute name per domain, and each node's and edge's values.
struct GraphmlRead {
  std::map<std::string, std::string> key_names;  // "d3" -> "label"
  std::map<std::string, std::string> key_domains;
  std::map<std::string, Attributes> nodes;
  std::vector<std::pair<std::string, Attributes>> edges;  // "source -> target", values
};

Attributes graphml_values(const Tree& element, const GraphmlRead& read) {
  Attributes values;
  for (const Tree* data : children(element, "data")) {
    values[read.key_names.at(xml_attribute(*data, "key"))] = data->get_value<std::string>();
  }
  return values;
}

GraphmlRead read_graphml(const std::string& xml) {
  const Tree tree = parse_xml(xml);
  const Tree& root = tree.get_child("graphml");
  GraphmlRead read;
  for (const Tree* key : children(root, "key")) {
    read.key_names[xml_attribute(*key, "id")] = xml_attribute(*key, "attr.name");
    read.key_domains[xml_attribute(*key, "id")] = xml_attribute(*key, "for");
  }
  const Tree& graph = root.get_child("graph");
  for (const Tree* node : children(graph, "node")) {
    read.nodes[xml_attribute(*node, "id")] = graphml_values(*node, read);
  }
  for (const Tree* edge : children(graph, "edge")) {
    read.edges.emplace_back(
        xml_attribute(*edge, "source") + " -> " + xml_attribute(*edge, "target"),
        graphml_values(*edge, read));
  }
  return read;
}

// GEXF read back as NetworkX does: attribute titles by id, the node label as "label".
struct GexfRead {
  std::map<std::string, std::string> titles;
  std::map<std::string, Attributes> nodes;
  std::map<std::string, const Tree*> node_elements;
  std::vector<std::pair<std::string, Attributes>> edges;
  Tree tree;
};

Attributes gexf_values(const Tree& element, const GexfRead& read) {
  Attributes values;
  if (auto attvalues = element.get_child_optional("attvalues")) {
    for (const Tree* value : children(*attvalues, "attvalue")) {
      values[read.titles.at(xml_attribute(*value, "for"))] = xml_attribute(*value, "value");
    }
  }
  return values;
}

std::unique_ptr<GexfRead> read_gexf(const std::string& xml) {
  auto read = std::make_unique<GexfRead>();
  read->tree = parse_xml(xml);
  const Tree& graph = read->tree.get_child("gexf.graph");
  for (const Tree* attributes : children(graph, "attributes")) {
    for (const Tree* attribute : children(*attributes, "attribute")) {
      read->titles[xml_attribute(*attribute, "id")] = xml_attribute(*attribute, "title");
    }
  }
  for (const Tree* node : children(graph.get_child("nodes"), "node")) {
    const std::string id = xml_attribute(*node, "id");
    read->nodes[id] = gexf_values(*node, *read);
    read->nodes[id]["label"] = xml_attribute(*node, "label");
    read->node_elements[id] = node;
  }
  for (const Tree* edge : children(graph.get_child("edges"), "edge")) {
    Attributes values = gexf_values(*edge, *read);
    values["label"] = xml_attribute(*edge, "label");
    values["id"] = xml_attribute(*edge, "id");
    read->edges.emplace_back(
        xml_attribute(*edge, "source") + " -> " + xml_attribute(*edge, "target"), values);
  }
  return read;
}

// What XML 1.0 keeps of a text: C0 controls but TAB, LF and CR, and U+FFFE/U+FFFF, are U+FFFD.
std::string xml_kept(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') {
      out += kFffd;
    } else if (text.substr(i, 3) == "\xEF\xBF\xBE" || text.substr(i, 3) == "\xEF\xBF\xBF") {
      out += kFffd;
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

StanceRecord record(std::string stance, std::string certainty, std::size_t line) {
  StanceRecord r;
  r.stance = evgraph::stance_from_string(stance).value();
  r.label = "SUPPORT";
  r.certainty = evgraph::certainty_from_string(certainty).value();
  r.where = {"evidence.json", line, 1};
  r.data = R"({"id":"r1","evidence_set":[1,2]})";
  return r;
}

// Every node type, every edge type, and every attribute a node or edge can carry.
EvidenceGraph full_sample() {
  EvidenceGraph g;
  Node document = make_node("document:answer.md", NodeType::document, "answer.md");
  document.path = "answers/answer.md";
  document.format = "answer";
  const Vertex doc = g.add_node(document);
  const Vertex claim = g.add_node(
      make_claim("claim:00000000000000aa", "Peer support groups reduced loneliness in veterans."));
  const Vertex commentary =
      g.add_node(make_claim("claim:00000000000000bb", "The other search results provide context.",
                            ClaimKind::commentary));
  Node pubmed = make_source("source:pubmed:123", "https://pubmed.ncbi.nlm.nih.gov/123/?a=1&b=2");
  pubmed.urls.push_back("https://www.ncbi.nlm.nih.gov/pubmed/123");
  pubmed.scheme = "pubmed";
  pubmed.identifier = "123";
  pubmed.also = {"source:doi:10.1000/xyz", "source:pmc:PMC1"};
  pubmed.title = "Peer support & \"loneliness\" <a review>";
  pubmed.authors = {"Smith, Jane", "Doe, John"};
  pubmed.year = "2021";
  pubmed.data = R"({"journal":"J. Peer; Support","volume":3})";
  pubmed.merged_because = {"doi \"10.1000/xyz\" names the same work; listed together"};
  const Vertex source = g.add_node(pubmed);
  const Vertex veterans =
      g.add_node(make_node("population:veterans", NodeType::population, "veterans"));
  const Vertex groups =
      g.add_node(make_node("intervention:peer-groups", NodeType::intervention, "peer groups"));
  const Vertex lonely =
      g.add_node(make_node("outcome:loneliness", NodeType::outcome, "loneliness"));
  g.add_edge(doc, claim, make_edge(EdgeType::asserts));
  g.add_edge(doc, commentary, make_edge(EdgeType::asserts));
  g.add_edge(doc, source, make_edge(EdgeType::lists, {"1", "3"}));
  Edge cites = make_edge(EdgeType::cites, {"1"}, true);
  cites.stance = evgraph::Stance::supports;
  cites.certainty = evgraph::Certainty::moderate;
  cites.records = {record("supports", "moderate", 4), record("supports", "", 9)};
  g.add_edge(claim, source, cites);
  Edge concerns = make_edge(EdgeType::concerns);
  concerns.terms = {{"veterans", 41, {}}, {"Veterans", std::nullopt, "population"}};
  g.add_edge(claim, veterans, concerns);
  g.add_edge(claim, groups, make_edge(EdgeType::about));
  g.add_edge(claim, lonely, make_edge(EdgeType::reports));
  g.add_edge(claim, commentary, make_edge(EdgeType::similar_to, {}, false, 0.917));
  return g;
}

std::set<std::string> names_of(std::span<const detail::Attribute> table) {
  std::set<std::string> names;
  for (const auto& attribute : table) names.emplace(attribute.name);
  return names;
}

std::string link_name(const Graph& g, EdgeRef e) {
  return std::string(g[boost::source(e, g)].id) + " -> " + std::string(g[boost::target(e, g)].id);
}

const std::vector<std::string>& torture_texts() {
  static const std::vector<std::string> texts = {
      "say \"hi\" and 'bye' \"\"",
      "C:\\docs\\answer \\\\ end \\",
      "\\N \\G \\E \\T \\H \\L \\l \\r \\n",
      "<script>alert('x')</script>",
      "fish & chips &amp; &lt; &#38; &#x26; ]]> <![CDATA[ x ]]>",
      "graph",
      "digraph strict subgraph node edge",
      std::string("start \x01 bell \a escape \x1b nul ") + '\0' + " end \x7f",
      "tab\there, line\nfeed, carriage\r\nreturn",
      "not characters \xEF\xBF\xBE and \xEF\xBF\xBF",
      "emoji \U0001F600 family \U0001F469\u200D\U0001F469\u200D\U0001F467",
      "\u062F\u0639\u0645 \u0627\u0644\u0623\u0642\u0631\u0627\u0646 \u064A\u0642\u0644\u0644 "
      "\u0627\u0644\u0648\u062D\u062F\u0629",
      std::string(5000, 'x') + " & " + std::string(200, '<'),
  };
  return texts;
}

EvidenceGraph torture_graph() {
  EvidenceGraph g;
  const Vertex doc = g.add_node(make_node("document:a&b <\"'>.md", NodeType::document, "a&b"));
  for (const std::string& text : torture_texts()) {
    const Vertex claim = g.add_node(make_claim(text, text));
    g.add_edge(doc, claim, make_edge(EdgeType::asserts));
  }
  return g;
}

}  // namespace

TEST_CASE("every attribute the node-link JSON writes has a typed XML attribute", "[export]") {
  const EvidenceGraph g = full_sample();
  const auto node_names = names_of(detail::kNodeAttributes);
  const auto edge_names = names_of(detail::kEdgeAttributes);
  std::set<std::string> written;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g.graph()))) {
    const detail::Json node = detail::node_json(g.node(v));
    for (const auto& [key, value] : node.items()) {
      INFO(key);
      CHECK((node_names.count(key) == 1 || key == "id"));
      written.insert(key);
    }
  }
  CHECK(written.size() == node_names.size() + 1);  // the sample sets every one of them
  written.clear();
  for (EdgeRef e : boost::make_iterator_range(boost::edges(g.graph()))) {
    const detail::Json link = detail::link_json(g.graph(), e);
    for (const auto& [key, value] : link.items()) {
      INFO(key);
      CHECK((edge_names.count(key) == 1 || key == "source" || key == "target"));
      written.insert(key);
    }
  }
  CHECK(written.size() == edge_names.size() + 2);
}

TEST_CASE("GraphML declares typed keys with for before the graph", "[export]") {
  const std::string xml = graphml_of(full_sample());
  const auto graph_at = xml.find("<graph id=\"evidence\" edgedefault=\"directed\">");
  REQUIRE(graph_at != std::string::npos);
  CHECK(xml.rfind("<key ") < graph_at);
  const GraphmlRead read = read_graphml(xml);
  std::map<std::string, std::string> types;
  const Tree tree = parse_xml(xml);
  for (const Tree* key : children(tree.get_child("graphml"), "key")) {
    types[xml_attribute(*key, "for") + "." + xml_attribute(*key, "attr.name")] =
        xml_attribute(*key, "attr.type");
  }
  for (const auto& attribute : detail::kNodeAttributes) {
    CHECK(types.count("node." + std::string(attribute.name)) == 1);
  }
  for (const auto& attribute : detail::kEdgeAttributes) {
    CHECK(types.count("edge." + std::string(attribute.name)) == 1);
  }
  CHECK(types.at("node.type") == "string");
  CHECK(types.at("edge.ambiguous") == "boolean");
  CHECK(types.at("edge.score") == "double");
  CHECK(types.at("graph.schema") == "int");
  CHECK(types.at("graph.generator") == "string");
  CHECK(types.at("edge.interaction") == "string");
  CHECK(types.size() == read.key_names.size());  // attribute names unique per domain
}

TEST_CASE("GraphML carries every node and edge with the values JSON has", "[export]") {
  const EvidenceGraph g = full_sample();
  const GraphmlRead read = read_graphml(graphml_of(g));
  REQUIRE(read.nodes.size() == g.node_count());
  REQUIRE(read.edges.size() == g.edge_count());
  for (Vertex v : boost::make_iterator_range(boost::vertices(g.graph()))) {
    const NodeView node = g.node(v);
    INFO(node.id);
    const Attributes& values = read.nodes.at(std::string(node.id));
    CHECK(values.at("type") == to_string(node.type));
    CHECK(values.at("label") == node.label);
    if (node.type == NodeType::claim) {
      CHECK(values.at("text") == node.text);
      CHECK(values.at("kind") == to_string(node.kind));
      CHECK(detail::Json::parse(values.at("occurrences")) ==
            detail::node_json(node).at("occurrences"));
    }
  }
  const Attributes& source = read.nodes.at("source:pubmed:123");
  CHECK(source.at("urls") ==
        "https://pubmed.ncbi.nlm.nih.gov/123/?a=1&b=2; https://www.ncbi.nlm.nih.gov/pubmed/123");
  CHECK(source.at("also") == "source:doi:10.1000/xyz; source:pmc:PMC1");
  CHECK(source.at("authors") == "Smith, Jane; Doe, John");
  CHECK(source.at("title") == "Peer support & \"loneliness\" <a review>");
  CHECK(source.at("year") == "2021");
  CHECK(source.at("data") == R"({"journal":"J. Peer; Support","volume":3})");
  CHECK(detail::Json::parse(source.at("merged_because")) ==
        detail::Json::array({"doi \"10.1000/xyz\" names the same work; listed together"}));
  CHECK(read.nodes.at("document:answer.md").at("path") == "answers/answer.md");
  CHECK(read.nodes.at("document:answer.md").at("format") == "answer");

  std::size_t i = 0;
  for (EdgeRef e : boost::make_iterator_range(boost::edges(g.graph()))) {
    const auto& [ends, values] = read.edges.at(i++);
    const EdgeView edge = g.edge(e);
    CHECK(ends == link_name(g.graph(), e));
    CHECK(values.at("type") == to_string(edge.type));
    CHECK(values.at("interaction") == to_string(edge.type));
    if (edge.type == EdgeType::cites) {
      CHECK(values.at("markers") == "1");
      CHECK(values.at("ambiguous") == "true");
      CHECK(values.at("stance") == "supports");
      CHECK(values.at("certainty") == "moderate");
      CHECK(detail::Json::parse(values.at("records")) ==
            detail::link_json(g.graph(), e).at("records"));
    }
    if (edge.type == EdgeType::lists) CHECK(values.at("markers") == "1; 3");
    if (edge.type == EdgeType::similar_to) CHECK(values.at("score") == "0.917");
    if (edge.type == EdgeType::asserts) CHECK(values.size() == 2);  // empty ones are not written
  }
}

TEST_CASE("GEXF 1.3 has meta, attribute classes and no title NetworkX drops", "[export]") {
  const std::string xml = gexf_of(full_sample());
  const Tree tree = parse_xml(xml);
  const Tree& root = tree.get_child("gexf");
  CHECK(xml_attribute(root, "xmlns") == "http://gexf.net/1.3");
  CHECK(xml_attribute(root, "version") == "1.3");
  CHECK(xml_attribute(root, "xmlns:viz") == "http://gexf.net/1.3/viz");
  CHECK(root.get<std::string>("meta.creator") == generator());
  const Tree& graph = root.get_child("graph");
  CHECK(xml_attribute(graph, "mode") == "static");
  CHECK(xml_attribute(graph, "defaultedgetype") == "directed");
  std::map<std::string, std::set<std::string>> titles;
  for (const Tree* attributes : children(graph, "attributes")) {
    for (const Tree* attribute : children(*attributes, "attribute")) {
      const std::string title = xml_attribute(*attribute, "title");
      CHECK(title != "id");
      CHECK(title != "label");
      CHECK(title != "pid");
      CHECK(!xml_attribute(*attribute, "type").empty());
      titles[xml_attribute(*attributes, "class")].insert(title);
    }
  }
  CHECK(titles.at("node").size() == std::size(detail::kNodeAttributes) - 1);  // label is <node>'s
  CHECK(titles.at("edge").size() == std::size(detail::kEdgeAttributes));
  CHECK(titles.at("node").count("type") == 1);
  CHECK(titles.at("edge").count("records") == 1);
}

TEST_CASE("GEXF carries every node and edge with the values JSON has", "[export]") {
  const EvidenceGraph g = full_sample();
  const auto read = read_gexf(gexf_of(g));
  REQUIRE(read->nodes.size() == g.node_count());
  REQUIRE(read->edges.size() == g.edge_count());
  for (Vertex v : boost::make_iterator_range(boost::vertices(g.graph()))) {
    const NodeView node = g.node(v);
    INFO(node.id);
    const Attributes& values = read->nodes.at(std::string(node.id));
    CHECK(values.at("type") == to_string(node.type));
    CHECK(values.at("label") == node.label);
    if (node.type == NodeType::claim) CHECK(values.at("text") == node.text);
  }
  CHECK(read->nodes.at("source:pubmed:123").at("authors") == "Smith, Jane; Doe, John");
  std::size_t i = 0;
  for (EdgeRef e : boost::make_iterator_range(boost::edges(g.graph()))) {
    const auto& [ends, values] = read->edges.at(i);
    CHECK(ends == link_name(g.graph(), e));
    CHECK(values.at("id") == "e" + std::to_string(i++));
    CHECK(values.at("label") == to_string(g.edge(e).type));
    CHECK(values.at("type") == to_string(g.edge(e).type));
    if (g.edge(e).type == EdgeType::cites) {
      CHECK(values.at("ambiguous") == "true");
      CHECK(detail::Json::parse(values.at("records")) ==
            detail::link_json(g.graph(), e).at("records"));
    }
  }
}

TEST_CASE("GEXF colours nodes as DOT fills them and sizes them by degree", "[export]") {
  const EvidenceGraph g = full_sample();
  const auto read = read_gexf(gexf_of(g));
  std::string dot = to_dot(g);
  std::unique_ptr<Agraph_t, decltype(&agclose)> parsed(agmemread(dot.c_str()), &agclose);
  REQUIRE(parsed);
  for (Vertex v : boost::make_iterator_range(boost::vertices(g.graph()))) {
    const NodeView node = g.node(v);
    if (node.kind == ClaimKind::commentary) continue;  // DOT greys commentary out
    INFO(node.id);
    const Tree& element = *read->node_elements.at(std::string(node.id));
    const Tree& color = element.get_child("viz:color");
    char rgb[8];
    std::snprintf(rgb, sizeof rgb, "#%02X%02X%02X", color.get<int>("<xmlattr>.r"),
                  color.get<int>("<xmlattr>.g"), color.get<int>("<xmlattr>.b"));
    std::string name(node.id);
    std::string fillcolor = "fillcolor";
    Agnode_t* drawn = agnode(parsed.get(), name.data(), 0);
    REQUIRE(drawn != nullptr);
    CHECK(std::string(rgb) == agget(drawn, fillcolor.data()));
    const double size = element.get<double>("viz:size.<xmlattr>.value");
    const auto degree = boost::in_degree(v, g.graph()) + boost::out_degree(v, g.graph());
    CHECK(size == Approx(10.0 + 4.0 * std::sqrt(static_cast<double>(degree))).margin(0.05));
    CHECK(!element.get<std::string>("viz:shape.<xmlattr>.value").empty());
  }
}

TEST_CASE("hostile text round-trips through GraphML and GEXF", "[export]") {
  const EvidenceGraph g = torture_graph();
  const GraphmlRead graphml = read_graphml(graphml_of(g));
  const auto gexf = read_gexf(gexf_of(g));
  CHECK(graphml.nodes.count("document:a&b <\"'>.md") == 1);
  CHECK(gexf->nodes.at("document:a&b <\"'>.md").at("label") == "a&b");
  for (const std::string& text : torture_texts()) {
    INFO(text.substr(0, 80));
    const std::string kept = xml_kept(text);
    REQUIRE(graphml.nodes.count(kept) == 1);
    CHECK(graphml.nodes.at(kept).at("text") == kept);
    CHECK(graphml.nodes.at(kept).at("label") == xml_kept(short_label(text)));
    REQUIRE(gexf->nodes.count(kept) == 1);
    CHECK(gexf->nodes.at(kept).at("text") == kept);
  }
}

TEST_CASE("markup characters are escaped exactly once", "[export]") {
  EvidenceGraph g;
  g.add_node(make_claim("claim:1", "fish &amp; chips & <b> \"q\" 'a'"));
  for (const std::string& xml : {graphml_of(g), gexf_of(g)}) {
    CHECK(xml.find("fish &amp;amp; chips &amp; &lt;b&gt; &quot;q&quot; &apos;a&apos;") !=
          std::string::npos);
  }
}

TEST_CASE("characters XML forbids are replaced with U+FFFD and counted", "[export]") {
  std::ostringstream out;
  const std::size_t replaced = detail::write_xml_escaped(out,
                                                         "a\x01"
                                                         "b\x1b\x7f\xEF\xBF\xBE\xFF\t\n\r\xC3\xA9");
  CHECK(replaced == 4);
  CHECK(out.str() ==
        "a\xEF\xBF\xBD"
        "b\xEF\xBF\xBD\x7F\xEF\xBF\xBD\xEF\xBF\xBD&#9;&#10;&#13;\xC3\xA9");

  const EvidenceGraph g = torture_graph();
  for (const std::string& xml : {graphml_of(g), gexf_of(g)}) {
    CHECK(std::none_of(xml.begin(), xml.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\n'; }));
    // U+0001, BEL, ESC, NUL in one claim, U+FFFE and U+FFFF in another: six characters, each
    // in the claim's id, label and text and in its edge's target.
    CHECK(xml.find("<!-- evgraph: 24 character(s) that XML 1.0 does not allow were written as "
                   "U+FFFD -->") != std::string::npos);
  }
  CHECK(graphml_of(full_sample()).find("<!--") == std::string::npos);
}

TEST_CASE("the same graph gives the same GraphML and GEXF bytes", "[export]") {
  const EvidenceGraph g = full_sample();
  CHECK(graphml_of(g) == graphml_of(g));
  CHECK(graphml_of(full_sample()) == graphml_of(g));
  CHECK(gexf_of(full_sample()) == gexf_of(g));
}

TEST_CASE("the seed exports as GraphML and GEXF with all its nodes and edges", "[export]") {
  Diagnostics diagnostics;
  const auto text = read_text(test::seed_path(), diagnostics);
  const auto evidence = extract(parse_answer(text, diagnostics), default_lexicon(), diagnostics);
  const EvidenceGraph g = build_graph(std::span(&evidence, 1));
  CHECK(read_graphml(graphml_of(g)).nodes.size() == g.node_count());
  CHECK(read_graphml(graphml_of(g)).edges.size() == g.edge_count());
  CHECK(read_gexf(gexf_of(g))->nodes.size() == g.node_count());
  CHECK(read_gexf(gexf_of(g))->edges.size() == g.edge_count());
}

TEST_CASE("an empty graph is a valid empty GraphML and GEXF document", "[export]") {
  const EvidenceGraph g;
  CHECK(read_graphml(graphml_of(g)).nodes.empty());
  CHECK(read_gexf(gexf_of(g))->nodes.empty());
}

TEST_CASE("random Unicode reads back from GraphML and GEXF as XML keeps it", "[export][property]") {
  const std::vector<std::string> texts = test::random_texts(300, 11);
  const EvidenceGraph g = test::graph_of_texts(texts);
  const GraphmlRead graphml = read_graphml(graphml_of(g));
  const auto gexf = read_gexf(gexf_of(g));
  for (std::size_t i = 0; i < texts.size(); ++i) {
    INFO(i);
    const std::string id = "claim:" + std::to_string(i);
    CHECK(graphml.nodes.at(id).at("text") == xml_kept(texts[i]));
    CHECK(graphml.nodes.at(id).at("label") == xml_kept(short_label(texts[i])));
    CHECK(gexf->nodes.at(id).at("text") == xml_kept(texts[i]));
  }
}
