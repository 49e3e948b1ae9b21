// What the DOT export says (DotScene, dot_scene.hpp) and the cgraph graph built from it
// (graphviz::build_cgraph), which render() lays out. write_dot streams the same scene as text
// (dot_writer.cpp); both are proven against each other by tests/dot_stream_test.cpp.
//
// What a reader of the DOT finds: one node per graph node, named and `id`-ed by its id, with
// `class` its type, in one `cluster_<type>` subgraph; one edge per graph edge, `id` "link<k>" (k
// its index in the node-link JSON's links) and `class` its type. Up to kDotNodeLimit nodes, the
// layout plan adds rank=same subgraphs named "column <k>" and, rarely, invisible edges of class
// "layout" (no id) that are not graph edges: readers skip them (see tie_parts). Past the limit,
// the graph attributes ask for sfdp instead.
//
// cgraph leaves escString escaping to us, and its ids and order follow pointers unless given a
// custom id discipline (see NameTable).
#include <graphviz/cgraph.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <boost/range/iterator_range.hpp>
#include <cctype>
#include <charconv>
#include <cstddef>
#include <map>
#include <new>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "evgraph/error.hpp"
#include "evgraph/export.hpp"
#include "export/column_plan.hpp"
#include "export/dot_scene.hpp"
#include "export/graphviz.hpp"
#include "export/palette.hpp"
#include "export/uncited.hpp"
#include "text/ascii.hpp"

namespace evgraph {
namespace {

using detail::DotAttribute;
using detail::DotScene;
using detail::DotSettings;
using detail::DotSubgraph;
using detail::DotText;
using detail::DotValue;
using detail::LayoutEdge;
using graphviz::GraphHandle;

constexpr std::size_t kLabelWidth = 28;
constexpr std::size_t kMaxProvenance = 10;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
constexpr std::string_view kFont = "DejaVu Sans";

// ---------------------------------------------------------------------------------------------
// Text

struct Sequence {
  std::size_t length = 1;
  bool drawable = false;  // valid, and neither U+FFFE nor U+FFFF (not allowed in XML, so in SVG)
};

// The UTF-8 sequence at the start of `text`, whose first byte is not ASCII.
Sequence utf8_sequence(std::string_view text) {
  utf8proc_int32_t code_point = 0;
  const auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                       static_cast<utf8proc_ssize_t>(text.size()), &code_point);
  if (length < 0) return {1, false};
  return {static_cast<std::size_t>(length), code_point != 0xFFFE && code_point != 0xFFFF};
}

// What one escString context writes for the characters that may need it. Everything else is
// copied once cleaned: C0 controls other than tab and line feed, invalid UTF-8, U+FFFE and U+FFFF
// become U+FFFD.
struct Escaping {
  std::string_view backslash;
  std::string_view line_feed;
  std::string_view ampersand;
  std::string_view quote;
};

constexpr Escaping kCleanOnly = {"\\", "\n", "&", "\""};

// An escString (id, URL): backslashes doubled, so `\N`, `\l` and a trailing backslash stay literal,
// and line feeds written as `\n`. Text Graphviz draws (label) or shows on hover (tooltip): Graphviz
// decodes HTML entities in both, in every output format, so `&` is written `&amp;` and a text's own
// "&amp;" stays as typed; and it unescapes a tooltip once more before expanding `\N`, `\G`…, so
// there each backslash is four. Quoted, a `"` is escaped for cgraph's reader, which keeps `\\`
// and any other backslash as they are.
Escaping escaping_of(DotText kind, bool quoted) {
  Escaping escaping = {"\\\\", "\\n", "&", "\""};
  if (kind == DotText::label || kind == DotText::tooltip) escaping.ampersand = "&amp;";
  if (kind == DotText::tooltip) escaping.backslash = "\\\\\\\\";
  if (quoted) escaping.quote = "\\\"";
  return escaping;
}

void append_escaped(std::string& out, std::string_view text, const Escaping& escaping) {
  std::size_t copied = 0;  // text[copied, i) is still to be appended as it is
  std::size_t i = 0;
  const auto replace = [&](std::string_view with, std::size_t length) {
    out.append(text, copied, i - copied);
    out.append(with);
    i += length;
    copied = i;
  };
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x80) {
      const Sequence sequence = utf8_sequence(text.substr(i));
      if (sequence.drawable) {
        i += sequence.length;
      } else {
        replace(kReplacement, sequence.length);
      }
    } else if (byte == '\\') {
      replace(escaping.backslash, 1);
    } else if (byte == '&') {
      replace(escaping.ampersand, 1);
    } else if (byte == '"') {
      replace(escaping.quote, 1);
    } else if (byte == '\n') {
      replace(escaping.line_feed, 1);
    } else if (byte < 0x20 && byte != '\t') {
      replace(kReplacement, 1);
    } else {
      ++i;
    }
  }
  out.append(text, copied);
}

std::string clean(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_escaped(out, text, kCleanOnly);
  return out;
}

bool is_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}
bool is_letter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

bool is_keyword(std::string_view text) {
  constexpr std::array<std::string_view, 6> kKeywords = {"node",    "edge",     "graph",
                                                         "digraph", "subgraph", "strict"};
  return std::any_of(kKeywords.begin(), kKeywords.end(), [&](std::string_view keyword) {
    return keyword.size() == text.size() &&
           std::equal(text.begin(), text.end(), keyword.begin(), [](char a, char b) {
             return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
           });
  });
}

