// The command line at corpus scale: warnings capped per code on stderr and kept whole in the
// --diagnostics file, --timings, --quiet, the progress line (never on a stream that is not a
// terminal), and outputs written concurrently, byte for byte as one at a time.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <thread>

#include "cli/console.hpp"
#include "cli/output_files.hpp"
#include "evgraph/cli.hpp"
#include "file_support.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

using Run = evgraph::test::CliRun;
using evgraph::test::run_cli;

fs::path scratch(const std::string& name) {
  return evgraph::test::scratch_dir("evgraph-cli-scale-test", name);
}

using evgraph::test::slurp;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The diagnostic lines (not notes, not the summary) of a run's stderr.
std::vector<std::string> diagnostic_lines(const std::string& err) {
  std::vector<std::string> lines;
  for (std::string& line : lines_of(err)) {
    if (line.find(": warning: ") != std::string::npos) lines.push_back(std::move(line));
  }
  return lines;
}

std::size_t count_of(const std::vector<std::string>& lines, const std::string& code) {
  return static_cast<std::size_t>(std::count_if(
      lines.begin(), lines.end(), [&](const auto& l) { return l.ends_with("[" + code + "]"); }));
}

// An answer with `uncited` paragraphs without a marker and `unused` list entries never cited.
std::string noisy_answer(int uncited, int unused) {
  std::string text;
  for (int i = 0; i < uncited; ++i) {
    text += "Peer group " + std::to_string(i) + " met weekly and said \"it helps\" \\o/.\n\n";
  }
  text +=
      "Peer support reduces isolation.[1]\n\nCitations:\n[1] https://pubmed.ncbi.nlm.nih.gov/1/\n";
  for (int i = 0; i < unused; ++i) {
    text +=
        "[" + std::to_string(i + 2) + "] https://example.org/unused/" + std::to_string(i) + "\n";
  }
  return text;
}

// Runs in the source folder while it lives: document ids are paths as given, as in graphs/.
class InSourceFolder {
 public:
  InSourceFolder() : before_(fs::current_path()) { fs::current_path(EVGRAPH_SOURCE_DIR); }
  ~InSourceFolder() { fs::current_path(before_); }

 private:
  fs::path before_;
};

const std::string kSeedDir = "graphs/men-peer-support";
const std::string kSeed = kSeedDir + "/men-peer-support.txt";
const std::string kSeedLexicon = kSeedDir + "/lexicon.json";
// Every file the seed's golden folder holds, as cmake/Examples.cmake builds it (not the PDF, which
// carries Cairo's creation time).
const std::vector<std::string> kSeedFiles = {
    "men-peer-support.json",      "men-peer-support.cyjs",
    "men-peer-support.jgf.json",  "men-peer-support.vosviewer.json",
    "men-peer-support.kumu.json", "men-peer-support.graphology.json",
    "men-peer-support.graphml",   "men-peer-support.gexf",
    "men-peer-support.mmd",       "men-peer-support.dot",
    "men-peer-support.svg",       "men-peer-support.png",
    "men-peer-support.html"};

// `got` holds every golden output of the seed (kSeedFiles and the csv and neo4j folders), each
// byte for byte, and nothing else.
void check_seed_outputs(const fs::path& got) {
  std::vector<fs::path> files(kSeedFiles.begin(), kSeedFiles.end());
  for (const std::string folder : {"csv", "neo4j"}) {
    for (const auto& entry : fs::directory_iterator(fs::path(kSeedDir) / folder)) {
      files.push_back(fs::path(folder) / entry.path().filename());
    }
  }
  std::size_t fresh = 0;
  for (const auto& entry : fs::recursive_directory_iterator(got)) fresh += entry.is_regular_file();
  CHECK(fresh == files.size());
  for (const fs::path& file : files) {
    INFO(file);
    CHECK(slurp(got / file) == slurp(fs::path(kSeedDir) / file));
  }
}

}  // namespace

