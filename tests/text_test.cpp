#include <catch2/catch.hpp>

#include "test_support.hpp"

TEST_CASE("text drops a BOM and turns CRLF and CR into LF", "[text]") {
  evgraph::Diagnostics d;
  const auto text = evgraph::make_text("t", "\xEF\xBB\xBFone\r\ntwo\rthree", d);
  CHECK(text.content() == "one\ntwo\nthree");
  CHECK(text.line_count() == 3);
  CHECK(text.line(3) == "three");
  CHECK(d.empty());
}

TEST_CASE("invalid UTF-8 becomes U+FFFD with a located warning", "[text]") {
  evgraph::Diagnostics d;
  const auto text = evgraph::make_text("t", "ok\ncaf\xE9 bar", d);
  CHECK(text.content() == "ok\ncaf\xEF\xBF\xBD bar");
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "invalid-utf8");
  CHECK(d[0].where.line == 2);
  CHECK(d[0].where.column == 4);
}

TEST_CASE("text is normalised to NFC", "[text]") {
  evgraph::Diagnostics d;
  const auto text = evgraph::make_text("t", "cafe\xCC\x81", d);  // e + combining acute
  CHECK(text.content() == "caf\xC3\xA9");
}

TEST_CASE("locate counts columns in code points", "[text]") {
  evgraph::Diagnostics d;
  const auto text = evgraph::make_text("t", "a\n\u201Cq\u201D x", d);
  const auto where = text.locate(text.content().find('x'));
  CHECK(where.line == 2);
  CHECK(where.column == 5);
  CHECK(where.file == "t");
}

TEST_CASE("a diagnostic prints like a compiler message", "[text]") {
  const evgraph::Diagnostic d{
      evgraph::Severity::warning, {"seed.txt", 8, 1}, "defined twice", "duplicate-citation"};
  CHECK(evgraph::format_diagnostic(d) ==
        "seed.txt:8:1: warning: defined twice [duplicate-citation]");
}

TEST_CASE("reading a missing file or a folder is an IoError", "[text]") {
  evgraph::Diagnostics d;
  CHECK_THROWS_AS(evgraph::read_text("/nonexistent/answer.txt", d), evgraph::IoError);
  CHECK_THROWS_AS(evgraph::read_text(EVGRAPH_SOURCE_DIR, d), evgraph::IoError);
}

TEST_CASE("a NUL byte is replaced and reported, never truncating the text", "[text]") {
  evgraph::Diagnostics d;
  const auto text = evgraph::make_text("t", std::string("caf\xC3\xA9\0 hidden", 13), d);
  CHECK(text.content() == "caf\xC3\xA9\xEF\xBF\xBD hidden");
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "nul-byte");
  CHECK(d[0].where.column == 5);
}
