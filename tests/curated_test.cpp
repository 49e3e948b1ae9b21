// Curated evidence: CSV/TSV coding sheets and JSON Lines read through a field map, evgraph's
// evidence JSON, and the Check-COVID dataset from ../shared/corpus when it is there.
#include <algorithm>
#include <boost/range/iterator_range.hpp>
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>

#include "input/readers.hpp"
#include "test_support.hpp"

namespace {

using namespace evgraph;
using evgraph::test::count_code;
using evgraph::test::find_code;

FieldMap field_map(std::vector<std::pair<std::string, std::string>> fields) {
  return FieldMap{std::move(fields)};
}

Evidence read_csv(std::string_view content, const FieldMap& map, Diagnostics& diagnostics,
                  char separator = ',') {
  const Text text = make_text(separator == ',' ? "sheet.csv" : "sheet.tsv", content, diagnostics);
  return detail::read_table(text, separator, map, default_lexicon(), diagnostics);
}

Evidence read_lines(std::string_view content, const FieldMap& map, Diagnostics& diagnostics) {
  const Text text = make_text("records.jsonl", content, diagnostics);
  return detail::read_jsonl(text, map, default_lexicon(), diagnostics);
}

Evidence read_evidence_file(std::string_view content, Diagnostics& diagnostics) {
  const Text text = make_text("evidence.json", content, diagnostics);
  return detail::read_evidence_json(text, default_lexicon(), diagnostics);
}

const SourceRecord& cited(const Evidence& evidence, const ClaimRecord& claim, std::size_t i) {
  return evidence.sources.at(claim.citations.at(i).source);
}

bool has_concept(const Evidence& evidence, const ClaimRecord& claim, std::string_view id) {
  for (const ClaimConcept& linked : claim.concepts) {
    if (evidence.concepts.at(linked.concept_index).id == id) return true;
  }
  return false;
}

bool is_listed(const Evidence& evidence, std::size_t source) {
  return evidence.listed.empty() || evidence.listed.at(source);
}

std::size_t record_count(const Evidence& evidence) {
  std::size_t count = 0;
  for (const ClaimRecord& claim : evidence.claims) {
    for (const Citation& citation : claim.citations) count += citation.records.size();
  }
  return count;
}

std::string fixture(const std::string& name) {
  return std::string(EVGRAPH_SOURCE_DIR) + "/tests/fixtures/curated/" + name;
}

const FieldMap kClaimMap = field_map({{"text", "claim"}, {"source", "ref"}, {"stance", "label"}});

}  // namespace

TEST_CASE("CSV quoted fields hold separators and doubled quotes and newlines", "[input]") {
  Diagnostics diagnostics;
  const Evidence evidence = read_csv(
      "claim,ref,label,note\n"
      "\"Peer groups, run weekly, reduce isolation.\",10.1000/a,supports,\"He said \"\"yes\"\"\n"
      "and left\"\n"
      "\n"
      "Plain claim,https://example.org/b,contrasts,\n"
      "\"\"\"Quoted\"\" claim\",PMC123,mentions,\"\"\n",
      kClaimMap, diagnostics);
  CHECK(diagnostics.empty());
  REQUIRE(evidence.claims.size() == 3);
  CHECK(evidence.claims[0].text == "Peer groups, run weekly, reduce isolation.");
  CHECK(evidence.claims[0].where.line == 2);
  const Citation& first = evidence.claims[0].citations.at(0);
  CHECK(evidence.sources.at(first.source).identity.id() == "source:doi:10.1000/a");
  CHECK(first.records.at(0).data == R"({"note":"He said \"yes\"\nand left"})");
  CHECK(evidence.claims[1].text == "Plain claim");
  CHECK(evidence.claims[1].where.line == 5);
  CHECK(evidence.claims[1].citations.at(0).records.at(0).data == R"({"note":""})");
  CHECK(evidence.claims[2].text == "\"Quoted\" claim");
  CHECK(cited(evidence, evidence.claims[2], 0).identity.id() == "source:pmc:PMC123");
}

