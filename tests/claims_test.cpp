// What a claim is in the answers people keep (issue 10): headings, label lines and short lead-ins
// are the section of the claims under them, not claims; a lead-in and the short items that
// complete it are one claim with every item's markers; a data line belongs to its entry; page
// chrome is dropped with a diagnostic; a short table row says what it says under its columns'
// names. The corpus test holds the fragment rate under 1 % with no cites edge lost.
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <span>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "parse/sections.hpp"
#include "test_support.hpp"

using evgraph::test::count_code;
using evgraph::test::parse_string;

namespace {

std::vector<evgraph::ClaimSpan> claims_of(const evgraph::Document& doc) {
  std::vector<evgraph::ClaimSpan> claims;
  for (const auto& block : doc.blocks) {
    claims.insert(claims.end(), block.claims.begin(), block.claims.end());
  }
  return claims;
}

}  // namespace

TEST_CASE("markdown headings become the section path of the claims under them", "[parse]") {
  evgraph::Diagnostics d;
  const auto claims = claims_of(
      parse_string("# Treatment\n\n## Peer support\n\nGroups reduce isolation [1].\n\n"
                   "## Exercise\n\nWalking lifts mood [2].\n\nCitations:\n[1] https://a.example/1\n"
                   "[2] https://a.example/2\n",
                   d));
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].section == "Treatment \u203A Peer support");
  CHECK(claims[1].section == "Treatment \u203A Exercise");
}

TEST_CASE("bold label lines and setext headings are sections, not claims", "[parse]") {
  evgraph::Diagnostics d;
  const auto claims = claims_of(parse_string(
      "Results\n=======\n\n**Key Points:**\nGroups reduce isolation among veterans [1].\n\n"
      "Citations:\n[1] https://a.example/1\n",
      d));
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].text == "Groups reduce isolation among veterans.");
  CHECK(claims[0].section == "Results \u203A Key Points");
}

TEST_CASE("a short label line introduces the paragraphs after it", "[parse]") {
  evgraph::Diagnostics d;
  const auto claims = claims_of(parse_string(
      "Deep Learning\nModels learn sleep stages from raw signals [1].\nHybrid Approaches\n"
      "Combining PPG and motion improves staging [2].\n\nCitations:\n[1] https://a.example/1\n"
      "[2] https://a.example/2\n",
      d));
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].section == "Deep Learning");
  CHECK(claims[1].section == "Hybrid Approaches");
  CHECK(count_code(d, "label-without-claims") == 0);
}

TEST_CASE("a label with nothing under it is reported, not a claim", "[parse]") {
  evgraph::Diagnostics d;
  const auto claims =
      claims_of(parse_string("Groups help men cope with distress.\n\n[[Med roots]]\n", d));
  REQUIRE(claims.size() == 1);
  CHECK(count_code(d, "label-without-claims") == 1);
}

TEST_CASE("a bold list item with nested items is the section of its items", "[parse]") {
  evgraph::Diagnostics d;
  const auto claims = claims_of(parse_string(
      "- **Binocular diplopia**\n\t- One image from each eye is misaligned [1].\n"
      "- **Monocular diplopia**\n\t- Images arise from one eye only [2].\n\nCitations:\n"
      "[1] https://a.example/1\n[2] https://a.example/2\n",
      d));
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].section == "Binocular diplopia");
  CHECK(claims[1].section == "Monocular diplopia");
}

TEST_CASE("a lead-in and the short items that complete it are one claim with every marker",
          "[parse]") {
  evgraph::Diagnostics d;
  const auto claims = claims_of(
      parse_string("## Patterns\n\nDiplopia can be:\n- Horizontal [1]\n- Vertical [2]\n"
                   "- Oblique, depending on which muscle pair is affected [3]\n\nCitations:\n"
                   "[1] https://a.example/1\n[2] https://a.example/2\n[3] https://a.example/3\n",
                   d));
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].text ==
        "Diplopia can be horizontal, vertical or oblique, depending on which muscle pair is "
        "affected.");
  CHECK(claims[0].markers == std::vector<std::string>{"1", "2", "3"});
  CHECK(claims[0].section == "Patterns");
  CHECK(claims[0].where.line == 3);
}

TEST_CASE("items that carry their own commas and conjunction are joined as written", "[parse]") {
  CHECK(evgraph::parse::join_lead_in(
            "I can also give you:",
            {"a funniest list,", "a most damaging list, or", "a global list instead."}) ==
        "I can also give you a funniest list, a most damaging list, or a global list instead.");
  CHECK(evgraph::parse::join_lead_in("The process involves:", {"Sorting", "HRV", "Scoring."}) ==
        "The process involves sorting, HRV and scoring.");
}

