// The DOT export, read back through cgraph: what was written is what Graphviz sees.
#include <graphviz/cgraph.h>

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "dot_reading.hpp"
#include "test_support.hpp"

namespace {

// The node types sample() has: all but answer (a file of one undescribed answer has none).
constexpr evgraph::NodeType kSampleTypes[] = {
    evgraph::NodeType::document,   evgraph::NodeType::claim,        evgraph::NodeType::source,
    evgraph::NodeType::population, evgraph::NodeType::intervention, evgraph::NodeType::outcome};

using namespace evgraph;
using test::attr;
using test::make_claim;
using test::make_node;
using test::make_source;
using test::shown;
using test::unescape;

struct GraphCloser {
  void operator()(Agraph_t* graph) const noexcept { agclose(graph); }
};
using Parsed = std::unique_ptr<Agraph_t, GraphCloser>;

Parsed read_dot(const std::string& dot) {
  Parsed parsed(agmemread(dot.c_str()));
  REQUIRE(parsed);
  return parsed;
}

// The documented replacement: C0 controls other than tab and line feed become U+FFFD.
std::string without_controls(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') {
      out += "\xEF\xBF\xBD";
    } else {
      out += c;
    }
  }
  return out;
}

std::string unwrapped(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

// The graph's own edges: those of class "layout" are invisible helpers of the column plan.
std::vector<Agedge_t*> real_edges(Agraph_t* graph) {
  std::vector<Agedge_t*> edges;
  for (Agnode_t* n = agfstnode(graph); n != nullptr; n = agnxtnode(graph, n)) {
    for (Agedge_t* e = agfstout(graph, n); e != nullptr; e = agnxtout(graph, e)) {
      if (attr(e, "class") != "layout") edges.push_back(e);
    }
  }
  return edges;
}

// Each node's column: the k of the one "column k" subgraph (rank=same) that holds it.
std::map<std::string, int> columns_of(Agraph_t* graph) {
  std::map<std::string, int> columns;
  for (Agraph_t* sub = agfstsubg(graph); sub != nullptr; sub = agnxtsubg(sub)) {
    const std::string name = agnameof(sub);
    if (!name.starts_with("column ")) continue;
    CHECK(attr(sub, "rank") == "same");
    for (Agnode_t* n = agfstnode(sub); n != nullptr; n = agnxtnode(sub, n)) {
      const bool fresh = columns.emplace(agnameof(n), std::stoi(name.substr(7))).second;
      CHECK(fresh);
    }
  }
  return columns;
}

// Nodes of a parsed graph by the id they carry in their `id` attribute.
std::map<std::string, Agnode_t*> nodes_by_id(Agraph_t* graph) {
  std::map<std::string, Agnode_t*> nodes;
  for (Agnode_t* n = agfstnode(graph); n != nullptr; n = agnxtnode(graph, n)) {
    nodes.emplace(unescape(attr(n, "id")), n);
  }
  return nodes;
}

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
  const Vertex pubmed =
      g.add_node(make_source("source:pubmed:123", "https://pubmed.ncbi.nlm.nih.gov/123/?a=1&b=2"));
  const Vertex script = g.add_node(make_source("source:url:javascript", "javascript:alert(1)"));
  const Vertex veterans =
      g.add_node(make_node("population:veterans", NodeType::population, "veterans"));
  const Vertex groups =
      g.add_node(make_node("intervention:peer-groups", NodeType::intervention, "peer groups"));
  const Vertex lonely =
      g.add_node(make_node("outcome:loneliness", NodeType::outcome, "loneliness"));
  g.add_edge(doc, claim, make_edge(EdgeType::asserts, {}, false, {}));
  g.add_edge(doc, commentary, make_edge(EdgeType::asserts, {}, false, {}));
  g.add_edge(doc, pubmed, make_edge(EdgeType::lists, {"1"}, false, {}));
  g.add_edge(doc, script, make_edge(EdgeType::lists, {"2"}, false, {}));
  g.add_edge(claim, pubmed, make_edge(EdgeType::cites, {"1"}, false, {}));
  g.add_edge(claim, script, make_edge(EdgeType::cites, {"2"}, true, {}));
  g.add_edge(claim, veterans, make_edge(EdgeType::concerns, {}, false, {}));
  g.add_edge(claim, groups, make_edge(EdgeType::about, {}, false, {}));
  g.add_edge(claim, lonely, make_edge(EdgeType::reports, {}, false, {}));
  g.add_edge(claim, commentary, make_edge(EdgeType::similar_to, {}, false, 0.91));
  return g;
}

}  // namespace