TEST_CASE("CSV last field may be empty and the last line may lack a newline", "[input]") {
  Diagnostics diagnostics;
  const Evidence evidence = read_csv("claim,ref,label\nA claim,key1,\nAnother claim,key2,supports",
                                     kClaimMap, diagnostics);
  CHECK(diagnostics.empty());
  REQUIRE(evidence.claims.size() == 2);
  CHECK(evidence.claims[0].citations.at(0).records.at(0).label.empty());
  CHECK(evidence.claims[1].citations.at(0).records.at(0).stance == evgraph::Stance::supports);
}

TEST_CASE("CSV unterminated quote and stray text after a quote are diagnostics", "[input]") {
  Diagnostics diagnostics;
  const Evidence evidence =
      read_csv("claim,ref\n\"Closed\" then text,k1\n\"Never closed,k2\nnext line\n",
               field_map({{"text", "claim"}, {"source", "ref"}}), diagnostics);
  REQUIRE(find_code(diagnostics, "bad-quote"));
  CHECK(find_code(diagnostics, "bad-quote")->where.line == 2);
  CHECK(find_code(diagnostics, "bad-quote")->where.column == 9);
  REQUIRE(find_code(diagnostics, "bad-record"));
  CHECK(find_code(diagnostics, "bad-record")->where.line == 3);
  REQUIRE(evidence.claims.size() == 2);
  CHECK(evidence.claims[0].text == "Closed then text");
  CHECK(evidence.claims[1].text == "Never closed,k2\nnext line");
}

TEST_CASE("CSV rows of the wrong width are reported", "[input]") {
  Diagnostics diagnostics;
  const Evidence evidence = read_csv("claim,ref,label\nShort row,k1\nLong row,k2,supports,extra\n",
                                     kClaimMap, diagnostics);
  CHECK(count_code(diagnostics, "bad-record") == 2);
  REQUIRE(find_code(diagnostics, "missing-field"));
  CHECK(find_code(diagnostics, "missing-field")->message.find("'label'") != std::string::npos);
  REQUIRE(evidence.claims.size() == 2);
  CHECK(evidence.claims[1].citations.at(0).records.at(0).data == R"({"column 4":"extra"})");
}

TEST_CASE("TSV reads tab-separated rows and quoted tabs", "[input]") {
  Diagnostics diagnostics;
  const Evidence evidence = read_csv(
      "claim\tref\tlabel\n"
      "Claim, with a comma\tPMID: 123\tSUPPORT\n"
      "\"Claim\twith a tab\"\tdoi:10.1000/X\tREFUTES\n",
      kClaimMap, diagnostics, '\t');
  CHECK(diagnostics.empty());
  CHECK(evidence.format == "tsv");
  REQUIRE(evidence.claims.size() == 2);
  CHECK(evidence.claims[0].text == "Claim, with a comma");
  CHECK(cited(evidence, evidence.claims[0], 0).identity.id() == "source:pubmed:123");
  CHECK(evidence.claims[1].text == "Claim\twith a tab");
  CHECK(cited(evidence, evidence.claims[1], 0).identity.id() == "source:doi:10.1000/x");
  CHECK(evidence.claims[1].citations.at(0).records.at(0).stance == evgraph::Stance::contrasts);
}

TEST_CASE("CSV with no map uses the columns named after roles", "[input]") {
  Diagnostics diagnostics;
  const Evidence evidence =
      read_csv("Text,Source,Stance,coder\nA claim,10.1000/a,supports,AB\n", {}, diagnostics);
  CHECK(diagnostics.empty());
  REQUIRE(evidence.claims.size() == 1);
  const StanceRecord& record = evidence.claims[0].citations.at(0).records.at(0);
  CHECK(record.stance == evgraph::Stance::supports);
  CHECK(record.label == "supports");
  CHECK(record.data == R"({"coder":"AB"})");

  CHECK_THROWS_WITH(read_csv("claim,ref\nA,b\n", {}, diagnostics),
                    Catch::Contains("--map") && Catch::Contains("claim, ref"));
}