TEST_CASE("a short lead-in of long items is their section", "[parse]") {
  evgraph::Diagnostics d;
  const auto claims = claims_of(
      parse_string("- The process involves:\n  - Identifying superpixels within the images.\n"
                   "  - Perturbing these superpixels to observe changes.\n",
                   d));
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].section == "The process involves");
  CHECK(claims[1].section == "The process involves");
}

TEST_CASE("a data line belongs to the entry it describes", "[parse]") {
  evgraph::Diagnostics d;
  const auto claims = claims_of(parse_string(
      "### Datasets\n1. **CT Kidney**\n   - Description: CT scans of kidneys with cysts and "
      "stones.\n   - Size: [12,466]\n   - Source: [https://www.kaggle.com/datasets/ct]\n",
      d));
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].text == "Description: CT scans of kidneys with cysts and stones. Size: [12,466]");
  CHECK(claims[0].section == "Datasets \u203A CT Kidney");
  CHECK(claims[0].links.size() == 1);  // the entry's Source: link stays with it
}

TEST_CASE("page chrome is dropped with a diagnostic", "[parse]") {
  evgraph::Diagnostics d;
  const auto claims = claims_of(parse_string(
      "Share\nExport\nRewrite\nGroups reduce isolation [1].\n\n14 sources\nThought for 12s\n\n"
      "Citations:\n[1] https://a.example/1\n",
      d));
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].text == "Groups reduce isolation.");
  CHECK(count_code(d, "page-chrome") == 5);
  CHECK_FALSE(evgraph::parse::is_page_chrome("Copy the file to the shared folder."));
  CHECK_FALSE(evgraph::parse::is_page_chrome("14 sources agree on this"));
}

TEST_CASE("a short table row is stated under its columns' names; a one-cell row is a section",
          "[parse]") {
  evgraph::Diagnostics d;
  const auto claims = claims_of(parse_string(
      "| Method | Role |\n|---|---|\n| **Wearables** | |\n| PSG | gold standard [1] |\n"
      "| Actigraphy | cheap, long-term monitoring at home [2] |\n\nCitations:\n"
      "[1] https://a.example/1\n[2] https://a.example/2\n",
      d));
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].text == "Method: PSG; Role: gold standard");
  CHECK(claims[0].section == "Wearables");
  CHECK(claims[0].markers == std::vector<std::string>{"1"});
  CHECK(claims[0].where.line == 4);
  CHECK(claims[1].text == "Actigraphy; cheap, long-term monitoring at home");
}

TEST_CASE("a three-word sentence is a claim, not a label", "[parse]") {
  evgraph::Diagnostics d;
  const auto claims = claims_of(parse_string("Students gain self-esteem.\n\nGroups help.\n", d));
  CHECK(claims.size() == 2);
}

// ---- corpus ------------------------------------------------------------------------------------

namespace {

struct Measured {
  std::size_t claims = 0;
  std::size_t fragments = 0;
  std::size_t cites = 0;
};

Measured measure(const std::filesystem::path& path, std::vector<std::string>& fragments) {
  evgraph::Diagnostics d;
  const evgraph::Text text = evgraph::read_text(path, d);
  const auto evidence =
      evgraph::extract(evgraph::parse_answer(text, d), evgraph::default_lexicon(), d);
  Measured m;
  std::set<std::pair<std::string, std::string>> cites;
  for (const auto& claim : evidence.claims) {
    ++m.claims;
    if (evgraph::parse::word_count(claim.text) < evgraph::parse::kFragmentWords) {
      ++m.fragments;
      fragments.push_back(path.filename().string() + ":" + std::to_string(claim.where.line) + ": " +
                          claim.text);
    }
    // By the URL cited, not the work's identity: reshaping claims must keep every citation, and
    // identity rules that find two URLs to be one work (redirect titles) must not read as a loss.
    for (const auto& citation : claim.citations) {
      const evgraph::SourceRecord& source = evidence.sources.at(citation.source);
      cites.emplace(claim.id, source.url.empty() ? source.identity.id() : source.url);
    }
  }
  m.cites = cites.size();
  return m;
}

}  // namespace

