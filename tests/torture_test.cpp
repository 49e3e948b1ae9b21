// The escaping torture graph (tests/fixtures/torture/torture.json), built in-process as
// `evgraph build` builds it, written as DOT and read back through cgraph's own parser: every node
// keeps its id, label, tooltip and class, every edge its ends and class, and only http(s) sources
// become links.
#include <graphviz/cgraph.h>

#include <boost/range/iterator_range.hpp>
#include <catch2/catch.hpp>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "dot_reading.hpp"
#include "test_support.hpp"

namespace {

using namespace evgraph;
using test::attr;
using test::shown;
using test::unescape;

struct GraphCloser {
  void operator()(Agraph_t* graph) const noexcept { agclose(graph); }
};
using Parsed = std::unique_ptr<Agraph_t, GraphCloser>;

EvidenceGraph torture_graph() {
  Diagnostics diagnostics;
  const Text text = read_text(
      std::string(EVGRAPH_SOURCE_DIR) + "/tests/fixtures/torture/torture.json", diagnostics);
  const Evidence evidence =
      read_evidence(text, std::nullopt, FieldMap{}, default_lexicon(), diagnostics);
  return build_graph(std::span(&evidence, 1), &diagnostics);
}

// What DOT may carry of a text: C0 controls other than tab and line feed become U+FFFD, and line
// breaks (evgraph's wrapping) read as spaces.
std::string drawable(std::string_view text, bool unwrap) {
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\n' && c != '\t') {
      out += "\xEF\xBF\xBD";
    } else {
      out += unwrap && c == '\n' ? ' ' : c;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("the torture graph holds the fixture's hostile texts", "[export][torture]") {
  const EvidenceGraph g = torture_graph();
  std::map<std::string, std::size_t> claims;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g.graph()))) {
    if (g.node(v).type == NodeType::claim) claims.emplace(g.node(v).text, v);
  }
  CHECK(claims.size() == 20);
  CHECK(claims.count("node") == 1);
  CHECK(claims.count("A back\\slash, a double \\\\ backslash and a trailing backslash \\") == 1);
  CHECK(claims.count("<script>alert(1)</script> must stay text, as must <b>bold</b> and "
                     "<!-- a comment -->.") == 1);
  CHECK(claims.count("A bell \a, a start of heading \x01, an escape \x1B[31m, a vertical tab \v "
                     "and a delete \x7F.") == 1);
}

TEST_CASE("cgraph reads every torture node back as it was written", "[export][torture]") {
  const EvidenceGraph g = torture_graph();
  const std::string dot = to_dot(g);
  const Parsed parsed(agmemread(dot.c_str()));
  REQUIRE(parsed);
  CHECK(static_cast<std::size_t>(agnnodes(parsed.get())) == g.node_count());
  std::map<std::string, Agnode_t*> nodes;
  for (Agnode_t* n = agfstnode(parsed.get()); n != nullptr; n = agnxtnode(parsed.get(), n)) {
    nodes.emplace(unescape(attr(n, "id")), n);
  }
  for (Vertex v : boost::make_iterator_range(boost::vertices(g.graph()))) {
    const NodeView node = g.node(v);
    INFO(node.id);
    REQUIRE(nodes.count(std::string(node.id)) == 1);
    Agnode_t* n = nodes.at(std::string(node.id));
    CHECK(std::string(agnameof(n)) == node.id);
    CHECK(drawable(shown(attr(n, "label"), false), true) == drawable(node.label, true));
    const bool commentary = node.type == NodeType::claim && node.kind == ClaimKind::commentary;
    // A finding citing nothing and a source no claim cites are drawn apart ("uncited").
    bool cited = false;
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g.graph()))) {
      cited = cited || g.edge(e).type == evgraph::EdgeType::cites;
    }
    for (auto e : boost::make_iterator_range(boost::in_edges(v, g.graph()))) {
      cited = cited || g.edge(e).type == evgraph::EdgeType::cites;
    }
    const bool uncited =
        !commentary && !cited && (node.type == NodeType::claim || node.type == NodeType::source);
    CHECK(attr(n, "class") == (commentary ? "claim commentary"
                               : uncited  ? std::string(to_string(node.type)) + " uncited"
                                          : std::string(to_string(node.type))));
    const std::string tooltip = shown(attr(n, "tooltip"), true);
    if (node.type == NodeType::claim) {
      CHECK(tooltip.starts_with(drawable(node.text, false) + "\n\n"));
    } else if (node.type == NodeType::source) {
      CHECK(tooltip.ends_with(drawable(node.url.empty() ? node.id : node.url, false)));
    }
    const std::string url = attr(n, "URL");
    if (node.type == NodeType::source && node.url.starts_with("https://")) {
      CHECK(url.starts_with("https://example.org/"));
      CHECK(url.find_first_of("\"<> ") == std::string::npos);
    } else {
      CHECK(url.empty());
    }
  }
}

TEST_CASE("cgraph reads every torture edge back with its ends and class", "[export][torture]") {
  const EvidenceGraph g = torture_graph();
  const std::string dot = to_dot(g);
  const Parsed parsed(agmemread(dot.c_str()));
  REQUIRE(parsed);
  CHECK(static_cast<std::size_t>(agnedges(parsed.get())) == g.edge_count());
  std::map<std::string, Agedge_t*> edges;
  for (Agnode_t* n = agfstnode(parsed.get()); n != nullptr; n = agnxtnode(parsed.get(), n)) {
    for (Agedge_t* e = agfstout(parsed.get(), n); e != nullptr; e = agnxtout(parsed.get(), e)) {
      edges.emplace(attr(e, "id"), e);
    }
  }
  std::size_t index = 0;
  for (EdgeRef e : boost::make_iterator_range(boost::edges(g.graph()))) {
    const EdgeView edge = g.edge(e);
    const std::string id = "link" + std::to_string(index++);
    INFO(id);
    REQUIRE(edges.count(id) == 1);
    Agedge_t* read = edges.at(id);
    CHECK(unescape(attr(agtail(read), "id")) == g.node(boost::source(e, g.graph())).id);
    CHECK(unescape(attr(aghead(read), "id")) == g.node(boost::target(e, g.graph())).id);
    const bool ambiguous = edge.type == EdgeType::cites && edge.ambiguous;
    CHECK(attr(read, "class") ==
          std::string(to_string(edge.type)) + (ambiguous ? " ambiguous" : ""));
  }
}
