// The streamed DOT (write_dot, dot_writer.cpp) read back through cgraph is the graph that
// graphviz::build_cgraph makes of the same EvidenceGraph, the one render() lays out: the same
// root, node and edge defaults; the same nodes, edges and subgraphs, in the same order, with the
// same names, keys and ends; the same value of every attribute on every object, HTML where it is
// HTML. Checked on the seed, every answer in ../shared/corpus/answers, the torture fixtures,
// generated corpora on both sides of kDotNodeLimit, and a graph of hostile ids and texts with
// every kind of node and edge.
#include <graphviz/cgraph.h>

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <filesystem>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "export/graphviz.hpp"
#include "test_support.hpp"

namespace {

using namespace evgraph;
using test::make_claim;
using test::make_node;
using test::make_source;

using Parsed = graphviz::GraphHandle;  // agclose()s the graph cgraph read

// ---------------------------------------------------------------------------------------------
// Comparing two cgraph graphs

// An attribute's value as a reader finds it: empty when it is not declared.
struct Value {
  std::string text;
  bool html = false;
  bool operator==(const Value&) const = default;
};

Value value_of(const char* text) {
  return text == nullptr ? Value{} : Value{text, aghtmlstr(const_cast<char*>(text)) != 0};
}

std::string shown(const Value& value) {
  const std::string text = value.text.size() > 200 ? value.text.substr(0, 200) + "…" : value.text;
  return value.html ? "<" + text + ">" : "\"" + text + "\"";
}
std::string shown(const std::string& text) {
  return "\"" + text + "\"";
}
std::string shown(const std::vector<std::string>& list) {
  std::string out = "[";
  for (std::size_t i = 0; i < list.size() && i < 12; ++i) out += (i > 0 ? ", " : "") + list[i];
  return out + (list.size() > 12 ? ", … " + std::to_string(list.size()) + " in all]" : "]");
}
std::string shown(long long number) {
  return std::to_string(number);
}

std::string name_of(void* object) {
  const char* name = agnameof(object);
  return name == nullptr ? std::string() : std::string(name);
}

// The order cgraph created an object in (its reader: the order the text first names it).
long long sequence_of(void* object) {
  return static_cast<long long>(static_cast<Agobj_t*>(object)->tag.seq);
}

Value attribute_of(void* object, std::string name) {
  return value_of(agget(object, name.data()));
}

Value default_of(Agraph_t* graph, int kind, std::string name) {
  Agsym_t* symbol = agattr(graph, kind, name.data(), nullptr);
  return symbol == nullptr ? Value{} : value_of(symbol->defval);
}

std::vector<Agraph_t*> subgraphs_of(Agraph_t* graph) {
  std::vector<Agraph_t*> subgraphs;
  for (Agraph_t* sub = agfstsubg(graph); sub != nullptr; sub = agnxtsubg(sub)) {
    subgraphs.push_back(sub);
  }
  std::sort(subgraphs.begin(), subgraphs.end(),
            [](Agraph_t* a, Agraph_t* b) { return sequence_of(a) < sequence_of(b); });
  return subgraphs;
}

// Every difference between `expected` and `actual`, one line each, naming where it is. An
// attribute declared on one side only compares as empty on the other, as Graphviz reads it. Ids
// are not compared: they come from the id discipline (dot.cpp's NameTable, or addresses).
class Comparison {
 public:
  Comparison(Agraph_t* expected, Agraph_t* actual) {
    check("directed", agisdirected(expected), agisdirected(actual));
    check("strict", agisstrict(expected), agisstrict(actual));
    check("graph name", name_of(expected), name_of(actual));
    check("nodes", agnnodes(expected), agnnodes(actual));
    check("edges", agnedges(expected), agnedges(actual));
    for (int kind : {AGRAPH, AGNODE, AGEDGE}) {
      std::set<std::string> names;
      for (Agraph_t* graph : {expected, actual}) {
        for (Agsym_t* symbol = agnxtattr(graph, kind, nullptr); symbol != nullptr;
             symbol = agnxtattr(graph, kind, symbol)) {
          names.insert(symbol->name);
        }
      }
      names_.at(static_cast<std::size_t>(kind)).assign(names.begin(), names.end());
      for (const std::string& name : names) {
        check("default of " + kKinds.at(static_cast<std::size_t>(kind)) + " " + name,
              default_of(expected, kind, name), default_of(actual, kind, name));
      }
    }
    attributes("graph", expected, actual, AGRAPH);
    nodes(expected, actual);
    subgraphs("", expected, actual);
  }