TEST_CASE("warnings are capped per code on stderr with one note per code", "[cli]") {
  const auto r = run_cli({"check", "-"}, noisy_answer(25, 3));
  REQUIRE(r.code == 0);
  const auto lines = diagnostic_lines(r.err);
  CHECK(count_of(lines, "uncited-claim") == 20);
  CHECK(count_of(lines, "unused-citation") == 3);
  CHECK_THAT(r.err, Catch::Contains("evgraph: note: 5 more [uncited-claim] warnings not shown; see "
                                    "them all with --diagnostics FILE or --max-warnings 0\n"));
  CHECK_THAT(r.err, !Catch::Contains("more [unused-citation]"));
  CHECK_THAT(r.err, Catch::EndsWith("; 28 warning(s), 5 not shown\n"));
  // The shown ones are the first ones, in line order; the note comes before the summary.
  CHECK_THAT(lines.front(), Catch::StartsWith("-:1:"));
  CHECK(r.err.find("note:") > r.err.rfind(": warning: "));

  const auto three = run_cli({"check", "-", "--max-warnings", "2"}, noisy_answer(25, 3));
  REQUIRE(three.code == 0);
  CHECK(diagnostic_lines(three.err).size() == 4);
  CHECK_THAT(three.err, Catch::Contains("note: 23 more [uncited-claim] warnings") &&
                            Catch::Contains("note: 1 more [unused-citation] warning not shown"));
  CHECK(three.err.find("[uncited-claim] warnings not") <
        three.err.find("[unused-citation] warning not"));
  CHECK_THAT(three.err, Catch::EndsWith("; 28 warning(s), 24 not shown\n"));
}

TEST_CASE("max-warnings 0 prints every warning and no note", "[cli]") {
  const auto r = run_cli({"check", "-", "--max-warnings", "0"}, noisy_answer(25, 3));
  REQUIRE(r.code == 0);
  CHECK(diagnostic_lines(r.err).size() == 28);
  CHECK_THAT(r.err, !Catch::Contains("note:") && Catch::EndsWith("; 28 warning(s)\n"));
  CHECK(run_cli({"check", "-", "--max-warnings", "-1"}, noisy_answer(1, 0)).code == 2);
  CHECK(run_cli({"check", "-", "--max-warnings", "many"}, noisy_answer(1, 0)).code == 2);
}

TEST_CASE("the seed prints what it printed before warnings were capped", "[cli]") {
  const auto r = run_cli({"check", evgraph::test::seed_path()});
  REQUIRE(r.code == 0);
  const auto lines = lines_of(r.err);
  REQUIRE(lines.size() == 8);
  // The seed's absolute path is shown relative to the current folder.
  CHECK(lines.front() == evgraph::test::relative_to_current(evgraph::test::seed_path()) +
                             ": read as answer, 12 claims, 18 sources");
  CHECK(diagnostic_lines(r.err).size() == 6);
  CHECK_THAT(lines.back(), Catch::StartsWith("evgraph: 1 document(s), 3 answers, 12 claims") &&
                               Catch::EndsWith("; 6 warning(s)"));
  CHECK_THAT(r.err, !Catch::Contains("note:") && !Catch::Contains("\r") &&
                        !Catch::Contains("\x1b") && !Catch::Contains("timing"));
}

TEST_CASE("a diagnostics file holds every diagnostic as stderr shows them", "[cli]") {
  const auto dir = scratch("diagnostics-text");
  const auto file = (dir / "all.txt").string();
  const auto all = run_cli({"check", "-", "--max-warnings", "0"}, noisy_answer(25, 3));
  const auto r = run_cli({"check", "-", "--diagnostics", file}, noisy_answer(25, 3));
  REQUIRE(r.code == 0);
  CHECK(lines_of(slurp(file)) == diagnostic_lines(all.err));
  CHECK_THAT(r.err, Catch::Contains("note: 5 more [uncited-claim] warnings not shown; see them "
                                    "all in " +
                                    file + "\n"));
  CHECK(diagnostic_lines(r.err).size() == 23);
  for (const auto& entry : fs::directory_iterator(dir)) {
    CHECK_THAT(entry.path().filename().string(), !Catch::Contains("partial"));
  }
}

