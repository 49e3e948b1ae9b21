#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "evgraph/analysis.hpp"
#include "test_support.hpp"

namespace {

using evgraph::claims_conflict;
using evgraph::ConceptMatch;

// The words claims_conflict found, "from:" or "to:" before each.
std::vector<std::string> words(std::string_view from, std::string_view to) {
  std::vector<std::string> found;
  if (auto conflict = claims_conflict(from, to)) {
    for (const ConceptMatch& match : *conflict) found.push_back(match.field + ":" + match.term);
  }
  return found;
}

using Words = std::vector<std::string>;

std::size_t count_type(const evgraph::EvidenceGraph& g, evgraph::EdgeType type) {
  std::size_t n = 0;
  for (auto e : boost::make_iterator_range(boost::edges(g.graph()))) n += g.edge(e).type == type;
  return n;
}

}  // namespace

TEST_CASE("near-duplicates pointing opposite ways conflict, with the words that differ",
          "[similarity][conflict]") {
  // Check-COVID's claims and their refuted variants.
  CHECK(words("Smoking can reduce a person's risk of severe COVID-19 symptoms.",
              "Smoking can increase a person's risk of severe COVID-19 symptoms.") ==
        Words{"from:reduce", "to:increase"});
  CHECK(words("Mask-wearers are more likely to infect others in their households.",
              "Mask-wearers are less likely to infect others in their households.") ==
        Words{"from:more", "to:less"});
  CHECK(words("Hydroxychloroquine does not lower the risk of mortality.",
              "Hydroxychloroquine lowers the risk of mortality.") ==
        Words{"from:not lower", "to:lowers"});
  CHECK(words("Findings indicate a link between vitamin D and the risk of infection, and it is "
              "associated with severity.",
              "Vitamin D is not associated with severity.") ==
        Words{"from:associated", "to:not associated"});
  CHECK(words("Baricitinib has no effect on survival.", "Baricitinib might improve survival.") ==
        Words{"from:no effect", "to:improve"});
  CHECK(words("The transmission was unrelated to the ventilation.",
              "The transmission was caused by the ventilation.") ==
        Words{"from:unrelated", "to:caused"});
  // No direction word decides: a negation on one side only turns the claim over.
  CHECK(words("At the time there were several effective therapies against COVID-19.",
              "At the time there were no effective therapies against COVID-19.") ==
        Words{"from:effective", "to:no effective"});
  CHECK(words("Most patients who recover do not make antibodies.",
              "Most patients who recover will make antibodies.") == Words{"from:not"});
  CHECK(words("Patients who recover make antibodies.",
              "Patients who recover don\u2019t make antibodies.") == Words{"to:don\u2019t"});
  CHECK(words("The stool particles were highly infectious.",
              "The stool particles were lacking infectious ability.") == Words{"to:lacking"});
}

TEST_CASE("claims that agree, or say nothing either way, do not conflict",
          "[similarity][conflict]") {
  CHECK_FALSE(claims_conflict("Peer groups reduce isolation among veterans.",
                              "Peer groups lower isolation among veterans."));
  CHECK_FALSE(claims_conflict("Peer groups help veterans.", "Peer groups help older men."));
  // A negation of a link reaches the direction word after it: both say no lower risk.
  CHECK_FALSE(claims_conflict("Hydroxychloroquine does not lower the risk of mortality.",
                              "Hydroxychloroquine was not associated with a lower risk of "
                              "mortality."));
  // Agreement somewhere outweighs a negation elsewhere.
  CHECK_FALSE(claims_conflict("Peer groups, not clinics, reduce isolation.",
                              "Peer groups reduce isolation."));
  // Both ways at once on one axis decide nothing.
  CHECK_FALSE(
      claims_conflict("Groups reduce stress and increase contact.", "Groups increase stress."));
  // "more than" and "less than" are quantities, "not only" is no negation.
  CHECK_FALSE(claims_conflict("More than 20 groups reduce stress.", "Groups reduce stress."));
  CHECK_FALSE(claims_conflict("Groups not only reduce stress.", "Groups reduce stress."));
  // After "but" a negation qualifies; alone in its clause it negates nothing (a table's cell).
  CHECK_FALSE(claims_conflict("The results give context, but do not address peer support.",
                              "The results give context on peer support."));
  CHECK_FALSE(claims_conflict("Accelerometer; Wrist; Movement tracking; No (contactless)",
                              "Accelerometer; Chest; Movement tracking; Usually in a belt"));
}

TEST_CASE("a conflict's words are where they are written, in code points", "[conflict]") {
  const auto conflict = claims_conflict("Men\u2019s sheds reduce loneliness among older men.",
                                        "Men\u2019s sheds increase loneliness among older men.");
  REQUIRE(conflict);
  REQUIRE(conflict->size() == 2);
  CHECK((*conflict)[0] == ConceptMatch{"reduce", 12, "from"});
  CHECK((*conflict)[1] == ConceptMatch{"increase", 12, "to"});
}

