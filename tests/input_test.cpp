#include <catch2/catch.hpp>

#include "input/binary_files.hpp"
#include "test_support.hpp"

using evgraph::InputFormat;

namespace {

InputFormat detect(std::string name, std::string_view content) {
  evgraph::Diagnostics diagnostics;
  return evgraph::detect_input_format(evgraph::make_text(std::move(name), content, diagnostics));
}

}  // namespace

TEST_CASE("input formats are told from the extension and, for JSON, the content", "[input]") {
  CHECK(detect("answer.txt", "Claim.[1]\n") == InputFormat::answer);
  CHECK(detect("notes.md", "# Title\n") == InputFormat::answer);
  CHECK(detect("refs.bib", "@article{a, title={T}}") == InputFormat::bibtex);
  CHECK(detect("refs.RIS", "TY  - JOUR\n") == InputFormat::ris);
  CHECK(detect("sheet.csv", "text,source\n") == InputFormat::csv);
  CHECK(detect("sheet.tsv", "text\tsource\n") == InputFormat::tsv);
  CHECK(detect("data.jsonl", "{}\n") == InputFormat::jsonl);
  CHECK(detect("refs.json", " [{\"id\": \"a\", \"type\": \"article\"}]") == InputFormat::csl_json);
  CHECK(detect("answer.json", "{\"id\": \"x\", \"choices\": [], \"citations\": []}") ==
        InputFormat::perplexity_json);
  CHECK(detect("evidence.json", "{\"evgraph\": \"evidence\", \"claims\": []}") ==
        InputFormat::evidence_json);
  CHECK(detect("lines.json", "{\"a\": 1}\n{\"a\": 2}\n") == InputFormat::jsonl);
  // An export written one element a line (Kumu, Cytoscape) is not JSON Lines.
  CHECK_FALSE(evgraph::sniff_json_format("{\"elements\": [\n{\"id\": 1},\n{\"id\": 2}\n]}"));
  CHECK(detect("-", "TY  - JOUR\nER  - \n") == InputFormat::ris);
}

TEST_CASE("input format names cover every format, with common aliases", "[input]") {
  for (InputFormat format : evgraph::kInputFormats) {
    CHECK(evgraph::input_format_from_name(evgraph::to_string(format)) == format);
  }
  CHECK(evgraph::input_format_from_name("JSONL") == InputFormat::jsonl);
  CHECK(evgraph::input_format_from_name("bib") == InputFormat::bibtex);
  CHECK(evgraph::input_format_from_name("csl") == InputFormat::csl_json);
  CHECK_FALSE(evgraph::input_format_from_name("docx"));
}

TEST_CASE("a field map is ROLE=FIELD pairs, checked", "[input]") {
  const evgraph::FieldMap map = evgraph::parse_field_map("text=claim,source=cord_id,stance=label");
  REQUIRE(map.fields.size() == 3);
  REQUIRE(map.field("source"));
  CHECK(*map.field("source") == "cord_id");
  CHECK(map.field("title") == nullptr);
  CHECK(evgraph::parse_field_map("Title=Article Title").field("title"));
  CHECK_THROWS_WITH(evgraph::parse_field_map("text=a,colour=b"),
                    Catch::Contains("unknown role 'colour'"));
  CHECK_THROWS_WITH(evgraph::parse_field_map("text"), Catch::Contains("not ROLE=FIELD"));
  CHECK_THROWS_WITH(evgraph::parse_field_map("text=a,text=b"), Catch::Contains("given twice"));
}

TEST_CASE("references are identified as people write them in sheets", "[input]") {
  using evgraph::identify_reference;
  CHECK(identify_reference("10.1000/ABC").id() == "source:doi:10.1000/abc");
  CHECK(identify_reference("doi:10.1000/abc").id() == "source:doi:10.1000/abc");
  CHECK(identify_reference("https://doi.org/10.1000/abc").id() == "source:doi:10.1000/abc");
  CHECK(identify_reference("PMC123456").id() == "source:pmc:PMC123456");
  CHECK(identify_reference("PMID: 10609983").id() == "source:pubmed:10609983");
  CHECK(identify_reference("8vp57c1o").id() == "source:key:8vp57c1o");
  CHECK(evgraph::identify_as("pmcid", "PMCID: PMC99")->id() == "source:pmc:PMC99");
  CHECK(evgraph::identify_as("pmid", "12345")->id() == "source:pubmed:12345");
  CHECK_FALSE(evgraph::identify_as("doi", "not a doi"));
  CHECK(evgraph::identify_title("Peer Support: A Review").id() ==
        "source:title:peer-support-a-review");
}