  // The first differences, and how many there are.
  std::string report() const {
    std::string out;
    for (std::size_t i = 0; i < differences_.size() && i < 20; ++i) {
      out += differences_[i] + "\n";
    }
    if (differences_.size() > 20) out += std::to_string(differences_.size()) + " differences\n";
    return out;
  }

 private:
  template <class T>
  void check(const std::string& what, const T& expected, const T& actual) {
    if (!(expected == actual)) {
      differences_.push_back(what + ": " + shown(expected) + " in build_cgraph, " + shown(actual) +
                             " in the text");
    }
  }
  void check(const std::string& what, int expected, int actual) {
    check(what, static_cast<long long>(expected), static_cast<long long>(actual));
  }

  void attributes(const std::string& where, void* expected, void* actual, int kind) {
    for (const std::string& name : names_.at(static_cast<std::size_t>(kind))) {
      check(where + " " + name, attribute_of(expected, name), attribute_of(actual, name));
    }
  }

  void nodes(Agraph_t* expected, Agraph_t* actual) {
    Agnode_t* a = agfstnode(actual);
    for (Agnode_t* e = agfstnode(expected); e != nullptr && a != nullptr;
         e = agnxtnode(expected, e), a = agnxtnode(actual, a)) {
      const std::string where = "node " + name_of(e);
      check(where + " name", name_of(e), name_of(a));
      check(where + " order", sequence_of(e), sequence_of(a));
      attributes(where, e, a, AGNODE);
      check(where + " out-edges", agdegree(expected, e, 0, 1), agdegree(actual, a, 0, 1));
      Agedge_t* out = agfstout(actual, a);
      for (Agedge_t* edge = agfstout(expected, e); edge != nullptr && out != nullptr;
           edge = agnxtout(expected, edge), out = agnxtout(actual, out)) {
        const std::string at = "edge " + name_of(agtail(edge)) + " -> " + name_of(aghead(edge)) +
                               " " + shown(attribute_of(edge, "id"));
        check(at + " tail", name_of(agtail(edge)), name_of(agtail(out)));
        check(at + " head", name_of(aghead(edge)), name_of(aghead(out)));
        check(at + " key", name_of(edge), name_of(out));
        check(at + " order", sequence_of(edge), sequence_of(out));
        attributes(at, edge, out, AGEDGE);
      }
    }
  }

  // Subgraphs in the order they were created, with their attributes, defaults and members.
  void subgraphs(const std::string& path, Agraph_t* expected, Agraph_t* actual) {
    const std::vector<Agraph_t*> all_expected = subgraphs_of(expected);
    const std::vector<Agraph_t*> all_actual = subgraphs_of(actual);
    check(path + "subgraphs", names(all_expected), names(all_actual));
    for (std::size_t i = 0; i < all_expected.size() && i < all_actual.size(); ++i) {
      Agraph_t* e = all_expected[i];
      Agraph_t* a = all_actual[i];
      const std::string where = path + "subgraph " + name_of(e);
      // A subgraph's own graph defaults are the values a reader sets on it; node and edge
      // defaults are inherited, and must be the same.
      attributes(where, e, a, AGRAPH);
      for (int kind : {AGNODE, AGEDGE}) {
        for (const std::string& name : names_.at(static_cast<std::size_t>(kind))) {
          check(where + " default of " + kKinds.at(static_cast<std::size_t>(kind)) + " " + name,
                default_of(e, kind, name), default_of(a, kind, name));
        }
      }
      check(where + " nodes", members(e), members(a));
      check(where + " edges", edges(e), edges(a));
      subgraphs(where + " / ", e, a);
    }
  }

  static std::vector<std::string> names(const std::vector<Agraph_t*>& graphs) {
    std::vector<std::string> out;
    for (Agraph_t* graph : graphs) out.push_back(name_of(graph));
    return out;
  }
  static std::vector<std::string> members(Agraph_t* graph) {
    std::vector<std::string> out;
    for (Agnode_t* n = agfstnode(graph); n != nullptr; n = agnxtnode(graph, n)) {
      out.push_back(name_of(n));
    }
    return out;
  }
  static std::vector<std::string> edges(Agraph_t* graph) {
    std::vector<std::string> out;
    for (Agnode_t* n = agfstnode(graph); n != nullptr; n = agnxtnode(graph, n)) {
      for (Agedge_t* e = agfstout(graph, n); e != nullptr; e = agnxtout(graph, e)) {
        out.push_back(name_of(agtail(e)) + " -> " + name_of(aghead(e)));
      }
    }
    return out;
  }