TEST_CASE("JSONL bad lines are diagnostics and the rest is read", "[input]") {
  Diagnostics diagnostics;
  const Evidence evidence = read_lines(
      "{\"claim\": \"First claim\", \"ref\": \"k1\", \"label\": \"SUPPORT\"}\n"
      "\n"
      "{\"claim\": \"Broken\", \"ref\": }\n"
      "[1, 2]\n"
      "{\"claim\": \"Last claim\", \"ref\": \"k2\", \"label\": \"NOTENOUGHINFO\"}\n",
      kClaimMap, diagnostics);
  REQUIRE(count_code(diagnostics, "bad-record") == 2);
  const Diagnostic& broken = *find_code(diagnostics, "bad-record");
  CHECK(broken.where.line == 3);
  CHECK(broken.where.column == 28);
  CHECK(broken.message.find("json.exception") == std::string::npos);
  REQUIRE(evidence.claims.size() == 2);
  CHECK(evidence.claims[1].where.line == 5);
  CHECK(evidence.claims[1].citations.at(0).records.at(0).stance == evgraph::Stance::mentions);
}

TEST_CASE("JSONL that holds no object at all is not JSON Lines", "[input]") {
  Diagnostics diagnostics;
  CHECK_THROWS_AS(read_lines("not json\nnor this\n", kClaimMap, diagnostics), InputError);
  Diagnostics empty;
  CHECK(read_lines("\n\n", kClaimMap, empty).claims.empty());
}

TEST_CASE("JSONL with no map and no role-named field asks for a map", "[input]") {
  Diagnostics diagnostics;
  CHECK_THROWS_WITH(read_lines("{\"claim\": \"x\", \"cord_id\": \"y\"}\n", {}, diagnostics),
                    Catch::Contains("pass --map") && Catch::Contains("claim, cord_id") &&
                        Catch::Contains("records.jsonl:1:1"));
  const Evidence evidence =
      read_lines("{\"text\": \"A claim\", \"source\": \"PMC9\"}\n", {}, diagnostics);
  REQUIRE(evidence.claims.size() == 1);
  CHECK(cited(evidence, evidence.claims[0], 0).identity.id() == "source:pmc:PMC9");
}

TEST_CASE("A map with no text reads a bibliography of works", "[input]") {
  Diagnostics diagnostics;
  const Evidence evidence = read_lines(
      "{\"cord_id\": \"ab12\", \"title\": \"First work\", \"doi\": \"10.1000/one\", \"year\": "
      "2020, \"authors\": [{\"family\": \"Smith\", \"given\": \"J\"}, \"Lee, K\"]}\n"
      "{\"cord_id\": \"cd34\", \"title\": \"Second work\", \"abstract\": [\"...\"]}\n"
      "{\"cord_id\": \"ab12\", \"title\": \"First work again\"}\n",
      field_map({{"source", "cord_id"},
                 {"title", "title"},
                 {"doi", "doi"},
                 {"year", "year"},
                 {"authors", "authors"}}),
      diagnostics);
  CHECK(evidence.claims.empty());
  REQUIRE(evidence.sources.size() == 2);
  CHECK(is_listed(evidence, 0));
  CHECK(is_listed(evidence, 1));
  const SourceRecord& first = evidence.sources[0];
  CHECK(first.identity.id() == "source:key:ab12");
  REQUIRE(first.also.size() == 1);
  CHECK(first.also[0].id() == "source:doi:10.1000/one");
  CHECK(first.title == "First work");
  CHECK(first.year == "2020");
  CHECK(first.authors == std::vector<std::string>{"Smith, J", "Lee, K"});
  CHECK(evidence.sources[1].title == "Second work");
  CHECK(count_code(diagnostics, "missing-field") == 6);  // lines 2 and 3: no doi, year, authors
}

TEST_CASE("A claim-only role in a bibliography map is reported", "[input]") {
  Diagnostics diagnostics;
  read_csv("ref,label\nk1,supports\n", field_map({{"source", "ref"}, {"stance", "label"}}),
           diagnostics);
  CHECK(count_code(diagnostics, "unused-mapping") == 1);
  CHECK_THROWS_AS(read_csv("pop\nmen\n", field_map({{"population", "pop"}}), diagnostics),
                  InputError);
}

