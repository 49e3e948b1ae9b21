// The answer dialects of issue 3: every list, entry, marker and container shape people paste, one
// test each, on small answers written for these tests.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_support.hpp"

using evgraph::test::count_code;
using evgraph::test::extract_string;
using evgraph::test::find_code;
using evgraph::test::parse_string;
using Labels = std::vector<std::string>;

namespace {

std::vector<std::string> urls(const evgraph::Block& block) {
  std::vector<std::string> found;
  for (const auto& entry : block.citations) found.push_back(entry.url);
  return found;
}

std::string fixture(const char* name) {
  return std::string(EVGRAPH_SOURCE_DIR) + "/tests/fixtures/answers/" + name;
}

// The claim cites one source, by a link labelled `label`, which is its marker too.
void check_link(const evgraph::ClaimSpan& claim, const std::string& label, const std::string& url) {
  REQUIRE(claim.links.size() == 1);
  CHECK(claim.links[0].label == label);
  CHECK(claim.links[0].url == url);
  CHECK(claim.markers == Labels{label});
}

evgraph::Document parse_response(const std::string& path, evgraph::Diagnostics& d) {
  const evgraph::Text text = evgraph::read_text(path, d);
  return evgraph::parse_perplexity_response(text, d);
}

}  // namespace

// ---- list headings ------------------------------------------------------------------------------

TEST_CASE("list headings in Markdown and bold and with or without a colon", "[dialects]") {
  for (const char* heading : {"Citations:", "Citations", "Sources:", "References", "## Sources",
                              "### References:", "**Sources:**", "__References__",
                              "## 10. References", "Source: Conversation with Bing, 11/19/2023"}) {
    evgraph::Diagnostics d;
    const auto doc =
        parse_string(std::string("A claim.[1]\n\n") + heading + "\n\n1. https://a.example/1\n", d);
    INFO(heading);
    REQUIRE(doc.blocks.size() == 1);
    CHECK(doc.blocks[0].list_heading.line == 3);
    CHECK(urls(doc.blocks[0]) == Labels{"https://a.example/1"});
    CHECK(d.empty());
  }
}

TEST_CASE("localised list headings", "[dialects]") {
  for (const char* heading : {"Citazioni:", "Quellen:", "Fuentes:", "Références :", "Referencias",
                              "Bibliografia", "Fontes:", "Bronnen", "## Literatur"}) {
    evgraph::Diagnostics d;
    const auto doc = parse_string(
        std::string("Eine Aussage.[1]\n") + heading + "\n[1] https://a.example/1\n", d);
    INFO(heading);
    REQUIRE(doc.blocks.size() == 1);
    CHECK(doc.blocks[0].list_heading.line == 2);
  }
}

TEST_CASE("a sentence that starts with a heading word is prose", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "Sources: the review pooled twelve trials of peer groups and more besides.[1]\n"
      "[1] https://a.example/1\n",
      d);
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].list_heading.line == 0);
  CHECK(doc.blocks[0].claims.at(0).markers == Labels{"1"});
  const auto short_one = parse_string("Sources: PubMed and Embase were searched.\n", d);
  CHECK(short_one.blocks.at(0).claims.size() == 1);
}

TEST_CASE("a section heading with no list under it is only a heading", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "First claim.[1]\n### References\n- Add the references later.\nCitations:\n"
      "[1] https://a.example/1\n",
      d);
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].list_heading.line == 4);
  CHECK(doc.blocks[0].claims.size() == 2);
  CHECK(doc.blocks[0].citations.size() == 1);
}

TEST_CASE("numbering restarts in each list of a file of several answers", "[dialects]") {
  evgraph::Diagnostics d;
  const auto e = extract_string(
      "# First question\nGroups help.[1]\n\nSources:\n1. https://pubmed.ncbi.nlm.nih.gov/1/\n\n"
      "---\n# Second question\nWalks help.[1]\n\nSources:\n1. https://pubmed.ncbi.nlm.nih.gov/2/\n",
      d);
  REQUIRE(e.claims.size() == 2);
  CHECK(e.sources.at(e.claims[0].citations.at(0).source).identity.id() == "source:pubmed:1");
  CHECK(e.sources.at(e.claims[1].citations.at(0).source).identity.id() == "source:pubmed:2");
  CHECK(e.claims[1].block == 2);
  CHECK(d.empty());
}

// ---- list entries -------------------------------------------------------------------------------

TEST_CASE("numbered and bulleted list entries", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "Claim.[1][2][3][4]\nSources:\n1. https://a.example/1\n2) https://a.example/2\n"
      "- [3] https://a.example/3\n* [4]: https://a.example/4\n",
      d);
  const auto& list = doc.blocks.at(0).citations;
  REQUIRE(list.size() == 4);
  for (std::size_t i = 0; i < list.size(); ++i) {
    CHECK(list[i].label == std::to_string(i + 1));
    CHECK(list[i].url == "https://a.example/" + std::to_string(i + 1));
    CHECK(list[i].where.line == i + 3);
  }
  CHECK(list[2].where.column == 3);
  CHECK(d.empty());
}

