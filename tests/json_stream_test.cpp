// The streaming node-link writer (json_writer.hpp, json.cpp) against nlohmann, its reference:
// append_json_string against dump() on every byte, every 2- and 3-byte string, every class of
// 4-byte sequence and seeded random strings biased to UTF-8's edges; numbers against dump(); the
// whole node-link document against the DOM path (node_json/link_json + put_json, the writer it
// replaced) over every input the tests can read; and the `data` texts the readers store, which
// the writer splices, against their own re-dump.
#include <algorithm>
#include <boost/range/iterator_range.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "export/json_writer.hpp"
#include "export/node_link.hpp"
#include "input/readers.hpp"
#include "test_support.hpp"

namespace {

using namespace evgraph;
using detail::Json;
using detail::JsonWriter;
namespace fs = std::filesystem;

std::string nlohmann_string(std::string_view text) {
  return Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string streamed_string(std::string_view text) {
  std::string out;
  detail::append_json_string(out, text);
  return out;
}

std::string hex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    out += kHex[byte >> 4];
    out += kHex[byte & 0xF];
    out += ' ';
  }
  return out;
}

// Counts the strings on which the two differ, and names the first few.
struct Mismatches {
  std::size_t count = 0;
  std::size_t checked = 0;

  void check(std::string_view text) {
    ++checked;
    const std::string expected = nlohmann_string(text);
    const std::string actual = streamed_string(text);
    if (expected == actual) return;
    if (++count <= 5) {
      UNSCOPED_INFO("bytes " << hex(text) << ": nlohmann " << expected << ", writer " << actual);
    }
  }
};

std::string bytes(std::initializer_list<unsigned> values) {
  std::string out;
  for (unsigned v : values) out += static_cast<char>(v);
  return out;
}

std::string utf8(char32_t c) {
  if (c < 0x80) return bytes({static_cast<unsigned>(c)});
  if (c < 0x800) return bytes({0xC0 | (c >> 6), 0x80 | (c & 0x3F)});
  if (c < 0x10000) return bytes({0xE0 | (c >> 12), 0x80 | ((c >> 6) & 0x3F), 0x80 | (c & 0x3F)});
  return bytes(
      {0xF0 | (c >> 18), 0x80 | ((c >> 12) & 0x3F), 0x80 | ((c >> 6) & 0x3F), 0x80 | (c & 0x3F)});
}

// Bytes at the edges of UTF-8's ranges, and those that JSON escapes.
const std::vector<unsigned> kEdgeBytes = {
    0x00, 0x01, 0x08, 0x09, 0x0A, 0x0C, 0x0D, 0x1F, 0x20, 0x22, 0x2F, 0x41, 0x5C, 0x7E, 0x7F,
    0x80, 0x81, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED,
    0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFB, 0xFC, 0xFE, 0xFF};

// Pieces a random string is made of: edge bytes, well-formed sequences at the range limits, and
// their truncations, overlong forms, surrogates and code points above U+10FFFF.
std::vector<std::string> edge_pieces() {
  std::vector<std::string> pieces;
  for (unsigned b : kEdgeBytes) pieces.push_back(bytes({b}));
  for (char32_t c :
       {U'\x80', U'\x7FF', U'\x800', U'\xFFF', U'\x1000', U'\xD7FF', U'\xE000', U'\xFFFD',
        U'\xFFFF', U'\x10000', U'\x3FFFF', U'\x40000', U'\xFFFFF', U'\x100000', U'\x10FFFF'}) {
    const std::string s = utf8(c);
    for (std::size_t n = 1; n <= s.size(); ++n) pieces.push_back(s.substr(0, n));
  }
  for (const auto& s :
       {bytes({0xC0, 0x80}), bytes({0xC1, 0xBF}), bytes({0xE0, 0x80, 0x80}),
        bytes({0xE0, 0x9F, 0xBF}), bytes({0xF0, 0x80, 0x80, 0x80}), bytes({0xF0, 0x8F, 0xBF, 0xBF}),
        bytes({0xED, 0xA0, 0x80}), bytes({0xED, 0xBF, 0xBF}), bytes({0xF4, 0x90, 0x80, 0x80}),
        bytes({0xF7, 0xBF, 0xBF, 0xBF}), bytes({0xF8, 0x88, 0x80, 0x80, 0x80})}) {
    for (std::size_t n = 1; n <= s.size(); ++n) pieces.push_back(s.substr(0, n));
  }
  return pieces;
}