TEST_CASE("Stance labels are normalised and unknown ones kept and reported", "[input]") {
  Diagnostics diagnostics;
  const Evidence evidence =
      read_csv("claim,ref,label\nC1,k1,SUPPORT\nC1,k2,REFUTE\nC1,k3,NOTENOUGHINFO\nC1,k4,maybe\n",
               kClaimMap, diagnostics);
  REQUIRE(evidence.claims.size() == 1);
  const ClaimRecord& claim = evidence.claims[0];
  REQUIRE(claim.citations.size() == 4);
  CHECK(claim.citations[0].records.at(0).stance == evgraph::Stance::supports);
  CHECK(claim.citations[1].records.at(0).stance == evgraph::Stance::contrasts);
  CHECK(claim.citations[2].records.at(0).stance == evgraph::Stance::mentions);
  CHECK(claim.citations[3].records.at(0).stance == evgraph::Stance::unstated);
  CHECK(claim.citations[3].records.at(0).label == "maybe");
  REQUIRE(count_code(diagnostics, "unknown-stance") == 1);
  CHECK(find_code(diagnostics, "unknown-stance")->where.line == 5);
  CHECK(find_code(diagnostics, "unknown-stance")->where.column == 7);
}

TEST_CASE("Certainty is normalised to GRADE and unknown values kept in the data", "[input]") {
  Diagnostics diagnostics;
  const Evidence evidence = read_csv(
      "claim,ref,grade\nC1,k1,Very_Low\nC2,k2,strong\n",
      field_map({{"text", "claim"}, {"source", "ref"}, {"certainty", "grade"}}), diagnostics);
  REQUIRE(evidence.claims.size() == 2);
  CHECK(evidence.claims[0].citations.at(0).records.at(0).certainty == evgraph::Certainty::very_low);
  CHECK(evidence.claims[0].citations.at(0).records.at(0).data == "{}");
  CHECK(evidence.claims[1].citations.at(0).records.at(0).certainty == evgraph::Certainty::unstated);
  CHECK(evidence.claims[1].citations.at(0).records.at(0).data == R"({"grade":"strong"})");
  CHECK(count_code(diagnostics, "unknown-certainty") == 1);
}

TEST_CASE("Several sources in one cell or array are cited by one record each", "[input]") {
  Diagnostics diagnostics;
  const Evidence sheet =
      read_csv("claim,ref,label\nC1,10.1000/a; PMID:42 | k3,supports\n", kClaimMap, diagnostics);
  REQUIRE(sheet.claims.size() == 1);
  REQUIRE(sheet.claims[0].citations.size() == 3);
  CHECK(cited(sheet, sheet.claims[0], 0).identity.id() == "source:doi:10.1000/a");
  CHECK(cited(sheet, sheet.claims[0], 1).identity.id() == "source:pubmed:42");
  CHECK(cited(sheet, sheet.claims[0], 2).identity.id() == "source:key:k3");
  for (const Citation& citation : sheet.claims[0].citations) {
    CHECK(citation.records.at(0).stance == evgraph::Stance::supports);
  }
  CHECK(sheet.listed == std::vector<bool>{false, false, false});

  const Evidence lines =
      read_lines("{\"claim\": \"C2\", \"ref\": [\"PMC1\", \"https://example.org/x\"]}\n",
                 field_map({{"text", "claim"}, {"source", "ref"}}), diagnostics);
  REQUIRE(lines.claims.at(0).citations.size() == 2);
  CHECK(cited(lines, lines.claims[0], 1).url == "https://example.org/x");
  CHECK(diagnostics.empty());
}

