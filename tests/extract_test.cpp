#include <catch2/catch.hpp>
#include <map>

#include "test_support.hpp"

using evgraph::test::count_code;
using evgraph::test::extract_string;
using evgraph::test::find_code;

TEST_CASE("markers resolve against the list that follows their own block", "[extract]") {
  evgraph::Diagnostics d;
  const auto e = extract_string(
      "First claim.[1]\nCitations:\n[1] https://pubmed.ncbi.nlm.nih.gov/111/\n"
      "Second claim.[1]\nCitations:\n[1] https://pubmed.ncbi.nlm.nih.gov/222/\n",
      d);
  REQUIRE(e.claims.size() == 2);
  REQUIRE(e.claims[0].citations.size() == 1);
  CHECK(e.sources.at(e.claims[0].citations[0].source).identity.id() == "source:pubmed:111");
  CHECK(e.sources.at(e.claims[1].citations[0].source).identity.id() == "source:pubmed:222");
  CHECK(e.claims[1].block == 2);
  CHECK(d.empty());
}

TEST_CASE("a number defined twice cites both sources flagged ambiguous", "[extract]") {
  evgraph::Diagnostics d;
  const auto e = extract_string(
      "Claim.[2]\nCitations:\n[2] https://pubmed.ncbi.nlm.nih.gov/1/\n"
      "[2] https://pubmed.ncbi.nlm.nih.gov/2/\n",
      d);
  REQUIRE(e.claims.at(0).citations.size() == 2);
  CHECK(e.claims[0].citations[0].ambiguous);
  CHECK(e.claims[0].citations[1].ambiguous);
  CHECK(e.claims[0].citations[1].markers == std::vector<std::string>{"2"});
  CHECK(count_code(d, "duplicate-citation") == 1);
  CHECK(count_code(d, "unused-citation") == 0);
}

TEST_CASE("defined but never cited numbers are sources reported as unused", "[extract]") {
  evgraph::Diagnostics d;
  const auto e = extract_string(
      "Claim.[1]\nCitations:\n[1] https://pubmed.ncbi.nlm.nih.gov/1/ [14] "
      "https://pubmed.ncbi.nlm.nih.gov/14/\n",
      d);
  CHECK(e.sources.size() == 2);
  REQUIRE(count_code(d, "unused-citation") == 1);
  const auto* unused = find_code(d, "unused-citation");
  CHECK(unused->where.line == 3);
  CHECK_THAT(unused->message, Catch::Contains("[14]"));
}

TEST_CASE("a list with no claims before it is reported once", "[extract]") {
  evgraph::Diagnostics d;
  const auto e = extract_string(
      "Claim.[1]\nCitations:\n[1] https://pubmed.ncbi.nlm.nih.gov/1/\n"
      "Citations:\n[1] https://pubmed.ncbi.nlm.nih.gov/7/\n[2] https://pubmed.ncbi.nlm.nih.gov/8/",
      d);
  CHECK(e.sources.size() == 3);
  REQUIRE(count_code(d, "unused-list") == 1);
  CHECK(find_code(d, "unused-list")->where.line == 4);
  CHECK(count_code(d, "unused-citation") == 0);
}

TEST_CASE("undefined markers and uncited claims are diagnostics, not losses", "[extract]") {
  evgraph::Diagnostics d;
  const auto e = extract_string(
      "Cited.[3] An uncited statement follows.\nCitations:\n[1] "
      "https://pubmed.ncbi.nlm.nih.gov/1/\n",
      d);
  REQUIRE(e.claims.size() == 2);
  CHECK(e.claims[0].citations.empty());
  CHECK(e.claims[0].markers == std::vector<std::string>{"3"});
  const auto* undefined = find_code(d, "undefined-citation");
  REQUIRE(undefined);
  CHECK(undefined->where.column == 7);
  CHECK(count_code(d, "uncited-claim") == 1);
}

TEST_CASE("the assistant talking about its search is commentary", "[extract]") {
  evgraph::Diagnostics d;
  const auto e = extract_string(
      "The other search results provide some relevant context.[1] Groups reduce isolation.[1]\n"
      "Citations:\n[1] https://pubmed.ncbi.nlm.nih.gov/1/\n",
      d);
  REQUIRE(e.claims.size() == 2);
  CHECK(e.claims[0].kind == evgraph::ClaimKind::commentary);
  CHECK(e.claims[1].kind == evgraph::ClaimKind::finding);
}

TEST_CASE("titles in quotes become interventions", "[extract]") {
  evgraph::Diagnostics d;
  const auto e = extract_string(
      "A program called \u201CTaking Charge of My Life and Health\u201D and \"Building Bridges\" "
      "helped. It was \"not a title.\"[1]\nCitations:\n[1] https://pubmed.ncbi.nlm.nih.gov/1/\n",
      d);
  std::vector<std::string> ids;
  for (const auto& c : e.concepts) ids.push_back(c.id);
  CHECK(std::find(ids.begin(), ids.end(), "intervention:taking-charge-of-my-life-and-health") !=
        ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "intervention:building-bridges") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "intervention:not-a-title") == ids.end());
  const auto quoted = extract_string(
      "They said \"Yes\" and \"men should talk more\" in \"Men Should Talk\".[1]\nCitations:\n"
      "[1] https://pubmed.ncbi.nlm.nih.gov/1/\n",
      d);
  REQUIRE(quoted.concepts.size() == 1);
  CHECK(quoted.concepts[0].id == "intervention:men-should-talk");
}

