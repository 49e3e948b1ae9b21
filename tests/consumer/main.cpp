// Uses the installed library end to end: one short answer in, node-link JSON out.
// Exits non-zero unless the graph holds exactly one claim and one source.
#include <cstddef>
#include <evgraph/evgraph.hpp>
#include <iostream>
#include <sstream>
#include <string>

int main() {
  const std::string answer =
      "Peer support groups help reduce feelings of isolation for men.[1]\n"
      "Citations:\n"
      "[1] https://www.ncbi.nlm.nih.gov/pmc/articles/PMC10078724/\n";
  evgraph::Diagnostics diagnostics;
  const evgraph::Text text = evgraph::make_text("answer.txt", answer, diagnostics);
  const evgraph::Document document = evgraph::parse_answer(text, diagnostics);
  const evgraph::Evidence evidence =
      evgraph::extract(document, evgraph::default_lexicon(), diagnostics);
  const evgraph::EvidenceGraph graph = evgraph::build_graph({&evidence, 1});
  std::ostringstream json;
  evgraph::write_json(graph, json);

  std::size_t claims = 0;
  std::size_t sources = 0;
  for (auto [v, end] = boost::vertices(graph.graph()); v != end; ++v) {
    claims += graph.node(*v).type == evgraph::NodeType::claim;
    sources += graph.node(*v).type == evgraph::NodeType::source;
  }
  for (const auto& d : diagnostics) std::cerr << evgraph::format_diagnostic(d) << '\n';
  std::cout << evgraph::generator() << ": " << claims << " claim, " << sources << " source, "
            << json.str().size() << " bytes of JSON\n";
  const bool ok = claims == 1 && sources == 1 && graph.find("source:pmc:PMC10078724") &&
                  json.str().find("\"source:pmc:PMC10078724\"") != std::string::npos;
  return ok ? 0 : 1;
}
