#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace {

std::size_t count_edges(const evgraph::EvidenceGraph& g, evgraph::EdgeType type) {
  std::size_t n = 0;
  for (auto e : boost::make_iterator_range(boost::edges(g.graph()))) n += g.edge(e).type == type;
  return n;
}

}  // namespace

TEST_CASE("building typed nodes and edges from evidence", "[graph]") {
  evgraph::Diagnostics d;
  const auto e = evgraph::test::extract_string(
      "Veterans gained self-esteem.[1][2]\nCitations:\n"
      "[1] https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1/ [2] "
      "https://pubmed.ncbi.nlm.nih.gov/2/\n",
      d);
  const auto g = evgraph::build_graph(std::span(&e, 1));
  const auto doc = g.find("document:answer.txt");
  REQUIRE(doc);
  CHECK(g.node(*doc).label == "answer.txt");
  const auto claim = g.find(e.claims.at(0).id);
  REQUIRE(claim);
  CHECK(g.node(*claim).type == evgraph::NodeType::claim);
  CHECK(g.node(*claim).occurrences.size() == 1);
  CHECK(evgraph::test::to_vector(g.node(*claim).occurrences[0].markers) ==
        std::vector<std::string>{"1", "2"});
  const auto pmc = g.find("source:pmc:PMC1");
  REQUIRE(pmc);
  CHECK(g.node(*pmc).label == "PMC1");
  CHECK(g.node(*pmc).url == "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1/");
  CHECK(g.find("population:veterans"));
  CHECK(count_edges(g, evgraph::EdgeType::asserts) == 1);
  CHECK(count_edges(g, evgraph::EdgeType::lists) == 2);
  CHECK(count_edges(g, evgraph::EdgeType::cites) == 2);
  CHECK(count_edges(g, evgraph::EdgeType::concerns) == 1);
  CHECK(count_edges(g, evgraph::EdgeType::reports) == 1);
}

TEST_CASE("the same claim and source in two documents are one node each", "[graph]") {
  evgraph::Diagnostics d;
  const std::string answer =
      "Groups help.[1]\nCitations:\n[1] https://pubmed.ncbi.nlm.nih.gov/9/\n";
  std::vector<evgraph::Evidence> all;
  all.push_back(evgraph::extract(evgraph::test::parse_string(answer, d, "a.txt"),
                                 evgraph::default_lexicon(), d));
  all.push_back(evgraph::extract(evgraph::test::parse_string(answer, d, "b.txt"),
                                 evgraph::default_lexicon(), d));
  const auto g = evgraph::build_graph(all);
  CHECK(g.node_count() == 4);  // 2 documents, 1 claim, 1 source
  const auto claim = g.find(all[0].claims.at(0).id);
  REQUIRE(claim);
  CHECK(g.node(*claim).occurrences.size() == 2);
  CHECK(count_edges(g, evgraph::EdgeType::cites) == 1);
  CHECK(count_edges(g, evgraph::EdgeType::asserts) == 2);
}

TEST_CASE("adding an edge twice merges its markers", "[graph]") {
  evgraph::EvidenceGraph g;
  evgraph::Node a;
  a.id = "claim:1";
  a.type = evgraph::NodeType::claim;
  evgraph::Node b;
  b.id = "source:url:x";
  b.type = evgraph::NodeType::source;
  const auto va = g.add_node(a);
  const auto vb = g.add_node(b);
  g.add_edge(va, vb, evgraph::make_edge(evgraph::EdgeType::cites, {"1"}, false, {}));
  const auto e = g.add_edge(va, vb, evgraph::make_edge(evgraph::EdgeType::cites, {"3"}, true, {}));
  CHECK(g.edge_count() == 1);
  CHECK(evgraph::test::to_vector(g.edge(e).markers) == std::vector<std::string>{"1", "3"});
  CHECK(g.edge(e).ambiguous);
  CHECK(g.add_node(a) == va);
  CHECK(g.node_count() == 2);
}

