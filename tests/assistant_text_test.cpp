// AI-assistant answers copied as text (issue 10): ChatGPT's oai_citation links, private-use and
// stripped markers, contentReference and 【†】 markers; Gemini's [cite_start] and Deep Research's
// plain-digit superscripts with a Works cited list; Copilot's [^n^] footnotes and titled links;
// text-fragment quotes. No claim of any fixture or corpus answer keeps an assistant's marker.
#include <catch2/catch.hpp>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "test_support.hpp"

using evgraph::test::count_code;
using evgraph::test::extract_string;
using evgraph::test::find_code;
using evgraph::test::parse_string;
using Strings = std::vector<std::string>;

namespace {

const std::filesystem::path kFixtures =
    std::filesystem::path(EVGRAPH_SOURCE_DIR) / "tests" / "fixtures" / "assistants";

struct Read {
  evgraph::Diagnostics diagnostics;
  evgraph::Document document;
  evgraph::Evidence evidence;
};

Read read_path(const std::filesystem::path& path) {
  Read read;
  const evgraph::Text text = evgraph::read_text(path, read.diagnostics);
  read.document = evgraph::parse_answer(text, read.diagnostics);
  read.evidence = evgraph::extract(read.document, evgraph::default_lexicon(), read.diagnostics);
  return read;
}

Read read_fixture(const char* name) {
  return read_path(kFixtures / name);
}

const evgraph::ClaimRecord* claim_with(const evgraph::Evidence& evidence, std::string_view text) {
  for (const auto& claim : evidence.claims) {
    if (claim.text == text) return &claim;
  }
  return nullptr;
}

// The first forbidden piece of an assistant's marker in `text`, or empty.
std::string leftover_marker(std::string_view text) {
  static const std::vector<std::string_view> kForbidden = {
      "\u3010", "\u2020", "\u2021", "oai_citation", "oaicite", "\uE200",
      "\uE201", "\uE202", "turn0",  "[^",           "[cite"};
  for (std::string_view piece : kForbidden) {
    if (text.find(piece) != std::string_view::npos) return std::string(piece);
  }
  return {};
}

}  // namespace

TEST_CASE("no claim of a fixture or a corpus answer keeps an assistant's marker", "[parse]") {
  std::vector<std::filesystem::path> paths;
  // The assistants' copies, exports and API responses, the answer files and the saved chat pages.
  for (const auto& folder :
       {kFixtures, kFixtures.parent_path() / "answers", kFixtures.parent_path() / "html"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
      if (entry.is_regular_file()) paths.push_back(entry.path());
    }
  }
  const auto corpus = std::filesystem::path(EVGRAPH_SHARED_DIR) / "corpus" / "answers";
  if (std::filesystem::exists(corpus)) {
    for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
      paths.push_back(entry.path());
    }
  } else {
    WARN("corpus skipped: " << corpus.string() << " is absent");
  }
  REQUIRE(paths.size() >= 6);
  for (const auto& path : paths) {
    // Copied text and the exports and API responses (tests/fixtures/assistants/api/) alike, each
    // read as the format it is recognised as.
    evgraph::Diagnostics diagnostics;
    const evgraph::Text text = evgraph::read_text(path, diagnostics);
    std::size_t claims = 0;
    for (const evgraph::Evidence& document :
         evgraph::read_documents(text, std::nullopt, {}, evgraph::default_lexicon(), diagnostics)) {
      claims += document.claims.size();
      for (const auto& claim : document.claims) {
        INFO(path.filename().string() << ": " << claim.text);
        CHECK(leftover_marker(claim.text).empty());
      }
    }
    INFO(path.filename().string());
    CHECK(claims > 0);
  }
}

