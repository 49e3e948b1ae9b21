#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "file_support.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using evgraph::InputFormat;
using evgraph::InputResult;
using evgraph::InputSpec;

namespace {

fs::path scratch(const std::string& name) {
  return evgraph::test::scratch_dir("evgraph-build-from-inputs-test", name);
}

std::string write(const fs::path& path, const std::string& content) {
  std::ofstream(path) << content;
  return path.string();
}

std::string answer(int i) {
  return "Claim " + std::to_string(i) + " about veterans and peer support.[1]\nCitations:\n" +
         "[1] https://pubmed.ncbi.nlm.nih.gov/" + std::to_string(1000 + i) + "/\n";
}

std::string as_json(const evgraph::EvidenceGraph& graph) {
  std::ostringstream out;
  evgraph::write_json(graph, out);
  return out.str();
}

// The graph as build_graph() makes it from every input's evidence, read all at once.
std::string batch_json(const std::vector<InputSpec>& inputs) {
  std::istringstream in;
  std::vector<evgraph::Evidence> evidence;
  for (InputResult& result : evgraph::read_inputs(inputs, evgraph::default_lexicon(), {&in, 1})) {
    for (evgraph::Evidence& document : result.documents) evidence.push_back(std::move(document));
  }
  return as_json(evgraph::build_graph(std::move(evidence)));
}

std::string streamed_json(const std::vector<InputSpec>& inputs, unsigned threads,
                          std::size_t window, std::vector<std::size_t>* seen = nullptr) {
  std::istringstream in;
  evgraph::GraphBuilder builder;
  evgraph::build_from_inputs(builder, inputs, evgraph::default_lexicon(),
                             {&in, threads, nullptr, window},
                             [&](std::size_t i, const InputResult&) {
                               if (seen) seen->push_back(i);
                             });
  return as_json(builder.finish());
}

}  // namespace