TEST_CASE("every node reads back with its label tooltip id and class", "[export]") {
  const EvidenceGraph g = sample();
  const Parsed parsed = read_dot(to_dot(g));
  CHECK(static_cast<std::size_t>(agnnodes(parsed.get())) == g.node_count());
  const auto nodes = nodes_by_id(parsed.get());
  for (Vertex v : boost::make_iterator_range(boost::vertices(g.graph()))) {
    const NodeView node = g.node(v);
    INFO(node.id);
    REQUIRE(nodes.count(std::string(node.id)) == 1);
    Agnode_t* n = nodes.at(std::string(node.id));
    CHECK(std::string(agnameof(n)) == node.id);
    CHECK(unwrapped(shown(attr(n, "label"), false)) == node.label);
    const bool commentary = node.type == NodeType::claim && node.kind == ClaimKind::commentary;
    CHECK(attr(n, "class") ==
          (commentary ? "claim commentary" : std::string(to_string(node.type))));
    CHECK_FALSE(attr(n, "tooltip").empty());
  }
  CHECK(unescape(attr(nodes.at("claim:00000000000000aa"), "tooltip")) ==
        "Peer support groups reduced loneliness in veterans.\n\nanswer.md:7");
  CHECK(attr(nodes.at("document:answer.md"), "tooltip") == "answers/answer.md");
  CHECK(attr(nodes.at("claim:00000000000000bb"), "style").find("dashed") != std::string::npos);
}

TEST_CASE("claim labels wrap at spaces near 28 characters", "[export]") {
  EvidenceGraph g;
  g.add_node(make_claim("claim:1", "Peer support groups reduced loneliness in older veterans."));
  const Parsed parsed = read_dot(to_dot(g));
  const std::string label = unescape(attr(agfstnode(parsed.get()), "label"));
  CHECK(label == "Peer support groups reduced\nloneliness in older\nveterans.");
}

TEST_CASE("only http and https sources are links and they open in a new tab", "[export]") {
  const Parsed parsed = read_dot(to_dot(sample()));
  const auto nodes = nodes_by_id(parsed.get());
  Agnode_t* pubmed = nodes.at("source:pubmed:123");
  CHECK(attr(pubmed, "URL") == "https://pubmed.ncbi.nlm.nih.gov/123/?a=1&b=2");
  CHECK(attr(pubmed, "target") == "_blank");
  CHECK(shown(attr(pubmed, "tooltip"), true) == "https://pubmed.ncbi.nlm.nih.gov/123/?a=1&b=2");
  Agnode_t* script = nodes.at("source:url:javascript");
  CHECK(attr(script, "URL").empty());
  CHECK(attr(script, "target").empty());
  CHECK(shown(attr(script, "tooltip"), true) == "javascript:alert(1)");
}

TEST_CASE("characters a URL may not contain are percent-encoded in URL", "[export]") {
  EvidenceGraph g;
  g.add_node(make_source("source:url:x", "https://example.org/a b?q=\"><script>é"));
  const Parsed parsed = read_dot(to_dot(g));
  CHECK(attr(agfstnode(parsed.get()), "URL") ==
        "https://example.org/a%20b?q=%22%3E%3Cscript%3E%C3%A9");
}