TEST_CASE("a diagnostics file ending in jsonl holds one JSON object a line", "[cli]") {
  const auto dir = scratch("diagnostics-jsonl");
  for (const std::string name : {"all.jsonl", "all.NDJSON"}) {
    const auto file = (dir / name).string();
    const auto all = run_cli({"check", "-", "--max-warnings", "0"}, noisy_answer(25, 3));
    const auto r = run_cli({"check", "-", "--diagnostics", file}, noisy_answer(25, 3));
    REQUIRE(r.code == 0);
    const auto text_lines = diagnostic_lines(all.err);
    const auto json_lines = lines_of(slurp(file));
    REQUIRE(json_lines.size() == text_lines.size());
    for (std::size_t i = 0; i < json_lines.size(); ++i) {
      INFO(json_lines[i]);
      CHECK_THAT(json_lines[i], Catch::StartsWith("{\"file\":\"-\",\"line\":"));
      const auto j = nlohmann::json::parse(json_lines[i]);
      CHECK(j.size() == 6);
      CHECK(j.at("severity") == "warning");
      const std::string code = j.at("code");
      const std::string message = j.at("message");
      CHECK(text_lines[i] == "-:" + std::to_string(j.at("line").get<int>()) + ":" +
                                 std::to_string(j.at("column").get<int>()) +
                                 ": warning: " + message + " [" + code + "]");
    }
    // The claim's quotes and backslash arrive intact through the JSON escaping.
    CHECK_THAT(nlohmann::json::parse(json_lines.front()).at("message").get<std::string>(),
               Catch::Contains("\"it helps\" \\o/"));
  }
  // Filled member by member: GCC 12 at -O3 takes the aggregate initialiser's nested Location for
  // maybe-uninitialized on its exception path (a false positive, -Wmaybe-uninitialized).
  evgraph::Diagnostic d;
  d.where.file = "a\"b.txt";
  d.message = "tab\there";
  d.code = "x";
  CHECK(
      evgraph::format_diagnostic_json(d) ==
      R"({"file":"a\"b.txt","line":0,"column":0,"severity":"warning","code":"x","message":"tab\there"})");
}

TEST_CASE("the diagnostics file is written atomically with the outputs", "[cli]") {
  const auto dir = scratch("diagnostics-atomic");
  const auto file = (dir / "d.jsonl").string();
  const auto good = (dir / "g.json").string();
  const auto bad = (dir / "no-such-folder" / "g.dot").string();
  // An output fails: neither the outputs nor the diagnostics are left.
  auto r =
      run_cli({"build", "-", "-o", good, "-o", bad, "--diagnostics", file}, noisy_answer(3, 0));
  CHECK(r.code == 1);
  CHECK(fs::is_empty(dir));
  // An input fails.
  r = run_cli({"build", (dir / "absent.txt").string(), "-o", good, "--diagnostics", file});
  CHECK(r.code == 1);
  CHECK(fs::is_empty(dir));
  // A file that cannot be written is an error before anything is read.
  r = run_cli({"check", "-", "--diagnostics", (dir / "no-such-folder" / "d.txt").string()},
              noisy_answer(3, 0));
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Catch::Contains("--diagnostics") && Catch::Contains("cannot open"));
  CHECK(fs::is_empty(dir));
  // --strict writes nothing but the diagnostics, which say why.
  r = run_cli({"build", "-", "-o", good, "--strict", "--diagnostics", file}, noisy_answer(3, 0));
  CHECK(r.code == 1);
  CHECK_FALSE(fs::exists(good));
  CHECK(lines_of(slurp(file)).size() == 3);
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  // And a run that succeeds writes both.
  fs::remove(file);
  r = run_cli({"build", "-", "-o", good, "--diagnostics", file}, noisy_answer(3, 0));
  CHECK(r.code == 0);
  CHECK(fs::exists(good));
  CHECK(lines_of(slurp(file)).size() == 3);
}

