#include <catch2/catch.hpp>

#include "test_support.hpp"

using evgraph::test::count_code;
using evgraph::test::find_code;
using evgraph::test::parse_string;

TEST_CASE("a claim runs up to and including its marker group", "[parse]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "Groups reduce isolation.[1] They build purpose [2][5]. Both help [1, 3]\n"
      "Citations:\n[1] https://a.example/1\n[2] https://a.example/2\n[3] https://a.example/3\n"
      "[5] https://a.example/5\n",
      d);
  REQUIRE(doc.blocks.size() == 1);
  const auto& claims = doc.blocks[0].claims;
  REQUIRE(claims.size() == 3);
  CHECK(claims[0].text == "Groups reduce isolation.");
  CHECK(claims[0].markers == std::vector<std::string>{"1"});
  CHECK(claims[1].text == "They build purpose.");
  CHECK(claims[1].markers == std::vector<std::string>{"2", "5"});
  CHECK(claims[2].text == "Both help");
  CHECK(claims[2].markers == std::vector<std::string>{"1", "3"});
  CHECK(claims[1].where.line == 1);
  CHECK(claims[1].where.column == 29);
  CHECK(doc.blocks[0].citations.size() == 4);
  CHECK(d.empty());
}

TEST_CASE("markdown footnote markers are marker groups", "[parse]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string("Peer groups help[^2].\nCitations:\n[2] https://a.example/2\n", d);
  REQUIRE(doc.blocks.at(0).claims.size() == 1);
  CHECK(doc.blocks[0].claims[0].markers == std::vector<std::string>{"2"});
  CHECK(doc.blocks[0].claims[0].text == "Peer groups help.");
}

TEST_CASE("each citation list closes its own block", "[parse]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "First answer claim.[1]\nCitations:\n[1] https://a.example/1\n"
      "Second answer claim.[1]\nCitations:\n[1] https://b.example/1\n",
      d);
  REQUIRE(doc.blocks.size() == 2);
  CHECK(doc.blocks[0].number == 1);
  CHECK(doc.blocks[1].number == 2);
  CHECK(doc.blocks[0].citations.at(0).url == "https://a.example/1");
  CHECK(doc.blocks[1].citations.at(0).url == "https://b.example/1");
  CHECK(doc.blocks[1].claims.at(0).text == "Second answer claim.");
}

TEST_CASE("one list line may define several numbers", "[parse]") {
  evgraph::Diagnostics d;
  const auto doc =
      parse_string("Claim.[1]\nCitations:\n[1] https://a.example/1 [2] https://a.example/2\n", d);
  const auto& list = doc.blocks.at(0).citations;
  REQUIRE(list.size() == 2);
  CHECK(list[0].label == "1");
  CHECK(list[1].label == "2");
  CHECK(list[1].url == "https://a.example/2");
  CHECK(list[1].where.line == 3);
  CHECK(list[1].where.column == 25);
}

TEST_CASE("a number defined twice keeps both and warns at the second", "[parse]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "Claim.[2]\nCitations:\n[1] https://a.example/1 [2] https://a.example/2\n"
      "[2] https://a.example/other\n",
      d);
  CHECK(doc.blocks.at(0).citations.size() == 3);
  REQUIRE(count_code(d, "duplicate-citation") == 1);
  const auto* dup = find_code(d, "duplicate-citation");
  CHECK(dup->where.line == 4);
  CHECK(dup->where.column == 1);
  CHECK_THAT(dup->message, Catch::Contains("[2]") && Catch::Contains("line 3"));
}

TEST_CASE("a list with no prose before it is a block of its own", "[parse]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "Claim.[1]\nCitations:\n[1] https://a.example/1\nCitations:\n[1] https://b.example/1\n", d);
  REQUIRE(doc.blocks.size() == 2);
  CHECK(doc.blocks[1].claims.empty());
  CHECK(doc.blocks[1].citations.size() == 1);
  CHECK(doc.blocks[1].list_heading.line == 4);
}

TEST_CASE("flattened superscript digits are removed and reported", "[parse]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "Context on emotional physiology.2579[5]\nMost directly highlighted in the studies cited "
      "above.57912\nCitations:\n[5] https://a.example/5\n",
      d);
  const auto& claims = doc.blocks.at(0).claims;
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].text == "Context on emotional physiology.");
  CHECK(claims[0].markers == std::vector<std::string>{"5"});
  CHECK(claims[1].text == "Most directly highlighted in the studies cited above.");
  CHECK(claims[1].markers.empty());
  REQUIRE(count_code(d, "flattened-superscript") == 2);
  CHECK(d[0].where.line == 1);
  CHECK(d[0].where.column == 33);
  CHECK_THAT(d[0].message, Catch::Contains("2579"));
  CHECK(d[1].where.line == 2);
  CHECK_THAT(d[1].message, Catch::Contains("57912"));
}

