// How the analyses name nodes and edges in text and JSON. Internal to src/analysis.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "evgraph/analysis.hpp"

namespace evgraph::analysis {

using Json = nlohmann::ordered_json;

// A claim as its quoted label, any other node as its label (its id when it has none).
std::string display_name(const NodeView& node);
// {"id", "type", "label"}.
Json node_brief(const NodeView& node);
// "← concerns —" walked against the edge, "— reports →" along it.
std::string step_text(EdgeType type, bool forward);
// Code points in `text` (the width a terminal gives it, for the scripts evidence is written in).
std::size_t text_width(std::string_view text);
// `text` cut to at most `width` code points, the last one "…" when cut.
std::string truncate_text(std::string_view text, std::size_t width);
// `text` and spaces up to `width` code points (left-aligned), or spaces first (right-aligned).
std::string pad(std::string_view text, std::size_t width, bool right = false);
// The cell text of a gap map for the terminal and Markdown: "works (claims)", or `gap`.
std::string cell_text(const GapCell& cell, std::string_view gap);
// "Population × outcome", "… (intervention: Arts-based groups)".
std::string map_title(const EvidenceGraph& graph, const GapMap& map);
// "works"/"work" by count.
std::string count_of(std::size_t n, std::string_view one, std::string_view many);

// Writes `value` with two-space indentation and a final newline.
void write_json_value(const Json& value, std::ostream& out);

}  // namespace evgraph::analysis
