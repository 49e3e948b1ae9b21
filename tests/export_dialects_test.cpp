// The JSON dialects (Cytoscape.js, JGF v2, VOSviewer, Kumu) and the Mermaid flowchart: their
// shapes, that they carry what the node-link export carries, and that any text survives them.
#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace {

// The node types sample() has: all but answer (a file of one undescribed answer has none).
constexpr evgraph::NodeType kSampleTypes[] = {
    evgraph::NodeType::document,   evgraph::NodeType::claim,        evgraph::NodeType::source,
    evgraph::NodeType::population, evgraph::NodeType::intervention, evgraph::NodeType::outcome};

using namespace evgraph;
using test::make_claim;
using test::make_node;
using test::make_source;
using Json = nlohmann::ordered_json;

// One node of every type, and one edge of every type plus an ambiguous citation.
EvidenceGraph sample() {
  EvidenceGraph g;
  Node document = make_node("document:answer.md", NodeType::document, "answer.md");
  document.path = "answers/answer.md";
  const Vertex doc = g.add_node(document);
  const Vertex claim = g.add_node(
      make_claim("claim:00000000000000aa", "Peer support groups reduced loneliness in veterans."));
  const Vertex commentary =
      g.add_node(make_claim("claim:00000000000000bb", "The other search results provide context.",
                            ClaimKind::commentary));
  Node pubmed_node =
      make_source("source:pubmed:123", "https://pubmed.ncbi.nlm.nih.gov/123/?a=1&b=2");
  pubmed_node.title = "Men's sheds & <wellbeing>";
  pubmed_node.scheme = "pubmed";
  pubmed_node.data = R"({"journal":"BMJ","pages":[1,2]})";
  const Vertex pubmed = g.add_node(pubmed_node);
  const Vertex script = g.add_node(make_source("source:url:javascript", "javascript:alert(1)"));
  const Vertex veterans =
      g.add_node(make_node("population:veterans", NodeType::population, "veterans"));
  const Vertex groups =
      g.add_node(make_node("intervention:peer-groups", NodeType::intervention, "peer groups"));
  const Vertex lonely =
      g.add_node(make_node("outcome:loneliness", NodeType::outcome, "loneliness"));
  g.add_edge(doc, claim, make_edge(EdgeType::asserts));
  g.add_edge(doc, commentary, make_edge(EdgeType::asserts));
  g.add_edge(doc, pubmed, make_edge(EdgeType::lists, {"1"}));
  g.add_edge(doc, script, make_edge(EdgeType::lists, {"2"}));
  g.add_edge(claim, pubmed, make_edge(EdgeType::cites, {"1"}));
  g.add_edge(claim, script, make_edge(EdgeType::cites, {"2"}, true));
  g.add_edge(claim, veterans, make_edge(EdgeType::concerns));
  g.add_edge(claim, groups, make_edge(EdgeType::about));
  g.add_edge(claim, lonely, make_edge(EdgeType::reports));
  g.add_edge(claim, commentary, make_edge(EdgeType::similar_to, {}, false, 0.91));
  return g;
}

using Writer = void (*)(const EvidenceGraph&, std::ostream&);

std::string text_of(const EvidenceGraph& g, Writer writer) {
  std::ostringstream out;
  writer(g, out);
  return out.str();
}

Json parsed(const EvidenceGraph& g, Writer writer) {
  return Json::parse(text_of(g, writer));
}

void write_node_link(const EvidenceGraph& g, std::ostream& out) {
  write_json(g, out);
}

Json without(Json j, std::initializer_list<const char*> keys) {
  for (const char* key : keys) j.erase(key);
  return j;
}

// The documented replacement: C0 controls other than tab and line feed become U+FFFD... in DOT.
// JSON keeps every control character, escaped.
const std::vector<std::string>& torture_texts() {
  static const std::vector<std::string> texts = {
      "say \"hi\" and \"\"",
      "C:\\docs\\answer \\\\ end \\",
      "\\N \\G \\l \\n \\\"",
      "<script>alert('x')</script> &amp; & <b>",
      "graph",
      "SubGraph end style classDef",
      "style x:#quot;a; %%{init: {\"theme\": \"dark\"}}%% `md` #35; | [ ] { } ( ) ;",
      std::string("control \x01 bell\a escape\x1b nul") + '\0' + "end",
      "emoji \U0001F600 family \U0001F469\u200D\U0001F469\u200D\U0001F467",
      "\u062F\u0639\u0645 \u0627\u0644\u0623\u0642\u0631\u0627\u0646 \u064A\u0642\u0644\u0644",
      "two\nlines\tand a tab\r\u2028sep",
      std::string(5000, 'x') + " " + std::string(120, '\\') + "\"",
  };
  return texts;
}

