#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "input/readers.hpp"
#include "test_support.hpp"

using evgraph::Diagnostics;
using evgraph::Evidence;
using evgraph::InputError;
using evgraph::SourceIdentity;
using evgraph::SourceRecord;
using evgraph::Text;
using evgraph::test::count_code;
using evgraph::test::find_code;

namespace {

Text fixture(std::string_view name, Diagnostics& diagnostics) {
  const std::string path = "tests/fixtures/bibliography/" + std::string(name);
  return evgraph::make_text(path, evgraph::read_file(std::string(EVGRAPH_SOURCE_DIR) + "/" + path),
                            diagnostics);
}

Text inline_text(std::string name, std::string_view content) {
  Diagnostics ignored;
  return evgraph::make_text(std::move(name), content, ignored);
}

const SourceRecord& by_label(const Evidence& evidence, std::string_view label) {
  const auto found = std::find_if(evidence.sources.begin(), evidence.sources.end(),
                                  [&](const SourceRecord& s) { return s.label == label; });
  if (found == evidence.sources.end()) FAIL("no source labelled " << label);
  return *found;
}

std::vector<std::string> labels(const Evidence& evidence) {
  std::vector<std::string> out;
  for (const SourceRecord& source : evidence.sources) out.push_back(source.label);
  return out;
}

std::vector<std::string> ids(const std::vector<SourceIdentity>& identities) {
  std::vector<std::string> out;
  for (const SourceIdentity& identity : identities) out.push_back(identity.id());
  return out;
}

std::vector<std::string> codes(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.push_back(d.code);
  return out;
}

// The title BibTeX `latex` decodes to, read through a one-entry file.
std::string decoded_title(std::string_view latex) {
  Diagnostics diagnostics;
  const Text text = inline_text(
      "t.bib", "@misc{k, title = {" + std::string(latex) + "}, url = {https://example.org/k}}\n");
  const Evidence evidence = evgraph::detail::read_bibtex(text, diagnostics);
  REQUIRE(evidence.sources.size() == 1);
  CHECK(diagnostics.empty());
  return evidence.sources.front().title;
}

}  // namespace

TEST_CASE("CSL-JSON from Zotero keeps every identifier of an item", "[input][bibliography]") {
  Diagnostics diagnostics;
  const Text text = fixture("zotero.json", diagnostics);
  const Evidence evidence = evgraph::detail::read_csl_json(text, diagnostics);
  CHECK(evidence.document == "tests/fixtures/bibliography/zotero.json");
  CHECK(evidence.format == to_string(evgraph::InputFormat::csl_json));
  CHECK(evidence.claims.empty());
  CHECK(labels(evidence) ==
        std::vector<std::string>{"http://zotero.org/users/7731924/items/8ZQ4M2KD",
                                 "vanbenthem2025dyadic", "who2021mental", "seidler2016engaging",
                                 "bad-doi"});

  const SourceRecord& zhu = evidence.sources.front();
  CHECK(zhu.identity.id() == "source:doi:10.1056/nejmoa2001017");
  CHECK(ids(zhu.also) ==
        std::vector<std::string>{"source:pmc:PMC7092803", "source:pubmed:31978945"});
  CHECK(zhu.title == "A Novel Coronavirus from Patients with Pneumonia in China, 2019");
  CHECK(zhu.authors == std::vector<std::string>{"Zhu, Na", "Zhang, Dingyu", "Wang, Wenling"});
  CHECK(zhu.year == "2020");
  CHECK(zhu.url == "https://www.nejm.org/doi/10.1056/NEJMoa2001017");
  CHECK(zhu.urls.empty());
  CHECK(zhu.where.file == "tests/fixtures/bibliography/zotero.json");
  CHECK(zhu.where.line == 2);
  CHECK(zhu.where.column == 3);
}

TEST_CASE("CSL-JSON reads the PMID Zotero keeps in the note", "[input][bibliography]") {
  Diagnostics diagnostics;
  const Evidence evidence =
      evgraph::detail::read_csl_json(fixture("zotero.json", diagnostics), diagnostics);
  const SourceRecord& dyadic = by_label(evidence, "vanbenthem2025dyadic");
  // The Springer page URL holds the DOI, which outranks the PMID from the note.
  CHECK(dyadic.identity.id() == "source:doi:10.1007/s00787-025-02784-9");
  CHECK(ids(dyadic.also) == std::vector<std::string>{"source:pubmed:40512270"});
  CHECK(dyadic.title ==
        "A dyadic approach of assessing the therapeutic alliance in adolescent mental health care");
  CHECK(dyadic.authors == std::vector<std::string>{"van Benthem, Patty", "Beethoven, Ludwig van"});
  CHECK(dyadic.year == "2025");
  CHECK(dyadic.url == "https://link.springer.com/article/10.1007/s00787-025-02784-9");
  CHECK(dyadic.where.line == 26);
}

