#include <utf8proc.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "test_support.hpp"
#include "text/nearest.hpp"

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
  // Filled member by member: GCC 12 at -O3 takes the aggregate initialiser's nested Location for
  // maybe-uninitialized on its exception path (a false positive, -Wmaybe-uninitialized).
  evgraph::Diagnostic d;
  d.severity = evgraph::Severity::warning;
  d.where.file = "seed.txt";
  d.where.line = 8;
  d.where.column = 1;
  d.message = "defined twice";
  d.code = "duplicate-citation";
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

TEST_CASE("UTF-16 with a byte-order mark is decoded, surrogate pairs joined", "[text]") {
  // "Men\r\nGrüße 🙂" in UTF-16LE and UTF-16BE: lines and columns count characters in both.
  const std::string little(
      "\xFF\xFEM\0e\0n\0\r\0\n\0G\0r\0\xFC\0\xDF\0"
      "e\0 \0\x3D\xD8\x42\xDE",
      28);
  std::string big;
  for (std::size_t i = 0; i < little.size(); i += 2) {
    big += little[i + 1];
    big += little[i];
  }
  for (const std::string& bytes : {little, big}) {
    evgraph::Diagnostics d;
    const auto text = evgraph::make_text("t", bytes, d);
    CHECK(text.content() ==
          "Men\nGr\xC3\xBC\xC3\x9F"
          "e \xF0\x9F\x99\x82");
    CHECK(d.empty());
    CHECK(text.locate(text.content().find("e \xF0")).column == 5);
  }
}

TEST_CASE("an unpaired surrogate or an odd last byte of UTF-16 becomes U+FFFD, reported",
          "[text]") {
  // A high surrogate followed by "a", a lone low surrogate, then a last odd byte.
  const std::string bytes(
      "\xFF\xFEx\0\x3D\xD8"
      "a\0\x42\xDE"
      "b\0!",
      13);
  evgraph::Diagnostics d;
  const auto text = evgraph::make_text("t", bytes, d);
  CHECK(text.content() ==
        "x\xEF\xBF\xBD"
        "a\xEF\xBF\xBD"
        "b\xEF\xBF\xBD");
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "invalid-utf16");
  CHECK(d[0].where.column == 2);
  CHECK_THAT(d[0].message, Catch::Contains("3 invalid code units replaced in all"));
}

namespace {

std::string whole_text_nfc(const std::string& text) {
  utf8proc_uint8_t* nfc = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(text.c_str()));
  std::string out(reinterpret_cast<const char*>(nfc));
  std::free(nfc);
  return out;
}

std::string encode(utf8proc_int32_t code_point) {
  utf8proc_uint8_t buffer[4];
  const auto n = utf8proc_encode_char(code_point, buffer);
  return std::string(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
}

}  // namespace

// make_text normalises line by line and skips lines NFC leaves alone; the result must be what
// utf8proc gives for the whole text at once.
TEST_CASE("NFC line by line equals NFC of the whole text", "[text]") {
  const std::vector<std::string> tricky = {
      "cafe\xCC\x81 and caf\xC3\xA9",   // e + combining acute; precomposed é
      "\xE1\x84\x80\xE1\x85\xA1",       // Hangul L + V jamo compose to 가
      "\xEA\xB0\x80\xE1\x86\xA8",       // 가 + T jamo compose to 각
      "\xE2\x84\xAB ohm \xE2\x84\xA6",  // Ångström and Ohm signs decompose
      "\xE2\x80\x80 en quad, \xE2\x80\x99quote\xE2\x80\x99 \xE2\x80\x94 dash",
      "a\xCC\xA3\xCC\x87 reorder",  // marks of different classes
      "\xE0\xAD\x87\xE0\xAC\xBE Oriya two-part vowel",
      "\xCC\x81 a mark at the start of a line",
      "plain ascii line"};
  for (const std::string& line : tricky) {
    evgraph::Diagnostics d;
    const std::string text = "before\n" + line + "\nafter " + line;
    CHECK(evgraph::make_text("t", text, d).content() == whole_text_nfc(text));
  }
  const std::vector<utf8proc_int32_t> pool = {
      'a',    'e',    ' ',    '\n',   0x00E9, 0x0301, 0x0323, 0x0307, 0x2019,
      0x2014, 0x1100, 0x1161, 0x11A8, 0xAC00, 0x212B, 0x2000, 0x0B47, 0x0B3E,
      0x0F73, 0x1E0A, 0x0344, 0x00C5, 0x0041, 0x030A, 0x3099, 0x304B, 0x1F600};
  std::uint64_t state = 42;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    for (int i = 0; i < 12; ++i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      text += encode(pool[(state >> 33) % pool.size()]);
    }
    evgraph::Diagnostics d;
    REQUIRE(evgraph::make_text("t", text, d).content() == whole_text_nfc(text));
  }
}

TEST_CASE("the nearest name is a few edits away, a swap of neighbours one", "[text]") {
  using evgraph::detail::closest_name;
  using evgraph::detail::edit_distance;
  CHECK(edit_distance("build", "build") == 0);
  CHECK(edit_distance("buidl", "build") == 1);
  CHECK(edit_distance("BUILD", "build") == 0);
  CHECK(edit_distance("", "json") == 4);
  CHECK(edit_distance("--ouput", "--output") == 1);
  CHECK(edit_distance("kitten", "sitting") == 3);
  const std::vector<std::string> verbs = {"build", "check", "convert", "lexicon"};
  CHECK(closest_name("buidl", verbs) == "build");
  CHECK(closest_name("chekc", verbs) == "check");
  CHECK(closest_name("frobnicate", verbs).empty());
  CHECK(closest_name(".jsn", {".json", ".jgf", ".dot"}) == ".json");
  CHECK(closest_name("claims", {"claim", "source"}) == "claim");
}