TEST_CASE("an entry with a title before its URL and a trailing full stop", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "Claim.[1][2]\n(1) Peer support in rural men - Journal of Rural Health. "
      "https://a.example/rural-men.\n[2] Walking groups - BMJ Open https://a.example/walks\n",
      d);
  const auto& list = doc.blocks.at(0).citations;
  REQUIRE(list.size() == 2);
  CHECK(list[0].url == "https://a.example/rural-men");
  CHECK(list[0].title == "Peer support in rural men - Journal of Rural Health");
  CHECK(list[1].url == "https://a.example/walks");
  CHECK(list[1].title == "Walking groups - BMJ Open");
}

TEST_CASE("an entry that is a Markdown link", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "Claim.[1][2]\n**Sources:**\n1. [nih.gov](https://a.example/redirect/1)\n"
      "- [Men and loneliness](https://a.example/2)\n",
      d);
  const auto& list = doc.blocks.at(0).citations;
  REQUIRE(list.size() == 2);
  CHECK(list[0].title == "nih.gov");
  CHECK(list[0].url == "https://a.example/redirect/1");
  CHECK(list[1].label == "2");
  CHECK(list[1].title == "Men and loneliness");
}

TEST_CASE("an entry that wraps onto the next line", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "Claim.[1][2][3]\nReferences:\n[1] Smith J. Peer support for veterans: a review.\n"
      "    https://doi.org/10.1000/vets.1\n[2] https://a.example/a/very/long/\npath/report.pdf\n"
      "[3] A title that runs\n    over two lines. https://a.example/3\n",
      d);
  const auto& list = doc.blocks.at(0).citations;
  REQUIRE(list.size() == 3);
  CHECK(list[0].title == "Smith J. Peer support for veterans: a review");
  CHECK(list[0].url == "https://doi.org/10.1000/vets.1");
  CHECK(list[1].url == "https://a.example/a/very/long/path/report.pdf");
  CHECK(list[2].title == "A title that runs over two lines");
  CHECK(list[2].url == "https://a.example/3");
  CHECK(doc.blocks[0].claims.size() == 1);
}

TEST_CASE("an entry that holds two URLs", "[dialects]") {
  evgraph::Diagnostics d;
  const auto e = extract_string(
      "Claim.[1]\nCitations:\n[1] Loneliness trial https://pubmed.ncbi.nlm.nih.gov/5/ "
      "https://doi.org/10.1000/trial.5\n",
      d);
  REQUIRE(e.sources.size() == 1);
  CHECK(e.sources[0].url == "https://pubmed.ncbi.nlm.nih.gov/5/");
  CHECK(e.sources[0].urls == Labels{"https://doi.org/10.1000/trial.5"});
  CHECK(e.sources[0].title == "Loneliness trial");
}

TEST_CASE("a URL with spaces in it", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc =
      parse_string("Claim.[1]\nSources:\n[1] https://a.example/files/Peer Support Report.pdf\n", d);
  CHECK(urls(doc.blocks.at(0)) == Labels{"https://a.example/files/Peer%20Support%20Report.pdf"});
}

TEST_CASE("an entry that is a title with no URL is a source", "[dialects]") {
  evgraph::Diagnostics d;
  const auto e = extract_string(
      "Groups help.[1] Walks help.[2]\nReferences:\n1. Men's sheds and wellbeing. *Health "
      "Promotion International*, 2019.\n2. https://pubmed.ncbi.nlm.nih.gov/2/\n",
      d);
  REQUIRE(e.sources.size() == 2);
  CHECK(e.sources[0].url.empty());
  CHECK(e.sources[0].title == "Men's sheds and wellbeing. Health Promotion International, 2019");
  CHECK(e.sources[0].identity.scheme == evgraph::Scheme::title);
  REQUIRE(e.claims.at(0).citations.size() == 1);
  CHECK(e.claims[0].citations[0].source == 0);
  CHECK(d.empty());
}

TEST_CASE("a source listed twice under different numbers is two records of one URL", "[dialects]") {
  evgraph::Diagnostics d;
  const auto e = extract_string(
      "One.[1] Two.[3]\nSources:\n[1] https://pubmed.ncbi.nlm.nih.gov/9/\n"
      "[2] https://pubmed.ncbi.nlm.nih.gov/8/\n[3] https://pubmed.ncbi.nlm.nih.gov/9/\n",
      d);
  REQUIRE(e.sources.size() == 3);
  CHECK(e.sources[0].identity == e.sources[2].identity);
  CHECK(e.sources.at(e.claims.at(1).citations.at(0).source).label == "3");
}

TEST_CASE("a References list of cite annotations titles the Sources list", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "Taxes cut sugary drinks [cite: 1, 2]. Screening needs care [cite: 3].\n\n## References\n\n"
      "1.  **[cite: 1]** Sugar taxes in Mexico. *BMJ*, 2020.\n"
      "2.  **[cite: 3]** Screening without follow-up. *PMC*.\n\n**Sources:**\n"
      "1. [bmj.com](https://a.example/r/1)\n2. [nih.gov](https://a.example/r/2)\n",
      d);
  REQUIRE(doc.blocks.size() == 1);
  const auto& block = doc.blocks[0];
  CHECK(block.claims.at(0).markers == Labels{"1", "2"});
  REQUIRE(block.citations.size() == 3);
  CHECK(block.citations[0].title == "Sugar taxes in Mexico. BMJ, 2020");
  CHECK(block.citations[0].url == "https://a.example/r/1");
  CHECK(block.citations[1].title == "nih.gov");
  CHECK(block.citations[2].label == "3");
  CHECK(block.citations[2].url.empty());
  CHECK(block.citations[2].title == "Screening without follow-up. PMC");
  CHECK(d.empty());
}