EvidenceGraph torture_graph() {
  EvidenceGraph g;
  for (const std::string& text : torture_texts()) g.add_node(make_claim("claim:" + text, text));
  const Vertex first = 0;
  for (Vertex v = 1; v < g.node_count(); ++v) {
    g.add_edge(first, v, make_edge(EdgeType::similar_to, {}, false, 0.5));
  }
  return g;
}

// Mermaid's reading of `#name;` entity codes, for the ones the writer uses.
std::string decode_entities(std::string_view text) {
  static const std::vector<std::pair<std::string_view, std::string_view>> codes = {
      {"#quot;", "\""}, {"#35;", "#"}, {"#amp;", "&"}, {"#lt;", "<"},
      {"#gt;", ">"},    {"#96;", "`"}, {"#58;", ":"},  {"#37;", "%"}};
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto code = std::find_if(codes.begin(), codes.end(), [&](const auto& c) {
      return text.substr(i).starts_with(c.first);
    });
    if (code == codes.end()) {
      out += text[i++];
    } else {
      out += code->second;
      i += code->first.size();
    }
  }
  return out;
}

// What a Mermaid label shows for `text`: one line, controls as spaces.
std::string one_line(std::string text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (text.compare(i, 3, "\u2028") == 0) {
      out += ' ';
      i += 2;
    } else {
      out += byte < 0x20 || byte == 0x7F ? ' ' : text[i];
    }
  }
  return out;
}

struct MermaidNode {
  std::string id;
  std::string label;
  std::string klass;
};

constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kShapes = {
    {{"[[", "]]"}, {"(", ")"}, {"[/", "/]"}, {"([", "])"}, {"{{", "}}"}, {"[/", "\\]"}}};

bool is_class_name(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(),
                                      [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

// `    n<digits><open>"<label>"<close>:::<class>`, with exactly two quotes; nullopt otherwise.
std::optional<MermaidNode> parse_node_line(std::string_view line) {
  if (!line.starts_with("    n")) return std::nullopt;
  line.remove_prefix(4);
  const std::size_t digits = line.find_first_not_of("0123456789", 1);
  const std::size_t quote = line.find('"');
  const std::size_t end_quote = line.find('"', quote + 1);
  const std::size_t separator = line.find(":::", end_quote);
  if (digits == 1 || end_quote == std::string_view::npos || separator == std::string_view::npos) {
    return std::nullopt;
  }
  const std::pair shape(line.substr(digits, quote - digits),
                        line.substr(end_quote + 1, separator - end_quote - 1));
  const std::string_view klass = line.substr(separator + 3);
  if (std::find(kShapes.begin(), kShapes.end(), shape) == kShapes.end() || !is_class_name(klass)) {
    return std::nullopt;
  }
  return MermaidNode{std::string(line.substr(0, digits)),
                     std::string(line.substr(quote + 1, end_quote - quote - 1)),
                     std::string(klass)};
}

std::vector<MermaidNode> mermaid_nodes(const std::string& text) {
  std::vector<MermaidNode> nodes;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with("    n")) continue;
    const auto node = parse_node_line(line);
    INFO(line);
    REQUIRE(node);
    nodes.push_back(*node);
  }
  return nodes;
}

std::vector<std::string> lines_starting(const std::string& text, std::string_view prefix) {
  std::vector<std::string> found;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with(prefix)) found.push_back(line);
  }
  return found;
}

}  // namespace