TEST_CASE("CSL-JSON falls back to the URL and then to the title", "[input][bibliography]") {
  Diagnostics diagnostics;
  const Evidence evidence =
      evgraph::detail::read_csl_json(fixture("zotero.json", diagnostics), diagnostics);
  const SourceRecord& who = by_label(evidence, "who2021mental");
  CHECK(who.identity.id() == "source:url:who.int/publications/i/item/9789240036703");
  CHECK(who.authors == std::vector<std::string>{"World Health Organization"});
  CHECK(who.year == "2021");

  const SourceRecord& book = by_label(evidence, "seidler2016engaging");
  CHECK(book.identity.id() == "source:title:engaging-men-in-psychological-treatment");
  CHECK(book.url.empty());
  CHECK(book.authors == std::vector<std::string>{"Seidler, Zac E."});
  CHECK(book.year == "2016");
}

TEST_CASE("CSL-JSON reports a malformed DOI and an item without identity",
          "[input][bibliography]") {
  Diagnostics diagnostics;
  const Evidence evidence =
      evgraph::detail::read_csl_json(fixture("zotero.json", diagnostics), diagnostics);
  CHECK(codes(diagnostics) ==
        std::vector<std::string>{"bad-identifier", "bibliography-entry-without-identity"});
  const auto* bad = find_code(diagnostics, "bad-identifier");
  REQUIRE(bad);
  CHECK(bad->where.line == 55);
  CHECK(bad->message.find("https//doi.org/xyz") != std::string::npos);
  CHECK(by_label(evidence, "bad-doi").identity.id() == "source:url:example.org/articles/42");

  const auto* empty = find_code(diagnostics, "bibliography-entry-without-identity");
  REQUIRE(empty);
  CHECK(empty->where.line == 62);
  CHECK(empty->message.find("'empty'") != std::string::npos);
}

TEST_CASE("CSL-JSON that is not valid JSON throws with line and column", "[input][bibliography]") {
  Diagnostics diagnostics;
  const Text text = inline_text("refs.json", "[\n  {\"id\": \"a\",\n   \"title\": }\n]\n");
  try {
    evgraph::detail::read_csl_json(text, diagnostics);
    FAIL("no InputError");
  } catch (const InputError& error) {
    CHECK(error.where().file == "refs.json");
    CHECK(error.where().line == 3);
    CHECK(error.where().column == 13);
    CHECK(std::string(error.what()).starts_with("refs.json:3:13: error: not valid JSON"));
  }
}

TEST_CASE("JSON that is not an array of items is not CSL-JSON", "[input][bibliography]") {
  Diagnostics diagnostics;
  CHECK_THROWS_AS(
      evgraph::detail::read_csl_json(inline_text("a.json", "{\"nodes\": []}"), diagnostics),
      InputError);
  CHECK_THROWS_AS(evgraph::detail::read_csl_json(inline_text("b.json", "[1, 2]"), diagnostics),
                  InputError);
  CHECK_THROWS_AS(evgraph::detail::read_csl_json(inline_text("c.json", "\"x\""), diagnostics),
                  InputError);
  CHECK(evgraph::detail::read_csl_json(inline_text("d.json", "[]"), diagnostics).sources.empty());
  CHECK(diagnostics.empty());
}

TEST_CASE("A single CSL item as doi.org returns it is read as one entry", "[input][bibliography]") {
  Diagnostics diagnostics;
  const Text text = inline_text(
      "doi.json",
      R"({"type": "article-journal", "DOI": "10.1177/1557988320970212", "title": "Men's sheds",
          "issued": {"date-parts": [[2020, 11]]}, "author": [{"family": "Vaughan"}]})");
  const Evidence evidence = evgraph::detail::read_csl_json(text, diagnostics);
  REQUIRE(evidence.sources.size() == 1);
  CHECK(evidence.sources[0].identity.id() == "source:doi:10.1177/1557988320970212");
  CHECK(evidence.sources[0].authors == std::vector<std::string>{"Vaughan"});
  CHECK(evidence.sources[0].where.line == 1);
  CHECK(diagnostics.empty());
}

