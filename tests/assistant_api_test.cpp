// Assistant API responses (OpenAI, Anthropic, Gemini) and ChatGPT data exports as inputs: the
// fixtures in tests/fixtures/assistants/api/ follow the published shapes, each with its quirks.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "file_support.hpp"
#include "test_support.hpp"

namespace {

using evgraph::InputFormat;
using evgraph::test::count_code;
using evgraph::test::find_code;

std::string fixture(const std::string& name) {
  return std::string(EVGRAPH_SOURCE_DIR) + "/tests/fixtures/assistants/api/" + name;
}

evgraph::Text read(const std::string& name, evgraph::Diagnostics& d) {
  return evgraph::read_text(fixture(name), d);
}

std::vector<std::string> texts(const evgraph::Evidence& e) {
  std::vector<std::string> out;
  for (const auto& claim : e.claims) out.push_back(claim.text);
  return out;
}

// The URLs (or, for a source with none, "title:" + its title) a claim cites, in order.
std::vector<std::string> cited(const evgraph::Evidence& e, std::size_t claim) {
  std::vector<std::string> out;
  for (const auto& citation : e.claims.at(claim).citations) {
    const auto& source = e.sources.at(citation.source);
    out.push_back(source.url.empty() ? "title:" + source.title : source.url);
  }
  return out;
}

// Line and column (1-based, in code points) of the first `needle` in a fixture as stored.
std::pair<std::size_t, std::size_t> place_of(const std::string& name, std::string_view needle) {
  std::ifstream in(fixture(name));
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    const std::size_t at = line.find(needle);
    if (at == std::string::npos) continue;
    std::size_t column = 1;
    for (std::size_t i = 0; i < at; ++i) {
      column += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
    }
    return {number, column};
  }
  return {0, 0};
}

std::pair<std::size_t, std::size_t> place(const evgraph::Location& where) {
  return {where.line, where.column};
}

evgraph::Evidence read_as(const std::string& name, std::optional<InputFormat> format,
                          evgraph::Diagnostics& d) {
  const evgraph::Text text = read(name, d);
  return evgraph::read_evidence(text, format, {}, evgraph::default_lexicon(), d);
}

}  // namespace

TEST_CASE("a ChatGPT export: each conversation, its visible branch, assistant text only",
          "[input][assistants]") {
  evgraph::Diagnostics d;
  const evgraph::Text text = read("conversations.json", d);
  const auto parsed = evgraph::parse_chatgpt_export(text, d);
  REQUIRE(parsed.conversations.size() == 2);
  const auto& first = parsed.conversations[0];
  CHECK(first.id == "6630a1b2-0001-4c3d-9e8f-aa0000000001");
  CHECK(first.title == "Peer support for older men");
  CHECK(first.created == "2024-05-01T10:40:00Z");
  CHECK(first.document.name == fixture("conversations.json") + "#" + first.id);
  CHECK(parsed.conversations[1].title == "Café walking groups");
  CHECK(parsed.recognised == "ChatGPT export, 2 conversations, 2 assistant messages");

  d.clear();
  auto documents = evgraph::read_documents(text, std::nullopt, {}, evgraph::default_lexicon(), d);
  REQUIRE(documents.size() == 2);
  const auto& e = documents[0];
  CHECK(e.format == "chatgpt-export");
  CHECK(e.title == "Peer support for older men");
  CHECK(e.document == fixture("conversations.json") + "#6630a1b2-0001-4c3d-9e8f-aa0000000001");
  // The branch the user saw (current_node up to the root): not the regenerated answer left
  // behind, the hidden message, the tool call or the tool's output.
  CHECK(texts(e) == std::vector<std::string>{"Men’s Sheds reduce loneliness among older men.",
                                             "Walking groups also lift mood.",
                                             "Peer support is promising."});
  CHECK(cited(e, 0) ==
        std::vector<std::string>{"https://menssheds.org.uk/research/?utm_source=chatgpt.com"});
  CHECK(cited(e, 1) == std::vector<std::string>{"https://www.walkingforhealth.org.uk/evidence",
                                                "https://pubmed.ncbi.nlm.nih.gov/25320003/"});
  CHECK(cited(e, 2).empty());
  // The sources footnote lists a page no marker cites: a source all the same.
  REQUIRE(e.sources.size() == 4);
  CHECK(e.sources[3].url == "https://www.ageuk.org.uk/loneliness");
  CHECK(e.sources[1].title == "Walking groups and wellbeing");
  // Claims point into conversations.json, past the \u escapes of the JSON string.
  CHECK(place(e.claims[0].where) == place_of("conversations.json", "Men\\u2019s Sheds reduce"));
  CHECK(place(e.claims[1].where) == place_of("conversations.json", "Walking groups also"));
  // The marker no content reference resolves is removed and reported where it stands.
  const auto* stray = find_code(d, "unresolved-marker");
  REQUIRE(stray);
  CHECK_THAT(stray->message, Catch::Contains("\\ue200cite\\ue202turn0search9\\ue201"));
  CHECK(place(stray->where) == place_of("conversations.json", "\\ue200cite\\ue202turn0search9"));
  CHECK(count_code(d, "unresolved-marker") == 2);

  // The older export form: metadata.citations with start_ix/end_ix over 【4†source】 markers.
  const auto& old = documents[1];
  CHECK(old.title == "Café walking groups");
  CHECK(texts(old) == std::vector<std::string>{"Walking groups in Paris improve mood.",
                                               "They also build friendships."});
  CHECK(cited(old, 0) == std::vector<std::string>{"https://www.example.fr/marche-groupe"});
  CHECK(cited(old, 1).empty());
}

