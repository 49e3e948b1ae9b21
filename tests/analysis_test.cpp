// The analyses on small graphs built by hand, each answer worked out here from the drawing below.
//
//   a.txt ─asserts→ c1 ─cites(supports, moderate)→ s1 ←lists─ a.txt     a.txt ─lists→ s3
//   b.txt ─asserts→ c1 ─cites(contrasts, high)───→ s2
//   a.txt ─asserts→ c2 ─cites→ s1;  c1 ─similar_to→ c2
//   b.txt ─asserts→ c3 (cites nothing), c4 (commentary, cites nothing)
//   c1 concerns Veterans, reports Self-esteem, about Groups
//   c2 concerns Veterans, reports Isolation
//   c3 concerns Students, reports Self-esteem
//   c.txt ─asserts→ c5 ─cites→ s4   (an island of its own)
#include "evgraph/analysis.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "test_support.hpp"

namespace {

using namespace evgraph;
using evgraph::test::make_claim;
using evgraph::test::make_node;
using evgraph::test::make_source;

struct Fixture {
  EvidenceGraph graph;
  Vertex a, b, c, c1, c2, c3, c4, c5, s1, s2, s3, s4, veterans, students, self_esteem, isolation,
      groups;

  Fixture() {
    a = graph.add_node(make_node("document:a.txt", NodeType::document, "a.txt"));
    b = graph.add_node(make_node("document:b.txt", NodeType::document, "b.txt"));
    c1 = graph.add_node(make_claim("claim:c1", "Groups raise self-esteem in veterans"));
    c2 = graph.add_node(make_claim("claim:c2", "Groups reduce isolation in veterans"));
    c3 = graph.add_node(make_claim("claim:c3", "Students gain self-esteem"));
    c4 = graph.add_node(make_claim("claim:c4", "The search found little", ClaimKind::commentary));
    s1 = graph.add_node(make_source("source:pubmed:1", "https://pubmed.ncbi.nlm.nih.gov/1/"));
    s2 = graph.add_node(make_source("source:pubmed:2", "https://pubmed.ncbi.nlm.nih.gov/2/"));
    s3 = graph.add_node(make_source("source:pubmed:3", "https://pubmed.ncbi.nlm.nih.gov/3/"));
    veterans = graph.add_node(make_node("population:veterans", NodeType::population, "Veterans"));
    students = graph.add_node(make_node("population:students", NodeType::population, "Students"));
    self_esteem =
        graph.add_node(make_node("outcome:self-esteem", NodeType::outcome, "Self-esteem"));
    isolation = graph.add_node(make_node("outcome:isolation", NodeType::outcome, "Isolation"));
    groups = graph.add_node(make_node("intervention:groups", NodeType::intervention, "Groups"));
    c = graph.add_node(make_node("document:c.txt", NodeType::document, "c.txt"));
    c5 = graph.add_node(make_claim("claim:c5", "An unrelated finding"));
    s4 = graph.add_node(make_source("source:pubmed:4", "https://pubmed.ncbi.nlm.nih.gov/4/"));

    for (auto [doc, claim] : {std::pair{a, c1}, {b, c1}, {a, c2}, {b, c3}, {b, c4}, {c, c5}}) {
      graph.add_edge(doc, claim, make_edge(EdgeType::asserts));
    }
    graph.add_edge(a, s1, make_edge(EdgeType::lists, {"1"}));
    graph.add_edge(a, s3, make_edge(EdgeType::lists, {"3"}));
    Edge supports = make_edge(EdgeType::cites, {"1"});
    supports.stance = evgraph::Stance::supports;
    supports.certainty = evgraph::Certainty::moderate;
    graph.add_edge(c1, s1, supports);
    Edge contrasts = make_edge(EdgeType::cites, {"2"});
    contrasts.stance = evgraph::Stance::contrasts;
    contrasts.certainty = evgraph::Certainty::high;
    graph.add_edge(c1, s2, contrasts);
    graph.add_edge(c2, s1, make_edge(EdgeType::cites, {"1"}));
    graph.add_edge(c5, s4, make_edge(EdgeType::cites, {"1"}));
    graph.add_edge(c1, c2, make_edge(EdgeType::similar_to, {}, false, 0.6));
    graph.add_edge(c1, veterans, make_edge(EdgeType::concerns));
    graph.add_edge(c1, self_esteem, make_edge(EdgeType::reports));
    graph.add_edge(c1, groups, make_edge(EdgeType::about));
    graph.add_edge(c2, veterans, make_edge(EdgeType::concerns));
    graph.add_edge(c2, isolation, make_edge(EdgeType::reports));
    graph.add_edge(c3, students, make_edge(EdgeType::concerns));
    graph.add_edge(c3, self_esteem, make_edge(EdgeType::reports));
  }
};

template <typename Measures>
const auto& entry(const std::vector<Measures>& list, Vertex v) {
  for (const Measures& m : list) {
    if constexpr (std::is_same_v<Measures, ClaimMeasures>) {
      if (m.claim == v) return m;
    } else if constexpr (std::is_same_v<Measures, SourceMeasures>) {
      if (m.source == v) return m;
    } else {
      if (m.concept_vertex == v) return m;
    }
  }
  FAIL("no measures for vertex " << v);
  return list.front();
}

}  // namespace