TEST_CASE("Population intervention and outcome columns become concepts", "[input]") {
  Diagnostics diagnostics;
  const Evidence evidence = read_csv(
      "claim,ref,who,what,result\nA claim,k1,Veterans; carers of veterans,Walking groups,mood\n",
      field_map({{"text", "claim"},
                 {"source", "ref"},
                 {"population", "who"},
                 {"intervention", "what"},
                 {"outcome", "result"}}),
      diagnostics);
  REQUIRE(evidence.claims.size() == 1);
  const ClaimRecord& claim = evidence.claims[0];
  CHECK(has_concept(evidence, claim, "population:veterans"));
  CHECK(has_concept(evidence, claim, "population:carers-of-veterans"));
  CHECK(has_concept(evidence, claim, "intervention:physical-activity"));
  CHECK(has_concept(evidence, claim, "outcome:mood"));
  // Each link says which field named the concept, and the name as written there.
  auto matches = [&](std::string_view id) {
    for (const ClaimConcept& linked : claim.concepts) {
      if (evidence.concepts.at(linked.concept_index).id == id) return linked.matches;
    }
    return std::vector<ConceptMatch>{};
  };
  CHECK(matches("population:veterans") ==
        std::vector<ConceptMatch>{{"Veterans", std::nullopt, "who"}});
  CHECK(matches("intervention:physical-activity") ==
        std::vector<ConceptMatch>{{"Walking groups", std::nullopt, "what"}});
}

TEST_CASE("Repeated claim text is one claim with every record kept", "[input]") {
  Diagnostics diagnostics;
  const Evidence evidence = read_lines(
      "{\"id\": \"r1\", \"claim\": \"Masks  work.\", \"ref\": \"k1\", \"label\": \"SUPPORT\", "
      "\"evidence_set\": [{\"sent_index\": 1, \"type\": \"PRIMARY\"}], \"is_auth\": false}\n"
      "{\"id\": \"r2\", \"claim\": \"masks work. \", \"ref\": \"k1\", \"label\": "
      "\"NOTENOUGHINFO\", "
      "\"evidence_set\": [], \"is_auth\": true}\n",
      kClaimMap, diagnostics);
  CHECK(diagnostics.empty());
  REQUIRE(evidence.claims.size() == 1);
  REQUIRE(evidence.claims[0].citations.size() == 1);
  const std::vector<StanceRecord>& records = evidence.claims[0].citations[0].records;
  REQUIRE(records.size() == 2);
  CHECK(records[0].data ==
        R"({"id":"r1","evidence_set":[{"sent_index":1,"type":"PRIMARY"}],"is_auth":false})");
  CHECK(records[1].label == "NOTENOUGHINFO");
  CHECK(records[1].where.line == 2);
}

TEST_CASE("A map naming a field no record has is an error with a suggestion", "[input]") {
  Diagnostics diagnostics;
  try {
    read_lines(
        "{\"claim\": \"C1\", \"ref\": \"k1\", \"lable\": \"x\"}\n"
        "{\"claim\": \"C2\", \"ref\": \"k2\"}\n",
        kClaimMap, diagnostics);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK_THAT(e.what(), Catch::Contains("no record has the field 'label'") &&
                             Catch::Contains("did you mean 'lable'?") &&
                             Catch::Contains("[unknown-map-field]"));
    CHECK(e.where().line == 1);
  }
  CHECK(count_code(diagnostics, "missing-field") == 0);
}

TEST_CASE("A record missing a mapped field is reported once it is known", "[input]") {
  Diagnostics diagnostics;
  const Evidence evidence = read_lines(
      "{\"claim\": \"C1\", \"ref\": \"k1\"}\n"
      "{\"claim\": \"C2\", \"ref\": \"k2\", \"label\": \"SUPPORT\"}\n"
      "{\"ref\": \"k3\", \"label\": \"SUPPORT\"}\n",
      kClaimMap, diagnostics);
  REQUIRE(count_code(diagnostics, "missing-field") == 2);
  CHECK(diagnostics[0].where.line == 1);
  CHECK(diagnostics[0].message.find("'label'") != std::string::npos);
  CHECK(diagnostics[1].where.line == 3);
  CHECK(diagnostics[1].message.find("'claim'") != std::string::npos);
  CHECK(evidence.claims.size() == 2);
}

