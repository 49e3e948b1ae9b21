// Diagrams rendered through gvc: the right file type, the ids and links a web page needs, no link
// that could run script, a drawing of the seed about as wide as it is tall, and sfdp past
// kDotNodeLimit nodes.
#include <catch2/catch.hpp>
#include <memory>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "evgraph/cli.hpp"
#include "test_support.hpp"

namespace {

using namespace evgraph;
using test::make_node;
using test::make_source;

EvidenceGraph sample() {
  EvidenceGraph g;
  const Vertex doc = g.add_node(make_node("document:answer.md", NodeType::document, "answer.md"));
  Node claim = make_node("claim:00000000000000aa", NodeType::claim, "Peer support <helps> & \\N");
  claim.text = "Peer support <helps> & \\N \"quoted\"";
  const Vertex c = g.add_node(claim);
  const Vertex pubmed =
      g.add_node(make_source("source:pubmed:123", "https://pubmed.ncbi.nlm.nih.gov/123/?a=1&b=2"));
  const Vertex script = g.add_node(make_source("source:url:javascript", "JavaScript:alert(1)"));
  const Vertex breakout =
      g.add_node(make_source("source:url:breakout", "https://x.org/\"><script>alert(1)</script>"));
  g.add_node(make_source("source:url:x.org/?a=1&amp;b=2", "https://x.org/?a=1&amp;b=2"));
  g.add_edge(doc, c, make_edge(EdgeType::asserts, {}, false, {}));
  g.add_edge(c, pubmed, make_edge(EdgeType::cites, {"1"}, false, {}));
  g.add_edge(c, script, make_edge(EdgeType::cites, {"2"}, true, {}));
  g.add_edge(c, breakout, make_edge(EdgeType::cites, {"3"}, false, {}));
  return g;
}

std::string rendered(const EvidenceGraph& g, Format format) {
  std::ostringstream out;
  render(g, format, out);
  return out.str();
}

bool ampersands_are_entities(const std::string& xml) {
  for (auto at = xml.find('&'); at != std::string::npos; at = xml.find('&', at + 1)) {
    const std::string_view rest = std::string_view(xml).substr(at);
    if (!rest.starts_with("&amp;") && !rest.starts_with("&lt;") && !rest.starts_with("&gt;") &&
        !rest.starts_with("&quot;") && !rest.starts_with("&apos;") && !rest.starts_with("&#")) {
      return false;
    }
  }
  return true;
}

// gvContext() adds a node label default to every graph opened after it in the process; this one is
// computed before main, so before any gvContext().
const std::string dot_before_any_render = to_dot(sample());

}  // namespace

TEST_CASE("svg png and pdf start with their magic bytes", "[render]") {
  const EvidenceGraph g = sample();
  const std::string svg = rendered(g, Format::svg);
  CHECK(svg.starts_with("<?xml"));
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(rendered(g, Format::png).starts_with("\x89PNG\r\n\x1a\n"));
  CHECK(rendered(g, Format::pdf).starts_with("%PDF-"));
}

TEST_CASE("the svg carries node ids classes and source links", "[render]") {
  const std::string svg = rendered(sample(), Format::svg);
  CHECK(svg.find("id=\"claim:00000000000000aa\"") != std::string::npos);
  CHECK(svg.find("id=\"source:pubmed:123\"") != std::string::npos);
  CHECK(svg.find("class=\"node claim\"") != std::string::npos);
  CHECK(svg.find("class=\"edge cites ambiguous\"") != std::string::npos);
  CHECK(svg.find("<a xlink:href=\"https://pubmed.ncbi.nlm.nih.gov/123/?a=1&amp;b=2\"") !=
        std::string::npos);
  CHECK(svg.find("target=\"_blank\"") != std::string::npos);
  // An id holding the text "&amp;" keeps it: the SVG says "&amp;amp;". No claim cites the source,
  // so it is drawn apart.
  CHECK(svg.find("<g id=\"source:url:x.org/?a=1&amp;amp;b=2\" class=\"node source uncited\">") !=
        std::string::npos);
  CHECK(svg.find("xlink:href=\"https://x.org/?a=1&amp;amp;b=2\"") != std::string::npos);
  CHECK(svg.find("&lt;helps&gt; &amp; \\N") != std::string::npos);
  CHECK(ampersands_are_entities(svg));
}

TEST_CASE("a javascript url is never a link and a url cannot break out of its attribute",
          "[render]") {
  const std::string svg = rendered(sample(), Format::svg);
  std::string lower = svg;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  CHECK(lower.find("href=\"javascript:") == std::string::npos);
  CHECK(lower.find("<script") == std::string::npos);
  CHECK(svg.find("https://x.org/%22%3E%3Cscript%3Ealert(1)%3C/script%3E") != std::string::npos);
}

TEST_CASE("the legend renders as a table and not as markup text", "[render]") {
  const std::string svg = rendered(sample(), Format::svg);
  CHECK(svg.find(">Legend</text>") != std::string::npos);
  CHECK(svg.find("&lt;TABLE") == std::string::npos);
}

TEST_CASE("rendering does not change the DOT text", "[render]") {
  rendered(sample(), Format::svg);
  CHECK(to_dot(sample()) == dot_before_any_render);
}