TEST_CASE("ChatGPT copy: oai_citation links are citations with their title whatever the host",
          "[parse]") {
  const Read read = read_fixture("chatgpt-copy.md");
  const auto& evidence = read.evidence;
  const auto* sheds = claim_with(evidence, "and give members a sense of purpose.");
  REQUIRE(sheds);
  REQUIRE(sheds->citations.size() == 1);
  const auto& source = evidence.sources.at(sheds->citations[0].source);
  CHECK(source.identity.id() == "source:url:menssheds.org.uk/about");
  CHECK(source.title == "Men's Sheds Association");
  CHECK(source.url == "https://menssheds.org.uk/about/?utm_source=chatgpt.com");
  const auto* va =
      claim_with(evidence, "Peer support groups lower depressive symptoms in veterans.");
  REQUIRE(va);  // the older `[oai_citation:3,Title](url)`, with a text fragment
  REQUIRE(va->citations.size() == 1);
  CHECK(evidence.sources.at(va->citations[0].source).title == "VA Research Communications");
  CHECK(va->citations[0].quote == "reduced depressive symptoms\u2026among veterans");
  CHECK(claim_with(evidence, "Walking groups improve mood in retirees"));  // a source chip
  CHECK(read.document.recognised == "ChatGPT copy: 3 oai_citation links, 1 source chip");
  CHECK(evidence.recognised == read.document.recognised);
}

TEST_CASE(
    "ChatGPT copy: a bare oai_citation without its link is removed and reported with its "
    "title",
    "[parse]") {
  evgraph::Diagnostics d;
  const auto document = parse_string(
      "Men's Sheds reduce loneliness among older men oai_citation:1\u2021PubMed\n\n"
      "Only visible parts are drawn  oai_citation:0\u2021qlik-globe-flows.js.\n\n"
      "Walking helps. oai_citation:2\u2021Ramblers Walking for Health. Cycling clubs build "
      "friendships [oai_citation:3,Cycling UK].\n",
      d);
  const auto evidence = evgraph::extract(document, evgraph::default_lexicon(), d);
  REQUIRE(evidence.claims.size() == 4);
  CHECK(evidence.claims[0].text == "Men's Sheds reduce loneliness among older men");
  CHECK(evidence.claims[0].markers == Strings{"oai_citation:1"});
  CHECK(evidence.claims[0].citations.empty());
  CHECK(evidence.claims[1].text == "Only visible parts are drawn.");
  CHECK(evidence.claims[2].text == "Walking helps.");
  CHECK(evidence.claims[2].markers == Strings{"oai_citation:2"});
  CHECK(evidence.claims[3].text == "Cycling clubs build friendships.");
  CHECK(evidence.claims[3].markers == Strings{"oai_citation:3"});
  for (const auto& claim : evidence.claims) {
    INFO(claim.text);
    CHECK(leftover_marker(claim.text).empty());
    CHECK(claim.text.find("PubMed") == std::string::npos);
    CHECK(claim.text.find("Ramblers") == std::string::npos);
  }
  REQUIRE(count_code(d, "unresolved-marker") == 4);
  const auto* first = find_code(d, "unresolved-marker");
  CHECK(first->where.line == 1);
  CHECK(first->where.column == 47);
  CHECK_THAT(first->message, Catch::Contains("'oai_citation:1\u2021PubMed'") &&
                                 Catch::Contains("the source 'PubMed'"));
  std::vector<std::string> messages;
  for (const auto& diagnostic : d) messages.push_back(diagnostic.message);
  CHECK_THAT(messages[1], Catch::Contains("'qlik-globe-flows.js'"));
  CHECK_THAT(messages[2], Catch::Contains("'Ramblers Walking for Health'"));
  CHECK_THAT(messages[3], Catch::Contains("'Cycling UK'"));
  CHECK(count_code(d, "uncited-claim") == 0);
  CHECK(count_code(d, "undefined-citation") == 0);
  CHECK(document.recognised == "ChatGPT copy: 4 oai_citations without their links");
}

TEST_CASE("a long line of bare oai_citations stays linear", "[parse]") {
  std::string line = "Claim text ";
  for (int i = 0; i < 100000; ++i) line += "oai_citation:1\u2021T oai_citation:";
  line += "\n";
  evgraph::Diagnostics d;
  const auto doc = parse_string(line, d);
  REQUIRE(doc.blocks.size() == 1);
  CHECK(count_code(d, "unresolved-marker") == 100000);
}