TEST_CASE("a diagnostics file that is no new file is a usage error", "[cli]") {
  const auto dir = scratch("diagnostics-usage");
  const auto input = (dir / "in.txt").string();
  std::ofstream(input) << noisy_answer(1, 0);
  const auto json = (dir / "g.json").string();
  CHECK(run_cli({"build", input, "-o", json, "--diagnostics", json}).code == 2);
  CHECK(run_cli({"check", input, "--diagnostics", input}).code == 2);
  CHECK(run_cli({"check", input, "--diagnostics", dir.string()}).code == 2);
  CHECK(run_cli({"check", input, "--diagnostics", "-"}).code == 2);
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  // Its value is never taken for an input.
  const auto r = run_cli({"check", input, "--diagnostics", (dir / "d.txt").string()});
  CHECK(r.code == 0);
  CHECK_THAT(r.err, Catch::Contains("1 document(s)"));
}

TEST_CASE("a folder input skips the diagnostics files written into it", "[cli]") {
  const auto dir = scratch("diagnostics-in-folder");
  std::ofstream(dir / "a.txt") << noisy_answer(2, 1);
  REQUIRE(run_cli({"check", dir.string(), "--diagnostics", (dir / "d.txt").string()}).code == 0);
  REQUIRE(run_cli({"check", dir.string(), "--diagnostics", (dir / "d.jsonl").string()}).code == 0);
  const auto r = run_cli({"check", dir.string()});
  REQUIRE(r.code == 0);
  CHECK_THAT(r.err, Catch::Contains("1 document(s)") && Catch::Contains("skipped 2 file(s)"));
  CHECK(diagnostic_lines(r.err).size() == 3);
}

TEST_CASE("quiet keeps warnings and errors and drops the summary and notes", "[cli]") {
  auto r = run_cli({"check", "-", "--quiet"}, noisy_answer(25, 3));
  CHECK(r.code == 0);
  CHECK(diagnostic_lines(r.err).size() == 23);
  CHECK(lines_of(r.err).size() == 23);
  r = run_cli({"build", "-", "-q", "-o", "-", "--to", "json"}, noisy_answer(0, 0));
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  CHECK_FALSE(r.out.empty());
  r = run_cli({"check", "absent-input.txt", "--quiet"});
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Catch::Contains("absent-input.txt"));
  r = run_cli({"build", "-", "--quiet", "--strict", "-o", "-", "--to", "json"}, noisy_answer(1, 0));
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Catch::Contains("--strict: 1 warning(s); nothing written"));
  CHECK(r.out.empty());
}

TEST_CASE("timings prints one line per phase and output and then the total", "[cli]") {
  const auto dir = scratch("timings");
  const auto input = dir / "in.txt";
  std::ofstream(input) << noisy_answer(2, 1);
  const auto json = (dir / "g.json").string();
  const auto dot = (dir / "g.dot").string();
  auto r = run_cli(
      {"build", input.string(), "-o", json, "-o", "-", "-o", dot, "--to", "json", "--timings"});
  REQUIRE(r.code == 0);
  const auto lines = lines_of(r.err);
  REQUIRE(lines.size() >= 6);
  const std::vector<std::string> timings(lines.end() - 6, lines.end());
  const std::string number = R"(\d+\.\d{3} s)";
  const auto matches = [](const std::string& line, const std::string& pattern) {
    INFO(line);
    CHECK(std::regex_match(line, std::regex(pattern)));
  };
  const std::string peak = R"( peak-rss [1-9]\d* bytes)";
  matches(timings[0], "evgraph: timing: read " + number + " " +
                          std::to_string(fs::file_size(input)) + " bytes" + peak);
  matches(timings[1], "evgraph: timing: build " + number + peak);
  matches(timings[2], "evgraph: timing: write " + json + " " + number + " " +
                          std::to_string(fs::file_size(json)) + " bytes" + peak);
  matches(timings[3], "evgraph: timing: write - " + number + " " + std::to_string(r.out.size()) +
                          " bytes" + peak);
  matches(timings[4], "evgraph: timing: write " + dot + " " + number + " " +
                          std::to_string(fs::file_size(dot)) + " bytes" + peak);
  matches(timings[5], "evgraph: timing: total " + number + R"( peak-rss [1-9]\d* bytes)");

  r = run_cli({"check", input.string(), "--timings", "--quiet"});
  REQUIRE(r.code == 0);
  const auto check = lines_of(r.err);
  REQUIRE(check.size() == 6);  // the 3 warnings, read, build, total
  matches(check[3], "evgraph: timing: read " + number + " \\d+ bytes" + peak);
  matches(check[4], "evgraph: timing: build " + number + peak);
  matches(check[5], "evgraph: timing: total " + number + R"( peak-rss \d+ bytes)");

  fs::remove(dot);
  r = run_cli({"convert", json, "-o", dot, "--timings"});
  REQUIRE(r.code == 0);
  const auto convert = lines_of(r.err);
  REQUIRE(convert.size() == 4);  // summary, read, write, total
  matches(convert[1], "evgraph: timing: read " + number + " " +
                          std::to_string(fs::file_size(json)) + " bytes" + peak);
  matches(convert[2], "evgraph: timing: write " + dot + " " + number + " \\d+ bytes" + peak);
}

