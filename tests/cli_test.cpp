#include "evgraph/cli.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/read_inputs.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

struct Run {
  int code;
  std::string out;
  std::string err;
};

Run run_cli(std::vector<std::string> args, const std::string& stdin_text = "") {
  std::istringstream in(stdin_text);
  std::ostringstream out;
  std::ostringstream err;
  const int code = evgraph::cli::run(args, in, out, err);
  return {code, out.str(), err.str()};
}

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "evgraph-cli-test" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

const std::string kAnswer =
    "Groups reduce isolation.[1]\nCitations:\n[1] https://pubmed.ncbi.nlm.nih.gov/1/\n";

}  // namespace

TEST_CASE("build writes several formats in one run", "[cli]") {
  const auto dir = scratch("formats");
  const auto json = (dir / "g.json").string();
  const auto dot = (dir / "g.dot").string();
  const auto r = run_cli({"build", evgraph::test::seed_path(), "-o", json, "-o", dot});
  CHECK(r.code == 0);
  CHECK(fs::file_size(json) > 0);
  CHECK(fs::file_size(dot) > 0);
  CHECK_THAT(r.err, Catch::Contains("12 claims") && Catch::Contains("18 sources"));
  CHECK(fs::directory_iterator(dir) != fs::directory_iterator());
  for (const auto& entry : fs::directory_iterator(dir)) {
    CHECK_THAT(entry.path().filename().string(), !Catch::Contains("partial"));
  }
}

TEST_CASE("stdin to stdout needs --to", "[cli]") {
  auto r = run_cli({"build", "-", "-o", "-", "--to", "json"}, kAnswer);
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j.at("nodes").size() == 4);  // document, claim, source, outcome isolation
  r = run_cli({"build", "-", "-o", "-"}, kAnswer);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("--to"));
}

TEST_CASE("usage errors exit 2", "[cli]") {
  CHECK(run_cli({}).code == 2);
  CHECK(run_cli({"build"}).code == 2);
  CHECK(run_cli({"frobnicate"}).code == 2);
  CHECK(run_cli({"build", "x.txt", "-o", "x.unknown"}).code == 2);
  CHECK(run_cli({"build", "x.txt", "-o", "x.json", "--to", "gexf2"}).code == 2);
  CHECK(run_cli({"build", "x.txt", "-o", "x.json", "--bogus"}).code == 2);
}

TEST_CASE("help and version exit 0 and describe every verb", "[cli]") {
  auto r = run_cli({"--help"});
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("build") && Catch::Contains("check"));
  r = run_cli({"build", "--help"});
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("--lexicon") && Catch::Contains("--strict"));
  r = run_cli({"--version"});
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains(evgraph::generator()));
}

TEST_CASE("a missing input exits 1 and leaves no output file", "[cli]") {
  const auto dir = scratch("missing");
  const auto json = dir / "g.json";
  const auto r = run_cli({"build", (dir / "absent.txt").string(), "-o", json.string()});
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Catch::Contains("absent.txt"));
  CHECK(fs::is_empty(dir));
}

TEST_CASE("strict turns warnings into exit 1 with nothing written", "[cli]") {
  const auto dir = scratch("strict");
  const auto json = dir / "g.json";
  auto r = run_cli({"build", evgraph::test::seed_path(), "--strict", "-o", json.string()});
  CHECK(r.code == 1);
  CHECK(fs::is_empty(dir));
  r = run_cli({"build", "-", "--strict", "-o", json.string()}, kAnswer);
  CHECK(r.code == 0);
  CHECK(fs::exists(json));
}

TEST_CASE("an output that cannot be written fails without partial files", "[cli]") {
  const auto dir = scratch("unwritable");
  const auto good = dir / "g.json";
  const auto bad = dir / "no-such-folder" / "g.dot";
  const auto r = run_cli({"build", "-", "-o", good.string(), "-o", bad.string()}, kAnswer);
  CHECK(r.code == 1);
  CHECK(fs::is_empty(dir));
}

TEST_CASE("diagnostics are printed in line order like a compiler", "[cli]") {
  const auto r = run_cli({"check", evgraph::test::seed_path()});
  CHECK(r.code == 0);
  CHECK_THAT(r.err, Catch::Contains("men-peer-support.txt:5:") &&
                        Catch::Contains("[flattened-superscript]"));
  CHECK(r.err.find(":5:") < r.err.find(":8:"));
  CHECK(r.err.find(":8:") < r.err.find(":11:"));
}

