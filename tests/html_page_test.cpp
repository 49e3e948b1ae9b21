// Chat pages saved as HTML (issue 10): a ChatGPT page's source chips, a Perplexity page's numbered
// <sup> links and its list of sources, and a hostile page (unclosed tags, scripts holding markup,
// nested lists, a line of a megabyte) read as answers whose links cite, with every location in
// the HTML file.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "file_support.hpp"
#include "test_support.hpp"

using evgraph::InputFormat;
using evgraph::test::count_code;
using evgraph::test::find_code;

namespace {

const std::filesystem::path kFixtures =
    std::filesystem::path(EVGRAPH_SOURCE_DIR) / "tests" / "fixtures" / "html";

struct Read {
  evgraph::Text text;
  evgraph::Diagnostics diagnostics;
  evgraph::Evidence evidence;
};

Read read_text(evgraph::Text text) {
  Read read{std::move(text), {}, {}};
  std::vector<evgraph::Evidence> documents = evgraph::read_documents(
      read.text, std::nullopt, {}, evgraph::default_lexicon(), read.diagnostics);
  REQUIRE(documents.size() == 1);
  read.evidence = std::move(documents.front());
  return read;
}

Read read_fixture(const char* name) {
  evgraph::Diagnostics cleaning;
  return read_text(evgraph::read_text(kFixtures / name, cleaning));
}

const evgraph::ClaimRecord* claim_with(const evgraph::Evidence& evidence, std::string_view text) {
  for (const auto& claim : evidence.claims) {
    if (claim.text == text) return &claim;
  }
  return nullptr;
}

const evgraph::ClaimRecord* claim_starting(const evgraph::Evidence& evidence,
                                           std::string_view start) {
  for (const auto& claim : evidence.claims) {
    if (claim.text.starts_with(start)) return &claim;
  }
  return nullptr;
}

// The ids of the sources a claim cites, in order.
std::vector<std::string> cited(const evgraph::Evidence& evidence,
                               const evgraph::ClaimRecord& claim) {
  std::vector<std::string> ids;
  for (const auto& citation : claim.citations) {
    ids.push_back(evidence.sources.at(citation.source).identity.id());
  }
  return ids;
}

// Where `needle` first stands in the file: its line and column.
std::pair<std::size_t, std::size_t> position_of(const evgraph::Text& text,
                                                std::string_view needle) {
  const std::size_t offset = text.content().find(needle);
  REQUIRE(offset != std::string_view::npos);
  const evgraph::Location where = text.locate(offset);
  return {where.line, where.column};
}

std::pair<std::size_t, std::size_t> position(const evgraph::Location& where) {
  return {where.line, where.column};
}

// Markup or a character reference left in a claim's text, or empty.
std::string leftover_markup(std::string_view text) {
  static const std::vector<std::string_view> kForbidden = {
      "<", ">", "&#", "&amp;", "&nbsp;", "&mdash;", "&lt;", "&gt;", "&quot;", "href", "](", "**"};
  for (std::string_view piece : kForbidden) {
    if (text.find(piece) != std::string_view::npos) return std::string(piece);
  }
  return {};
}

}  // namespace

TEST_CASE("HTML pages are an input format found by extension and by content", "[input][html]") {
  evgraph::Diagnostics d;
  const auto detect = [&](const std::string& name, const std::string& content) {
    return evgraph::detect_input_format(evgraph::make_text(name, content, d));
  };
  CHECK(detect("page.html", "<p>x</p>") == InputFormat::html);
  CHECK(detect("PAGE.HTM", "x") == InputFormat::html);
  CHECK(detect("saved", "\n<!DOCTYPE html>\n<html><body><p>x") == InputFormat::html);
  CHECK(detect("-", "<!doctype HTML><p>x") == InputFormat::html);
  CHECK(detect("answer.txt", "<html lang=\"en\"><body>x") == InputFormat::html);
  CHECK(detect("-", "<!-- saved from url=(0019)https://chatgpt.com/ -->\n<html>\n") ==
        InputFormat::html);
  CHECK(detect("clip", "Version:0.9\nStartHTML:0000000105\n<html><body>x") == InputFormat::html);
  // Markdown that starts with a tag, and structured formats, stay what they were.
  CHECK(detect("answer.md", "<p>Groups help.[1]</p>\n\n[1] https://a.example\n") ==
        InputFormat::answer);
  CHECK(detect("answer.md", "<htmlish> text") == InputFormat::answer);
  CHECK(detect("refs.bib", "<html>") == InputFormat::bibtex);
  CHECK(evgraph::input_format_from_name("html") == InputFormat::html);
  CHECK(evgraph::input_format_from_name("htm") == InputFormat::html);
  CHECK(evgraph::to_string(InputFormat::html) == "html");
  CHECK_FALSE(evgraph::names_works(InputFormat::html));
  // Added last: the formats before it keep their values.
  CHECK(static_cast<int>(InputFormat::html) == 13);
  CHECK(std::end(evgraph::kInputFormats)[-1] == InputFormat::html);
}

