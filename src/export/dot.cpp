// DOT through cgraph: the graph is built as a cgraph graph and written with agwrite, so quoting is
// cgraph's own. What cgraph leaves to us: escString escaping, and ids and order that do not depend
// on pointers (a custom id discipline; see NameTable).
//
// What a reader of the DOT finds: one node per graph node, named and `id`-ed by its id, with
// `class` its type, in one `cluster_<type>` subgraph; one edge per graph edge, `id` "link<k>" (k
// its index in the node-link JSON's links) and `class` its type. Up to kDotNodeLimit nodes, the
// layout plan adds rank=same subgraphs named "column <k>" and, rarely, invisible edges of class
// "layout" (no id) that are not graph edges: readers skip them (see Columns). Past the limit, the
// graph attributes ask for sfdp instead.
#include <graphviz/cgraph.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <bit>
#include <boost/range/iterator_range.hpp>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <functional>
#include <map>
#include <mutex>
#include <new>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "evgraph/error.hpp"
#include "evgraph/export.hpp"
#include "export/column_plan.hpp"
#include "export/graphviz.hpp"
#include "export/palette.hpp"

namespace evgraph {
namespace {

using graphviz::GraphHandle;

constexpr std::size_t kLabelWidth = 28;
constexpr std::size_t kMaxProvenance = 10;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
constexpr std::string_view kFont = "DejaVu Sans";

// ---------------------------------------------------------------------------------------------
// Text

// Valid UTF-8 with no C0 control characters other than tab and line feed; the rest become U+FFFD.
std::string clean(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if (byte < 0x20 && byte != '\n' && byte != '\t') {
        out += kReplacement;
      } else {
        out += text[i];
      }
      ++i;
      continue;
    }
    utf8proc_int32_t code_point = 0;
    const auto length =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                         static_cast<utf8proc_ssize_t>(text.size() - i), &code_point);
    if (length < 0) {
      out += kReplacement;
      ++i;
    } else if (code_point == 0xFFFE || code_point == 0xFFFF) {  // not allowed in XML, so in SVG
      out += kReplacement;
      i += static_cast<std::size_t>(length);
    } else {
      out.append(text.substr(i, static_cast<std::size_t>(length)));
      i += static_cast<std::size_t>(length);
    }
  }
  return out;
}

// An escString (label, tooltip, id, URL): backslashes doubled, so `\N`, `\l` and a trailing
// backslash stay literal, and line feeds written as `\n`. cgraph adds the quotes and escapes `"`.
std::string esc(std::string_view text) {
  const std::string cleaned = clean(text);
  std::string out;
  out.reserve(cleaned.size() + 8);
  for (char c : cleaned) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

// Text Graphviz draws (label) or shows on hover (tooltip). Graphviz decodes HTML entities in both,
// in every output format, so `&` is written `&amp;` and a text's own "&amp;" stays as typed; and
// it unescapes a tooltip once more before expanding `\N`, `\G`…, so there each backslash is four.
std::string esc_shown(std::string_view text, bool tooltip) {
  const std::string cleaned = clean(text);
  std::string out;
  out.reserve(cleaned.size() + 8);
  for (char c : cleaned) {
    if (c == '\\') {
      out += tooltip ? "\\\\\\\\" : "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '&') {
      out += "&amp;";
    } else {
      out += c;
    }
  }
  return out;
}

std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1u : 0u;
  return count;
}

// Breaks lines at spaces so that no line is longer than `width` code points, unless one word is.
// Only spaces are replaced, so joining the lines with spaces gives the text back.
std::string wrap(std::string_view text, std::size_t width) {
  std::string out;
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
  return out;
}

// The node's name in DOT is its id, as written to JSON. cgraph 2.42's reader turns `\\` into `\`
// while its writer doubles nothing, so an id with a backslash or a control character (never one
// evgraph makes: ids start with their type, and source ids encode backslashes) is written as an
// escaped string instead; its `id` attribute is exact either way.
std::string node_name(std::string_view id) {
  const bool readable =
      std::none_of(id.begin(), id.end(),
                   [](char c) { return c == '\\' || static_cast<unsigned char>(c) < 0x20; }) &&
      clean(id) == id;
  if (readable && !id.starts_with('%')) return std::string(id);  // `%…` are cgraph's own names
  std::string name = esc(id);
  if (name.starts_with('%')) name = "\\" + name;
  return name;
}