TEST_CASE("one cluster per node type present in vocabulary order", "[export]") {
  EvidenceGraph g;
  g.add_node(make_node("outcome:loneliness", NodeType::outcome, "loneliness"));
  g.add_node(make_claim("claim:1", "A claim."));
  g.add_node(make_node("document:a.md", NodeType::document, "a.md"));
  const std::string dot = to_dot(g);
  const auto document = dot.find("subgraph cluster_document");
  const auto claim = dot.find("subgraph cluster_claim");
  const auto outcome = dot.find("subgraph cluster_outcome");
  REQUIRE(document != std::string::npos);
  REQUIRE(claim != std::string::npos);
  REQUIRE(outcome != std::string::npos);
  CHECK(document < claim);
  CHECK(claim < outcome);
  CHECK(dot.find("cluster_source") == std::string::npos);

  const Parsed parsed = read_dot(dot);
  int clusters = 0;
  for (Agraph_t* sub = agfstsubg(parsed.get()); sub != nullptr; sub = agnxtsubg(sub)) {
    clusters += std::string(agnameof(sub)).starts_with("cluster") ? 1 : 0;
  }
  CHECK(clusters == 3);
  std::string name = "cluster_claim";
  Agraph_t* claims = agsubg(parsed.get(), name.data(), 0);
  REQUIRE(claims != nullptr);
  CHECK(attr(claims, "label") == "Claims");
  CHECK(agnnodes(claims) == 1);
  std::string id = "claim:1";
  CHECK(agnode(claims, id.data(), 0) != nullptr);
}

TEST_CASE("nodes keep graph insertion order", "[export]") {
  EvidenceGraph g;
  for (const char* id : {"claim:c", "claim:a", "claim:b"}) g.add_node(make_claim(id, id));
  const Parsed parsed = read_dot(to_dot(g));
  std::vector<std::string> order;
  for (Agnode_t* n = agfstnode(parsed.get()); n != nullptr; n = agnxtnode(parsed.get(), n)) {
    order.emplace_back(agnameof(n));
  }
  CHECK(order == std::vector<std::string>{"claim:c", "claim:a", "claim:b"});
}

TEST_CASE("edges read back with their type as class", "[export]") {
  const EvidenceGraph g = sample();
  const Parsed parsed = read_dot(to_dot(g));
  CHECK(real_edges(parsed.get()).size() == g.edge_count());
  std::multiset<std::string> expected;
  for (EdgeRef e : boost::make_iterator_range(boost::edges(g.graph()))) {
    const EdgeView edge = g.edge(e);
    expected.insert(std::string(to_string(edge.type)) + (edge.ambiguous ? " ambiguous" : ""));
  }
  std::multiset<std::string> classes;
  Agedge_t* ambiguous = nullptr;
  Agedge_t* plain = nullptr;
  for (Agedge_t* e : real_edges(parsed.get())) {
    classes.insert(attr(e, "class"));
    if (attr(e, "class") == "cites ambiguous") ambiguous = e;
    if (attr(e, "class") == "cites") plain = e;
  }
  CHECK(classes == expected);
  REQUIRE(ambiguous != nullptr);
  CHECK(std::string(agnameof(aghead(ambiguous))) == "source:url:javascript");
  CHECK(attr(ambiguous, "tooltip").find("defined twice") != std::string::npos);
  REQUIRE(plain != nullptr);
  CHECK(attr(ambiguous, "color") != attr(plain, "color"));
}

TEST_CASE("the legend is an HTML graph label and not extra nodes", "[export]") {
  const EvidenceGraph g = sample();
  const Parsed parsed = read_dot(to_dot(g));
  char* label = agget(parsed.get(), std::string("label").data());
  REQUIRE(label != nullptr);
  CHECK(aghtmlstr(label) != 0);
  const std::string legend = label;
  CHECK(legend.find("<TABLE") != std::string::npos);
  for (NodeType type : kSampleTypes)
    CHECK(legend.find(std::string(to_string(type))) != std::string::npos);
  CHECK(legend.find("ambiguous cites") != std::string::npos);
  CHECK(static_cast<std::size_t>(agnnodes(parsed.get())) == g.node_count());

  EvidenceGraph small;
  small.add_node(make_claim("claim:1", "A claim."));
  const Parsed parsed_small = read_dot(to_dot(small));
  const std::string small_legend = agget(parsed_small.get(), std::string("label").data());
  CHECK(small_legend.find("claim") != std::string::npos);
  CHECK(small_legend.find("source") == std::string::npos);
  CHECK(small_legend.find("cites") == std::string::npos);
}

TEST_CASE("an empty graph is an empty digraph named evidence", "[export]") {
  const std::string dot = to_dot(EvidenceGraph{});
  const Parsed parsed = read_dot(dot);
  CHECK(std::string(agnameof(parsed.get())) == "evidence");
  CHECK(agisdirected(parsed.get()) != 0);
  CHECK(agnnodes(parsed.get()) == 0);
  CHECK(attr(parsed.get(), "rankdir") == "LR");
}

