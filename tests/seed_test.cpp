// The first user's document, graphs/men-peer-support/men-peer-support.txt, must become the graph
// that issue 2 states: these are those facts, checked through the library.
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <sstream>

#include "test_support.hpp"

namespace {

struct Seed {
  evgraph::Diagnostics diagnostics;
  evgraph::EvidenceGraph graph;
};

Seed build_seed() {
  Seed seed;
  const auto text = evgraph::read_text(evgraph::test::seed_path(), seed.diagnostics);
  const auto evidence = evgraph::extract(evgraph::parse_answer(text, seed.diagnostics),
                                         evgraph::default_lexicon(), seed.diagnostics);
  seed.graph = evgraph::build_graph(std::span(&evidence, 1));
  return seed;
}

std::vector<evgraph::Vertex> of_type(const evgraph::EvidenceGraph& g, evgraph::NodeType type) {
  std::vector<evgraph::Vertex> found;
  for (auto v : boost::make_iterator_range(boost::vertices(g.graph()))) {
    if (g.node(v).type == type) found.push_back(v);
  }
  return found;
}

evgraph::Vertex claim_containing(const evgraph::EvidenceGraph& g, std::string_view needle) {
  std::vector<evgraph::Vertex> hits;
  for (auto v : of_type(g, evgraph::NodeType::claim)) {
    if (g.node(v).text.find(needle) != std::string::npos) hits.push_back(v);
  }
  REQUIRE(hits.size() == 1);
  return hits[0];
}

std::vector<evgraph::EdgeRef> out_edges(const evgraph::EvidenceGraph& g, evgraph::Vertex v,
                                        evgraph::EdgeType type) {
  std::vector<evgraph::EdgeRef> found;
  for (auto e : boost::make_iterator_range(boost::out_edges(v, g.graph()))) {
    if (g.edge(e).type == type) found.push_back(e);
  }
  return found;
}

}  // namespace

TEST_CASE("seed has 12 claims two of them commentary and no marker residue", "[seed]") {
  const auto seed = build_seed();
  const auto& g = seed.graph;
  const auto claims = of_type(g, evgraph::NodeType::claim);
  CHECK(claims.size() == 12);
  std::set<std::string> commentary;
  for (auto v : claims) {
    const auto& text = g.node(v).text;
    CHECK(text.find('[') == std::string::npos);
    CHECK(text.find("2579") == std::string::npos);
    CHECK(text.find("57912") == std::string::npos);
    if (g.node(v).kind == evgraph::ClaimKind::commentary) commentary.emplace(text.substr(0, 20));
  }
  CHECK(commentary == std::set<std::string>{"The other search res", "While the other resu"});
}

TEST_CASE("seed has 18 distinct sources across its three lists", "[seed]") {
  const auto seed = build_seed();
  const auto& g = seed.graph;
  CHECK(of_type(g, evgraph::NodeType::source).size() == 18);
  for (const char* id :
       {"source:pmc:PMC10078724", "source:s2:dd20059151a1e37a4e9a4dc8e11ac38173524764",
        "source:s2:d69712a61c53f1711ba27fdf37cd159e311459f4",
        "source:s2:94258fb194083864998882376919329f6dcdc9dd", "source:pubmed:10609983",
        "source:s2:573bb33ad0ba8cf2833a9c847b6b3440293c2f38"}) {
    INFO(id);
    CHECK(g.find(id));
  }
}

TEST_CASE("seed has 12 cites edges with the duplicate 2 ambiguous", "[seed]") {
  const auto seed = build_seed();
  const auto& g = seed.graph;
  std::size_t cites = 0;
  std::map<std::string, std::size_t> cited_by;
  for (auto e : boost::make_iterator_range(boost::edges(g.graph()))) {
    if (g.edge(e).type != evgraph::EdgeType::cites) continue;
    ++cites;
    ++cited_by[std::string(g.node(boost::target(e, g.graph())).id)];
  }
  CHECK(cites == 12);
  CHECK(cited_by["source:pmc:PMC10078724"] == 3);
  const auto bridges = claim_containing(g, "Building Bridges");
  const auto edges = out_edges(g, bridges, evgraph::EdgeType::cites);
  REQUIRE(edges.size() == 2);
  for (auto e : edges) CHECK(g.edge(e).ambiguous);
  CHECK(out_edges(g, claim_containing(g, "cited above"), evgraph::EdgeType::cites).empty());
}

