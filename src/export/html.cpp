// The interactive page: one HTML file with the rendered SVG inline, the node-link JSON as inert
// data, and the page's own script and style (src/export/html_page.js, html_page.css, embedded at
// build time). A Content-Security-Policy lets only that script run (by its SHA-256) and forbids
// every fetch, so the page works offline and text from the evidence can never run as script.
#include <algorithm>
#include <array>
#include <boost/range/iterator_range.hpp>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>

#include "analysis/gap_palette.hpp"
#include "evgraph/analysis.hpp"
#include "evgraph/error.hpp"
#include "evgraph/export.hpp"
#include "export/palette.hpp"

namespace evgraph {
namespace detail {
extern const std::string_view kHtmlPageScript;
extern const std::string_view kHtmlPageScriptSha256;  // hex
extern const std::string_view kHtmlPageStyle;
}  // namespace detail

namespace {

std::string base64_of_hex(std::string_view hex) {
  constexpr std::string_view kDigits =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  auto nibble = [](char c) {
    return static_cast<std::uint32_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  };
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes += static_cast<char>((nibble(hex[i]) << 4) | nibble(hex[i + 1]));
  }
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t chunk = 0;
    const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
    for (std::size_t j = 0; j < 3; ++j) {
      const auto byte = j < n ? static_cast<unsigned char>(bytes[i + j]) : 0U;
      chunk = (chunk << 8) | byte;
    }
    for (std::size_t j = 0; j < 4; ++j) {
      out += j <= n ? kDigits[(chunk >> (18 - 6 * j)) & 0x3F] : '=';
    }
  }
  return out;
}

// Graphviz's SVG from its <svg> element on: the XML declaration and DOCTYPE have no place inside
// HTML.
std::string svg_element(const EvidenceGraph& graph) {
  std::ostringstream svg;
  render(graph, Format::svg, svg);
  std::string text = std::move(svg).str();
  const std::size_t start = text.find("<svg");
  if (start == std::string::npos) throw Error("Graphviz wrote no <svg> element for the page");
  return text.substr(start);
}

// JSON inside <script type="application/json">: `<`, `>` and `&` appear only inside strings, where
// \u escapes keep "</script>" and "<!--" from ending or changing the element.
void put_script_json(std::ostream& out, std::string_view json) {
  for (char c : json) {
    switch (c) {
      case '<':
        out << "\\u003c";
        break;
      case '>':
        out << "\\u003e";
        break;
      case '&':
        out << "\\u0026";
        break;
      default:
        out << c;
    }
  }
}

std::string types_json() {
  std::string out = "[";
  for (NodeType type : kNodeTypes) {
    const detail::TypeColour& colour = detail::colour_of(type);
    if (out.size() > 1) out += ',';
    out += R"({"type":")" + std::string(to_string(type)) + R"(","title":")" +
           std::string(colour.title) + R"(","colour":")" + std::string(colour.fill) + "\"}";
  }
  return out + "]";
}

// The evidence-and-gap maps (analysis.hpp) the page shows beside the graph, population × outcome
// and intervention × outcome, each left out when it has no rows or no columns: node indexes (the
// graph's nodes are written in vertex order) for its rows, columns and each cell's claims and
// works, and the cell's shade as the SVG heatmap draws it.
std::string gap_maps_json(const EvidenceGraph& graph) {
  nlohmann::json maps = nlohmann::json::array();
  const Graph& g = graph.graph();
  const auto vertices = boost::make_iterator_range(boost::vertices(g));
  if (std::none_of(vertices.begin(), vertices.end(),
                   [&](Vertex v) { return g.type(v) == NodeType::claim; })) {
    return maps.dump();  // a summary view: its cells would all look like gaps
  }
  for (NodeType rows : {NodeType::population, NodeType::intervention}) {
    const GapMap map = gap_map(graph, rows);
    if (map.rows.empty() || map.columns.empty()) continue;
    const std::size_t most = map.max_works();
    nlohmann::json cells = nlohmann::json::array();
    for (const GapCell& cell : map.cells) {
      cells.push_back({{"claims", cell.claims},
                       {"works", cell.works},
                       {"fill", detail::cell_fill(cell.works.size(), most)},
                       {"ink", detail::cell_ink(cell.works.size(), most)}});
    }
    maps.push_back({{"rows", map.rows},
                    {"columns", map.columns},
                    {"row_type", to_string(rows)},
                    {"cells", std::move(cells)}});
  }
  return maps.dump();
}

