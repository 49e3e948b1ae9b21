// The graphology / sigma.js export: its shape, Graphviz positions for every node, and that it
// carries what the node-link export carries.
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <utility>

#include "test_support.hpp"

namespace {

using namespace evgraph;
using test::make_claim;
using test::make_node;
using test::make_source;
using Json = nlohmann::ordered_json;

// One node of every type and a few edges, two of them joining the same nodes.
EvidenceGraph sample() {
  EvidenceGraph g;
  const Vertex doc = g.add_node(make_node("document:answer.md", NodeType::document, "answer.md"));
  const Vertex claim = g.add_node(
      make_claim("claim:00000000000000aa", "Peer support groups reduced loneliness in veterans."));
  const Vertex other = g.add_node(
      make_claim("claim:00000000000000bb", "Men's sheds improved wellbeing.", ClaimKind::finding));
  const Vertex pubmed =
      g.add_node(make_source("source:pubmed:123", "https://pubmed.ncbi.nlm.nih.gov/123/"));
  const Vertex veterans =
      g.add_node(make_node("population:veterans", NodeType::population, "veterans"));
  const Vertex groups =
      g.add_node(make_node("intervention:peer-groups", NodeType::intervention, "peer groups"));
  const Vertex lonely =
      g.add_node(make_node("outcome:loneliness", NodeType::outcome, "loneliness"));
  g.add_edge(doc, claim, make_edge(EdgeType::asserts));
  g.add_edge(doc, other, make_edge(EdgeType::asserts));
  g.add_edge(doc, pubmed, make_edge(EdgeType::lists, {"1"}));
  g.add_edge(claim, pubmed, make_edge(EdgeType::cites, {"1"}));
  g.add_edge(claim, veterans, make_edge(EdgeType::concerns));
  g.add_edge(claim, groups, make_edge(EdgeType::about));
  g.add_edge(claim, lonely, make_edge(EdgeType::reports));
  g.add_edge(claim, other, make_edge(EdgeType::similar_to, {}, false, 0.8));
  return g;
}

std::string graphology_text(const EvidenceGraph& g) {
  std::ostringstream out;
  write_graphology(g, out);
  return out.str();
}

Json node_link(const EvidenceGraph& g) {
  std::ostringstream out;
  write_json(g, out);
  return Json::parse(out.str());
}

}  // namespace

TEST_CASE("graphology export has graphology's serialized shape", "[export][graphology]") {
  const EvidenceGraph g = sample();
  const Json j = Json::parse(graphology_text(g));
  CHECK(j.at("attributes").at("generator") == generator());
  CHECK(j.at("attributes").at("layout") == "dot");
  CHECK(j.at("options") == Json{{"type", "directed"}, {"multi", false}, {"allowSelfLoops", false}});
  REQUIRE(j.at("nodes").size() == g.node_count());
  REQUIRE(j.at("edges").size() == g.edge_count());
  for (std::size_t i = 0; i < g.edge_count(); ++i) {
    CHECK(j.at("edges").at(i).at("key") == "e" + std::to_string(i));
  }
  const Json& claim = j.at("nodes").at(1);
  CHECK(claim.at("key") == "claim:00000000000000aa");
  CHECK(claim.at("attributes").at("color") == "#99DDFF");
  CHECK(claim.at("attributes").at("size") == Approx(4 + 2 * std::sqrt(6.0)).margin(0.01));
  CHECK(j.at("nodes").at(0).at("attributes").at("size") ==
        Approx(4 + 2 * std::sqrt(3.0)).margin(0.01));
  CHECK(j.at("nodes").at(6).at("attributes").at("color") == "#EE8866");
}

TEST_CASE("graphology nodes have distinct numeric positions from Graphviz",
          "[export][graphology]") {
  const Json j = Json::parse(graphology_text(sample()));
  std::set<std::pair<double, double>> positions;
  for (const Json& node : j.at("nodes")) {
    const Json& attributes = node.at("attributes");
    REQUIRE(attributes.at("x").is_number());
    REQUIRE(attributes.at("y").is_number());
    CHECK(std::isfinite(attributes.at("x").get<double>()));
    CHECK(std::isfinite(attributes.at("y").get<double>()));
    CHECK(attributes.at("size").is_number());
    positions.emplace(attributes.at("x").get<double>(), attributes.at("y").get<double>());
  }
  CHECK(positions.size() == j.at("nodes").size());
}

