#include <catch2/catch.hpp>

#include "test_support.hpp"

using evgraph::Evidence;
using evgraph::EvidenceBuilder;
using evgraph::SourceRecord;

namespace {

SourceRecord cited_url(std::string url) {
  SourceRecord source;
  source.identity = evgraph::identify_source(url);
  source.url = std::move(url);
  source.label = "1";
  return source;
}

Evidence answer_citing(std::string name, std::string url) {
  const evgraph::Lexicon lexicon;
  EvidenceBuilder builder(std::move(name), "answer", lexicon);
  const std::size_t claim = builder.add_claim("Peer groups reduce isolation.", {"a.txt", 1, 1});
  const std::size_t source = builder.add_source(cited_url(std::move(url)));
  builder.cite(claim, source).markers.push_back("1");
  return builder.finish();
}

Evidence bibliography(std::vector<SourceRecord> entries) {
  const evgraph::Lexicon lexicon;
  EvidenceBuilder builder("refs.bib", "bibtex", lexicon);
  for (SourceRecord& entry : entries) builder.add_source(std::move(entry));
  return builder.finish();
}

SourceRecord entry(std::string key, std::vector<evgraph::SourceIdentity> ids) {
  SourceRecord source;
  source.identity = ids.front();
  source.also.assign(ids.begin() + 1, ids.end());
  source.label = std::move(key);
  source.title = "Peer support for men";
  source.authors = {"Smith, Ann", "Jones, Bo", "Lee, Cy"};
  source.year = "2020";
  source.where = {"refs.bib", 3, 1};
  return source;
}

std::size_t count_type(const evgraph::EvidenceGraph& g, evgraph::NodeType type) {
  std::size_t n = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(g.graph()))) n += g.node(v).type == type;
  return n;
}

}  // namespace

TEST_CASE("a work known by a PMID and a PMCID is one node whichever URL a claim used", "[merge]") {
  const evgraph::SourceIdentity pmc{evgraph::Scheme::pmc, "PMC10078724"};
  const evgraph::SourceIdentity pmid{evgraph::Scheme::pubmed, "36999999"};
  const evgraph::SourceIdentity doi{evgraph::Scheme::doi, "10.1000/men"};
  const std::vector<Evidence> inputs = {
      answer_citing("a.txt", "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC10078724/"),
      answer_citing("b.txt", "https://pubmed.ncbi.nlm.nih.gov/36999999/"),
      bibliography({entry("smith2020", {doi, pmid, pmc})})};
  const evgraph::EvidenceGraph g = evgraph::build_graph(inputs);
  CHECK(count_type(g, evgraph::NodeType::source) == 1);
  const auto v = g.find("source:doi:10.1000/men");
  REQUIRE(v);
  const evgraph::NodeView work = g.node(*v);
  CHECK(work.label == "Smith et al. 2020");
  CHECK(work.title == "Peer support for men");
  CHECK(work.urls.size() == 2);
  CHECK(evgraph::test::to_vector(work.also) ==
        std::vector<std::string>{"source:pmc:PMC10078724", "source:pubmed:36999999"});
  REQUIRE(work.merged_because.size() >= 2);
  CHECK_THAT(work.merged_because.front(),
             Catch::Contains("source:pmc:PMC10078724") && Catch::Contains("refs.bib:3"));
}

TEST_CASE("two different strong identifiers of one kind are never merged", "[merge]") {
  const evgraph::SourceIdentity pmid{evgraph::Scheme::pubmed, "1"};
  const std::vector<Evidence> inputs = {
      bibliography({entry("a", {{evgraph::Scheme::doi, "10.1000/a"}, pmid}),
                    entry("b", {{evgraph::Scheme::doi, "10.1000/b"}, pmid})})};
  evgraph::Diagnostics diagnostics;
  const evgraph::EvidenceGraph g = evgraph::build_graph(inputs, &diagnostics);
  CHECK(g.find("source:doi:10.1000/a"));
  CHECK(g.find("source:doi:10.1000/b"));
  CHECK(evgraph::test::count_code(diagnostics, "conflicting-identifiers") == 1);
}

TEST_CASE("an edge's stance takes a side unless its records take both", "[merge]") {
  const evgraph::Lexicon lexicon;
  auto stance_of = [&](std::vector<std::string> labels) {
    EvidenceBuilder builder("s.csv", "csv", lexicon);
    SourceRecord source;
    source.identity = {evgraph::Scheme::key, "w"};
    const std::size_t work = builder.add_source(source);
    const std::size_t claim = builder.add_claim("A claim.", {});
    for (const std::string& label : labels) {
      evgraph::StanceRecord record;
      record.stance = evgraph::normalise_stance(label).value_or(evgraph::Stance::unstated);
      record.label = label;
      builder.cite(claim, work).records.push_back(record);
    }
    const std::vector<Evidence> inputs = {builder.finish()};
    const evgraph::EvidenceGraph g = evgraph::build_graph(inputs);
    for (auto e : boost::make_iterator_range(boost::edges(g.graph()))) {
      if (g.edge(e).type == evgraph::EdgeType::cites)
        return std::string(to_string(g.edge(e).stance));
    }
    return std::string("none");
  };
  CHECK(stance_of({"SUPPORT", "NOTENOUGHINFO"}) == "supports");
  CHECK(stance_of({"NEI", "REFUTE"}) == "contrasts");
  CHECK(stance_of({"NEI"}) == "mentions");
  CHECK(stance_of({"SUPPORT", "REFUTE"}) == "mixed");
  CHECK(stance_of({"odd"}) == "");
}