// A DOT numeral: [-]?(.[0-9]+ | [0-9]+(.[0-9]*)?).
bool is_numeral(std::string_view text) {
  if (text.starts_with('-')) text.remove_prefix(1);
  const std::size_t point = text.find('.');
  const auto digits = [](std::string_view part) {
    return std::all_of(part.begin(), part.end(),
                       [](char c) { return is_digit(static_cast<unsigned char>(c)); });
  };
  if (point == std::string_view::npos) return !text.empty() && digits(text);
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction = text.substr(point + 1);
  return digits(whole) && digits(fraction) && (!whole.empty() || !fraction.empty());
}

// What DOT reads without quotes, as agwrite writes it: a name of letters (ASCII, `_` and every
// byte past ASCII) and digits that does not start with a digit and is no keyword, or a numeral.
bool is_bare_id(std::string_view text) {
  if (text.empty()) return false;
  if (!is_letter(static_cast<unsigned char>(text.front()))) return is_numeral(text);
  return std::all_of(text.begin(), text.end(),
                     [](char c) {
                       const auto byte = static_cast<unsigned char>(c);
                       return is_letter(byte) || is_digit(byte);
                     }) &&
         !is_keyword(text);
}

void append_literal(std::string& out, std::string_view text, bool quoted) {
  if (!quoted || is_bare_id(text)) {
    out.append(text);
    return;
  }
  out += '"';
  for (std::size_t quote = text.find('"'); quote != std::string_view::npos;
       quote = text.find('"')) {
    out.append(text.substr(0, quote));
    out.append("\\\"");
    text.remove_prefix(quote + 1);
  }
  out.append(text);
  out += '"';
}

// A node's name in DOT is its id, as written to JSON, unless cgraph would not give that back: an
// id with a backslash or a control character (never one evgraph makes: ids start with their type,
// and source ids encode backslashes) is named by its escString instead, with a `\` in front of a
// name starting with `%` (cgraph's own names). Its `id` attribute is exact either way.
bool is_plain_name(std::string_view id) {
  if (id.starts_with('%')) return false;
  for (std::size_t i = 0; i < id.size();) {
    const auto byte = static_cast<unsigned char>(id[i]);
    if (byte < 0x20 || byte == '\\') return false;
    if (byte < 0x80) {
      ++i;
      continue;
    }
    const Sequence sequence = utf8_sequence(id.substr(i));
    if (!sequence.drawable) return false;
    i += sequence.length;
  }
  return true;
}

void append_number(std::string& out, std::size_t number) {
  std::array<char, 24> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), number);
  out.append(buffer.data(), result.ptr);
}

std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1u : 0u;
  return count;
}

// Breaks lines at spaces so that no line is longer than `width` code points, unless one word is.
// Only spaces are replaced, so joining the lines with spaces gives the text back. `out` is empty.
void append_wrapped(std::string& out, std::string_view text, std::size_t width) {
  std::size_t line = 0;
  bool first = true;
  while (true) {
    const std::size_t end = text.find_first_of(" \n");
    const std::string_view word = text.substr(0, end);
    const std::size_t length = code_points(word);
    if (first) {
      line = length;
      first = false;
    } else if (out.back() == '\n' || line + 1 + length > width) {
      if (out.back() == ' ') out.back() = '\n';
      line = length;
    } else {
      line += 1 + length;
    }
    out += word;
    if (end == std::string_view::npos) break;
    out += text[end];
    text.remove_prefix(end + 1);
  }
}

// A node's label: its label (its id if it has none), cleaned and wrapped. `cleaned` is a buffer.
void wrapped_label(const NodeView& node, std::string& cleaned, std::string& out) {
  cleaned.clear();
  append_escaped(cleaned, node.label.empty() ? node.id : node.label, kCleanOnly);
  out.clear();
  append_wrapped(out, cleaned, kLabelWidth);
}

// Characters a URL may not contain are percent-encoded, as a browser would; this also keeps `"`,
// `<` and `>` out of the href that Graphviz 2.42 writes into SVG without XML escaping.
void append_encoded_url(std::string& out, std::string_view url) {
  constexpr std::string_view kUnsafe = "\"<>\\^`{|}";
  constexpr std::string_view kHex = "0123456789ABCDEF";
  for (char c : url) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7F || kUnsafe.find(c) != std::string_view::npos) {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0F];
    } else {
      out += c;
    }
  }
}

void append_bracketed(std::string& out, std::span<const std::string> markers) {
  for (const std::string& marker : markers) {
    out += '[';
    out += marker;
    out += ']';
  }
}

void append_score(std::string& out, double score) {
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), score,
                                    std::chars_format::fixed, 2);
  out.append(buffer.data(), result.ptr);
}

// “words” at 12: a term of a concept or conflicts_with edge, where it is in its claim.
void append_term(std::string& out, const ConceptMatchView& match) {
  out += "\u201C";
  out += match.term;
  out += "\u201D";
  if (match.at) {
    out += " at ";
    append_number(out, *match.at);
  }
}

// ---------------------------------------------------------------------------------------------
// Look

// Title and fill colour come from palette.hpp, shared with the other drawing exports.
struct NodeStyle {
  std::string_view shape;
  std::string_view style;
  std::string_view uncited_style;  // a claim or source that no cites edge joins
  std::string_view margin;  // around the label; Graphviz's own for boxes, less for round shapes
  double widen;             // how much wider than its label's box Graphviz draws it (measured)
  double raise;             // how much taller
};

