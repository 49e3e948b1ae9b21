// Exporters: write an EvidenceGraph as DOT (through cgraph), node-link JSON (through nlohmann/json)
// or a rendered diagram (through gvc). Writers stream to the given std::ostream and never touch the
// file system; they read the graph only, so one graph may be exported from several threads.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "evgraph/graph.hpp"

namespace evgraph {

enum class Format {
  json,        // node-link JSON with "links" (NetworkX ≤ 3.3, D3)
  json_edges,  // node-link JSON with "edges" (NetworkX ≥ 3.4 default)
  cyjs,        // Cytoscape.js / Cytoscape desktop
  jgf,         // JSON Graph Format v2
  vosviewer,   // VOSviewer JSON
  kumu,        // Kumu JSON
  graphml,     // GraphML
  gexf,        // GEXF 1.3 with viz colours and sizes
  mermaid,     // Mermaid flowchart
  dot,
  svg,
  png,
  pdf,
};

std::string_view to_string(Format format);
std::optional<Format> format_from_name(std::string_view name);  // "json", "dot", "gv", …
// By extension; "x.kumu.json", "x.jgf.json", "x.vosviewer.json" name JSON dialects.
std::optional<Format> format_from_path(const std::filesystem::path& path);
// Every name format_from_name() knows, comma-separated, for messages and --help.
std::string format_names();

// The generator string written into exports: "evgraph X.Y.Z".
std::string generator();

// Node-link JSON; `links_key` is "links" (the default) or "edges".
void write_json(const EvidenceGraph& graph, std::ostream& out,
                std::string_view links_key = "links");
void write_cyjs(const EvidenceGraph& graph, std::ostream& out);
void write_jgf(const EvidenceGraph& graph, std::ostream& out);
void write_vosviewer(const EvidenceGraph& graph, std::ostream& out);
void write_kumu(const EvidenceGraph& graph, std::ostream& out);
void write_graphml(const EvidenceGraph& graph, std::ostream& out);
void write_gexf(const EvidenceGraph& graph, std::ostream& out);
void write_mermaid(const EvidenceGraph& graph, std::ostream& out);
// The DOT text; the same text render() lays out.
std::string to_dot(const EvidenceGraph& graph);
void write_dot(const EvidenceGraph& graph, std::ostream& out);
// Lays the graph out with Graphviz `dot` and renders svg, png or pdf; throws Error on failure.
void render(const EvidenceGraph& graph, Format format, std::ostream& out);

// Dispatches on `format`.
void write(const EvidenceGraph& graph, Format format, std::ostream& out);

}  // namespace evgraph