TEST_CASE("seed populations are each concerned by exactly the claim that names them", "[seed]") {
  const auto seed = build_seed();
  const auto& g = seed.graph;
  const std::map<std::string, std::string> expected = {
      {"population:veterans", "Taking Charge of My Life and Health"},
      {"population:indigenous-communities", "Building Bridges"},
      {"population:students", "male high school students"},
      {"population:low-ses-men", "men with low socioeconomic status"},
  };
  for (const auto& [population, needle] : expected) {
    INFO(population);
    const auto v = g.find(population);
    REQUIRE(v);
    std::vector<std::string> from;
    for (auto e : boost::make_iterator_range(boost::in_edges(*v, g.graph()))) {
      if (g.edge(e).type == evgraph::EdgeType::concerns) {
        from.emplace_back(g.node(boost::source(e, g.graph())).text);
      }
    }
    REQUIRE(from.size() == 1);
    CHECK_THAT(from[0], Catch::Contains(needle));
  }
  CHECK(g.find("intervention:building-bridges"));
  CHECK(g.find("intervention:taking-charge-of-my-life-and-health"));
}

// Issue 10: "Help-seeking" came only from the assistant's own sentence about its search.
TEST_CASE("seed commentary claims are about no concept", "[seed]") {
  const auto seed = build_seed();
  const auto& g = seed.graph;
  std::size_t commentary = 0;
  for (auto v : of_type(g, evgraph::NodeType::claim)) {
    if (g.node(v).kind != evgraph::ClaimKind::commentary) continue;
    ++commentary;
    INFO(g.node(v).text);
    for (auto type :
         {evgraph::EdgeType::concerns, evgraph::EdgeType::about, evgraph::EdgeType::reports}) {
      CHECK(out_edges(g, v, type).empty());
    }
  }
  CHECK(commentary == 2);
  CHECK_FALSE(g.find("outcome:help-seeking"));
  // The finding claims still are: "social support" is named by findings too.
  CHECK(g.find("outcome:social-support"));
}

TEST_CASE("seed concept edges say which words of the claim made them", "[seed]") {
  const auto seed = build_seed();
  const auto& g = seed.graph;
  std::size_t concept_edges = 0;
  for (auto e : boost::make_iterator_range(boost::edges(g.graph()))) {
    const auto& edge = g.edge(e);
    if (edge.type != evgraph::EdgeType::concerns && edge.type != evgraph::EdgeType::about &&
        edge.type != evgraph::EdgeType::reports) {
      CHECK(edge.terms.empty());
      continue;
    }
    ++concept_edges;
    const auto& text = g.node(boost::source(e, g.graph())).text;
    REQUIRE_FALSE(edge.terms.empty());
    for (const auto& match : edge.terms) {
      // `at` counts code points: the term is there, as written.
      REQUIRE(match.at);
      std::size_t byte = 0;
      for (std::size_t points = 0; points < *match.at && byte < text.size(); ++points) {
        ++byte;  // past the code point's lead byte and its continuation bytes
        while (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0) == 0x80)
          ++byte;
      }
      INFO(text << " / " << match.term);
      CHECK(text.compare(byte, match.term.size(), match.term) == 0);
    }
  }
  CHECK(concept_edges > 20);
  // "men with low socioeconomic status" is the Low-SES men claim's term, 4 code points in.
  const auto v = claim_containing(g, "men with low socioeconomic status");
  const auto edges = out_edges(g, v, evgraph::EdgeType::concerns);
  REQUIRE(edges.size() == 1);
  CHECK(evgraph::test::to_vector(g.edge(edges[0]).terms) ==
        std::vector<evgraph::ConceptMatch>{{"men with low socioeconomic status", 4, {}}});
}

TEST_CASE("seed warnings point at the lines of its quirks", "[seed]") {
  const auto seed = build_seed();
  std::multimap<std::string, std::size_t> lines;
  for (const auto& d : seed.diagnostics) lines.emplace(d.code, d.where.line);
  auto at = [&](const std::string& code, std::size_t line) {
    auto [first, last] = lines.equal_range(code);
    for (auto it = first; it != last; ++it) {
      if (it->second == line) return true;
    }
    return false;
  };
  CHECK(at("flattened-superscript", 5));
  CHECK(at("flattened-superscript", 18));
  CHECK(at("duplicate-citation", 8));
  CHECK(at("unused-citation", 11));
  CHECK(at("unused-list", 25));
  CHECK(at("uncited-claim", 18));
  CHECK(seed.diagnostics.size() == 6);
}

TEST_CASE("seed exports are byte-identical across builds", "[seed]") {
  std::ostringstream a;
  std::ostringstream b;
  evgraph::write_json(build_seed().graph, a);
  evgraph::write_json(build_seed().graph, b);
  CHECK(a.str() == b.str());
}