TEST_CASE("claim measures: works, documents, corroboration, stance, certainty", "[analyse]") {
  Fixture f;
  const std::vector<ClaimMeasures> claims = claim_measures(f.graph);
  REQUIRE(claims.size() == 5);
  const ClaimMeasures& c1 = entry(claims, f.c1);
  CHECK(c1.works == 2);          // s1, s2
  CHECK(c1.documents == 2);      // a.txt, b.txt
  CHECK(c1.corroborating == 1);  // c2, by similar_to
  CHECK(c1.supports == 1);
  CHECK(c1.contrasts == 1);
  CHECK(c1.unstated == 0);
  CHECK(c1.certainty == evgraph::Certainty::high);  // the better of moderate and high
  CHECK_FALSE(c1.single_source);
  const ClaimMeasures& c2 = entry(claims, f.c2);
  CHECK(c2.works == 1);
  CHECK(c2.documents == 1);
  CHECK(c2.corroborating == 1);  // the similar_to edge counts at both ends
  CHECK(c2.unstated == 1);
  CHECK(c2.certainty == evgraph::Certainty::unstated);
  CHECK(c2.single_source);
  const ClaimMeasures& c3 = entry(claims, f.c3);
  CHECK(c3.works == 0);
  CHECK_FALSE(c3.single_source);
}

TEST_CASE("source measures: claims citing, documents listing, cited or not", "[analyse]") {
  Fixture f;
  const std::vector<SourceMeasures> sources = source_measures(f.graph);
  REQUIRE(sources.size() == 4);
  CHECK(entry(sources, f.s1).claims == 2);  // c1, c2
  CHECK(entry(sources, f.s1).documents == 1);
  CHECK(entry(sources, f.s1).cited);
  CHECK(entry(sources, f.s2).claims == 1);
  CHECK(entry(sources, f.s2).documents == 0);  // cited inline, never listed
  CHECK(entry(sources, f.s3).claims == 0);
  CHECK(entry(sources, f.s3).documents == 1);
  CHECK_FALSE(entry(sources, f.s3).cited);
}

TEST_CASE("concept measures: claims and the distinct works they cite", "[analyse]") {
  Fixture f;
  const std::vector<ConceptMeasures> concepts = concept_measures(f.graph);
  REQUIRE(concepts.size() == 5);
  CHECK(entry(concepts, f.veterans).claims == 2);  // c1, c2
  CHECK(entry(concepts, f.veterans).works == 2);   // s1 (twice), s2
  CHECK(entry(concepts, f.students).claims == 1);
  CHECK(entry(concepts, f.students).works == 0);
  CHECK(entry(concepts, f.self_esteem).claims == 2);  // c1, c3
  CHECK(entry(concepts, f.self_esteem).works == 2);
  CHECK(entry(concepts, f.isolation).works == 1);
  CHECK(entry(concepts, f.groups).claims == 1);
}