TEST_CASE("a folder's .html and .htm files are inputs, evgraph's own HTML pages are not",
          "[input][html]") {
  const auto dir = evgraph::test::scratch_dir("evgraph-html-test", "folder");
  std::filesystem::copy_file(kFixtures / "chatgpt-page.html", dir / "chatgpt.html");
  std::filesystem::copy_file(kFixtures / "perplexity-page.html", dir / "perplexity.HTM");
  const auto exported = evgraph::test::run_cli(
      {"build", (kFixtures / "chatgpt-page.html").string(), "-o", (dir / "graph.html").string()});
  REQUIRE(exported.code == 0);
  const evgraph::FoundInputs found = evgraph::find_inputs({{dir.string()}});
  std::vector<std::string> names;
  for (const auto& input : found.inputs) {
    names.push_back(std::filesystem::path(input.path).filename().string());
  }
  CHECK(names == std::vector<std::string>{"chatgpt.html", "perplexity.HTM"});
  REQUIRE(found.skipped.size() == 1);
  CHECK(found.skipped[0].files.size() == 1);
  CHECK(found.skipped[0].files[0].ends_with("graph.html"));
}

TEST_CASE("ChatGPT page: source chips cite their pages, the user's turn and the page's chrome go",
          "[parse][html]") {
  const Read read = read_fixture("chatgpt-page.html");
  const auto& evidence = read.evidence;
  CHECK(evidence.format == "html");
  CHECK(evidence.title == "Peer support for older men");
  CHECK(evidence.recognised == "html page from chatgpt.com, 1 assistant message, 4 citation links");

  const auto* sheds = claim_with(evidence, "Men\u2019s Sheds reduce loneliness among older men.");
  REQUIRE(sheds);
  CHECK(cited(evidence, *sheds) == std::vector<std::string>{"source:pubmed:35941799"});
  CHECK(sheds->section == "Community programmes");
  CHECK(position(sheds->where) == position_of(read.text, "Men&#8217;s Sheds reduce"));

  const auto* purpose = claim_with(evidence, "Members describe a sense of purpose & belonging.");
  REQUIRE(purpose);  // a chip whose text is no host: cited by its host, titled by its text
  REQUIRE(purpose->citations.size() == 1);
  const auto& association = evidence.sources.at(purpose->citations[0].source);
  CHECK(association.identity.id() == "source:url:menssheds.org.uk/about");
  CHECK(association.title == "Men's Sheds Association");
  CHECK(purpose->markers == std::vector<std::string>{"menssheds.org.uk+1"});
  const auto* collapsed = find_code(read.diagnostics, "collapsed-sources");
  REQUIRE(collapsed);  // "+1": a source the page does not name, reported where its chip stands
  CHECK(collapsed->where.file == read.text.name());
  CHECK(position(collapsed->where) ==
        position_of(read.text, "<a href=\"https://menssheds.org.uk/about/"));

  const auto* walking = claim_with(evidence, "Walking groups lift mood in retirees.");
  REQUIRE(walking);
  CHECK(cited(evidence, *walking) ==
        std::vector<std::string>{"source:url:ramblers.org.uk/walking-for-health"});
  CHECK(walking->markers == std::vector<std::string>{"ramblers"});
  const auto* trial = claim_with(evidence, "A trial of befriending calls found smaller effects.");
  REQUIRE(trial);  // a numbered <sup> link
  CHECK(cited(evidence, *trial) == std::vector<std::string>{"source:doi:10.1000/befriend.2021"});
  // A link in prose is the claim's words; its target is no source.
  const auto* va = claim_starting(evidence, "Peer support groups lower depressive symptoms");
  REQUIRE(va);
  CHECK(va->text ==
        "Peer support groups lower depressive symptoms in veterans, as the VA research programme "
        "reports.");
  CHECK(va->citations.empty());

  for (const auto& claim : evidence.claims) {
    INFO(claim.text);
    CHECK(leftover_markup(claim.text).empty());
    for (std::string_view chrome :
         {"What helps older men", "ChatGPT", "New chat", "Copy", "Good response",
          "not part of the answer", "draft", "Walking groups and mood", "said:"}) {
      CHECK(claim.text.find(chrome) == std::string::npos);
    }
  }
  CHECK(evidence.claims.size() == 5);
  CHECK(count_code(read.diagnostics, "undefined-citation") == 0);
  for (const auto& d : read.diagnostics) {
    INFO(d.message);
    CHECK(d.where.file == read.text.name());
    CHECK(d.where.line <= read.text.line_count());
  }
}