TEST_CASE("the graph joins conflicting findings by conflicts_with, never commentary",
          "[similarity][conflict][graph]") {
  evgraph::EvidenceGraph g = evgraph::test::graph_of_texts({
      "Peer support groups reduce loneliness among older veterans in rural areas.",
      "Peer support groups increase loneliness among older veterans in rural areas.",
      "Peer support groups lower loneliness among older veterans in rural areas.",
  });
  evgraph::link_similar_claims(g);
  CHECK(count_type(g, evgraph::EdgeType::similar_to) == 1);  // reduce / lower
  REQUIRE(count_type(g, evgraph::EdgeType::conflicts_with) == 2);
  for (auto e : boost::make_iterator_range(boost::edges(g.graph()))) {
    const evgraph::EdgeView edge = g.edge(e);
    if (edge.type != evgraph::EdgeType::conflicts_with) continue;
    CHECK(edge.score.value_or(0) == Approx(0.889));
    REQUIRE(edge.terms.size() == 2);
    CHECK(edge.terms[0].field == "from");
    CHECK(edge.terms[1].field == "to");
    // claim 0 → claim 1 ("reduce" / "increase"), claim 1 → claim 2 ("increase" / "lower")
    const bool from_increase =
        g.node(boost::source(e, g.graph())).text.find("increase") != std::string_view::npos;
    CHECK(edge.terms[from_increase ? 0 : 1].term == "increase");
    CHECK(edge.terms[from_increase ? 0 : 1].at == 20u);
  }
  const std::vector<evgraph::ClaimMeasures> measures = evgraph::claim_measures(g);
  CHECK(measures[0].conflicting == 1);
  CHECK(measures[1].conflicting == 2);
  CHECK(measures[0].corroborating == 1);

  evgraph::EvidenceGraph commentary;
  for (int i = 0; i < 2; ++i) {
    commentary.add_node(evgraph::test::make_claim(
        "claim:" + std::to_string(i),
        i == 0 ? "The other search results do not address peer support groups for men directly."
               : "The other search results address peer support groups for men directly.",
        evgraph::ClaimKind::commentary));
  }
  evgraph::link_similar_claims(commentary);
  CHECK(count_type(commentary, evgraph::EdgeType::similar_to) == 1);
  CHECK(count_type(commentary, evgraph::EdgeType::conflicts_with) == 0);
}

TEST_CASE("conflicts are listed in the report and drawn apart", "[conflict][report]") {
  evgraph::EvidenceGraph g = evgraph::test::graph_of_texts({
      "Peer support groups reduce loneliness among older veterans in rural areas.",
      "Peer support groups increase loneliness among older veterans in rural areas.",
  });
  evgraph::link_similar_claims(g);
  const evgraph::Report report = evgraph::report(g);
  REQUIRE(report.conflicts.size() == 1);
  std::ostringstream text, markdown, json, dot;
  evgraph::write_report_text(g, report, text);
  evgraph::write_report_markdown(g, report, markdown);
  evgraph::write_report_json(g, report, json);
  CHECK_THAT(text.str(), Catch::Contains("Conflicting near-duplicates (the same claim pointing "
                                         "opposite ways): 1") &&
                             Catch::Contains("\u201Creduce\u201D against \u201Cincrease\u201D"));
  CHECK_THAT(markdown.str(), Catch::Contains("### Conflicting near-duplicates: 1"));
  const auto parsed = nlohmann::json::parse(json.str());
  const auto& conflict = parsed.at("problems").at("conflicting_claims").at(0);
  CHECK(conflict.at("source_words") == nlohmann::json::array({"reduce"}));
  CHECK(conflict.at("target_words") == nlohmann::json::array({"increase"}));
  CHECK(parsed.at("measures").at("claims").at(0).at("conflicting") == 1);

  evgraph::write_dot(g, dot);
  CHECK_THAT(dot.str(), Catch::Contains("conflicting direction: \u201Creduce\u201D at 20 against "
                                        "\u201Cincrease\u201D at 20 (score 0.89)"));
  CHECK_THAT(dot.str(), Catch::Contains("#CC3311"));
}

TEST_CASE("a conflicts_with edge reads back from node-link JSON as written", "[conflict][export]") {
  evgraph::EvidenceGraph g = evgraph::test::graph_of_texts({
      "Peer support groups reduce loneliness among older veterans in rural areas.",
      "Peer support groups increase loneliness among older veterans in rural areas.",
  });
  evgraph::link_similar_claims(g);
  std::ostringstream json;
  evgraph::write_json(g, json);
  CHECK_THAT(json.str(), Catch::Contains(R"("type":"conflicts_with")") &&
                             Catch::Contains(R"({"term":"increase","at":20,"field":"to"})"));
  evgraph::Diagnostics d;
  const auto back = evgraph::read_graph_json(evgraph::make_text("g.json", json.str(), d), d);
  std::ostringstream again;
  evgraph::write_json(back, again);
  CHECK(again.str() == json.str());
  CHECK(d.empty());
}

TEST_CASE("a conflict made by a negation on one side says which claim holds it",
          "[conflict][report]") {
  evgraph::EvidenceGraph g = evgraph::test::graph_of_texts({
      "Most patients who recover from the novel coronavirus do not make antibodies.",
      "Most patients who recover from the novel coronavirus will make antibodies.",
  });
  evgraph::link_similar_claims(g);
  const evgraph::Report report = evgraph::report(g);
  REQUIRE(report.conflicts.size() == 1);
  std::ostringstream text;
  evgraph::write_report_text(g, report, text);
  CHECK_THAT(text.str(), Catch::Contains("\u201Cnot\u201D in the first claim only"));
}