TEST_CASE("Evidence JSON fixture reads works claims concepts and stances", "[input]") {
  Diagnostics diagnostics;
  const Text text = read_text(fixture("evidence.json"), diagnostics);
  const Evidence evidence = detail::read_evidence_json(text, default_lexicon(), diagnostics);
  CHECK(diagnostics.empty());
  CHECK(evidence.format == "evidence-json");

  REQUIRE(evidence.sources.size() == 5);
  const SourceRecord& okafor = evidence.sources[0];
  CHECK(okafor.identity.id() == "source:doi:10.1000/peer.2021.001");
  REQUIRE(okafor.also.size() == 1);
  CHECK(okafor.also[0].id() == "source:pubmed:30000001");
  CHECK(okafor.label == "okafor2021");
  CHECK(okafor.year == "2021");
  CHECK(okafor.authors == std::vector<std::string>{"Okafor, Ada", "Lindqvist, Per"});
  CHECK(okafor.where.line == 8);
  CHECK(evidence.sources[1].identity.id() == "source:pmc:PMC7000001");
  CHECK(evidence.sources[1].authors == std::vector<std::string>{"Reyes, Marta", "Chen, Wei"});
  CHECK(evidence.sources[2].identity.id() == "source:url:example.org/reports/men-sheds-2022");
  CHECK(evidence.sources[3].identity.scheme == evgraph::Scheme::title);
  CHECK(evidence.sources[4].identity.id() == "source:doi:10.1000/other.2018.7");
  CHECK(evidence.listed == std::vector<bool>{true, true, true, true, false});

  REQUIRE(evidence.claims.size() == 2);
  const ClaimRecord& groups = evidence.claims[0];
  CHECK(groups.where.line == 34);
  CHECK(has_concept(evidence, groups, "population:older-adults"));
  CHECK(has_concept(evidence, groups, "intervention:weekly-peer-groups"));
  CHECK(has_concept(evidence, groups, "outcome:isolation"));
  REQUIRE(groups.citations.size() == 3);
  const std::vector<StanceRecord>& okafor_records = groups.citations[0].records;
  REQUIRE(okafor_records.size() == 2);
  CHECK(okafor_records[0].stance == evgraph::Stance::supports);
  CHECK(okafor_records[0].certainty == evgraph::Certainty::moderate);
  CHECK(
      okafor_records[0].data ==
      R"({"quote":"Loneliness scores fell by a third over twelve weeks.","note":"small sample"})");
  CHECK(okafor_records[1].certainty == evgraph::Certainty::very_low);
  CHECK(groups.citations[1].records.at(0).stance == evgraph::Stance::mentions);
  CHECK(groups.citations[2].records.empty());

  const ClaimRecord& veterans = evidence.claims[1];
  CHECK(has_concept(evidence, veterans, "population:veterans"));
  REQUIRE(veterans.citations.size() == 2);
  const StanceRecord& reyes = veterans.citations[0].records.at(0);
  CHECK(reyes.stance == evgraph::Stance::contrasts);
  CHECK(reyes.certainty == evgraph::Certainty::low);
  CHECK(reyes.data == R"({"coder":"AB","round":2})");
  CHECK(cited(evidence, veterans, 1).identity.id() == "source:doi:10.1000/other.2018.7");
}

TEST_CASE("Evidence JSON fixture uses only what the schema allows", "[input]") {
  const nlohmann::json schema = nlohmann::json::parse(
      read_file(std::string(EVGRAPH_SOURCE_DIR) + "/src/input/evidence.schema.json"));
  const nlohmann::json file = nlohmann::json::parse(read_file(fixture("evidence.json")));
  const nlohmann::json& defs = schema.at("$defs");
  const auto allowed = [](const nlohmann::json& object, const nlohmann::json& shape) {
    for (const auto& [key, value] : object.items()) {
      INFO(key);
      CHECK(shape.at("properties").contains(key));
    }
    for (const auto& key : shape.value("required", nlohmann::json::array())) {
      CHECK(object.contains(key.get<std::string>()));
    }
  };
  CHECK(schema.at("$schema") == "https://json-schema.org/draft/2020-12/schema");
  allowed(file, schema);
  for (const auto& work : file.at("works")) allowed(work, defs.at("work"));
  const nlohmann::json& cite_shape = defs.at("citation").at("oneOf").at(1);
  for (const auto& claim : file.at("claims")) {
    allowed(claim, defs.at("claim"));
    for (const auto& cite : claim.at("cites")) {
      if (cite.is_string()) continue;
      allowed(cite, cite_shape);
      for (const char* key : {"stance", "certainty"}) {
        if (!cite.contains(key)) continue;
        const nlohmann::json& values = cite_shape.at("properties").at(key).at("enum");
        CHECK(std::find(values.begin(), values.end(), cite.at(key)) != values.end());
      }
    }
  }
}

