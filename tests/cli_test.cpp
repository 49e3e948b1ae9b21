#include "evgraph/cli.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "file_support.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

using Run = evgraph::test::CliRun;
using evgraph::test::run_cli;

fs::path scratch(const std::string& name) {
  return evgraph::test::scratch_dir("evgraph-cli-test", name);
}

const std::string kAnswer =
    "Groups reduce social isolation.[1]\nCitations:\n[1] https://pubmed.ncbi.nlm.nih.gov/1/\n";

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
  std::vector<evgraph::InputSpec> inputs;
  for (int i = 0; i < 9; ++i) {
    const auto path = (dir / ("answer" + std::to_string(i) + ".txt")).string();
    std::ofstream(path) << "Claim " << i << " about veterans.[1]\nShared claim.[2]\nCitations:\n"
                        << "[1] https://pubmed.ncbi.nlm.nih.gov/" << i << "/\n[2] https://x.org/"
                        << i % 3 << "\n";
    inputs.push_back({path, std::nullopt, {}});
  }
  auto as_json = [&](unsigned threads) {
    std::istringstream in;
    std::vector<evgraph::Evidence> evidence;
    for (auto& r : evgraph::read_inputs(inputs, evgraph::default_lexicon(), {&in, threads})) {
      for (auto& document : r.documents) evidence.push_back(std::move(document));
    }
    std::ostringstream out;
    evgraph::write_json(evgraph::build_graph(evidence), out);
    return out.str();
  };
  const std::string one = as_json(1);
  CHECK(one == as_json(4));
  CHECK(one == as_json(16));
  inputs.insert(inputs.begin() + 4, {(dir / "absent.txt").string(), std::nullopt, {}});
  std::istringstream in;
  CHECK_THROWS_AS(evgraph::read_inputs(inputs, evgraph::default_lexicon(), {&in, 4}),
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

TEST_CASE("input format and field map apply to the inputs after them", "[cli]") {
  const auto dir = scratch("from-map");
  const auto claims = (dir / "claims.data").string();
  const auto works = (dir / "works.data").string();
  std::ofstream(claims) << R"({"c": "Masks reduce spread.", "w": "k1", "l": "SUPPORT"})" << '\n'
                        << R"({"c": "Masks reduce spread.", "w": "k1", "l": "NEI"})" << '\n';
  std::ofstream(works) << R"({"w": "k1", "t": "A mask study"})" << '\n';
  const auto out = (dir / "g.json").string();
  const auto r = run_cli({"build", "--from", "jsonl", "--map", "text=c,source=w,stance=l", claims,
                          "--map=source=w,title=t", works, "-o", out});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(std::ifstream(out));
  std::size_t records = 0;
  for (const auto& link : j["links"]) {
    if (link["type"] == "cites") records += link["records"].size();
  }
  CHECK(records == 2);
  bool titled = false;
  for (const auto& node : j["nodes"]) titled = titled || node.value("title", "") == "A mask study";
  CHECK(titled);
}

TEST_CASE("a bad --from or --map is a usage error", "[cli]") {
  CHECK(run_cli({"check", "--from", "docx", "a.txt"}).code == 2);
  const auto r = run_cli({"check", "--map", "colour=x", "a.txt"});
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("unknown role 'colour'"));
}

TEST_CASE("a folder is read recursively in sorted order, hidden files left out", "[cli]") {
  const auto dir = scratch("folder");
  fs::create_directories(dir / "notes" / "b");
  fs::create_directories(dir / "notes" / ".git");
  std::ofstream(dir / "notes" / "b" / "two.md") << kAnswer;
  std::ofstream(dir / "notes" / "a.txt")
      << "Peer groups help fathers.[1]\nSources:\n[1] https://x.org/a\n";
  std::ofstream(dir / "notes" / ".git" / "config.txt") << kAnswer;
  std::ofstream(dir / "notes" / "picture.png") << "png";
  const auto out = (dir / "g.json").string();
  const auto r = run_cli({"build", (dir / "notes").string(), "-o", out});
  REQUIRE(r.code == 0);
  CHECK_THAT(r.err, Catch::Contains("2 document(s)") && Catch::Contains("skipped 1 file") &&
                        Catch::Contains("picture.png"));
  const auto j = nlohmann::json::parse(std::ifstream(out));
  std::vector<std::string> documents;
  for (const auto& node : j["nodes"]) {
    if (node["type"] == "document") documents.push_back(node["path"]);
  }
  REQUIRE(documents.size() == 2);
  CHECK_THAT(documents[0], Catch::EndsWith("notes/a.txt"));
  CHECK_THAT(documents[1], Catch::EndsWith("notes/b/two.md"));
}