bool linkable(std::string_view url) {
  auto starts_with = [&](std::string_view prefix) {
    if (url.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(url[i])) != prefix[i]) return false;
    }
    return true;
  };
  return starts_with("http://") || starts_with("https://");
}

// Characters a URL may not contain are percent-encoded, as a browser would; this also keeps `"`,
// `<` and `>` out of the href that Graphviz 2.42 writes into SVG without XML escaping.
std::string encode_url(std::string_view url) {
  constexpr std::string_view kUnsafe = "\"<>\\^`{|}";
  constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string out;
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
  return out;
}

std::string bracketed(const std::vector<std::string>& markers) {
  std::string out;
  for (const std::string& marker : markers) out += "[" + marker + "]";
  return out;
}

std::string format_score(double score) {
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), score,
                                    std::chars_format::fixed, 2);
  return std::string(buffer.data(), result.ptr);
}

// ---------------------------------------------------------------------------------------------
// Look

// Title and fill colour come from palette.hpp, shared with the other drawing exports.
struct NodeStyle {
  std::string_view shape;
  std::string_view style;
  std::string_view margin;  // around the label; Graphviz's own for boxes, less for round shapes
  double widen;             // how much wider than its label's box Graphviz draws it (measured)
  double raise;             // how much taller
};

constexpr std::string_view kBoxMargin = "0.11,0.055";
constexpr std::string_view kShapeMargin = "0.04,0.01";
constexpr std::array<NodeStyle, std::size(kNodeTypes)> kNodeStyles = {{
    {"folder", "filled", kBoxMargin, 1.1, 1.0},
    {"box", "rounded,filled", kBoxMargin, 1.0, 1.0},
    {"note", "filled", kBoxMargin, 1.1, 1.0},
    {"ellipse", "filled", kShapeMargin, 1.35, 1.25},
    {"hexagon", "filled", kShapeMargin, 1.6, 1.45},
    {"octagon", "filled", kShapeMargin, 1.35, 1.35},
}};

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
// cgraph plumbing

