// What the libFuzzer harnesses (fuzz/) found, each a test of the normal suite.
#include <catch2/catch.hpp>
#include <evgraph/evgraph.hpp>
#include <optional>
#include <string>

namespace {

using evgraph::InputFormat;

// Reads `content` as `format`; the InputError it must throw.
evgraph::InputError refusal(InputFormat format, const std::string& name,
                            const std::string& content) {
  evgraph::Diagnostics diagnostics;
  const evgraph::Text text = evgraph::make_text(name, content, diagnostics);
  try {
    evgraph::read_documents(text, format, {}, evgraph::default_lexicon(), diagnostics);
  } catch (const evgraph::InputError& e) {
    return e;
  }
  FAIL("read as " << evgraph::to_string(format) << " without an error");
  throw;
}

}  // namespace

// nlohmann::json::parse throws out_of_range, not parse_error, for a number too large for a
// double; every JSON reader let it escape (std::terminate in the CLI). Now each refuses the input
// as not JSON, naming the number and, where the reader locates, where it is written.
TEST_CASE("Every JSON reader refuses a number too large for a double", "[fuzz][input]") {
  const std::string big = "{\"x\": 1,\n \"n\": 1e99999}";
  for (auto [format, name] :
       {std::pair{InputFormat::perplexity_json, "p.json"}, std::pair{InputFormat::openai, "o.json"},
        std::pair{InputFormat::anthropic, "a.json"}, std::pair{InputFormat::gemini, "g.json"},
        std::pair{InputFormat::chatgpt_export, "c.json"}}) {
    const evgraph::InputError e = refusal(format, name, big);
    CHECK(e.where().file == name);
    CHECK(std::string(e.what()).find("number too large: 1e99999") != std::string::npos);
  }
  for (auto [format, name] : {std::pair{InputFormat::evidence_json, "e.json"},
                              std::pair{InputFormat::csl_json, "r.json"}}) {
    const evgraph::InputError e = refusal(format, name, big);
    CHECK(std::string(e.what()).find("number too large: 1e99999") != std::string::npos);
    CHECK(e.where().line == 2);
    CHECK(e.where().column == 7);
  }
}

TEST_CASE("A JSON Lines record with a number too large for a double is a bad record",
          "[fuzz][input]") {
  evgraph::Diagnostics diagnostics;
  const evgraph::Text text = evgraph::make_text(
      "r.jsonl", "{\"claim\": \"Groups help.\"}\n{\"claim\": \"Walks help.\", \"n\": 2E400}\n",
      diagnostics);
  const evgraph::Evidence evidence =
      evgraph::read_evidence(text, InputFormat::jsonl, evgraph::parse_field_map("text=claim"),
                             evgraph::default_lexicon(), diagnostics);
  CHECK(evidence.claims.size() == 1);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].code == "bad-record");
  CHECK(diagnostics[0].where.line == 2);
  CHECK(diagnostics[0].where.column == 31);
  CHECK(diagnostics[0].message.find("number too large: 2E400") != std::string::npos);
}

TEST_CASE("A lexicon or graph with a number too large for a double is refused where it is",
          "[fuzz][input]") {
  try {
    evgraph::parse_lexicon("{\"concepts\": [],\n \"v\": -9e999}", "l.json");
    FAIL("lexicon read");
  } catch (const evgraph::InputError& e) {
    CHECK(e.where().line == 2);
    CHECK(e.where().column == 7);
    CHECK(std::string(e.what()).find("number too large: -9e999") != std::string::npos);
  }
  try {
    evgraph::Diagnostics ignored;
    evgraph::read_graph_json(evgraph::Text("g.json", "{\"nodes\": [], \"links\": [1e400]}"),
                             ignored);
    FAIL("graph read");
  } catch (const evgraph::InputError& e) {
    CHECK(e.where().line == 1);
    CHECK(e.where().column == 25);
    CHECK(std::string(e.what()).find("number too large: 1e400") != std::string::npos);
  }
}
