// `evgraph report` and `evgraph query` on the seed (graphs/men-peer-support), run in-process.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "evgraph/analysis.hpp"
#include "file_support.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

using evgraph::test::run_cli;
using evgraph::test::seed_path;

fs::path scratch(const std::string& name) {
  return evgraph::test::scratch_dir("evgraph-report-test", name);
}

evgraph::EvidenceGraph seed_graph() {
  evgraph::Diagnostics diagnostics;
  const evgraph::Text text = evgraph::read_text(seed_path(), diagnostics);
  std::vector<evgraph::Evidence> evidence;
  evidence.push_back(
      evgraph::read_evidence(text, std::nullopt, {}, evgraph::default_lexicon(), diagnostics));
  return evgraph::build_graph(evidence);
}

}  // namespace

TEST_CASE("seed report names the most-cited source and the listed-but-uncited ones", "[cli]") {
  const auto r = run_cli({"report", "--quiet", seed_path()});
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("Most-cited sources"));
  // The first row of the table is PMC10078724 with its 3 claims.
  const std::size_t table = r.out.find("  claims  documents\n");
  REQUIRE(table != std::string::npos);
  const std::size_t row = r.out.find('\n', table) + 1;
  const std::string first = r.out.substr(row, r.out.find('\n', row) - row);
  CHECK_THAT(first, Catch::StartsWith("  PMC10078724") && Catch::Contains("     3  "));
  CHECK_THAT(r.out, Catch::Contains("Listed but uncited sources: 8"));
  CHECK_THAT(r.out, Catch::Contains("S2 94258fb1  listed as [14] in"));
  CHECK_THAT(r.out, Catch::Contains("PMID 10609983  listed as [1] in"));
  CHECK_THAT(r.out, Catch::Contains("CSL-JSON or BibTeX export"));

  const auto j = run_cli({"report", "--quiet", "--json", seed_path()});
  REQUIRE(j.code == 0);
  const auto report = nlohmann::json::parse(j.out);
  CHECK(report.at("most_cited")[0].at("id") == "source:pmc:PMC10078724");
  CHECK(report.at("most_cited")[0].at("claims") == 3);
  const auto& listed = report.at("problems").at("listed_uncited_sources");
  CHECK(listed.size() == 8);
  CHECK(std::find(listed.begin(), listed.end(), "source:pubmed:10609983") != listed.end());
}

TEST_CASE("seed population × outcome map: self-esteem for students and low-SES men only",
          "[analyse]") {
  const evgraph::EvidenceGraph graph = seed_graph();
  const evgraph::GapMap map = evgraph::gap_map(graph, evgraph::NodeType::population);
  auto index = [&](const std::vector<evgraph::Vertex>& list, const std::string& id) {
    const auto v = graph.find(id);
    REQUIRE(v);
    const auto at = std::find(list.begin(), list.end(), *v);
    REQUIRE(at != list.end());
    return static_cast<std::size_t>(at - list.begin());
  };
  const std::size_t self_esteem = index(map.columns, "outcome:self-esteem");
  CHECK_FALSE(map.cell(index(map.rows, "population:students"), self_esteem).gap());
  CHECK_FALSE(map.cell(index(map.rows, "population:low-ses-men"), self_esteem).gap());
  CHECK(map.cell(index(map.rows, "population:veterans"), self_esteem).gap());
  CHECK(map.cell(index(map.rows, "population:low-ses-men"), self_esteem).works.size() == 1);

  const auto r = run_cli({"report", "--quiet", seed_path()});
  CHECK_THAT(r.out, Catch::Contains("Population × outcome"));
  // The terminal table's self-esteem row: columns Indigenous communities, Low-SES men, Students,
  // Veterans.
  const std::size_t row = r.out.find("  Self-esteem ");
  REQUIRE(row != std::string::npos);
  std::string line = r.out.substr(row, r.out.find('\n', row) - row);
  std::istringstream cells(line.substr(line.find("Self-esteem") + 11));
  std::vector<std::string> words;
  for (std::string word; cells >> word;) words.push_back(word);
  CHECK(words == std::vector<std::string>{"·", "1", "(1)", "1", "(1)", "·"});
}

TEST_CASE("seed query path goes from low-SES men to self-esteem through the arts-based claim",
          "[cli]") {
  const auto r = run_cli({"query", "path", "--quiet", "Low-SES men", "Self-esteem", seed_path()});
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::StartsWith("Low-SES men ← concerns — \"For men with low socioeconomic "
                                      "status, arts-based peer"));
  CHECK_THAT(r.out, Catch::Contains("— reports → Self-esteem\n"));
  CHECK_THAT(r.out, Catch::Contains("cites PMC10433405 <https://www.ncbi.nlm.nih.gov/pmc/"
                                    "articles/PMC10433405/>"));
  const auto j =
      run_cli({"query", "path", "--json", "low ses men", "outcome:self-esteem", seed_path()});
  REQUIRE(j.code == 0);
  const auto parsed = nlohmann::json::parse(j.out);
  CHECK(parsed.at("from").at("id") == "population:low-ses-men");
  CHECK(parsed.at("paths").size() == 1);
}