TEST_CASE("a ChatGPT export read as one Evidence keeps every conversation's claims",
          "[input][assistants]") {
  evgraph::Diagnostics d;
  const auto e = read_as("conversations.json", std::nullopt, d);
  CHECK(e.format == "chatgpt-export");
  CHECK(e.claims.size() == 5);
  CHECK(e.recognised == "ChatGPT export, 2 conversations, 2 assistant messages");
}

TEST_CASE("each conversation is a document node titled by the conversation",
          "[input][assistants]") {
  evgraph::Diagnostics d;
  const evgraph::Text text = read("conversations.json", d);
  const auto documents =
      evgraph::read_documents(text, std::nullopt, {}, evgraph::default_lexicon(), d);
  const evgraph::EvidenceGraph graph = evgraph::build_graph(documents);
  std::vector<std::pair<std::string, std::string>> nodes;
  for (auto v : boost::make_iterator_range(boost::vertices(graph.graph()))) {
    const auto& node = graph.node(v);
    if (node.type == evgraph::NodeType::document) nodes.emplace_back(node.id, node.label);
  }
  CHECK(nodes ==
        std::vector<std::pair<std::string, std::string>>{
            {"document:" + fixture("conversations.json") + "#6630a1b2-0001-4c3d-9e8f-aa0000000001",
             "Peer support for older men"},
            {"document:" + fixture("conversations.json") + "#64b0c0de-0002-4c3d-9e8f-bb0000000002",
             "Café walking groups"}});
}

TEST_CASE("OpenAI Chat Completions: url_citation spans, inline links, two on one span",
          "[input][assistants]") {
  evgraph::Diagnostics d;
  const evgraph::Text text = read("openai_chat.json", d);
  const auto parsed = evgraph::parse_openai_response(text, d);
  CHECK(parsed.recognised == "OpenAI Chat Completions response, 3 url_citation annotations");
  const auto e = evgraph::extract(parsed.document, evgraph::default_lexicon(), d);
  // The inline link `([site](url))` cites the sentence before it; the annotated sentence is a
  // claim of its own; text no annotation covers is an uncited claim.
  CHECK(texts(e) == std::vector<std::string>{
                        "Für ältere Männer senken Peer-Gruppen die Einsamkeit um etwa ein Drittel.",
                        "Walking groups improve mood in older adults.",
                        "More research is needed on rural men."});
  CHECK(cited(e, 0) ==
        std::vector<std::string>{"https://pubmed.ncbi.nlm.nih.gov/31111111/?utm_source=openai"});
  CHECK(cited(e, 1) == std::vector<std::string>{"https://doi.org/10.1136/bjsports-2014-094157",
                                                "https://www.walkingforhealth.org.uk/evidence"});
  CHECK(cited(e, 2).empty());
  CHECK(e.sources.at(e.claims[1].citations[1].source).title == "Walking for Health");
  CHECK(place(e.claims[0].where) == place_of("openai_chat.json", "Für ältere"));
  CHECK(place(e.claims[1].where) == place_of("openai_chat.json", "Walking groups improve"));
}