constexpr std::string_view kBoxMargin = "0.11,0.055";
constexpr std::string_view kShapeMargin = "0.04,0.01";
constexpr std::array<NodeStyle, std::size(kNodeTypes)> kNodeStyles = {{
    {"folder", "filled", "dashed,filled", kBoxMargin, 1.1, 1.0},
    {"box", "rounded,filled", "rounded,dashed,filled", kBoxMargin, 1.0, 1.0},
    {"note", "filled", "dashed,filled", kBoxMargin, 1.1, 1.0},
    {"ellipse", "filled", "dashed,filled", kShapeMargin, 1.35, 1.25},
    {"hexagon", "filled", "dashed,filled", kShapeMargin, 1.6, 1.45},
    {"octagon", "filled", "dashed,filled", kShapeMargin, 1.35, 1.35},
    {"tab", "filled", "dashed,filled", kBoxMargin, 1.1, 1.0},
}};

// A finding that cites nothing, or a source no claim cites (listed only): drawn hollow, with a
// dashed border of its type's colour, so that it does not look like evidence.
struct UncitedStyle {
  static constexpr std::string_view fill = "white";
};

struct CommentaryStyle {
  static constexpr std::string_view style = "rounded,dashed,filled";
  static constexpr std::string_view fill = "#F5F5F5";
  static constexpr std::string_view color = "#888888";
  static constexpr std::string_view fontcolor = "#555555";
};

struct EdgeStyle {
  std::string_view style;
  std::string_view color;
  std::string_view glyph;  // how the legend draws it
};

constexpr std::string_view kEdgeColor = "#444444";
constexpr std::array<EdgeStyle, std::size(kEdgeTypes)> kEdgeStyles = {{
    {"solid", "#BBBBBB", "\u2500\u2500\u2500\u25B6"},
    {"dotted", "#BBBBBB", "\u2508\u2508\u2508\u25B6"},
    {"solid", kEdgeColor, "\u2500\u2500\u2500\u25B6"},
    {"solid", "#EE3377", "\u2500\u2500\u2500\u25B6"},
    {"solid", "#009988", "\u2500\u2500\u2500\u25B6"},
    {"solid", "#EE7733", "\u2500\u2500\u2500\u25B6"},
    {"dashed", "#4477AA", "\u254C\u254C\u254C\u25B6"},
    {"solid", "#BBBBBB", "\u2500\u2500\u2500\u25B6"},
    {"dashed", "#CC3311", "\u254C\u254C\u254C\u25B6"},
    {"solid", "#4477AA", "\u2501\u2501\u2501\u25B6"},
}};
constexpr EdgeStyle kAmbiguousStyle = {"bold", "#CC3311", "\u2501\u2501\u2501\u25B6"};

const NodeStyle& style_of(NodeType type) {
  return kNodeStyles.at(static_cast<std::size_t>(type));
}
detail::ShapeScales shape_scales() {
  detail::ShapeScales scales;
  for (std::size_t i = 0; i < scales.size(); ++i) {
    scales.at(i) = {kNodeStyles.at(i).widen, kNodeStyles.at(i).raise};
  }
  return scales;
}

const EdgeStyle& style_of(EdgeType type) {
  return kEdgeStyles.at(static_cast<std::size_t>(type));
}

// ---------------------------------------------------------------------------------------------
// The drawing

struct StanceColour {
  Stance stance;
  std::string_view color;
};

// Curated cites edges take the colour of their stance (Tol's bright green, purple, yellow).
constexpr std::array<StanceColour, 3> kStanceColours = {{
    {Stance::supports, "#228833"},
    {Stance::contrasts, "#AA3377"},
    {Stance::mixed, "#CCBB44"},
}};

std::string_view stance_color(const EdgeView& edge, const EdgeStyle& style) {
  for (const StanceColour& entry : kStanceColours) {
    if (edge.stance == entry.stance) return entry.color;
  }
  return style.color;
}

struct Present {
  std::array<bool, std::size(kNodeTypes)> nodes{};
  std::array<bool, std::size(kEdgeTypes)> edges{};
  std::array<bool, std::size(kStanceColours)> stances{};
  bool commentary = false;
  bool uncited = false;
  bool ambiguous = false;
};

Present present_in(const EvidenceGraph& graph) {
  Present present;
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph.graph()))) {
    const NodeView node = graph.node(v);
    present.nodes.at(static_cast<std::size_t>(node.type)) = true;
    present.commentary =
        present.commentary || (node.type == NodeType::claim && node.kind == ClaimKind::commentary);
    present.uncited = present.uncited || detail::is_uncited(graph.graph(), v);
  }
  for (EdgeRef e : boost::make_iterator_range(boost::edges(graph.graph()))) {
    const EdgeView edge = graph.edge(e);
    present.edges.at(static_cast<std::size_t>(edge.type)) = true;
    present.ambiguous = present.ambiguous || (edge.type == EdgeType::cites && edge.ambiguous);
    for (std::size_t i = 0; i < kStanceColours.size(); ++i) {
      present.stances[i] = present.stances[i] || edge.stance == kStanceColours[i].stance;
    }
  }
  return present;
}

struct LegendEntry {
  std::string swatch;
  std::string name;
};

std::string colour_swatch(std::string_view fill) {
  return "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLPADDING=\"0\"><TR><TD BGCOLOR=\"" +
         std::string(fill) + "\" WIDTH=\"22\" HEIGHT=\"10\"></TD></TR></TABLE>";
}

std::string line_swatch(const EdgeStyle& style) {
  return "<FONT COLOR=\"" + std::string(style.color) + "\">" + std::string(style.glyph) + "</FONT>";
}