TEST_CASE("cytoscape JSON has compound parents per node type", "[export]") {
  const EvidenceGraph g = sample();
  const Json cy = parsed(g, write_cyjs);
  CHECK(cy.at("format_version") == "1.0");
  CHECK(cy.at("generated_by") == generator());
  CHECK(cy.at("target_cytoscapejs_version") == "~3");
  CHECK(cy.at("data").at("generator") == generator());
  const Json& nodes = cy.at("elements").at("nodes");
  const Json& edges = cy.at("elements").at("edges");
  REQUIRE(nodes.size() == g.node_count() + std::size(kSampleTypes));
  REQUIRE(edges.size() == g.edge_count());

  std::set<std::string> parents;
  for (std::size_t i = 0; i < std::size(kSampleTypes); ++i) {
    const Json& parent = nodes.at(i);
    CHECK(parent.at("data").at("id") == "type:" + std::string(to_string(kSampleTypes[i])));
    CHECK(parent.at("classes") == "cluster");
    parents.insert(parent.at("data").at("id").get<std::string>());
  }
  std::set<std::string> ids = parents;
  for (std::size_t i = std::size(kSampleTypes); i < nodes.size(); ++i) {
    const Json& data = nodes.at(i).at("data");
    const std::string type = data.at("type");
    CHECK(data.at("parent") == "type:" + type);
    CHECK(nodes.at(i).at("classes").get<std::string>().starts_with(type));
    CHECK(data.at("value") == data.at("id"));
    ids.insert(data.at("id").get<std::string>());
  }
  CHECK(nodes.at(std::size(kSampleTypes) + 2).at("classes") == "claim commentary");
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const Json& data = edges.at(i).at("data");
    CHECK(data.at("id") == "e" + std::to_string(i));
    CHECK(data.at("interaction") == data.at("type"));
    CHECK(ids.count(data.at("source").get<std::string>()) == 1);
    CHECK(ids.count(data.at("target").get<std::string>()) == 1);
    CHECK(parents.count(data.at("target").get<std::string>()) == 0);
  }
  CHECK(edges.at(5).at("classes") == "cites ambiguous");
}

TEST_CASE("cytoscape JSON carries every node-link attribute", "[export]") {
  const EvidenceGraph g = sample();
  const Json cy = parsed(g, write_cyjs);
  const Json node_link = parsed(g, write_node_link);
  const Json& nodes = cy.at("elements").at("nodes");
  for (std::size_t i = 0; i < g.node_count(); ++i) {
    const Json data = nodes.at(std::size(kSampleTypes) + i).at("data");
    CHECK(without(data, {"name", "value", "parent"}) == node_link.at("nodes").at(i));
  }
  for (std::size_t i = 0; i < g.edge_count(); ++i) {
    const Json data = cy.at("elements").at("edges").at(i).at("data");
    CHECK(without(data, {"id", "interaction"}) == node_link.at("links").at(i));
  }
}

TEST_CASE("cytoscape ids the writer adds never equal a node id", "[export]") {
  EvidenceGraph g;
  const Vertex a = g.add_node(make_node("e0", NodeType::population, "e0"));
  const Vertex b = g.add_node(make_node("type:population", NodeType::population, "clash"));
  g.add_edge(a, b, make_edge(EdgeType::concerns));
  const Json cy = parsed(g, write_cyjs);
  const Json& nodes = cy.at("elements").at("nodes");
  REQUIRE(nodes.size() == 3);
  CHECK(nodes.at(0).at("data").at("id") == "type:population'");
  CHECK(nodes.at(1).at("data").at("parent") == "type:population'");
  CHECK(cy.at("elements").at("edges").at(0).at("data").at("id") == "e0'");

  const Json kumu = parsed(g, write_kumu);
  CHECK(kumu.at("connections").at(0).at("id") == "connection:0");
}

TEST_CASE("JGF v2 keys nodes by id and keeps attributes as metadata", "[export]") {
  const EvidenceGraph g = sample();
  const Json jgf = parsed(g, write_jgf).at("graph");
  const Json node_link = parsed(g, write_node_link);
  CHECK(jgf.at("directed") == true);
  CHECK(jgf.at("label").is_string());
  CHECK(jgf.at("metadata").at("generator") == generator());
  CHECK(jgf.at("metadata").at("schema") == 1);
  REQUIRE(jgf.at("nodes").is_object());
  REQUIRE(jgf.at("nodes").size() == g.node_count());
  for (const Json& expected : node_link.at("nodes")) {
    const Json& node = jgf.at("nodes").at(expected.at("id").get<std::string>());
    CHECK(node.at("label") == expected.at("label"));
    CHECK(node.at("metadata") == without(expected, {"id", "label"}));
  }
  REQUIRE(jgf.at("edges").size() == g.edge_count());
  for (std::size_t i = 0; i < g.edge_count(); ++i) {
    const Json& edge = jgf.at("edges").at(i);
    const Json& expected = node_link.at("links").at(i);
    CHECK(edge.at("source") == expected.at("source"));
    CHECK(edge.at("target") == expected.at("target"));
    CHECK(edge.at("relation") == expected.at("type"));
    CHECK(edge.at("metadata") == without(expected, {"source", "target", "type"}));
  }
}