TEST_CASE("structure: components without documents, degree and betweenness", "[analyse]") {
  Fixture f;
  const Structure s = structure(f.graph);
  // Without the documents: c1–c3 with their sources and concepts; c4 alone (commentary, no edge
  // but its document's); s3 alone (only listed); c5 with s4.
  CHECK(s.components == 4);
  CHECK(s.component[f.a] == kNoComponent);
  CHECK(s.component[f.c1] == 0);
  CHECK(s.component[f.veterans] == 0);
  CHECK(s.component[f.c4] == 1);
  CHECK(s.component[f.s3] == 2);
  CHECK(s.component[f.c5] == 3);
  CHECK(s.component[f.s4] == 3);
  CHECK(s.degree[f.c1] == 8);  // 2 asserts in; cites ×2, similar_to, concerns, reports, about out
  CHECK(s.degree[f.s3] == 1);
  CHECK(s.betweenness[f.a] == Approx(0.0));
  CHECK(s.betweenness[f.c5] == Approx(0.0));  // c.txt — c5 — s4, but c.txt does not count

  // A star of three leaves around one centre: the centre lies on all 3 leaf pairs' paths.
  EvidenceGraph star;
  const Vertex centre = star.add_node(make_source("source:pubmed:9", "https://x.org/9"));
  for (const char* id : {"claim:x", "claim:y", "claim:z"}) {
    star.add_edge(star.add_node(make_claim(id, id)), centre, make_edge(EdgeType::cites));
  }
  const Structure t = structure(star);
  CHECK(t.components == 1);
  CHECK(t.betweenness[centre] == Approx(3.0));
  CHECK(t.degree[centre] == 3);
  CHECK(t.betweenness[star.find("claim:x").value()] == Approx(0.0));
  CHECK(structure(star, 2).betweenness.empty());  // over the limit: not computed
}

TEST_CASE("node measures gather every measure by vertex, and the exports write them", "[analyse]") {
  Fixture f;
  const std::vector<NodeMeasures> m = node_measures(f.graph);
  REQUIRE(m.size() == f.graph.node_count());
  CHECK(m[f.c1].works == 2);
  CHECK(m[f.c1].documents == 2);
  CHECK(m[f.c1].corroborating == 1);
  CHECK_FALSE(m[f.c1].single_source);
  CHECK(m[f.c2].single_source);
  CHECK(m[f.s1].claims == 2);
  CHECK(m[f.s1].documents == 1);
  CHECK(m[f.s1].cited);
  CHECK_FALSE(m[f.s3].cited);
  CHECK(m[f.veterans].claims == 2);
  CHECK(m[f.veterans].works == 2);
  CHECK(m[f.c1].degree == 8);
  CHECK(m[f.c5].component == std::optional<std::size_t>(3));
  CHECK_FALSE(m[f.a].component);  // documents are left out of the structure
  CHECK(m[f.c1].betweenness.has_value());
  CHECK_FALSE(node_measures(f.graph, 2)[f.c1].betweenness);  // over the limit: none

  CHECK_THROWS_AS(f.graph.set_measures({}), evgraph::Error);
  std::ostringstream before;
  write_json(f.graph, before);
  CHECK(before.str().find("\"degree\"") == std::string::npos);
  f.graph.set_measures(m);
  std::ostringstream json;
  write_json(f.graph, json);
  const auto parsed = nlohmann::json::parse(json.str());
  const auto node = [&](std::string_view id) {
    for (const auto& n : parsed.at("nodes")) {
      if (n.at("id") == id) return n;
    }
    FAIL("no node " << id);
    return nlohmann::json();
  };
  const auto c1 = node("claim:c1");
  CHECK(c1.at("works") == 2);
  CHECK(c1.at("documents") == 2);
  CHECK(c1.at("corroborating") == 1);
  CHECK(c1.at("conflicting") == 0);
  CHECK(c1.at("single_source") == false);
  CHECK(c1.at("component") == 0);
  CHECK(c1.at("degree") == 8);
  CHECK(c1.at("betweenness").get<double>() == Approx(*m[f.c1].betweenness));
  CHECK_FALSE(c1.contains("claims"));  // a claim has no claims measure
  CHECK(c1.at("supports") == 1);
  CHECK(c1.at("contrasts") == 1);
  CHECK(c1.at("mentions") == 0);
  CHECK(c1.at("certainty") == "high");
  CHECK_FALSE(node("claim:c3").contains("supports"));  // no stance records: no mix
  CHECK_FALSE(node("claim:c3").contains("certainty"));
  const auto s3 = node("source:pubmed:3");
  CHECK(s3.at("claims") == 0);
  CHECK(s3.at("cited") == false);
  CHECK_FALSE(s3.contains("works"));
  CHECK(node("population:veterans").at("works") == 2);
  const auto a = node("document:a.txt");
  CHECK(a.at("degree") == 4);
  CHECK_FALSE(a.contains("component"));
  CHECK_FALSE(a.contains("betweenness"));

  // GraphML declares the measures' keys, typed, and gives each node its values.
  std::ostringstream graphml;
  write_graphml(f.graph, graphml);
  CHECK_THAT(graphml.str(), Catch::Contains("attr.name=\"betweenness\" attr.type=\"double\""));
  CHECK_THAT(graphml.str(), Catch::Contains("attr.name=\"single_source\" attr.type=\"boolean\""));
}