TEST_CASE("a number with neither URL nor title is reported", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string("Claim.[1]\nCitations:\n[1] https://a.example/1 [2]\n", d);
  CHECK(doc.blocks.at(0).citations.size() == 1);
  REQUIRE(count_code(d, "citation-without-url") == 1);
  CHECK(find_code(d, "citation-without-url")->where.column == 25);
}

// ---- markers ------------------------------------------------------------------------------------

TEST_CASE("marker brackets ranges and cite prefixes", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "A [1]. B [1][2]. C [1, 3]. D [2-4]. E [1\u20133]. F [cite: 1, 2]. G [cite:4]\n", d);
  const auto& claims = doc.blocks.at(0).claims;
  REQUIRE(claims.size() == 7);
  CHECK(claims[0].markers == Labels{"1"});
  CHECK(claims[1].markers == Labels{"1", "2"});
  CHECK(claims[2].markers == Labels{"1", "3"});
  CHECK(claims[3].markers == Labels{"2", "3", "4"});
  CHECK(claims[4].markers == Labels{"1", "2", "3"});
  CHECK(claims[5].markers == Labels{"1", "2"});
  CHECK(claims[5].text == "F.");
  CHECK(claims[6].markers == Labels{"4"});
}

TEST_CASE("Markdown footnotes resolve against definitions anywhere in any order", "[dialects]") {
  evgraph::Diagnostics d;
  const auto e = extract_string(
      "[^1_2]: https://pubmed.ncbi.nlm.nih.gov/12/\n\nGroups help.[^1_1][^1_2] Walks "
      "help.[^b]\n\n[^b]: https://pubmed.ncbi.nlm.nih.gov/20/\n"
      "[^1_1]: https://pubmed.ncbi.nlm.nih.gov/11/\n[^9]: https://pubmed.ncbi.nlm.nih.gov/99/\n",
      d);
  REQUIRE(e.claims.size() == 2);
  REQUIRE(e.claims[0].citations.size() == 2);
  CHECK(e.sources.at(e.claims[0].citations[0].source).identity.id() == "source:pubmed:11");
  CHECK(e.sources.at(e.claims[0].citations[1].source).identity.id() == "source:pubmed:12");
  CHECK(e.claims[0].citations[0].markers == Labels{"^1_1"});
  CHECK(e.sources.at(e.claims[1].citations.at(0).source).identity.id() == "source:pubmed:20");
  REQUIRE(count_code(d, "unused-citation") == 1);
  CHECK(find_code(d, "unused-citation")->where.line == 7);
  CHECK_THAT(find_code(d, "unused-citation")->message, Catch::Contains("[^9]"));
  CHECK(d.size() == 1);
}

TEST_CASE("a footnote number each answer restarts means the nearest definition after it",
          "[dialects]") {
  evgraph::Diagnostics d;
  const auto e = extract_string(
      "Groups help.[^1]\n\n[^1]: https://pubmed.ncbi.nlm.nih.gov/1/\n\n---\n"
      "Walks help.[^1]\n\n[^1]: https://pubmed.ncbi.nlm.nih.gov/2/\n",
      d);
  REQUIRE(e.claims.size() == 2);
  CHECK(e.sources.at(e.claims[0].citations.at(0).source).identity.id() == "source:pubmed:1");
  CHECK(e.sources.at(e.claims[1].citations.at(0).source).identity.id() == "source:pubmed:2");
  CHECK(d.empty());
}

TEST_CASE("an undefined footnote is reported at its marker", "[dialects]") {
  evgraph::Diagnostics d;
  extract_string("Groups help.[^3]\n\n[^1]: https://pubmed.ncbi.nlm.nih.gov/1/\n", d);
  const auto* undefined = find_code(d, "undefined-citation");
  REQUIRE(undefined);
  CHECK(undefined->where.line == 1);
  CHECK(undefined->where.column == 13);
  CHECK_THAT(undefined->message, Catch::Contains("[^3]"));
}

TEST_CASE("Bing footnote markers and links to footnotes use the numbered list", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "Sheds help men.[^1^] Read more in [this review](^2^).\n"
      "(1) Sheds. https://a.example/1.\n(2) Review. https://a.example/2.\n",
      d);
  const auto& claims = doc.blocks.at(0).claims;
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].markers == Labels{"1"});
  CHECK(claims[1].text == "Read more in this review.");
  CHECK(claims[1].markers == Labels{"2"});
  CHECK(claims[1].markers_where.column == 35);
}

TEST_CASE("superscript markers when a list follows", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "Sheds reduce isolation\u00B9\u00B2. Walks lift mood\u00B3 in 5 m\u00B2 rooms.\n"
      "Source: Conversation with Bing\n(1) A. https://a.example/1\n(2) B. https://a.example/2\n"
      "(3) C. https://a.example/3\n",
      d);
  const auto& claims = doc.blocks.at(0).claims;
  REQUIRE(claims.size() == 3);
  CHECK(claims[0].text == "Sheds reduce isolation.");
  CHECK(claims[0].markers == Labels{"1", "2"});
  CHECK(claims[1].text == "Walks lift mood");
  CHECK(claims[1].markers == Labels{"3"});
  CHECK(claims[2].text == "in 5 m\u00B2 rooms.");
}