  inline static const std::array<std::string, 3> kKinds = {"graph", "node", "edge"};
  std::array<std::vector<std::string>, 3> names_;  // attribute names by kind (AGRAPH = 0…)
  std::vector<std::string> differences_;
};

// build_cgraph(graph) compared with `text` read back through cgraph.
std::string differences(const EvidenceGraph& graph, const std::string& text) {
  std::lock_guard lock(graphviz::mutex());
  const Parsed read(agmemread(text.c_str()));
  if (!read) return "cgraph could not read the text\n";
  const graphviz::GraphHandle built = graphviz::build_cgraph(graph);
  return Comparison(built.get(), read.get()).report();
}

// Streams `graph` as DOT and compares it with build_cgraph(graph); to_dot gives the same text.
void check_stream(const EvidenceGraph& graph) {
  std::ostringstream out;
  write_dot(graph, out);
  const std::string text = out.str();
  const bool same_text = to_dot(graph) == text;
  CHECK(same_text);
  CHECK(differences(graph, text) == "");
}

// ---------------------------------------------------------------------------------------------
// Graphs

EvidenceGraph graph_of(const std::vector<std::filesystem::path>& paths, const Lexicon& lexicon) {
  Diagnostics diagnostics;
  std::vector<Evidence> evidence;
  for (const auto& path : paths) {
    const Text text = read_text(path, diagnostics);
    evidence.push_back(read_evidence(text, std::nullopt, FieldMap{}, lexicon, diagnostics));
  }
  return build_graph(evidence, &diagnostics);
}

EvidenceGraph graph_of_answers(const std::vector<std::string>& answers) {
  Diagnostics diagnostics;
  std::vector<Evidence> evidence;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const Text text = make_text("answer-" + std::to_string(i) + ".txt", answers[i], diagnostics);
    evidence.push_back(
        read_evidence(text, std::nullopt, FieldMap{}, default_lexicon(), diagnostics));
  }
  return build_graph(evidence, &diagnostics);
}