TEST_CASE("Evidence JSON unknown keys and undefined works are diagnostics", "[input]") {
  Diagnostics diagnostics;
  const Evidence evidence = read_evidence_file(R"({"evgraph": "evidence", "version": 1,
  "works": [{"id": "a1", "doi": "10.1000/a", "titel": "Typo"}],
  "claims": [{"text": "C1", "cites": [
    {"work": "a2", "stance": "supports"},
    {"work": "a1", "stance": "SUPPORTED", "reviewer": "KB"},
    {"work": "a1", "stance": "perhaps"}]}],
  "extra": true})",
                                               diagnostics);
  REQUIRE(count_code(diagnostics, "unknown-field") == 3);
  const Diagnostic& typo = *std::find_if(
      diagnostics.begin(), diagnostics.end(),
      [](const Diagnostic& d) { return d.message.find("titel") != std::string::npos; });
  CHECK(typo.where.line == 2);
  CHECK(typo.where.column == 46);
  CHECK(typo.message.find("did you mean \"title\"") != std::string::npos);
  REQUIRE(count_code(diagnostics, "undefined-work") == 1);
  CHECK(find_code(diagnostics, "undefined-work")->message.find("did you mean \"a1\"") !=
        std::string::npos);
  CHECK(find_code(diagnostics, "undefined-work")->where.line == 4);
  CHECK(count_code(diagnostics, "unknown-stance") == 1);
  REQUIRE(evidence.claims.size() == 1);
  REQUIRE(evidence.claims[0].citations.size() == 1);
  const std::vector<StanceRecord>& records = evidence.claims[0].citations[0].records;
  REQUIRE(records.size() == 2);
  CHECK(records[0].stance == evgraph::Stance::supports);
  CHECK(records[0].label == "SUPPORTED");
  CHECK(records[0].data == R"({"reviewer":"KB"})");
  CHECK(records[1].label == "perhaps");
}

TEST_CASE("Evidence JSON that is not JSON or not this shape throws InputError", "[input]") {
  Diagnostics diagnostics;
  CHECK_THROWS_WITH(
      read_evidence_file("{\"evgraph\": \"evidence\",\n  \"version\": 1,,}", diagnostics),
      Catch::StartsWith("evidence.json:2:16: error: not JSON"));
  CHECK_THROWS_WITH(read_evidence_file("[1, 2]", diagnostics),
                    Catch::Contains("not an evgraph evidence file"));
  CHECK_THROWS_WITH(read_evidence_file(R"({"evgraph": "other"})", diagnostics),
                    Catch::Contains("not an evgraph evidence file"));
  CHECK_THROWS_WITH(read_evidence_file(R"({"evgraph": "evidence", "version": 2})", diagnostics),
                    Catch::Contains("version 2 is not supported"));
  CHECK_THROWS_WITH(
      read_evidence_file("{\"evgraph\": \"evidence\", \"version\": 1,\n \"claims\": [{\"text\": "
                         "\"C\", \"cites\": [{\"work\": \"x\", \"stance\": 3}]}]}",
                         diagnostics),
      Catch::StartsWith("evidence.json:2:51: error: \"stance\" must be a string"));
  CHECK_THROWS_WITH(
      read_evidence_file(R"({"evgraph": "evidence", "version": 1, "claims": [{"cites": []}]})",
                         diagnostics),
      Catch::Contains("a claim needs a non-empty \"text\""));
  CHECK_THROWS_WITH(
      read_evidence_file(R"({"evgraph": "evidence", "version": 1, "works": {}})", diagnostics),
      Catch::Contains("\"works\" must be an array"));
}