TEST_CASE("superscripts with no list after them are text", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string("Water is H\u2082O and energy is mc\u00B2 or x\u00B9.\n", d);
  REQUIRE(doc.blocks.at(0).claims.size() == 1);
  CHECK(doc.blocks[0].claims[0].text == "Water is H\u2082O and energy is mc\u00B2 or x\u00B9.");
}

TEST_CASE("inline numbered links are sources cited but not listed", "[dialects]") {
  evgraph::Diagnostics d;
  const auto e = extract_string(
      "Groups help [1](https://pubmed.ncbi.nlm.nih.gov/1/). Walks help "
      "[2](https://pubmed.ncbi.nlm.nih.gov/2/)[3](https://pubmed.ncbi.nlm.nih.gov/1/).\n",
      d);
  REQUIRE(e.claims.size() == 2);
  CHECK(e.claims[0].text == "Groups help.");
  REQUIRE(e.sources.size() == 2);
  CHECK(e.listed == std::vector<bool>{false, false});
  REQUIRE(e.claims[1].citations.size() == 2);
  CHECK(e.claims[1].citations[1].source == 0);
  CHECK(e.claims[1].citations[1].markers == Labels{"3"});
  CHECK(d.empty());
}

TEST_CASE("Perplexity domain chips are citations and prose links are not", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "Sheds help.[barrowneuro+1](https://www.barrowneuro.org/a) Walks help.[pubmed.ncbi.nlm.nih]"
      "(https://pubmed.ncbi.nlm.nih.gov/3/) See [the guide](https://a.example/guide) and "
      "[CDC](https://www.cdc.gov/x) for more. Dogs help.[webmd](https://www.webmd.com/dogs)\n",
      d);
  const auto& claims = doc.blocks.at(0).claims;
  REQUIRE(claims.size() == 3);
  CHECK(claims[0].text == "Sheds help.");
  check_link(claims[0], "barrowneuro+1", "https://www.barrowneuro.org/a");
  CHECK(claims[0].links[0].where.column == 12);
  CHECK(claims[1].links.at(0).label == "pubmed.ncbi.nlm.nih");
  CHECK(claims[2].text == "See the guide and CDC for more. Dogs help.");
  CHECK(claims[2].links.at(0).label == "webmd");
}

// ---- not citations ------------------------------------------------------------------------------

TEST_CASE("bracketed numbers in data are not markers", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "- Size: [12,466]\n- Size: [662]\n- Count = [4600]\n- Progress: [6/25]\n- Cited [1,2].\n"
      "Citations:\n[1] https://a.example/1\n[2] https://a.example/2\n",
      d);
  const auto& claims = doc.blocks.at(0).claims;
  REQUIRE(claims.size() == 5);
  CHECK(claims[0].text == "Size: [12,466]");
  CHECK(claims[1].text == "Size: [662]");
  CHECK(claims[2].text == "Count = [4600]");
  CHECK(claims[3].text == "Progress: [6/25]");
  for (std::size_t i = 0; i < 4; ++i) CHECK(claims[i].markers.empty());
  CHECK(claims[4].markers == Labels{"1", "2"});
}

TEST_CASE("wikilinks callouts and emphasis are text", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      ">[!Note] DEFINITION of [[diplopia]]\n>[[diplopia]] is **double vision** in _one_ or "
      "[[Binocular diplopia|both]] eyes.[1]\n[1] https://a.example/1\n",
      d);
  const auto& claims = doc.blocks.at(0).claims;
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].text == "diplopia is double vision in one or both eyes.");
  CHECK(claims[0].where.line == 2);
  CHECK(claims[0].where.column == 2);
}

TEST_CASE("fenced code blocks are skipped", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "Claim.[1]\n```python\nx = [1, 2]  # [2]\n```\n~~~\n[3] not a list\n~~~\n"
      "Citations:\n[1] https://a.example/1\n",
      d);
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].claims.size() == 1);
  CHECK(doc.blocks[0].citations.size() == 1);
  CHECK(d.empty());
}

// ---- containers ---------------------------------------------------------------------------------

TEST_CASE("YAML front matter is skipped and a block scalar in it is an answer", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "---\ntags:\n  - research\nanswer: |\n  Groups help.[1]\n  Sources:\n"
      "  [1] https://a.example/1\ntitle: x\n---\nBody claim.\n",
      d);
  REQUIRE(doc.blocks.size() == 2);
  CHECK(doc.blocks[0].claims.at(0).text == "Groups help.");
  CHECK(doc.blocks[0].claims[0].where.line == 5);
  CHECK(doc.blocks[0].claims[0].where.column == 3);
  CHECK(urls(doc.blocks[0]) == Labels{"https://a.example/1"});
  REQUIRE(doc.blocks[1].claims.size() == 1);
  CHECK(doc.blocks[1].claims[0].text == "Body claim.");
}