TEST_CASE("OpenAI Responses API: indices count code points, past an emoji", "[input][assistants]") {
  evgraph::Diagnostics d;
  const evgraph::Text text = read("openai_responses.json", d);
  const auto parsed = evgraph::parse_openai_response(text, d);
  CHECK(parsed.recognised == "OpenAI Responses API response, 3 url_citation annotations");
  const auto e = evgraph::extract(parsed.document, evgraph::default_lexicon(), d);
  REQUIRE(e.claims.size() == 4);
  CHECK(e.claims[0].text == "Here is what the evidence says.");
  CHECK(cited(e, 0).empty());
  CHECK(e.claims[1].text ==
        "Men’s Sheds 🛠️ give older men a place to work side by side, which reduces "
        "loneliness.");
  CHECK(cited(e, 1) ==
        std::vector<std::string>{"https://menssheds.org.uk/research/?utm_source=openai"});
  // After the emoji (two UTF-16 units, one code point) the span is still exactly the sentence.
  CHECK(e.claims[2].text == "Befriending calls help housebound men.");
  CHECK(cited(e, 2) ==
        std::vector<std::string>{"https://www.ageuk.org.uk/befriending?utm_source=openai"});
  CHECK(e.claims[3].text == "Nothing else is known.");
  CHECK(place(e.claims[2].where) == place_of("openai_responses.json", "Befriending calls"));
  // An annotation past the text is reported; its source is still listed.
  const auto* outside = find_code(d, "span-out-of-range");
  REQUIRE(outside);
  CHECK_THAT(outside->message, Catch::Contains("900–950"));
  CHECK(e.sources.size() == 3);
}

TEST_CASE("Anthropic web search: a text block with citations is a claim citing them",
          "[input][assistants]") {
  evgraph::Diagnostics d;
  const evgraph::Text text = read("anthropic_web_search.json", d);
  const auto parsed = evgraph::parse_anthropic_response(text, d);
  CHECK(parsed.recognised ==
        "Anthropic Messages API response, 2 citations (2 web_search_result_location)");
  const auto e = evgraph::extract(parsed.document, evgraph::default_lexicon(), d);
  CHECK(texts(e) == std::vector<std::string>{"I'll search for research on loneliness in older men.",
                                             "Based on the search results",
                                             "Men’s Sheds reduce loneliness among retired men.",
                                             "Rural men may be harder to reach."});
  CHECK(cited(e, 2) == std::vector<std::string>{"https://menssheds.org.uk/research/",
                                                "https://www.ageuk.org.uk/loneliness"});
  CHECK(cited(e, 1).empty());
  // The search results themselves (web_search_tool_result) are the search, not the answer.
  CHECK(e.sources.size() == 2);
  CHECK(place(e.claims[2].where) == place_of("anthropic_web_search.json", "Men’s Sheds reduce"));
}