TEST_CASE("A CSL-JSON array element that is not an object is reported", "[input][bibliography]") {
  Diagnostics diagnostics;
  const Text text = inline_text("e.json", "[\n  {\"id\": \"a\", \"title\": \"A\"},\n  \"b\"\n]");
  const Evidence evidence = evgraph::detail::read_csl_json(text, diagnostics);
  CHECK(labels(evidence) == std::vector<std::string>{"a"});
  REQUIRE(count_code(diagnostics, "csl-json-not-an-item") == 1);
  CHECK(diagnostics.front().where.line == 3);
}

TEST_CASE("Better BibTeX entries keep doi pmid and pmcid", "[input][bibliography]") {
  Diagnostics diagnostics;
  const Evidence evidence =
      evgraph::detail::read_bibtex(fixture("better_bibtex.bib", diagnostics), diagnostics);
  CHECK(diagnostics.empty());
  CHECK(evidence.format == to_string(evgraph::InputFormat::bibtex));
  CHECK(labels(evidence) == std::vector<std::string>{"huangClinicalFeaturesPatients2020",
                                                     "niceDepressionAdults2022",
                                                     "mullerPeerSupportMen2019"});
  const SourceRecord& huang = evidence.sources.front();
  CHECK(huang.identity.id() == "source:doi:10.1016/s0140-6736(20)30183-5");
  // The linkinghub URL adds the Elsevier PII.
  CHECK(ids(huang.also) == std::vector<std::string>{"source:pmc:PMC7159299",
                                                    "source:pubmed:31986264",
                                                    "source:pii:S0140673620301835"});
  CHECK(huang.title ==
        "Clinical Features of Patients Infected with 2019 Novel Coronavirus in Wuhan, China");
  CHECK(huang.authors ==
        std::vector<std::string>{"Huang, Chaolin", "Wang, Yeming", "Li, Xingwang"});
  CHECK(huang.year == "2020");
  CHECK(huang.url == "https://linkinghub.elsevier.com/retrieve/pii/S0140673620301835");
  CHECK(huang.where.line == 8);
  CHECK(huang.where.column == 1);
}

TEST_CASE("BibTeX macros and concatenation and organisation authors", "[input][bibliography]") {
  Diagnostics diagnostics;
  const Evidence evidence =
      evgraph::detail::read_bibtex(fixture("better_bibtex.bib", diagnostics), diagnostics);
  const SourceRecord& nice = by_label(evidence, "niceDepressionAdults2022");
  CHECK(nice.identity.id() == "source:url:nice.org.uk/guidance/ng222");
  CHECK(nice.authors ==
        std::vector<std::string>{"National Institute for Health and Care Excellence"});
  CHECK(nice.year == "2022");
  CHECK(nice.where.line == 26);
}

TEST_CASE("BibTeX LaTeX accents and escapes decode to UTF-8", "[input][bibliography]") {
  Diagnostics diagnostics;
  const Evidence evidence =
      evgraph::detail::read_bibtex(fixture("better_bibtex.bib", diagnostics), diagnostics);
  const SourceRecord& muller = by_label(evidence, "mullerPeerSupportMen2019");
  CHECK(muller.title ==
        "Peer Support for Men with Depression: A Mixed-Methods Study in Münster & "
        "Köln");
  CHECK(muller.authors == std::vector<std::string>{"Müller, Jörg", "Fernández, María",
                                                   "van Beethoven, Ludwig", "Ørsted, Søren"});
  CHECK(muller.identity.id() == "source:pubmed:30912345");
  CHECK(muller.year == "2019");
  CHECK(muller.url.empty());

  CHECK(decoded_title("Caf\\'e") == "Café");
  CHECK(decoded_title("Caf\\' e") == "Café");
  CHECK(decoded_title("{\\\"u}ber") == "über");
  CHECK(decoded_title("\\\"{U}ber") == "Über");
  CHECK(decoded_title("Fran\\c{c}ois and Fran\\c cois") == "François and François");
  CHECK(decoded_title("\\v{S}koda") == "Škoda");
  CHECK(decoded_title("Stra\\ss e") == "Straße");
  CHECK(decoded_title("Mar{\\'\\i}a") == "María");
  CHECK(decoded_title("R\\&D 5\\% \\$10") == "R&D 5% $10");
  CHECK(decoded_title("pages 1--10 --- and~more") == "pages 1–10 — and more");
  CHECK(decoded_title("IL-1$\\beta$ and {\\textalpha}") == "IL-1β and α");
  CHECK(decoded_title("\\emph{Escherichia coli} in {DNA}") == "Escherichia coli in DNA");
  CHECK(decoded_title("``quoted''") == "“quoted”");
  CHECK(decoded_title("  spread\n   over\tlines ") == "spread over lines");
}

