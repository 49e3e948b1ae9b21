// Naming nodes, edges and cells in the analyses' text and JSON.
#include "analysis/display.hpp"

namespace evgraph::analysis {

std::string display_name(const NodeView& node) {
  std::string name(node.label.empty() ? node.id : node.label);
  return node.type == NodeType::claim ? "\"" + name + "\"" : name;
}

Json node_brief(const NodeView& node) {
  return Json{{"id", node.id}, {"type", to_string(node.type)}, {"label", node.label}};
}

std::string step_text(EdgeType type, bool forward) {
  const std::string name(to_string(type));
  return forward ? "— " + name + " →" : "← " + name + " —";
}

void write_json_value(const Json& value, std::ostream& out) {
  out << value.dump(2) << '\n';
}

std::size_t text_width(std::string_view text) {
  std::size_t width = 0;
  for (char c : text) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return width;
}

std::string truncate_text(std::string_view text, std::size_t width) {
  if (text_width(text) <= width || width == 0) return std::string(text);
  std::size_t kept = 0;
  std::size_t i = 0;
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (kept == width - 1) break;
    ++kept;
  }
  std::string cut(text.substr(0, i));
  while (!cut.empty() && cut.back() == ' ') cut.pop_back();
  return cut + "…";
}

std::string pad(std::string_view text, std::size_t width, bool right) {
  const std::size_t have = text_width(text);
  const std::string spaces(have < width ? width - have : 0, ' ');
  return right ? spaces + std::string(text) : std::string(text) + spaces;
}

std::string cell_text(const GapCell& cell, std::string_view gap) {
  if (cell.gap()) return std::string(gap);
  return std::to_string(cell.works.size()) + " (" + std::to_string(cell.claims.size()) + ")";
}

std::string map_title(const EvidenceGraph& graph, const GapMap& map) {
  std::string title(to_string(map.row_type));
  title[0] = static_cast<char>(title[0] - 'a' + 'A');
  title += " × outcome";
  if (map.filter) {
    const NodeView filter = graph.node(*map.filter);
    title += " (" + std::string(to_string(filter.type)) + ": " + std::string(filter.label) + ")";
  }
  return title;
}

std::string count_of(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + ' ' + std::string(n == 1 ? one : many);
}

}  // namespace evgraph::analysis