// Answers in the seed's shape, as bench/generate_answers.py writes them at scale: blocks of claims
// ending in markers, each block followed by its citation list; sources recur across blocks from
// one pool; some numbers are defined twice (ambiguous cites) or never cited, some claims are
// commentary or uncited; texts carry quotes, backslashes, entities, tags, tabs, a control
// character and non-ASCII text. The same arguments give the same answers.
std::vector<std::string> generated_answers(std::size_t claims, std::size_t documents) {
  constexpr std::array<std::string_view, 8> kPopulations = {
      "veterans", "older men", "fathers", "farmers", "refugees", "students", "carers", "athletes"};
  constexpr std::array<std::string_view, 8> kInterventions = {
      "peer support groups", "men's sheds", "online support groups",
      "talking therapy",     "CBT",         "exercise",
      "social prescribing",  "helplines"};
  constexpr std::array<std::string_view, 10> kOutcomes = {
      "loneliness", "isolation",  "depressive symptoms", "anxiety",         "wellbeing",
      "stigma",     "resilience", "help-seeking",        "quality of life", "self-esteem"};
  constexpr std::array<std::string_view, 6> kDesigns = {"A randomised trial", "A qualitative study",
                                                        "A cohort study",     "A survey",
                                                        "This review",        "A pilot study"};
  constexpr std::array<std::string_view, 12> kAsides = {
      "",
      "",
      "",
      "",
      " They said \"it helped\".",
      " A back\\slash and \\N stay.",
      " Fish & chips &amp; <b>tea</b>.",
      " Caf\u00e9 na\u00efve \u4e2d\u6587 \U0001F600 \u05e2\u05d1\u05e8\u05d9\u05ea.",
      " A tab\there.",
      " A bell \x07 rang.",
      " Braces { } [x] ; = -> node graph.",
      " 50% of \"men\" \\\\ said so\\"};
  std::mt19937 random(20251204);
  const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  const std::size_t pool = std::max<std::size_t>(claims / 3, 10);
  const auto url = [&]() {
    const std::size_t n = pool * pick(1000) * pick(1000) / 1000000;  // popular sources recur
    switch (n % 6) {
      case 0:
        return "https://pubmed.ncbi.nlm.nih.gov/" + std::to_string(10000000 + n) + "/";
      case 1:
        return "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC" + std::to_string(1000000 + n) + "/";
      case 2:
        return "https://doi.org/10.1000/xyz." + std::to_string(n);
      case 3:
        return "https://example.org/search?q=men&id=" + std::to_string(n) + "&lang=en";
      case 4:
        return "http://example.com/a%20b/" + std::to_string(n);
      default:
        return "ftp://files.example.net/report-" + std::to_string(n) + ".pdf";
    }
  };
  std::vector<std::string> answers(documents);
  for (std::size_t written = 0, block = 0; written < claims; ++block) {
    std::string& answer = answers[block % documents];
    const std::size_t listed = 2 + pick(6);
    const std::size_t count = std::min(claims - written, 3 + pick(7));
    for (std::size_t i = 0; i < count; ++i, ++written) {
      const std::string_view population = kPopulations[pick(kPopulations.size())];
      const std::string_view intervention = kInterventions[pick(kInterventions.size())];
      const std::string_view outcome = kOutcomes[pick(kOutcomes.size())];
      if (pick(30) == 0) {
        answer += "The other search results provide some relevant context on " +
                  std::string(outcome) + ", but do not directly address " +
                  std::string(intervention) + " for " + std::string(population) + ".";
      } else {
        answer += std::string(kDesigns[pick(kDesigns.size())]) + " of " +
                  std::to_string(12 + pick(4000)) + " " + std::string(population) + " found that " +
                  std::string(intervention) + " improved " + std::string(outcome) + " after " +
                  std::to_string(3 + pick(30)) + " months." +
                  std::string(kAsides[pick(kAsides.size())]);
      }
      if (pick(25) != 0) answer += "[" + std::to_string(1 + pick(listed)) + "]";
      if (pick(4) == 0) answer += "[" + std::to_string(1 + pick(listed)) + "]";
      answer += "\n";
    }
    answer += "Citations:\n";
    for (std::size_t n = 1; n <= listed; ++n)
      answer += "[" + std::to_string(n) + "] " + url() + "\n";
    if (pick(12) == 0) answer += "[" + std::to_string(1 + pick(listed)) + "] " + url() + "\n";
    if (pick(10) == 0) answer += "[" + std::to_string(listed + 1) + "] " + url() + "\n";
    answer += "\n";
  }
  return answers;
}

Edge curated(std::string stance, std::string certainty, std::size_t records) {
  Edge edge = make_edge(EdgeType::cites);
  edge.stance = stance_from_string(stance).value();
  edge.certainty = certainty_from_string(certainty).value();
  for (std::size_t i = 0; i < records; ++i) {
    StanceRecord record;
    record.stance = edge.stance;
    record.label = stance;
    edge.records.push_back(record);
  }
  return edge;
}