// What the legend explains: node colours, then edge lines, of what the graph holds.
std::array<std::vector<LegendEntry>, 2> legend_entries(const Present& present) {
  std::array<std::vector<LegendEntry>, 2> entries;
  auto& [nodes, edges] = entries;
  for (NodeType type : kNodeTypes) {
    if (present.nodes.at(static_cast<std::size_t>(type))) {
      nodes.push_back({colour_swatch(detail::colour_of(type).fill), std::string(to_string(type))});
    }
  }
  if (present.commentary) nodes.push_back({colour_swatch(CommentaryStyle::fill), "commentary"});
  if (present.uncited) {
    nodes.push_back({colour_swatch(UncitedStyle::fill), "uncited, or never cited"});
  }
  for (EdgeType type : kEdgeTypes) {
    if (present.edges.at(static_cast<std::size_t>(type))) {
      edges.push_back({line_swatch(style_of(type)), std::string(to_string(type))});
    }
  }
  if (present.ambiguous) edges.push_back({line_swatch(kAmbiguousStyle), "ambiguous cites"});
  for (std::size_t i = 0; i < kStanceColours.size(); ++i) {
    if (!present.stances[i]) continue;
    const EdgeStyle stance{"solid", kStanceColours[i].color, style_of(EdgeType::cites).glyph};
    edges.push_back(
        {line_swatch(stance), "cites: " + std::string(to_string(kStanceColours[i].stance))});
  }
  return entries;
}

std::string legend_cells(const std::vector<LegendEntry>& entries, std::size_t row) {
  if (row >= entries.size()) return "<TD></TD><TD></TD>";
  return "<TD>" + entries[row].swatch + "</TD><TD ALIGN=\"LEFT\">" +
         detail::html_escape(clean(entries[row].name)) + "</TD>";
}

// An HTML-like table, nodes beside edges. Its rows are separated by line feeds, which no escString
// we write contains, so no plain string can be interned as the same cgraph string (cgraph keys
// strings by text only).
std::string legend(const Present& present) {
  const auto [nodes, edges] = legend_entries(present);
  std::string rows;
  for (std::size_t row = 0; row < std::max(nodes.size(), edges.size()); ++row) {
    rows += "<TR>" + legend_cells(nodes, row) + legend_cells(edges, row) + "</TR>\n";
  }
  return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">\n"
         "<TR><TD COLSPAN=\"4\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>\n" +
         rows + "</TABLE>";
}

double legend_rows(const Present& present) {
  const auto [nodes, edges] = legend_entries(present);
  return 1 + static_cast<double>(std::max(nodes.size(), edges.size()));
}

void append_provenance(std::string& out, const NodeView& claim) {
  const std::size_t shown = std::min(claim.occurrences.size(), kMaxProvenance);
  for (std::size_t i = 0; i < shown; ++i) {
    const OccurrenceView occurrence = claim.occurrences[i];
    out += '\n';
    out += occurrence.document;
    out += ':';
    append_number(out, occurrence.line);
    if (!occurrence.section.empty()) {
      out += " (";
      out += occurrence.section;
      out += ')';
    }
  }
  if (claim.occurrences.size() > shown) {
    out += "\n\u2026 and ";
    append_number(out, claim.occurrences.size() - shown);
    out += " more";
  }
}

void append_tooltip(std::string& out, const NodeView& node) {
  switch (node.type) {
    case NodeType::claim:
      out += node.text.empty() ? node.label : node.text;
      if (!node.occurrences.empty()) out += '\n';
      append_provenance(out, node);
      return;
    case NodeType::source: {
      const std::size_t start = out.size();
      out += node.title;
      if (!node.authors.empty()) {
        if (out.size() > start) out += '\n';
        out += node.authors.front();
        if (node.authors.size() > 1) out += " et al.";
      }
      if (!node.year.empty()) {
        if (out.size() > start) out += ' ';
        out += '(';
        out += node.year;
        out += ')';
      }
      if (out.size() > start) out += '\n';
      out += node.url.empty() ? node.id : node.url;
      return;
    }
    case NodeType::document:
      out += node.path.empty() ? node.id : node.path;
      return;
    case NodeType::answer:
      out += node.label;
      if (node.answer && !node.answer->query.empty()) {
        out += '\n';
        out += node.answer->query;
      }
      out += '\n';
      out += node.path;
      return;
    default:
      out += to_string(node.type);
      out += ": ";
      out += node.label;
  }
}