TEST_CASE("any text survives the trip through DOT", "[export]") {
  const std::vector<std::string> texts = {
      "say \"hi\" and \"\"",
      "C:\\docs\\answer \\\\ end",
      "\\N \\G \\E \\T \\H \\L \\l \\r \\n \\\"",
      "ends with a backslash \\",
      "node",
      "graph",
      "strict",
      "SubGraph",
      "-12.5",
      "%1",
      "<script>alert('x')</script> &amp; & <b>",
      "emoji \U0001F600 family \U0001F469\u200D\U0001F469\u200D\U0001F467",
      "\u062F\u0639\u0645 \u0627\u0644\u0623\u0642\u0631\u0627\u0646 \u064A\u0642\u0644\u0644",
      std::string("bell\a escape\x1b nul") + '\0' + "end",
      "two\nlines\tand a tab",
      "brace { } [ ] ; , = -> --",
      std::string(5000, 'x') + " " + std::string(120, '\\') + "\"",
  };
  EvidenceGraph g;
  for (const std::string& text : texts) g.add_node(make_claim(text, text));
  const std::string dot = to_dot(g);
  CHECK(std::none_of(dot.begin(), dot.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t';
  }));

  const Parsed parsed = read_dot(dot);
  REQUIRE(static_cast<std::size_t>(agnnodes(parsed.get())) == texts.size());
  const auto nodes = nodes_by_id(parsed.get());
  for (const std::string& text : texts) {
    INFO(text.substr(0, 80));
    const std::string clean = without_controls(text);
    REQUIRE(nodes.count(clean) == 1);
    Agnode_t* n = nodes.at(clean);
    const std::string name = agnameof(n);
    CHECK((name == clean || unescape(name) == clean));
    CHECK(unwrapped(shown(attr(n, "label"), false)) ==
          unwrapped(without_controls(short_label(text))));
    CHECK(shown(attr(n, "tooltip"), true) == clean + "\n\nanswer.md:7");
  }
}

TEST_CASE("invalid UTF-8 is replaced and never written", "[export]") {
  EvidenceGraph g;
  g.add_node(make_claim("claim:1", "caf\xE9 \xFF\xFE ok"));
  const Parsed parsed = read_dot(to_dot(g));
  CHECK(unescape(attr(agfstnode(parsed.get()), "tooltip")) ==
        "caf\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD ok\n\nanswer.md:7");
}

TEST_CASE("random text of quotes and backslashes survives DOT", "[export]") {
  const std::vector<std::string> pieces = {"a", "\\", "\"", " ", "\n", "\u00E9", "\U0001F600",
                                           "<", "&",  "{",  "-", "\t", "N",      "\\\n"};
  std::mt19937 random(20240611);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 400);
  EvidenceGraph g;
  std::vector<std::string> texts;
  for (int i = 0; i < 200; ++i) {
    std::string text = "claim:" + std::to_string(i) + " ";
    for (int n = length(random); n > 0; --n) text += pieces[piece(random)];
    texts.push_back(text);
    g.add_node(make_claim(text, text));
  }
  const Parsed parsed = read_dot(to_dot(g));
  const auto nodes = nodes_by_id(parsed.get());
  for (const std::string& text : texts) {
    INFO(text);
    REQUIRE(nodes.count(text) == 1);
    CHECK(shown(attr(nodes.at(text), "tooltip"), true) == text + "\n\nanswer.md:7");
  }
}

TEST_CASE("the same graph gives the same DOT text", "[export]") {
  const EvidenceGraph g = sample();
  const std::string first = to_dot(g);
  std::vector<std::unique_ptr<std::string>> churn;  // a different heap for the second run
  for (int i = 0; i < 1000; ++i) churn.push_back(std::make_unique<std::string>(i % 97, 'x'));
  CHECK(to_dot(g) == first);
  CHECK(to_dot(sample()) == first);
  std::ostringstream streamed;
  write_dot(g, streamed);
  CHECK(streamed.str() == first);
}