std::string type_colours_css() {
  std::string out;
  for (NodeType type : kNodeTypes) {
    out += ".evg-type-" + std::string(to_string(type)) +
           " { background: " + std::string(detail::colour_of(type).fill) + "; }\n";
  }
  return out;
}

std::string page_title(const EvidenceGraph& graph) {
  std::size_t claims = 0;
  std::size_t documents = 0;
  std::string document;
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph.graph()))) {
    const NodeView node = graph.node(v);
    if (node.type == NodeType::claim) ++claims;
    if (node.type == NodeType::document && documents++ == 0) {
      document = node.path.empty() ? node.label : node.path;
    }
  }
  std::string title =
      "Evidence map: " + std::to_string(claims) + (claims == 1 ? " claim" : " claims");
  if (documents == 1) title += " from " + document;
  if (documents > 1) title += " from " + std::to_string(documents) + " documents";
  return title;
}

}  // namespace

void write_html(const EvidenceGraph& graph, std::ostream& out) {
  const std::string svg = svg_element(graph);
  std::ostringstream data;
  write_json(graph, data);
  const std::string title = detail::html_escape(page_title(graph));

  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      << "script-src 'sha256-" << base64_of_hex(detail::kHtmlPageScriptSha256) << "'; "
      << "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
      << "<meta name=\"referrer\" content=\"no-referrer\">\n"
      << "<meta name=\"generator\" content=\"" << detail::html_escape(generator()) << "\">\n"
      << "<title>" << title << "</title>\n<style>\n"
      << detail::kHtmlPageStyle << type_colours_css() << "</style>\n</head>\n<body>\n"
      << "<header>\n<h1>" << title << "</h1>\n"
      << "<input type=\"search\" id=\"evg-search\" placeholder=\"Search text, sources, "
         "populations\u2026\" aria-label=\"Search the graph\" autocomplete=\"off\">\n"
      << "<span id=\"evg-status\" role=\"status\"></span>\n"
      << "<fieldset id=\"evg-types\" aria-label=\"Show node types\"></fieldset>\n"
      << "<fieldset id=\"evg-edge-types\" aria-label=\"Show edge types\"></fieldset>\n"
      << "<label>Concept <select id=\"evg-concept\">"
         "<option value=\"\">All populations, interventions, outcomes</option></select>"
         "</label>\n"
      << "<button type=\"button\" id=\"evg-gap-toggle\" aria-expanded=\"false\" "
         "aria-controls=\"evg-gaps\">Gap map</button>\n"
      << "<span class=\"evg-zoom\"><button type=\"button\" id=\"evg-zoom-out\" "
         "aria-label=\"Zoom out\">\u2212</button><button type=\"button\" id=\"evg-zoom-fit\">"
         "Fit</button><button type=\"button\" id=\"evg-zoom-in\" aria-label=\"Zoom in\">+"
         "</button></span>\n"
      << "</header>\n<ul id=\"evg-results\" aria-label=\"Search results\"></ul>\n<main>\n"
      << "<section id=\"evg-gaps\" aria-label=\"Evidence-and-gap map\" hidden></section>\n"
      << "<div id=\"evg-canvas\">\n"
      << svg << "</div>\n<aside id=\"evg-details\" aria-label=\"Details\"></aside>\n</main>\n"
      << "<script type=\"application/json\" id=\"evg-data\">{\"types\":" << types_json()
      << ",\"gap_maps\":" << gap_maps_json(graph) << ",\"graph\":";
  put_script_json(out, data.view());
  out << "}</script>\n<script>" << detail::kHtmlPageScript << "</script>\n</body>\n</html>\n";
  if (!out) throw IoError("writing the HTML page failed");
}

}  // namespace evgraph