TEST_CASE("ChatGPT copy: a bare oai_citation that the answer's own list defines cites it",
          "[parse]") {
  evgraph::Diagnostics d;
  const auto evidence = extract_string(
      "Men's Sheds reduce loneliness oai_citation:1\u2021PubMed. Walking helps "
      "[oai_citation:2\u2021Ramblers](https://www.ramblers.org.uk/walking).\n\n"
      "Sources:\n[1] https://pubmed.ncbi.nlm.nih.gov/35941799/\n",
      d);
  REQUIRE(evidence.claims.size() == 2);
  CHECK(evidence.claims[0].text == "Men's Sheds reduce loneliness.");
  REQUIRE(evidence.claims[0].citations.size() == 1);
  CHECK(evidence.sources.at(evidence.claims[0].citations[0].source).identity.id() ==
        "source:pubmed:35941799");
  CHECK(evidence.claims[1].citations.size() == 1);  // the link, as before
  CHECK(count_code(d, "unresolved-marker") == 0);
  CHECK(count_code(d, "undefined-citation") == 0);
}

TEST_CASE("ChatGPT private-use markers are removed and kept as markers and reported once per kind",
          "[parse]") {
  const Read read = read_fixture("chatgpt-private-use.txt");
  const auto& evidence = read.evidence;
  const auto* veterans = claim_with(evidence, "Peer groups reduce isolation among veterans.");
  REQUIRE(veterans);
  CHECK(veterans->markers == Strings{"turn0search0"});
  CHECK(veterans->citations.empty());
  const auto* walking =
      claim_with(evidence, "Walking groups led by Ramblers improve mood in older adults.");
  REQUIRE(walking);  // the entity shows its display name; several ids in one marker
  CHECK(walking->markers == Strings{"turn0search2", "turn0news3"});
  CHECK(claim_with(evidence, "The charity was founded by Ada Lovelace in this story."));
  const auto* gardens = claim_with(evidence, "Shared gardens ease loneliness among retirees.");
  REQUIRE(gardens);  // the words left when the private-use characters were stripped
  CHECK(gardens->markers == Strings{"turn0search5", "turn0news1"});
  const auto* fathers = claim_with(evidence, "Mentoring schemes help young fathers.");
  REQUIRE(fathers);
  CHECK(fathers->markers == Strings{"12:1\u2020source", "1\u2020L7-L9"});
  CHECK(claim_with(evidence, "Befriending calls cut loneliness scores."));      // after &#8203;
  CHECK(claim_with(evidence, "Group exercise lifts mood in older women."));     // after U+200B
  CHECK(claim_with(evidence, "Men's Sheds were studied in Australia first."));  // brace lost
  CHECK(evidence.claims.size() == 10);

  CHECK(count_code(read.diagnostics, "uncited-claim") == 0);
  CHECK(count_code(read.diagnostics, "undefined-citation") == 0);
  CHECK(count_code(read.diagnostics, "detached-citation") == 4);
  const auto* cite = find_code(read.diagnostics, "detached-citation");
  REQUIRE(cite);
  CHECK(cite->where.line == 1);
  CHECK(cite->where.column == 45);
  CHECK(cite->message.starts_with("4 ChatGPT citation marker(s)"));
  CHECK(cite->message.find("conversations.json") != std::string::npos);
  CHECK(count_code(read.diagnostics, "assistant-widget") == 1);
  CHECK(read.document.recognised ==
        "ChatGPT copy: 3 contentReference markers, 3 \u3010\u2020\u3011 markers, 4 cite turn "
        "markers, 1 filecite marker, 2 entity names, 1 widget");
}

TEST_CASE("a stripped cite word needs a turn id and a word boundary", "[parse]") {
  evgraph::Diagnostics d;
  const auto evidence = extract_string(
      "Researchers cite turnout figures.[1] Excite turn0search0 stays.[1]\n\n"
      "[1] https://a.example/1\n",
      d);
  REQUIRE(evidence.claims.size() == 3);
  CHECK(evidence.claims[0].text == "Researchers cite turnout figures.");
  CHECK(evidence.claims[1].text == "Excite");  // a bare turn id ends the span it cites
  CHECK(evidence.claims[1].markers == Strings{"turn0search0"});
  CHECK(evidence.claims[2].text == "stays.");
}