// Every kind of node and edge, ids that cannot be names as they are, texts of every escaping
// hazard.
EvidenceGraph hostile_graph() {
  EvidenceGraph g;
  Node document = make_node("document:answers/a \"b\".md", NodeType::document, "a \"b\".md");
  document.path = "answers/a \"b\".md";
  const Vertex doc = g.add_node(document);
  const Vertex bare = g.add_node(make_node("document:%1", NodeType::document, ""));
  const std::vector<std::string> ids = {
      "node",
      "graph",
      "SubGraph",
      "-12.5",
      ".5",
      "1e5",
      "%1",
      "Z\u00fcrich",
      "claim:say \"hi\" and \"\"",
      "claim:C:\\docs\\answer \\\\ end \\",
      "claim:\\N \\G \\l \\\" \\",
      std::string("claim:bell\a nul") + '\0' + "end",
      "claim:caf\xE9 \xFF\xFE \xEF\xBF\xBE ok",
      "claim:two\nlines\tand a tab",
      "claim:<script>alert('x')</script> &amp; & <b>",
      "claim:" + std::string(300, 'x') + " " + std::string(40, '\\') + "\"",
  };
  std::vector<Vertex> claims;
  for (const std::string& id : ids) {
    claims.push_back(g.add_node(make_claim(id, id.substr(id.find(':') + 1))));
    g.add_edge(doc, claims.back(), make_edge(EdgeType::asserts));
  }
  Node many = make_claim("claim:many", "Seen in many places.", ClaimKind::commentary);
  for (std::size_t i = 0; i < 12; ++i) {
    many.occurrences.push_back({"doc " + std::to_string(i) + ".md", i, 1, 1, {"1"}, {}});
  }
  const Vertex commentary = g.add_node(many);
  Node empty = make_claim("claim:empty", "");
  empty.label = "An empty text \\ & a label";
  const Vertex unlabelled = g.add_node(empty);

  Node work = make_source("source:doi:10.1000/x", "HTTPS://example.org/a b?c=1&d=\"2\"<3>{}|^`");
  work.title = "Fish & chips: a \"study\" \\ <i>two</i>";
  work.authors = {"O'Brien, \"Pat\"", "Nguy\u1ec5n, V\u0103n"};
  work.year = "2020";
  const Vertex linked = g.add_node(work);
  Node one_author = make_source("source:pubmed:1", "https://pubmed.ncbi.nlm.nih.gov/1/");
  one_author.authors = {"Solo, Han"};
  const Vertex solo = g.add_node(one_author);
  const Vertex script = g.add_node(make_source("source:url:javascript", "javascript:alert(1)"));
  const Vertex nowhere = g.add_node(make_source("source:s2:\\back", ""));

  const Vertex population = g.add_node(make_node("population:men", NodeType::population, "men"));
  const Vertex intervention =
      g.add_node(make_node("intervention:sheds", NodeType::intervention, "men's sheds"));
  const Vertex outcome = g.add_node(make_node("outcome:joy", NodeType::outcome, "joy & \"fun\""));

  g.add_edge(doc, linked, make_edge(EdgeType::lists, {"1"}));
  g.add_edge(doc, script, make_edge(EdgeType::lists, {"2", "2"}));
  g.add_edge(claims[0], linked, make_edge(EdgeType::cites, {"1"}));
  g.add_edge(claims[1], script, make_edge(EdgeType::cites, {"2"}, true));
  g.add_edge(claims[2], linked, curated("supports", "high", 1));
  g.add_edge(claims[3], solo, curated("contrasts", "", 3));
  g.add_edge(claims[4], nowhere, curated("mixed", "mixed", 2));
  g.add_edge(claims[5], solo, curated("mentions", "low", 1));
  g.add_edge(claims[6], population, make_edge(EdgeType::concerns));
  g.add_edge(claims[7], intervention, make_edge(EdgeType::about));
  g.add_edge(claims[8], outcome, make_edge(EdgeType::reports));
  g.add_edge(claims[9], claims[10], make_edge(EdgeType::similar_to, {}, false, 0.876));
  g.add_edge(claims[10], claims[9], make_edge(EdgeType::similar_to));
  g.add_edge(commentary, claims[0], make_edge(EdgeType::similar_to, {}, false, 1.0));
  g.add_edge(doc, outcome, make_edge(EdgeType::asserts));
  g.add_edge(outcome, doc, make_edge(EdgeType::about));
  g.add_edge(unlabelled, population, make_edge(EdgeType::concerns));
  g.add_edge(bare, unlabelled, make_edge(EdgeType::asserts));
  return g;
}

// No document: the cites edge points back, so nothing but a layout edge holds the source.
EvidenceGraph tied_parts() {
  EvidenceGraph g;
  const Vertex claim = g.add_node(make_claim("claim:1", "Peer groups help."));
  const Vertex source = g.add_node(make_source("source:pubmed:1", "https://pubmed.example/1"));
  const Vertex outcome = g.add_node(make_node("outcome:help", NodeType::outcome, "help"));
  g.add_edge(claim, source, make_edge(EdgeType::cites, {"1"}));
  g.add_edge(claim, outcome, make_edge(EdgeType::reports));
  return g;
}

}  // namespace

TEST_CASE("the streamed DOT of the seed reads back as build_cgraph's graph", "[export]") {
  const std::filesystem::path dir =
      std::filesystem::path(EVGRAPH_SOURCE_DIR) / "graphs" / "men-peer-support";
  const Lexicon lexicon = default_lexicon().merged_with(read_lexicon(dir / "lexicon.json"));
  check_stream(graph_of({dir / "men-peer-support.txt"}, lexicon));
}

