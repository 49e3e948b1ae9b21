#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "test_support.hpp"

namespace {

evgraph::EvidenceGraph sample_graph() {
  evgraph::Diagnostics d;
  static const auto e = evgraph::test::extract_string(
      "Veterans gained \"quoted\" back\\slash self-esteem.[1]\nCitations:\n"
      "[1] https://pubmed.ncbi.nlm.nih.gov/2/ [1] https://pubmed.ncbi.nlm.nih.gov/3/\n",
      d);
  return evgraph::build_graph(std::span(&e, 1));
}

nlohmann::json export_json(const evgraph::EvidenceGraph& g) {
  std::ostringstream out;
  evgraph::write_json(g, out);
  return nlohmann::json::parse(out.str());
}

}  // namespace

TEST_CASE("node-link JSON has the NetworkX shape", "[export]") {
  const auto j = export_json(sample_graph());
  CHECK(j.at("directed") == true);
  CHECK(j.at("multigraph") == false);
  CHECK(j.at("graph").at("generator") == evgraph::generator());
  CHECK(j.at("graph").at("schema") == 1);
  CHECK(j.at("nodes").is_array());
  CHECK(j.at("links").is_array());
}

TEST_CASE("every node and link is written key by key", "[export]") {
  const auto g = sample_graph();
  const auto j = export_json(g);
  REQUIRE(j.at("nodes").size() == g.node_count());
  REQUIRE(j.at("links").size() == g.edge_count());
  std::size_t i = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(g.graph()))) {
    const auto& node = g.node(v);
    const auto& n = j.at("nodes").at(i++);
    CHECK(n.at("id") == node.id);
    CHECK(n.at("type") == std::string(evgraph::to_string(node.type)));
    CHECK(n.at("label") == node.label);
    if (node.type == evgraph::NodeType::claim) {
      CHECK(n.at("text") == node.text);
      CHECK(n.at("kind") == "finding");
      const auto& o = n.at("occurrences").at(0);
      CHECK(o.at("document") == "answer.txt");
      CHECK(o.at("line") == 1);
      CHECK(o.at("column") == 1);
      CHECK(o.at("block") == 1);
      CHECK(o.at("markers") == nlohmann::json::array({"1"}));
      CHECK(n.at("text").get<std::string>().find("back\\slash") != std::string::npos);
    }
    if (node.type == evgraph::NodeType::source) {
      CHECK(n.at("url") == node.url);
      CHECK(n.at("urls").size() == 1);
      CHECK(n.at("scheme") == "pubmed");
      CHECK(n.at("identifier") == node.identifier);
    }
    if (node.type == evgraph::NodeType::document) CHECK(n.at("path") == "answer.txt");
  }
  std::size_t ambiguous = 0;
  for (const auto& link : j.at("links")) {
    CHECK(g.find(link.at("source").get<std::string>()));
    CHECK(g.find(link.at("target").get<std::string>()));
    if (link.at("type") == "cites") {
      CHECK(link.at("markers") == nlohmann::json::array({"1"}));
      ambiguous += link.at("ambiguous").get<bool>();
    }
  }
  CHECK(ambiguous == 2);
}

TEST_CASE("JSON export is byte-identical across runs", "[export]") {
  std::ostringstream a;
  std::ostringstream b;
  evgraph::write_json(sample_graph(), a);
  evgraph::write_json(sample_graph(), b);
  CHECK(a.str() == b.str());
}

TEST_CASE("concept links carry their terms through JSON, GraphML and a read back", "[export]") {
  evgraph::Diagnostics d;
  const auto e = evgraph::test::extract_string(
      "Young people and teenagers in \u201CBuilding Bridges\u201D.[1]\nCitations:\n"
      "[1] https://pubmed.ncbi.nlm.nih.gov/1/\n",
      d);
  const auto g = evgraph::build_graph(std::span(&e, 1));
  const auto j = export_json(g);
  std::map<std::string, nlohmann::json> terms;
  for (const auto& link : j.at("links")) {
    if (link.contains("terms")) terms[link.at("target").get<std::string>()] = link.at("terms");
  }
  CHECK(terms.size() == 2);
  CHECK(terms["population:young-people"] ==
        nlohmann::json::parse(R"([{"term":"Young people","at":0},{"term":"teenagers","at":17}])"));
  CHECK(terms["intervention:building-bridges"] ==
        nlohmann::json::parse(R"([{"term":"Building Bridges","at":31}])"));

  std::ostringstream graphml;
  evgraph::write_graphml(g, graphml);
  CHECK(graphml.str().find("attr.name=\"terms\"") != std::string::npos);
  CHECK(graphml.str().find("[{&quot;term&quot;:&quot;Young people&quot;,&quot;at&quot;:0},") !=
        std::string::npos);

  std::ostringstream json;
  evgraph::write_json(g, json);
  const auto back = evgraph::read_graph_json(evgraph::make_text("g.json", json.str(), d), d);
  std::ostringstream again;
  evgraph::write_json(back, again);
  CHECK(again.str() == json.str());
}