// One long line of flattened superscripts between claims with markers: each stray is reported at
// its own column, in order (they are located after the paragraph's claims, which keeps locating
// linear on such a line).
TEST_CASE("every flattened superscript of a long line is located where it is", "[parse]") {
  constexpr int kSentences = 2000;
  std::string line;
  std::vector<std::size_t> columns;  // 1-based, in code points (the text is ASCII)
  for (int i = 0; i < kSentences; ++i) {
    line += "Groups met " + std::to_string(i) + " times.";
    columns.push_back(line.size() + 1);
    line += "12[1] ";
  }
  evgraph::Diagnostics d;
  const auto doc = parse_string(line + "\nCitations:\n[1] https://a.example/1\n", d);
  CHECK(doc.blocks.at(0).claims.size() == static_cast<std::size_t>(kSentences));
  REQUIRE(count_code(d, "flattened-superscript") == static_cast<std::size_t>(kSentences));
  std::size_t k = 0;
  for (const auto& diagnostic : d) {
    if (diagnostic.code != "flattened-superscript") continue;
    INFO(k);
    CHECK(diagnostic.where.line == 1);
    CHECK(diagnostic.where.column == columns.at(k++));
  }
}

TEST_CASE("numbers in ordinary prose are not superscripts", "[parse]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "Scores rose 3.5 points in 2019. Over 6 years, 12 groups met.[1]\n"
      "Citations:\n[1] https://a.example/1\n",
      d);
  CHECK(doc.blocks.at(0).claims.at(0).text ==
        "Scores rose 3.5 points in 2019. Over 6 years, 12 groups met.");
  CHECK(count_code(d, "flattened-superscript") == 0);
}

TEST_CASE("curly quotes and apostrophes survive and columns count code points", "[parse]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "An initiative called \u201CBuilding Bridges\u201D for men\u2019s groups.[2] Next.[1]\n"
      "Citations:\n[1] https://a.example/1\n[2] https://a.example/2\n",
      d);
  const auto& claims = doc.blocks.at(0).claims;
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].text ==
        "An initiative called \u201CBuilding Bridges\u201D for men\u2019s groups.");
  CHECK(claims[1].where.column == 62);
}

TEST_CASE("CRLF line ends and a missing final newline", "[parse]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "One.[1]\r\nTwo.[2]\r\nCitations:\r\n[1] https://a.example/1\r\n[2] https://a.example/2", d);
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].claims.size() == 2);
  CHECK(doc.blocks[0].claims[1].text == "Two.");
  REQUIRE(doc.blocks[0].citations.size() == 2);
  CHECK(doc.blocks[0].citations[1].url == "https://a.example/2");
  CHECK(doc.blocks[0].citations[1].where.line == 5);
}

TEST_CASE("text after the last marker is an uncited claim", "[parse]") {
  evgraph::Diagnostics d;
  const auto doc =
      parse_string("Cited part.[1] Uncited tail here.\nCitations:\n[1] https://a.example/1\n", d);
  const auto& claims = doc.blocks.at(0).claims;
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].text == "Uncited tail here.");
  CHECK(claims[1].markers.empty());
  CHECK(claims[1].where.column == 16);
}

TEST_CASE("list headings in their common spellings", "[parse]") {
  for (const char* heading :
       {"Citations:", "Sources", "References:", "## Sources", "**Sources:**"}) {
    evgraph::Diagnostics d;
    const auto doc =
        parse_string(std::string("A claim.[1]\n") + heading + "\n[1] https://a.example/1\n", d);
    INFO(heading);
    REQUIRE(doc.blocks.size() == 1);
    CHECK(doc.blocks[0].list_heading.line == 2);
    CHECK(doc.blocks[0].citations.size() == 1);
    CHECK(doc.blocks[0].claims.size() == 1);
  }
}

TEST_CASE("a marker inside a URL is part of the URL", "[parse]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "See https://en.wikipedia.org/wiki/Foo[1]_bar for more.[2] And https://x.org/a[1].\n"
      "Citations:\n[1] https://a.example/1\n[2] https://a.example/2\n",
      d);
  const auto& claims = doc.blocks.at(0).claims;
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].text == "See https://en.wikipedia.org/wiki/Foo[1]_bar for more.");
  CHECK(claims[1].text == "And https://x.org/a.");
  CHECK(claims[1].markers == std::vector<std::string>{"1"});
}

TEST_CASE("abbreviations followed by numbers are not superscripts", "[parse]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string("Fig.3 shows approx.5 points in the U.S.2020 cohort.[1]\n", d);
  CHECK(doc.blocks.at(0).claims.at(0).text ==
        "Fig.3 shows approx.5 points in the U.S.2020 cohort.");
  CHECK(count_code(d, "flattened-superscript") == 0);
}

TEST_CASE("list entries are read one bracket at a time and need a URL or a title", "[parse]") {
  evgraph::Diagnostics d;
  const auto doc =
      parse_string("Claim.[1]\nCitations:\n[1] https://a.example/1 [2] [3] see-notes\n", d);
  const auto& list = doc.blocks.at(0).citations;
  REQUIRE(list.size() == 2);
  CHECK(list[0].url == "https://a.example/1");
  CHECK(list[1].label == "3");
  CHECK(list[1].url.empty());
  CHECK(list[1].title == "see-notes");
  CHECK(count_code(d, "citation-without-url") == 1);
}