TEST_CASE("VOSviewer items are numbered with type clusters and link weights", "[export]") {
  const EvidenceGraph g = sample();
  const Json network = parsed(g, write_vosviewer).at("network");
  const Json& items = network.at("items");
  REQUIRE(items.size() == g.node_count());
  for (Vertex v = 0; v < g.node_count(); ++v) {
    const Json& item = items.at(v);
    const NodeView node = g.node(v);
    INFO(node.id);
    CHECK(item.at("id") == v + 1);
    CHECK(item.at("label") == node.label);
    CHECK(item.at("cluster") == static_cast<int>(node.type) + 1);
    CHECK(item.at("weights").at("Links") ==
          boost::in_degree(v, g.graph()) + boost::out_degree(v, g.graph()));
    CHECK(item.at("description").get<std::string>().find(node.id) != std::string::npos);
  }
  CHECK(items.at(3).at("url") == "https://pubmed.ncbi.nlm.nih.gov/123/?a=1&b=2");
  CHECK(items.at(3).at("description") ==
        "Men&#39;s sheds &amp; &lt;wellbeing&gt;<br>https://pubmed.ncbi.nlm.nih.gov/123/?a=1&amp;"
        "b=2<br>source:pubmed:123");
  CHECK_FALSE(items.at(4).contains("url"));
  CHECK(items.at(3).at("weights").at("Claims") == 1);
  CHECK(items.at(0).at("weights").at("Claims") == 2);
  CHECK(network.at("links").size() == g.edge_count());
  for (const Json& link : network.at("links")) {
    CHECK(link.at("source_id") < link.at("target_id"));
    CHECK(link.at("strength") == 1);
  }
  CHECK(network.at("clusters").size() == std::size(kSampleTypes));
}

TEST_CASE("VOSviewer merges both directions into one link", "[export]") {
  EvidenceGraph g;
  const Vertex a = g.add_node(make_claim("claim:a", "A claim."));
  const Vertex b = g.add_node(make_claim("claim:b", "B claim."));
  g.add_edge(b, a, make_edge(EdgeType::similar_to, {}, false, 0.7));
  g.add_edge(a, b, make_edge(EdgeType::similar_to, {}, false, 0.7));
  const Json network = parsed(g, write_vosviewer).at("network");
  REQUIRE(network.at("links").size() == 1);
  const Json& link = network.at("links").at(0);
  CHECK(link.at("source_id") == 1);
  CHECK(link.at("target_id") == 2);
  CHECK(link.at("strength") == 2);
  CHECK(network.at("items").at(0).at("weights").at("Claims") == 1);
}

TEST_CASE("Kumu elements and connections have unique ids and flat fields", "[export]") {
  const EvidenceGraph g = sample();
  const Json kumu = parsed(g, write_kumu);
  const Json node_link = parsed(g, write_node_link);
  REQUIRE(kumu.at("elements").size() == g.node_count());
  REQUIRE(kumu.at("connections").size() == g.edge_count());
  std::set<std::string> elements;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < g.node_count(); ++i) {
    const Json& element = kumu.at("elements").at(i);
    const Json& expected = node_link.at("nodes").at(i);
    CHECK(element.at("id") == expected.at("id"));
    CHECK(element.at("label") == expected.at("label"));
    CHECK(element.at("type") == expected.at("type"));
    CHECK(element.at("description").is_string());
    CHECK(element.at("tags").at(0) == expected.at("type"));
    for (const auto& [key, value] : expected.items()) {
      INFO(key);
      CHECK(element.contains(key));
      CHECK((element.at(key) == value || element.at(key) == value.dump()));
    }
    elements.insert(element.at("id").get<std::string>());
    ids.insert(element.at("id").get<std::string>());
  }
  CHECK(kumu.at("elements").at(1).at("description") == g.node(1).text);
  CHECK(kumu.at("elements").at(1).at("tags") == Json::array({"claim", "finding"}));
  CHECK(kumu.at("elements").at(1).at("occurrences").is_string());
  CHECK(kumu.at("elements").at(3).at("data") == R"({"journal":"BMJ","pages":[1,2]})");
  for (std::size_t i = 0; i < g.edge_count(); ++i) {
    const Json& connection = kumu.at("connections").at(i);
    const Json& expected = node_link.at("links").at(i);
    CHECK(connection.at("id") == "connection:" + std::to_string(i));
    CHECK(connection.at("direction") == "directed");
    CHECK(connection.at("type") == expected.at("type"));
    CHECK(elements.count(connection.at("from").get<std::string>()) == 1);
    CHECK(elements.count(connection.at("to").get<std::string>()) == 1);
    if (expected.contains("markers")) CHECK(connection.at("markers") == expected.at("markers"));
    ids.insert(connection.at("id").get<std::string>());
  }
  CHECK(ids.size() == g.node_count() + g.edge_count());
}