TEST_CASE("an edge added again is found whether its node has few out-edges or many", "[graph]") {
  // A node's first out-edges are found by walking them; past 16 they are indexed. Every edge
  // here is added twice, before and after that point, with a marker each time.
  evgraph::EvidenceGraph g;
  evgraph::Node doc;
  doc.id = "document:d";
  const auto from = g.add_node(doc);
  std::vector<evgraph::Vertex> targets;
  for (int i = 0; i < 40; ++i) {
    evgraph::Node source;
    source.id = "source:url:" + std::to_string(i);
    source.type = evgraph::NodeType::source;
    targets.push_back(g.add_node(source));
  }
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 40; ++i) {
      g.add_edge(from, targets[static_cast<std::size_t>(i)],
                 evgraph::make_edge(evgraph::EdgeType::lists, {std::to_string(round)}));
      if (i % 2 == 0)
        g.add_edge(from, targets[static_cast<std::size_t>(i)],
                   evgraph::make_edge(evgraph::EdgeType::asserts));
    }
  }
  CHECK(g.edge_count() == 60);
  CHECK(count_edges(g, evgraph::EdgeType::lists) == 40);
  for (auto e : boost::make_iterator_range(boost::edges(g.graph()))) {
    const auto edge = g.edge(e);
    if (edge.type == evgraph::EdgeType::lists) {
      CHECK(evgraph::test::to_vector(edge.markers) == std::vector<std::string>{"0", "1"});
    } else {
      CHECK(edge.markers.empty());
    }
  }
}

TEST_CASE("an edge keeps every field merged into it, whatever its type usually carries",
          "[graph]") {
  // asserts edges carry nothing; one given markers and a score (a hand-edited graph file) keeps
  // them, and a similar_to edge keeps its score.
  evgraph::EvidenceGraph g;
  evgraph::Node a;
  a.id = "document:a";
  evgraph::Node b;
  b.id = "claim:b";
  b.type = evgraph::NodeType::claim;
  const auto va = g.add_node(a);
  const auto vb = g.add_node(b);
  const auto plain = g.add_edge(va, vb, evgraph::make_edge(evgraph::EdgeType::asserts));
  CHECK(g.edge(plain).markers.empty());
  g.add_edge(va, vb, evgraph::make_edge(evgraph::EdgeType::asserts, {"7"}, false, 0.25));
  const auto merged = g.edge(plain);
  CHECK(evgraph::test::to_vector(merged.markers) == std::vector<std::string>{"7"});
  CHECK(merged.score == 0.25);
  const auto similar =
      g.add_edge(vb, va, evgraph::make_edge(evgraph::EdgeType::similar_to, {}, false, 0.5));
  CHECK(g.edge(similar).score == 0.5);
  CHECK(g.edge(similar).markers.empty());
}

TEST_CASE("a node keeps every field merged into it, whatever its type usually carries", "[graph]") {
  // Each type's fields live in a table of their own; a node given fields of another type (a
  // hand-edited graph file) keeps them all, and so does one that gains them by a merge.
  evgraph::EvidenceGraph g;
  evgraph::Node concept_node =
      evgraph::test::make_node("population:x", evgraph::NodeType::population, "x");
  concept_node.url = "https://x.org/";
  concept_node.path = "a.md";
  const auto vc = g.add_node(concept_node);
  CHECK(g.node(vc).url == "https://x.org/");
  CHECK(g.node(vc).path == "a.md");
  CHECK(g.node(vc).label == "x");

  evgraph::Node claim = evgraph::test::make_claim("claim:1", "Peer support helps.");
  const auto v = g.add_node(claim);
  evgraph::Node again = evgraph::test::make_claim("claim:1", "Peer support helps.");
  again.occurrences[0].line = 9;
  CHECK(g.add_node(again) == v);
  CHECK(g.node(v).occurrences.size() == 2);
  CHECK(evgraph::test::to_vector(g.node(v).occurrences[0].markers) ==
        std::vector<std::string>{"1"});
  CHECK(g.node(v).occurrences[1].line == 9);
  CHECK(g.node(v).occurrences[1].document == "answer.md");
  CHECK(g.node(v).text == "Peer support helps.");
  evgraph::Node far = evgraph::test::make_claim("claim:2", "Far down.");
  far.occurrences[0].line = std::size_t{1} << 40;
  CHECK(g.node(g.add_node(far)).occurrences[0].line == std::size_t{1} << 40);

  evgraph::Node source = evgraph::test::make_source("source:url:y", "https://y.org/");
  const auto vs = g.add_node(source);
  evgraph::Node more = evgraph::test::make_source("source:url:y", "https://y.org/2");
  more.title = "Y";
  CHECK(g.add_node(more) == vs);
  CHECK(evgraph::test::to_vector(g.node(vs).urls) ==
        std::vector<std::string>{"https://y.org/", "https://y.org/2"});
  CHECK(g.node(vs).title == "Y");
  CHECK(g.node(vs).text.empty());
  CHECK(g.node(vc).url == "https://x.org/");
}