TEST_CASE("lexicon concepts found in a claim are linked once", "[extract]") {
  evgraph::Diagnostics d;
  const auto e = extract_string(
      "Veterans and other veterans reported less isolation.[1]\nCitations:\n"
      "[1] https://pubmed.ncbi.nlm.nih.gov/1/\n",
      d);
  const auto& claim = e.claims.at(0);
  std::vector<std::string> ids;
  for (const auto& linked : claim.concepts) ids.push_back(e.concepts.at(linked.concept_index).id);
  CHECK(std::count(ids.begin(), ids.end(), "population:veterans") == 1);
  // ... with both places that name them, as written, in code points from the claim's start.
  REQUIRE(claim.concepts.at(0).matches.size() == 2);
  CHECK(claim.concepts[0].matches[0] == evgraph::ConceptMatch{"Veterans", 0, {}});
  CHECK(claim.concepts[0].matches[1] == evgraph::ConceptMatch{"veterans", 19, {}});
}

TEST_CASE("claim ids come from normalised text", "[extract]") {
  const auto id = evgraph::claim_id("Men\u2019s groups  help.");
  CHECK(id.size() == 6 + 16);
  CHECK(id.starts_with("claim:"));
  CHECK(id == evgraph::claim_id("men's groups help."));
  CHECK(id != evgraph::claim_id("men's groups helped."));
  CHECK(evgraph::claim_id("") == "claim:cbf29ce484222325");
}

TEST_CASE("a repeated marker is one marker on the edge", "[extract]") {
  evgraph::Diagnostics d;
  const auto e = extract_string(
      "Claim [1][1][1, 1].\nCitations:\n[1] https://pubmed.ncbi.nlm.nih.gov/1/\n", d);
  REQUIRE(e.claims.at(0).citations.size() == 1);
  CHECK(e.claims[0].citations[0].markers == std::vector<std::string>{"1"});
}

TEST_CASE("commentary cues are found anywhere in a claim, in any case", "[extract]") {
  for (std::string_view cue : {"search results", "I could not find", "Would you like me to",
                               "if you'd like, I can", "I hope this helps"}) {
    const std::string cue_text(cue);
    CHECK(evgraph::is_commentary(cue_text));
    CHECK(evgraph::is_commentary("Other " + cue_text + " exist."));
    CHECK(evgraph::is_commentary("As the research results show: " + cue_text));
  }
  CHECK(evgraph::is_commentary("The RESEARCH RESULTS were mixed."));  // "search results" inside
  CHECK_FALSE(evgraph::is_commentary("Peer groups reduce isolation among veterans."));
  CHECK_FALSE(evgraph::is_commentary("i"));
  CHECK_FALSE(evgraph::is_commentary(""));
  CHECK_FALSE(evgraph::is_commentary("the provided sourc"));
}

TEST_CASE("each concept of a claim records its terms as written and where, in code points",
          "[extract]") {
  evgraph::Diagnostics d;
  // "’" is three bytes and one code point: offsets after it count it once.
  const auto e = extract_string(
      "Men\u2019s groups for young people and teenagers in \u201CBuilding Bridges\u201D.[1]\n"
      "Citations:\n[1] https://pubmed.ncbi.nlm.nih.gov/1/\n",
      d);
  const auto& claim = e.claims.at(0);
  std::map<std::string, std::vector<evgraph::ConceptMatch>> terms;
  for (const auto& linked : claim.concepts)
    terms[e.concepts.at(linked.concept_index).id] = linked.matches;
  CHECK(terms["population:young-people"] ==
        std::vector<evgraph::ConceptMatch>{{"young people", 17, {}}, {"teenagers", 34, {}}});
  CHECK(terms["intervention:peer-support-groups"] ==
        std::vector<evgraph::ConceptMatch>{{"Men\u2019s groups", 0, {}}});
  CHECK(terms["intervention:building-bridges"] ==
        std::vector<evgraph::ConceptMatch>{{"Building Bridges", 48, {}}});
  CHECK(terms.count("population:young-men") == 0);
}

TEST_CASE("a commentary claim is about no concept", "[extract]") {
  evgraph::Diagnostics d;
  const auto e = extract_string(
      "While the other results provide context on veterans and help-seeking behaviors, the "
      "studies cited above matter most.\n"
      "Veterans reported help-seeking.[1]\nCitations:\n[1] https://pubmed.ncbi.nlm.nih.gov/1/\n",
      d);
  REQUIRE(e.claims.size() == 2);
  CHECK(e.claims[0].kind == evgraph::ClaimKind::commentary);
  CHECK(e.claims[0].concepts.empty());
  CHECK(e.claims[1].kind == evgraph::ClaimKind::finding);
  CHECK(e.claims[1].concepts.size() == 2);
}
