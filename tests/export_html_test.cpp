// The interactive page as text: one self-contained document whose only classic script is the
// page's own, allowed by its hash; evidence text that cannot end the data element or become a
// link that is not http(s). tests/tools/check_page.js uses the page in Chromium.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>

#include "test_support.hpp"

namespace {

using namespace evgraph;
using test::make_claim;
using test::make_node;
using test::make_source;

constexpr std::string_view kHostile =
    "Groups help </script><script>window.evgraphPwned=1</script> <!-- & <b>veterans</b>.";

EvidenceGraph hostile_graph() {
  EvidenceGraph g;
  const Vertex doc = g.add_node(make_node("document:answer.md", NodeType::document, "answer.md"));
  const Vertex claim = g.add_node(make_claim("claim:00000000000000aa", std::string(kHostile)));
  const Vertex evil = g.add_node(make_source("source:key:evil", "javascript:alert(1)"));
  const Vertex good =
      g.add_node(make_source("source:pubmed:123", "https://pubmed.ncbi.nlm.nih.gov/123/?a=1&b=2"));
  const Vertex veterans =
      g.add_node(make_node("population:veterans", NodeType::population, "veterans"));
  g.add_edge(doc, claim, make_edge(EdgeType::asserts));
  g.add_edge(claim, evil, make_edge(EdgeType::cites, {"1"}));
  g.add_edge(claim, good, make_edge(EdgeType::cites, {"2"}));
  g.add_edge(claim, veterans, make_edge(EdgeType::concerns));
  return g;
}

std::string page_of(const EvidenceGraph& g) {
  std::ostringstream out;
  write_html(g, out);
  return out.str();
}

std::size_t count_of(const std::string& text, std::string_view what) {
  std::size_t count = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

std::string data_of(const std::string& page) {
  const std::string open = R"(<script type="application/json" id="evg-data">)";
  const auto start = page.find(open);
  REQUIRE(start != std::string::npos);
  const auto end = page.find("</script>", start);
  REQUIRE(end != std::string::npos);
  return page.substr(start + open.size(), end - start - open.size());
}

}  // namespace

TEST_CASE("the page is one HTML document with the SVG inline and no XML prolog", "[html]") {
  const std::string page = page_of(hostile_graph());
  CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  CHECK(page.ends_with("</html>\n"));
  CHECK(count_of(page, "<svg") == 1);
  CHECK(page.find("<?xml") == std::string::npos);
  CHECK(page.find("<!DOCTYPE svg") == std::string::npos);
  CHECK(page.find(R"(<g id="claim:00000000000000aa" class="node claim">)") != std::string::npos);
  CHECK(page.find(R"(<g id="link1" class="edge cites">)") != std::string::npos);
}

TEST_CASE("only the page's own script runs: a policy with its hash and no fetches", "[html]") {
  const std::string page = page_of(hostile_graph());
  // Two script elements: the inert data and the page's script. The evidence's "</script><script>"
  // stays inside the data's JSON strings as \u003c escapes.
  CHECK(count_of(page, "<script") == 2);
  CHECK(count_of(page, "</script>") == 2);
  const std::regex policy(
      R"(<meta http-equiv="Content-Security-Policy" content="default-src 'none'; )"
      R"(script-src 'sha256-[A-Za-z0-9+/]{43}='; )");
  CHECK(std::regex_search(page, policy));
  CHECK(page.find("'unsafe-inline'; img-src") != std::string::npos);  // styles only
  CHECK(page.find("'unsafe-eval'") == std::string::npos);
}

TEST_CASE("the data element holds the node-link JSON, evidence text intact", "[html]") {
  const EvidenceGraph g = hostile_graph();
  const std::string data = data_of(page_of(g));
  CHECK(data.find('<') == std::string::npos);
  CHECK(data.find('>') == std::string::npos);
  CHECK(data.find('&') == std::string::npos);
  const auto parsed = nlohmann::json::parse(data);
  std::ostringstream node_link;
  write_json(g, node_link);
  CHECK(parsed.at("graph") == nlohmann::json::parse(node_link.str()));
  CHECK(parsed.at("graph").at("nodes").at(1).at("text") == std::string(kHostile));
  REQUIRE(parsed.at("types").size() == std::size(kNodeTypes));
  CHECK(parsed.at("types").at(1) ==
        nlohmann::json::parse(R"({"type":"claim","title":"Claims","colour":"#99DDFF"})"));
}

TEST_CASE("a source link that is not http(s) never becomes a link on the page", "[html]") {
  const std::string page = page_of(hostile_graph());
  CHECK(page.find("href=\"javascript:") == std::string::npos);
  CHECK(page.find(R"(xlink:href="https://pubmed.ncbi.nlm.nih.gov/123/?a=1&amp;b=2")") !=
        std::string::npos);
}

TEST_CASE("the page is the same bytes every time", "[html]") {
  CHECK(page_of(hostile_graph()) == page_of(hostile_graph()));
}

TEST_CASE("an empty graph still makes a working page", "[html]") {
  const std::string page = page_of(EvidenceGraph{});
  CHECK(count_of(page, "<svg") == 1);
  CHECK(nlohmann::json::parse(data_of(page)).at("graph").at("nodes").empty());
}

TEST_CASE("the page names the graph in its title, escaped", "[html]") {
  EvidenceGraph g;
  g.add_node(make_node("document:a<b>.md", NodeType::document, "a<b>.md"));
  const std::string page = page_of(g);
  CHECK(page.find("<title>Evidence map: 0 claims from a&lt;b&gt;.md</title>") != std::string::npos);
}

TEST_CASE("html and htm name the page format", "[html]") {
  CHECK(format_from_path("evidence.html") == Format::html);
  CHECK(format_from_path("evidence.htm") == Format::html);
  CHECK(format_from_name("html") == Format::html);
}