void append_edge_tooltip(std::string& out, const EdgeView& edge) {
  if (edge.type == EdgeType::cites && edge.ambiguous) {
    out += "cites ";
    append_bracketed(out, edge.markers);
    out += ": the marker is defined twice in its citation list, so this link may be wrong";
  } else if (edge.type == EdgeType::cites && !edge.records.empty()) {
    out += "cites";
    if (edge.stance != Stance::unstated) {
      out += ": ";
      out += to_string(edge.stance);
    }
    if (edge.certainty != Certainty::unstated) {
      out += ", certainty ";
      out += to_string(edge.certainty);
    }
    out += " (";
    append_number(out, edge.records.size());
    out += edge.records.size() == 1 ? " evidence record)" : " evidence records)";
  } else if (edge.type == EdgeType::cites) {
    out += "cites ";
    append_bracketed(out, edge.markers);
    if (edge.inferred) out += " (inferred from plain superscript digits)";
    if (!edge.quote.empty()) {
      out += ": \u201C";
      out += edge.quote;
      out += "\u201D";
    }
  } else if (edge.type == EdgeType::conflicts_with) {
    out += "conflicting direction";
    std::string_view side;
    for (const ConceptMatchView match : edge.terms) {
      out += side.empty() ? ": " : side != match.field ? " against " : ", ";
      side = match.field;
      append_term(out, match);
    }
    if (edge.score) {
      out += " (score ";
      append_score(out, *edge.score);
      out += ')';
    }
  } else if (!edge.terms.empty()) {  // concerns, about, reports: the words that made the link
    out += to_string(edge.type);
    const char* separator = " ";
    for (const ConceptMatchView match : edge.terms) {
      out += separator;
      separator = "; ";
      append_term(out, match);
      if (!match.at && !match.field.empty()) {
        out += " (field ";
        out += match.field;
        out += ')';
      }
    }
  } else if (edge.type == EdgeType::evidence) {
    out += "evidence: ";
    append_number(out, edge.works);
    out += edge.works == 1 ? " work, " : " works, ";
    append_number(out, edge.claims);
    out += edge.claims == 1 ? " claim" : " claims";
  } else if (edge.type == EdgeType::similar_to && edge.score) {
    out += "similar wording (score ";
    append_score(out, *edge.score);
    out += ')';
  } else {
    out += to_string(edge.type);
  }
}

// The columns and the real edges that keep them fix every rank only within each connected part
// of the graph they make. Each further part (in the order of its first vertex) is tied to the
// first by one invisible "layout" edge between the nearest columns the two occupy.
std::vector<LayoutEdge> tie_parts(const EvidenceGraph& graph,
                                  const std::vector<std::size_t>& columns) {
  const Graph& g = graph.graph();
  std::vector<Vertex> parent(graph.node_count());
  for (Vertex v = 0; v < parent.size(); ++v) parent[v] = v;
  const auto find = [&](Vertex v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  const auto unite = [&](Vertex a, Vertex b) {
    a = find(a);
    b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  };
  for (EdgeRef e : boost::make_iterator_range(boost::edges(g))) {
    const Vertex tail = boost::source(e, g);
    const Vertex head = boost::target(e, g);
    if (columns.at(head) > columns.at(tail)) unite(tail, head);
  }
  std::map<std::size_t, Vertex> first_in_column;
  for (Vertex v = 0; v < parent.size(); ++v) {
    const auto [first, inserted] = first_in_column.emplace(columns[v], v);
    if (!inserted) unite(v, first->second);
  }
  std::vector<LayoutEdge> ties;
  for (Vertex v = 1; v < parent.size(); ++v) {
    if (find(v) != v) continue;
    // v is the first vertex of a part not yet tied to vertex 0's.
    Vertex from = 0;
    Vertex to = 0;
    std::size_t nearest = 0;
    for (const auto& [column, a] : first_in_column) {
      if (find(a) != v) continue;
      for (const auto& [other, b] : first_in_column) {
        if (find(b) != find(0)) continue;
        const std::size_t distance = column > other ? column - other : other - column;
        if (nearest == 0 || distance < nearest) {
          nearest = distance;
          from = column < other ? a : b;
          to = column < other ? b : a;
        }
      }
    }
    if (nearest == 0) continue;
    ties.push_back({from, to, nearest});
    unite(from, to);
  }
  return ties;
}

// Whether an edge points back across two columns or more. concentrate=true merges such edges into
// shared paths, and Graphviz then draws their arrowheads where the paths fork, not at their nodes
// (tests/tools/check_arrowheads.py finds them); a plan with one is drawn without concentrate.
bool points_back_far(const EvidenceGraph& graph, const std::vector<std::size_t>& columns) {
  const Graph& g = graph.graph();
  for (EdgeRef e : boost::make_iterator_range(boost::edges(g))) {
    if (columns.at(boost::source(e, g)) >= columns.at(boost::target(e, g)) + 2) return true;
  }
  return false;
}

constexpr DotValue literal(std::string_view text) {
  return {DotText::literal, text};
}

constexpr std::array<DotAttribute, detail::kNodeTarget + 1> kNodeDefaults = {{
    // Graphviz's own default, declared so that the text does not depend on whether gvContext()
    // has run in this process: it adds this default to every graph opened after it.
    {"label", literal("\\N")},
    {"fontname", literal(kFont)},
    {"fontsize", literal("10")},
    {"height", literal("0.3")},
    {"shape", literal("box")},
    {"margin", literal(kBoxMargin)},
    {"style", literal("filled")},
    {"fillcolor", literal("white")},
    {"color", literal("#555555")},
    {"fontcolor", literal("black")},
    {"class", literal("")},
    {"tooltip", literal("")},
    {"id", literal("")},
    {"URL", literal("")},
    {"target", literal("")},
}};

constexpr std::array<DotAttribute, detail::kEdgeConstraint + 1> kEdgeDefaults = {{
    {"fontname", literal(kFont)},
    {"fontsize", literal("9")},
    {"arrowsize", literal("0.7")},
    {"color", literal(kEdgeColor)},
    {"style", literal("solid")},
    {"class", literal("")},
    {"tooltip", literal("")},
    {"id", literal("")},
    {"penwidth", literal("1")},
    {"label", literal("")},
    {"minlen", literal("1")},
    {"weight", literal("1")},
    {"constraint", literal("true")},
}};

}  // namespace

// ---------------------------------------------------------------------------------------------
// The scene (dot_scene.hpp)