TEST_CASE("a full-width numbered bracket is a marker like a bracketed number", "[parse]") {
  evgraph::Diagnostics d;
  const auto evidence =
      extract_string("Peer groups help veterans.\u30102\u3011\n\n[2] https://a.example/2\n", d);
  REQUIRE(evidence.claims.size() == 1);
  CHECK(evidence.claims[0].text == "Peer groups help veterans.");
  REQUIRE(evidence.claims[0].citations.size() == 1);
  CHECK(evidence.sources.at(evidence.claims[0].citations[0].source).url == "https://a.example/2");
}

TEST_CASE("a long line of private-use openings stays linear", "[parse]") {
  std::string line = "Claim text ";
  for (int i = 0; i < 200000; ++i) line += "\uE200cite";
  line += "\n";
  evgraph::Diagnostics d;
  const auto doc = parse_string(line, d);
  REQUIRE(doc.blocks.size() == 1);
}

TEST_CASE("Gemini: cite_start tags go and cite brackets resolve against the list", "[parse]") {
  const Read read = read_fixture("gemini-cite.txt");
  const auto& evidence = read.evidence;
  REQUIRE(evidence.claims.size() == 2);
  CHECK(evidence.claims[0].text == "Men's Sheds reduce loneliness among older men.");
  CHECK(evidence.claims[1].citations.size() == 2);
  CHECK(read.diagnostics.empty());
  CHECK(read.document.recognised == "Gemini: 2 [cite] markers, 2 [cite_start] tags");
}

TEST_CASE("Gemini Deep Research: superscript digits link, inferred, to the Works cited list",
          "[parse]") {
  const Read read = read_fixture("gemini-deep-research.txt");
  const auto& evidence = read.evidence;
  REQUIRE(evidence.claims.size() == 4);
  const auto* depression =
      claim_with(evidence, "Veterans in peer groups report fewer symptoms of depression.");
  REQUIRE(depression);
  REQUIRE(depression->citations.size() == 2);
  CHECK(depression->citations[0].inferred);
  CHECK(depression->citations[1].inferred);
  const auto& source = evidence.sources.at(depression->citations[0].source);
  CHECK(source.title == "Peer support for veterans with depression - PMC");
  CHECK(source.accessed == "March 3, 2025");
  CHECK(count_code(read.diagnostics, "inferred-citations") == 1);
  const auto* note = find_code(read.diagnostics, "inferred-citations");
  REQUIRE(note);
  CHECK(note->severity == evgraph::Severity::info);
  CHECK(note->message.starts_with("5 citation(s) inferred"));
  CHECK(read.diagnostics.size() == 1);
  CHECK(read.document.recognised ==
        "Gemini Deep Research: Works cited list, 5 inferred superscripts");

  const auto graph = evgraph::build_graph(std::span(&evidence, 1));
  std::ostringstream json;
  evgraph::write_json(graph, json);
  CHECK(json.str().find("\"inferred\":true") != std::string::npos);
  CHECK(json.str().find("\"accessed\":\"March 3, 2025\"") != std::string::npos);
}

TEST_CASE("plain digits are not inferred when the document has brackets or one fails", "[parse]") {
  const std::string list = "\n\nWorks cited\n\n1. A, accessed May 1, 2025, https://a.example/1\n";
  SECTION("a digit the list does not define") {
    evgraph::Diagnostics d;
    const auto evidence = extract_string("Sheds help men.1 Walking helps.7" + list, d);
    CHECK(count_code(d, "inferred-citations") == 0);
    for (const auto& claim : evidence.claims) CHECK(claim.citations.empty());
  }
  SECTION("a bracketed marker elsewhere") {
    evgraph::Diagnostics d;
    const auto evidence = extract_string("Sheds help men.1 Walking helps [1]." + list, d);
    CHECK(count_code(d, "inferred-citations") == 0);
    REQUIRE(!evidence.claims.empty());
    CHECK(evidence.claims[0].text == "Sheds help men.1 Walking helps.");
  }
}

