// The folder exports (plain CSV and Neo4j bulk-import CSV), read back with a strict RFC 4180
// parser: what was written is what a reader sees, every attribute is a column, and no text can
// break a row.
#include <algorithm>
#include <boost/range/iterator_range.hpp>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "export/attributes.hpp"
#include "export/node_link.hpp"
#include "file_support.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using namespace evgraph;
using test::make_claim;
using test::make_node;
using test::make_source;
using Rows = std::vector<std::vector<std::string>>;

constexpr std::string_view kNeo4jCommand =
    "neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv "
    "--delimiter=',' --array-delimiter=';' neo4j";

fs::path scratch(const std::string& name) {
  return evgraph::test::scratch_dir("evgraph-csv-test", name);
}

using evgraph::test::slurp;

// RFC 4180, strictly: a quote may only open a field or, doubled, stand inside a quoted one.
Rows parse_csv(const std::string& text) {
  Rows rows;
  std::vector<std::string> row;
  std::string field;
  std::size_t i = 0;
  bool at_field_start = true;
  const auto end_field = [&] {
    row.push_back(field);
    field.clear();
    at_field_start = true;
  };
  while (i < text.size()) {
    const char c = text[i];
    if (at_field_start && c == '"') {
      ++i;
      for (;;) {
        if (i >= text.size()) throw std::runtime_error("unterminated quote");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += text[i++];
      }
      if (i < text.size() && text[i] != ',' && text[i] != '\n') {
        throw std::runtime_error("text after a closing quote");
      }
      at_field_start = false;
      continue;
    }
    if (c == ',') {
      end_field();
    } else if (c == '\n') {
      end_field();
      rows.push_back(std::move(row));
      row.clear();
    } else if (c == '"' || c == '\r') {
      throw std::runtime_error("quote or CR in an unquoted field");
    } else {
      field += c;
      at_field_start = false;
    }
    ++i;
  }
  if (!row.empty() || !field.empty()) throw std::runtime_error("last row without a line end");
  return rows;
}

Rows read_csv(const fs::path& path) {
  const std::string text = slurp(path);
  REQUIRE_FALSE(text.starts_with("\xEF\xBB\xBF"));
  Rows rows = parse_csv(text);
  REQUIRE_FALSE(rows.empty());
  for (const auto& row : rows) REQUIRE(row.size() == rows.front().size());
  return rows;
}

// Each data row as column name -> value.
std::vector<std::map<std::string, std::string>> records(const Rows& rows) {
  std::vector<std::map<std::string, std::string>> out;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    std::map<std::string, std::string> record;
    for (std::size_t c = 0; c < rows[r].size(); ++c) record[rows[0][c]] = rows[r][c];
    out.push_back(std::move(record));
  }
  return out;
}

fs::path exported(const EvidenceGraph& g, Format format, const std::string& name) {
  const fs::path dir = scratch(name);
  write_folder(g, format, dir);
  return dir;
}

EvidenceGraph sample() {
  EvidenceGraph g;
  Node document = make_node("document:answer.md", NodeType::document, "answer.md");
  document.path = "answers/answer.md";
  document.format = "answer";
  const Vertex doc = g.add_node(document);
  const Vertex claim = g.add_node(
      make_claim("claim:00000000000000aa", "Peer support groups reduced loneliness in veterans."));
  const Vertex other = g.add_node(make_claim("claim:00000000000000bb", "Groups help, a bit."));
  Node pubmed = make_source("source:pubmed:123", "https://pubmed.ncbi.nlm.nih.gov/123/?a=1,b=2");
  pubmed.urls.push_back("https://www.ncbi.nlm.nih.gov/pubmed/123");
  pubmed.also = {"source:doi:10.1000/xyz", "source:pmc:PMC1"};
  pubmed.title = "Peer support & \"loneliness\"";
  pubmed.authors = {"Smith, Jane", "Doe, John"};
  pubmed.year = "2021";
  pubmed.data = R"({"journal":"J. Peer, Support","volume":3})";
  const Vertex source = g.add_node(pubmed);
  const Vertex veterans =
      g.add_node(make_node("population:veterans", NodeType::population, "veterans"));
  g.add_edge(doc, claim, make_edge(EdgeType::asserts));
  g.add_edge(doc, other, make_edge(EdgeType::asserts));
  g.add_edge(doc, source, make_edge(EdgeType::lists, {"1", "3"}));
  Edge cites = make_edge(EdgeType::cites, {"1"}, true);
  cites.stance = evgraph::Stance::supports;
  g.add_edge(claim, source, cites);
  Edge concerns = make_edge(EdgeType::concerns);
  concerns.terms = {{"veterans", 41, {}}, {"Veterans", std::nullopt, "population"}};
  g.add_edge(claim, veterans, concerns);
  g.add_edge(claim, other, make_edge(EdgeType::similar_to, {}, false, 0.917));
  return g;
}