TEST_CASE("HTML tags are stripped and their text kept", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "<img src=\"logo.png\"/>\n<p>Sheds help men.[1]</p><p>Walks<br>lift mood &amp; "
      "sleep.[2]</p>\n<span style=\"display:none\">[1][2]</span>\n<div>\u2042</div>\n"
      "Citations:\n[1] https://a.example/1\n[2] https://a.example/2\n",
      d);
  const auto& claims = doc.blocks.at(0).claims;
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].text == "Sheds help men.");
  CHECK(claims[1].text == "Walks; lift mood & sleep.");
  REQUIRE(count_code(d, "marker-without-claim") == 1);
  CHECK(find_code(d, "marker-without-claim")->where.line == 3);
}

TEST_CASE("Markdown table rows are claims and rules and header rows are not", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "| State | Population | Notes |\n| :-- | --: | :-- |\n"
      "| Washington | 8,035,700 | Most populous. [^1] |\n| Oregon | 4,273,586 | Larger [2] |\n"
      "\n[^1]: https://a.example/1\nCitations:\n[2] https://a.example/2\n",
      d);
  REQUIRE(doc.blocks.size() == 1);
  const auto& claims = doc.blocks[0].claims;
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].text == "Washington; 8,035,700; Most populous.");
  CHECK(claims[0].markers == Labels{"^1"});
  CHECK(claims[0].where.line == 3);
  CHECK(claims[0].where.column == 3);
  // A row of fewer than four words says what it says under its columns' names (issue 10).
  CHECK(claims[1].text == "State: Oregon; Population: 4,273,586; Notes: Larger");
  CHECK(claims[1].markers == Labels{"2"});
}

TEST_CASE("an answer in the comments of a source file", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "// Groups help men\xC2\xB9.\nvar m = [\n  [1, 2],\n];\n"
      "// Source: Conversation with Bing, 1/2/2024\n// (1) Men's sheds. https://a.example/1.\n"
      "(* Walks lift mood [1]. *)\nf[x_] := x;\n",
      d);
  REQUIRE(doc.blocks.size() == 2);
  const auto& first = doc.blocks[0];
  REQUIRE(first.claims.size() == 1);
  CHECK(first.claims[0].text == "Groups help men.");
  CHECK(first.claims[0].markers == Labels{"1"});
  CHECK(first.claims[0].where.column == 4);
  CHECK(urls(first) == Labels{"https://a.example/1"});
  CHECK(first.citations[0].title == "Men's sheds");
  REQUIRE(doc.blocks[1].claims.size() == 1);
  CHECK(doc.blocks[1].claims[0].text == "Walks lift mood.");
}

TEST_CASE("a multi-line comment in parentheses", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "(* Groups help men [1].\n   Walks lift mood [2].\n   Citations:\n"
      "   [1] https://a.example/1\n   [2] https://a.example/2 *)\nPlot[Sin[x], {x, 0, 1}];\n",
      d);
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].claims.size() == 2);
  CHECK(urls(doc.blocks[0]) == Labels{"https://a.example/1", "https://a.example/2"});
}

TEST_CASE("a Markdown note mixing front matter callouts code tables HTML and footnotes",
          "[dialects]") {
  evgraph::Diagnostics d;
  const evgraph::Text text = evgraph::read_text(fixture("obsidian_note.md"), d);
  const auto e = evgraph::extract(evgraph::parse_answer(text, d), evgraph::default_lexicon(), d);
  std::vector<std::string> texts;
  for (const auto& claim : e.claims) texts.push_back(claim.text);
  CHECK(texts == Labels{"Peer mentoring lowers readmission.", "Men's sheds reduce isolation.",
                        "See the sheds note and the programme page.",
                        "Group: Walking; Effect: Better mood",
                        "Singing lifts breathing. It also helps mood."});
  CHECK(count_code(d, "uncited-claim") == 1);
  CHECK(count_code(d, "unused-citation") == 0);
  CHECK(count_code(d, "collapsed-sources") == 1);  // [sheds+2]
  CHECK(d.size() == 2);
  REQUIRE(e.sources.size() == 4);
  CHECK(e.sources[1].title == "Singing for lung health");
}

// ---- Perplexity API responses -------------------------------------------------------------------

TEST_CASE("a Perplexity API response resolves n against citations n-1", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_response(fixture("sonar_response.json"), d);
  REQUIRE(doc.blocks.size() == 1);
  const auto& block = doc.blocks[0];
  REQUIRE(block.claims.size() == 3);
  CHECK(block.claims[0].text == "Peer groups reduce loneliness in older men.");
  CHECK(block.claims[1].text == "Walking groups lift mood\u2019s low points.");
  CHECK(block.claims[1].markers == Labels{"2", "4"});
  CHECK(urls(block) == Labels{"https://pubmed.ncbi.nlm.nih.gov/11111111/",
                              "https://www.example.org/walking-groups",
                              "https://www.example.org/unused"});
  CHECK(block.citations[0].title == "Peer support for older men");
  CHECK(block.citations[1].where.line == 9);
  CHECK(block.citations[1].where.column == 5);
  CHECK(block.claims[0].where.file == fixture("sonar_response.json"));
  CHECK(block.claims[0].where.line == 23);
  CHECK(block.claims[0].where.column == 21);
  CHECK(block.claims[1].where.line == 23);
  CHECK(block.claims[1].where.column == 70);
  CHECK(block.claims[1].markers_where.column == 113);
}