TEST_CASE("Perplexity page: numbered <sup> links and chips cite, the list of sources titles them",
          "[parse][html]") {
  const Read read = read_fixture("perplexity-page.html");
  const auto& evidence = read.evidence;
  CHECK(evidence.title == "What reduces loneliness in older men? - Perplexity");
  CHECK(evidence.recognised == "html page from perplexity.ai, 6 citation links");

  const auto* groups =
      claim_with(evidence, "Group-based programmes reduce loneliness among older men.");
  REQUIRE(groups);
  CHECK(cited(evidence, *groups) ==
        std::vector<std::string>{"source:pmc:PMC10078724", "source:pubmed:10609983"});
  CHECK(groups->markers == std::vector<std::string>{"1", "2"});
  CHECK(groups->section == "What reduces loneliness in older men?");
  CHECK(position(groups->where) == position_of(read.text, "Group-based programmes"));
  // The list's entry for [1] gives the work its title.
  CHECK(evidence.sources.at(groups->citations[0].source)
            .title.starts_with("Men's Sheds and "
                               "loneliness"));

  const auto* befriending =
      claim_with(evidence, "Befriending schemes show smaller, mixed effects.");
  REQUIRE(befriending);  // a chip `who+1`
  CHECK(cited(evidence, *befriending) ==
        std::vector<std::string>{"source:url:who.int/publications/i/item/9789240030749"});
  CHECK(count_code(read.diagnostics, "collapsed-sources") == 1);

  const auto* veterans =
      claim_with(evidence, "Peer specialists reduce depressive symptoms among veterans.");
  REQUIRE(veterans);
  CHECK(veterans->section == "What reduces loneliness in older men? \u203A Peer support");
  CHECK(cited(evidence, *veterans) ==
        std::vector<std::string>{"source:url:research.va.gov/topics/peer_support.cfm"});
  CHECK(evidence.sources.at(veterans->citations[0].source).title ==
        "Peer Support \u2013 VA Research");
  const auto* telephone =
      claim_with(evidence, "Telephone peer support helps men who cannot travel.");
  REQUIRE(telephone);  // `<sup><a>2</a>, <a>4</a></sup>`: the comma between them goes
  CHECK(cited(evidence, *telephone) ==
        std::vector<std::string>{"source:pubmed:10609983",
                                 "source:url:bmj.com/content/380/bmj-2022-072345"});

  CHECK(evidence.claims.size() == 4);
  for (const auto& claim : evidence.claims) {
    INFO(claim.text);
    CHECK(leftover_markup(claim.text).empty());
    CHECK(claim.text.find("Answer") == std::string::npos);
    CHECK(claim.text.find("__NEXT_DATA__") == std::string::npos);
    // The sidebar's links and the related question: the site's own navigation.
    for (std::string_view chrome : {"Home", "Discover", "How do Men"}) {
      CHECK(claim.text.find(chrome) == std::string::npos);
    }
  }
  const auto navigation =
      std::find_if(read.diagnostics.begin(), read.diagnostics.end(), [](const auto& d) {
        return d.code == "page-chrome" && d.message.starts_with("3 lines of the page's own");
      });
  REQUIRE(navigation != read.diagnostics.end());
  CHECK(navigation->severity == evgraph::Severity::info);
  CHECK(position(navigation->where) == position_of(read.text, "<a href=\"/\">"));
  for (std::string_view code : {"conflicting-link", "undefined-citation", "unused-citation"}) {
    INFO(code);
    CHECK(count_code(read.diagnostics, code) == 0);
  }
}

