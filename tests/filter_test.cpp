#include <catch2/catch.hpp>
#include <set>
#include <sstream>
#include <string>

#include "test_support.hpp"

namespace {

using namespace evgraph;
using test::make_claim;
using test::make_node;
using test::make_source;

// A document asserting three claims: one about veterans citing two works, one about students citing
// one, one commentary claim citing nothing; a work listed and cited by no claim.
EvidenceGraph sample() {
  EvidenceGraph g;
  const Vertex doc = g.add_node(make_node("document:a.md", NodeType::document, "a.md"));
  const Vertex veterans_claim = g.add_node(make_claim("claim:v", "Groups help veterans."));
  const Vertex students_claim = g.add_node(make_claim("claim:s", "Groups help students."));
  const Vertex commentary =
      g.add_node(make_claim("claim:c", "Here is what I found.", ClaimKind::commentary));
  const Vertex one = g.add_node(make_source("source:url:a.example/1", "https://a.example/1"));
  const Vertex two = g.add_node(make_source("source:url:a.example/2", "https://a.example/2"));
  const Vertex listed = g.add_node(make_source("source:url:a.example/3", "https://a.example/3"));
  const Vertex veterans =
      g.add_node(make_node("population:veterans", NodeType::population, "Veterans"));
  const Vertex students =
      g.add_node(make_node("population:students", NodeType::population, "Students"));
  const Vertex wellbeing =
      g.add_node(make_node("outcome:wellbeing", NodeType::outcome, "Wellbeing"));
  for (Vertex claim : {veterans_claim, students_claim, commentary}) {
    g.add_edge(doc, claim, make_edge(EdgeType::asserts));
  }
  for (Vertex source : {one, two, listed}) g.add_edge(doc, source, make_edge(EdgeType::lists));
  g.add_edge(veterans_claim, one, make_edge(EdgeType::cites, {"1"}));
  g.add_edge(veterans_claim, two, make_edge(EdgeType::cites, {"2"}));
  g.add_edge(students_claim, two, make_edge(EdgeType::cites, {"2"}));
  g.add_edge(veterans_claim, veterans, make_edge(EdgeType::concerns));
  g.add_edge(veterans_claim, wellbeing, make_edge(EdgeType::reports));
  g.add_edge(students_claim, students, make_edge(EdgeType::concerns));
  g.add_edge(students_claim, wellbeing, make_edge(EdgeType::reports));
  return g;
}

std::set<std::string> ids(const EvidenceGraph& g) {
  std::set<std::string> out;
  for (Vertex v = 0; v < g.node_count(); ++v) out.emplace(g.node(v).id);
  return out;
}

}  // namespace

TEST_CASE("an empty filter keeps the graph as it is", "[filter]") {
  const EvidenceGraph g = sample();
  const EvidenceGraph kept = filter_graph(g, {});
  CHECK(kept.node_count() == g.node_count());
  CHECK(kept.edge_count() == g.edge_count());
  std::ostringstream a;
  std::ostringstream b;
  write_json(g, a);
  write_json(kept, b);
  CHECK(a.str() == b.str());
}

TEST_CASE("only a concept keeps its claims, their works and their concepts", "[filter]") {
  GraphFilter filter;
  filter.only = {"Veterans"};
  const EvidenceGraph kept = filter_graph(sample(), filter);
  CHECK(ids(kept) == std::set<std::string>{"claim:v", "source:url:a.example/1",
                                           "source:url:a.example/2", "population:veterans",
                                           "outcome:wellbeing"});
  CHECK(kept.edge_count() == 4);  // two cites, concerns, reports
  filter.only = {"population:veterans", "Students"};
  CHECK(filter_graph(sample(), filter).node_count() == 7);
  filter.only = {"claim:v"};
  CHECK_THROWS_WITH(filter_graph(sample(), filter),
                    Catch::Contains("names a claim; it takes a population, intervention"));
  filter.only = {"nobody at all"};
  CHECK_THROWS_AS(filter_graph(sample(), filter), Error);
}

TEST_CASE("around a node keeps what lies within the depth, either way", "[filter]") {
  GraphFilter filter;
  filter.around = "source:url:a.example/2";
  filter.depth = 1;
  CHECK(ids(filter_graph(sample(), filter)) ==
        std::set<std::string>{"source:url:a.example/2", "claim:v", "claim:s", "document:a.md"});
  filter.depth = 0;
  CHECK(ids(filter_graph(sample(), filter)) == std::set<std::string>{"source:url:a.example/2"});
  filter.depth = 2;
  CHECK(filter_graph(sample(), filter).node_count() == sample().node_count());
}

TEST_CASE("types, commentary, cited-only and min-works narrow together", "[filter]") {
  GraphFilter filter;
  filter.types = {NodeType::claim, NodeType::source};
  EvidenceGraph kept = filter_graph(sample(), filter);
  CHECK(kept.node_count() == 6);
  CHECK(kept.edge_count() == 3);  // the cites edges
  filter.no_commentary = true;
  CHECK(ids(filter_graph(sample(), filter)).count("claim:c") == 0);
  filter = {};
  filter.cited_only = true;
  kept = filter_graph(sample(), filter);
  CHECK(ids(kept).count("claim:c") == 0);
  CHECK(ids(kept).count("source:url:a.example/3") == 0);
  CHECK(ids(kept).count("source:url:a.example/1") == 1);
  filter = {};
  filter.min_works = 2;
  kept = filter_graph(sample(), filter);
  CHECK(ids(kept).count("claim:v") == 1);
  CHECK(ids(kept).count("claim:s") == 0);
  CHECK(ids(kept).count("claim:c") == 0);
  CHECK(ids(kept).count("population:students") == 1);  // min-works narrows claims only
}