// The node-link document as it was written before the streaming writer: a DOM per node and link.
std::string dom_node_link(const EvidenceGraph& graph, std::string_view links_key) {
  const Graph& g = graph.graph();
  std::ostringstream out;
  out << "{\"directed\": true, \"multigraph\": false, \"graph\": ";
  detail::put_json(out, detail::graph_json());
  out << ",\n\"nodes\": [";
  const char* separator = "\n";
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    out << separator;
    detail::put_json(out, detail::node_json(g[v]));
    separator = ",\n";
  }
  out << "\n],\n\"" << links_key << "\": [";
  separator = "\n";
  for (EdgeRef e : boost::make_iterator_range(boost::edges(g))) {
    out << separator;
    detail::put_json(out, detail::link_json(g, e));
    separator = ",\n";
  }
  out << "\n]}\n";
  return out.str();
}

std::string streamed_node_link(const EvidenceGraph& graph, std::string_view links_key) {
  std::ostringstream out;
  write_json(graph, out, links_key);
  return out.str();
}

// The first line on which two documents differ, for the failure message.
std::string first_difference(const std::string& expected, const std::string& actual) {
  std::istringstream a(expected);
  std::istringstream b(actual);
  std::string x;
  std::string y;
  for (std::size_t line = 1; std::getline(a, x); ++line) {
    if (!std::getline(b, y) || x != y) {
      return "line " + std::to_string(line) + ":\n  DOM:    " + x + "\n  stream: " + y;
    }
  }
  return "the streamed document is longer";
}

void check_same_document(const EvidenceGraph& graph, const std::string& what) {
  for (const std::string_view key : {"links", "edges"}) {
    const std::string expected = dom_node_link(graph, key);
    const std::string actual = streamed_node_link(graph, key);
    INFO(what << " (" << key << "): " << first_difference(expected, actual));
    CHECK(actual.size() == expected.size());
    CHECK(actual == expected);
  }
}

// Every `data` text in the graph is nlohmann's compact dump of itself, so splicing it writes what
// re-parsing and re-dumping it did.
void check_data_is_compact(const EvidenceGraph& graph, const std::string& what) {
  const auto check = [&](std::string_view data) {
    if (data.empty()) return;
    const Json parsed = Json::parse(data, nullptr, false);
    INFO(what << ": data " << data);
    REQUIRE_FALSE(parsed.is_discarded());
    CHECK(parsed.dump(-1, ' ', false, Json::error_handler_t::replace) == data);
  };
  const Graph& g = graph.graph();
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) check(g[v].data);
  for (EdgeRef e : boost::make_iterator_range(boost::edges(g))) {
    for (const StanceRecord& record : g[e].records) check(record.data);
  }
}

struct Input {
  std::string name;
  Evidence evidence;
};

std::string path_under(const char* root, const std::string& relative) {
  return (fs::path(root) / relative).string();
}

// Every file of a folder read as its own format; the ones evgraph refuses (the broken fixtures)
// are left out.
std::vector<Input> read_folder(const fs::path& folder, const Lexicon& lexicon) {
  std::vector<Input> inputs;
  if (!fs::exists(folder)) {
    WARN("skipped: " << folder.string() << " is absent");
    return inputs;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    Diagnostics diagnostics;
    try {
      const Text text = read_text(file, diagnostics);
      inputs.push_back(
          {file.string(), read_evidence(text, std::nullopt, FieldMap{}, lexicon, diagnostics)});
    } catch (const InputError&) {
    }
  }
  return inputs;
}

std::vector<Input> check_covid() {
  const fs::path folder = fs::path(EVGRAPH_SHARED_DIR) / "corpus" / "check-covid";
  if (!fs::exists(folder / "Check-COVID_all.json")) {
    WARN("skipped: " << folder.string() << " is absent");
    return {};
  }
  Diagnostics diagnostics;
  const Text claims = read_text(folder / "Check-COVID_all.json", diagnostics);
  const Text corpus = read_text(folder / "corpus.json", diagnostics);
  const FieldMap claims_map{{{"text", "claim"}, {"source", "cord_id"}, {"stance", "label"}}};
  const FieldMap corpus_map{{{"source", "cord_id"}, {"title", "title"}}};
  std::vector<Input> inputs;
  inputs.push_back(
      {claims.name(), detail::read_jsonl(claims, claims_map, default_lexicon(), diagnostics)});
  inputs.push_back(
      {corpus.name(), detail::read_jsonl(corpus, corpus_map, default_lexicon(), diagnostics)});
  return inputs;
}