void detail::append_dot_value(std::string& out, DotValue value, bool quoted) {
  switch (value.kind) {
    case DotText::literal:
      append_literal(out, value.text, quoted);
      return;
    case DotText::html:
      if (quoted) out += '<';
      out.append(value.text);
      if (quoted) out += '>';
      return;
    case DotText::escaped:
    case DotText::label:
    case DotText::tooltip:
      break;
  }
  if (quoted) out += '"';
  append_escaped(out, value.text, escaping_of(value.kind, quoted));
  if (quoted) out += '"';
}

detail::DotScene::DotScene(const EvidenceGraph& graph)
    : graph_(graph), sfdp_(layout_engine_for(graph) == "sfdp") {
  const Present present = present_in(graph);
  if (graph.node_count() > 0) {
    legend_ = legend(present);
    graph_attributes_ = {{"label", {DotText::html, legend_}},
                         {"labelloc", literal("b")},
                         {"labeljust", literal("l")}};
  }
  graph_attributes_.insert(
      graph_attributes_.end(),
      {{"rankdir", literal("LR")}, {"newrank", literal("true")}, {"nodesep", literal("0.07")}});
  if (!sfdp_) {
    // Edges round a column share a path.
    graph_attributes_.push_back({"concentrate", literal("true")});
  } else {
    // What render() uses past kDotNodeLimit nodes, so that `dot -Tsvg` on this text agrees.
    // prism0 spreads the nodes by a multiple of their size but runs no prism passes: those
    // triangulate with GTS, whose order follows heap addresses, and Graphviz 2.42 then places
    // some graphs differently from one run to the next. start=1 fixes sfdp's seed.
    graph_attributes_.insert(graph_attributes_.end(), {{"layout", literal("sfdp")},
                                                       {"overlap", literal("prism0")},
                                                       {"overlap_scaling", literal("-12")},
                                                       {"splines", literal("false")},
                                                       {"start", literal("1")}});
  }
  graph_attributes_.insert(graph_attributes_.end(), {{"outputorder", literal("edgesfirst")},
                                                     {"fontname", literal(kFont)},
                                                     {"fontsize", literal("11")}});

  for (NodeType type : kNodeTypes) {
    if (!present.nodes.at(static_cast<std::size_t>(type))) continue;
    const std::string name = "cluster_" + std::string(to_string(type));
    cluster_index_.at(static_cast<std::size_t>(type)) = subgraphs_.size();
    subgraphs_.push_back({name,
                          {{"label", std::string(detail::colour_of(type).title)},
                           {"labelloc", "t"},
                           {"labeljust", "l"},
                           {"style", "rounded"},
                           {"color", "#CCCCCC"},
                           {"fontcolor", "#555555"},
                           {"id", name},
                           {"class", std::string(to_string(type))}}});
  }

  first_column_ = subgraphs_.size();
  if (sfdp_ || graph.node_count() == 0) return;
  std::vector<std::string> labels(graph.node_count());
  std::string cleaned;
  for (Vertex v = 0; v < labels.size(); ++v) wrapped_label(graph.node(v), cleaned, labels[v]);
  columns_ = detail::plan_columns(graph, labels, detail::kLegendRow * legend_rows(present),
                                  shape_scales());
  // One rank=same subgraph per column, named "column <k>" (k from 1, left to right), after the
  // clusters, so that a node is declared in its cluster.
  const std::size_t count = *std::max_element(columns_.begin(), columns_.end()) + 1;
  for (std::size_t k = 0; k < count; ++k) {
    subgraphs_.push_back({"column " + std::to_string(k + 1), {{"rank", "same"}}});
  }
  layout_edges_ = tie_parts(graph, columns_);
  if (points_back_far(graph, columns_)) {
    std::erase_if(graph_attributes_,
                  [](const DotAttribute& attribute) { return attribute.name == "concentrate"; });
  }
}

std::span<const DotAttribute> detail::DotScene::node_defaults() const noexcept {
  return kNodeDefaults;
}

std::span<const DotAttribute> detail::DotScene::edge_defaults() const noexcept {
  return std::span(kEdgeDefaults).first(sfdp_ ? std::size_t{kEdgeMinlen} : kEdgeDefaults.size());
}

std::size_t detail::DotScene::cluster_of(Vertex v) const {
  return cluster_index_.at(static_cast<std::size_t>(graph_.node(v).type));
}

std::optional<std::size_t> detail::DotScene::column_of(Vertex v) const {
  if (columns_.empty()) return std::nullopt;
  return first_column_ + columns_.at(v);
}

DotValue detail::DotScene::node_name(Vertex v, std::string& buffer) const {
  const std::string_view id = graph_.node(v).id;
  if (is_plain_name(id)) return literal(id);
  buffer.clear();
  append_escaped(buffer, id, escaping_of(DotText::escaped, false));
  if (buffer.starts_with('%')) buffer.insert(buffer.begin(), '\\');
  return literal(buffer);
}

