#include <catch2/catch.hpp>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

#include "evgraph/analysis.hpp"
#include "test_support.hpp"

namespace {

using evgraph::EdgeType;
using evgraph::NodeType;
using evgraph::test::make_claim;
using evgraph::test::make_node;
using evgraph::test::make_source;

// Three findings and a commentary claim:
//   c1: veterans, peer groups → isolation; cites w1, w2
//   c2: veterans, peer groups → isolation, wellbeing; cites w2
//   c3: students → self-esteem (no intervention); cites w3
//   c4 (commentary): students, peer groups → wellbeing
evgraph::EvidenceGraph sample() {
  evgraph::EvidenceGraph g;
  const auto add = [&](evgraph::Node node) { return g.add_node(std::move(node)); };
  const auto c1 = add(make_claim("claim:1", "Peer groups reduce isolation among veterans."));
  const auto c2 = add(make_claim("claim:2", "Veterans in peer groups feel less isolated, better."));
  const auto c3 = add(make_claim("claim:3", "Students gain self-esteem."));
  const auto c4 = add(make_claim("claim:4", "The search found little on students.",
                                 evgraph::ClaimKind::commentary));
  const auto w1 = add(make_source("source:url:a", "https://a.example/"));
  const auto w2 = add(make_source("source:url:b", "https://b.example/"));
  const auto w3 = add(make_source("source:url:c", "https://c.example/"));
  const auto veterans = add(make_node("population:veterans", NodeType::population, "Veterans"));
  const auto students = add(make_node("population:students", NodeType::population, "Students"));
  const auto peer = add(make_node("intervention:peer", NodeType::intervention, "Peer groups"));
  const auto isolation = add(make_node("outcome:isolation", NodeType::outcome, "Isolation"));
  const auto wellbeing = add(make_node("outcome:wellbeing", NodeType::outcome, "Wellbeing"));
  const auto esteem = add(make_node("outcome:self-esteem", NodeType::outcome, "Self-esteem"));
  add(make_node("outcome:sleep", NodeType::outcome, "Sleep"));  // no claim: left out
  const auto link = [&](evgraph::Vertex from, evgraph::Vertex to, EdgeType type) {
    g.add_edge(from, to, evgraph::make_edge(type));
  };
  link(c1, veterans, EdgeType::concerns);
  link(c1, peer, EdgeType::about);
  link(c1, isolation, EdgeType::reports);
  link(c1, w1, EdgeType::cites);
  link(c1, w2, EdgeType::cites);
  link(c2, veterans, EdgeType::concerns);
  link(c2, peer, EdgeType::about);
  link(c2, isolation, EdgeType::reports);
  link(c2, wellbeing, EdgeType::reports);
  link(c2, w2, EdgeType::cites);
  link(c3, students, EdgeType::concerns);
  link(c3, esteem, EdgeType::reports);
  link(c3, w3, EdgeType::cites);
  link(c4, students, EdgeType::concerns);
  link(c4, peer, EdgeType::about);
  link(c4, wellbeing, EdgeType::reports);
  return g;
}

// "from → to" → (works, claims)
std::map<std::string, std::pair<std::size_t, std::size_t>> evidence_of(
    const evgraph::EvidenceGraph& g) {
  std::map<std::string, std::pair<std::size_t, std::size_t>> found;
  for (auto e : boost::make_iterator_range(boost::edges(g.graph()))) {
    const evgraph::EdgeView edge = g.edge(e);
    CHECK(edge.type == EdgeType::evidence);
    found[std::string(g.node(g.graph().source(e)).id) + " → " +
          std::string(g.node(g.graph().target(e)).id)] = {edge.works, edge.claims};
  }
  return found;
}

}  // namespace

TEST_CASE("the summary view folds claims into evidence edges between their concepts",
          "[summary][analysis]") {
  const evgraph::EvidenceGraph summary = evgraph::summary_graph(sample());
  using Counts = std::pair<std::size_t, std::size_t>;
  const std::map<std::string, Counts> expected = {
      // c1 and c2: two claims, works w1 and w2
      {"population:veterans → intervention:peer", {2, 2}},
      {"intervention:peer → outcome:isolation", {2, 2}},
      // c2 alone
      {"intervention:peer → outcome:wellbeing", {1, 1}},
      // c3 names no intervention: population → outcome
      {"population:students → outcome:self-esteem", {1, 1}},
  };
  CHECK(evidence_of(summary) == expected);
  // The concepts findings name, in vertex order; the commentary adds nothing, "Sleep" is unclaimed.
  std::vector<std::string> ids;
  for (auto v : boost::make_iterator_range(boost::vertices(summary.graph()))) {
    ids.emplace_back(summary.node(v).id);
  }
  CHECK(ids == std::vector<std::string>{"population:veterans", "population:students",
                                        "intervention:peer", "outcome:isolation",
                                        "outcome:wellbeing", "outcome:self-esteem"});
}

TEST_CASE("a summary view exports its weights and reads back", "[summary][export]") {
  const evgraph::EvidenceGraph summary = evgraph::summary_graph(sample());
  std::ostringstream json, dot, graphml;
  evgraph::write_json(summary, json);
  CHECK_THAT(json.str(), Catch::Contains(R"("source":"population:veterans","target":)"
                                         R"("intervention:peer","type":"evidence","works":2,)"
                                         R"("claims":2})"));
  evgraph::Diagnostics d;
  const auto back = evgraph::read_graph_json(evgraph::make_text("s.json", json.str(), d), d);
  std::ostringstream again;
  evgraph::write_json(back, again);
  CHECK(again.str() == json.str());

  evgraph::write_dot(summary, dot);
  CHECK_THAT(dot.str(), Catch::Contains("penwidth=3") &&
                            Catch::Contains("label=\"2 works (2 claims)\"") &&
                            Catch::Contains("evidence: 1 work, 1 claim"));
  // Columns left to right as the edges run: populations, interventions, outcomes.
  const std::string text = dot.str();
  const auto column_of = [&](std::string_view id) {
    const std::size_t at = text.find(std::string(id) + ";", text.find("subgraph \"column "));
    const std::size_t column = text.rfind("subgraph \"column ", at);
    return at == std::string::npos || column == std::string::npos ? std::string()
                                                                  : text.substr(column + 17, 1);
  };
  CHECK(column_of("\"population:veterans\"") == "1");
  CHECK(column_of("\"intervention:peer\"") == "2");
  CHECK(column_of("\"outcome:wellbeing\"") == "3");
  CHECK(text.find("subgraph \"column 4\"") == std::string::npos);
  evgraph::write_graphml(summary, graphml);
  CHECK_THAT(graphml.str(), Catch::Contains(R"(attr.name="works" attr.type="int")"));
}