TEST_CASE("Mermaid has a subgraph per type, typed shapes and safe ids", "[export]") {
  const EvidenceGraph g = sample();
  const std::string text = text_of(g, write_mermaid);
  CHECK(text.starts_with("%% " + generator() + ": 8 nodes, 10 edges"));
  CHECK(lines_starting(text, "flowchart LR").size() == 1);
  CHECK(lines_starting(text, "  subgraph type_").size() == std::size(kSampleTypes));
  CHECK(text.find("  subgraph type_claim[\"Claims\"]\n") != std::string::npos);
  CHECK(text.find("Over Mermaid") == std::string::npos);

  const auto nodes = mermaid_nodes(text);
  REQUIRE(nodes.size() == g.node_count());
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    CHECK(nodes[i].id == "n" + std::to_string(i));
    CHECK(decode_entities(nodes[i].label) == g.node(i).label);
  }
  CHECK(nodes[2].klass == "commentary");
  CHECK_FALSE(parse_node_line(R"(    n0("a"b"):::claim)"));
  CHECK_FALSE(parse_node_line("    n0(\"a\"):::claim commentary"));
  CHECK(text.find("    n6{{\"peer groups\"}}:::intervention\n") != std::string::npos);
  CHECK(text.find("    n1(\"Peer support groups reduced loneliness in veterans.\"):::claim\n") !=
        std::string::npos);
  CHECK(text.find("  n0 -->|asserts| n1\n") != std::string::npos);
  CHECK(text.find("  n1 -->|cites| n4\n") != std::string::npos);
  CHECK(text.find("  n1 -.->|similar_to| n2\n") != std::string::npos);
  CHECK(lines_starting(text, "  n").size() == g.edge_count());
  CHECK(text.find("  classDef claim fill:#99DDFF,") != std::string::npos);
  CHECK(text.find("  classDef source fill:#EEDD88,") != std::string::npos);
  CHECK(text.find("  classDef commentary ") != std::string::npos);
}

TEST_CASE("Mermaid sets uncited findings and never-cited sources apart", "[export]") {
  EvidenceGraph g = sample();
  const Vertex lone = g.add_node(make_claim("claim:00000000000000cc", "Groups help."));
  const Vertex listed = g.add_node(make_source("source:url:listed", "https://example.org/"));
  g.add_edge(0, lone, make_edge(EdgeType::asserts));
  g.add_edge(0, listed, make_edge(EdgeType::lists, {"3"}));
  const std::string text = text_of(g, write_mermaid);
  std::map<std::string, std::string> class_of;
  for (const auto& node : mermaid_nodes(text)) class_of[node.id] = node.klass;
  REQUIRE(class_of.size() == g.node_count());
  CHECK(class_of["n" + std::to_string(lone)] == "uncited_claim");
  CHECK(class_of["n" + std::to_string(listed)] == "uncited_source");
  CHECK(class_of["n1"] == "claim");       // cites two sources
  CHECK(class_of["n2"] == "commentary");  // cites nothing, but is not a finding
  CHECK(class_of["n3"] == "source");      // cited
  CHECK(text.find("  classDef uncited_claim fill:#FFFFFF,stroke:#99DDFF,stroke-width:2px,"
                  "stroke-dasharray:4 3,") != std::string::npos);
  CHECK(text.find("  classDef uncited_source fill:#FFFFFF,stroke:#EEDD88,") != std::string::npos);
}

