// The answer as a unit (issue 10): a file of several answers, an export of several messages and an
// API response each give `answer`s that carry what the input says about them, between the
// document and the claims and sources each answer asserts and lists.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "file_support.hpp"
#include "test_support.hpp"

namespace {

using evgraph::AnswerInfo;
using evgraph::EdgeType;
using evgraph::NodeType;

std::string fixture(const std::string& path) {
  return std::string(EVGRAPH_SOURCE_DIR) + "/tests/fixtures/" + path;
}

evgraph::Evidence read_fixture(const std::string& path, evgraph::Diagnostics& d) {
  const evgraph::Text text = evgraph::read_text(fixture(path), d);
  return evgraph::read_evidence(text, std::nullopt, {}, evgraph::default_lexicon(), d);
}

// The ids of the nodes `from` has out-edges of `type` to.
std::vector<std::string> targets(const evgraph::EvidenceGraph& g, std::string_view from,
                                 EdgeType type) {
  std::vector<std::string> out;
  const auto v = g.find(from);
  if (!v) return out;
  for (auto e : boost::make_iterator_range(boost::out_edges(*v, g.graph()))) {
    if (g.edge(e).type == type) out.emplace_back(g.node(boost::target(e, g.graph())).id);
  }
  return out;
}

}  // namespace

TEST_CASE("Each block of a text answer file is an answer of its own", "[parse][answers]") {
  evgraph::Diagnostics d;
  const auto doc = evgraph::test::parse_string(
      "Groups help.[1]\nSources:\n[1] https://a.example/1\n"
      "Clubs help.[1]\nSources:\n[1] https://b.example/2\n"
      "Let me know if you want more.\n",
      d);
  REQUIRE(doc.blocks.size() == 3);
  REQUIRE(doc.answers.size() == 2);
  CHECK(doc.blocks[0].answer == 1);
  CHECK(doc.blocks[1].answer == 2);
  CHECK(doc.blocks[2].answer == 2);  // a remark after its list belongs to the answer before
  CHECK(doc.answers[1].where.line == 4);
}

TEST_CASE("A single answer with no description is not an answer node", "[graph][answers]") {
  evgraph::Diagnostics d;
  const auto e = evgraph::test::extract_string(
      "# Results\n\nGroups help.[1]\nSources:\n[1] https://a.example/1\n", d);
  REQUIRE(e.answers.size() == 1);
  CHECK(e.answers[0].heading == "Results");
  CHECK_FALSE(evgraph::has_answer_nodes(e));
  const auto g = evgraph::build_graph(std::vector<evgraph::Evidence>{e});
  CHECK(targets(g, "document:answer.txt", EdgeType::asserts).size() == 1);
}

TEST_CASE("Front matter and headings describe the answers of one file", "[parse][answers]") {
  evgraph::Diagnostics d;
  const auto e = read_fixture("answers/two-assistants.md", d);
  REQUIRE(e.answers.size() == 2);
  const AnswerInfo& first = e.answers[0];
  CHECK(first.heading == "ChatGPT, 1 March 2025");
  CHECK(first.query == "Do peer support groups help men?");
  CHECK(first.assistant.empty());
  const AnswerInfo& second = e.answers[1];
  CHECK(second.assistant == "Gemini");
  CHECK(second.model == "gemini-2.5-pro");
  CHECK(second.date == "2025-03-02");
  CHECK(second.query == "Do peer support groups help men?");  // the file's front matter
  CHECK(second.where.line == 12);                             // its front matter
  REQUIRE(e.claims.size() == 2);                              // the front matter is not a claim
  CHECK(e.claims[0].answer == 1);
  CHECK(e.claims[1].answer == 2);
  CHECK(e.sources[1].answer == 2);
  CHECK(evgraph::test::count_code(d, "uncited-claim") == 0);
}