const std::vector<std::string>& torture_texts() {
  static const std::vector<std::string> texts = {
      "comma, inside",
      "say \"hi\" and \"\"",
      "\"starts with a quote",
      "line\nfeed",
      "carriage\r\nreturn and lone \r CR",
      "emoji \U0001F600 family \U0001F469\u200D\U0001F469\u200D\U0001F467, and \u062F\u0639\u0645",
      "  spaces around  ",
      "semi; colon",
      std::string(5000, 'x') + ",\"\n" + std::string(100, 'y'),
  };
  return texts;
}

EvidenceGraph torture_graph() {
  EvidenceGraph g;
  const Vertex doc = g.add_node(make_node("document:a,b \"c\".md", NodeType::document, "a,b"));
  for (std::size_t i = 0; i < torture_texts().size(); ++i) {
    const std::string& text = torture_texts()[i];
    const Vertex claim = g.add_node(make_claim("claim:" + std::to_string(i) + "," + text, text));
    g.add_edge(doc, claim, make_edge(EdgeType::lists, {text}));
  }
  return g;
}

}  // namespace

TEST_CASE("csv and neo4j are folder formats that --to knows and extensions never name",
          "[export]") {
  CHECK(format_from_name("csv") == Format::csv);
  CHECK(format_from_name("Neo4j") == Format::neo4j);
  CHECK(to_string(Format::csv) == "csv");
  CHECK(to_string(Format::neo4j) == "neo4j");
  CHECK(is_folder_format(Format::csv));
  CHECK(is_folder_format(Format::neo4j));
  CHECK_FALSE(is_folder_format(Format::json));
  CHECK_FALSE(format_from_path("graph.csv"));
  CHECK_FALSE(format_from_path("graph.neo4j"));
  CHECK_FALSE(format_from_path("graph.csv.json") == Format::csv);
  CHECK_THAT(format_names(), Catch::Contains("csv") && Catch::Contains("neo4j"));
  std::ostringstream out;
  CHECK_THROWS_WITH(write(sample(), Format::csv, out), Catch::Contains("use -o DIR"));
  CHECK_THROWS_AS(write(sample(), Format::neo4j, out), Error);
}

TEST_CASE("write_folder wants an existing empty folder", "[export]") {
  const fs::path dir = scratch("not-empty");
  std::ofstream(dir / "keep.txt") << "mine";
  CHECK_THROWS_AS(write_folder(sample(), Format::csv, dir), IoError);
  CHECK_THROWS_AS(write_folder(sample(), Format::csv, dir / "missing"), IoError);
  CHECK_THROWS_AS(write_folder(sample(), Format::json, scratch("json")), Error);
  CHECK(slurp(dir / "keep.txt") == "mine");
  CHECK_FALSE(fs::exists(dir / "nodes.csv"));
}

TEST_CASE("plain CSV has a header row and every attribute as a column", "[export]") {
  const EvidenceGraph g = sample();
  const fs::path dir = exported(g, Format::csv, "headers");
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    files.push_back(entry.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  CHECK(files == std::vector<std::string>{"edges.csv", "nodes.csv"});

  const Rows nodes = read_csv(dir / "nodes.csv");
  std::vector<std::string> node_header = {"id"};
  for (const auto& a : detail::kNodeAttributes) node_header.emplace_back(a.name);
  CHECK(nodes.front() == node_header);
  CHECK(nodes.size() == boost::num_vertices(g.graph()) + 1);
  const Rows edges = read_csv(dir / "edges.csv");
  std::vector<std::string> edge_header = {"source", "target"};
  for (const auto& a : detail::kEdgeAttributes) edge_header.emplace_back(a.name);
  CHECK(edges.front() == edge_header);
  CHECK(edges.size() == boost::num_edges(g.graph()) + 1);

  // Every value is the XML exports' text of the node-link JSON's value.
  std::map<std::string, std::map<std::string, std::string>> by_id;
  for (auto& record : records(nodes)) by_id[record.at("id")] = record;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g.graph()))) {
    const detail::Json j = detail::node_json(g.node(v));
    const auto& record = by_id.at(std::string(g.node(v).id));
    for (const auto& a : detail::kNodeAttributes) {
      INFO(g.node(v).id << " " << a.name);
      CHECK(record.at(std::string(a.name)) == detail::attribute_text(j, a).value_or(""));
    }
  }
  const auto& source = by_id.at("source:pubmed:123");
  CHECK(source.at("authors") == "Smith, Jane; Doe, John");
  CHECK(source.at("title") == "Peer support & \"loneliness\"");
  CHECK(source.at("type") == "source");
  CHECK(nlohmann::json::parse(source.at("data"))["journal"] == "J. Peer, Support");
  CHECK(by_id.at("claim:00000000000000aa").at("year").empty());

  bool saw_similar = false;
  for (const auto& record : records(edges)) {
    if (record.at("type") == "similar_to") {
      saw_similar = true;
      CHECK(record.at("score") == "0.917");
      CHECK(record.at("ambiguous").empty());  // written for cites edges only
    }
    if (record.at("type") == "lists") CHECK(record.at("markers") == "1; 3");
    if (record.at("type") == "cites") CHECK(record.at("ambiguous") == "true");
  }
  CHECK(saw_similar);
}