TEST_CASE("no progress bytes reach a stream that is not a terminal", "[cli]") {
  const auto dir = scratch("no-progress");
  const auto r =
      run_cli({"build", "-", "-o", (dir / "g.svg").string(), "--timings"}, noisy_answer(30, 5));
  REQUIRE(r.code == 0);
  CHECK_THAT(r.err, !Catch::Contains("\r") && !Catch::Contains("\x1b") &&
                        !Catch::Contains("reading") && !Catch::Contains("building"));
}

TEST_CASE("the progress line is drawn after a second and cleared before other lines", "[cli]") {
  using namespace std::chrono_literals;
  std::ostringstream err;
  {
    evgraph::cli::Console console(err, true, evgraph::cli::Console::Clock::now() - 2s);
    evgraph::ReadProgress& progress = console.reading(4, 4000);
    progress.documents = 1;
    progress.bytes = 1000;
    progress.claims = 1234;
    std::this_thread::sleep_for(350ms);
    console.print("a warning\n");
    console.idle();
    std::this_thread::sleep_for(250ms);
    console.print("the summary\n");
  }
  const std::string text = err.str();
  INFO(text);
  CHECK_THAT(text, Catch::StartsWith("\revgraph: reading 1 of 4 documents, 1,234 claims, "));
  CHECK_THAT(text, Catch::Contains("\x1b[K\r\x1b[Ka warning\nthe summary\n"));
  CHECK_THAT(text, Catch::EndsWith("the summary\n"));
  // At most ten draws a second: 350 ms give at most four.
  std::size_t draws = 0;
  for (std::size_t at = text.find("\revgraph:"); at != std::string::npos;
       at = text.find("\revgraph:", at + 1)) {
    ++draws;
  }
  CHECK(draws >= 1);
  CHECK(draws <= 4);

  // Not in the first second, and never when not enabled.
  std::ostringstream early;
  std::ostringstream off;
  {
    evgraph::cli::Console young(early, true);
    evgraph::cli::Console disabled(off, false, evgraph::cli::Console::Clock::now() - 2s);
    young.building();
    disabled.building();
    std::this_thread::sleep_for(250ms);
    young.print("x\n");
    disabled.print("x\n");
  }
  CHECK(early.str() == "x\n");
  CHECK(off.str() == "x\n");
}

TEST_CASE("the progress line text while reading", "[cli]") {
  using evgraph::cli::reading_line;
  CHECK(reading_line(0, 7300, 0, 0, 25'000'000, 0.5) ==
        "evgraph: reading 0 of 7,300 documents, 0 claims");
  CHECK(reading_line(1000, 7300, 13000, 5'000'000, 25'000'000, 2.0) ==
        "evgraph: reading 1,000 of 7,300 documents, 13,000 claims, 2.5 MB/s, ETA 8 s");
  CHECK(reading_line(10, 20, 100, 1'000'000, 0, 100.0) ==
        "evgraph: reading 10 of 20 documents, 100 claims, 0.0 MB/s, ETA 1 min 40 s");
  CHECK(evgraph::cli::duration_text(3725) == "1 h 02 min");
}