TEST_CASE("gap map: cells hold claims and distinct works; empty cells are gaps", "[analyse]") {
  Fixture f;
  const GapMap map = gap_map(f.graph, NodeType::population);
  // Rows and columns sorted by label.
  REQUIRE(map.rows == std::vector<Vertex>{f.students, f.veterans});
  REQUIRE(map.columns == std::vector<Vertex>{f.isolation, f.self_esteem});
  CHECK(map.cell(0, 0).gap());                                // students × isolation
  CHECK(map.cell(0, 1).claims == std::vector<Vertex>{f.c3});  // students × self-esteem
  CHECK(map.cell(0, 1).works.empty());                        // … claimed, citing nothing
  CHECK(map.cell(1, 0).claims == std::vector<Vertex>{f.c2});  // veterans × isolation
  CHECK(map.cell(1, 0).works == std::vector<Vertex>{f.s1});
  CHECK(map.cell(1, 1).works == std::vector<Vertex>{f.s1, f.s2});  // veterans × self-esteem
  CHECK(map.max_works() == 2);

  // Filtered by the intervention "Groups": only c1 is about it.
  const GapMap groups = gap_map(f.graph, NodeType::population, f.groups);
  CHECK(groups.cell(0, 1).gap());
  CHECK(groups.cell(1, 0).gap());
  CHECK(groups.cell(1, 1).claims == std::vector<Vertex>{f.c1});

  const GapMap interventions = gap_map(f.graph, NodeType::intervention, f.veterans);
  REQUIRE(interventions.rows == std::vector<Vertex>{f.groups});
  CHECK(interventions.cell(0, 1).works.size() == 2);
  CHECK_THROWS_AS(gap_map(f.graph, NodeType::outcome), Error);
  CHECK_THROWS_AS(gap_map(f.graph, NodeType::population, f.veterans), Error);
}

TEST_CASE("gap map as Markdown and long-form CSV", "[analyse]") {
  Fixture f;
  const GapMap map = gap_map(f.graph, NodeType::population);
  std::ostringstream markdown;
  write_gap_markdown(f.graph, map, markdown);
  CHECK_THAT(markdown.str(), Catch::Contains("| Students | Veterans |"));
  CHECK_THAT(markdown.str(), Catch::Contains("| Isolation | · | 1 (1) |"));
  CHECK_THAT(markdown.str(), Catch::Contains("| Self-esteem | 0 (1) | 2 (1) |"));
  std::ostringstream csv;
  write_gap_csv(f.graph, map, csv);
  CHECK(csv.str() ==
        "row,column,works,claims,ids\n"
        "Students,Isolation,0,0,\n"
        "Students,Self-esteem,0,1,claim:c3\n"
        "Veterans,Isolation,1,1,claim:c2 source:pubmed:1\n"
        "Veterans,Self-esteem,2,1,claim:c1 source:pubmed:1 source:pubmed:2\n");
}

TEST_CASE("gap map heatmap is well-formed SVG with shaded cells and empty gaps", "[analyse]") {
  Fixture f;
  const GapMap map = gap_map(f.graph, NodeType::population);
  std::ostringstream svg;
  write_gap_svg(f.graph, map, svg);
  const std::string text = svg.str();
  CHECK_THAT(text, Catch::Contains("fill=\"#08519c\""));  // 2 of 2 works: the darkest shade
  CHECK_THAT(text, Catch::Contains("Students × Isolation: gap, no claim"));
  CHECK_THAT(text, Catch::Contains("Veterans × Self-esteem: 2 works, 1 claim"));
  std::size_t gaps = 0;
  for (std::size_t at = text.find("class=\"gap\""); at != std::string::npos;
       at = text.find("class=\"gap\"", at + 1)) {
    ++gaps;
  }
  CHECK(gaps == 1);
  const auto path = std::filesystem::temp_directory_path() / "evgraph-analysis-gap.svg";
  std::ofstream(path) << text;
  CHECK(std::system(("xmllint --noout " + path.string()).c_str()) == 0);
}

