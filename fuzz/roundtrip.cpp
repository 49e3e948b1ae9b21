// libFuzzer harness: the round trip. An input of any format evgraph detects by its content (an
// answer, evidence JSON, an API response, a ChatGPT export) is read and built, then written in
// every format, and each output is read back where a reader is in the process: nlohmann/json for
// the JSON dialects (and evgraph's own reader for node-link JSON, which must write the same bytes
// again), cgraph for DOT (one node per graph node), libxml2 for GraphML, GEXF and SVG. Diagrams
// (SVG, PNG, PDF, HTML, graphology's layout) are drawn for graphs of up to kDrawnNodes nodes, since
// a Graphviz layout of a larger one can take longer than the fuzzer's timeout.
#include <graphviz/cgraph.h>
#include <libxml/parser.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "export/graphviz.hpp"
#include "harness.hpp"

namespace {

using namespace evgraph;

constexpr std::size_t kDrawnNodes = 20;

std::string written(const EvidenceGraph& graph, Format format) {
  std::ostringstream out;
  write(graph, format, out);
  return out.str();
}

void require_json(const std::string& text, std::string_view what) {
  fuzz::require(nlohmann::json::accept(text), what);
}

void require_xml(const std::string& text, std::string_view what) {
  xmlDocPtr doc = xmlReadMemory(text.data(), static_cast<int>(text.size()), "export.xml", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  fuzz::require(doc != nullptr, what);
  xmlFreeDoc(doc);
}

void check_node_link(const EvidenceGraph& graph, Format format) {
  const std::string json = written(graph, format);
  require_json(json, "node-link JSON that nlohmann cannot parse");
  Diagnostics diagnostics;
  const EvidenceGraph back = read_graph_json(Text("graph.json", json), diagnostics);
  fuzz::require(written(back, format) == json, "node-link JSON read back writes other bytes");
  fuzz::require(diagnostics.empty(), "node-link JSON read back gives a warning");
}

void check_dot(const EvidenceGraph& graph) {
  const std::string dot = to_dot(graph);
  const std::lock_guard<std::mutex> lock(graphviz::mutex());
  const graphviz::GraphHandle parsed(agmemread(dot.c_str()));
  fuzz::require(parsed != nullptr, "DOT that cgraph cannot read");
  fuzz::require(static_cast<std::size_t>(agnnodes(parsed.get())) == graph.node_count(),
                "DOT with another number of nodes than the graph");
}

std::filesystem::path scratch_folder() {
  static const std::filesystem::path folder = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "evgraph-fuzz-XXXXXX").string();
    fuzz::require(mkdtemp(pattern.data()) != nullptr, "no scratch folder");
    return std::filesystem::path(pattern);
  }();
  return folder;
}

void check_folder(const EvidenceGraph& graph, Format format) {
  const std::filesystem::path dir = scratch_folder() / to_string(format);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directory(dir);
  write_folder(graph, format, dir);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  xmlInitParser();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Text text = fuzz::make_input("input", fuzz::bytes(data, size));
  const std::optional<EvidenceGraph> graph = fuzz::read_and_build(text, std::nullopt);
  if (!graph) return 0;

  check_node_link(*graph, Format::json);
  check_node_link(*graph, Format::json_edges);
  for (Format format : {Format::cyjs, Format::jgf, Format::vosviewer, Format::kumu}) {
    require_json(written(*graph, format), "a JSON dialect that nlohmann cannot parse");
  }
  require_xml(written(*graph, Format::graphml), "GraphML that libxml2 cannot parse");
  require_xml(written(*graph, Format::gexf), "GEXF that libxml2 cannot parse");
  written(*graph, Format::mermaid);
  check_dot(*graph);
  check_folder(*graph, Format::csv);
  check_folder(*graph, Format::neo4j);
  if (graph->node_count() <= kDrawnNodes) {
    require_json(written(*graph, Format::graphology), "graphology JSON that nlohmann cannot parse");
    require_xml(written(*graph, Format::svg), "SVG that libxml2 cannot parse");
    written(*graph, Format::html);
  }
  return 0;
}