TEST_CASE("a claim met again keeps each new occurrence once, in order, however often", "[graph]") {
  // Two claims met in turn, 40 times each (past the few occurrences walked to find a repeat), and
  // each occurrence given twice: every one kept once, in the order met, with its own markers.
  evgraph::EvidenceGraph g;
  std::vector<evgraph::Vertex> claims;
  for (int round = 0; round < 2; ++round) {
    for (std::size_t i = 1; i <= 40; ++i) {
      for (const char* id : {"claim:a", "claim:b"}) {
        evgraph::Node claim = evgraph::test::make_claim(id, "Peer support helps.");
        claim.occurrences[0].line = i;
        claim.occurrences[0].markers = {std::to_string(i)};
        if (i % 2 == 0) claim.occurrences[0].document = "other.md";
        claims.push_back(g.add_node(std::move(claim)));
      }
    }
  }
  REQUIRE(g.node_count() == 2);
  for (evgraph::Vertex v : {claims[0], claims[1]}) {
    const auto occurrences = g.node(v).occurrences;
    REQUIRE(occurrences.size() == 40);
    for (std::size_t i = 0; i < 40; ++i) {
      CHECK(occurrences[i].line == i + 1);
      CHECK(occurrences[i].document == (i % 2 == 1 ? "other.md" : "answer.md"));
      CHECK(evgraph::test::to_vector(occurrences[i].markers) ==
            std::vector<std::string>{std::to_string(i + 1)});
    }
  }
  // The same line of another document is another occurrence.
  evgraph::Node elsewhere = evgraph::test::make_claim("claim:a", "Peer support helps.");
  elsewhere.occurrences[0].document = "third.md";
  g.add_node(std::move(elsewhere));
  CHECK(g.node(claims[0]).occurrences.size() == 41);
  CHECK(g.node(claims[0]).occurrences[40].document == "third.md");
}

namespace {

// The graph of one answer text, read as `evgraph build` reads it.
evgraph::EvidenceGraph graph_of_answer(const std::string& text) {
  evgraph::Diagnostics diagnostics;
  const evgraph::Text input = evgraph::make_text("answer.md", text, diagnostics);
  std::vector<evgraph::Evidence> evidence;
  evidence.push_back(evgraph::extract(evgraph::parse_answer(input, diagnostics),
                                      evgraph::default_lexicon(), diagnostics));
  return evgraph::build_graph(std::move(evidence));
}

}  // namespace

TEST_CASE("a claim repeated 50,000 times in one answer is merged in linear time", "[graph]") {
  // Each repeat once copied every earlier occurrence: 20,000 took 80 s and gigabytes.
  std::string text = "Intro.\n\n";
  for (int i = 0; i < 50000; ++i) text += "Men gain.[" + std::to_string(i % 9 + 1) + "] ";
  text += "\n\n";
  for (int i = 1; i <= 9; ++i) {
    text += "[" + std::to_string(i) + "] https://a.example/" + std::to_string(i) + "\n";
  }
  const auto start = std::chrono::steady_clock::now();
  const evgraph::EvidenceGraph g = graph_of_answer(text);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(30));
  std::size_t claims = 0;
  for (evgraph::Vertex v = 0; v < g.node_count(); ++v) {
    if (g.node(v).type != evgraph::NodeType::claim) continue;
    ++claims;
    if (g.node(v).text == "Men gain.") CHECK(g.node(v).occurrences.size() == 50000);
  }
  CHECK(claims == 2);
}