TEST_CASE("query neighbours and search on the seed", "[cli]") {
  auto r = run_cli({"query", "neighbours", "-q", "population:veterans", seed_path()});
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::StartsWith("population:veterans  Veterans\n  ← concerns — claim:"));
  r = run_cli({"query", "search", "-q", "arts based", seed_path()});
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("intervention:arts-based-groups"));
  r = run_cli({"query", "search", "-q", "--json", "nothing like this", seed_path()});
  CHECK(r.code == 1);
  CHECK(nlohmann::json::parse(r.out).at("nodes").empty());
  CHECK(run_cli({"query", "path", "-q", "Nowhere", "Self-esteem", seed_path()}).code == 2);
  CHECK(run_cli({"query", "-q", seed_path()}).code == 2);
}

TEST_CASE("query's words are not inputs, and --from before them applies to the inputs", "[cli]") {
  const auto wrong = run_cli({"query", "search", "-q", "--from", "jsonl", "arts based", "--json",
                              "--max-warnings", "0", seed_path()});
  CHECK(wrong.code == 1);
  CHECK_THAT(wrong.err, Catch::Contains("not JSON Lines"));
  const auto r = run_cli({"query", "search", "-q", "--from", "answer", "arts based", "--json",
                          "--max-warnings", "0", seed_path()});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("intervention:arts-based-groups"));
}

TEST_CASE("report writes Markdown and the gap map files, and reads a graph JSON", "[cli]") {
  const auto dir = scratch("files");
  const std::string md = (dir / "report.md").string();
  const std::string csv = (dir / "gap.csv").string();
  const std::string svg = (dir / "gap.svg").string();
  const std::string eppi = (dir / "gap.eppi.json").string();
  auto r = run_cli({"report", "-q", seed_path(), "-o", md, "-o", csv, "-o", svg, "-o", eppi});
  REQUIRE(r.code == 0);
  CHECK(r.out.empty());
  const std::string markdown = evgraph::test::slurp(md);
  CHECK_THAT(markdown, Catch::Contains("### Population × outcome"));
  CHECK_THAT(markdown, Catch::Contains("| Self-esteem | · | 1 (1) | 1 (1) | · |"));
  CHECK_THAT(evgraph::test::slurp(csv), Catch::Contains("Veterans,Wellbeing,1,1,claim:"));
  CHECK(std::system(("xmllint --noout " + svg).c_str()) == 0);
  const auto parsed = nlohmann::json::parse(evgraph::test::slurp(eppi));
  CHECK(parsed.at("CodeSets").size() == 2);

  // --population picks the intervention × outcome map for the files.
  const std::string filtered = (dir / "veterans.csv").string();
  r = run_cli({"report", "-q", seed_path(), "--population", "Veterans", "-o", filtered});
  REQUIRE(r.code == 0);
  CHECK_THAT(evgraph::test::slurp(filtered),
             Catch::Contains("Taking Charge of My Life and Health,Wellbeing,1,1,"));

  // The same report from the graph JSON build wrote.
  const std::string graph = (dir / "seed.json").string();
  REQUIRE(run_cli({"build", "-q", seed_path(), "-o", graph}).code == 0);
  const auto from_inputs = run_cli({"report", "-q", "--json", seed_path()});
  const auto from_graph = run_cli({"report", "-q", "--json", graph});
  REQUIRE(from_graph.code == 0);
  CHECK(from_graph.out == from_inputs.out);

  CHECK(run_cli({"report", "-q", seed_path(), "-o", (dir / "x.png").string()}).code == 2);
  CHECK(run_cli({"report", "-q", seed_path(), "--rows", "outcome"}).code == 2);
  CHECK(run_cli({"report", "-q", seed_path(), "--population", "Self-esteem"}).code == 2);
  CHECK(run_cli({"report", "-q", seed_path(), "-o", seed_path()}).code == 2);
}