TEST_CASE("stances and GRADE certainties fold onto design.md's words", "[input]") {
  using evgraph::normalise_certainty;
  using evgraph::normalise_stance;
  CHECK(normalise_stance("SUPPORT") == evgraph::Stance::supports);
  CHECK(normalise_stance("Refutes") == evgraph::Stance::contrasts);
  CHECK(normalise_stance("contradicts") == evgraph::Stance::contrasts);
  CHECK(normalise_stance("NOTENOUGHINFO") == evgraph::Stance::mentions);
  CHECK(normalise_stance("NOT_ENOUGH_INFO") == evgraph::Stance::mentions);
  CHECK(normalise_stance("mentions") == evgraph::Stance::mentions);
  CHECK_FALSE(normalise_stance("maybe"));
  CHECK(normalise_certainty("Very low") == evgraph::Certainty::very_low);
  CHECK(normalise_certainty("VERY_LOW") == evgraph::Certainty::very_low);
  CHECK(normalise_certainty("\u2295\u2295\u2295\u25EF") == evgraph::Certainty::moderate);
  CHECK_FALSE(normalise_certainty("sure"));
}

TEST_CASE("stances and GRADE certainties are written and read as the exports' words", "[input]") {
  using evgraph::Certainty;
  using evgraph::Stance;
  const std::pair<Stance, std::string_view> stances[] = {{Stance::unstated, ""},
                                                         {Stance::supports, "supports"},
                                                         {Stance::contrasts, "contrasts"},
                                                         {Stance::mentions, "mentions"},
                                                         {Stance::mixed, "mixed"}};
  for (const auto& [stance, name] : stances) {
    CHECK(evgraph::to_string(stance) == name);
    CHECK(evgraph::stance_from_string(name) == stance);
  }
  const std::pair<Certainty, std::string_view> certainties[] = {
      {Certainty::unstated, ""}, {Certainty::very_low, "very low"},
      {Certainty::low, "low"},   {Certainty::moderate, "moderate"},
      {Certainty::high, "high"}, {Certainty::mixed, "mixed"}};
  for (const auto& [certainty, name] : certainties) {
    CHECK(evgraph::to_string(certainty) == name);
    CHECK(evgraph::certainty_from_string(name) == certainty);
  }
  CHECK_FALSE(evgraph::stance_from_string("SUPPORT"));  // a dataset's word: normalise_stance's
  CHECK_FALSE(evgraph::certainty_from_string("very_low"));
  // GRADE levels rank in order; unstated and mixed are no level.
  CHECK(evgraph::grade_rank(Certainty::very_low) < evgraph::grade_rank(Certainty::low));
  CHECK(evgraph::grade_rank(Certainty::low) < evgraph::grade_rank(Certainty::moderate));
  CHECK(evgraph::grade_rank(Certainty::moderate) < evgraph::grade_rank(Certainty::high));
  CHECK(evgraph::grade_rank(Certainty::unstated) == 0);
  CHECK(evgraph::grade_rank(Certainty::mixed) == 0);
}

TEST_CASE("claims the same after normalisation share an id", "[input]") {
  using evgraph::claim_id;
  const std::string id = claim_id("Peer support reduces isolation.");
  CHECK(claim_id("peer   support reduces isolation") == id);
  CHECK(claim_id("Peer support reduces isolation. ") == id);
  CHECK(claim_id("\u201CPeer support\u201D reduces isolation.") == id);
  CHECK(claim_id("\"Peer support\" reduces isolation.") == id);
  CHECK(claim_id("Peer support reduces loneliness.") != id);
}