TEST_CASE("URL variants of one work merge and say why", "[merge]") {
  const std::vector<Evidence> inputs = {
      answer_citing("a.txt", "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1/"),
      answer_citing("b.txt", "https://pmc.ncbi.nlm.nih.gov/articles/PMC1"),
      answer_citing("c.txt", "http://www.example.org/study/?utm_source=x#results"),
      answer_citing("d.txt", "https://example.org/study")};
  const evgraph::EvidenceGraph g = evgraph::build_graph(inputs);
  CHECK(count_type(g, evgraph::NodeType::source) == 2);
  const auto pmc = g.find("source:pmc:PMC1");
  REQUIRE(pmc);
  REQUIRE(g.node(*pmc).merged_because.size() == 1);
  CHECK_THAT(g.node(*pmc).merged_because.front(),
             Catch::Contains("pmc.ncbi.nlm.nih.gov") && Catch::Contains("same pmc identifier"));
  CHECK(count_type(g, evgraph::NodeType::claim) == 1);
  const auto claim = g.find(evgraph::claim_id("Peer groups reduce isolation."));
  REQUIRE(claim);
  CHECK(g.node(*claim).occurrences.size() == 4);
}

TEST_CASE("stance records accumulate on one cites edge", "[merge]") {
  const evgraph::Lexicon lexicon;
  EvidenceBuilder builder("covid.jsonl", "jsonl", lexicon);
  SourceRecord source;
  source.identity = {evgraph::Scheme::key, "8vp57c1o"};
  const std::size_t work = builder.add_source(source, false);
  for (const char* label : {"SUPPORT", "NOTENOUGHINFO", "REFUTE"}) {
    const std::size_t claim =
        builder.add_claim("Tests take thirty minutes.", {"covid.jsonl", 1, 1});
    evgraph::StanceRecord record;
    record.label = label;
    record.stance = *evgraph::normalise_stance(label);
    record.data = R"({"id":"x"})";
    builder.cite(claim, work).records.push_back(record);
  }
  const std::vector<Evidence> inputs = {builder.finish()};
  const evgraph::EvidenceGraph g = evgraph::build_graph(inputs);
  std::size_t cites = 0;
  std::size_t lists = 0;
  for (auto e : boost::make_iterator_range(boost::edges(g.graph()))) {
    const evgraph::EdgeView edge = g.edge(e);
    lists += edge.type == evgraph::EdgeType::lists;
    if (edge.type != evgraph::EdgeType::cites) continue;
    ++cites;
    CHECK(edge.records.size() == 3);
    CHECK(edge.stance == evgraph::Stance::mixed);
  }
  CHECK(cites == 1);
  CHECK(lists == 0);
  std::ostringstream json;
  evgraph::write_json(g, json);
  CHECK_THAT(json.str(), Catch::Contains(R"("records":[{"stance":"supports","label":"SUPPORT")") &&
                             Catch::Contains(R"("data":{"id":"x"})"));
}

TEST_CASE("inputs that disagree about a work's metadata keep the first and say so", "[merge]") {
  const evgraph::SourceIdentity pmid{evgraph::Scheme::pubmed, "33722222"};
  SourceRecord second = entry("a3", {pmid});
  second.title = "Duplicate of a1 via PMID";
  second.year = "2022";
  second.where = {"more.bib", 7, 1};
  const std::vector<Evidence> inputs = {
      bibliography({entry("a1", {{evgraph::Scheme::doi, "10.1000/a1"}, pmid})}),
      bibliography({second})};
  const evgraph::EvidenceGraph g = evgraph::build_graph(inputs);
  CHECK(count_type(g, evgraph::NodeType::source) == 1);
  const evgraph::NodeView work = g.node(*g.find("source:doi:10.1000/a1"));
  CHECK(work.year == "2020");
  const auto has = [&](std::string_view needle) {
    return std::any_of(
        work.merged_because.begin(), work.merged_because.end(),
        [&](const std::string& why) { return why.find(needle) != std::string::npos; });
  };
  CHECK(has("source:pubmed:33722222 (more.bib:7) is the same work"));
  CHECK(has("year \"2022\" from another input differs; kept \"2020\""));
  CHECK(has("title \"Duplicate of a1 via PMID\""));
}