TEST_CASE("report writes a printable HTML page with both gap maps as heatmaps", "[cli]") {
  const auto dir = scratch("html");
  const std::string path = (dir / "report.html").string();
  REQUIRE(run_cli({"report", "-q", seed_path(), "-o", path}).code == 0);
  const std::string html = evgraph::test::slurp(path);
  CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  CHECK(html.ends_with("</body>\n</html>\n"));
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<?xml") == std::string::npos);
  CHECK_THAT(html, Catch::Contains("Content-Security-Policy"));
  CHECK_THAT(html, Catch::Contains("<title>Evidence-and-gap map: Population × outcome</title>"));
  CHECK_THAT(html, Catch::Contains("<title>Evidence-and-gap map: Intervention × outcome</title>"));
  std::size_t heatmaps = 0;
  for (auto at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) {
    ++heatmaps;
  }
  CHECK(heatmaps == 2);
  CHECK_THAT(html, Catch::Contains("<a href=\"https://www.ncbi.nlm.nih.gov/pmc/articles/"
                                   "PMC10078724/\">PMC10078724</a></td><td class=\"n\">3</td>"));
  CHECK_THAT(html, Catch::Contains("<tr><td>answers</td><td class=\"n\">3</td></tr>"));
  CHECK_THAT(html, Catch::Contains("<h3>Listed but uncited sources: 8</h3>"));
  CHECK_THAT(html, Catch::Contains("12 claims from 1 document, citing 10 of 18 sources"));
}

TEST_CASE("the HTML report escapes evidence text and links only http(s)", "[cli]") {
  evgraph::EvidenceGraph g;
  const auto doc = g.add_node(
      evgraph::test::make_node("document:a&b.txt", evgraph::NodeType::document, "a&b.txt"));
  const auto claim = g.add_node(evgraph::test::make_claim("claim:1", "Groups help."));
  const auto lone =
      g.add_node(evgraph::test::make_claim("claim:2", "Groups <script>alert(1)</script> help."));
  g.add_edge(doc, lone, evgraph::make_edge(evgraph::EdgeType::asserts));
  const auto bad = g.add_node(evgraph::test::make_source("source:url:x", "javascript:alert(2)"));
  const auto good =
      g.add_node(evgraph::test::make_source("source:url:y", "https://example.org/?a=1&b=\"2\""));
  g.add_edge(doc, claim, evgraph::make_edge(evgraph::EdgeType::asserts));
  g.add_edge(claim, bad, evgraph::make_edge(evgraph::EdgeType::cites, {"1"}));
  g.add_edge(claim, good, evgraph::make_edge(evgraph::EdgeType::cites, {"2"}));
  std::ostringstream out;
  evgraph::write_report_html(g, evgraph::report(g), out);
  const std::string html = out.str();
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("href=\"javascript:") == std::string::npos);
  CHECK_THAT(html, Catch::Contains("href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\""));
  CHECK_THAT(html, Catch::Contains("<h3>Uncited claims: 1</h3>"));
  CHECK_THAT(html, Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK_THAT(html, Catch::Contains("No populations in this graph: no map."));
}

TEST_CASE("build --measures writes the measures as node attributes; convert makes them again",
          "[cli]") {
  const auto dir = scratch("measures");
  const std::string with = (dir / "with.json").string();
  const std::string without = (dir / "without.json").string();
  REQUIRE(run_cli({"build", "-q", seed_path(), "--measures", "-o", with}).code == 0);
  REQUIRE(run_cli({"build", "-q", seed_path(), "-o", without}).code == 0);
  const auto graph = nlohmann::json::parse(evgraph::test::slurp(with));
  bool found = false;
  for (const auto& node : graph.at("nodes")) {
    if (node.at("id") != "source:pmc:PMC10078724") continue;
    found = true;
    CHECK(node.at("claims") == 3);
    CHECK(node.at("cited") == true);
    CHECK(node.contains("betweenness"));
  }
  CHECK(found);
  CHECK(evgraph::test::slurp(without).find("\"betweenness\"") == std::string::npos);
  // The graph reader leaves derived values out; convert --measures works them out again.
  const std::string again = (dir / "again.json").string();
  REQUIRE(run_cli({"convert", "-q", with, "--measures", "-o", again}).code == 0);
  CHECK(evgraph::test::slurp(again) == evgraph::test::slurp(with));
  const std::string plain = (dir / "plain.json").string();
  REQUIRE(run_cli({"convert", "-q", with, "-o", plain}).code == 0);
  CHECK(evgraph::test::slurp(plain) == evgraph::test::slurp(without));
}