TEST_CASE("gap map as EPPI-Reviewer JSON reads back with the published structure", "[analyse]") {
  Fixture f;
  const GapMap map = gap_map(f.graph, NodeType::population);
  std::ostringstream out;
  write_gap_eppi_json(f.graph, map, out);
  const nlohmann::json eppi = nlohmann::json::parse(out.str());
  REQUIRE(eppi.at("CodeSets").size() == 2);
  std::map<long, std::string> names;
  std::set<long> set_ids;
  for (const auto& set : eppi.at("CodeSets")) {
    set_ids.insert(set.at("SetId").get<long>());
    for (const auto& attribute : set.at("Attributes").at("AttributesList")) {
      names[attribute.at("AttributeId").get<long>()] = attribute.at("AttributeName");
    }
  }
  CHECK(eppi.at("CodeSets")[0].at("SetName") == "Populations");
  CHECK(eppi.at("CodeSets")[1].at("SetName") == "Outcomes");
  CHECK(set_ids.size() == 2);
  CHECK(names.size() == 4);  // Students, Veterans, Isolation, Self-esteem
  // The works in some cell: s1 and s2 (c3 cites nothing).
  const auto& references = eppi.at("References");
  REQUIRE(references.size() == 2);
  const auto& s1 = references[0];
  CHECK(s1.at("ItemId").is_number_integer());
  CHECK(s1.at("Title") == "source");
  CHECK(s1.at("ShortTitle").is_string());
  CHECK(s1.at("Year").is_string());
  CHECK(s1.at("Authors").is_string());
  std::map<std::string, std::set<std::string>> texts;  // attribute name → claim texts
  for (const auto& code : s1.at("Codes")) {
    const std::string name = names.at(code.at("AttributeId").get<long>());
    for (const auto& detail : code.at("ItemAttributeFullTextDetails")) {
      texts[name].insert(detail.at("Text").get<std::string>());
    }
  }
  CHECK(texts["Veterans"] == std::set<std::string>{"Groups raise self-esteem in veterans",
                                                   "Groups reduce isolation in veterans"});
  CHECK(texts["Self-esteem"] == std::set<std::string>{"Groups raise self-esteem in veterans"});
  CHECK(texts["Isolation"] == std::set<std::string>{"Groups reduce isolation in veterans"});
  CHECK(texts.count("Students") == 0);
}

TEST_CASE("report lists the quality problems", "[analyse]") {
  Fixture f;
  const Report r = report(f.graph);
  CHECK(r.most_cited.front().source == f.s1);
  CHECK(r.most_cited.front().claims == 2);
  CHECK(r.uncited_claims == std::vector<Vertex>{f.c3});  // c4 is commentary
  CHECK(r.listed_uncited == std::vector<Vertex>{f.s3});
  CHECK(r.single_source == std::vector<Vertex>{f.c2, f.c5});
  CHECK(r.commentary == 1);
  CHECK(r.claim_count == 5);
  CHECK(r.documents_uncited.empty());    // a.txt, b.txt and c.txt each have a citing claim
  CHECK(r.identifier_only.size() == 4);  // no source has a title
  std::ostringstream text;
  write_report_text(f.graph, r, text);
  CHECK_THAT(text.str(), Catch::Contains("Listed but uncited sources: 1"));
  CHECK_THAT(text.str(), Catch::Contains("listed as [3] in a.txt"));
  CHECK_THAT(text.str(), Catch::Contains("answer.md:7"));
  std::ostringstream json;
  write_report_json(f.graph, r, json);
  const auto parsed = nlohmann::json::parse(json.str());
  CHECK(parsed.at("problems").at("single_source_claims") ==
        nlohmann::json::array({"claim:c2", "claim:c5"}));
}