TEST_CASE("text formats are not rendered", "[render]") {
  std::ostringstream out;
  CHECK_THROWS_AS(render(sample(), Format::json, out), Error);
  CHECK_THROWS_AS(render(sample(), Format::dot, out), Error);
  CHECK(out.str().empty());
}

TEST_CASE("the same graph renders to the same svg whatever the heap holds", "[render]") {
  const EvidenceGraph g = sample();
  const std::string first = rendered(g, Format::svg);
  for (int round = 0; round < 5; ++round) {
    std::vector<std::unique_ptr<std::string>> churn;
    for (int i = 0; i < 500 * (round + 1); ++i) {
      churn.push_back(std::make_unique<std::string>(static_cast<std::size_t>(i % 61), 'x'));
    }
    CHECK(rendered(sample(), Format::svg) == first);
  }
}

namespace {

// The shipped example, as `cmake --build build --target men-peer-support` builds it.
EvidenceGraph seed_graph() {
  Diagnostics diagnostics;
  const std::string folder = std::string(EVGRAPH_SOURCE_DIR) + "/graphs/men-peer-support/";
  const Lexicon lexicon = default_lexicon().merged_with(read_lexicon(folder + "lexicon.json"));
  const Text text = read_text(folder + "men-peer-support.txt", diagnostics);
  const Evidence evidence = extract(parse_answer(text, diagnostics), lexicon, diagnostics);
  return build_graph(std::span(&evidence, 1));
}

// The width and height, in points, that the svg element declares.
std::pair<double, double> svg_size(const std::string& svg) {
  const auto number = [&](const std::string& key) {
    const auto at = svg.find(key + "=\"");
    REQUIRE(at != std::string::npos);
    return std::stod(svg.substr(at + key.size() + 2));
  };
  return {number("width"), number("height")};
}

// Past the limit: claims citing sources and reporting outcomes, in a chain of similar claims.
EvidenceGraph large_graph() {
  EvidenceGraph g;
  std::vector<Vertex> claims;
  for (std::size_t i = 0; i < kDotNodeLimit / 2; ++i) {
    claims.push_back(g.add_node(
        test::make_claim("claim:" + std::to_string(i), "Claim " + std::to_string(i) + ".")));
    if (i > 0)
      g.add_edge(claims[i - 1], claims[i], make_edge(EdgeType::similar_to, {}, false, 0.8));
  }
  for (std::size_t i = 0; i <= kDotNodeLimit / 2; ++i) {
    const Vertex source = g.add_node(make_source("source:url:example.org/" + std::to_string(i),
                                                 "https://example.org/" + std::to_string(i)));
    g.add_edge(claims[i % claims.size()], source, make_edge(EdgeType::cites, {"1"}, false, {}));
  }
  return g;
}

}  // namespace

TEST_CASE("the seed renders about as wide as it is tall", "[render]") {
  const EvidenceGraph seed = seed_graph();
  REQUIRE(layout_engine_for(seed) == "dot");
  const auto [width, height] = svg_size(rendered(seed, Format::svg));
  INFO(width << " x " << height << " pt");
  CHECK(width < 1.6 * height);
  CHECK(height < 1.6 * width);
  CHECK(height < 1600);  // one column of 50 sources and concepts was 3,000
}

TEST_CASE("past kDotNodeLimit nodes diagrams are laid out with sfdp and the CLI says so",
          "[render][cli]") {
  const EvidenceGraph g = large_graph();
  REQUIRE(g.node_count() == kDotNodeLimit + 1);
  CHECK(layout_engine_for(g) == "sfdp");
  std::ostringstream json;
  write_json(g, json);

  std::istringstream in(json.str());
  std::ostringstream out;
  std::ostringstream err;
  CHECK(cli::run({"convert", "-", "-o", "-", "--to", "svg"}, in, out, err) == 0);
  CHECK_THAT(err.str(), Catch::Contains("evgraph: note: 2,001 nodes: laid out with sfdp (dot is "
                                        "used up to 2,000 nodes)\n"));
  const std::string svg = out.str();
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(svg.find("<g id=\"claim:0\" class=\"node claim\">") != std::string::npos);
  CHECK(svg.find("<g id=\"link0\" class=\"edge similar_to\">") != std::string::npos);
  Diagnostics diagnostics;
  const EvidenceGraph back = read_graph_json(make_text("-", json.str(), diagnostics), diagnostics);
  CHECK(rendered(back, Format::svg) == svg);  // seeded: the same layout every time

  std::istringstream again(json.str());
  std::ostringstream text;
  std::ostringstream quiet;
  CHECK(cli::run({"convert", "-", "-o", "-", "--to", "json"}, again, text, quiet) == 0);
  CHECK(quiet.str().find("note:") == std::string::npos);  // nothing was laid out
}

TEST_CASE("up to kDotNodeLimit nodes nothing is said about the layout", "[render][cli]") {
  std::ostringstream json;
  write_json(sample(), json);
  std::istringstream in(json.str());
  std::ostringstream out;
  std::ostringstream err;
  CHECK(cli::run({"convert", "-", "-o", "-", "--to", "svg"}, in, out, err) == 0);
  CHECK(err.str().find("note:") == std::string::npos);
}