TEST_CASE("csv-safe guards formula cells in the csv folder and the gap map's CSV", "[cli]") {
  const auto dir = scratch("csv-safe");
  const std::string answer =
      "@HYPERLINK groups reduce loneliness among veterans [1].\n\n"
      "Citations:\n[1] https://example.org/a\n";
  const auto lexicon = dir / "lexicon.json";
  std::ofstream(lexicon)
      << R"({"concepts": [{"name": "=Veterans", "type": "population", "synonyms": ["veterans"]},)"
      << R"( {"name": "Loneliness", "type": "outcome", "synonyms": ["loneliness"]}]})";
  const auto safe = dir / "safe";
  auto r = run_cli({"build", "-", "--lexicon", lexicon.string(), "--no-default-lexicon", "-o",
                    safe.string(), "--to", "csv", "--csv-safe"},
                   answer);
  INFO(r.err);
  REQUIRE(r.code == 0);
  const std::string nodes = evgraph::test::slurp(safe / "nodes.csv");
  CHECK_THAT(nodes, Catch::Contains(",'@HYPERLINK groups reduce loneliness among veterans.,") &&
                        Catch::Contains(",'=Veterans,"));
  const auto plain = dir / "plain";
  r = run_cli({"build", "-", "--lexicon", lexicon.string(), "--no-default-lexicon", "-o",
               plain.string(), "--to", "csv"},
              answer);
  REQUIRE(r.code == 0);
  CHECK_THAT(evgraph::test::slurp(plain / "nodes.csv"),
             Catch::Contains(",@HYPERLINK groups") && !Catch::Contains("'@HYPERLINK"));

  const std::string gap = (dir / "gap.csv").string();
  r = run_cli({"report", "-q", "-", "--lexicon", lexicon.string(), "--no-default-lexicon", "-o",
               gap, "--csv-safe"},
              answer);
  REQUIRE(r.code == 0);
  CHECK_THAT(evgraph::test::slurp(gap), Catch::Contains("\n'=Veterans,Loneliness,1,1,claim:"));
}

TEST_CASE("build and convert show only what the filter options keep", "[cli]") {
  const auto dir = scratch("filters");
  const std::string lexicon = "graphs/men-peer-support/lexicon.json";
  const std::string full = (dir / "full.json").string();
  auto r = run_cli({"build", "-q", seed_path(), "--lexicon", lexicon, "-o", full});
  REQUIRE(r.code == 0);
  const std::string veterans = (dir / "veterans.json").string();
  r = run_cli({"build", seed_path(), "--lexicon", lexicon, "-o", veterans, "--only", "Veterans"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.err, Catch::Contains("evgraph: the outputs show 6 of "));
  const auto kept = nlohmann::json::parse(evgraph::test::slurp(veterans));
  std::set<std::string> types;
  for (const auto& node : kept.at("nodes")) types.insert(node.at("type").get<std::string>());
  CHECK(types == std::set<std::string>{"claim", "source", "population", "intervention", "outcome"});

  const std::string cited = (dir / "cited.json").string();
  r = run_cli({"convert", full, "-o", cited, "--cited-only", "--types", "claim, source", "-q"});
  REQUIRE(r.code == 0);
  const auto cited_graph = nlohmann::json::parse(evgraph::test::slurp(cited));
  for (const auto& node : cited_graph.at("nodes")) {
    CHECK((node.at("type") == "claim" || node.at("type") == "source"));
  }
  r = run_cli({"convert", full, "-o", cited, "--types", "claims"});
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("--types: unknown node type 'claims'"));
}

TEST_CASE("the summary view option writes the evidence folded onto its concepts",
          "[cli][summary]") {
  const fs::path dir = scratch("summary-view");
  const std::string lexicon = "graphs/men-peer-support/lexicon.json";
  const std::string summary = (dir / "summary.json").string();
  auto r =
      run_cli({"build", seed_path(), "--lexicon", lexicon, "-o", summary, "--view", "summary"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK_THAT(r.err, Catch::Contains("evgraph: summary view of 12 claims: "));
  const auto graph = nlohmann::json::parse(evgraph::test::slurp(summary));
  REQUIRE_FALSE(graph.at("links").empty());
  for (const auto& link : graph.at("links")) {
    CHECK(link.at("type") == "evidence");
    CHECK(link.at("claims").get<int>() >= 1);
  }
  for (const auto& node : graph.at("nodes")) {
    const std::string type = node.at("type");
    CHECK((type == "population" || type == "intervention" || type == "outcome"));
  }
  // Low-SES men's arts-based claim: population → intervention, intervention → self-esteem.
  bool low_ses = false;
  for (const auto& link : graph.at("links")) {
    low_ses = low_ses || (link.at("source") == "population:low-ses-men" &&
                          link.at("target").get<std::string>().starts_with("intervention:"));
  }
  CHECK(low_ses);
  r = run_cli({"convert", summary, "-o", (dir / "again.json").string(), "-q"});
  REQUIRE(r.code == 0);
  CHECK(evgraph::test::slurp((dir / "again.json").string()) == evgraph::test::slurp(summary));
  r = run_cli({"build", seed_path(), "-o", summary, "--view", "summaries"});
  CHECK(r.code == 2);
}