TEST_CASE("Plain Zotero BibTeX with only doi and url", "[input][bibliography]") {
  Diagnostics diagnostics;
  const Evidence evidence =
      evgraph::detail::read_bibtex(fixture("zotero.bib", diagnostics), diagnostics);
  CHECK(diagnostics.empty());
  REQUIRE(evidence.sources.size() == 3);

  const SourceRecord& sheds = by_label(evidence, "vaughan_mens_2020");
  CHECK(sheds.identity.id() == "source:doi:10.1177/1557988320970212");
  CHECK(sheds.also.empty());
  CHECK(sheds.url == "https://journals.sagepub.com/doi/10.1177/1557988320970212");
  CHECK(sheds.title == "Men's sheds and mental health: A systematic review");
  CHECK(sheds.authors == std::vector<std::string>{"Vaughan, Sarah", "Kelly, Brendan D."});
  CHECK(sheds.year == "2020");
  CHECK(sheds.where.line == 2);

  const SourceRecord& samaritans = by_label(evidence, "samaritans_men_2023");
  CHECK(samaritans.identity.id() ==
        "source:url:samaritans.org/about-samaritans/research-policy/middle-aged-men-suicide");
  CHECK(samaritans.authors == std::vector<std::string>{"Samaritans"});

  const SourceRecord& book = by_label(evidence, "rochlen_boys_2015");
  CHECK(book.identity.id() == "source:title:boys-and-men-in-a-changing-world");
  CHECK(book.authors == std::vector<std::string>{"Rochlen, Aaron B.", "Levant, Ronald F."});
}

TEST_CASE("Broken BibTeX entries are reported where they break", "[input][bibliography]") {
  Diagnostics diagnostics;
  const Evidence evidence =
      evgraph::detail::read_bibtex(fixture("broken.bib", diagnostics), diagnostics);
  CHECK(labels(evidence) ==
        std::vector<std::string>{"unclosed2019", "fine2020", "nocomma2022", "last2023"});
  CHECK(by_label(evidence, "unclosed2019").identity.id() == "source:doi:10.5555/unclosed.2019");
  CHECK(by_label(evidence, "unclosed2019").year == "2019");
  CHECK(by_label(evidence, "fine2020").identity.id() == "source:doi:10.5555/fine.2020");
  CHECK(by_label(evidence, "nocomma2022").identity.id() == "source:title:missing-comma");
  CHECK(by_label(evidence, "last2023").identity.id() == "source:url:example.org/last");

  REQUIRE(count_code(diagnostics, "bibtex-syntax") == 3);
  std::vector<std::size_t> lines;
  for (const auto& d : diagnostics) {
    if (d.code == "bibtex-syntax") lines.push_back(d.where.line);
  }
  CHECK(lines == std::vector<std::size_t>{1, 12, 17});
  CHECK(diagnostics[0].message.find("'unclosed2019' is never closed") != std::string::npos);
  CHECK(diagnostics[1].message.find("field 'title' of entry 'runaway2021' runs on") !=
        std::string::npos);
  CHECK(diagnostics[2].where.column == 27);

  const auto* bad = find_code(diagnostics, "bad-identifier");
  REQUIRE(bad);
  CHECK(bad->where.line == 22);
  CHECK(bad->where.column == 3);
  const auto* macro = find_code(diagnostics, "bibtex-undefined-macro");
  REQUIRE(macro);
  CHECK(macro->where.line == 23);
  CHECK(diagnostics.size() == 5);
}

TEST_CASE("Text without any BibTeX entry is not BibTeX", "[input][bibliography]") {
  Diagnostics diagnostics;
  try {
    evgraph::detail::read_bibtex(inline_text("notes.bib", "% comment\n\n  just some notes\n"),
                                 diagnostics);
    FAIL("no InputError");
  } catch (const InputError& error) {
    CHECK(error.where().line == 3);
    CHECK(error.where().column == 3);
  }
  CHECK(evgraph::detail::read_bibtex(inline_text("empty.bib", "% Encoding: UTF-8\n"), diagnostics)
            .sources.empty());
}