EvidenceGraph graph_of(const std::vector<Input>& inputs) {
  std::vector<Evidence> evidence;
  for (const Input& input : inputs) evidence.push_back(input.evidence);
  return build_graph(evidence);
}

// Each input alone, then all of them in one graph, then that graph read back from its JSON.
void check_inputs(const std::vector<Input>& inputs) {
  for (const Input& input : inputs) {
    const EvidenceGraph graph = build_graph(std::span(&input.evidence, 1));
    check_same_document(graph, input.name);
    check_data_is_compact(graph, input.name);
  }
  if (inputs.size() < 2) return;
  const EvidenceGraph all = graph_of(inputs);
  check_same_document(all, "all of them");
  check_data_is_compact(all, "all of them");
  Diagnostics diagnostics;
  const EvidenceGraph read_back = read_graph_json(
      make_text("graph.json", streamed_node_link(all, "links"), diagnostics), diagnostics);
  check_same_document(read_back, "all of them, read back");
  check_data_is_compact(read_back, "all of them, read back");
}

std::string writer_output(const std::function<void(JsonWriter&)>& write) {
  std::ostringstream out;
  {
    JsonWriter json(out);
    write(json);
  }
  return out.str();
}

std::string number_text(double value) {
  return writer_output([&](JsonWriter& json) { json.number(value); });
}

}  // namespace

TEST_CASE("append_json_string writes every single byte as nlohmann does", "[export]") {
  Mismatches mismatches;
  for (unsigned b = 0; b < 256; ++b) {
    mismatches.check(bytes({b}));
    mismatches.check(bytes({'a', b, 'z'}));
  }
  CHECK(mismatches.count == 0);
  CHECK(streamed_string("\"\\\b\f\n\r\t\x01\x1f\x7f/") == R"("\"\\\b\f\n\r\t\u0001\u001f)"
                                                          "\x7f/\"");
}

TEST_CASE("append_json_string writes every 2- and 3-byte string as nlohmann does", "[export]") {
  Mismatches mismatches;
  for (unsigned a = 0; a < 256; ++a) {
    for (unsigned b = 0; b < 256; ++b) mismatches.check(bytes({a, b}));
  }
  // All 3-byte strings that start a multi-byte sequence or a stray continuation.
  for (unsigned a = 0x80; a < 256; ++a) {
    for (unsigned b = 0; b < 256; ++b) {
      for (unsigned c : kEdgeBytes) mismatches.check(bytes({a, b, c}));
    }
  }
  CHECK(mismatches.checked > 1'000'000);
  CHECK(mismatches.count == 0);
}

TEST_CASE("append_json_string replaces each class of bad UTF-8 as nlohmann does", "[export]") {
  Mismatches mismatches;
  // Every 4-byte sequence a lead byte F0..F7 can start, with its later bytes at their edges.
  for (unsigned a = 0xF0; a <= 0xF7; ++a) {
    for (unsigned b = 0x70; b < 0xD0; ++b) {
      for (unsigned c : kEdgeBytes) {
        for (unsigned d : kEdgeBytes) mismatches.check(bytes({a, b, c, d}));
      }
    }
  }
  const std::vector<std::string> pieces = edge_pieces();
  for (const std::string& x : pieces) {
    for (const std::string& y : pieces) mismatches.check(x + y);
  }
  CHECK(mismatches.count == 0);

  // Named cases: what one U+FFFD replaces, and where reading resumes.
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(streamed_string(bytes({0xE2, 0x82})) == "\"" + fffd + "\"");  // truncated at the end
  CHECK(streamed_string(bytes({0xE2, 0x82, 'A'})) == "\"" + fffd + "A\"");
  CHECK(streamed_string(bytes({0xE0, 0x80, 0x80})) == "\"" + fffd + fffd + fffd + "\"");
  CHECK(streamed_string(bytes({0xED, 0xA0, 0x80})) == "\"" + fffd + fffd + fffd + "\"");
  CHECK(streamed_string(bytes({0xF4, 0x90, 0x80, 0x80})) ==
        "\"" + fffd + fffd + fffd + fffd + "\"");
  CHECK(streamed_string(bytes({0xF0, 0x9F, 0x98, 0xE2, 0x82, 0xAC})) ==
        "\"" + fffd + "\xE2\x82\xAC\"");
  CHECK(streamed_string(bytes({0x80, 0xBF})) == "\"" + fffd + fffd + "\"");
  CHECK(streamed_string(bytes({0xC0, 0xAF})) == "\"" + fffd + fffd + "\"");
}