TEST_CASE("Mermaid warns at the top when GitHub would not draw the graph", "[export]") {
  EvidenceGraph g;
  const Vertex hub = g.add_node(make_node("outcome:o", NodeType::outcome, "o"));
  for (int i = 0; i < 501; ++i) {
    const Vertex claim = g.add_node(make_claim("claim:" + std::to_string(i), "c"));
    g.add_edge(claim, hub, make_edge(EdgeType::reports));
  }
  const std::string text = text_of(g, write_mermaid);
  CHECK(text.starts_with("%% " + generator() + ": 502 nodes, 501 edges"));
  CHECK(text.find("%% Over Mermaid's default limits") < text.find("flowchart LR"));
  CHECK(lines_starting(text, "  n").size() == 501);
}

TEST_CASE("any text survives the JSON dialects", "[export]") {
  const EvidenceGraph g = torture_graph();
  const auto& texts = torture_texts();
  const Json cy = parsed(g, write_cyjs);
  const Json jgf = parsed(g, write_jgf).at("graph");
  const Json kumu = parsed(g, write_kumu);
  const Json vos = parsed(g, write_vosviewer).at("network");
  const Json& cy_nodes = cy.at("elements").at("nodes");
  REQUIRE(cy_nodes.size() == texts.size() + 1);
  REQUIRE(kumu.at("elements").size() == texts.size());
  REQUIRE(vos.at("items").size() == texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const std::string& text = texts[i];
    INFO(text.substr(0, 80));
    CHECK(cy_nodes.at(i + 1).at("data").at("text") == text);
    CHECK(cy_nodes.at(i + 1).at("data").at("id") == "claim:" + text);
    CHECK(jgf.at("nodes").at("claim:" + text).at("metadata").at("text") == text);
    CHECK(kumu.at("elements").at(i).at("text") == text);
    const std::string shown = kumu.at("elements").at(i).at("description");
    CHECK(shown.find_first_of("<>") == std::string::npos);
    CHECK(kumu.at("elements").at(i).at("id") == "claim:" + text);
    const std::string description = vos.at("items").at(i).at("description");
    CHECK(description.find('<') == description.find("<br>"));
  }
  CHECK(cy.at("elements").at("edges").size() == texts.size() - 1);
  CHECK(jgf.at("edges").size() == texts.size() - 1);
  CHECK(kumu.at("connections").size() == texts.size() - 1);
}

TEST_CASE("Mermaid labels stay one quoted line whatever the text", "[export]") {
  const EvidenceGraph g = torture_graph();
  const std::string text = text_of(g, write_mermaid);
  const auto nodes = mermaid_nodes(text);
  REQUIRE(nodes.size() == g.node_count());
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const std::string& label = nodes[i].label;
    INFO(label);
    CHECK(label.find_first_of("\"<>&:%`") == std::string::npos);
    CHECK(std::none_of(label.begin(), label.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x20; }));
    CHECK(decode_entities(label) == one_line(short_label(g.node(i).label, 61)));
  }
  CHECK(nodes.back().label.size() < 200);
  CHECK(lines_starting(text, "  n0 -.->|similar_to| n").size() == g.edge_count());
}

TEST_CASE("invalid UTF-8 never reaches a dialect", "[export]") {
  EvidenceGraph g;
  Node claim = make_claim("claim:1", "caf\xE9 \xFF\xFE ok");
  claim.label = "caf\xE9 label";
  g.add_node(claim);
  for (Writer writer : {write_cyjs, write_jgf, write_vosviewer, write_kumu}) {
    const std::string text = text_of(g, writer);
    CHECK(text.find("caf\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD ok") != std::string::npos);
    CHECK_NOTHROW(Json::parse(text));
  }
  const auto nodes = mermaid_nodes(text_of(g, write_mermaid));
  REQUIRE(nodes.size() == 1);
  CHECK(nodes[0].label == "caf\xEF\xBF\xBD label");
}

TEST_CASE("the dialects are byte-identical across runs", "[export]") {
  for (Writer writer : {write_cyjs, write_jgf, write_vosviewer, write_kumu, write_mermaid}) {
    CHECK(text_of(sample(), writer) == text_of(sample(), writer));
  }
}

TEST_CASE("the dialects of an empty graph are valid", "[export]") {
  const EvidenceGraph g;
  CHECK(parsed(g, write_cyjs).at("elements").at("nodes").empty());
  CHECK(parsed(g, write_jgf).at("graph").at("nodes").empty());
  CHECK(parsed(g, write_vosviewer).at("network").at("items").empty());
  CHECK(parsed(g, write_kumu).at("elements").empty());
  CHECK(text_of(g, write_mermaid).find("flowchart LR\n") != std::string::npos);
}