TEST_CASE("DOT can be written from several threads at once", "[export]") {
  const EvidenceGraph g = sample();
  const std::string expected = to_dot(g);
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::string& result : results) {
    threads.emplace_back([&g, &result] {
      for (int i = 0; i < 20; ++i) result = to_dot(g);
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& result : results) CHECK(result == expected);
}

TEST_CASE("a stream that fails while DOT is written is an IoError", "[export]") {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  CHECK_THROWS_AS(write_dot(sample(), out), IoError);
}

TEST_CASE("curated cites edges are coloured by stance and the legend says so", "[export]") {
  evgraph::EvidenceGraph g;
  const auto claim = g.add_node(evgraph::test::make_claim("claim:1", "Masks reduce spread."));
  const auto work = g.add_node(evgraph::test::make_node("source:key:w", NodeType::source, "w"));
  evgraph::Edge cites = make_edge(EdgeType::cites);
  evgraph::StanceRecord record;
  record.stance = evgraph::Stance::supports;
  record.label = "SUPPORT";
  cites.records.push_back(record);
  g.add_edge(claim, work, std::move(cites));
  const std::string dot = to_dot(g);
  CHECK_THAT(dot, Catch::Contains("#228833") && Catch::Contains("cites: supports") &&
                      !Catch::Contains("cites: contrasts"));
}

namespace {

// The seed's shape: one document, 12 claims, 18 sources (7 listed only), and 5 populations, 9
// interventions and 18 outcomes that the claims are about.
EvidenceGraph seed_shaped() {
  EvidenceGraph g;
  const Vertex doc = g.add_node(make_node("document:seed.txt", NodeType::document, "seed.txt"));
  std::vector<Vertex> claims;
  for (int i = 0; i < 12; ++i) {
    claims.push_back(g.add_node(make_claim(
        "claim:" + std::to_string(i),
        "Peer support groups for men reduce isolation in study number " + std::to_string(i))));
    g.add_edge(doc, claims.back(), make_edge(EdgeType::asserts, {}, false, {}));
  }
  for (int i = 0; i < 18; ++i) {
    const Vertex source = g.add_node(make_source("source:pmc:PMC" + std::to_string(1000 + i),
                                                 "https://pmc.example/" + std::to_string(i)));
    g.add_edge(doc, source, make_edge(EdgeType::lists, {std::to_string(i)}, false, {}));
    if (i < 11) {
      g.add_edge(claims.at(static_cast<std::size_t>(i)), source,
                 make_edge(EdgeType::cites, {std::to_string(i)}, false, {}));
    }
  }
  const std::array<std::pair<NodeType, int>, 3> concepts = {
      {{NodeType::population, 5}, {NodeType::intervention, 9}, {NodeType::outcome, 18}}};
  const std::array<EdgeType, 3> relations = {EdgeType::concerns, EdgeType::about,
                                             EdgeType::reports};
  for (std::size_t t = 0; t < concepts.size(); ++t) {
    const auto [type, count] = concepts[t];
    for (int i = 0; i < count; ++i) {
      const std::string name = std::string(to_string(type)) + " number " + std::to_string(i);
      const Vertex v =
          g.add_node(make_node(std::string(to_string(type)) + ":" + std::to_string(i), type, name));
      for (int k = 0; k < 1 + i % 3; ++k) {
        g.add_edge(claims.at(static_cast<std::size_t>((i + 5 * k) % 12)), v,
                   make_edge(relations[t], {}, false, {}));
      }
    }
  }
  g.add_edge(claims[0], claims[1], make_edge(EdgeType::similar_to, {}, false, 0.9));
  return g;
}

}  // namespace

TEST_CASE("claims sit between their sources and what they are about", "[export]") {
  const EvidenceGraph g = seed_shaped();
  const Parsed parsed = read_dot(to_dot(g));
  const auto columns = columns_of(parsed.get());
  REQUIRE(columns.size() == g.node_count());
  std::set<int> claim_columns;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g.graph()))) {
    if (g.node(v).type == NodeType::claim)
      claim_columns.insert(columns.at(std::string(g.node(v).id)));
  }
  REQUIRE(claim_columns.size() == 1);
  const int claims = *claim_columns.begin();
  std::size_t joined = 0;
  std::size_t round = 0;  // edges that must go round a column of their cluster
  for (Agedge_t* e : real_edges(parsed.get())) {
    const std::string type = attr(e, "class");
    const int from = columns.at(agnameof(agtail(e)));
    const int to = columns.at(agnameof(aghead(e)));
    INFO(type << " from column " << from << " to column " << to);
    if (type == "cites") CHECK(to < claims);
    if (type == "concerns" || type == "about" || type == "reports") CHECK(to != claims);
    if (type != "asserts" && type != "lists" && type != "similar_to") {
      ++joined;
      round += std::abs(to - from) > 1 ? 1 : 0;
    }
    if (to <= from) {
      CHECK(attr(e, "constraint") == "false");
    } else {
      CHECK(attr(e, "minlen") == std::to_string(to - from));
    }
    const bool provenance = type == "asserts" || type == "lists";
    CHECK(attr(e, "weight") == (provenance ? "0" : "1"));
  }
  CHECK(round * 5 <= joined);
}