TEST_CASE("Check-COVID claims and corpus read through field maps", "[input][corpus]") {
  const std::filesystem::path folder =
      std::filesystem::path(EVGRAPH_SHARED_DIR) / "corpus" / "check-covid";
  if (!std::filesystem::exists(folder / "Check-COVID_all.json")) {
    WARN("skipped: " << folder.string() << " is absent");
    return;
  }
  Diagnostics diagnostics;
  const Text claims_text = read_text(folder / "Check-COVID_all.json", diagnostics);
  const Text corpus_text = read_text(folder / "corpus.json", diagnostics);
  const FieldMap claims_map =
      field_map({{"text", "claim"}, {"source", "cord_id"}, {"stance", "label"}});
  const FieldMap corpus_map = field_map({{"source", "cord_id"}, {"title", "title"}});
  const Evidence claims =
      detail::read_jsonl(claims_text, claims_map, default_lexicon(), diagnostics);
  const Evidence corpus =
      detail::read_jsonl(corpus_text, corpus_map, default_lexicon(), diagnostics);
  CHECK(diagnostics.empty());

  std::set<std::string> claim_ids;
  std::set<std::pair<std::string, std::string>> pairs;
  for (const ClaimRecord& claim : claims.claims) {
    claim_ids.insert(claim.id);
    for (const Citation& citation : claim.citations) {
      pairs.emplace(claim.id, claims.sources.at(citation.source).identity.id());
      for (const StanceRecord& record : citation.records)
        CHECK(record.stance != evgraph::Stance::unstated);
    }
  }
  CHECK(claim_ids.size() == 1005);
  CHECK(pairs.size() == 1006);
  CHECK(record_count(claims) == 1504);
  CHECK(claims.sources.size() == 347);

  REQUIRE(corpus.sources.size() == 347);
  std::set<std::string> cited_ids;
  for (const SourceRecord& source : claims.sources) cited_ids.insert(source.identity.id());
  for (const SourceRecord& work : corpus.sources) {
    CHECK(cited_ids.count(work.identity.id()) == 1);
    CHECK_FALSE(work.title.empty());
  }

  const Evidence both[] = {claims, corpus};
  const EvidenceGraph graph = build_graph(both);
  std::size_t works = 0;
  std::size_t titled = 0;
  std::size_t cites = 0;
  std::size_t records = 0;
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph.graph()))) {
    if (graph.node(v).type != NodeType::source) continue;
    ++works;
    if (!graph.node(v).title.empty()) ++titled;
  }
  for (EdgeRef e : boost::make_iterator_range(boost::edges(graph.graph()))) {
    if (graph.edge(e).type != EdgeType::cites) continue;
    ++cites;
    records += graph.edge(e).records.size();
  }
  CHECK(works == 347);
  CHECK(titled == 347);
  CHECK(cites == 1006);
  CHECK(records == 1504);
}

TEST_CASE("A Zotero CSV export is a bibliography with no --map", "[curated]") {
  Diagnostics diagnostics;
  const Text text = read_text(
      std::string(EVGRAPH_SOURCE_DIR) + "/tests/fixtures/curated/zotero_export.csv", diagnostics);
  const Evidence evidence = detail::read_table(text, ',', {}, default_lexicon(), diagnostics);
  CHECK(diagnostics.empty());
  REQUIRE(evidence.sources.size() == 1);
  const SourceRecord& work = evidence.sources.front();
  CHECK(work.identity.id() == "source:doi:10.1000/peer.2021.001");
  CHECK(work.authors == std::vector<std::string>{"Okafor, Ada", "Lindqvist, Per"});
  CHECK(work.year == "2021");
  CHECK(work.title == "Weekly peer groups and loneliness");
  CHECK(std::find(work.also.begin(), work.also.end(),
                  SourceIdentity{evgraph::Scheme::pubmed, "30000001"}) != work.also.end());
  CHECK(work.data.find("\"Publication Title\":\"J Mens Health\"") != std::string::npos);
}