TEST_CASE("a Perplexity response's diagnostics point into the file", "[dialects]") {
  evgraph::Diagnostics d;
  const evgraph::Text text = evgraph::read_text(fixture("sonar_response.json"), d);
  const auto e =
      evgraph::extract(evgraph::parse_perplexity_response(text, d), evgraph::default_lexicon(), d);
  const auto* undefined = find_code(d, "undefined-citation");
  REQUIRE(undefined);
  CHECK(undefined->where.line == 23);
  CHECK(undefined->where.column == 113);
  CHECK(count_code(d, "unused-citation") == 1);
  CHECK(count_code(d, "uncited-claim") == 1);
  CHECK(e.sources.at(e.claims.at(0).citations.at(0).source).identity.id() ==
        "source:pubmed:11111111");
}

TEST_CASE("a newer Perplexity response with only search results", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_response(fixture("sonar_search_results.json"), d);
  REQUIRE(doc.blocks.size() == 1);
  const auto& block = doc.blocks[0];
  CHECK(block.claims.size() == 2);
  REQUIRE(block.citations.size() == 2);
  CHECK(block.citations[1].url == "https://doi.org/10.1000/SP.2");
  CHECK(block.citations[1].title == "Social prescribing");
  CHECK(block.citations[1].where.line == 2);
}

TEST_CASE("citations given as objects with url and title", "[dialects]") {
  evgraph::Diagnostics d;
  const auto text = evgraph::make_text(
      "r.json",
      R"({"choices":[{"message":{"content":"A [1]."}}],"citations":[{"url":"https://a.example/1","title":"T"}]})",
      d);
  const auto doc = evgraph::parse_perplexity_response(text, d);
  REQUIRE(doc.blocks.at(0).citations.size() == 1);
  CHECK(doc.blocks[0].citations[0].title == "T");
  CHECK(doc.blocks[0].claims.at(0).where.column == 36);
}

TEST_CASE("an answer not found verbatim in the file is located within the answer", "[dialects]") {
  evgraph::Diagnostics d;
  const auto text = evgraph::make_text(
      "r.json", R"({"choices":[{"message":{"content":"A [1].\r\nB [2]."}}],"citations":["u"]})", d);
  const auto doc = evgraph::parse_perplexity_response(text, d);
  const auto& claims = doc.blocks.at(0).claims;
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].where.file == "r.json (choices[0].message.content)");
  CHECK(claims[1].where.line == 2);
  CHECK(claims[1].where.column == 1);
}

TEST_CASE("JSON that is not a Perplexity response throws InputError at 1 1", "[dialects]") {
  for (const char* bad : {"{not json", "[1, 2]", R"({"choices": []})",
                          R"({"choices": [{"message": {"content": 3}}]})"}) {
    evgraph::Diagnostics d;
    const auto text = evgraph::make_text("bad.json", bad, d);
    INFO(bad);
    try {
      evgraph::parse_perplexity_response(text, d);
      FAIL("no exception");
    } catch (const evgraph::InputError& e) {
      CHECK(e.where().file == "bad.json");
      CHECK(e.where().line == 1);
      CHECK(e.where().column == 1);
      CHECK_THAT(std::string(e.what()), Catch::Contains("Perplexity"));
    }
  }
}

// ---- review of the dialects: links that cite, URLs, entities, headings -------------------------

TEST_CASE("a prose link to a scholarly identifier cites it and keeps its text", "[dialects]") {
  evgraph::Diagnostics d;
  const auto e = extract_string(
      "A [2019 cohort study](https://doi.org/10.1000/xyz.2019) found less loneliness.\n"
      "A [*trial*](https://pubmed.ncbi.nlm.nih.gov/12345678/) found more walking [1].\n"
      "See [the guide](https://a.example/guide) for more.\n"
      "Citations:\n[1] https://a.example/1\n",
      d);
  REQUIRE(e.claims.size() == 3);
  CHECK(e.claims[0].text == "A 2019 cohort study found less loneliness.");
  CHECK(e.claims[0].markers == Labels{"2019 cohort study"});
  REQUIRE(e.claims[0].citations.size() == 1);
  CHECK(e.sources.at(e.claims[0].citations[0].source).identity.id() ==
        "source:doi:10.1000/xyz.2019");
  CHECK(e.claims[0].citations[0].markers == Labels{"2019 cohort study"});
  CHECK(e.claims[1].text == "A trial found more walking.");
  CHECK(e.claims[1].markers == Labels{"trial", "1"});
  REQUIRE(e.claims[1].citations.size() == 2);
  CHECK(e.sources.at(e.claims[1].citations[0].source).identity.id() == "source:url:a.example/1");
  CHECK(e.sources.at(e.claims[1].citations[1].source).identity.id() == "source:pubmed:12345678");
  CHECK(e.claims[2].text == "See the guide for more.");
  CHECK(e.claims[2].citations.empty());
  CHECK(e.sources.size() == 3);
  CHECK(count_code(d, "undefined-citation") == 0);
  CHECK(count_code(d, "uncited-claim") == 1);
}