TEST_CASE("RIS from Zotero and Ovid keeps every identifier", "[input][bibliography]") {
  Diagnostics diagnostics;
  const Evidence evidence =
      evgraph::detail::read_ris(fixture("pubmed_zotero.ris", diagnostics), diagnostics);
  CHECK(diagnostics.empty());
  CHECK(evidence.format == to_string(evgraph::InputFormat::ris));
  CHECK(labels(evidence) == std::vector<std::string>{"entry 1", "huang2020", "entry 3"});

  const SourceRecord& zhu = evidence.sources[0];
  CHECK(zhu.identity.id() == "source:doi:10.1056/nejmoa2001017");
  CHECK(ids(zhu.also) ==
        std::vector<std::string>{"source:pmc:PMC7092803", "source:pubmed:31978945"});
  CHECK(zhu.title == "A Novel Coronavirus from Patients with Pneumonia in China, 2019");
  CHECK(zhu.authors == std::vector<std::string>{"Zhu, Na", "Zhang, Dingyu", "Wang, Wenling"});
  CHECK(zhu.year == "2020");
  CHECK(zhu.url == "https://www.nejm.org/doi/10.1056/NEJMoa2001017");
  CHECK(zhu.where.line == 1);

  const SourceRecord& huang = evidence.sources[1];
  CHECK(huang.identity.id() == "source:doi:10.1016/s0140-6736(20)30183-5");
  CHECK(ids(huang.also) == std::vector<std::string>{"source:pubmed:31986264"});
  CHECK(huang.title ==
        "Clinical features of patients infected with 2019 novel coronavirus in Wuhan, China.");
  CHECK(huang.authors == std::vector<std::string>{"Huang, Chaolin", "Wang, Yeming"});
  CHECK(huang.year == "2020");
  CHECK(huang.url == "https://ovidsp.ovid.com/ovidweb.cgi?T=JS&PAGE=reference&AN=31986264");
  CHECK(huang.urls == std::vector<std::string>{"https://doi.org/10.1016/S0140-6736(20)30183-5"});
  CHECK(huang.where.line == 25);
}

TEST_CASE("An RIS accession number is a PMID only from PubMed or MEDLINE",
          "[input][bibliography]") {
  Diagnostics diagnostics;
  const Evidence evidence =
      evgraph::detail::read_ris(fixture("pubmed_zotero.ris", diagnostics), diagnostics);
  const SourceRecord& cinahl = by_label(evidence, "entry 3");
  CHECK(cinahl.identity.scheme == evgraph::Scheme::url);
  CHECK(cinahl.also.empty());
  CHECK(cinahl.authors == std::vector<std::string>{"Okafor, Chidi"});
  CHECK(cinahl.year == "2018");
}

TEST_CASE("Broken RIS records are reported with their lines", "[input][bibliography]") {
  Diagnostics diagnostics;
  const Evidence evidence =
      evgraph::detail::read_ris(fixture("broken.ris", diagnostics), diagnostics);
  CHECK(labels(evidence) == std::vector<std::string>{"entry 1", "entry 2"});
  CHECK(evidence.sources[0].identity.id() == "source:title:a-report-with-no-end-line");
  CHECK(evidence.sources[0].year == "2019");
  CHECK(evidence.sources[1].identity.id() == "source:url:menssheds.org.uk");
  CHECK(evidence.sources[1].title == "Men's sheds");

  CHECK(codes(diagnostics) == std::vector<std::string>{"ris-syntax", "ris-syntax", "bad-identifier",
                                                       "bibliography-entry-without-identity"});
  CHECK(diagnostics[0].where.line == 2);
  CHECK(diagnostics[1].where.line == 3);
  CHECK(diagnostics[2].where.line == 6);
  CHECK(diagnostics[1].message.find("record 1 has no 'ER  - ' line") != std::string::npos);
  CHECK(diagnostics[3].where.line == 11);
  CHECK(diagnostics[3].message.find("'entry 3'") != std::string::npos);
}

TEST_CASE("Text without RIS tag lines is not RIS", "[input][bibliography]") {
  Diagnostics diagnostics;
  CHECK_THROWS_AS(
      evgraph::detail::read_ris(inline_text("x.ris", "\nTitle: something else\n"), diagnostics),
      InputError);
  CHECK(evgraph::detail::read_ris(inline_text("empty.ris", "\n\n"), diagnostics).sources.empty());
  CHECK(diagnostics.empty());
}