TEST_CASE("Copilot: caret footnotes resolve in any order and titled links name their source",
          "[parse]") {
  for (const char* name : {"copilot.md", "copilot-definitions-first.md"}) {
    INFO(name);
    const Read read = read_fixture(name);
    const auto* sheds = claim_with(read.evidence, "Men's Sheds give members a sense of purpose.");
    REQUIRE(sheds);
    REQUIRE(!sheds->citations.empty());
    CHECK(read.evidence.sources.at(sheds->citations[0].source).url ==
          "https://menssheds.org.uk/about/");
    CHECK(count_code(read.diagnostics, "undefined-citation") == 0);
    CHECK(count_code(read.diagnostics, "unused-citation") == 0);
  }
  const Read read = read_fixture("copilot.md");
  const auto* sheds = claim_with(read.evidence, "Men's Sheds give members a sense of purpose.");
  REQUIRE(sheds->citations.size() == 2);
  CHECK(sheds->citations[1].quote == "a sense of purpose");
  const auto* walking = claim_with(read.evidence, "Walking groups are linked to better mood.");
  REQUIRE(walking);
  REQUIRE(walking->citations.size() == 1);
  CHECK(read.evidence.sources.at(walking->citations[0].source).title == "Walking for health - NHS");
  CHECK(read.document.recognised == "Copilot: 3 [^n^] markers, 1 titled link");
}

TEST_CASE("text around a code span keeps its spaces", "[parse]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "Keep secrets in the `.env` file [1]. The `.sops.yaml` config encrypts them [1].\n\n"
      "[1] https://a.example/1\n",
      d);
  REQUIRE(doc.blocks.size() == 1);
  REQUIRE(doc.blocks[0].claims.size() == 2);
  CHECK(doc.blocks[0].claims[0].text == "Keep secrets in the .env file.");
  CHECK(doc.blocks[0].claims[1].text == "The .sops.yaml config encrypts them.");
}

TEST_CASE("a text fragment quote drops prefix and suffix and joins a range decoded", "[parse]") {
  evgraph::Diagnostics d;
  const auto evidence = extract_string(
      "Sheds help [1].\n\n"
      "[1] https://a.example/p#:~:text=older-,men%20who%20joined,felt%20less%20alone,-after\n",
      d);
  REQUIRE(evidence.claims.size() == 1);
  REQUIRE(evidence.claims[0].citations.size() == 1);
  CHECK(evidence.claims[0].citations[0].quote == "men who joined\u2026felt less alone");
}

TEST_CASE("plain answers recognise nothing and keep no optional attributes", "[parse]") {
  evgraph::Diagnostics d;
  const auto evidence = extract_string("Groups help [1].\n\n[1] https://a.example/1\n", d);
  CHECK(evidence.recognised.empty());
  const auto graph = evgraph::build_graph(std::span(&evidence, 1));
  std::ostringstream graphml;
  evgraph::write_graphml(graph, graphml);
  CHECK(graphml.str().find("inferred") == std::string::npos);
  CHECK(graphml.str().find("accessed") == std::string::npos);
}

TEST_CASE("inferred and quote and accessed survive GraphML keys and a JSON round trip",
          "[export]") {
  const Read read = read_fixture("gemini-deep-research.txt");
  const auto graph = evgraph::build_graph(std::span(&read.evidence, 1));
  std::ostringstream graphml;
  evgraph::write_graphml(graph, graphml);
  CHECK(graphml.str().find("attr.name=\"inferred\"") != std::string::npos);
  CHECK(graphml.str().find("attr.name=\"accessed\"") != std::string::npos);
  std::ostringstream json;
  evgraph::write_json(graph, json);
  evgraph::Diagnostics d;
  const auto back = evgraph::read_graph_json(evgraph::make_text("g.json", json.str(), d), d);
  std::ostringstream again;
  evgraph::write_json(back, again);
  CHECK(again.str() == json.str());
}
