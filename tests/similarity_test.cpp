#include <catch2/catch.hpp>

#include "test_support.hpp"

namespace {

struct Pair {
  std::string from;
  std::string to;
  double score;
};

std::vector<Pair> similar_pairs(const evgraph::EvidenceGraph& g) {
  std::vector<Pair> pairs;
  for (auto e : boost::make_iterator_range(boost::edges(g.graph()))) {
    if (g.edge(e).type != evgraph::EdgeType::similar_to) continue;
    pairs.push_back({g.node(boost::source(e, g.graph())).text,
                     g.node(boost::target(e, g.graph())).text, g.edge(e).score.value_or(0)});
  }
  return pairs;
}

bool has_pair(const std::vector<Pair>& pairs, std::string_view a, std::string_view b) {
  for (const Pair& pair : pairs) {
    if (pair.from.starts_with(a) && pair.to.starts_with(b)) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("the measure is the overlap of content words", "[similarity]") {
  CHECK(evgraph::claim_similarity("Peer groups reduce isolation among veterans",
                                  "Veterans' peer groups reduce isolation") == Approx(1.0));
  CHECK(evgraph::claim_similarity("The cat sat", "A dog ran") == 0.0);
  CHECK(evgraph::claim_similarity("", "anything") == 0.0);
}

TEST_CASE("the seed's near-duplicate pairs are linked and no others", "[similarity][seed]") {
  evgraph::Diagnostics diagnostics;
  const std::vector<evgraph::Evidence> evidence = {evgraph::extract(
      evgraph::parse_answer(evgraph::read_text(evgraph::test::seed_path(), diagnostics),
                            diagnostics),
      evgraph::default_lexicon(), diagnostics)};
  const evgraph::EvidenceGraph g = evgraph::build_graph(evidence);
  const std::vector<Pair> pairs = similar_pairs(g);
  // The first answer's first paragraph against the second answer's first and third.
  CHECK(has_pair(pairs, "This study explored men", "Support groups help reduce feelings"));
  CHECK(has_pair(pairs, "This study explored men", "The group setting allows men to reconstruct"));
  CHECK(has_pair(pairs, "This study describes the benefits of men",
                 "Men\u2019s peer mutual support groups provide"));
  CHECK(has_pair(pairs, "The other search results provide", "While the other results provide"));
  CHECK(pairs.size() == 4);
  for (const Pair& pair : pairs) {
    CHECK(pair.score >= evgraph::kSimilarThreshold);
    CHECK(pair.score <= 1.0);
  }
}

TEST_CASE("claims sharing only common words are not similar", "[similarity]") {
  const evgraph::Lexicon lexicon;
  evgraph::EvidenceBuilder builder("a.txt", "answer", lexicon);
  builder.add_claim("Peer support groups help men cope with stress at work.", {});
  builder.add_claim("Peer support groups help women find jobs after prison.", {});
  builder.add_claim("Peer support groups help men cope with stress at home.", {});
  const std::vector<evgraph::Evidence> evidence = {builder.finish()};
  const std::vector<Pair> pairs = similar_pairs(evgraph::build_graph(evidence));
  REQUIRE(pairs.size() == 1);
  CHECK(pairs.front().from.ends_with("at work."));
  CHECK(pairs.front().to.ends_with("at home."));
}