TEST_CASE("an edge merged with one marker at a time keeps each once, in order", "[graph]") {
  // A lists edge and a cites edge growing in turn (so each outgrows its room in the pool while the
  // other holds the end), each marker given twice, past the few markers walked to find a repeat;
  // then a merge that gives the cite a quote, and more markers after it.
  evgraph::EvidenceGraph g;
  const auto document =
      g.add_node(evgraph::test::make_node("document:a.md", evgraph::NodeType::document, "a.md"));
  const auto claim = g.add_node(evgraph::test::make_claim("claim:1", "Peer support helps."));
  const auto source = g.add_node(evgraph::test::make_source("source:url:x", "https://x.org/"));
  std::vector<std::string> expected;
  evgraph::EdgeRef lists;
  evgraph::EdgeRef cites;
  for (int round = 0; round < 2; ++round) {
    for (int i = 1; i <= 40; ++i) {
      const std::string marker = std::to_string(i);
      if (round == 0) expected.push_back(marker);
      lists = g.add_edge(document, source,
                         evgraph::make_edge(evgraph::EdgeType::lists, {marker}, false, {}));
      cites = g.add_edge(claim, source,
                         evgraph::make_edge(evgraph::EdgeType::cites, {marker}, i == 7, {}));
    }
  }
  CHECK(g.edge_count() == 2);
  CHECK(evgraph::test::to_vector(g.edge(lists).markers) == expected);
  CHECK(evgraph::test::to_vector(g.edge(cites).markers) == expected);
  CHECK(g.edge(cites).ambiguous);
  evgraph::Edge quoted = evgraph::make_edge(evgraph::EdgeType::cites, {"41", "3"}, false, {});
  quoted.quote = "peer support";
  g.add_edge(claim, source, std::move(quoted));
  g.add_edge(claim, source, evgraph::make_edge(evgraph::EdgeType::cites, {"42", "41"}, false, {}));
  expected.push_back("41");
  expected.push_back("42");
  CHECK(evgraph::test::to_vector(g.edge(cites).markers) == expected);
  CHECK(g.edge(cites).quote == "peer support");
}

TEST_CASE("a list naming one work 50,000 times is merged in linear time", "[graph]") {
  // Each entry once copied every earlier marker of the document's lists edge: 20,000 entries took
  // 170 s and 8 GB.
  std::string text;
  for (int i = 1; i <= 50000; ++i) text += "Men gain [" + std::to_string(i) + "].\n";
  text += "\n";
  for (int i = 1; i <= 50000; ++i) text += "[" + std::to_string(i) + "] https://a.example/x\n";
  const auto start = std::chrono::steady_clock::now();
  const evgraph::EvidenceGraph g = graph_of_answer(text);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(30));
  std::size_t lists_markers = 0;
  std::size_t cites_markers = 0;
  for (const evgraph::EdgeRef e : boost::make_iterator_range(boost::edges(g.graph()))) {
    if (g.edge(e).type == evgraph::EdgeType::lists) lists_markers += g.edge(e).markers.size();
    if (g.edge(e).type == evgraph::EdgeType::cites) cites_markers += g.edge(e).markers.size();
  }
  CHECK(lists_markers == 50000);
  CHECK(cites_markers == 50000 - 300);  // [1800] … [2099] in prose are years, not markers
}

TEST_CASE("a cites edge keeps its markers when a merge gives it stance records", "[graph]") {
  // An answer's cites edge holds markers only; curated records added later move it to the table
  // of edges with records, its markers with it; markers of other edges stay as they were.
  evgraph::EvidenceGraph g;
  const auto claim = g.add_node(evgraph::test::make_claim("claim:1", "Peer support helps."));
  const auto x = g.add_node(evgraph::test::make_source("source:url:x", "https://x.org/"));
  const auto y = g.add_node(evgraph::test::make_source("source:url:y", "https://y.org/"));
  const auto ex = g.add_edge(claim, x, evgraph::make_edge(evgraph::EdgeType::cites, {"1"}));
  const auto ey = g.add_edge(claim, y, evgraph::make_edge(evgraph::EdgeType::cites, {"2", "3"}));
  evgraph::Edge curated = evgraph::make_edge(evgraph::EdgeType::cites, {"4"});
  curated.records.push_back({});
  curated.records.back().stance = evgraph::Stance::supports;
  CHECK(g.add_edge(claim, x, std::move(curated)) == ex);
  CHECK(evgraph::test::to_vector(g.edge(ex).markers) == std::vector<std::string>{"1", "4"});
  CHECK(g.edge(ex).stance == evgraph::Stance::supports);
  CHECK(evgraph::test::to_vector(g.edge(ey).markers) == std::vector<std::string>{"2", "3"});
  CHECK(g.add_edge(claim, y, evgraph::make_edge(evgraph::EdgeType::cites, {"3"}, true)) == ey);
  CHECK(evgraph::test::to_vector(g.edge(ey).markers) == std::vector<std::string>{"2", "3"});
  CHECK(g.edge(ey).ambiguous);
}

