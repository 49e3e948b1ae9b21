#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

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
    pairs.push_back({std::string(g.node(boost::source(e, g.graph())).text),
                     std::string(g.node(boost::target(e, g.graph())).text),
                     g.edge(e).score.value_or(0)});
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

TEST_CASE("the indexed search finds exactly the pairs a comparison of every pair finds",
          "[similarity]") {
  // 3,000 claims on 300 topics of 8 words each (each topic word in about 10 claims), most with
  // some of 20 words found in hundreds of claims (common: they count but do not propose), and one
  // claim in ten made of common words only. The reference compares every pair by the rule in
  // graph.hpp.
  constexpr std::size_t kClaims = 3000;
  constexpr std::uint32_t kCommon = 20;
  constexpr std::uint32_t kTopics = 300;
  constexpr std::uint32_t kWords = kCommon + kTopics * 8;
  std::uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(state >> 33);
  };
  std::vector<std::vector<std::uint32_t>> sets;
  const evgraph::Lexicon lexicon;
  evgraph::EvidenceBuilder builder("a.txt", "answer", lexicon);
  for (std::size_t i = 0; i < kClaims; ++i) {
    std::vector<std::uint32_t> words;
    const bool common_only = next() % 10 == 0;
    const std::uint32_t topic = next() % kTopics;
    for (std::uint32_t k = 0; k < 8 && !common_only; ++k) {
      if (next() % 4 != 0) words.push_back(kCommon + topic * 8 + k);
    }
    for (std::uint32_t k = 0; k < kCommon; ++k) {
      if (next() % (common_only ? 2 : 4) == 0) words.push_back(k);
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    std::string text;
    for (std::uint32_t word : words) text += "qa" + std::to_string(word) + " ";
    text += "zz" + std::to_string(i);  // a word of its own: distinct texts, one claim each
    words.push_back(kWords + static_cast<std::uint32_t>(i));
    sets.push_back(words);
    builder.add_claim(text, {});
  }
  const std::vector<evgraph::Evidence> evidence = {builder.finish()};
  const evgraph::EvidenceGraph g = evgraph::build_graph(evidence);

  std::vector<std::size_t> frequency(kWords + kClaims, 0);
  for (const auto& words : sets) {
    for (std::uint32_t word : words) ++frequency[word];
  }
  const auto common = static_cast<std::size_t>(
      std::max(100.0, evgraph::kSimilarCommonShare * static_cast<double>(kClaims)));
  std::set<std::pair<std::size_t, std::size_t>> expected;
  std::size_t held_back = 0;  // pairs alike in common words only
  for (std::size_t a = 0; a < kClaims; ++a) {
    for (std::size_t b = a + 1; b < kClaims; ++b) {
      std::size_t shared = 0;
      bool proposing = false;
      for (std::uint32_t word : sets[a]) {
        if (std::binary_search(sets[b].begin(), sets[b].end(), word)) {
          ++shared;
          proposing = proposing || frequency[word] <= common;
        }
      }
      const double coefficient = static_cast<double>(shared) /
                                 static_cast<double>(std::min(sets[a].size(), sets[b].size()));
      if (shared >= evgraph::kSimilarMinShared && coefficient >= evgraph::kSimilarThreshold) {
        if (proposing) {
          expected.emplace(a, b);
        } else {
          ++held_back;
        }
      }
    }
  }
  std::set<std::pair<std::size_t, std::size_t>> found;
  auto claim_number = [&](evgraph::Vertex v) {
    const std::string_view text = g.node(v).text;
    return static_cast<std::size_t>(std::stoul(std::string(text.substr(text.rfind("zz") + 2))));
  };
  for (auto e : boost::make_iterator_range(boost::edges(g.graph()))) {
    if (g.edge(e).type != evgraph::EdgeType::similar_to) continue;
    const std::size_t a = claim_number(boost::source(e, g.graph()));
    const std::size_t b = claim_number(boost::target(e, g.graph()));
    found.emplace(std::min(a, b), std::max(a, b));
  }
  CHECK(std::any_of(frequency.begin(), frequency.end(), [&](std::size_t f) { return f > common; }));
  CHECK(expected.size() > 1000);
  CHECK(held_back > 100);
  CHECK(found == expected);
}