void detail::DotScene::node(Vertex v, DotSettings& out) const {
  const NodeView node = graph_.node(v);
  out.values.clear();
  wrapped_label(node, out.scratch, out.label);
  out.values.push_back({kNodeLabel, {DotText::label, out.label}});
  out.tooltip.clear();
  append_tooltip(out.tooltip, node);
  out.values.push_back({kNodeTooltip, {DotText::tooltip, out.tooltip}});
  out.values.push_back({kNodeId, {DotText::escaped, node.id}});
  const NodeStyle& style = style_of(node.type);
  out.values.push_back({kNodeShape, literal(style.shape)});
  out.values.push_back({kNodeMargin, literal(style.margin)});
  if (node.type == NodeType::claim && node.kind == ClaimKind::commentary) {
    out.values.push_back({kNodeClass, literal("claim commentary")});
    out.values.push_back({kNodeStyle, literal(CommentaryStyle::style)});
    out.values.push_back({kNodeFillcolor, literal(CommentaryStyle::fill)});
    out.values.push_back({kNodeColor, literal(CommentaryStyle::color)});
    out.values.push_back({kNodeFontcolor, literal(CommentaryStyle::fontcolor)});
  } else if (detail::is_uncited(graph_.graph(), v)) {
    out.klass = to_string(node.type);
    out.klass += " uncited";
    out.values.push_back({kNodeClass, literal(out.klass)});
    out.values.push_back({kNodeStyle, literal(style.uncited_style)});
    out.values.push_back({kNodeFillcolor, literal(UncitedStyle::fill)});
    out.values.push_back({kNodeColor, literal(detail::colour_of(node.type).fill)});
  } else {
    out.values.push_back({kNodeClass, literal(to_string(node.type))});
    out.values.push_back({kNodeStyle, literal(style.style)});
    out.values.push_back({kNodeFillcolor, literal(detail::colour_of(node.type).fill)});
  }
  if (node.type == NodeType::source && ascii::is_web_url(node.url)) {
    out.url.clear();
    append_encoded_url(out.url, node.url);
    out.values.push_back({kNodeUrl, {DotText::escaped, out.url}});
    out.values.push_back({kNodeTarget, literal("_blank")});
  }
}

void detail::DotScene::edge(EdgeRef e, std::size_t index, DotSettings& out) const {
  const EdgeView edge = graph_.edge(e);
  out.values.clear();
  const bool ambiguous = edge.type == EdgeType::cites && edge.ambiguous;
  const EdgeStyle& style = ambiguous ? kAmbiguousStyle : style_of(edge.type);
  out.klass = to_string(edge.type);
  if (ambiguous) out.klass += " ambiguous";
  out.values.push_back({kEdgeClass, literal(out.klass)});
  out.values.push_back({kEdgeStyle, literal(style.style)});
  out.values.push_back({kEdgeColor, literal(ambiguous ? style.color : stance_color(edge, style))});
  out.tooltip.clear();
  append_edge_tooltip(out.tooltip, edge);
  out.values.push_back({kEdgeTooltip, {DotText::tooltip, out.tooltip}});
  out.id = "link";
  append_number(out.id, index);
  out.values.push_back({kEdgeId, literal(out.id)});
  if (edge.type == EdgeType::evidence) {  // a summary view: as wide as the works behind it
    out.penwidth.clear();
    append_number(out.penwidth, 1 + std::min<std::size_t>(edge.works, 8));
    out.values.push_back({kEdgePenwidth, literal(out.penwidth)});
    out.label.clear();
    append_number(out.label, edge.works);
    out.label += edge.works == 1 ? " work (" : " works (";
    append_number(out.label, edge.claims);
    out.label += edge.claims == 1 ? " claim)" : " claims)";
    out.values.push_back({kEdgeLabel, {DotText::label, out.label}});
  }
  if (columns_.empty()) return;
  // The plan's columns: an edge spans as many ranks as columns, and one that points back or
  // along a column does not rank its ends.
  const std::size_t from = columns_.at(boost::source(e, graph_.graph()));
  const std::size_t to = columns_.at(boost::target(e, graph_.graph()));
  if (to <= from) {
    out.values.push_back({kEdgeConstraint, literal("false")});
  } else if (to - from != 1) {
    out.minlen.clear();
    append_number(out.minlen, to - from);
    out.values.push_back({kEdgeMinlen, literal(out.minlen)});
  }
  if (detail::is_provenance(edge.type)) out.values.push_back({kEdgeWeight, literal("0")});
}

void detail::DotScene::layout_edge(const LayoutEdge& edge, DotSettings& out) const {
  out.values.clear();
  out.values.push_back({kEdgeStyle, literal("invis")});
  out.values.push_back({kEdgeClass, literal("layout")});
  if (edge.minlen != 1) {
    out.minlen.clear();
    append_number(out.minlen, edge.minlen);
    out.values.push_back({kEdgeMinlen, literal(out.minlen)});
  }
}