TEST_CASE("Streamed reading hands results over in input order, whatever the threads and window",
          "[input][build]") {
  const auto dir = scratch("order");
  std::vector<InputSpec> inputs;
  for (int i = 0; i < 12; ++i) {
    inputs.push_back({write(dir / ("a" + std::to_string(i) + ".txt"), answer(i))});
  }
  for (const auto& [threads, window] :
       std::vector<std::pair<unsigned, std::size_t>>{{1, 1}, {2, 1}, {4, 2}, {8, 0}}) {
    std::istringstream in;
    std::vector<std::size_t> order;
    evgraph::read_inputs(inputs, evgraph::default_lexicon(), {&in, threads, nullptr, window},
                         [&](std::size_t i, InputResult&& result) {
                           REQUIRE(result.documents.size() == 1);
                           CHECK(result.documents[0].document == inputs[i].path);
                           order.push_back(i);
                         });
    CHECK(order == std::vector<std::size_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
  }
}

TEST_CASE("Streamed reading stops at the first input that fails, after handing over those before",
          "[input][build]") {
  const auto dir = scratch("failure");
  std::vector<InputSpec> inputs;
  for (int i = 0; i < 6; ++i) {
    inputs.push_back({write(dir / ("a" + std::to_string(i) + ".txt"), answer(i))});
  }
  inputs[2].path = (dir / "absent.txt").string();
  inputs[4].path = (dir / "also-absent.txt").string();
  std::istringstream in;
  std::vector<std::size_t> order;
  try {
    evgraph::read_inputs(inputs, evgraph::default_lexicon(), {&in, 3, nullptr, 1},
                         [&](std::size_t i, InputResult&&) { order.push_back(i); });
    FAIL("no error thrown");
  } catch (const evgraph::IoError& e) {
    CHECK_THAT(e.what(), Catch::Contains("absent.txt") && !Catch::Contains("also-absent"));
  }
  CHECK(order == std::vector<std::size_t>{0, 1});

  // What the consumer throws stops the readers too.
  inputs[2].path = inputs[4].path = inputs[0].path;
  order.clear();
  CHECK_THROWS_AS(evgraph::read_inputs(inputs, evgraph::default_lexicon(), {&in, 2, nullptr, 1},
                                       [&](std::size_t i, InputResult&&) {
                                         order.push_back(i);
                                         if (i == 1) throw std::runtime_error("full");
                                       }),
                  std::runtime_error);
  CHECK(order == std::vector<std::size_t>{0, 1});
}

TEST_CASE("An input's format is known from its extension and first bytes before it is read",
          "[input][build]") {
  const auto dir = scratch("peek");
  const auto perplexity =
      write(dir / "saved.txt", R"({"id": "x", "choices": [{"message": {"content": "A.[1]"}}],)"
                               R"( "citations": ["https://x.org"]})");
  CHECK(evgraph::peek_input_format({perplexity}) == InputFormat::perplexity_json);
  CHECK(evgraph::peek_input_format({write(dir / "a.md", answer(1))}) == InputFormat::answer);
  CHECK(evgraph::peek_input_format({write(dir / "refs.txt", "TY  - JOUR\nER  - \n")}) ==
        InputFormat::ris);
  CHECK(evgraph::peek_input_format({write(dir / "refs.bib", "@article{a, title={T}}")}) ==
        InputFormat::bibtex);
  CHECK(evgraph::peek_input_format({write(dir / "refs.json", R"([{"id": "a"}])")}) ==
        InputFormat::csl_json);
  CHECK(evgraph::peek_input_format({perplexity, InputFormat::answer, {}}) == InputFormat::answer);
  CHECK_FALSE(evgraph::peek_input_format({"-"}));
  CHECK_FALSE(evgraph::peek_input_format({(dir / "absent.txt").string()}));

  CHECK_FALSE(evgraph::names_works(InputFormat::answer));
  CHECK_FALSE(evgraph::names_works(InputFormat::chatgpt_export));
  CHECK_FALSE(evgraph::names_works(InputFormat::gemini));
  CHECK(evgraph::names_works(InputFormat::bibtex));
  CHECK(evgraph::names_works(InputFormat::csv));
  CHECK(evgraph::names_works(InputFormat::evidence_json));
}

TEST_CASE("Building while reading gives the graph build_graph makes from all the evidence",
          "[input][build]") {
  const auto dir = scratch("same-graph");
  std::vector<InputSpec> inputs;
  for (int i = 0; i < 5; ++i) {
    inputs.push_back({write(dir / ("a" + std::to_string(i) + ".txt"), answer(i))});
  }
  // A DOI cited after the PMID it shares a bibliography entry with, and the entry given last:
  // still one work, whose node is the DOI's, in the place the PMID's citation put it.
  inputs.push_back({write(dir / "doi.txt",
                          "Peer groups help fathers.[1]\nCitations:\n[1] "
                          "https://doi.org/10.1016/j.pss.2020.01.001\n")});
  inputs.push_back(
      {write(dir / "refs.json", R"([{"id": "a", "type": "article-journal", "title": "Fathers",)"
                                R"( "DOI": "10.1016/j.pss.2020.01.001", "PMID": "1002"}])")});
  const std::string batch = batch_json(inputs);
  CHECK_THAT(batch, Catch::Contains(R"("id":"source:doi:10.1016/j.pss.2020.01.001")") &&
                        !Catch::Contains(R"("id":"source:pubmed:1002")"));
  std::vector<std::size_t> seen;
  CHECK(streamed_json(inputs, 1, 1, &seen) == batch);
  CHECK(seen == std::vector<std::size_t>{0, 1, 2, 3, 4, 5, 6});
  CHECK(streamed_json(inputs, 2, 1) == batch);
  CHECK(streamed_json(inputs, 4, 0) == batch);

  // The first failure in input order is the one thrown, whether read first or streamed.
  auto failing = inputs;
  failing[1].path = (dir / "absent.txt").string();
  write(dir / "broken.json", "[{\"id\": ");
  failing[6].path = (dir / "broken.json").string();
  CHECK_THROWS_AS(streamed_json(failing, 2, 1), evgraph::IoError);
  failing[1] = inputs[1];
  failing[2].path = (dir / "broken.json").string();
  failing[2].format = InputFormat::csl_json;
  failing[4].path = (dir / "absent.txt").string();
  CHECK_THROWS_AS(streamed_json(failing, 2, 1), evgraph::InputError);
}

TEST_CASE("sizes in messages are binary units people read", "[limits]") {
  CHECK(evgraph::size_text(0) == "0 bytes");
  CHECK(evgraph::size_text(1) == "1 byte");
  CHECK(evgraph::size_text(1023) == "1023 bytes");
  CHECK(evgraph::size_text(1024) == "1 KiB");
  CHECK(evgraph::size_text(1536) == "1.5 KiB");
  CHECK(evgraph::size_text(std::uint64_t{512} << 20) == "512 MiB");
  CHECK(evgraph::size_text(std::uint64_t{3} << 30) == "3 GiB");
  CHECK(evgraph::size_text((std::uint64_t{1} << 30) + (std::uint64_t{1} << 29)) == "1.5 GiB");
}

TEST_CASE("inputs over a limit are InputErrors that say which limit", "[limits]") {
  const auto dir = scratch("limits");
  const std::string text = write(dir / "a.txt", answer(1));
  const std::string json = write(
      dir / "p.json", R"({"choices":[{"message":{"content":"Peer groups help men [1]. )" +
                          std::string(200, 'x') + R"("}}],"citations":["https://example.org/a"]})");
  std::istringstream in;
  evgraph::ReadOptions options{&in, 1};
  options.limits.input_bytes = 64;
  try {
    evgraph::read_inputs({{text}}, evgraph::default_lexicon(), options);
    FAIL("no error");
  } catch (const evgraph::InputError& e) {
    CHECK(e.where().file == text);
    CHECK_THAT(e.what(), Catch::Contains("more than the limit of 64 bytes") &&
                             Catch::Contains("--max-input-size"));
  }
  std::istringstream big(std::string(100, 'a'));
  options.stdin_stream = &big;
  CHECK_THROWS_WITH(evgraph::read_inputs({{"-"}}, evgraph::default_lexicon(), options),
                    Catch::Contains("the input holds more than the limit of 64 bytes"));

  options = {&in, 1};
  options.limits.line_bytes = 40;
  try {
    evgraph::read_inputs({{text}}, evgraph::default_lexicon(), options);
    FAIL("no error");
  } catch (const evgraph::InputError& e) {
    CHECK(e.where().line == 1);
    CHECK_THAT(e.what(), Catch::Contains("line 1 is ") && Catch::Contains("--max-line-length"));
  }
  // A JSON document on one line has no line limit.
  const auto results = evgraph::read_inputs({{json}}, evgraph::default_lexicon(), options);
  CHECK_FALSE(results.at(0).documents.at(0).claims.empty());

  options = {&in, 1};
  options.limits.nodes = 3;
  evgraph::GraphBuilder builder;
  CHECK_THROWS_WITH(
      evgraph::build_from_inputs(builder, {{text}}, evgraph::default_lexicon(), options),
      Catch::Contains("more than the limit of 3; raise the limit with --max-nodes"));
}