TEST_CASE("a lexicon file extends the default one", "[cli]") {
  const auto dir = scratch("lexicon");
  const auto lexicon = dir / "lexicon.json";
  std::ofstream(lexicon)
      << R"({"concepts": [{"name": "Anglers", "type": "population", "synonyms": ["fishermen"]}]})";
  const std::string answer =
      "Fishermen and veterans met.[1]\nCitations:\n[1] https://pubmed.ncbi.nlm.nih.gov/1/\n";
  auto r =
      run_cli({"build", "-", "--lexicon", lexicon.string(), "-o", "-", "--to", "json"}, answer);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out,
             Catch::Contains("population:anglers") && Catch::Contains("population:veterans"));
  r = run_cli({"build", "-", "--lexicon", lexicon.string(), "--no-default-lexicon", "-o", "-",
               "--to", "json"},
              answer);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out,
             Catch::Contains("population:anglers") && !Catch::Contains("population:veterans"));
  std::ofstream(lexicon) << "{ not json";
  r = run_cli({"build", "-", "--lexicon", lexicon.string(), "-o", "-", "--to", "json"}, answer);
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Catch::Contains("lexicon.json"));
}

TEST_CASE("reading inputs on several threads gives the one-thread result", "[cli]") {
  const auto dir = scratch("threads");
  std::vector<std::string> inputs;
  for (int i = 0; i < 9; ++i) {
    const auto path = (dir / ("answer" + std::to_string(i) + ".txt")).string();
    std::ofstream(path) << "Claim " << i << " about veterans.[1]\nShared claim.[2]\nCitations:\n"
                        << "[1] https://pubmed.ncbi.nlm.nih.gov/" << i << "/\n[2] https://x.org/"
                        << i % 3 << "\n";
    inputs.push_back(path);
  }
  auto as_json = [&](unsigned threads) {
    std::istringstream in;
    std::vector<evgraph::Evidence> evidence;
    for (auto& r : evgraph::cli::read_inputs(inputs, evgraph::default_lexicon(), in, threads)) {
      evidence.push_back(std::move(r.evidence));
    }
    std::ostringstream out;
    evgraph::write_json(evgraph::build_graph(evidence), out);
    return out.str();
  };
  const std::string one = as_json(1);
  CHECK(one == as_json(4));
  CHECK(one == as_json(16));
  inputs.insert(inputs.begin() + 4, (dir / "absent.txt").string());
  std::istringstream in;
  CHECK_THROWS_AS(evgraph::cli::read_inputs(inputs, evgraph::default_lexicon(), in, 4),
                  evgraph::IoError);
}

TEST_CASE("outputs never overwrite inputs or each other", "[cli]") {
  const auto dir = scratch("overwrite");
  const auto input = (dir / "in.txt").string();
  std::ofstream(input) << kAnswer;
  const auto json = (dir / "out.json").string();
  // -o takes one value: a second file after it is an input, never an output.
  auto r = run_cli({"build", input, "-o", json, input, "--to", "json"});
  CHECK(r.code == 0);
  CHECK(fs::remove(json));
  r = run_cli({"build", input, "-o", input, "--to", "json"});
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("overwrite"));
  r = run_cli({"build", input, "-o", json, "-o", json});
  CHECK(r.code == 2);
  r = run_cli({"build", input, "-o", dir.string(), "--to", "json"});
  CHECK(r.code == 2);
  std::ifstream in(input);
  CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == kAnswer);
  CHECK(!fs::exists(json));
}

TEST_CASE("a malformed lexicon is reported once with its position", "[cli]") {
  const auto dir = scratch("badlexicon");
  const auto lexicon = (dir / "bad.json").string();
  std::ofstream(lexicon) << "{\n  \"concepts\": [\n    {\"name\": }\n]}";
  const auto r = run_cli({"check", "-", "--lexicon", lexicon}, kAnswer);
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Catch::StartsWith(lexicon + ":3:"));
  CHECK(r.err.find("error:") == r.err.rfind("error:"));
}