TEST_CASE("an input with nothing in it is reported, whatever its format", "[input]") {
  for (const char* name : {"empty.txt", "empty.csv", "empty.bib", "empty.ris"}) {
    evgraph::Diagnostics diagnostics;
    const evgraph::Text text = evgraph::make_text(name, "", diagnostics);
    const evgraph::Evidence evidence =
        evgraph::read_evidence(text, std::nullopt, evgraph::parse_field_map("text=claim"),
                               evgraph::default_lexicon(), diagnostics);
    INFO(name);
    CHECK(evgraph::test::count_code(diagnostics, "empty-input") == 1);
  }
}

TEST_CASE("an assistant offering more help is commentary", "[input]") {
  CHECK(evgraph::is_commentary("If you want, I can also add British Columbia to the table."));
  CHECK(evgraph::is_commentary("Would you like me to compare the two programmes?"));
  CHECK_FALSE(evgraph::is_commentary("Peer groups reduce isolation."));
}

TEST_CASE("binary files are told by their first bytes, whatever their name", "[input]") {
  using evgraph::detail::binary_file_kind;
  using namespace std::string_view_literals;
  const auto kind = [](std::string_view head) {
    const auto found = binary_file_kind(head);
    return found ? std::string(found->name) : std::string();
  };
  CHECK(kind("%PDF-1.5\n%\xE2\xE3\xCF\xD3\n1 0 obj"sv) == "a PDF document");
  CHECK(kind("\x89PNG\r\n\x1A\n\0\0\0\rIHDR"sv) == "a PNG image");
  CHECK(kind("\xFF\xD8\xFF\xE0\0\x10JFIF"sv) == "a JPEG image");
  CHECK(kind("RIFF\x24\0\0\0WEBPVP8 "sv) == "a WebP image");
  CHECK(kind("\x1F\x8B\x08\0"sv) == "a gzip archive");
  CHECK(kind("BZh91AY&SY"sv) == "a bzip2 archive");
  CHECK(kind("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv).starts_with("an old Office document"));
  CHECK(kind("PK\x03\x04\x14\0[Content_Types].xml...PK\x03\x04xl/workbook.xml"sv) ==
        "an Excel workbook (.xlsx)");
  CHECK(kind("PK\x03\x04\x14\0mimetypeapplication/epub+zip"sv) == "an EPUB book");
  CHECK(kind("PK\x03\x04\x14\0data.csv"sv).starts_with("a ZIP archive"));
  std::string tar(512, '\0');
  tar.replace(257, 5, "ustar");
  CHECK(kind(tar) == "a tar archive");
  // Text is never binary, whatever it starts with.
  CHECK(kind("") == "");
  CHECK(kind("PK means peak\n") == "");
  CHECK(kind("BZh, said the answer.[1]\n") == "");
  CHECK(kind("Claim.[1]\n\nCitations:\n[1] https://example.org/\n") == "");
  CHECK(kind("\xEF\xBB\xBF%PDF is not at the start") == "");
  // Control characters: bytes no text holds, over one in 32 and at least 8; UTF-16 (with a
  // byte-order mark) and UTF-32 told apart; a stray NUL, escapes and form feeds are text.
  std::string noise;
  for (int i = 0; i < 4096; ++i) noise += static_cast<char>((i * 7919) % 256);
  CHECK(kind(noise) == "binary data (or UTF-16 text without a byte-order mark)");
  CHECK(kind("M\0e\0n\0 \0g\0a\0i\0n\0.\0"sv) ==
        "binary data (or UTF-16 text without a byte-order mark)");
  CHECK(kind("\xFF\xFEM\0e\0n\0 \0g\0a\0i\0n\0.\0"sv) == "");
  CHECK(kind("\xFF\xFE\0\0M\0\0\0"sv) == "UTF-32 text (little-endian)");
  CHECK(kind("\0\0\xFE\xFF\0\0\0M"sv) == "UTF-32 text (big-endian)");
  CHECK(kind("Peer groups \0help men.[1]\n"sv) == "");
  CHECK(kind("\x1B[1mBold\x1B[0m claim.\f\v\tNext\r\n"sv) == "");
  std::string sparse(400, 'a');
  for (int i = 0; i < 12; ++i) sparse[static_cast<std::size_t>(i) * 33] = '\x01';
  CHECK(kind(sparse) == "");  // 12 in 400: under one in 32
  CHECK(evgraph::detail::binary_file_message(*binary_file_kind("%PDF-1.4"))
            .starts_with("is a PDF document, not text evgraph can read: export its text"));
}