TEST_CASE("a concept edge's terms survive offsets too large for the compact table", "[graph]") {
  evgraph::EvidenceGraph g;
  const auto claim = g.add_node(evgraph::test::make_claim("claim:1", "Veterans."));
  const auto veterans = g.add_node(
      evgraph::test::make_node("population:veterans", evgraph::NodeType::population, "Veterans"));
  evgraph::Edge edge = evgraph::make_edge(evgraph::EdgeType::concerns);
  const std::size_t far = std::size_t{1} << 40;
  edge.terms = {{"veterans", far, {}}, {"Veterans", std::nullopt, "population"}};
  const auto e = g.add_edge(claim, veterans, evgraph::Edge(edge));
  CHECK(evgraph::test::to_vector(g.edge(e).terms) == edge.terms);
  // An iterator outlives the temporary view it came from.
  const auto first = g.edge(e).terms.begin();
  CHECK((*first).term == "veterans");
  const auto occurrence = g.node(claim).occurrences.begin();
  CHECK((*occurrence).document == "answer.md");
}

TEST_CASE("short labels cut at a word boundary on code points", "[graph]") {
  CHECK(evgraph::short_label("short", 60) == "short");
  CHECK(evgraph::short_label("one two three four", 10) == "one two\u2026");
  CHECK(evgraph::short_label("\u201C\u201C\u201C\u201C", 2) == "\u201C\u201C\u2026");
}

TEST_CASE("concept edges carry their terms, once however often the claim occurs", "[graph]") {
  evgraph::Diagnostics d;
  std::vector<evgraph::Evidence> all;
  all.push_back(evgraph::extract(
      evgraph::test::parse_string("Veterans and other veterans gained self-esteem.[1]\nCitations:\n"
                                  "[1] https://pubmed.ncbi.nlm.nih.gov/9/\n",
                                  d, "a.txt"),
      evgraph::default_lexicon(), d));
  // The same claim up to case: the same terms at the same places are not repeated.
  all.push_back(evgraph::extract(
      evgraph::test::parse_string("VETERANS and other veterans gained self-esteem.[1]\nCitations:\n"
                                  "[1] https://pubmed.ncbi.nlm.nih.gov/9/\n",
                                  d, "b.txt"),
      evgraph::default_lexicon(), d));
  const auto g = evgraph::build_graph(all);
  CHECK(count_edges(g, evgraph::EdgeType::concerns) == 1);
  for (auto e : boost::make_iterator_range(boost::edges(g.graph()))) {
    const auto& edge = g.edge(e);
    if (edge.type == evgraph::EdgeType::concerns) {
      CHECK(evgraph::test::to_vector(edge.terms) ==
            std::vector<evgraph::ConceptMatch>{{"Veterans", 0, {}}, {"veterans", 19, {}}});
    } else if (edge.type == evgraph::EdgeType::reports) {
      CHECK(evgraph::test::to_vector(edge.terms) ==
            std::vector<evgraph::ConceptMatch>{{"self-esteem", 35, {}}});
    } else {
      CHECK(edge.terms.empty());
    }
  }
}

TEST_CASE("claims whose short labels are alike get labels that tell them apart", "[graph]") {
  // Check-COVID's claims: two texts alike up to their last words.
  CHECK(evgraph::distinct_label("One type of COVID-19 test identifies coronavirus proteins in a "
                                "few seconds.",
                                61) ==
        "One type of COVID-19 test identifies\u2026 in a few seconds.");
  CHECK(evgraph::distinct_label("Bats' biological ability to detect cytosolic DNA in the body "
                                "helps them respond to and fight against viruses.",
                                87) ==
        "Bats' biological ability to\u2026 and fight against viruses.");
  // A difference in the first word leaves the short label.
  CHECK(evgraph::distinct_label("Clubs help men.", 0) == "Clubs help men.");

  evgraph::Diagnostics d;
  const std::string common =
      "A cross-sectional survey of older men in rural communities found that ";
  const auto e = evgraph::test::extract_string(
      common + "loneliness fell.[1]\n" + common + "loneliness rose.[1]\n" + common +
          "loneliness rose![1]\nShort and unique.[1]\nCitations:\n[1] https://x.org/a\n",
      d);
  const auto g = evgraph::build_graph(std::span(&e, 1));
  std::vector<std::string> labels;
  for (evgraph::Vertex v = 0; v < g.node_count(); ++v) {
    if (g.node(v).type == evgraph::NodeType::claim) labels.emplace_back(g.node(v).label);
  }
  CHECK(labels ==
        std::vector<std::string>{"A cross-sectional survey of older men in\u2026 loneliness fell.",
                                 "A cross-sectional survey of older men in\u2026 loneliness rose.",
                                 "A cross-sectional survey of older men in\u2026 loneliness rose!",
                                 "Short and unique."});
}