TEST_CASE("a cluster too tall for the drawing wraps into columns", "[export]") {
  EvidenceGraph g;
  const Vertex doc = g.add_node(make_node("document:list.txt", NodeType::document, "list.txt"));
  const Vertex claim = g.add_node(make_claim("claim:1", "One claim among many listed works."));
  g.add_edge(doc, claim, make_edge(EdgeType::asserts, {}, false, {}));
  for (int i = 0; i < 150; ++i) {
    const Vertex source = g.add_node(make_source("source:url:example.org/" + std::to_string(i),
                                                 "https://example.org/" + std::to_string(i)));
    g.add_edge(doc, source, make_edge(EdgeType::lists, {std::to_string(i)}, false, {}));
  }
  g.add_edge(claim, 2, make_edge(EdgeType::cites, {"1"}, false, {}));
  const Parsed parsed = read_dot(to_dot(g));
  const auto columns = columns_of(parsed.get());
  std::map<int, int> sources_per_column;
  for (const auto& [name, column] : columns) {
    if (name.starts_with("source:")) ++sources_per_column[column];
  }
  CHECK(sources_per_column.size() >= 3);
  for (const auto& [column, count] : sources_per_column) CHECK(count <= 60);
  // The cited source is in the column next to the claim's.
  CHECK(columns.at("source:url:example.org/0") == columns.at("claim:1") - 1);
}

// Graphviz draws the arrowhead of a concentrated edge that points back across two columns or more
// where the merged paths fork, not at its node: such a drawing goes without concentrate.
TEST_CASE("concentrate only while no edge points back across two columns", "[export]") {
  const auto farthest_back = [](Agraph_t* graph) {
    const auto columns = columns_of(graph);
    int farthest = 0;
    for (Agedge_t* e : real_edges(graph)) {
      farthest =
          std::max(farthest, columns.at(agnameof(agtail(e))) - columns.at(agnameof(aghead(e))));
    }
    return farthest;
  };
  const Parsed small = read_dot(to_dot(sample()));
  CHECK(farthest_back(small.get()) <= 1);
  CHECK(attr(small.get(), "concentrate") == "true");
  const Parsed seed = read_dot(to_dot(seed_shaped()));
  CHECK((farthest_back(seed.get()) <= 1) == (attr(seed.get(), "concentrate") == "true"));

  EvidenceGraph g;  // 400 claims wrap into columns, all citing one source left of them
  const Vertex doc = g.add_node(make_node("document:a.txt", NodeType::document, "a.txt"));
  const Vertex source = g.add_node(make_source("source:pubmed:1", "https://pubmed.example/1"));
  g.add_edge(doc, source, make_edge(EdgeType::lists, {"1"}, false, {}));
  for (int i = 0; i < 400; ++i) {
    const Vertex claim = g.add_node(
        make_claim("claim:" + std::to_string(i), "Claim number " + std::to_string(i) + "."));
    g.add_edge(doc, claim, make_edge(EdgeType::asserts, {}, false, {}));
    g.add_edge(claim, source, make_edge(EdgeType::cites, {"1"}, false, {}));
  }
  const Parsed wrapped = read_dot(to_dot(g));
  CHECK(farthest_back(wrapped.get()) >= 2);
  CHECK(attr(wrapped.get(), "concentrate").empty());
}