TEST_CASE("a link within the site is dropped only on a line of nothing else", "[parse][html]") {
  evgraph::Diagnostics cleaning;
  const Read read = read_text(evgraph::make_text(
      "page.html",
      "<!DOCTYPE html><html><body><ul><li><a href=\"/library\">Library</a></li>"
      "<li><a href=\"spaces/new\">New space</a></li></ul>"
      "<p>Walking groups help, as <a href=\"/search/walking\">an earlier search</a> found"
      "<sup><a href=\"https://a.example/1\">1</a></sup>.</p>"
      "<p><a href=\"mailto:x@example.org\">Write to us about the peer groups you "
      "run</a>.</p></body></html>",
      cleaning));
  std::vector<std::string> texts;
  for (const auto& claim : read.evidence.claims) texts.push_back(claim.text);
  CHECK(texts == std::vector<std::string>{"Walking groups help, as an earlier search found.",
                                          "Write to us about the peer groups you run."});
  CHECK(std::count_if(read.diagnostics.begin(), read.diagnostics.end(), [](const auto& d) {
          return d.code == "page-chrome" && d.message.starts_with("2 lines");
        }) == 1);
}

TEST_CASE("adjacent citation links are one group: the full stop after them ends their claim",
          "[parse][html]") {
  evgraph::Diagnostics d;
  const auto evidence = evgraph::test::extract_string(
      "Walking helps[1](https://a.example/x)[2](https://b.example/y). Cycling helps too[3](https://"
      "c.example/z).\n",
      d);
  REQUIRE(evidence.claims.size() == 2);
  CHECK(evidence.claims[0].text == "Walking helps.");
  CHECK(evidence.claims[0].citations.size() == 2);
  CHECK(evidence.claims[1].text == "Cycling helps too.");
}

TEST_CASE("hostile page: unclosed and misnested tags, markup inside scripts, nested lists",
          "[parse][html]") {
  const Read read = read_fixture("hostile-page.html");
  const auto& evidence = read.evidence;
  CHECK(evidence.title == "Hostile & broken");

  const auto* gardens = claim_with(evidence, "Shared gardens ease loneliness among retirees.");
  REQUIRE(gardens);  // upper-case tags, an unquoted class, an unclosed <P>
  CHECK(cited(evidence, *gardens) == std::vector<std::string>{"source:url:example.org/gardens"});
  const auto* exercise = claim_with(
      evidence, "Group exercise lifts mood in older women \u2014 a \u201Clarge\u201D effect.");
  REQUIRE(exercise);  // a bare <sup>2</sup> after a word is marker [2], resolved by the list
  CHECK(exercise->markers == std::vector<std::string>{"2"});
  CHECK(cited(evidence, *exercise) == std::vector<std::string>{"source:url:example.org/exercise"});
  const auto* mentoring =
      claim_with(evidence, "Mentoring schemes help young fathers a lot, really in cities.");
  REQUIRE(mentoring);  // `<b>…<i>…</b>…</i>`, and a link marked by a data-…citation… attribute
  CHECK(mentoring->markers == std::vector<std::string>{"example+2"});
  CHECK(cited(evidence, *mentoring) ==
        std::vector<std::string>{"source:url:example.org/mentoring"});

  // List items without their </li>, a nested list numbered from its start.
  const auto* calls = claim_with(evidence, "Befriending calls cut loneliness scores");
  REQUIRE(calls);  // `<a href="#fn-4">[4]</a>`: a footnote reference, resolved by the list
  CHECK(cited(evidence, *calls) == std::vector<std::string>{"source:url:example.org/befriending"});
  const auto* football = claim_with(evidence, "Walking football keeps men active");
  REQUIRE(football);
  CHECK(cited(evidence, *football) == std::vector<std::string>{"source:url:example.org/football"});
  const auto* cycling = claim_with(evidence, "Cycling clubs build friendships");
  REQUIRE(cycling);  // a citation to `javascript:`: its number is kept as a marker
  CHECK(cycling->markers == std::vector<std::string>{"6"});
  CHECK(cycling->citations.empty());
  // Exponents are not markers.
  CHECK(claim_with(evidence,
                   "The area grew to 40 m\u00B2 and the cost to 10\u00B3 pounds per member."));
  // A table row: its cells joined.
  const auto* sheds = claim_with(evidence, "Men's Sheds; Less loneliness");
  REQUIRE(sheds);
  CHECK(cited(evidence, *sheds) == std::vector<std::string>{"source:url:example.org/sheds"});
  // Text the page shows as text, references decoded once.
  const auto* shown = claim_starting(evidence, "A text with <b> shown as text, &amp; too,");
  REQUIRE(shown);
  CHECK(shown->text.find("an unknown &bogus; entity") != std::string::npos);
  CHECK(shown->text.ends_with("and a link that never closes to the end of the page"));

  for (const auto& claim : evidence.claims) {
    INFO(claim.text);
    for (std::string_view lost : {"not text", "document.write", "content:", "commented",
                                  "code with", "tags", "&mdash;", "&nbsp;", "</", "<p", "<div"}) {
      CHECK(claim.text.find(lost) == std::string::npos);
    }
  }
  CHECK(count_code(read.diagnostics, "undefined-citation") == 1);  // [6]
  const auto* dropped = find_code(read.diagnostics, "html-link-dropped");
  REQUIRE(dropped);
  CHECK(dropped->message.find("javascript:void(0)") != std::string::npos);
  CHECK(position(dropped->where) == position_of(read.text, "<a href=\"javascript:"));
}