TEST_CASE("Answers are nodes between the document and its claims", "[graph][answers]") {
  evgraph::Diagnostics d;
  std::vector<evgraph::Evidence> inputs;
  inputs.push_back(read_fixture("answers/two-assistants.md", d));
  const auto g = evgraph::build_graph(std::move(inputs));
  const std::string document = "document:" + fixture("answers/two-assistants.md");
  const std::string answer2 = "answer:" + fixture("answers/two-assistants.md") + "#2";
  CHECK(targets(g, document, EdgeType::contains) ==
        std::vector<std::string>{"answer:" + fixture("answers/two-assistants.md") + "#1", answer2});
  CHECK(targets(g, document, EdgeType::asserts).empty());
  CHECK(targets(g, document, EdgeType::lists).empty());
  REQUIRE(targets(g, answer2, EdgeType::asserts).size() == 1);
  CHECK(targets(g, answer2, EdgeType::lists) == std::vector<std::string>{"source:pmc:PMC9615064"});
  const auto& node = g.node(*g.find(answer2));
  CHECK(node.type == NodeType::answer);
  CHECK(node.label == "Gemini \u00B7 gemini-2.5-pro \u00B7 2025-03-02");
  CHECK(g.node(*g.find("answer:" + fixture("answers/two-assistants.md") + "#1")).label ==
        "ChatGPT, 1 March 2025");

  // The JSON carries what the input said, so that maps can filter answers by assistant and date.
  std::ostringstream json;
  evgraph::write_json(g, json);
  const auto data = nlohmann::json::parse(json.str());
  nlohmann::json found;
  for (const auto& n : data["nodes"]) {
    if (n["id"] == answer2) found = n;
  }
  CHECK(found["type"] == "answer");
  CHECK(found["assistant"] == "Gemini");
  CHECK(found["model"] == "gemini-2.5-pro");
  CHECK(found["date"] == "2025-03-02");
  CHECK(found["query"] == "Do peer support groups help men?");
  CHECK(found["line"] == 12);

  // Read back (merge, diff), an answer keeps them.
  std::ostringstream again;
  evgraph::Diagnostics ignored;
  evgraph::write_json(
      evgraph::read_graph_json(evgraph::make_text("graph.json", json.str(), ignored), ignored),
      again);
  CHECK(again.str() == json.str());
}

TEST_CASE("An API response is one answer with its model", "[input][answers]") {
  evgraph::Diagnostics d;
  const auto gemini = read_fixture("assistants/api/gemini_grounding.json", d);
  REQUIRE(gemini.answers.size() == 1);
  CHECK(gemini.answers[0].assistant == "Gemini");
  CHECK_FALSE(gemini.answers[0].model.empty());
  CHECK(evgraph::has_answer_nodes(gemini));
  const auto claude = read_fixture("assistants/api/anthropic_web_search.json", d);
  REQUIRE(claude.answers.size() == 1);
  CHECK(claude.answers[0].assistant == "Claude");
  CHECK_FALSE(claude.answers[0].model.empty());
  const auto openai = read_fixture("assistants/api/openai_chat.json", d);
  REQUIRE(openai.answers.size() == 1);
  CHECK(openai.answers[0].assistant == "OpenAI");
}

TEST_CASE("Each assistant message of a ChatGPT export is an answer with its model and time",
          "[input][answers]") {
  evgraph::Diagnostics d;
  const evgraph::Text text = evgraph::read_text(fixture("assistants/api/conversations.json"), d);
  const auto parsed = evgraph::parse_chatgpt_export(text, d);
  REQUIRE_FALSE(parsed.conversations.empty());
  const auto& answers = parsed.conversations[0].document.answers;
  REQUIRE(answers.size() == 1);
  CHECK(answers[0].assistant == "ChatGPT");
  CHECK(answers[0].date.size() == 20);  // "2025-03-01T09:30:00Z"
  CHECK_FALSE(answers[0].query.empty());
  for (const auto& block : parsed.conversations[0].document.blocks) CHECK(block.answer == 1);
}

TEST_CASE("A heading names its answer even after a logo copied with the page", "[parse][answers]") {
  evgraph::Diagnostics d;
  const auto doc = evgraph::test::parse_string(
      "<img src=\"https://x.org/logo.png\" style=\"height:64px\"/>\n\n# First title\n\n"
      "Groups help men.[1]\n\nSources:\n[1] https://a.org/x\n\n---\n\n# Second title\n\n"
      "Clubs help men.[1]\n\nSources:\n[1] https://b.org/y\n",
      d);
  REQUIRE(doc.answers.size() == 2);
  CHECK(doc.answers[0].heading == "First title");
  CHECK(doc.answers[1].heading == "Second title");
}