TEST_CASE("parts the columns leave unconnected are tied by invisible layout edges", "[export]") {
  EvidenceGraph g;  // no document: cites edges point back, so nothing else holds the sources
  const Vertex claim = g.add_node(make_claim("claim:1", "Peer groups help."));
  const Vertex source = g.add_node(make_source("source:pubmed:1", "https://pubmed.example/1"));
  const Vertex outcome = g.add_node(make_node("outcome:help", NodeType::outcome, "help"));
  g.add_edge(claim, source, make_edge(EdgeType::cites, {"1"}, false, {}));
  g.add_edge(claim, outcome, make_edge(EdgeType::reports, {}, false, {}));
  const Parsed parsed = read_dot(to_dot(g));
  CHECK(real_edges(parsed.get()).size() == g.edge_count());
  std::vector<Agedge_t*> layout;
  for (Agnode_t* n = agfstnode(parsed.get()); n != nullptr; n = agnxtnode(parsed.get(), n)) {
    for (Agedge_t* e = agfstout(parsed.get(), n); e != nullptr; e = agnxtout(parsed.get(), e)) {
      if (attr(e, "class") == "layout") layout.push_back(e);
    }
  }
  REQUIRE(layout.size() == 1);
  CHECK(attr(layout[0], "style") == "invis");
  CHECK(attr(layout[0], "id").empty());
  CHECK(attr(layout[0], "tooltip").empty());
  CHECK(std::string(agnameof(agtail(layout[0]))) == "source:pubmed:1");
  CHECK(std::string(agnameof(aghead(layout[0]))) == "claim:1");
  const auto columns = columns_of(parsed.get());
  CHECK(columns.at("source:pubmed:1") < columns.at("claim:1"));
  CHECK(columns.at("claim:1") < columns.at("outcome:help"));
}

TEST_CASE("past kDotNodeLimit nodes the DOT is meant for sfdp", "[export]") {
  EvidenceGraph g;
  for (std::size_t i = 0; i < kDotNodeLimit; ++i) {
    g.add_node(make_node("outcome:" + std::to_string(i), NodeType::outcome, "o"));
  }
  g.add_edge(0, 1, make_edge(EdgeType::similar_to, {}, false, 0.5));
  CHECK(layout_engine_for(g) == "dot");
  const Parsed for_dot = read_dot(to_dot(g));
  CHECK(attr(for_dot.get(), "layout").empty());
  CHECK_FALSE(columns_of(for_dot.get()).empty());

  g.add_node(make_node("outcome:last", NodeType::outcome, "o"));
  CHECK(layout_engine_for(g) == "sfdp");
  const std::string dot = to_dot(g);
  const Parsed for_sfdp = read_dot(dot);
  CHECK(attr(for_sfdp.get(), "layout") == "sfdp");
  CHECK(attr(for_sfdp.get(), "overlap") == "prism0");
  CHECK(attr(for_sfdp.get(), "splines") == "false");
  CHECK(attr(for_sfdp.get(), "start") == "1");
  CHECK(columns_of(for_sfdp.get()).empty());
  CHECK(dot.find("minlen") == std::string::npos);
  CHECK(real_edges(for_sfdp.get()).size() == g.edge_count());
  CHECK(static_cast<std::size_t>(agnedges(for_sfdp.get())) == g.edge_count());
}

TEST_CASE("a concept edge's tooltip says which words made it and where", "[export]") {
  Diagnostics d;
  const Evidence e = test::extract_string(
      "Veterans and young people gained self-esteem.[1]\nCitations:\n"
      "[1] https://pubmed.ncbi.nlm.nih.gov/1/\n",
      d);
  const EvidenceGraph g = build_graph(std::span(&e, 1));
  const Parsed parsed = read_dot(to_dot(g));
  std::set<std::string> tooltips;
  for (Agedge_t* edge : real_edges(parsed.get())) {
    const std::string cls = attr(edge, "class");
    if (cls == "concerns" || cls == "reports") tooltips.insert(unescape(attr(edge, "tooltip")));
  }
  CHECK(tooltips == std::set<std::string>{"concerns \u201CVeterans\u201D at 0",
                                          "concerns \u201Cyoung people\u201D at 13",
                                          "reports \u201Cself-esteem\u201D at 33"});
}