TEST_CASE("a parenthesis of links ending a claim cites them", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "Peer groups reduce loneliness ([BMJ Open](https://bmjopen.bmj.com/content/9/1/e1)). "
      "Walks help too. ([A](https://a.example/a); [B](https://b.example/b))\n"
      "Falls dropped ([CDC](https://www.cdc.gov/x)) in the groups.\n",
      d);
  const auto& claims = doc.blocks.at(0).claims;
  REQUIRE(claims.size() == 3);
  CHECK(claims[0].text == "Peer groups reduce loneliness.");
  check_link(claims[0], "BMJ Open", "https://bmjopen.bmj.com/content/9/1/e1");
  CHECK(claims[1].text == "Walks help too.");
  CHECK(claims[1].markers == Labels{"A", "B"});
  CHECK(claims[2].text == "Falls dropped (CDC) in the groups.");
  CHECK(claims[2].links.empty());
}

TEST_CASE("a bracketed number as link text is a numbered citation", "[dialects]") {
  evgraph::Diagnostics d;
  const auto e = extract_string(
      "Groups help [[1]](https://example.org/a) and walks help.[[2]](https://example.org/b)\n", d);
  REQUIRE(e.claims.size() == 2);
  CHECK(e.claims[0].text == "Groups help");
  CHECK(e.claims[0].markers == Labels{"1"});
  CHECK(e.claims[1].text == "and walks help.");
  REQUIRE(e.claims[1].citations.size() == 1);
  CHECK(e.sources.at(e.claims[1].citations[0].source).url == "https://example.org/b");
  CHECK(e.claims[1].citations[0].markers == Labels{"2"});
  CHECK(d.empty());
}

TEST_CASE("a claim cited by a link has the link label among its occurrence markers", "[dialects]") {
  evgraph::Diagnostics d;
  const auto e = extract_string("Sheds help.[barrowneuro+1](https://www.barrowneuro.org/a)\n", d);
  REQUIRE(e.claims.size() == 1);
  CHECK(e.claims[0].markers == Labels{"barrowneuro+1"});
  CHECK(count_code(d, "undefined-citation") == 0);
  const auto g = evgraph::build_graph(std::span(&e, 1));
  const auto claim = g.find(e.claims[0].id);
  REQUIRE(claim);
  CHECK(evgraph::test::to_vector(g.node(*claim).occurrences[0].markers) == Labels{"barrowneuro+1"});
  for (auto edge : boost::make_iterator_range(boost::out_edges(*claim, g.graph()))) {
    if (g.edge(edge).type == evgraph::EdgeType::cites) {
      CHECK(evgraph::test::to_vector(g.edge(edge).markers) == Labels{"barrowneuro+1"});
    }
  }
}

TEST_CASE("a numbered link to the URL its list defines is one citation", "[dialects]") {
  evgraph::Diagnostics d;
  const auto same = extract_string(
      "Walks improved outcomes[5](https://example.org/five).\nCitations:\n"
      "[5] https://example.org/five\n",
      d);
  CHECK(d.empty());
  REQUIRE(same.sources.size() == 1);
  CHECK(same.listed == std::vector<bool>{true});
  REQUIRE(same.claims.at(0).citations.size() == 1);
  CHECK(same.claims[0].citations[0].markers == Labels{"5"});

  evgraph::Diagnostics other;
  const auto differ = extract_string(
      "Walks improved outcomes[5](https://example.org/five).\nCitations:\n"
      "[5] https://example.org/other\n",
      other);
  CHECK(count_code(other, "unused-citation") == 0);
  REQUIRE(count_code(other, "conflicting-link") == 1);
  CHECK(find_code(other, "conflicting-link")->message.find("https://example.org/other") !=
        std::string::npos);
  CHECK(differ.sources.size() == 2);
  CHECK(differ.claims.at(0).citations.size() == 2);
}

TEST_CASE("a URL keeps trailing underscores and stars and loses sentence punctuation",
          "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "Claim [9][8][7][6][5][4].\nSources:\n[9] https://x.org/a_b_\n[8] https://x.org/q?x=a*\n"
      "[7] https://x.org/a)\n[6] **Bold title https://x.org/bold**\n[5] https://x.org/c!\n"
      "[4] \"https://x.org/d\".\n",
      d);
  const auto& block = doc.blocks.at(0);
  CHECK(urls(block) == Labels{"https://x.org/a_b_", "https://x.org/q?x=a*", "https://x.org/a",
                              "https://x.org/bold", "https://x.org/c", "https://x.org/d"});
  std::vector<std::string> titles;
  for (const auto& entry : block.citations) titles.push_back(entry.title);
  CHECK(titles == Labels{"", "", "", "Bold title", "", ""});
  CHECK(d.empty());
  const auto prose = parse_string("See **https://x.org/a_b_** and <https://x.org/q?x=a*>.\n", d);
  CHECK(prose.blocks.at(0).claims.at(0).text == "See https://x.org/a_b_ and https://x.org/q?x=a*.");
}