namespace {

// A graph JSON as one might edit it by hand: claim:1 cites source:a with one record and source:b
// with none, the record's and the link's stance and certainty as given.
std::string hand_edited(const std::string& record, const std::string& link) {
  return R"({"nodes": [
  {"id": "claim:1", "type": "claim", "label": "c", "text": "c"},
  {"id": "source:a", "type": "source", "label": "a"},
  {"id": "source:b", "type": "source", "label": "b"}],
 "links": [
  {"source": "claim:1", "target": "source:a", "type": "cites", "records": [
    {)" + record +
         R"(, "document": "x", "line": 1}]},
  {"source": "claim:1", "target": "source:b", "type": "cites", )" +
         link + R"(}]})";
}

evgraph::EdgeView cites(const evgraph::EvidenceGraph& g, std::string_view target) {
  const evgraph::Vertex to = *g.find(target);
  for (const evgraph::EdgeRef e :
       boost::make_iterator_range(boost::out_edges(*g.find("claim:1"), g.graph()))) {
    if (g.graph().target(e) == to) return g.edge(e);
  }
  FAIL("no cites edge to " << target);
  return {};
}

}  // namespace

TEST_CASE("a graph JSON's stance or certainty spelt as a dataset spells it is read as that word",
          "[export]") {
  using evgraph::Certainty;
  using evgraph::Stance;
  evgraph::Diagnostics d;
  const auto g = evgraph::read_graph_json(
      evgraph::make_text("g.json",
                         hand_edited(R"("stance": "refutes", "certainty": "Very_Low")",
                                     R"("stance": "SUPPORT", "certainty": "mixed")"),
                         d),
      d);
  CHECK(d.empty());
  const auto a = cites(g, "source:a");
  REQUIRE(a.records.size() == 1);
  CHECK(a.records[0].stance == Stance::contrasts);
  CHECK(a.records[0].certainty == Certainty::very_low);
  CHECK(a.stance == Stance::contrasts);  // the link's own, from its records
  CHECK(a.certainty == Certainty::very_low);
  const auto b = cites(g, "source:b");  // no records: the link keeps what it says
  CHECK(b.stance == Stance::supports);
  CHECK(b.certainty == Certainty::mixed);

  std::ostringstream json;
  evgraph::write_json(g, json);
  CHECK_THAT(json.str(), Catch::Contains(R"("stance":"contrasts","certainty":"very low")"));
}

TEST_CASE("a graph JSON's stance or certainty outside the vocabulary is a warning at its place",
          "[export]") {
  using evgraph::Certainty;
  using evgraph::Stance;
  evgraph::Diagnostics d;
  // A record takes one side: "mixed" is a link's word only.
  const auto g = evgraph::read_graph_json(
      evgraph::make_text("g.json",
                         hand_edited(R"("stance": "bogus", "certainty": "mixed")",
                                     R"("stance": 3, "certainty": "sure")"),
                         d),
      d);
  const auto a = cites(g, "source:a");
  REQUIRE(a.records.size() == 1);
  CHECK(a.records[0].stance == Stance::unstated);
  CHECK(a.records[0].certainty == Certainty::unstated);
  CHECK(a.stance == Stance::unstated);
  CHECK(a.certainty == Certainty::unstated);
  const auto b = cites(g, "source:b");
  CHECK(b.stance == Stance::unstated);
  CHECK(b.certainty == Certainty::unstated);

  REQUIRE(d.size() == 4);
  CHECK(d[0].code == "unknown-stance");
  CHECK(d[0].where.file == "g.json");
  CHECK(d[0].where.line == 7);  // where the record's "stance" key is
  CHECK(d[0].where.column == 6);
  CHECK_THAT(d[0].message, Catch::Contains("\"bogus\" in link 1's record 1"));
  CHECK(d[1].code == "unknown-certainty");
  CHECK(d[1].where.line == 7);
  CHECK(d[1].where.column == 25);
  CHECK_THAT(d[1].message, Catch::Contains("\"mixed\" in link 1's record 1"));
  CHECK(d[2].code == "unknown-stance");
  CHECK(d[2].where.line == 8);
  CHECK(d[2].where.column == 64);
  CHECK_THAT(d[2].message, Catch::Contains("3 in link 2;"));
  CHECK(d[3].code == "unknown-certainty");
  CHECK(d[3].where.line == 8);
  CHECK(d[3].where.column == 77);
  for (const auto& diagnostic : d) CHECK(diagnostic.severity == evgraph::Severity::warning);
}

TEST_CASE("random Unicode reads back from node-link JSON as written", "[export][property]") {
  for (const std::uint32_t seed : {1u, 2u, 3u}) {
    const std::vector<std::string> texts = evgraph::test::random_texts(200, seed);
    std::ostringstream out;
    evgraph::write_json(evgraph::test::graph_of_texts(texts), out);
    const auto parsed = nlohmann::json::parse(out.str());
    std::map<std::string, std::string> text_of;
    for (const auto& node : parsed.at("nodes")) {
      if (node.at("type") == "claim") text_of[node.at("id")] = node.at("text");
    }
    REQUIRE(text_of.size() == texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
      CHECK(text_of.at("claim:" + std::to_string(i)) == texts[i]);
    }
  }
}