TEST_CASE("Anthropic cited_text is the quote of the cites edge, each claim its own",
          "[input][assistants]") {
  evgraph::Diagnostics d;
  const auto e = read_as("anthropic_web_search.json", std::nullopt, d);
  const auto& sheds = e.claims.at(2);
  REQUIRE(sheds.citations.size() == 2);
  CHECK(sheds.citations[0].quote == "Members reported feeling less lonely after joining a shed.");
  CHECK(sheds.citations[1].quote == "Retired men are among the loneliest groups.");
  // The JSON export shows it on the cites edge.
  const auto r = evgraph::test::run_cli(
      {"build", fixture("anthropic_web_search.json"), "-o", "-", "--to", "json"});
  REQUIRE(r.code == 0);
  CHECK_THAT(
      r.out,
      Catch::Contains("\"quote\":\"Members reported feeling less lonely after joining a shed.\""));
  // One page quoted by two claims: each edge has its own passage, not the other's.
  const evgraph::Text twice = evgraph::make_text("twice.json", R"({"type": "message", "content": [
    {"type": "text", "text": "Sheds help.", "citations": [{"type": "web_search_result_location",
      "url": "https://a.example/p", "title": "P", "cited_text": "Sheds  help\nmen. "}]},
    {"type": "text", "text": " Walks help.", "citations": [{"type": "web_search_result_location",
      "url": "https://a.example/p", "title": "P", "cited_text": "Walks help too."}]},
    {"type": "text", "text": " Sheds again.", "citations": [{"type": "web_search_result_location",
      "url": "https://a.example/p", "title": "P", "cited_text": "Sheds help men."}]}]})",
                                                 d);
  const auto quoted = evgraph::extract(evgraph::parse_anthropic_response(twice, d).document,
                                       evgraph::default_lexicon(), d);
  REQUIRE(quoted.claims.size() == 3);
  CHECK(quoted.claims[0].citations.at(0).quote == "Sheds help men.");
  CHECK(quoted.claims[1].citations.at(0).quote == "Walks help too.");
  CHECK(quoted.claims[2].citations.at(0).quote == "Sheds help men.");
  CHECK(quoted.claims[2].markers == quoted.claims[0].markers);  // the same passage: one entry
  CHECK(count_code(d, "unused-citation") == 0);
}

TEST_CASE("Anthropic document citations cite the document by its title", "[input][assistants]") {
  evgraph::Diagnostics d;
  const auto e = read_as("anthropic_documents.json", std::nullopt, d);
  CHECK(e.format == "anthropic");
  CHECK(e.recognised ==
        "Anthropic Messages API response, 3 citations (1 char_location, 1 "
        "content_block_location, 1 page_location)");
  // (parse_answer drops the comma that ends an uncited stretch.)
  CHECK(texts(e) == std::vector<std::string>{"According to the documents", "the grass is green",
                                             "and", "the sky is blue", "while", "water is wet."});
  CHECK(cited(e, 1) == std::vector<std::string>{"title:Example Document"});
  CHECK(cited(e, 3) ==
        std::vector<std::string>{"title:" + fixture("anthropic_documents.json") + " document 2"});
  CHECK(cited(e, 5) == std::vector<std::string>{"title:Custom content"});
  CHECK(e.sources.at(e.claims[1].citations[0].source).identity.scheme == evgraph::Scheme::title);
}

TEST_CASE("Gemini grounding: segments in UTF-8 bytes, a support citing two chunks",
          "[input][assistants]") {
  evgraph::Diagnostics d;
  const evgraph::Text text = read("gemini_grounding.json", d);
  const auto parsed = evgraph::parse_gemini_response(text, d);
  CHECK(parsed.recognised == "Gemini API response, 3 grounding supports, 2 web search queries");
  const auto e = evgraph::extract(parsed.document, evgraph::default_lexicon(), d);
  CHECK(texts(e) == std::vector<std::string>{"Men's Sheds reduce loneliness in older men.",
                                             "In Zürich, Männerpalaver groups meet monthly.",
                                             "Walking groups lower depressive symptoms.",
                                             "Little is known about rural men."});
  const std::string redirect =
      "https://vertexaisearch.cloud.google.com/grounding-api-redirect/AUZIYQGz1x0Ex3s7cGpMb2Rc";
  CHECK(cited(e, 0) == std::vector<std::string>{redirect + "1"});
  CHECK(cited(e, 1) == std::vector<std::string>{redirect + "2"});
  CHECK(cited(e, 2) ==
        std::vector<std::string>{redirect + "1", "https://pubmed.ncbi.nlm.nih.gov/25320003/"});
  CHECK(cited(e, 3).empty());
  // The redirect is kept as the URL, with the site as the title.
  CHECK(e.sources.at(e.claims[1].citations[0].source).title == "maennerpalaver.ch");
  CHECK(count_code(d, "segment-misplaced") == 0);
}