TEST_CASE("the streamed DOT of every corpus answer reads back as build_cgraph's graph",
          "[export]") {
  const auto dir = std::filesystem::path(EVGRAPH_SHARED_DIR) / "corpus" / "answers";
  if (!std::filesystem::exists(dir)) {
    WARN("skipped: " << dir.string() << " is absent");
    return;
  }
  std::vector<std::filesystem::path> answers;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file()) answers.push_back(entry.path());
  }
  std::sort(answers.begin(), answers.end());
  CHECK(answers.size() >= 6);
  for (const auto& answer : answers) {
    INFO(answer.string());
    check_stream(graph_of({answer}, default_lexicon()));
  }
  check_stream(graph_of(answers, default_lexicon()));
}

TEST_CASE("the streamed DOT of the torture fixtures reads back as build_cgraph's graph",
          "[export][torture]") {
  const auto dir = std::filesystem::path(EVGRAPH_SOURCE_DIR) / "tests" / "fixtures" / "torture";
  for (const char* name : {"torture.json", "xml_chars.json"}) {
    INFO(name);
    check_stream(graph_of({dir / name}, default_lexicon()));
  }
}

TEST_CASE("the streamed DOT of hostile ids and texts reads back as build_cgraph's graph",
          "[export]") {
  const EvidenceGraph g = hostile_graph();
  REQUIRE(layout_engine_for(g) == "dot");
  check_stream(g);
  const EvidenceGraph tied = tied_parts();
  CHECK(to_dot(tied).find("class=layout") != std::string::npos);
  check_stream(tied);
  check_stream(EvidenceGraph{});
}

TEST_CASE("the streamed DOT of random Unicode reads back as build_cgraph's graph",
          "[export][property]") {
  for (const std::uint32_t seed : {5u, 6u}) {
    check_stream(evgraph::test::graph_of_texts(evgraph::test::random_texts(150, seed)));
  }
}

TEST_CASE("the streamed DOT of a generated corpus for dot reads back as build_cgraph's graph",
          "[export]") {
  const EvidenceGraph g = graph_of_answers(generated_answers(800, 8));
  INFO(g.node_count() << " nodes, " << g.edge_count() << " edges");
  REQUIRE(g.node_count() > 1000);
  REQUIRE(layout_engine_for(g) == "dot");
  check_stream(g);
}

TEST_CASE("the streamed DOT of a generated corpus for sfdp reads back as build_cgraph's graph",
          "[export]") {
  const EvidenceGraph g = graph_of_answers(generated_answers(3000, 20));
  INFO(g.node_count() << " nodes, " << g.edge_count() << " edges");
  REQUIRE(layout_engine_for(g) == "sfdp");
  check_stream(g);
}

TEST_CASE("the DOT comparison finds a changed attribute, edge order, member or escape",
          "[export]") {
  const EvidenceGraph g = hostile_graph();
  const std::string dot = to_dot(g);
  REQUIRE(differences(g, dot).empty());
  const auto changed = [&](std::string_view from, std::string_view to) {
    const auto at = dot.find(from);
    REQUIRE(at != std::string::npos);
    std::string text = dot;
    text.replace(at, from.size(), to);
    return differences(g, text);
  };
  CHECK_FALSE(changed("shape=folder", "shape=box").empty());             // a value
  CHECK_FALSE(changed(", shape=folder", "").empty());                    // a value left out
  CHECK_FALSE(changed("weight=1", "weight=2").empty());                  // a default
  CHECK_FALSE(changed("&amp;", "&").empty());                            // an escape
  CHECK_FALSE(changed("\\\\", "\\").empty());                            // an escape
  CHECK_FALSE(changed("label=<", "label=<<B>x</B>").empty());            // HTML
  CHECK_FALSE(changed("\t\t\"claim:many\";\n", "").empty());             // a member
  CHECK_FALSE(changed("rank=same", "rank=min").empty());                 // a subgraph's value
  CHECK_FALSE(changed("subgraph cluster_claim", "subgraph x").empty());  // a subgraph's name
  // Two edges swapped: the same graph but for their order.
  const auto first = dot.find(" -> ");
  const auto start = dot.rfind('\t', first);
  const auto end = dot.find('\n', first) + 1;
  const auto next_end = dot.find('\n', end) + 1;
  std::string swapped = dot;
  swapped.replace(start, next_end - start,
                  dot.substr(end, next_end - end) + dot.substr(start, end - start));
  CHECK_FALSE(differences(g, swapped).empty());
}