TEST_CASE("answers and a bibliography make one node per work, labelled Author Year", "[cli]") {
  const auto dir = scratch("bibliography");
  const auto a = (dir / "a.txt").string();
  const auto b = (dir / "b.md").string();
  std::ofstream(a) << "Early cases clustered around one market.[1]\n\nCitations:\n"
                   << "[1] https://pubmed.ncbi.nlm.nih.gov/31978945/\n";
  std::ofstream(b) << "The virus was isolated from lower airway samples.[1]\n\nSources:\n"
                   << "1. https://www.ncbi.nlm.nih.gov/pmc/articles/PMC7092803/\n";
  const auto refs = std::string(EVGRAPH_SOURCE_DIR) + "/tests/fixtures/bibliography/zotero.json";
  const auto out = (dir / "g.json").string();
  const auto r = run_cli({"build", a, b, refs, "-o", out});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(std::ifstream(out));
  std::size_t cites_to_work = 0;
  for (const auto& link : j["links"]) {
    cites_to_work +=
        link["type"] == "cites" && link["target"] == "source:doi:10.1056/nejmoa2001017";
  }
  CHECK(cites_to_work == 2);
  for (const auto& node : j["nodes"]) {
    if (node["id"] != "source:doi:10.1056/nejmoa2001017") continue;
    CHECK(node["label"] == "Zhu et al. 2020");
    CHECK(node["merged_because"].size() >= 2);
  }
}

TEST_CASE("convert re-exports a built graph without its inputs, byte for byte", "[cli]") {
  const auto dir = scratch("convert");
  const auto built = (dir / "seed.json").string();
  const auto built_dot = (dir / "seed.dot").string();
  const auto edges = (dir / "seed-edges.json").string();
  REQUIRE(run_cli({"build", evgraph::test::seed_path(), "-o", built, "-o", built_dot}).code == 0);
  REQUIRE(run_cli({"build", evgraph::test::seed_path(), "-o", edges, "--to", "json-edges"}).code ==
          0);
  const auto again = (dir / "again.json").string();
  const auto again_dot = (dir / "again.dot").string();
  const auto from_edges = (dir / "from-edges.json").string();
  const auto r = run_cli({"convert", built, "-o", again, "-o", again_dot});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const auto slurp = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  };
  CHECK(slurp(again) == slurp(built));
  CHECK(slurp(again_dot) == slurp(built_dot));
  REQUIRE(run_cli({"convert", edges, "-o", from_edges}).code == 0);
  CHECK(slurp(from_edges) == slurp(built));
  CHECK_THAT(slurp(edges), Catch::Contains("\n\"edges\": ["));
}

TEST_CASE("convert refuses what is not an evgraph graph", "[cli]") {
  const auto dir = scratch("convert-bad");
  const auto bad = (dir / "lexicon.json").string();
  std::ofstream(bad) << R"({"concepts": []})";
  const auto r = run_cli({"convert", bad, "-o", (dir / "x.gexf").string()});
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Catch::Contains("not an evgraph node-link graph"));
  CHECK_FALSE(fs::exists(dir / "x.gexf"));
}

TEST_CASE("convert warns of a stance outside the vocabulary at its place", "[cli]") {
  const auto dir = scratch("convert-stance");
  const auto edited = (dir / "edited.json").string();
  std::ofstream(edited) << R"({"nodes": [
  {"id": "claim:1", "type": "claim", "label": "c", "text": "c"},
  {"id": "source:a", "type": "source", "label": "a"}],
 "links": [{"source": "claim:1", "target": "source:a", "type": "cites",
  "records": [{"stance": "bogus", "document": "x", "line": 1}]}]})";
  const auto r = run_cli({"convert", edited, "-o", (dir / "x.json").string()});
  CHECK(r.code == 0);
  CHECK_THAT(r.err,
             Catch::Contains(":5:16: warning: unknown stance \"bogus\" in link 1's record 1"));
  CHECK_THAT(r.err, Catch::Contains("[unknown-stance]"));
  CHECK_THAT(r.err, Catch::Contains("1 warning(s)"));
}

