// The evidence-and-gap map written for people (Markdown, an SVG heatmap) and for tools (long-form
// CSV, EPPI-Reviewer JSON for EPPI-Mapper).
#include <algorithm>
#include <array>
#include <map>

#include "analysis/display.hpp"
#include "analysis/gap_palette.hpp"
#include "export/csv_field.hpp"
#include "export/xml_escape.hpp"

namespace evgraph {
namespace {

using analysis::Json;

std::string markdown_cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

std::string plural_type(NodeType type) {
  switch (type) {
    case NodeType::population:
      return "Populations";
    case NodeType::intervention:
      return "Interventions";
    default:
      return "Outcomes";
  }
}

}  // namespace

void write_gap_markdown(const EvidenceGraph& graph, const GapMap& map, std::ostream& out) {
  const Graph& g = graph.graph();
  out << "| Outcome ↓ · " << to_string(map.row_type) << " → |";
  for (Vertex row : map.rows) out << ' ' << markdown_cell(g[row].label) << " |";
  out << "\n|---|";
  for (std::size_t i = 0; i < map.rows.size(); ++i) out << "---:|";
  out << '\n';
  for (std::size_t c = 0; c < map.columns.size(); ++c) {
    out << "| " << markdown_cell(g[map.columns[c]].label) << " |";
    for (std::size_t r = 0; r < map.rows.size(); ++r) {
      out << ' ' << analysis::cell_text(map.cell(r, c), "·") << " |";
    }
    out << '\n';
  }
  out << "\nEach cell: distinct works (claims); · is a gap, no claim.\n";
}

void write_gap_csv(const EvidenceGraph& graph, const GapMap& map, std::ostream& out,
                   CsvCells cells) {
  const Graph& g = graph.graph();
  out << "row,column,works,claims,ids\n";
  for (std::size_t r = 0; r < map.rows.size(); ++r) {
    for (std::size_t c = 0; c < map.columns.size(); ++c) {
      const GapCell& cell = map.cell(r, c);
      detail::put_csv_field(out, g[map.rows[r]].label, cells);
      out << ',';
      detail::put_csv_field(out, g[map.columns[c]].label, cells);
      out << ',' << cell.works.size() << ',' << cell.claims.size() << ',';
      std::string ids;
      for (Vertex v : cell.claims) (ids += ids.empty() ? "" : " ") += g[v].id;
      for (Vertex v : cell.works) (ids += ids.empty() ? "" : " ") += g[v].id;
      detail::put_csv_field(out, ids, cells);
      out << '\n';
    }
  }
}

void write_gap_svg(const EvidenceGraph& graph, const GapMap& map, std::ostream& out) {
  const Graph& g = graph.graph();
  constexpr std::size_t kCellWidth = 56;
  constexpr std::size_t kCellHeight = 30;
  constexpr std::size_t kCharWidth = 7;  // of the 12 px labels, roughly
  constexpr std::size_t kMargin = 16;
  std::size_t label_width = 0;
  for (Vertex column : map.columns) {
    label_width = std::max(label_width, analysis::text_width(g[column].label));
  }
  std::size_t header_width = 0;
  for (Vertex row : map.rows) {
    header_width = std::max(header_width, analysis::text_width(g[row].label));
  }
  const std::size_t left = kMargin + label_width * kCharWidth + 8;
  // Headers are drawn at −45°: they rise about 0.71 of their length.
  const std::size_t top = 40 + header_width * kCharWidth * 71 / 100 + 8;
  const std::size_t grid_width = map.rows.size() * kCellWidth;
  const std::size_t grid_height = map.columns.size() * kCellHeight;
  const std::size_t width = std::max(
      left + grid_width + kMargin + header_width * kCharWidth * 71 / 100, std::size_t{360});
  const std::size_t height = top + grid_height + 70;
  const std::size_t most = map.max_works();
  detail::XmlOut xml(out);
  xml.markup("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  xml.markup("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"")
      .markup(" width=\"")
      .number(width)
      .markup("\" height=\"")
      .number(height)
      .markup("\" viewBox=\"0 0 ")
      .number(width)
      .markup(" ")
      .number(height)
      .markup("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
  const std::string title = analysis::map_title(graph, map);
  xml.markup("<title>").text("Evidence-and-gap map: " + title).markup("</title>\n");
  xml.markup("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
  xml.markup("<text x=\"")
      .number(kMargin)
      .markup("\" y=\"24\" font-size=\"15\" font-weight=\"bold\">");
  xml.text(title).markup("</text>\n");
  for (std::size_t r = 0; r < map.rows.size(); ++r) {
    const std::size_t x = left + r * kCellWidth + kCellWidth / 2;
    xml.markup("<text transform=\"translate(")
        .number(x)
        .markup(",")
        .number(top - 6)
        .markup(") rotate(-45)\">")
        .text(g[map.rows[r]].label)
        .markup("</text>\n");
  }
  for (std::size_t c = 0; c < map.columns.size(); ++c) {
    const std::size_t y = top + c * kCellHeight;
    xml.markup("<text x=\"")
        .number(left - 8)
        .markup("\" y=\"")
        .number(y + kCellHeight / 2 + 4)
        .markup("\" text-anchor=\"end\">")
        .text(g[map.columns[c]].label)
        .markup("</text>\n");
    for (std::size_t r = 0; r < map.rows.size(); ++r) {
      const GapCell& cell = map.cell(r, c);
      const std::size_t x = left + r * kCellWidth;
      xml.markup("<g class=\"").markup(cell.gap() ? "gap" : "cell").markup("\"><title>");
      xml.text(std::string(g[map.rows[r]].label) + " × " + std::string(g[map.columns[c]].label) +
               ": " +
               (cell.gap() ? std::string("gap, no claim")
                           : analysis::count_of(cell.works.size(), "work", "works") + ", " +
                                 analysis::count_of(cell.claims.size(), "claim", "claims")));
      xml.markup("</title><rect x=\"")
          .number(x)
          .markup("\" y=\"")
          .number(y)
          .markup("\" width=\"")
          .number(kCellWidth)
          .markup("\" height=\"")
          .number(kCellHeight)
          .markup("\" fill=\"")
          .markup(detail::cell_fill(cell.works.size(), most))
          .markup("\" stroke=\"#bdbdbd\"/>");
      if (!cell.gap()) {
        xml.markup("<text x=\"")
            .number(x + kCellWidth / 2)
            .markup("\" y=\"")
            .number(y + kCellHeight / 2 + 4)
            .markup("\" text-anchor=\"middle\" fill=\"")
            .markup(detail::cell_ink(cell.works.size(), most))
            .markup("\">")
            .number(cell.works.size())
            .markup("</text>");
      }
      xml.markup("</g>\n");
    }
  }
  // Legend: the five shades with the works they stand for, and the gap.
  const std::size_t legend_y = top + grid_height + 20;
  xml.markup("<text x=\"").number(kMargin).markup("\" y=\"").number(legend_y + 12);
  xml.markup("\">Distinct works:</text>\n");
  std::size_t x = kMargin + 100;
  for (std::size_t k = 0; k < detail::kBlues.size() && most > 0; ++k) {
    std::size_t low = 0;
    std::size_t high = 0;
    for (std::size_t w = 1; w <= most; ++w) {
      if (detail::shade_class(w, most) != k) continue;
      if (low == 0) low = w;
      high = w;
    }
    if (low == 0) continue;
    xml.markup("<rect x=\"").number(x).markup("\" y=\"").number(legend_y);
    xml.markup("\" width=\"16\" height=\"16\" fill=\"").markup(detail::kBlues[k]);
    xml.markup("\" stroke=\"#bdbdbd\"/><text x=\"").number(x + 20).markup("\" y=\"");
    xml.number(legend_y + 12).markup("\">").number(low);
    if (high != low) xml.markup("–").number(high);
    xml.markup("</text>\n");
    x += 64;
  }
  xml.markup("<rect x=\"").number(x).markup("\" y=\"").number(legend_y);
  xml.markup("\" width=\"16\" height=\"16\" fill=\"#ffffff\" stroke=\"#bdbdbd\"/><text x=\"");
  xml.number(x + 20).markup("\" y=\"").number(legend_y + 12);
  xml.markup("\">empty: gap (no claim); 0: claims citing no work</text>\n");
  xml.markup("</svg>\n");
}

void write_gap_eppi_json(const EvidenceGraph& graph, const GapMap& map, std::ostream& out) {
  const Graph& g = graph.graph();
  // Attribute ids: 1, 2, … over rows, then columns, then the filter; set ids 1, 2, 3.
  std::map<Vertex, std::size_t> attribute_of;
  Json code_sets = Json::array();
  auto add_set = [&](std::size_t set_id, NodeType type, const std::vector<Vertex>& concepts) {
    Json attributes = Json::array();
    for (Vertex v : concepts) {
      const std::size_t id = attribute_of.size() + 1;
      attribute_of.emplace(v, id);
      attributes.push_back(Json{{"AttributeSetId", id},
                                {"AttributeId", id},
                                {"OriginalAttributeID", 0},
                                {"AttributeSetDescription", ""},
                                {"AttributeType", "Selectable (show checkbox)"},
                                {"AttributeName", g[v].label},
                                {"AttributeDescription", g[v].id},
                                {"ExtURL", ""},
                                {"ExtType", ""}});
    }
    code_sets.push_back(Json{{"SetName", plural_type(type)},
                             {"ReviewSetId", set_id},
                             {"SetId", set_id},
                             {"SetType", Json{{"SetTypeName", "Standard"}}},
                             {"SetDescription", "evgraph: the " + std::string(to_string(type)) +
                                                    " concepts the claims name"},
                             {"Attributes", Json{{"AttributesList", std::move(attributes)}}}});
  };
  add_set(1, map.row_type, map.rows);
  add_set(2, NodeType::outcome, map.columns);
  if (map.filter) add_set(3, g[*map.filter].type, {*map.filter});
  // For each work, its codes in attribute order, each with the claims (in vertex order) that put
  // it there.
  std::map<Vertex, std::map<std::size_t, std::vector<Vertex>>> codes_of;
  auto code = [&](Vertex work, Vertex concept_vertex, Vertex claim) {
    std::vector<Vertex>& claims = codes_of[work][attribute_of.at(concept_vertex)];
    if (std::find(claims.begin(), claims.end(), claim) == claims.end()) claims.push_back(claim);
  };
  for (std::size_t r = 0; r < map.rows.size(); ++r) {
    for (std::size_t c = 0; c < map.columns.size(); ++c) {
      const GapCell& cell = map.cell(r, c);
      for (Vertex claim : cell.claims) {
        for (EdgeRef e : boost::make_iterator_range(boost::out_edges(claim, g))) {
          if (g.type(e) != EdgeType::cites) continue;
          code(g.target(e), map.rows[r], claim);
          code(g.target(e), map.columns[c], claim);
          if (map.filter) code(g.target(e), *map.filter, claim);
        }
      }
    }
  }
  Json references = Json::array();
  for (const auto& [work, codes] : codes_of) {
    const NodeView source = g[work];
    std::string authors;
    for (const std::string& author : source.authors) {
      authors += (authors.empty() ? "" : "; ") + author;
    }
    std::string short_title(source.label);
    if (!source.authors.empty() && !source.year.empty()) {
      const std::string& first = source.authors.front();
      short_title = first.substr(0, first.find(',')) +
                    (source.authors.size() > 1 ? " et al." : "") + " (" + std::string(source.year) +
                    ")";
    }
    Json item_codes = Json::array();
    for (const auto& [attribute, claims] : codes) {
      Json details = Json::array();
      for (Vertex claim : claims) {
        const NodeView node = g[claim];
        details.push_back(
            Json{{"ItemDocumentId", 0},
                 {"TextFrom", 0},
                 {"TextTo", 0},
                 {"Text", node.text},
                 {"IsFromPDF", false},
                 {"DocTitle",
                  node.occurrences.empty() ? std::string() : node.occurrences.front().document},
                 {"ItemArm", ""}});
      }
      item_codes.push_back(Json{{"AttributeId", attribute},
                                {"AdditionalText", ""},
                                {"ArmId", 0},
                                {"ArmTitle", ""},
                                {"ItemAttributeFullTextDetails", std::move(details)}});
    }
    references.push_back(
        Json{{"ItemId", references.size() + 1},
             {"Title", source.title.empty() ? source.label : source.title},
             {"ParentTitle", ""},
             {"ShortTitle", short_title},
             {"Year", source.year},
             {"Authors", authors},
             {"TypeName", "Generic"},
             {"DOI", source.scheme == to_string(Scheme::doi) ? source.identifier : std::string()},
             {"URL", source.url},
             {"Abstract", ""},
             {"OldItemId", source.id},
             {"Codes", std::move(item_codes)}});
  }
  analysis::write_json_value(
      Json{{"CodeSets", std::move(code_sets)}, {"References", std::move(references)}}, out);
}

}  // namespace evgraph