// cgraph's default id discipline uses the address of each interned name as the object's id, and
// agwrite emits subgraphs in id order: the cluster order would follow malloc. This discipline
// numbers names in the order they are first seen instead.
struct NameTable {
  Agraph_t* graph = nullptr;
  // Interned with agstrdup: agwrite looks for cgraph's string header in front of every name.
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

// agwrite's output goes to a Sink; a failed write is remembered and reported by flush.
struct Sink {
  std::string* text = nullptr;
  std::ostream* stream = nullptr;
  bool failed = false;
};

int sink_put(void* channel, const char* str) {
  auto* sink = static_cast<Sink*>(channel);
  try {
    if (sink->text != nullptr) {
      sink->text->append(str);
    } else {
      sink->stream->write(str, static_cast<std::streamsize>(std::strlen(str)));
      sink->failed = sink->failed || !*sink->stream;
    }
  } catch (...) {
    sink->failed = true;
  }
  return sink->failed ? EOF : 0;
}

int sink_flush(void* channel) {
  return static_cast<Sink*>(channel)->failed ? EOF : 0;
}

Agiodisc_t sink_disc = {nullptr, sink_put, sink_flush};
Agdisc_t disc = {&AgMemDisc, &name_disc, &sink_disc};

Agsym_t* declare(Agraph_t* graph, int kind, std::string name, std::string default_value) {
  Agsym_t* symbol = agattr(graph, kind, name.data(), default_value.data());
  if (symbol == nullptr) throw Error("cgraph refused the DOT attribute '" + name + "'");
  return symbol;
}

void set(void* object, Agsym_t* symbol, std::string value) {
  agxset(object, symbol, value.data());
}

void set(void* object, std::string name, std::string value) {
  std::string no_default;
  agsafeset(object, name.data(), value.data(), no_default.data());
}

// ---------------------------------------------------------------------------------------------
// The drawing

struct StanceColour {
  std::string_view stance;
  std::string_view color;
};

// Curated cites edges take the colour of their stance (Tol's bright green, purple, yellow).
constexpr std::array<StanceColour, 3> kStanceColours = {{
    {"supports", "#228833"},
    {"contrasts", "#AA3377"},
    {"mixed", "#CCBB44"},
}};

std::string_view stance_color(const Edge& edge, const EdgeStyle& style) {
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
  bool ambiguous = false;
};

Present present_in(const EvidenceGraph& graph) {
  Present present;
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph.graph()))) {
    const Node& node = graph.node(v);
    present.nodes.at(static_cast<std::size_t>(node.type)) = true;
    present.commentary =
        present.commentary || (node.type == NodeType::claim && node.kind == ClaimKind::commentary);
  }
  for (EdgeRef e : boost::make_iterator_range(boost::edges(graph.graph()))) {
    const Edge& edge = graph.edge(e);
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
  for (EdgeType type : kEdgeTypes) {
    if (present.edges.at(static_cast<std::size_t>(type))) {
      edges.push_back({line_swatch(style_of(type)), std::string(to_string(type))});
    }
  }
  if (present.ambiguous) edges.push_back({line_swatch(kAmbiguousStyle), "ambiguous cites"});
  for (std::size_t i = 0; i < kStanceColours.size(); ++i) {
    if (!present.stances[i]) continue;
    const EdgeStyle stance{"solid", kStanceColours[i].color, style_of(EdgeType::cites).glyph};
    edges.push_back({line_swatch(stance), "cites: " + std::string(kStanceColours[i].stance)});
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

std::string provenance(const Node& claim) {
  std::string out;
  const std::size_t shown = std::min(claim.occurrences.size(), kMaxProvenance);
  for (std::size_t i = 0; i < shown; ++i) {
    const Occurrence& occurrence = claim.occurrences[i];
    out += "\n" + occurrence.document + ":" + std::to_string(occurrence.line);
  }
  if (claim.occurrences.size() > shown) {
    out += "\n\u2026 and " + std::to_string(claim.occurrences.size() - shown) + " more";
  }
  return out;
}

std::string tooltip(const Node& node) {
  switch (node.type) {
    case NodeType::claim: {
      const std::string where = provenance(node);
      return (node.text.empty() ? node.label : node.text) + (where.empty() ? "" : "\n" + where);
    }
    case NodeType::source: {
      std::string out = node.title;
      if (!node.authors.empty()) {
        out += (out.empty() ? "" : "\n") + node.authors.front();
        if (node.authors.size() > 1) out += " et al.";
      }
      if (!node.year.empty()) out += (out.empty() ? "" : " ") + ("(" + node.year + ")");
      return out + (out.empty() ? "" : "\n") + (node.url.empty() ? node.id : node.url);
    }
    case NodeType::document:
      return node.path.empty() ? node.id : node.path;
    default:
      return std::string(to_string(node.type)) + ": " + node.label;
  }
}

std::string edge_tooltip(const Edge& edge) {
  if (edge.type == EdgeType::cites && edge.ambiguous) {
    return "cites " + bracketed(edge.markers) +
           ": the marker is defined twice in its citation list, so this link may be wrong";
  }
  if (edge.type == EdgeType::cites && !edge.records.empty()) {
    std::string out = "cites";
    if (!edge.stance.empty()) out += ": " + edge.stance;
    if (!edge.certainty.empty()) out += ", certainty " + edge.certainty;
    return out + " (" + std::to_string(edge.records.size()) + " evidence record" +
           (edge.records.size() == 1 ? ")" : "s)");
  }
  if (edge.type == EdgeType::cites) return "cites " + bracketed(edge.markers);
  if (edge.type == EdgeType::similar_to && edge.score) {
    return "similar wording (score " + format_score(*edge.score) + ")";
  }
  return std::string(to_string(edge.type));
}

class DotBuilder {
 public:
  explicit DotBuilder(const EvidenceGraph& graph) : graph_(graph), present_(present_in(graph)) {}

  GraphHandle build() {
    std::string name = "evidence";
    root_.reset(agopen(name.data(), Agdirected, &disc));
    if (!root_) throw Error("cgraph could not create a graph");
    declare_graph();
    declare_nodes();
    declare_edges();
    add_clusters();
    wrap_labels();
    if (!sfdp_ && graph_.node_count() > 0) {
      columns_ = detail::plan_columns(graph_, labels_, detail::kLegendRow * legend_rows(present_),
                                      shape_scales());
      add_columns();
    }
    add_nodes();
    add_edges();
    if (!columns_.empty()) tie_parts();
    return std::move(root_);
  }

 private:
  void declare_graph() {
    Agraph_t* g = root_.get();
    // First, so that the legend is interned as HTML before any other string.
    if (graph_.node_count() > 0) {
      std::string text = legend(present_);
      std::string name = "label";
      agattr(g, AGRAPH, name.data(), agstrdup_html(g, text.data()));
      declare(g, AGRAPH, "labelloc", "b");
      declare(g, AGRAPH, "labeljust", "l");
    }
    declare(g, AGRAPH, "rankdir", "LR");
    declare(g, AGRAPH, "newrank", "true");
    declare(g, AGRAPH, "nodesep", "0.07");
    if (!sfdp_) {
      declare(g, AGRAPH, "concentrate", "true");  // edges round a column share a path
    } else {
      // What render() uses past kDotNodeLimit nodes, so that `dot -Tsvg` on this text agrees.
      // prism0 spreads the nodes by a multiple of their size but runs no prism passes: those
      // triangulate with GTS, whose order follows heap addresses, and Graphviz 2.42 then places
      // some graphs differently from one run to the next. start=1 fixes sfdp's seed.
      declare(g, AGRAPH, "layout", "sfdp");
      declare(g, AGRAPH, "overlap", "prism0");
      declare(g, AGRAPH, "overlap_scaling", "-12");
      declare(g, AGRAPH, "splines", "false");
      declare(g, AGRAPH, "start", "1");
    }
    declare(g, AGRAPH, "outputorder", "edgesfirst");
    declare(g, AGRAPH, "fontname", std::string(kFont));
    declare(g, AGRAPH, "fontsize", "11");
  }

  void declare_nodes() {
    Agraph_t* g = root_.get();
    // Graphviz's own default, declared so that the text does not depend on whether gvContext() has
    // run in this process: it adds this default to every graph opened after it.
    node_.label = declare(g, AGNODE, "label", "\\N");
    declare(g, AGNODE, "fontname", std::string(kFont));
    declare(g, AGNODE, "fontsize", "10");
    declare(g, AGNODE, "height", "0.3");
    node_.shape = declare(g, AGNODE, "shape", "box");
    node_.margin = declare(g, AGNODE, "margin", std::string(kBoxMargin));
    node_.style = declare(g, AGNODE, "style", "filled");
    node_.fillcolor = declare(g, AGNODE, "fillcolor", "white");
    node_.color = declare(g, AGNODE, "color", "#555555");
    node_.fontcolor = declare(g, AGNODE, "fontcolor", "black");
    node_.klass = declare(g, AGNODE, "class", "");
    node_.tooltip = declare(g, AGNODE, "tooltip", "");
    node_.id = declare(g, AGNODE, "id", "");
    node_.url = declare(g, AGNODE, "URL", "");
    node_.target = declare(g, AGNODE, "target", "");
  }

  void declare_edges() {
    Agraph_t* g = root_.get();
    declare(g, AGEDGE, "fontname", std::string(kFont));
    declare(g, AGEDGE, "arrowsize", "0.7");
    edge_.color = declare(g, AGEDGE, "color", std::string(kEdgeColor));
    edge_.style = declare(g, AGEDGE, "style", "solid");
    edge_.klass = declare(g, AGEDGE, "class", "");
    edge_.tooltip = declare(g, AGEDGE, "tooltip", "");
    edge_.id = declare(g, AGEDGE, "id", "");
    if (!sfdp_) {
      edge_.minlen = declare(g, AGEDGE, "minlen", "1");
      edge_.weight = declare(g, AGEDGE, "weight", "1");
      edge_.constraint = declare(g, AGEDGE, "constraint", "true");
    }
  }

  void add_clusters() {
    for (NodeType type : kNodeTypes) {
      if (!present_.nodes.at(static_cast<std::size_t>(type))) continue;
      std::string name = "cluster_" + std::string(to_string(type));
      Agraph_t* cluster = agsubg(root_.get(), name.data(), 1);
      if (cluster == nullptr) throw Error("cgraph could not create the subgraph " + name);
      set(cluster, "label", std::string(detail::colour_of(type).title));
      set(cluster, "labelloc", "t");
      set(cluster, "labeljust", "l");
      set(cluster, "style", "rounded");
      set(cluster, "color", "#CCCCCC");
      set(cluster, "fontcolor", "#555555");
      set(cluster, "id", name);
      set(cluster, "class", std::string(to_string(type)));
      clusters_.at(static_cast<std::size_t>(type)) = cluster;
    }
  }

  void wrap_labels() {
    labels_.reserve(graph_.node_count());
    for (Vertex v : boost::make_iterator_range(boost::vertices(graph_.graph()))) {
      const Node& node = graph_.node(v);
      labels_.push_back(wrap(clean(node.label.empty() ? node.id : node.label), kLabelWidth));
    }
  }

  // One rank=same subgraph per column, named "column <k>" (k from 1, left to right), created after
  // the clusters so that agwrite declares each node in its cluster.
  void add_columns() {
    const std::size_t count = *std::max_element(columns_.begin(), columns_.end()) + 1;
    for (std::size_t k = 0; k < count; ++k) {
      std::string name = "column " + std::to_string(k + 1);
      Agraph_t* column = agsubg(root_.get(), name.data(), 1);
      if (column == nullptr) throw Error("cgraph could not create the subgraph " + name);
      set(column, "rank", "same");
      column_graphs_.push_back(column);
    }
  }

  void add_nodes() {
    nodes_.reserve(graph_.node_count());
    for (Vertex v : boost::make_iterator_range(boost::vertices(graph_.graph()))) {
      const Node& node = graph_.node(v);
      std::string name = node_name(node.id);
      Agnode_t* n = agnode(clusters_.at(static_cast<std::size_t>(node.type)), name.data(), 1);
      if (n == nullptr) throw Error("cgraph could not create the node " + node.id);
      if (!columns_.empty()) agsubnode(column_graphs_.at(columns_.at(v)), n, 1);
      nodes_.push_back(n);
      set(n, node_.label, esc_shown(labels_.at(v), false));
      set(n, node_.tooltip, esc_shown(tooltip(node), true));
      set(n, node_.id, esc(node.id));
      const NodeStyle& style = style_of(node.type);
      set(n, node_.shape, std::string(style.shape));
      set(n, node_.margin, std::string(style.margin));
      if (node.type == NodeType::claim && node.kind == ClaimKind::commentary) {
        set(n, node_.klass, "claim commentary");
        set(n, node_.style, std::string(CommentaryStyle::style));
        set(n, node_.fillcolor, std::string(CommentaryStyle::fill));
        set(n, node_.color, std::string(CommentaryStyle::color));
        set(n, node_.fontcolor, std::string(CommentaryStyle::fontcolor));
      } else {
        set(n, node_.klass, std::string(to_string(node.type)));
        set(n, node_.style, std::string(style.style));
        set(n, node_.fillcolor, std::string(detail::colour_of(node.type).fill));
      }
      if (node.type == NodeType::source && linkable(node.url)) {
        set(n, node_.url, esc(encode_url(node.url)));
        set(n, node_.target, "_blank");
      }
    }
  }

  // Edge ids are "link<k>", k the edge's index in the node-link JSON's links (the same order), so
  // the HTML page can find an edge of the SVG from its data.
  void add_edges() {
    std::size_t index = 0;
    for (EdgeRef e : boost::make_iterator_range(boost::edges(graph_.graph()))) {
      const Edge& edge = graph_.edge(e);
      Agnode_t* tail = nodes_.at(boost::source(e, graph_.graph()));
      Agnode_t* head = nodes_.at(boost::target(e, graph_.graph()));
      Agedge_t* drawn = agedge(root_.get(), tail, head, nullptr, 1);
      if (drawn == nullptr) throw Error("cgraph could not create an edge");
      const bool ambiguous = edge.type == EdgeType::cites && edge.ambiguous;
      const EdgeStyle& style = ambiguous ? kAmbiguousStyle : style_of(edge.type);
      set(drawn, edge_.klass, std::string(to_string(edge.type)) + (ambiguous ? " ambiguous" : ""));
      set(drawn, edge_.style, std::string(style.style));
      set(drawn, edge_.color, std::string(ambiguous ? style.color : stance_color(edge, style)));
      set(drawn, edge_.tooltip, esc_shown(edge_tooltip(edge), true));
      set(drawn, edge_.id, "link" + std::to_string(index++));
      if (!columns_.empty()) {
        keep_columns(drawn, boost::source(e, graph_.graph()), boost::target(e, graph_.graph()));
        if (detail::is_provenance(edge.type)) set(drawn, edge_.weight, "0");
      }
    }
  }

  void keep_columns(Agedge_t* drawn, Vertex tail, Vertex head) {
    const std::size_t from = columns_.at(tail);
    const std::size_t to = columns_.at(head);
    if (to <= from) {
      set(drawn, edge_.constraint, "false");
    } else if (to - from != 1) {
      set(drawn, edge_.minlen, std::to_string(to - from));
    }
  }

  // The columns and the real edges that keep them fix every rank only within each connected part
  // of the graph they make. Each further part (in the order of its first vertex) is tied to the
  // first by one invisible "layout" edge between the nearest columns the two occupy.
  void tie_parts() {
    const Graph& g = graph_.graph();
    std::vector<Vertex> parent(graph_.node_count());
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
      if (columns_.at(head) > columns_.at(tail)) unite(tail, head);
    }
    std::map<std::size_t, Vertex> first_in_column;
    for (Vertex v = 0; v < parent.size(); ++v) {
      const auto [first, inserted] = first_in_column.emplace(columns_[v], v);
      if (!inserted) unite(v, first->second);
    }
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
      Agedge_t* tie = agedge(root_.get(), nodes_.at(from), nodes_.at(to), nullptr, 1);
      if (tie == nullptr) throw Error("cgraph could not create an edge");
      set(tie, edge_.style, "invis");
      set(tie, edge_.klass, "layout");
      if (nearest != 1) set(tie, edge_.minlen, std::to_string(nearest));
      unite(from, to);
    }
  }

  const EvidenceGraph& graph_;
  Present present_;
  bool sfdp_ = layout_engine_for(graph_) == "sfdp";
  GraphHandle root_;
  std::array<Agraph_t*, std::size(kNodeTypes)> clusters_{};
  std::vector<std::string> labels_;   // wrapped, per vertex
  std::vector<std::size_t> columns_;  // per vertex; empty for sfdp
  std::vector<Agraph_t*> column_graphs_;
  std::vector<Agnode_t*> nodes_;
  struct {
    Agsym_t* label = nullptr;
    Agsym_t* tooltip = nullptr;
    Agsym_t* id = nullptr;
    Agsym_t* url = nullptr;
    Agsym_t* target = nullptr;
    Agsym_t* shape = nullptr;
    Agsym_t* margin = nullptr;
    Agsym_t* style = nullptr;
    Agsym_t* fillcolor = nullptr;
    Agsym_t* color = nullptr;
    Agsym_t* fontcolor = nullptr;
    Agsym_t* klass = nullptr;
  } node_;
  struct {
    Agsym_t* color = nullptr;
    Agsym_t* style = nullptr;
    Agsym_t* klass = nullptr;
    Agsym_t* tooltip = nullptr;
    Agsym_t* id = nullptr;
    Agsym_t* minlen = nullptr;
    Agsym_t* weight = nullptr;
    Agsym_t* constraint = nullptr;
  } edge_;
};

void write_through_cgraph(const EvidenceGraph& graph, Sink& sink) {
  std::lock_guard lock(graphviz::mutex());
  GraphHandle dot = graphviz::build_cgraph(graph);
  if (agwrite(dot.get(), &sink) != 0) throw IoError("writing the DOT text failed");
}

}  // namespace

graphviz::GraphHandle graphviz::build_cgraph(const EvidenceGraph& graph) {
  return DotBuilder(graph).build();
}

std::string to_dot(const EvidenceGraph& graph) {
  std::string text;
  Sink sink{&text, nullptr, false};
  write_through_cgraph(graph, sink);
  return text;
}

void write_dot(const EvidenceGraph& graph, std::ostream& out) {
  Sink sink{nullptr, &out, false};
  write_through_cgraph(graph, sink);
}

}  // namespace evgraph