TEST_CASE("a folder output is written beside its target and renamed into place", "[cli]") {
  const auto dir = scratch("folder-output");
  const auto csv = dir / "out-csv";
  const auto neo4j = dir / "neo4j-import";
  fs::create_directory(neo4j);  // an existing empty folder is fine too
  auto r = run_cli({"build", evgraph::test::seed_path(), "-o", csv.string() + "/", "--to", "csv"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(fs::file_size(csv / "nodes.csv") > 0);
  CHECK(fs::file_size(csv / "edges.csv") > 0);
  r = run_cli({"build", evgraph::test::seed_path(), "-o", neo4j.string(), "--to", "neo4j"});
  REQUIRE(r.code == 0);
  CHECK(fs::exists(neo4j / "nodes.csv"));
  CHECK(fs::exists(neo4j / "relationships.csv"));
  CHECK(fs::exists(neo4j / "README.md"));
  for (const auto& entry : fs::directory_iterator(dir)) {
    CHECK_THAT(entry.path().filename().string(), !Catch::Contains("partial"));
  }
  // A folder has no extension: --to names the format, and the message says so.
  r = run_cli({"build", "-", "-o", (dir / "new-folder").string() + "/"}, kAnswer);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("--to csv or --to neo4j"));
  r = run_cli({"build", "-", "-o", (dir / "x.csv").string()}, kAnswer);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("--to csv"));
  r = run_cli({"build", "-", "-o", "-", "--to", "csv"}, kAnswer);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("writes a folder"));
  CHECK_FALSE(fs::exists(dir / "new-folder"));
  CHECK_FALSE(fs::exists(dir / "x.csv"));
}

TEST_CASE("a non-empty folder or a file is refused as a folder output with exit 2", "[cli]") {
  const auto dir = scratch("folder-refused");
  const auto full = dir / "full";
  fs::create_directory(full);
  std::ofstream(full / "mine.txt") << "keep";
  auto r = run_cli({"build", "-", "-o", full.string(), "--to", "csv"}, kAnswer);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("not empty"));
  CHECK(fs::exists(full / "mine.txt"));
  CHECK_FALSE(fs::exists(full / "nodes.csv"));
  const auto file = dir / "file";
  std::ofstream(file) << "keep";
  r = run_cli({"build", "-", "-o", file.string(), "--to", "neo4j"}, kAnswer);
  CHECK(r.code == 2);
  CHECK(fs::is_regular_file(file));
  r = run_cli(
      {"build", "-", "-o", (dir / "a").string(), "-o", (dir / "a/").string(), "--to", "csv"},
      kAnswer);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("named twice"));
  CHECK_FALSE(fs::exists(dir / "a"));
}

TEST_CASE("a failed run leaves no folder output and no partial folder", "[cli]") {
  const auto dir = scratch("folder-failure");
  const auto out = dir / "out-csv";
  const auto bad = dir / "no-such-folder" / "g";
  // The folder is written first, then the second (a folder in a missing one) fails: neither
  // appears.
  auto r = run_cli({"build", "-", "-o", out.string(), "-o", bad.string(), "--to", "csv"}, kAnswer);
  CHECK(r.code == 1);
  CHECK(fs::is_empty(dir));
  r = run_cli({"build", evgraph::test::seed_path(), "--strict", "-o", out.string(), "--to", "csv"});
  CHECK(r.code == 1);
  CHECK(fs::is_empty(dir));
  // An empty folder that was there stays, empty.
  fs::create_directory(out);
  r = run_cli({"build", "-", "-o", out.string(), "-o", bad.string(), "--to", "neo4j"}, kAnswer);
  CHECK(r.code == 1);
  CHECK(fs::is_directory(out));
  CHECK(fs::is_empty(out));
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
}

