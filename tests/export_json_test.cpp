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
  const auto back = evgraph::read_graph_json(evgraph::make_text("g.json", json.str(), d));
  std::ostringstream again;
  evgraph::write_json(back, again);
  CHECK(again.str() == json.str());
}