TEST_CASE("CSV quoting survives commas, quotes, line breaks, emoji and 5,000 characters",
          "[export]") {
  const EvidenceGraph g = torture_graph();
  for (Format format : {Format::csv, Format::neo4j}) {
    INFO(to_string(format));
    const fs::path dir = exported(g, format, "torture-" + std::string(to_string(format)));
    const Rows nodes = read_csv(dir / "nodes.csv");
    const auto node_records = records(nodes);
    REQUIRE(node_records.size() == torture_texts().size() + 1);
    const std::string id_column = format == Format::csv ? "id" : "id:ID";
    std::map<std::string, std::string> text_of;
    for (const auto& record : node_records) text_of[record.at(id_column)] = record.at("text");
    CHECK(text_of.count("document:a,b \"c\".md") == 1);
    for (std::size_t i = 0; i < torture_texts().size(); ++i) {
      const std::string& text = torture_texts()[i];
      CHECK(text_of.at("claim:" + std::to_string(i) + "," + text) == text);
    }
    const std::string edges_file = format == Format::csv ? "edges.csv" : "relationships.csv";
    const Rows edges = read_csv(dir / edges_file);
    const std::string markers = format == Format::csv ? "markers" : "markers:string[]";
    std::size_t found = 0;
    for (const auto& record : records(edges)) {
      for (const std::string& text : torture_texts()) found += record.at(markers) == text;
    }
    CHECK(found == torture_texts().size());
  }
  // Only what must be is quoted.
  const fs::path dir = exported(g, Format::csv, "torture-plain");
  CHECK_THAT(slurp(dir / "nodes.csv"), Catch::Contains("\n\"claim:0,comma, inside\",claim,") &&
                                           Catch::Contains("\"say \"\"hi\"\" and \"\"\"\"\"") &&
                                           Catch::Contains(",semi; colon,"));
}

TEST_CASE("spreadsheet-safe CSV guards formula cells with a quote and changes nothing else",
          "[export]") {
  const std::vector<std::string> formulas = {"=HYPERLINK(\"http://evil.example\",\"click\")",
                                             "+1+2",
                                             "-2+3",
                                             "@SUM(A1:A2)",
                                             "\tindented",
                                             "\rreturn",
                                             "=1,2"};
  const std::vector<std::string> plain = {"Peer groups help.", "a=b", "2-1", "e@mail", "'quoted"};
  EvidenceGraph g;
  const Vertex doc = g.add_node(make_node("document:a.md", NodeType::document, "a.md"));
  std::vector<std::string> texts = formulas;
  texts.insert(texts.end(), plain.begin(), plain.end());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const Vertex claim = g.add_node(make_claim("claim:" + std::to_string(i), texts[i]));
    g.add_edge(doc, claim, make_edge(EdgeType::asserts));
  }
  const fs::path safe = scratch("spreadsheet-safe");
  write_folder(g, Format::csv, safe, CsvCells::spreadsheet_safe);
  const fs::path as_written = exported(g, Format::csv, "spreadsheet-as-written");
  std::map<std::string, std::string> safe_text;
  for (const auto& record : records(read_csv(safe / "nodes.csv"))) {
    safe_text[record.at("id")] = record.at("text");
  }
  std::map<std::string, std::string> written_text;
  for (const auto& record : records(read_csv(as_written / "nodes.csv"))) {
    written_text[record.at("id")] = record.at("text");
  }
  for (std::size_t i = 0; i < texts.size(); ++i) {
    INFO(texts[i]);
    const std::string id = "claim:" + std::to_string(i);
    CHECK(written_text.at(id) == texts[i]);
    CHECK(safe_text.at(id) == (i < formulas.size() ? "'" + texts[i] : texts[i]));
  }
  CHECK(slurp(safe / "edges.csv") == slurp(as_written / "edges.csv"));
  // Neo4j imports values, it does not open them as a spreadsheet: written as they are.
  const fs::path neo4j = scratch("spreadsheet-neo4j");
  write_folder(g, Format::neo4j, neo4j, CsvCells::spreadsheet_safe);
  CHECK(slurp(neo4j / "nodes.csv") ==
        slurp(exported(g, Format::neo4j, "spreadsheet-neo4j-as-written") / "nodes.csv"));
}