TEST_CASE("Gemini segments whose offsets miss their text are placed by the text",
          "[input][assistants]") {
  evgraph::Diagnostics d;
  // Offsets counted in characters, not bytes: "ü" makes them one short.
  const auto text = evgraph::make_text("g.json", R"({"candidates": [{"content": {"parts": [
    {"text": "Für alle. Walking helps."}]}, "groundingMetadata": {
    "groundingChunks": [{"web": {"uri": "https://a.example/1", "title": "a.example"}}],
    "groundingSupports": [{"segment": {"startIndex": 10, "endIndex": 24,
      "text": "Walking helps."}, "groundingChunkIndices": [0, 3]}]}}]})",
                                       d);
  const auto e = evgraph::extract(evgraph::parse_gemini_response(text, d).document,
                                  evgraph::default_lexicon(), d);
  CHECK(texts(e) == std::vector<std::string>{"Für alle.", "Walking helps."});
  CHECK(cited(e, 1) == std::vector<std::string>{"https://a.example/1"});
  CHECK(count_code(d, "segment-misplaced") == 1);
  CHECK(count_code(d, "undefined-citation") == 1);
}

TEST_CASE("API responses and exports are told apart by their content", "[input][assistants]") {
  evgraph::Diagnostics d;
  const auto detect = [&](const std::string& name) {
    return evgraph::detect_input_format(read(name, d));
  };
  CHECK(detect("conversations.json") == InputFormat::chatgpt_export);
  CHECK(detect("openai_chat.json") == InputFormat::openai);
  CHECK(detect("openai_responses.json") == InputFormat::openai);
  CHECK(detect("anthropic_web_search.json") == InputFormat::anthropic);
  CHECK(detect("anthropic_documents.json") == InputFormat::anthropic);
  CHECK(detect("gemini_grounding.json") == InputFormat::gemini);
  // Any other array is still CSL-JSON, and a chat completion with citations still Perplexity's.
  CHECK(evgraph::sniff_json_format(R"([{"id": "a", "type": "article-journal"}])") ==
        InputFormat::csl_json);
  CHECK(evgraph::sniff_json_format(R"({"object": "chat.completion", "choices": [],
      "citations": []})") == InputFormat::perplexity_json);
  // A single conversation object, and one whose current_node lies past the first KB.
  CHECK(evgraph::sniff_json_format(R"({"title": "t", "mapping": {}, "current_node": "x"})") ==
        InputFormat::chatgpt_export);
  CHECK(evgraph::sniff_json_format(
            R"([{"title": "t", "mapping": {"a": {"id": "a", "parent": null, "children": []}})") ==
        InputFormat::chatgpt_export);
  // An OpenAI answer longer than the sniffed head, its annotations after it.
  const std::string long_answer = R"({"object": "chat.completion", "choices": [{"message": {)"
                                  R"("content": ")" +
                                  std::string(5000, 'a') +
                                  R"(", "annotations": [{"type": "url_citation"}]}}]})";
  CHECK(evgraph::detect_input_format(evgraph::make_text("r.json", long_answer, d)) ==
        InputFormat::openai);
  // Without a .json name (stdin) too.
  CHECK(evgraph::detect_input_format(evgraph::make_text(
            "-", R"({"candidates": [{"content": {"parts": [{"text": "x"}]}}]})", d)) ==
        InputFormat::gemini);
  for (const char* name : {"chatgpt-export", "openai", "anthropic", "gemini", "chatgpt"}) {
    CHECK(evgraph::input_format_from_name(name));
  }
}

TEST_CASE("a response of another shape throws InputError naming the format",
          "[input][assistants]") {
  evgraph::Diagnostics d;
  const auto text = evgraph::make_text("bad.json", R"({"id": 1})", d);
  CHECK_THROWS_WITH(evgraph::parse_openai_response(text, d), Catch::Contains("OpenAI"));
  CHECK_THROWS_WITH(evgraph::parse_anthropic_response(text, d), Catch::Contains("Anthropic"));
  CHECK_THROWS_WITH(evgraph::parse_gemini_response(text, d), Catch::Contains("Gemini"));
  CHECK_THROWS_WITH(evgraph::parse_chatgpt_export(text, d), Catch::Contains("ChatGPT export"));
}

