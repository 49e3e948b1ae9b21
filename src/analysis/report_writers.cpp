// The report written for the terminal (aligned tables), as Markdown (embedding the gap maps), as a
// printable HTML page (the gap maps as inline SVG heatmaps) and as JSON.
#include <algorithm>
#include <cstdio>
#include <numeric>
#include <sstream>

#include "analysis/display.hpp"
#include "export/palette.hpp"
#include "text/ascii.hpp"

namespace evgraph {
namespace {

using analysis::Json;
using analysis::pad;

constexpr std::size_t kListed = 10;          // entries of each problem list on the terminal
constexpr std::size_t kMarkdownListed = 50;  // and in Markdown
constexpr std::size_t kHeaderWidth = 16;     // of a gap map's column headers on the terminal

constexpr std::string_view kIdentifierAdvice =
    "add a Zotero CSL-JSON or BibTeX export of these works as another input: it turns "
    "\"S2 94258fb1\" into \"Smith et al. 2021\"";

std::string percent(std::size_t part, std::size_t whole) {
  if (whole == 0) return "0%";
  char text[16];
  std::snprintf(text, sizeof text, "%.0f%%",
                100.0 * static_cast<double>(part) / static_cast<double>(whole));
  return text;
}

std::string plural_name(NodeType type) {
  switch (type) {
    case NodeType::document:
      return "documents";
    case NodeType::claim:
      return "claims";
    case NodeType::source:
      return "sources";
    case NodeType::population:
      return "populations";
    case NodeType::intervention:
      return "interventions";
    case NodeType::outcome:
      return "outcomes";
    case NodeType::answer:
      return "answers";
  }
  return std::string(to_string(type));
}

// "answer.txt:12" for a claim's first occurrence.
std::string where(const NodeView& claim) {
  if (claim.occurrences.empty()) return std::string(claim.id);
  const OccurrenceView at = claim.occurrences.front();
  return std::string(at.document) + ':' + std::to_string(at.line);
}

// "listed as [5] in answer.txt" for a source, from its lists edges.
std::string listed_where(const Graph& g, Vertex source) {
  std::string text;
  for (EdgeRef e : boost::make_iterator_range(boost::in_edges(source, g))) {
    if (g.type(e) != EdgeType::lists) continue;
    const NodeView document = g[g.source(e)];
    std::string markers;
    for (const std::string& marker : g[e].markers) markers += "[" + marker + "]";
    text += (text.empty() ? "listed " : "; ") + (markers.empty() ? "" : "as " + markers + " ") +
            "in " + std::string(document.path.empty() ? document.label : document.path);
  }
  return text;
}

// "“reduces” against “increases”", or "“not” in the first claim only": the words where a
// conflicts_with edge's claims differ.
std::string conflict_words(const EdgeView& edge) {
  std::string from, to;
  for (const ConceptMatchView match : edge.terms) {
    std::string& side = match.field == "from" ? from : to;
    side += (side.empty() ? "\u201C" : ", \u201C") + std::string(match.term) + "\u201D";
  }
  if (to.empty()) return from + " in the first claim only";
  if (from.empty()) return to + " in the second claim only";
  return from + " against " + to;
}

std::string source_name(const NodeView& source) {
  std::string name(source.label.empty() ? source.id : source.label);
  if (!source.title.empty() && source.title != source.label) (name += " — ") += source.title;
  return name;
}

// The nodes of highest betweenness, most first (ties in vertex order).
std::vector<Vertex> central(const Structure& structure, std::size_t count) {
  std::vector<Vertex> order(structure.betweenness.size());
  std::iota(order.begin(), order.end(), Vertex{0});
  std::stable_sort(order.begin(), order.end(), [&](Vertex a, Vertex b) {
    return structure.betweenness[a] > structure.betweenness[b];
  });
  while (!order.empty() && structure.betweenness[order.back()] <= 0) order.pop_back();
  if (order.size() > count) order.resize(count);
  return order;
}

std::string rounded(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

std::vector<std::size_t> component_sizes(const Structure& structure) {
  std::vector<std::size_t> sizes(structure.components, 0);
  for (std::size_t component : structure.component) {
    if (component != kNoComponent) ++sizes[component];
  }
  return sizes;
}

// The gap map as an aligned table, outcomes down the page.
void write_gap_text(const EvidenceGraph& graph, const GapMap& map, std::ostream& out) {
  const Graph& g = graph.graph();
  out << analysis::map_title(graph, map) << " — distinct works (claims); · is a gap\n";
  if (map.rows.empty() || map.columns.empty()) {
    out << "  (no " << (map.rows.empty() ? plural_name(map.row_type) : "outcomes")
        << " in the graph)\n";
    return;
  }
  std::size_t first = 7;  // "Outcome"
  for (Vertex column : map.columns) {
    first = std::max(first, analysis::text_width(g[column].label));
  }
  std::vector<std::string> headers;
  std::vector<std::size_t> widths;
  for (std::size_t r = 0; r < map.rows.size(); ++r) {
    headers.push_back(analysis::truncate_text(g[map.rows[r]].label, kHeaderWidth));
    std::size_t width = analysis::text_width(headers.back());
    for (std::size_t c = 0; c < map.columns.size(); ++c) {
      width = std::max(width, analysis::cell_text(map.cell(r, c), "·").size());
    }
    widths.push_back(width);
  }
  out << "  " << pad("Outcome", first);
  for (std::size_t r = 0; r < headers.size(); ++r) out << "  " << pad(headers[r], widths[r], true);
  out << '\n';
  for (std::size_t c = 0; c < map.columns.size(); ++c) {
    out << "  " << pad(g[map.columns[c]].label, first);
    for (std::size_t r = 0; r < map.rows.size(); ++r) {
      out << "  " << pad(analysis::cell_text(map.cell(r, c), "·"), widths[r], true);
    }
    out << '\n';
  }
}

// A problem list: the count, then up to `limit` lines made by `line`.
template <typename List, typename Line>
void write_list(std::ostream& out, std::string_view indent, const List& list, std::size_t limit,
                Line line) {
  const std::size_t shown = std::min(list.size(), limit);
  for (std::size_t i = 0; i < shown; ++i) out << indent << line(list[i]) << '\n';
  if (list.size() > shown) out << indent << "… and " << (list.size() - shown) << " more\n";
}

}  // namespace

void write_report_text(const EvidenceGraph& graph, const Report& report, std::ostream& out) {
  const Graph& g = graph.graph();
  out << "Nodes\n";
  for (const auto& [type, count] : report.nodes) {
    out << "  " << pad(plural_name(type), 14) << pad(std::to_string(count), 8, true);
    if (type == NodeType::claim) {
      out << "  (" << report.commentary << " commentary, " << report.uncited_claims.size()
          << " citing nothing)";
    }
    if (type == NodeType::source) {
      out << "  ("
          << std::count_if(report.sources.begin(), report.sources.end(),
                           [](const SourceMeasures& s) { return s.cited; })
          << " cited)";
    }
    out << '\n';
  }
  out << "Edges\n";
  for (const auto& [type, count] : report.edges) {
    out << "  " << pad(to_string(type), 14) << pad(std::to_string(count), 8, true) << '\n';
  }

  out << "\nMost-cited sources\n";
  if (report.most_cited.empty()) out << "  (no claim cites a source)\n";
  std::size_t name_width = 6;
  for (const SourceRank& rank : report.most_cited) {
    name_width = std::max(
        name_width, analysis::text_width(analysis::truncate_text(source_name(g[rank.source]), 60)));
  }
  if (!report.most_cited.empty()) {
    out << "  " << pad("Source", name_width) << "  claims  documents\n";
  }
  for (const SourceRank& rank : report.most_cited) {
    std::size_t documents = 0;
    for (const SourceMeasures& s : report.sources) {
      if (s.source == rank.source) documents = s.documents;
    }
    out << "  " << pad(analysis::truncate_text(source_name(g[rank.source]), 60), name_width) << "  "
        << pad(std::to_string(rank.claims), 6, true) << "  "
        << pad(std::to_string(documents), 9, true) << '\n';
  }

  out << '\n';
  write_gap_text(graph, report.population_outcome, out);
  out << '\n';
  write_gap_text(graph, report.intervention_outcome, out);

  out << "\nStructure\n";
  const std::vector<std::size_t> sizes = component_sizes(report.structure);
  out << "  " << analysis::count_of(report.structure.components, "component", "components")
      << " (evidence islands)";
  if (!sizes.empty()) {
    out << "; the largest holds "
        << analysis::count_of(*std::max_element(sizes.begin(), sizes.end()), "node", "nodes");
    const auto lone = std::count(sizes.begin(), sizes.end(), std::size_t{1});
    if (lone > 0)
      out << ", " << lone << " are a lone node (a listed-only source, an uncited claim)";
  }
  out << '\n';
  if (report.structure.betweenness.empty() && !report.structure.degree.empty()) {
    out << "  betweenness not computed: more than " << kBetweennessLimit << " nodes\n";
  }
  const std::vector<Vertex> hubs = central(report.structure, 5);
  if (!hubs.empty()) out << "  What holds the map together (betweenness, degree):\n";
  for (Vertex v : hubs) {
    out << "    " << pad(rounded(report.structure.betweenness[v]), 8, true) << "  "
        << pad(std::to_string(report.structure.degree[v]), 4, true) << "  "
        << std::string(to_string(g[v].type)) << "  "
        << analysis::truncate_text(analysis::display_name(g[v]), 70) << '\n';
  }

  out << "\nQuality\n";
  out << "  Uncited claims: " << report.uncited_claims.size() << '\n';
  write_list(out, "    ", report.uncited_claims, kListed, [&](Vertex v) {
    return where(g[v]) + "  " + analysis::truncate_text(analysis::display_name(g[v]), 70);
  });
  out << "  Listed but uncited sources: " << report.listed_uncited.size() << '\n';
  write_list(out, "    ", report.listed_uncited, kListed,
             [&](Vertex v) { return source_name(g[v]) + "  " + listed_where(g, v); });
  out << "  Single-source claims: " << report.single_source.size() << " of " << report.claim_count
      << '\n';
  write_list(out, "    ", report.single_source, kListed, [&](Vertex v) {
    return where(g[v]) + "  " + analysis::truncate_text(analysis::display_name(g[v]), 70);
  });
  out << "  Ambiguous citations (a number defined twice): " << report.ambiguous.size() << '\n';
  write_list(out, "    ", report.ambiguous, kListed, [&](EdgeRef e) {
    return where(g[g.source(e)]) + "  " + std::string(g[g.source(e)].id) + " → " +
           std::string(g[g.target(e)].id);
  });
  out << "  Conflicting near-duplicates (the same claim pointing opposite ways): "
      << report.conflicts.size() << '\n';
  write_list(out, "    ", report.conflicts, kListed, [&](EdgeRef e) {
    return where(g[g.source(e)]) + "  " +
           analysis::truncate_text(analysis::display_name(g[g.source(e)]), 50) + "\n      " +
           conflict_words(g[e]) + "\n    " + where(g[g.target(e)]) + "  " +
           analysis::truncate_text(analysis::display_name(g[g.target(e)]), 50);
  });
  out << "  Commentary: " << report.commentary << " of " << report.claim_count << " claims ("
      << percent(report.commentary, report.claim_count) << ")\n";
  out << "  Documents with no resolvable citation: " << report.documents_uncited.size() << '\n';
  write_list(out, "    ", report.documents_uncited, kListed,
             [&](Vertex v) { return g[v].path.empty() ? g[v].label : g[v].path; });
  out << "  Sources known only by an identifier: " << report.identifier_only.size() << '\n';
  write_list(out, "    ", report.identifier_only, kListed,
             [&](Vertex v) { return source_name(g[v]) + "  " + std::string(g[v].url); });
  if (!report.identifier_only.empty()) out << "    → " << kIdentifierAdvice << '\n';
}

void write_report_markdown(const EvidenceGraph& graph, const Report& report, std::ostream& out) {
  const Graph& g = graph.graph();
  out << "# Evidence report\n\n## Counts\n\n| Type | Nodes |\n|---|---:|\n";
  for (const auto& [type, count] : report.nodes) {
    out << "| " << plural_name(type) << " | " << count << " |\n";
  }
  out << "\n| Edge | Count |\n|---|---:|\n";
  for (const auto& [type, count] : report.edges) {
    out << "| " << to_string(type) << " | " << count << " |\n";
  }
  out << "\n## Most-cited sources\n\n| Source | Claims |\n|---|---:|\n";
  for (const SourceRank& rank : report.most_cited) {
    const NodeView source = g[rank.source];
    std::string name = source_name(source);
    for (char& c : name) c = c == '|' ? '/' : c;
    if (!source.url.empty()) name = "[" + name + "](" + std::string(source.url) + ")";
    out << "| " << name << " | " << rank.claims << " |\n";
  }
  out << "\n## Evidence-and-gap maps\n\n### "
      << analysis::map_title(graph, report.population_outcome) << "\n\n";
  write_gap_markdown(graph, report.population_outcome, out);
  out << "\n### " << analysis::map_title(graph, report.intervention_outcome) << "\n\n";
  write_gap_markdown(graph, report.intervention_outcome, out);
  out << "\n## Structure\n\n"
      << analysis::count_of(report.structure.components, "component", "components")
      << " (evidence islands).";
  const std::vector<Vertex> hubs = central(report.structure, 5);
  if (!hubs.empty()) out << " What holds the map together (betweenness):\n\n";
  for (Vertex v : hubs) {
    out << "- " << analysis::display_name(g[v]) << " (" << to_string(g[v].type) << ", "
        << rounded(report.structure.betweenness[v]) << ")\n";
  }
  out << "\n## Quality\n\n";
  auto section = [&](std::string_view title, const std::vector<Vertex>& list, auto line) {
    out << "### " << title << ": " << list.size() << "\n\n";
    write_list(out, "- ", list, kMarkdownListed, line);
    if (!list.empty()) out << '\n';
  };
  auto claim_line = [&](Vertex v) {
    return "`" + where(g[v]) + "` " + analysis::display_name(g[v]);
  };
  section("Uncited claims", report.uncited_claims, claim_line);
  section("Listed but uncited sources", report.listed_uncited,
          [&](Vertex v) { return source_name(g[v]) + ", " + listed_where(g, v); });
  section("Single-source claims", report.single_source, claim_line);
  out << "### Ambiguous citations: " << report.ambiguous.size() << "\n\n";
  out << "### Conflicting near-duplicates: " << report.conflicts.size() << "\n\n";
  write_list(out, "- ", report.conflicts, kMarkdownListed, [&](EdgeRef e) {
    return claim_line(g.source(e)) + " — " + conflict_words(g[e]) + " — " + claim_line(g.target(e));
  });
  if (!report.conflicts.empty()) out << '\n';
  out << "### Commentary: " << report.commentary << " of " << report.claim_count << " claims ("
      << percent(report.commentary, report.claim_count) << ")\n\n";
  section("Documents with no resolvable citation", report.documents_uncited,
          [&](Vertex v) { return g[v].path.empty() ? g[v].label : g[v].path; });
  section("Sources known only by an identifier", report.identifier_only,
          [&](Vertex v) { return source_name(g[v]) + " <" + std::string(g[v].url) + ">"; });
  if (!report.identifier_only.empty()) out << "To name them: " << kIdentifierAdvice << ".\n";
}

namespace {

constexpr std::string_view kReportStyle = R"(body {
  max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem;
  font: 15px/1.45 "DejaVu Sans", system-ui, sans-serif; color: #222;
}
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1rem; margin: 1.25rem 0 .25rem; }
table { border-collapse: collapse; margin: .5rem 1.5rem .5rem 0; display: inline-table; }
th, td { border: 1px solid #ccc; padding: .2rem .5rem; text-align: left; vertical-align: top; }
td.n { text-align: right; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #555; font-size: .9rem; }
ul { padding-left: 1.25rem; }
li { margin: .15rem 0; overflow-wrap: anywhere; }
code { font-size: .85em; color: #555; }
.lede, .advice { color: #444; }
@page { margin: 15mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  figure, table, li { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
)";

// The map's heatmap as an inline <svg> element (write_gap_svg without its XML declaration).
std::string inline_heatmap(const EvidenceGraph& graph, const GapMap& map) {
  std::ostringstream svg;
  write_gap_svg(graph, map, svg);
  std::string text = std::move(svg).str();
  return text.substr(std::min(text.find("<svg"), text.size()));
}

}  // namespace

void write_report_html(const EvidenceGraph& graph, const Report& report, std::ostream& out) {
  using detail::html_escape;
  const Graph& g = graph.graph();
  const auto count = [&](NodeType type) {
    const auto found = std::find_if(report.nodes.begin(), report.nodes.end(),
                                    [&](const auto& entry) { return entry.first == type; });
    return found == report.nodes.end() ? std::size_t{0} : found->second;
  };
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      << "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n"
      << "<meta name=\"referrer\" content=\"no-referrer\">\n"
      << "<meta name=\"generator\" content=\"" << html_escape(generator()) << "\">\n"
      << "<title>Evidence report</title>\n<style>\n"
      << kReportStyle << "</style>\n</head>\n<body>\n<h1>Evidence report</h1>\n"
      << "<p class=\"lede\">" << analysis::count_of(count(NodeType::claim), "claim", "claims")
      << " from " << analysis::count_of(count(NodeType::document), "document", "documents")
      << ", citing " << count(NodeType::source) - report.listed_uncited.size() << " of "
      << analysis::count_of(count(NodeType::source), "source", "sources") << "; "
      << report.uncited_claims.size() << " cite nothing and " << report.commentary
      << " are commentary.</p>\n";

  out << "<h2>Counts</h2>\n<table><thead><tr><th>Type</th><th>Nodes</th></tr></thead><tbody>\n";
  for (const auto& [type, n] : report.nodes) {
    out << "<tr><td>" << plural_name(type) << "</td><td class=\"n\">" << n << "</td></tr>\n";
  }
  out << "</tbody></table>\n<table><thead><tr><th>Edge</th><th>Count</th></tr></thead><tbody>\n";
  for (const auto& [type, n] : report.edges) {
    out << "<tr><td>" << to_string(type) << "</td><td class=\"n\">" << n << "</td></tr>\n";
  }
  out << "</tbody></table>\n";

  out << "<h2>Most-cited sources</h2>\n";
  if (report.most_cited.empty()) out << "<p>No claim cites a source.</p>\n";
  if (!report.most_cited.empty()) {
    out << "<table><thead><tr><th>Source</th><th>Claims</th></tr></thead><tbody>\n";
    for (const SourceRank& rank : report.most_cited) {
      const NodeView source = g[rank.source];
      const std::string name = html_escape(source_name(source));
      out << "<tr><td>";
      if (ascii::is_web_url(source.url)) {
        out << "<a href=\"" << html_escape(source.url) << "\">" << name << "</a>";
      } else {
        out << name;
      }
      out << "</td><td class=\"n\">" << rank.claims << "</td></tr>\n";
    }
    out << "</tbody></table>\n";
  }

  out << "<h2>Evidence-and-gap maps</h2>\n";
  for (const GapMap* map : {&report.population_outcome, &report.intervention_outcome}) {
    const std::string title = html_escape(analysis::map_title(graph, *map));
    if (map->rows.empty() || map->columns.empty()) {
      out << "<h3>" << title << "</h3>\n<p>No "
          << plural_name(map->rows.empty() ? map->row_type : NodeType::outcome)
          << " in this graph: no map.</p>\n";
      continue;
    }
    out << "<figure>\n"
        << inline_heatmap(graph, *map) << "<figcaption>" << title
        << ": each cell shaded by the distinct works behind it, the number in it; white cells "
           "without a number are gaps.</figcaption>\n</figure>\n";
  }

  out << "<h2>Structure</h2>\n<p>"
      << analysis::count_of(report.structure.components, "component", "components")
      << " (evidence islands).";
  const std::vector<Vertex> hubs = central(report.structure, 5);
  if (!hubs.empty()) out << " What holds the map together (betweenness):</p>\n<ul>\n";
  for (Vertex v : hubs) {
    out << "<li>" << html_escape(analysis::display_name(g[v])) << " (" << to_string(g[v].type)
        << ", " << rounded(report.structure.betweenness[v]) << ")</li>\n";
  }
  out << (hubs.empty() ? "</p>\n" : "</ul>\n");

  out << "<h2>Quality</h2>\n";
  const auto claim_line = [&](Vertex v) {
    return "<code>" + html_escape(where(g[v])) + "</code> " +
           html_escape(analysis::display_name(g[v]));
  };
  const auto section = [&](std::string_view title, const auto& list, auto line) {
    out << "<h3>" << title << ": " << list.size() << "</h3>\n";
    if (list.empty()) return;
    out << "<ul>\n";
    const std::size_t shown = std::min(list.size(), kMarkdownListed);
    for (std::size_t i = 0; i < shown; ++i) out << "<li>" << line(list[i]) << "</li>\n";
    if (list.size() > shown) out << "<li>… and " << list.size() - shown << " more</li>\n";
    out << "</ul>\n";
  };
  section("Uncited claims", report.uncited_claims, claim_line);
  section("Listed but uncited sources", report.listed_uncited,
          [&](Vertex v) { return html_escape(source_name(g[v]) + ", " + listed_where(g, v)); });
  section("Single-source claims", report.single_source, claim_line);
  section("Ambiguous citations (a number defined twice)", report.ambiguous, [&](EdgeRef e) {
    return claim_line(g.source(e)) + " → " + html_escape(g[g.target(e)].id);
  });
  section("Conflicting near-duplicates (the same claim pointing opposite ways)", report.conflicts,
          [&](EdgeRef e) {
            return claim_line(g.source(e)) + " — " + html_escape(conflict_words(g[e])) + " — " +
                   claim_line(g.target(e));
          });
  out << "<h3>Commentary: " << report.commentary << " of " << report.claim_count << " claims ("
      << percent(report.commentary, report.claim_count) << ")</h3>\n";
  section("Documents with no resolvable citation", report.documents_uncited,
          [&](Vertex v) { return html_escape(g[v].path.empty() ? g[v].label : g[v].path); });
  section("Sources known only by an identifier", report.identifier_only,
          [&](Vertex v) { return html_escape(source_name(g[v])); });
  if (!report.identifier_only.empty()) {
    out << "<p class=\"advice\">To name them: " << html_escape(kIdentifierAdvice) << ".</p>\n";
  }
  out << "</body>\n</html>\n";
}

void write_report_json(const EvidenceGraph& graph, const Report& report, std::ostream& out) {
  const Graph& g = graph.graph();
  auto ids = [&](const std::vector<Vertex>& list) {
    Json array = Json::array();
    for (Vertex v : list) array.push_back(g[v].id);
    return array;
  };
  Json nodes = Json::object();
  for (const auto& [type, count] : report.nodes) nodes[std::string(to_string(type))] = count;
  Json edges = Json::object();
  for (const auto& [type, count] : report.edges) edges[std::string(to_string(type))] = count;
  Json most_cited = Json::array();
  for (const SourceRank& rank : report.most_cited) {
    Json entry = analysis::node_brief(g[rank.source]);
    entry["claims"] = rank.claims;
    most_cited.push_back(std::move(entry));
  }
  Json claims = Json::array();
  for (const ClaimMeasures& m : report.claims) {
    claims.push_back(
        Json{{"id", g[m.claim].id},
             {"works", m.works},
             {"documents", m.documents},
             {"corroborating", m.corroborating},
             {"conflicting", m.conflicting},
             {"stance", Json{{"supports", m.supports},
                             {"contrasts", m.contrasts},
                             {"mentions", m.mentions},
                             {"mixed", m.mixed},
                             {"unstated", m.unstated}}},
             {"certainty",
              m.certainty == Certainty::unstated ? Json(nullptr) : Json(to_string(m.certainty))},
             {"single_source", m.single_source}});
  }
  Json sources = Json::array();
  for (const SourceMeasures& m : report.sources) {
    sources.push_back(Json{{"id", g[m.source].id},
                           {"claims", m.claims},
                           {"documents", m.documents},
                           {"cited", m.cited}});
  }
  Json concepts = Json::array();
  for (const ConceptMeasures& m : report.concepts) {
    concepts.push_back(
        Json{{"id", g[m.concept_vertex].id}, {"claims", m.claims}, {"works", m.works}});
  }
  auto map_json = [&](const GapMap& map) {
    Json cells = Json::array();
    for (std::size_t r = 0; r < map.rows.size(); ++r) {
      for (std::size_t c = 0; c < map.columns.size(); ++c) {
        const GapCell& cell = map.cell(r, c);
        if (cell.gap()) continue;
        cells.push_back(Json{{"row", g[map.rows[r]].id},
                             {"column", g[map.columns[c]].id},
                             {"works", ids(cell.works)},
                             {"claims", ids(cell.claims)}});
      }
    }
    return Json{{"rows", ids(map.rows)},
                {"columns", ids(map.columns)},
                {"filter", map.filter ? Json(g[*map.filter].id) : Json(nullptr)},
                {"cells", std::move(cells)}};
  };
  Json central_nodes = Json::array();
  for (Vertex v : central(report.structure, 10)) {
    central_nodes.push_back(Json{{"id", g[v].id},
                                 {"betweenness", report.structure.betweenness[v]},
                                 {"degree", report.structure.degree[v]}});
  }
  Json ambiguous = Json::array();
  for (EdgeRef e : report.ambiguous) {
    ambiguous.push_back(Json{{"source", g[g.source(e)].id}, {"target", g[g.target(e)].id}});
  }
  Json conflicts = Json::array();
  for (EdgeRef e : report.conflicts) {
    Json from = Json::array();
    Json to = Json::array();
    for (const ConceptMatchView match : g[e].terms) {
      (match.field == "from" ? from : to).push_back(std::string(match.term));
    }
    conflicts.push_back(Json{{"source", g[g.source(e)].id},
                             {"target", g[g.target(e)].id},
                             {"source_words", std::move(from)},
                             {"target_words", std::move(to)}});
  }
  Json root{{"nodes", std::move(nodes)},
            {"edges", std::move(edges)},
            {"most_cited", std::move(most_cited)},
            {"gap_maps", Json{{"population_outcome", map_json(report.population_outcome)},
                              {"intervention_outcome", map_json(report.intervention_outcome)}}},
            {"structure", Json{{"components", report.structure.components},
                               {"component_sizes", component_sizes(report.structure)},
                               {"central", std::move(central_nodes)}}},
            {"problems", Json{{"uncited_claims", ids(report.uncited_claims)},
                              {"listed_uncited_sources", ids(report.listed_uncited)},
                              {"single_source_claims", ids(report.single_source)},
                              {"ambiguous_citations", std::move(ambiguous)},
                              {"conflicting_claims", std::move(conflicts)},
                              {"commentary", report.commentary},
                              {"claims", report.claim_count},
                              {"documents_without_citation", ids(report.documents_uncited)},
                              {"identifier_only_sources", ids(report.identifier_only)}}},
            {"measures", Json{{"claims", std::move(claims)},
                              {"sources", std::move(sources)},
                              {"concepts", std::move(concepts)}}}};
  analysis::write_json_value(root, out);
}

}  // namespace evgraph