TEST_CASE("find_inputs and read_inputs find and read what the command line does", "[cli]") {
  const auto dir = scratch("library-inputs");
  fs::create_directories(dir / "b");
  fs::create_directories(dir / ".hidden");
  std::ofstream(dir / "a.txt") << kAnswer;
  std::ofstream(dir / "b" / "c.md")
      << "Peer groups help fathers.[1]\nSources:\n[1] https://x.org/a\n";
  std::ofstream(dir / ".hidden" / "x.txt") << kAnswer;
  std::ofstream(dir / "picture.png") << "png";
  std::ofstream(dir / "nodes.csv") << "id,type,label,text\n";
  std::ofstream(dir / "warnings.txt") << "a.txt:5:245: warning: stray digits '2579' after sentence "
                                         "punctuation [flattened-superscript]\n";
  const std::string folder = dir.generic_string();

  const evgraph::FoundInputs found = evgraph::find_inputs({{folder}, {"-"}});
  REQUIRE(found.inputs.size() == 3);
  CHECK(found.inputs[0].path == folder + "/a.txt");
  CHECK(found.inputs[1].path == folder + "/b/c.md");
  CHECK(found.inputs[2].path == "-");
  REQUIRE(found.skipped.size() == 1);
  CHECK(found.skipped[0].folder == folder);
  CHECK(found.skipped[0].files == std::vector<std::string>{folder + "/nodes.csv",
                                                           folder + "/picture.png",
                                                           folder + "/warnings.txt"});
  // A format given for a folder makes every file in it an input.
  CHECK(evgraph::find_inputs({{folder, evgraph::InputFormat::answer, {}}}).inputs.size() == 5);

  std::istringstream in(kAnswer);
  evgraph::ReadProgress progress;
  const auto results =
      evgraph::read_inputs(found.inputs, evgraph::default_lexicon(), {&in, 2, &progress});
  REQUIRE(results.size() == 3);
  REQUIRE(results[0].documents.size() == 1);
  CHECK(results[0].documents[0].document == folder + "/a.txt");
  CHECK(results[2].documents.at(0).document == "-");
  CHECK(progress.documents == 3);
  CHECK(progress.claims == 3);
  CHECK(progress.bytes == 2 * kAnswer.size() + fs::file_size(dir / "b" / "c.md"));
}

TEST_CASE("lexicon prints the lexicon in use as JSON that --lexicon reads back", "[cli]") {
  const auto dir = scratch("lexicon-verb");
  auto r = run_cli({"lexicon"});
  REQUIRE(r.code == 0);
  CHECK(r.out == evgraph::to_json(evgraph::default_lexicon()));
  CHECK(r.err.empty());

  const auto extra = dir / "extra.json";
  std::ofstream(extra)
      << R"({"concepts": [{"name": "Anglers", "type": "population", "synonyms": ["fishermen"]}]})";
  const auto edited = dir / "edited.json";
  r = run_cli({"lexicon", "--lexicon", extra.string(), "-o", edited.string()});
  REQUIRE(r.code == 0);
  CHECK(r.out.empty());
  const std::string written = evgraph::test::slurp(edited);
  CHECK_THAT(written, Catch::Contains("\"Anglers\"") && Catch::Contains("\"Veterans\""));
  // Passed back alone, it is the same lexicon: built-in and extra in one file.
  const std::string answer =
      "Fishermen and veterans met.[1]\nCitations:\n[1] https://pubmed.ncbi.nlm.nih.gov/1/\n";
  const auto merged =
      run_cli({"build", "-", "--lexicon", extra.string(), "-o", "-", "--to", "json"}, answer);
  const auto alone = run_cli({"build", "-", "--no-default-lexicon", "--lexicon", edited.string(),
                              "-o", "-", "--to", "json"},
                             answer);
  REQUIRE(alone.code == 0);
  CHECK(alone.out == merged.out);

  r = run_cli({"lexicon", "--no-default-lexicon", "--lexicon", extra.string()});
  REQUIRE(r.code == 0);
  CHECK(r.out ==
        "{\n  \"concepts\": [\n    {\n      \"name\": \"Anglers\",\n      \"type\": "
        "\"population\",\n      \"synonyms\": [\n        \"fishermen\"\n      ]\n    }\n  ]\n}\n");
  CHECK(run_cli({"lexicon", "--lexicon", extra.string(), "-o", extra.string()}).code == 2);
  CHECK(run_cli({"lexicon", "--lexicon", (dir / "missing.json").string()}).code == 1);
  CHECK(run_cli({"lexicon", "input.txt"}).code == 2);

  r = run_cli({"--help"});
  CHECK_THAT(r.out, Catch::Contains("lexicon"));
  r = run_cli({"lexicon", "--help"});
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("--lexicon") && Catch::Contains("--no-default-lexicon") &&
                        Catch::Contains("-o") && Catch::Contains("Example"));
}