TEST_CASE("check prints what each input was read as", "[cli][assistants]") {
  const auto r =
      evgraph::test::run_cli({"check", fixture("conversations.json"),
                              fixture("openai_responses.json"), fixture("gemini_grounding.json")});
  REQUIRE(r.code == 0);
  CHECK_THAT(r.err,
             Catch::Contains(evgraph::test::relative_to_current(fixture("conversations.json")) +
                             ": read as ChatGPT export, 2 conversations, 2 assistant "
                             "messages, 5 claims, 5 sources\n"));
  CHECK_THAT(r.err,
             Catch::Contains(evgraph::test::relative_to_current(fixture("openai_responses.json")) +
                             ": read as OpenAI Responses API response, 3 url_citation "
                             "annotations, 4 claims, 3 sources\n"));
  CHECK_THAT(r.err, Catch::Contains("gemini_grounding.json: read as Gemini API response"));
  CHECK_THAT(r.err, Catch::Contains("evgraph: 4 document(s)"));
  const auto quiet = evgraph::test::run_cli({"check", "-q", fixture("openai_chat.json")});
  CHECK_THAT(quiet.err, !Catch::Contains("read as"));
  const auto forced =
      evgraph::test::run_cli({"check", "--from", "openai", fixture("openai_chat.json"), "--from",
                              "anthropic", fixture("anthropic_documents.json")});
  CHECK(forced.code == 0);
  CHECK_THAT(forced.err, Catch::Contains("read as Anthropic Messages API response"));
}

TEST_CASE("build writes one document per conversation", "[cli][assistants]") {
  const auto r =
      evgraph::test::run_cli({"build", fixture("conversations.json"), "-o", "-", "--to", "json"});
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("\"label\":\"Peer support for older men\"") ||
                        Catch::Contains("\"label\": \"Peer support for older men\""));
  CHECK_THAT(r.err, Catch::Contains("evgraph: 2 document(s)"));
}

TEST_CASE("a ChatGPT message of many markers and stray openers reads in linear time",
          "[input][assistants]") {
  constexpr std::size_t kMarkers = 20000;
  std::string text;
  nlohmann::json references = nlohmann::json::array();
  for (std::size_t i = 0; i < kMarkers; ++i) {
    const std::string marker = "\ue200cite\ue202turn0search" + std::to_string(i) + "\ue201";
    text += "Claim " + std::to_string(i) + " holds. " + marker + " ";
    nlohmann::json reference = {
        {"matched_text", marker},
        {"type", "grouped_webpages"},
        {"items", {{{"url", "https://a.example/" + std::to_string(i % 500)}, {"title", "T"}}}}};
    references.push_back(std::move(reference));
  }
  for (std::size_t i = 0; i < kMarkers; ++i) text += "\ue200";
  const nlohmann::json message = {{"id", "m"},
                                  {"author", {{"role", "assistant"}}},
                                  {"content", {{"content_type", "text"}, {"parts", {text}}}},
                                  {"metadata", {{"content_references", references}}}};
  const nlohmann::json conversation = {
      {"title", "Many"},
      {"id", "c"},
      {"current_node", "m"},
      {"mapping", {{"m", {{"id", "m"}, {"message", message}, {"parent", nullptr}}}}}};
  evgraph::Diagnostics d;
  const auto input =
      evgraph::make_text("conversations.json", nlohmann::json::array({conversation}).dump(), d);
  const auto documents =
      evgraph::read_documents(input, std::nullopt, {}, evgraph::default_lexicon(), d);
  REQUIRE(documents.size() == 1);
  CHECK(documents[0].claims.size() == kMarkers);
  CHECK(documents[0].sources.size() == 500);
  CHECK(count_code(d, "unresolved-marker") == 0);
}