TEST_CASE("search folds text as the HTML page does", "[analyse]") {
  CHECK(fold_for_search("  Ça—va “Bien” ’s  X-Ray\n") == "ca va \"bien\" 's x ray");
  CHECK(fold_for_search("ﬁne Self\u2010Esteem") == "fine self esteem");
  Fixture f;
  // Label matches in vertex order: c1, c3 (their labels are their texts), Self-esteem.
  CHECK(search_nodes(f.graph, "self  ESTEEM") == std::vector<Vertex>{f.c1, f.c3, f.self_esteem});
  // A node whose label holds the words comes before one whose other text alone holds them.
  EvidenceGraph g;
  const Vertex long_claim = g.add_node(make_claim(
      "claim:long", "A claim that runs on for well over sixty characters before it names esteem"));
  const Vertex outcome = g.add_node(make_node("outcome:esteem", NodeType::outcome, "Esteem"));
  REQUIRE(g.node(long_claim).label.find("esteem") == std::string::npos);
  CHECK(search_nodes(g, "esteem") == std::vector<Vertex>{outcome, long_claim});
  CHECK(search_nodes(f.graph, "pubmed.ncbi.nlm.nih.gov/4").size() == 1);
  CHECK(search_nodes(f.graph, "").empty());
  CHECK(resolve_node(f.graph, "population:students") == f.students);
  CHECK(resolve_node(f.graph, "veterans") == f.veterans);  // the label, folded
  CHECK(resolve_node(f.graph, "unrelated") == f.c5);       // the one node the search finds
  CHECK_THROWS_AS(resolve_node(f.graph, "nowhere at all"), Error);
  CHECK_THROWS_WITH(resolve_node(f.graph, "source"), Catch::Contains("label of 4 nodes"));
}

TEST_CASE("shortest paths walk edges either way and avoid documents", "[analyse]") {
  Fixture f;
  const std::vector<GraphPath> paths = shortest_paths(f.graph, f.veterans, f.self_esteem);
  REQUIRE(paths.size() == 1);
  CHECK(paths[0].nodes == std::vector<Vertex>{f.veterans, f.c1, f.self_esteem});
  CHECK_FALSE(paths[0].steps[0].forward);  // c1 → veterans, walked back
  CHECK(paths[0].steps[1].forward);
  std::ostringstream text;
  write_paths_text(f.graph, paths, text);
  CHECK(text.str() ==
        "Veterans ← concerns — \"Groups raise self-esteem in veterans\" — reports → Self-esteem\n"
        "   claim:c1 cites source <https://pubmed.ncbi.nlm.nih.gov/1/>\n" +
            std::string(14, ' ') + "and source <https://pubmed.ncbi.nlm.nih.gov/2/>\n");

  // Students to s2: through self-esteem and c1 (4 steps); through b.txt only when allowed.
  CHECK(shortest_paths(f.graph, f.students, f.s2).size() == 1);
  CHECK(shortest_paths(f.graph, f.students, f.s2, 10, true).size() == 2);
  CHECK(shortest_paths(f.graph, f.students, f.s2, 1, true).size() == 1);
  CHECK(shortest_paths(f.graph, f.veterans, f.s4).empty());  // another island

  std::ostringstream json;
  write_paths_json(f.graph, f.veterans, f.self_esteem, paths, json);
  const auto parsed = nlohmann::json::parse(json.str());
  CHECK(parsed.at("steps") == 2);
  CHECK(parsed.at("paths")[0].at("cites").at("claim:c1").size() == 2);
}

TEST_CASE("neighbours list out-edges then in-edges", "[analyse]") {
  Fixture f;
  const std::vector<PathStep> steps = neighbours(f.graph, f.c2);
  REQUIRE(steps.size() == 5);  // cites, concerns, reports out; asserts, similar_to in
  CHECK(steps[0].forward);
  CHECK(f.graph.graph().type(steps[0].edge) == EdgeType::cites);
  CHECK_FALSE(steps[3].forward);
  std::ostringstream text;
  write_neighbours_text(f.graph, f.c2, steps, text);
  CHECK_THAT(text.str(), Catch::Contains("  ← similar_to — claim:c1"));
  CHECK_THAT(text.str(), Catch::Contains("  — reports → outcome:isolation  Isolation"));
}