TEST_CASE("Neo4j CSV has typed headers, capitalised labels and upper-case types", "[export]") {
  const EvidenceGraph g = sample();
  const fs::path dir = exported(g, Format::neo4j, "neo4j");
  const Rows nodes = read_csv(dir / "nodes.csv");
  CHECK(nodes.front() == std::vector<std::string>{"id:ID", ":LABEL", "label", "type", "text",
                                                  "kind", "occurrences", "url", "urls:string[]",
                                                  "scheme", "identifier", "also:string[]", "title",
                                                  "authors:string[]", "year", "data",
                                                  "merged_because", "path", "format"});
  std::map<std::string, std::map<std::string, std::string>> by_id;
  for (auto& record : records(nodes)) by_id[record.at("id:ID")] = record;
  CHECK(by_id.size() == boost::num_vertices(g.graph()));
  CHECK(by_id.at("claim:00000000000000aa").at(":LABEL") == "Claim");
  CHECK(by_id.at("document:answer.md").at(":LABEL") == "Document");
  CHECK(by_id.at("population:veterans").at(":LABEL") == "Population");
  CHECK(by_id.at("population:veterans").at("label") == "veterans");
  const auto& source = by_id.at("source:pubmed:123");
  CHECK(source.at(":LABEL") == "Source");
  CHECK(source.at("also:string[]") == "source:doi:10.1000/xyz;source:pmc:PMC1");
  CHECK(source.at("authors:string[]") == "Smith, Jane;Doe, John");
  CHECK(source.at("urls:string[]") ==
        "https://pubmed.ncbi.nlm.nih.gov/123/?a=1,b=2;https://www.ncbi.nlm.nih.gov/pubmed/123");

  const Rows relationships = read_csv(dir / "relationships.csv");
  CHECK(relationships.front() == std::vector<std::string>{":START_ID", ":END_ID", ":TYPE", "type",
                                                          "markers:string[]", "ambiguous:boolean",
                                                          "score:double", "stance", "certainty",
                                                          "records", "terms"});
  std::map<std::string, std::map<std::string, std::string>> by_type;
  for (auto& record : records(relationships)) by_type[record.at(":TYPE")] = record;
  CHECK(relationships.size() == boost::num_edges(g.graph()) + 1);
  CHECK(by_type.count("ASSERTS") == 1);
  CHECK(by_type.count("CONCERNS") == 1);
  CHECK(by_type.at("CONCERNS").at("terms") ==
        R"([{"term":"veterans","at":41},{"term":"Veterans","field":"population"}])");
  CHECK(by_type.at("CITES").at(":START_ID") == "claim:00000000000000aa");
  CHECK(by_type.at("CITES").at(":END_ID") == "source:pubmed:123");
  CHECK(by_type.at("CITES").at("ambiguous:boolean") == "true");
  CHECK(by_type.at("LISTS").at("markers:string[]") == "1;3");
  CHECK(by_type.at("SIMILAR_TO").at("score:double") == "0.917");
  CHECK(by_type.at("SIMILAR_TO").at("type") == "similar_to");

  const std::string readme = slurp(dir / "README.md");
  CHECK_THAT(readme, Catch::Contains(std::string(kNeo4jCommand)) && Catch::Contains("nodes.csv") &&
                         Catch::Contains("relationships.csv"));
  CHECK_THAT(readme, !Catch::Contains("--multiline-fields"));
  const fs::path torture = exported(torture_graph(), Format::neo4j, "neo4j-multiline");
  CHECK_THAT(slurp(torture / "README.md"), Catch::Contains("--multiline-fields=true"));
}

TEST_CASE("random Unicode reads back from the CSV folders as written", "[export][property]") {
  const std::vector<std::string> texts = test::random_texts(300, 7);
  const EvidenceGraph g = test::graph_of_texts(texts);
  for (Format format : {Format::csv, Format::neo4j}) {
    INFO(to_string(format));
    const fs::path dir = exported(g, format, "random-" + std::string(to_string(format)));
    std::map<std::string, std::string> text_of;
    for (const auto& record : records(read_csv(dir / "nodes.csv"))) {
      text_of[record.at(format == Format::csv ? "id" : "id:ID")] = record.at("text");
    }
    for (std::size_t i = 0; i < texts.size(); ++i) {
      CHECK(text_of.at("claim:" + std::to_string(i)) == texts[i]);
    }
  }
}