TEST_CASE("a URL in square brackets in prose is a citation", "[dialects]") {
  evgraph::Diagnostics d;
  const auto e = extract_string(
      "The dataset has 12,466 scans. Source: [https://www.kaggle.com/datasets/a/b]\n"
      "- Size: [662]\n- Source: [https://www.kaggle.com/datasets/c/d]\n"
      "Data came from two sources: [webmd](https://www.webmd.com/a)\n",
      d);
  REQUIRE(e.claims.size() == 3);
  CHECK(e.claims[0].text == "The dataset has 12,466 scans.");
  CHECK(e.claims[0].markers == Labels{"kaggle.com"});
  REQUIRE(e.claims[0].citations.size() == 1);
  CHECK(e.sources.at(e.claims[0].citations[0].source).url == "https://www.kaggle.com/datasets/a/b");
  CHECK(e.claims[1].text == "Size: [662]");
  REQUIRE(e.claims[1].citations.size() == 1);
  CHECK(e.sources.at(e.claims[1].citations[0].source).url == "https://www.kaggle.com/datasets/c/d");
  CHECK(e.claims[2].text == "Data came from two sources:");
  CHECK(d.empty());
}

TEST_CASE("numeric and common named HTML entities are decoded", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "Non&#8209;drug and non&#x2011;drug care &mdash; a &ndash; b &lsquo;c&rsquo; &ldquo;d&rdquo; "
      "e&hellip; 2&times;3; &#0; &#xZZ; &#1114112; &#x41\n",
      d);
  CHECK(doc.blocks.at(0).claims.at(0).text ==
        "Non\u2011drug and non\u2011drug care \u2014 a \u2013 b \u2018c\u2019 \u201Cd\u201D "
        "e\u2026 2\u00D73; &#0; &#xZZ; &#1114112; &#x41");
}

TEST_CASE("a list entry whose URL is only a scheme has no URL", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "Claim [1][2][3].\nSources:\n[1] https://a.example/1\n[2] Trial report https://\n"
      "[3] https://\n",
      d);
  const auto& block = doc.blocks.at(0);
  REQUIRE(block.citations.size() == 2);
  CHECK(block.citations[1].label == "2");
  CHECK(block.citations[1].url.empty());
  CHECK(block.citations[1].title == "Trial report");
  REQUIRE(count_code(d, "citation-without-url") == 1);
  CHECK(find_code(d, "citation-without-url")->where.line == 5);
}

TEST_CASE("a four digit number opening a claim is not list numbering", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "2024. The year was good [1].\n12. Twelve groups met [1].\n"
      "Citations:\n[1] https://a.example/1\n",
      d);
  const auto& claims = doc.blocks.at(0).claims;
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].text == "2024. The year was good.");
  CHECK(claims[1].text == "Twelve groups met.");
}

TEST_CASE("a link title with parentheses in it does not end the link", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "See [the guide](https://example.org/x \"Guide (PDF)\") for more. Walks help"
      "[1](https://example.org/y 'Trial (2019)').\n",
      d);
  const auto& claims = doc.blocks.at(0).claims;
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].text == "See the guide for more. Walks help.");
  REQUIRE(claims[0].links.size() == 1);
  CHECK(claims[0].links[0].url == "https://example.org/y");
}

TEST_CASE("upper case accented list headings", "[dialects]") {
  for (const char* heading : {"RÉFÉRENCES", "## BIBLIOGRAFÍA:", "**RÉFÉRENCES :**", "FONTES"}) {
    evgraph::Diagnostics d;
    const auto doc = parse_string(
        std::string("Une affirmation.[1]\n") + heading + "\n[1] https://a.example/1\n", d);
    INFO(heading);
    REQUIRE(doc.blocks.size() == 1);
    CHECK(doc.blocks[0].list_heading.line == 2);
  }
}

TEST_CASE("a heading line does not run on into the paragraph after it", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = evgraph::test::parse_string(
      "A Hormone Linked to Longevity\nOne important factor is FGF21, a hormone.[1]\n"
      "4x4 matrix multiplication\nDefine a function to multiply matrices.[1]\n"
      "Peer groups that meet weekly in community centres across the\nregion reduce isolation.[1]\n"
      "Citations:\n[1] https://example.org/a\n",
      d);
  std::vector<std::string> texts;
  std::vector<std::string> sections;
  for (const auto& claim : doc.blocks.at(0).claims) {
    texts.push_back(claim.text);
    sections.push_back(claim.section);
  }
  // The heading lines are the sections of the claims after them (issue 10).
  CHECK(texts == std::vector<std::string>{
                     "One important factor is FGF21, a hormone.",
                     "Define a function to multiply matrices.",
                     "Peer groups that meet weekly in community centres across the region reduce "
                     "isolation."});
  CHECK(sections == std::vector<std::string>{"A Hormone Linked to Longevity",
                                             "4x4 matrix multiplication",
                                             "4x4 matrix multiplication"});
}

TEST_CASE("italic metadata lines of an exported answer are not claims", "[dialects]") {
  evgraph::Diagnostics d;
  const auto doc = evgraph::test::parse_string(
      "*Generated on: 2025-12-26 04:29:52*\n*Progress: [6/25]*\n\n"
      "*Peer groups reduce isolation.*[1]\n\nCitations:\n[1] https://example.org/a\n",
      d);
  REQUIRE(doc.blocks.size() == 1);
  REQUIRE(doc.blocks[0].claims.size() == 1);
  CHECK(doc.blocks[0].claims[0].text == "Peer groups reduce isolation.");
}