TEST_CASE("BibTeX macros concatenation notes and repeated keys", "[input][bibliography]") {
  Diagnostics diagnostics;
  const Text text = inline_text("m.bib", R"(@string{ org = {Movember} }
@misc{movember2023,
  title = org # " Foundation: " # {Men's health} # " report",
  author = org,
  howpublished = {\url{https://movember.com/report}},
  month = jun, year = 2023,
  note = {PMID: 12345678; PMCID: PMC7654321},
}
@misc{movember2023, title = {Same key again}, url = {https://example.org/x}}
@article{nocommaend,
  title = {No closing brace},
  year = 2019
@misc{after, title = {After}}
)");
  const Evidence evidence = evgraph::detail::read_bibtex(text, diagnostics);
  CHECK(labels(evidence) ==
        std::vector<std::string>{"movember2023", "movember2023", "nocommaend", "after"});
  const SourceRecord& movember = evidence.sources.front();
  CHECK(movember.title == "Movember Foundation: Men's health report");
  CHECK(movember.authors == std::vector<std::string>{"Movember"});
  CHECK(movember.url == "https://movember.com/report");
  CHECK(movember.identity.id() == "source:pmc:PMC7654321");
  CHECK(ids(movember.also) == std::vector<std::string>{"source:pubmed:12345678"});
  CHECK(movember.year == "2023");
  CHECK(evidence.sources[2].year == "2019");

  CHECK(codes(diagnostics) == std::vector<std::string>{"duplicate-entry-key", "bibtex-syntax"});
  CHECK(diagnostics[0].where.line == 9);
  CHECK(diagnostics[1].where.line == 10);
  CHECK(diagnostics[1].message.find("'nocommaend' is never closed") != std::string::npos);
}

TEST_CASE("CSL-JSON takes a DOI from a doi.org URL", "[input][bibliography]") {
  Diagnostics diagnostics;
  const Text text = inline_text(
      "u.json",
      R"([{"id": "u", "title": "T", "URL": "https://doi.org/10.1177/1557988320970212"}])");
  const Evidence evidence = evgraph::detail::read_csl_json(text, diagnostics);
  REQUIRE(evidence.sources.size() == 1);
  CHECK(evidence.sources[0].identity.id() == "source:doi:10.1177/1557988320970212");
  CHECK(evidence.sources[0].url == "https://doi.org/10.1177/1557988320970212");
  CHECK(diagnostics.empty());
}

TEST_CASE("RIS tag lines are read leniently about spacing", "[input][bibliography]") {
  Diagnostics diagnostics;
  const Text text =
      inline_text("s.ris", "TY -JOUR\nTI - Spacing\nDO   -  10.1177/1557988320970212\nER -\n");
  const Evidence evidence = evgraph::detail::read_ris(text, diagnostics);
  REQUIRE(evidence.sources.size() == 1);
  CHECK(evidence.sources[0].title == "Spacing");
  CHECK(evidence.sources[0].identity.id() == "source:doi:10.1177/1557988320970212");
  CHECK(diagnostics.empty());
}

TEST_CASE("BibTeX keeps the fields it does not place as the source's data",
          "[input][bibliography]") {
  Diagnostics diagnostics;
  const Evidence evidence =
      evgraph::detail::read_bibtex(fixture("fields.bib", diagnostics), diagnostics);
  CHECK(diagnostics.empty());
  const SourceRecord& smith = by_label(evidence, "smith2020");
  CHECK(smith.identity.id() == "source:doi:10.1136/bmjopen-2020-000001");
  CHECK(ids(smith.also) == std::vector<std::string>{"source:pubmed:33333333"});
  CHECK(smith.title == "Fields are kept");
  CHECK(smith.year == "2020");
  CHECK(smith.data ==
        R"({"type":"article","authors_truncated":true,"editor":["Brown, Bob","Doe, J.","others"],)"
        R"("journal":"BMJ Open","volume":"12","number":"3","pages":"e012–e020",)"
        R"("issn":"2044-6055","keywords":["men's health; peer support","second keywords field"],)"
        R"("abstract":"An étude of DNA over two lines.",)"
        R"("file":"Full Text PDF:/home/u/Zotero/storage/AB12/smith--2020.pdf:application/pdf",)"
        R"("note":"Read with the 2019 protocol"})");

  const Evidence better =
      evgraph::detail::read_bibtex(fixture("better_bibtex.bib", diagnostics), diagnostics);
  CHECK(better.sources[0].data ==
        R"({"type":"article","authors_truncated":true,"month":"February",)"
        R"("journal":"The Lancet","volume":"395","number":"10223","pages":"497–506",)"
        R"("issn":"01406736","urldate":"2024-03-02","langid":"english"})");
  CHECK(by_label(better, "niceDepressionAdults2022").data ==
        R"({"type":"online","shorttitle":"Depression in Adults","date":"2022-06-29",)"
        R"("urldate":"2024-03-02","langid":"english",)"
        R"("note":"Guideline National Institute for Health and Care Excellence NG222"})");
  CHECK(diagnostics.empty());
}

TEST_CASE("BibTeX data holds the entry type and what a field holds besides links and identifiers",
          "[input][bibliography]") {
  Diagnostics diagnostics;
  const Evidence evidence =
      evgraph::detail::read_bibtex(fixture("fields.bib", diagnostics), diagnostics);
  const SourceRecord& report = by_label(evidence, "report2019");
  CHECK(report.url == "https://example.org/wp42");
  CHECK(report.data ==
        R"({"entrytype":"techreport","type":"Working Paper","institution":"Institute",)"
        R"("number":"42","howpublished":"Available online at https://example.org/wp42"})");
  const SourceRecord& bare = by_label(evidence, "bare2018");
  CHECK(bare.url == "https://example.org/bare");
  CHECK(bare.year == "2018");
  CHECK(bare.data == R"({"type":"misc"})");

  const Text text = inline_text("n.bib", R"(@misc{ids,
  title = {Only identifiers in the note},
  note = {PMID: 12345678; PMCID: PMC7654321},
  month = jun, year = 2023, date = {2023}
})");
  const Evidence notes = evgraph::detail::read_bibtex(text, diagnostics);
  REQUIRE(notes.sources.size() == 1);
  CHECK(notes.sources[0].data == R"({"type":"misc","month":"June"})");
  CHECK(diagnostics.empty());
}

TEST_CASE("BibTeX author lists ending in and others keep that they are truncated",
          "[input][bibliography]") {
  Diagnostics diagnostics;
  const Evidence evidence =
      evgraph::detail::read_bibtex(fixture("fields.bib", diagnostics), diagnostics);
  const SourceRecord& smith = by_label(evidence, "smith2020");
  CHECK(smith.authors == std::vector<std::string>{"Smith, Jane", "Jones, Amy"});
  CHECK(smith.data.find(R"("authors_truncated":true)") != std::string::npos);
  const SourceRecord& doe = by_label(evidence, "arxivWithDoi");
  CHECK(doe.authors == std::vector<std::string>{"Doe, John"});
  CHECK(doe.data.find(R"("authors_truncated":true)") != std::string::npos);
  const SourceRecord& vaswani = by_label(evidence, "vaswani2017attention");
  CHECK(vaswani.authors == std::vector<std::string>{"Vaswani, Ashish", "Shazeer, Noam"});
  CHECK(vaswani.data.find("authors_truncated") == std::string::npos);
}

TEST_CASE("A BibLaTeX arXiv eprint without URL or DOI gives the arXiv URL and id",
          "[input][bibliography]") {
  Diagnostics diagnostics;
  const Evidence evidence =
      evgraph::detail::read_bibtex(fixture("fields.bib", diagnostics), diagnostics);
  const SourceRecord& vaswani = by_label(evidence, "vaswani2017attention");
  CHECK(vaswani.url == "https://arxiv.org/abs/1706.03762");
  CHECK(vaswani.identity.id() == "source:arxiv:1706.03762");
  CHECK(vaswani.data == R"({"type":"misc","primaryclass":"cs.CL"})");

  const SourceRecord& lee = by_label(evidence, "lee2021");
  CHECK(lee.url == "https://arxiv.org/abs/2101.00001");
  CHECK(lee.year == "2021");
  CHECK(lee.data == R"({"type":"online","date":"2021-01-04"})");

  const SourceRecord& with_url = by_label(evidence, "arxivWithUrl");
  CHECK(with_url.url == "https://example.org/paper");
  CHECK(with_url.urls.empty());
  CHECK(with_url.data == R"({"type":"article","eprinttype":"arxiv","eprint":"2102.00002"})");

  const SourceRecord& with_doi = by_label(evidence, "arxivWithDoi");
  CHECK(with_doi.identity.id() == "source:doi:10.1000/xyz");
  CHECK(with_doi.url.empty());
  CHECK(
      with_doi.data ==
      R"({"type":"article","authors_truncated":true,"eprinttype":"arxiv","eprint":"2103.00003"})");
  CHECK(diagnostics.empty());
}

TEST_CASE("CSL-JSON keeps the fields it does not place as JSON", "[input][bibliography]") {
  Diagnostics diagnostics;
  const Evidence zotero =
      evgraph::detail::read_csl_json(fixture("zotero.json", diagnostics), diagnostics);
  CHECK(zotero.sources[0].data ==
        R"({"type":"article-journal","container-title":"New England Journal of Medicine",)"
        R"("ISSN":"0028-4793","issue":"8","journalAbbreviation":"N Engl J Med",)"
        R"("page":"727-733","source":"PubMed","volume":"382",)"
        R"("accessed":{"date-parts":[["2024",3,2]]},"issued":{"date-parts":[["2020",2,20]]}})");
  CHECK(by_label(zotero, "seidler2016engaging").data ==
        R"({"type":"book","publisher":"Routledge"})");
  CHECK(by_label(zotero, "who2021mental").data ==
        R"({"type":"webpage","issued":{"raw":"October 8, 2021"}})");

  diagnostics.clear();
  const Evidence evidence =
      evgraph::detail::read_csl_json(fixture("fields.json", diagnostics), diagnostics);
  CHECK(diagnostics.empty());
  const SourceRecord& smith = by_label(evidence, "smith2020");
  CHECK(smith.identity.id() == "source:doi:10.1136/bmjopen-2020-000001");
  CHECK(ids(smith.also) == std::vector<std::string>{"source:pubmed:33333333"});
  CHECK(smith.authors == std::vector<std::string>{"Smith, Jane", "Jones, Amy"});
  CHECK(smith.year == "2020");
  CHECK(smith.data ==
        R"({"type":"article-journal","container-title":"BMJ Open","volume":"12","issue":3,)"
        R"("keywords":["men's health","peer support"],)"
        R"("author":[{"family":"Smith","given":"Jane"},)"
        R"({"family":"Jones","given":"Amy","ORCID":"https://orcid.org/0000-0002-1825-0097"},)"
        R"({"literal":"et al."}],"authors_truncated":true,)"
        R"("editor":[{"family":"Brown","given":"Bob"}],"note":"Read with the 2019 protocol",)"
        R"("accessed":{"date-parts":[[2024,3,2]]}})");

  const SourceRecord& doe = by_label(evidence, "doe2019");
  CHECK(doe.authors == std::vector<std::string>{"Doe, Jane"});
  CHECK(doe.data == R"({"authors_truncated":true,"issued":{"date-parts":[[2019,5]]}})");

  const SourceRecord& bare = by_label(evidence, "bare2018");
  CHECK(bare.identity.id() == "source:pubmed:12345678");
  CHECK(bare.year == "2018");
  CHECK(bare.data.empty());
}

TEST_CASE("RIS keeps the tags it does not place, repeated tags as arrays",
          "[input][bibliography]") {
  Diagnostics diagnostics;
  const Evidence evidence =
      evgraph::detail::read_ris(fixture("fields.ris", diagnostics), diagnostics);
  CHECK(diagnostics.empty());
  REQUIRE(evidence.sources.size() == 2);
  const SourceRecord& smith = evidence.sources[0];
  CHECK(smith.identity.id() == "source:doi:10.1136/bmjopen-2020-000001");
  CHECK(ids(smith.also) == std::vector<std::string>{"source:pubmed:33333333"});
  CHECK(smith.authors == std::vector<std::string>{"Smith, Jane", "Jones, Amy"});
  CHECK(smith.year == "2020");
  CHECK(smith.data ==
        R"({"TY":"JOUR","authors_truncated":true,"A2":["Brown, Bob","Doe, J."],"T2":"BMJ Open",)"
        R"("DA":"2020/03/01/","VL":"12","IS":"3","SP":"e012","KW":["men's health","peer support"],)"
        R"("AB":"An abstract that runs\nover two lines.","N1":"Read with the 2019 protocol",)"
        R"("L1":"file:///home/u/smith.pdf"})");
  CHECK(evidence.sources[1].year == "2018");
  CHECK(evidence.sources[1].data == R"({"TY":"GEN"})");

  const Evidence pubmed =
      evgraph::detail::read_ris(fixture("pubmed_zotero.ris", diagnostics), diagnostics);
  CHECK(pubmed.sources[1].data == R"({"TY":"JOUR","DB":"Ovid MEDLINE(R) ALL","JF":"Lancet"})");
  CHECK(by_label(pubmed, "entry 3").data ==
        R"({"TY":"JOUR","AN":"142345678","DB":"cin20","DP":"EBSCOhost"})");
  CHECK(diagnostics.empty());
}
