// Exporters: write an EvidenceGraph as DOT or node-link JSON (streamed by their own writers, proven
// against cgraph and nlohmann/json in the tests), other formats, or a rendered diagram (through
// gvc). Writers stream to the given std::ostream and never touch the file system; they read the
// graph only, so one graph may be exported from several threads.
#pragma once

#include <cstddef>
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
  graphology,  // graphology / sigma.js JSON with Graphviz positions
  graphml,     // GraphML
  gexf,        // GEXF 1.3 with viz colours and sizes
  mermaid,     // Mermaid flowchart
  dot,
  svg,
  png,
  pdf,
  html,   // one self-contained, offline page: the SVG, search, filters, details
  csv,    // folder: nodes.csv, edges.csv
  neo4j,  // folder: Neo4j bulk-import nodes.csv, relationships.csv, README.md
};

std::string_view to_string(Format format);
std::optional<Format> format_from_name(std::string_view name);  // "json", "dot", "gv", …
// By extension; "x.kumu.json", "x.jgf.json", "x.vosviewer.json", "x.graphology.json" name JSON
// dialects.
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
// graphology / sigma.js; node positions from a Graphviz layout (`dot`, `sfdp` past 2,000 nodes).
void write_graphology(const EvidenceGraph& graph, std::ostream& out);
void write_graphml(const EvidenceGraph& graph, std::ostream& out);
void write_gexf(const EvidenceGraph& graph, std::ostream& out);
void write_mermaid(const EvidenceGraph& graph, std::ostream& out);
// The DOT text; the same text render() lays out.
std::string to_dot(const EvidenceGraph& graph);
void write_dot(const EvidenceGraph& graph, std::ostream& out);
// Lays the graph out with Graphviz and renders svg, png or pdf; throws Error on failure.
void render(const EvidenceGraph& graph, Format format, std::ostream& out);
// Diagrams (render, write_html, write_graphology) are laid out with `dot` up to kDotNodeLimit nodes
// and with `sfdp` past it, since dot takes minutes on a few thousand; the DOT text says which.
inline constexpr std::size_t kDotNodeLimit = 2000;
std::string_view layout_engine_for(const EvidenceGraph& graph);  // "dot" or "sfdp"

// An interactive page that works offline: the rendered SVG, the node-link JSON and a small script
// (search by text, filter by type and population, click a node for its neighbourhood, full text,
// provenance and http(s) source links). Evidence text is never interpreted as markup or script.
void write_html(const EvidenceGraph& graph, std::ostream& out);

// Dispatches on `format`; throws Error for a folder format.
void write(const EvidenceGraph& graph, Format format, std::ostream& out);

// How the cells of a CSV meant for people (the csv folder, the gap map's CSV) are written: as they
// are, or safe to open in a spreadsheet, where a cell beginning with =, +, -, @, a tab or a
// carriage return is a formula (CSV injection): such a cell gets a leading ' (OWASP's advice),
// which Excel and LibreOffice show as text. Neo4j's import files are always written as they are.
enum class CsvCells { as_written, spreadsheet_safe };

// csv and neo4j write a folder of files, not one stream.
bool is_folder_format(Format format);
// Writes a folder format's files into `dir`, an existing empty folder; throws IoError on failure.
// csv: nodes.csv, edges.csv; neo4j: nodes.csv, relationships.csv, README.md (the import command).
void write_folder(const EvidenceGraph& graph, Format format, const std::filesystem::path& dir,
                  CsvCells cells = CsvCells::as_written);

}  // namespace evgraph