TEST_CASE("outputs written concurrently equal the golden files", "[cli]") {
  const InSourceFolder here;
  const auto dir = scratch("concurrent");
  std::vector<std::string> args = {"build", kSeed, "--lexicon", kSeedLexicon};
  for (const std::string& file : kSeedFiles) {
    args.push_back("-o");
    args.push_back((dir / file).string());
  }
  const auto r = run_cli(args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  for (const std::string& file : kSeedFiles) {
    INFO(file);
    CHECK(slurp(dir / file) == slurp(fs::path(kSeedDir) / file));
  }
}

TEST_CASE("write_all on one thread and on many writes the same bytes and folders", "[cli]") {
  const InSourceFolder here;
  evgraph::Diagnostics diagnostics;
  const evgraph::Lexicon lexicon =
      evgraph::default_lexicon().merged_with(evgraph::read_lexicon(kSeedLexicon));
  const evgraph::Evidence evidence =
      evgraph::extract(evgraph::parse_answer(evgraph::read_text(kSeed, diagnostics), diagnostics),
                       lexicon, diagnostics);
  const evgraph::EvidenceGraph graph = evgraph::build_graph(std::span(&evidence, 1));
  for (const unsigned threads : {1u, 3u, 16u}) {
    INFO(threads << " thread(s)");
    const auto dir = scratch("write-all-" + std::to_string(threads));
    std::vector<evgraph::cli::Output> outputs;
    for (const std::string& file : kSeedFiles) {
      outputs.push_back({(dir / file).string(), *evgraph::format_from_path(file)});
    }
    outputs.push_back({(dir / "csv").string(), evgraph::Format::csv});
    outputs.push_back({(dir / "neo4j").string() + "/", evgraph::Format::neo4j});
    std::ostringstream out;
    evgraph::cli::OutputFiles files;
    evgraph::cli::WriteProgress progress(outputs.size());
    const auto written = files.write_all(graph, outputs, out, threads, &progress);
    files.commit();
    REQUIRE(written.size() == outputs.size());
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      CHECK(progress.state(i) == evgraph::cli::WriteProgress::done);
      CHECK(written[i].bytes.value_or(0) > 0);
    }
    check_seed_outputs(dir);
  }
}

TEST_CASE("write_all reports the first failing output and leaves no temporary", "[cli]") {
  const evgraph::EvidenceGraph graph = [] {
    evgraph::Diagnostics diagnostics;
    const auto evidence = evgraph::test::extract_string(noisy_answer(1, 1), diagnostics);
    return evgraph::build_graph(std::span(&evidence, 1));
  }();
  const auto dir = scratch("write-all-failure");
  const std::vector<evgraph::cli::Output> outputs = {
      {(dir / "a.json").string(), evgraph::Format::json},
      {(dir / "missing-1" / "b.dot").string(), evgraph::Format::dot},
      {(dir / "c.gexf").string(), evgraph::Format::gexf},
      {"-", evgraph::Format::graphml},
      {(dir / "missing-2" / "d.json").string(), evgraph::Format::json},
      {(dir / "e").string(), evgraph::Format::csv},
  };
  for (const unsigned threads : {1u, 2u, 8u}) {
    std::ostringstream out;
    {
      evgraph::cli::OutputFiles files;
      try {
        files.write_all(graph, outputs, out, threads);
        FAIL("no error");
      } catch (const evgraph::IoError& e) {
        CHECK_THAT(e.what(), Catch::Contains("missing-1"));
      }
    }
    CHECK(fs::is_empty(dir));
  }
}

TEST_CASE("two writers of the same file never share a temporary", "[cli]") {
  const evgraph::EvidenceGraph graph = [] {
    evgraph::Diagnostics diagnostics;
    const auto evidence = evgraph::test::extract_string(noisy_answer(40, 3), diagnostics);
    return evgraph::build_graph(std::span(&evidence, 1));
  }();
  const auto dir = scratch("same-target");
  const std::vector<evgraph::cli::Output> outputs = {
      {(dir / "same.json").string(), evgraph::Format::json}};
  evgraph::cli::OutputFiles first;
  evgraph::cli::OutputFiles second;
  std::ostringstream out;
  first.write_all(graph, outputs, out, 1);
  second.write_all(graph, outputs, out, 1);
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 2);
  first.commit();
  second.commit();
  std::ostringstream whole;
  evgraph::write(graph, evgraph::Format::json, whole);
  CHECK(evgraph::test::slurp(dir / "same.json") == whole.str());
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
}