namespace {

// ---------------------------------------------------------------------------------------------
// cgraph plumbing

// cgraph's default id discipline uses the address of each interned name as the object's id, and
// cgraph keeps subgraphs in id order, which is the order layouts visit them in: the cluster order
// would follow malloc. This discipline numbers names in the order they are first seen instead.
struct NameTable {
  Agraph_t* graph = nullptr;
  // Interned with agstrdup: cgraph and gvc look for its string header (aghtmlstr) in front of
  // names.
  std::vector<char*> names;
  std::unordered_map<std::string_view, IDTYPE> ids;
  IDTYPE next_anonymous = 1;  // anonymous ids are odd, named ones even, as in cgraph's own
};

void* names_open(Agraph_t* graph, Agdisc_t*) {
  auto* table = new (std::nothrow) NameTable;
  if (table != nullptr) table->graph = graph;
  return table;
}

long names_map(void* state, int, char* name, IDTYPE* id, int create) {
  auto* table = static_cast<NameTable*>(state);
  if (table == nullptr) return 0;
  if (name == nullptr) {
    *id = table->next_anonymous;
    table->next_anonymous += 2;
    return 1;
  }
  if (auto found = table->ids.find(name); found != table->ids.end()) {
    *id = found->second;
    return 1;
  }
  if (create == 0) return 0;
  try {
    char* interned = agstrdup(table->graph, name);
    table->names.push_back(interned);
    *id = 2 * static_cast<IDTYPE>(table->names.size());
    table->ids.emplace(interned, *id);
    return 1;
  } catch (const std::bad_alloc&) {
    return 0;
  }
}

long names_alloc(void*, int, IDTYPE) {
  return 0;
}
void names_free(void*, int, IDTYPE) {}

char* names_print(void* state, int, IDTYPE id) {
  auto* table = static_cast<NameTable*>(state);
  if (table == nullptr || id % 2 != 0 || id == 0 || id / 2 > table->names.size()) return nullptr;
  return table->names[static_cast<std::size_t>(id / 2 - 1)];
}

void names_close(void* state) {
  delete static_cast<NameTable*>(state);
}
void names_register(void*, int, void*) {}

Agiddisc_t name_disc = {names_open,  names_map,   names_alloc,   names_free,
                        names_print, names_close, names_register};

Agdisc_t disc = {&AgMemDisc, &name_disc, &AgIoDisc};

// The scene as a cgraph graph: attributes declared in the scene's order, subgraphs, then nodes,
// edges and the plan's layout edges, each created in the scene's order.
class CgraphBuilder {
 public:
  explicit CgraphBuilder(const EvidenceGraph& graph) : scene_(graph) {}

  GraphHandle build() {
    std::string name = "evidence";
    root_.reset(agopen(name.data(), Agdirected, &disc));
    if (!root_) throw Error("cgraph could not create a graph");
    for (const DotAttribute& attribute : scene_.graph_attributes()) {
      declare(AGRAPH, attribute);
    }
    for (const DotAttribute& attribute : scene_.node_defaults()) {
      node_symbols_.push_back(declare(AGNODE, attribute));
    }
    for (const DotAttribute& attribute : scene_.edge_defaults()) {
      edge_symbols_.push_back(declare(AGEDGE, attribute));
    }
    add_subgraphs();
    add_nodes();
    add_edges();
    return std::move(root_);
  }

 private:
  // `value` as cgraph holds it. HTML is interned as such (and kept until agclose).
  char* held(DotValue value) {
    value_.clear();
    detail::append_dot_value(value_, value, false);
    return value.kind == DotText::html ? agstrdup_html(root_.get(), value_.data()) : value_.data();
  }

  Agsym_t* declare(int kind, const DotAttribute& attribute) {
    std::string name(attribute.name);
    Agsym_t* symbol = agattr(root_.get(), kind, name.data(), held(attribute.value));
    if (symbol == nullptr) throw Error("cgraph refused the DOT attribute '" + name + "'");
    return symbol;
  }

  void set(void* object, Agsym_t* symbol, DotValue value) { agxset(object, symbol, held(value)); }

  void add_subgraphs() {
    for (const DotSubgraph& subgraph : scene_.subgraphs()) {
      std::string name = subgraph.name;
      Agraph_t* graph = agsubg(root_.get(), name.data(), 1);
      if (graph == nullptr) throw Error("cgraph could not create the subgraph " + name);
      for (const auto& [key, value] : subgraph.attributes) {
        std::string attribute(key);
        std::string text = value;
        std::string no_default;
        agsafeset(graph, attribute.data(), text.data(), no_default.data());
      }
      subgraphs_.push_back(graph);
    }
  }

  void add_nodes() {
    const EvidenceGraph& graph = scene_.graph();
    nodes_.reserve(graph.node_count());
    std::string buffer;
    for (Vertex v : boost::make_iterator_range(boost::vertices(graph.graph()))) {
      Agnode_t* n =
          agnode(subgraphs_.at(scene_.cluster_of(v)), held(scene_.node_name(v, buffer)), 1);
      if (n == nullptr)
        throw Error("cgraph could not create the node " + std::string(graph.node(v).id));
      if (const auto column = scene_.column_of(v)) agsubnode(subgraphs_.at(*column), n, 1);
      nodes_.push_back(n);
      scene_.node(v, settings_);
      for (const auto& [attribute, value] : settings_.values) {
        set(n, node_symbols_.at(attribute), value);
      }
    }
  }

  void add_edges() {
    const Graph& g = scene_.graph().graph();
    std::size_t index = 0;
    for (EdgeRef e : boost::make_iterator_range(boost::edges(g))) {
      scene_.edge(e, index++, settings_);
      add_edge(boost::source(e, g), boost::target(e, g));
    }
    for (const LayoutEdge& edge : scene_.layout_edges()) {
      scene_.layout_edge(edge, settings_);
      add_edge(edge.tail, edge.head);
    }
  }

  void add_edge(Vertex tail, Vertex head) {
    Agedge_t* drawn = agedge(root_.get(), nodes_.at(tail), nodes_.at(head), nullptr, 1);
    if (drawn == nullptr) throw Error("cgraph could not create an edge");
    for (const auto& [attribute, value] : settings_.values) {
      set(drawn, edge_symbols_.at(attribute), value);
    }
  }

  const DotScene scene_;
  GraphHandle root_;
  std::string value_;  // the value being set
  std::vector<Agsym_t*> node_symbols_;
  std::vector<Agsym_t*> edge_symbols_;
  std::vector<Agraph_t*> subgraphs_;
  std::vector<Agnode_t*> nodes_;
  DotSettings settings_;
};

}  // namespace

graphviz::GraphHandle graphviz::build_cgraph(const EvidenceGraph& graph) {
  return CgraphBuilder(graph).build();
}

}  // namespace evgraph
