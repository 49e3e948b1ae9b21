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

enum class Format { json, dot, svg, png, pdf };

std::string_view to_string(Format format);
std::optional<Format> format_from_name(std::string_view name);  // "json", "dot", "gv", …
std::optional<Format> format_from_path(const std::filesystem::path& path);  // by extension

// The generator string written into exports: "evgraph X.Y.Z".
std::string generator();

void write_json(const EvidenceGraph& graph, std::ostream& out);
// The DOT text; the same text render() lays out.
std::string to_dot(const EvidenceGraph& graph);
void write_dot(const EvidenceGraph& graph, std::ostream& out);
// Lays the graph out with Graphviz `dot` and renders svg, png or pdf; throws Error on failure.
void render(const EvidenceGraph& graph, Format format, std::ostream& out);

// Dispatches on `format`.
void write(const EvidenceGraph& graph, Format format, std::ostream& out);

}  // namespace evgraph