TEST_CASE("many claims on one long line parse in linear time", "[parse]") {
  std::string line;
  for (int i = 0; i < 20000; ++i) line += "Claim number " + std::to_string(i) + " holds.[1] ";
  evgraph::Diagnostics d;
  const auto doc = parse_string(line + "\nCitations:\n[1] https://a.example/1\n", d);
  REQUIRE(doc.blocks.at(0).claims.size() == 20000);
  CHECK(doc.blocks[0].claims.back().where.column == line.size() - 29 + 1);
}

TEST_CASE("a hard-wrapped paragraph is one paragraph", "[parse]") {
  evgraph::Diagnostics d;
  const auto doc = parse_string(
      "Peer support groups reduce isolation among\nveterans in rural areas [1]. A second\n"
      "claim wraps too.[2]\nA new paragraph ends here.\nAnd another one.[1]\n- a bullet\n"
      "Citations:\n[1] https://a.example/1\n[2] https://a.example/2\n",
      d);
  const auto& claims = doc.blocks.at(0).claims;
  REQUIRE(claims.size() == 5);
  CHECK(claims[0].text == "Peer support groups reduce isolation among veterans in rural areas.");
  CHECK(claims[0].where.line == 1);
  CHECK(claims[1].text == "A second claim wraps too.");
  CHECK(claims[1].where.line == 2);
  CHECK(claims[1].where.column == 30);
  CHECK(claims[2].text == "A new paragraph ends here.");
  CHECK(claims[3].text == "And another one.");
  CHECK(claims[4].text == "a bullet");
}

TEST_CASE("markers up to six digits resolve: a list of 1,500 references", "[parse]") {
  std::string answer =
      "Peer groups help veterans.[1200] Walking helps.[1499][1500] Sheds help.[7]\n\nSources:\n";
  for (int n = 1; n <= 1500; ++n) {
    answer += "[" + std::to_string(n) + "] https://a.example/" + std::to_string(n) + "\n";
  }
  evgraph::Diagnostics d;
  const auto evidence = evgraph::test::extract_string(answer, d);
  REQUIRE(evidence.claims.size() == 3);
  const auto url = [&](std::size_t claim, std::size_t i) {
    return evidence.sources.at(evidence.claims[claim].citations.at(i).source).url;
  };
  CHECK(evidence.claims[0].markers == std::vector<std::string>{"1200"});
  CHECK(url(0, 0) == "https://a.example/1200");
  CHECK(url(1, 0) == "https://a.example/1499");
  CHECK(url(1, 1) == "https://a.example/1500");
  CHECK(url(2, 0) == "https://a.example/7");
  CHECK(count_code(d, "undefined-citation") == 0);
  CHECK(count_code(d, "citation-without-url") == 0);
}

TEST_CASE("a bracketed year is text, not a marker", "[parse]") {
  evgraph::Diagnostics d;
  const auto evidence = evgraph::test::extract_string(
      "As Smith et al. [2019] found, peer groups help veterans.[1]\n\n[1] https://a.example/1\n",
      d);
  REQUIRE(evidence.claims.size() == 1);
  CHECK(evidence.claims[0].text == "As Smith et al. [2019] found, peer groups help veterans.");
  CHECK(evidence.claims[0].markers == std::vector<std::string>{"1"});
  CHECK(count_code(d, "undefined-citation") == 0);
}

TEST_CASE("a bracket of more digits than a marker has is text, reported, never a marker",
          "[parse]") {
  evgraph::Diagnostics d;
  const auto evidence = evgraph::test::extract_string(
      "Peer groups help veterans [99999999999999999999] a lot.[1] Walks [1234567] help.[1]\n"
      "Rows counted = [12345678] in the survey.[1]\n\n[1] https://a.example/1\n",
      d);
  REQUIRE(evidence.claims.size() == 3);
  CHECK(evidence.claims[0].text == "Peer groups help veterans [99999999999999999999] a lot.");
  CHECK(evidence.claims[0].markers == std::vector<std::string>{"1"});
  CHECK(evidence.claims[1].text == "Walks [1234567] help.");
  CHECK(evidence.claims[2].text == "Rows counted = [12345678] in the survey.");
  REQUIRE(count_code(d, "oversized-marker") == 2);  // not the value after `=`
  const auto* first = find_code(d, "oversized-marker");
  CHECK(first->where.line == 1);
  CHECK(first->where.column == 27);
  CHECK(first->message ==
        "'[999999\u2026]' holds a number of 20 digits, more than a citation marker has (at most "
        "6); kept as text, not read as a marker");
  CHECK(count_code(d, "undefined-citation") == 0);
}

TEST_CASE("a line of oversized brackets stays linear", "[parse]") {
  std::string line = "Claim";
  for (int i = 0; i < 100000; ++i) line += " x [12345678901234]";
  line += ".[1]\n\n[1] https://a.example/1\n";
  evgraph::Diagnostics d;
  const auto doc = parse_string(line, d);
  REQUIRE(doc.blocks.size() == 1);
  CHECK(count_code(d, "oversized-marker") == 100000);
}