TEST_CASE("corpus answers, seed and fixtures: under 1 % fragments and no cites edge lost",
          "[parse][corpus]") {
  const std::filesystem::path shared(EVGRAPH_SHARED_DIR);
  const std::filesystem::path fixtures =
      std::filesystem::path(EVGRAPH_SOURCE_DIR) / "tests/fixtures";
  // Each input with the cites edges it gave before fragments were reshaped (issue 10).
  const std::vector<std::pair<std::filesystem::path, std::size_t>> inputs = {
      {shared / "corpus/answers/01_perplexity_export_footnotes_multiturn.txt", 28},
      {shared / "corpus/answers/03_gemini_deep_research_sdoh_diabetes_cite_brackets.txt", 70},
      {shared / "corpus/answers/05_sleep_signals_table_uncited_tail.txt", 32},
      {shared / "corpus/answers/06_diplopia_domain_chip_links_obsidian.txt", 22},
      {shared / "corpus/answers/10_perplexity_readme_medical_lime.txt", 3},
      {shared / "corpus/answers/12_bing_chat_in_js_comments_link_to_footnote.txt", 2},
      {shared / "seed/men-peer-support.txt", 12},
      {fixtures / "answers/obsidian_note.md", 4},
      {fixtures / "assistants/chatgpt-copy.md", 4},
      {fixtures / "assistants/chatgpt-private-use.txt", 0},
      {fixtures / "assistants/copilot-definitions-first.md", 2},
      {fixtures / "assistants/copilot.md", 4},
      {fixtures / "assistants/gemini-cite.txt", 3},
      {fixtures / "assistants/gemini-deep-research.txt", 5},
  };
  Measured total;
  std::vector<std::string> fragments;
  std::size_t skipped = 0;
  for (const auto& [path, cites_before] : inputs) {
    if (!std::filesystem::exists(path)) {
      WARN("skipped: " << path.string() << " is absent");
      ++skipped;
      continue;
    }
    const Measured m = measure(path, fragments);
    INFO(path.filename().string());
    CHECK(m.cites >= cites_before);
    total.claims += m.claims;
    total.fragments += m.fragments;
    total.cites += m.cites;
  }
  std::string listed;
  for (const std::string& fragment : fragments) listed += fragment + "\n";
  INFO("fragments:\n" << listed);
  if (skipped == 0) {
    CHECK(total.fragments * 100 < total.claims);
  } else {
    // Without the shared corpus too few claims are left for a rate: each short claim must be
    // the one real three-word sentence of the fixtures.
    for (const std::string& fragment : fragments) {
      CHECK(fragment.ends_with("Students gain self-esteem."));
    }
  }
}

TEST_CASE("many lead-ins and labels in a row stay linear", "[parse]") {
  std::string text = "- **Top**\n";
  for (int i = 0; i < 100000; ++i) text += "  - Items follow here:\n";
  for (int i = 0; i < 100000; ++i) text += "  - **Label**\n";
  text += "    - Groups reduce isolation among men [1].\n\nCitations:\n[1] https://a.example/1\n";
  evgraph::Diagnostics d;
  const auto claims = claims_of(parse_string(text, d));
  REQUIRE_FALSE(claims.empty());
  CHECK(claims.back().section == "Top \u203A Label");
}

TEST_CASE("section goes on each occurrence and the claim through every export and back",
          "[export]") {
  evgraph::Diagnostics d;
  const auto evidence = evgraph::test::extract_string(
      "## Peer support\n\nGroups reduce isolation [1].\n\nCitations:\n[1] https://a.example/1\n",
      d);
  const auto graph = evgraph::build_graph(std::span(&evidence, 1));
  std::ostringstream json;
  evgraph::write_json(graph, json);
  CHECK(json.str().find("\"markers\":[\"1\"],\"section\":\"Peer support\"}],\"section\":\"Peer "
                        "support\"") != std::string::npos);
  const auto back = evgraph::read_graph_json(evgraph::make_text("g.json", json.str(), d), d);
  std::ostringstream again;
  evgraph::write_json(back, again);
  CHECK(again.str() == json.str());
  std::ostringstream graphml;
  evgraph::write_graphml(graph, graphml);
  CHECK(graphml.str().find("attr.name=\"section\"") != std::string::npos);
  std::ostringstream dot;
  evgraph::write_dot(graph, dot);
  CHECK(dot.str().find("(Peer support)") != std::string::npos);

  // A graph with no headings writes no section at all.
  const auto plain =
      evgraph::test::extract_string("Groups help [1].\n\n[1] https://a.example/1\n", d);
  const auto plain_graph = evgraph::build_graph(std::span(&plain, 1));
  std::ostringstream plain_json;
  evgraph::write_json(plain_graph, plain_json);
  CHECK(plain_json.str().find("section") == std::string::npos);
  std::ostringstream plain_graphml;
  evgraph::write_graphml(plain_graph, plain_graphml);
  CHECK(plain_graphml.str().find("section") == std::string::npos);
}