TEST_CASE("graphology positions follow the diagram's columns", "[export][graphology]") {
  // Sources left of the claims, concepts right of them, as in the SVG.
  const Json j = Json::parse(graphology_text(sample()));
  std::map<std::string, double> x;
  for (const Json& node : j.at("nodes")) {
    x[node.at("key").get<std::string>()] = node.at("attributes").at("x").get<double>();
  }
  CHECK(x.at("source:pubmed:123") < x.at("claim:00000000000000aa"));
  CHECK(x.at("claim:00000000000000aa") < x.at("outcome:loneliness"));
  CHECK(x.at("claim:00000000000000aa") < x.at("population:veterans"));
}

TEST_CASE("graphology export carries every node-link attribute", "[export][graphology]") {
  const EvidenceGraph g = sample();
  const Json j = Json::parse(graphology_text(g));
  const Json links = node_link(g);
  for (std::size_t i = 0; i < g.node_count(); ++i) {
    const Json& expected = links.at("nodes").at(i);
    const Json& node = j.at("nodes").at(i);
    CHECK(node.at("key") == expected.at("id"));
    for (const auto& [key, value] : expected.items()) {
      if (key == "id") continue;
      CHECK(node.at("attributes").at(key) == value);
    }
  }
  for (std::size_t i = 0; i < g.edge_count(); ++i) {
    const Json& expected = links.at("links").at(i);
    const Json& edge = j.at("edges").at(i);
    CHECK(edge.at("source") == expected.at("source"));
    CHECK(edge.at("target") == expected.at("target"));
    CHECK(edge.at("attributes").begin().key() == "type");
    for (const auto& [key, value] : expected.items()) {
      if (key == "source" || key == "target") continue;
      CHECK(edge.at("attributes").at(key) == value);
    }
  }
}

TEST_CASE("graphology export is deterministic", "[export][graphology]") {
  const EvidenceGraph g = sample();
  CHECK(graphology_text(g) == graphology_text(g));
  CHECK(graphology_text(g) == graphology_text(sample()));
}

TEST_CASE("graphology options allow the parallel edges and self-loops a graph has",
          "[export][graphology]") {
  EvidenceGraph g = sample();
  g.add_edge(1, 3, make_edge(EdgeType::lists, {"1"}));  // a second edge claim → source
  g.add_edge(2, 2, make_edge(EdgeType::similar_to, {}, false, 1.0));
  const Json j = Json::parse(graphology_text(g));
  CHECK(j.at("options").at("multi") == true);
  CHECK(j.at("options").at("allowSelfLoops") == true);
}

TEST_CASE("graphology export of an empty graph", "[export][graphology]") {
  const Json j = Json::parse(graphology_text(EvidenceGraph{}));
  CHECK(j.at("nodes").empty());
  CHECK(j.at("edges").empty());
}

TEST_CASE("graphology is a format name and a .graphology.json extension", "[export][graphology]") {
  CHECK(format_from_name("graphology") == Format::graphology);
  CHECK(format_from_path("map.graphology.json") == Format::graphology);
  CHECK(to_string(Format::graphology) == "graphology");
  std::ostringstream direct;
  std::ostringstream dispatched;
  write_graphology(sample(), direct);
  write(sample(), Format::graphology, dispatched);
  CHECK(direct.str() == dispatched.str());
}

TEST_CASE("graphology lays out large graphs with sfdp", "[export][graphology]") {
  EvidenceGraph g;
  for (int i = 0; i < 2001; ++i) {
    g.add_node(make_node("outcome:" + std::to_string(i), NodeType::outcome, std::to_string(i)));
  }
  for (Vertex v = 1; v < g.node_count(); ++v) {
    g.add_edge(v - 1, v, make_edge(EdgeType::similar_to, {}, false, 0.5));
  }
  const std::string text = graphology_text(g);
  const Json j = Json::parse(text);
  CHECK(j.at("attributes").at("layout") == "sfdp");
  REQUIRE(j.at("nodes").size() == g.node_count());
  CHECK(j.at("nodes").at(2000).at("attributes").at("x").is_number());
  CHECK(text == graphology_text(g));
}