TEST_CASE("a page of one megabyte line, of unclosed tags, of unclosed links stays linear",
          "[parse][html]") {
  std::string page = "<!DOCTYPE html><html><body><p>";
  for (int i = 0; i < 20000; ++i) {
    page += "Walking group " + std::to_string(i) + " helps<sup><a href=\"https://a.example/" +
            std::to_string(i % 50) + "\">" + std::to_string(i % 50 + 1) + "</a></sup>. ";
  }
  page += "</p>\n<div>";
  for (int i = 0; i < 100000; ++i) page += "<span><b><li><td><a href=\"https://a.example/x\">";
  page += "</div>";
  REQUIRE(page.size() > 1000000);
  evgraph::Diagnostics cleaning;
  const auto start = std::chrono::steady_clock::now();
  const Read read = read_text(evgraph::make_text("big.html", page, cleaning));
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < 30);
  CHECK(read.evidence.claims.size() >= 20000);
  CHECK(read.evidence.sources.size() == 50);
  const auto& last = read.evidence.claims[19999];
  CHECK(last.where.line == 1);
  CHECK(last.citations.size() == 1);
}

TEST_CASE("check says what a page was read as", "[cli][html]") {
  const std::string page = (kFixtures / "chatgpt-page.html").string();
  const auto r = evgraph::test::run_cli({"check", page});
  REQUIRE(r.code == 0);
  CHECK_THAT(r.err, Catch::Contains(evgraph::test::relative_to_current(page) +
                                    ": read as html page from chatgpt.com, 1 assistant message, "
                                    "4 citation links, 5 claims, 4 sources\n"));
  // --from html reads HTML that its name and first bytes do not show (a fragment copied as HTML).
  const auto dir = evgraph::test::scratch_dir("evgraph-html-test", "from");
  const std::string fragment = (dir / "copied.txt").string();
  {
    std::ofstream out(fragment);
    out << "<p>Walking groups lift mood<sup><a href=\"https://a.example/walk\">1</a></sup>.</p>\n";
  }
  const auto guessed = evgraph::test::run_cli({"check", fragment});
  CHECK_THAT(guessed.err, Catch::Contains("read as answer"));
  const auto forced = evgraph::test::run_cli({"check", "--from", "html", fragment});
  CHECK(forced.code == 0);
  CHECK_THAT(forced.err, Catch::Contains("read as html page, 1 citation link, 1 claim, 1 source"));
}