TEST_CASE("append_json_string matches nlohmann on seeded random strings", "[export]") {
  const std::vector<std::string> pieces = edge_pieces();
  std::mt19937_64 random(20240609);
  std::uniform_int_distribution<std::size_t> length(0, 24);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<unsigned> byte(0, 255);
  std::uniform_int_distribution<unsigned> kind(0, 9);
  std::uniform_int_distribution<std::uint32_t> code_point(0x80, 0x10FFFF);
  Mismatches mismatches;
  for (int i = 0; i < 300'000; ++i) {
    std::string text;
    for (std::size_t n = length(random); n > 0; --n) {
      const unsigned k = kind(random);
      if (k < 4) {
        text += pieces[piece(random)];
      } else if (k < 6) {
        text += static_cast<char>(byte(random));
      } else if (k < 8) {
        const std::uint32_t c = code_point(random);
        if (c < 0xD800 || c > 0xDFFF) text += utf8(c);
      } else {
        text += static_cast<char>('a' + byte(random) % 26);
      }
    }
    mismatches.check(text);
  }
  CHECK(mismatches.count == 0);
}

TEST_CASE("JsonWriter writes numbers as nlohmann does", "[export]") {
  CHECK(number_text(0.5) == "0.5");
  CHECK(number_text(0.667) == "0.667");
  CHECK(number_text(1.0) == "1.0");
  CHECK(number_text(0.1) == "0.1");
  CHECK(number_text(std::nan("")) == "null");
  std::vector<double> values = {0.0,
                                -0.0,
                                1e-5,
                                1e15,
                                1e16,
                                1e21,
                                1e300,
                                -2.5,
                                std::numeric_limits<double>::min(),
                                std::numeric_limits<double>::denorm_min(),
                                std::numeric_limits<double>::max(),
                                std::numeric_limits<double>::infinity(),
                                -std::numeric_limits<double>::infinity()};
  // Every score a similar_to edge can carry (rounded to 3 decimals), and more.
  for (int k = 0; k <= 10'000; ++k) values.push_back(std::round(k) / 1000.0);
  std::mt19937_64 random(7);
  for (int i = 0; i < 100'000; ++i) {
    const std::uint64_t bits = random();
    double value = 0;
    std::memcpy(&value, &bits, sizeof value);
    values.push_back(value);
  }
  std::size_t mismatches = 0;
  for (double value : values) {
    if (number_text(value) != Json(value).dump()) {
      UNSCOPED_INFO(value << ": nlohmann " << Json(value).dump() << ", writer "
                          << number_text(value));
      ++mismatches;
    }
  }
  CHECK(mismatches == 0);
  for (std::uint64_t value : {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{1234567890},
                              std::numeric_limits<std::uint64_t>::max()}) {
    CHECK(writer_output([&](JsonWriter& json) { json.integer(value); }) == Json(value).dump());
  }
}

TEST_CASE("JsonWriter places commas and splices raw JSON like a DOM dump", "[export]") {
  const std::string streamed = writer_output([](JsonWriter& json) {
    json.begin_object().key("a").begin_array().end_array().key("b").begin_object().end_object();
    json.key("c").begin_array().integer(1).boolean(false).string("x").raw(R"({"k":[1,"v"]})");
    json.begin_array().end_array().end_array().key("d").strings(std::vector<std::string>{"p", "q"});
    json.key("e").raw("null").key("f").number(2.0).end_object();
  });
  const Json dom = Json::parse(
      R"({"a":[],"b":{},"c":[1,false,"x",{"k":[1,"v"]},[]],"d":["p","q"],"e":null,"f":2.0})");
  CHECK(streamed == dom.dump());
}

TEST_CASE("JsonWriter writes large documents in blocks, all of them", "[export]") {
  const std::string long_text(3'000'000, 'x');
  const std::string streamed = writer_output([&](JsonWriter& json) {
    json.begin_array();
    for (int i = 0; i < 100'000; ++i) json.string("item \xC3\xA9\n");
    json.string(long_text).end_array();
  });
  Json dom = Json::array();
  for (int i = 0; i < 100'000; ++i) dom.push_back("item \xC3\xA9\n");
  dom.push_back(long_text);
  CHECK(streamed == dom.dump());
}

TEST_CASE("the streamed node-link JSON is the DOM path's, byte for byte: seed", "[export]") {
  Diagnostics diagnostics;
  const Lexicon lexicon = default_lexicon().merged_with(
      read_lexicon(path_under(EVGRAPH_SOURCE_DIR, "graphs/men-peer-support/lexicon.json")));
  const Text text = read_text(test::seed_path(), diagnostics);
  const Evidence evidence = extract(parse_answer(text, diagnostics), lexicon, diagnostics);
  const EvidenceGraph graph = build_graph(std::span(&evidence, 1));
  check_same_document(graph, "seed");
  bool scored = false;
  for (EdgeRef e : boost::make_iterator_range(boost::edges(graph.graph()))) {
    scored = scored || graph.edge(e).score.has_value();
  }
  CHECK(scored);  // the seed has similar_to edges with scores
}

TEST_CASE("the streamed node-link JSON is the DOM path's, byte for byte: fixtures", "[export]") {
  const std::string fixtures = path_under(EVGRAPH_SOURCE_DIR, "tests/fixtures");
  for (const char* folder : {"torture", "bibliography", "curated", "answers"}) {
    SECTION(folder) {
      const std::vector<Input> inputs = read_folder(fs::path(fixtures) / folder, default_lexicon());
      CHECK_FALSE(inputs.empty());
      check_inputs(inputs);
    }
  }
}

TEST_CASE("the streamed node-link JSON is the DOM path's, byte for byte: shared corpus",
          "[export][corpus]") {
  check_inputs(read_folder(fs::path(EVGRAPH_SHARED_DIR) / "corpus" / "answers", default_lexicon()));
  check_inputs(check_covid());
}

TEST_CASE("the streamed node-link JSON is the DOM path's on hostile hand-made values", "[export]") {
  EvidenceGraph graph;
  Node document = test::make_node("document:a\xFF.txt", NodeType::document, "a\xC3.txt");
  document.path = "a\xFF.txt";
  const Vertex d = graph.add_node(document);
  Node claim = test::make_claim("claim:1", "Bad \xED\xA0\x80 and \xF4\x90\x80\x80 \x01\x7F\"\\");
  claim.occurrences.push_back(
      {"b\xE2\x82.md", 0, std::numeric_limits<std::size_t>::max(), 3, {}, {}});
  const Vertex c = graph.add_node(claim);
  const Vertex c2 = graph.add_node(test::make_claim("claim:2", "Other"));
  Node source = test::make_source("source:url:x", "https://x.org/\xC0\xAF");
  source.scheme = "url";
  source.identifier = "x.org/";
  source.also = {"source:doi:10.1/\xE0\x80"};
  source.title = "T\xF0\x9F\x98";
  source.authors = {"A", "\xFE"};
  source.year = "2020";
  source.data = R"({"note":"\u0000 é","n":[1,2.5,-0.0,true,null,{}]})";
  source.merged_because = {"because\n"};
  const Vertex s = graph.add_node(source);
  graph.add_edge(d, c, make_edge(EdgeType::asserts));
  Edge cites = make_edge(EdgeType::cites, {"1", "\x80"}, true);
  cites.stance = evgraph::Stance::supports;
  cites.certainty = evgraph::Certainty::high;
  // Filled member by member: GCC 12 at -O3 takes the aggregate initialiser's nested Location for
  // maybe-uninitialized on its exception path (a false positive, -Wmaybe-uninitialized).
  StanceRecord record;
  record.stance = evgraph::Stance::supports;
  record.label = "SUPPORT\xC3";
  record.certainty = evgraph::Certainty::high;
  record.where.file = "r\xFF.csv";
  record.where.line = 9;
  record.where.column = 1;
  record.data = "{}";
  cites.records.push_back(record);
  record.data = R"({"id":"r1","evidence_set":[1,2]})";
  cites.records.push_back(record);
  record.stance = evgraph::Stance::unstated;
  record.label.clear();
  record.certainty = evgraph::Certainty::unstated;
  record.data.clear();
  cites.records.push_back(record);
  graph.add_edge(c, s, cites);
  graph.add_edge(d, s, make_edge(EdgeType::lists, {}));
  graph.add_edge(c, c2, make_edge(EdgeType::similar_to, {}, false, 0.667));
  graph.add_edge(c2, c, make_edge(EdgeType::similar_to, {}, false, 1.0));
  check_same_document(graph, "hand-made");
  check_same_document(EvidenceGraph{}, "empty graph");
}

TEST_CASE("the data the readers store is compact JSON, spliced as it was re-dumped", "[export]") {
  Diagnostics diagnostics;
  // A coding sheet that names a column twice, with quotes, controls and non-ASCII in its cells.
  const Text sheet = make_text("sheet.csv",
                               "claim,ref,note,note,x\n"
                               "Peer groups help.,10.1000/a,\"one \"\"q\"\"\",two\t\x01,é\n"
                               "Peer groups help more.,10.1000/b,,,\n",
                               diagnostics);
  const FieldMap map{{{"text", "claim"}, {"source", "ref"}}};
  const Evidence from_sheet = detail::read_table(sheet, ',', map, default_lexicon(), diagnostics);
  // JSON Lines with nested values, numbers of every kind and a key given twice.
  const Text lines = make_text(
      "records.jsonl",
      "{\"claim\":\"Peer groups help.\",\"ref\":\"10.1000/a\",\"n\":1e2,\"m\":-0,\"big\":"
      "18446744073709551615,\"o\":{\"z\":1,\"a\":[1.50,\"\\u00e9\\/\"]},\"k\":1,\"k\":2}\n",
      diagnostics);
  const Evidence from_lines = detail::read_jsonl(lines, map, default_lexicon(), diagnostics);
  // A graph file whose data is written as strings, as objects, and not as JSON at all.
  const Text graph_file = make_text("graph.json", R"({"nodes": [
    {"id": "document:a", "type": "document", "label": "a", "path": "a"},
    {"id": "claim:1", "type": "claim", "label": "c", "text": "c"},
    {"id": "source:url:a", "type": "source", "label": "a", "data": "{ \"b\" : 1.0, \"a\": \"\\u00e9\" }"},
    {"id": "source:url:b", "type": "source", "label": "b", "data": "plain text"},
    {"id": "source:url:c", "type": "source", "label": "c", "data": "123"},
    {"id": "source:url:d", "type": "source", "label": "d", "data": {"z": [1, 2e0], "a": null}},
    {"id": "source:url:e", "type": "source", "label": "e", "data": ""},
    {"id": "source:url:f", "type": "source", "label": "f", "data": "\"quoted\""}],
   "links": [{"source": "claim:1", "target": "source:url:a", "type": "cites", "records": [
    {"document": "x", "line": 1, "data": "{\"id\": \"r\"}"},
    {"document": "x", "line": 2, "data": {"id": "s", "n": 1E3}},
    {"document": "x", "line": 3, "data": "{}"},
    {"document": "x", "line": 4, "data": {}},
    {"document": "x", "line": 5, "data": "not json"}]}]})",
                                    diagnostics);
  const EvidenceGraph read_back = read_graph_json(graph_file, diagnostics);

  const Evidence both[] = {from_sheet, from_lines};
  const EvidenceGraph built = build_graph(both);
  for (const EvidenceGraph* graph : {&built, &read_back}) {
    check_data_is_compact(*graph, "readers");
    check_same_document(*graph, "readers");
  }
  const auto data_of = [&](std::string_view id) {
    return read_back.node(*read_back.find(id)).data;
  };
  CHECK(data_of("source:url:a") == R"({"b":1.0,"a":"é"})");
  CHECK(data_of("source:url:b") == R"("plain text")");
  CHECK(data_of("source:url:c") == "123");
  CHECK(data_of("source:url:d") == R"({"z":[1,2.0],"a":null})");
  CHECK(data_of("source:url:e").empty());
  CHECK(data_of("source:url:f") == R"("quoted")");
  CHECK(from_sheet.claims.at(0).citations.at(0).records.at(0).data ==
        R"({"note":"two\t\u0001","x":"é"})");
  CHECK(from_lines.claims.at(0).citations.at(0).records.at(0).data ==
        R"({"n":100.0,"m":0,"big":18446744073709551615,"o":{"z":1,"a":[1.5,"é/"]},"k":2})");
}
