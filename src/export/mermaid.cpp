// Mermaid flowchart, as GitHub draws ```mermaid blocks and .mmd files: one subgraph per node type,
// a shape and Paul Tol's colour per type (the DOT export's), ids n0, n1, … in node order. Labels
// are double-quoted, on one line, with every character that Mermaid's parser, its entity
// decoder, its directive and style pre-passes or its HTML labels would act on written as a
// `#…;` entity code. The body is written twice, once only to count its size for the header.
#include <utf8proc.h>

#include <array>
#include <boost/range/iterator_range.hpp>
#include <cstddef>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

#include "evgraph/export.hpp"
#include "export/palette.hpp"
#include "export/uncited.hpp"

namespace evgraph {
namespace {

// Node labels are already cut at 60 code points plus "…"; longer ones are cut here.
constexpr std::size_t kLabelChars = 61;
// Mermaid's defaults, which GitHub keeps: maxEdges and maxTextSize.
constexpr std::size_t kMaxEdges = 500;
constexpr std::size_t kMaxText = 50000;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Node shapes per type; titles and colours come from palette.hpp.
struct TypeLook {
  std::string_view open;
  std::string_view close;
};

constexpr std::array<TypeLook, std::size(kNodeTypes)> kLooks = {{
    {"[[", "]]"},
    {"(", ")"},
    {"[/", "/]"},
    {"([", "])"},
    {"{{", "}}"},
    {"[/", "\\]"},
    {">", "]"},
}};

constexpr std::string_view kCommentaryStyle =
    "fill:#F5F5F5,stroke:#888888,stroke-dasharray:4 3,color:#555555";

const TypeLook& look_of(NodeType type) {
  return kLooks.at(static_cast<std::size_t>(type));
}

// Counts what is written to it and keeps nothing.
class ByteCounter : public std::streambuf {
 public:
  std::size_t count() const noexcept { return count_; }

 protected:
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) ++count_;
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char*, std::streamsize n) override {
    count_ += static_cast<std::size_t>(n);
    return n;
  }

 private:
  std::size_t count_ = 0;
};

std::string_view entity(char32_t c) {
  switch (c) {
    case '"':
      return "#quot;";
    case '#':
      return "#35;";
    case '&':
      return "#amp;";
    case '<':
      return "#lt;";
    case '>':
      return "#gt;";
    case '`':  // would open a Markdown string
      return "#96;";
    case ':':  // with "style" or "classDef" in the line, Mermaid drops a trailing ';'
      return "#58;";
    case '%':  // "%%{" opens a directive anywhere in the text
      return "#37;";
    default:
      return {};
  }
}

bool breaks_line(char32_t c) {
  return c < 0x20 || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029;
}

// Appends one code point: an entity, a space for line breaks and controls, or itself.
void append_code_point(std::string& out, char32_t c, std::string_view bytes) {
  if (std::string_view code = entity(c); !code.empty()) {
    out += code;
  } else if (breaks_line(c)) {
    out += ' ';
  } else {
    out += bytes;
  }
}

// The text of a quoted label: about kLabelChars code points of valid UTF-8 on one line.
std::string label_text(std::string_view text) {
  const std::string cut = short_label(text, kLabelChars);
  std::string out;
  out.reserve(cut.size() + 16);
  for (std::size_t i = 0; i < cut.size();) {
    utf8proc_int32_t c = 0;
    const auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(cut.data() + i),
                                         static_cast<utf8proc_ssize_t>(cut.size() - i), &c);
    if (length < 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    const auto size = static_cast<std::size_t>(length);
    append_code_point(out, static_cast<char32_t>(c), std::string_view(cut).substr(i, size));
    i += size;
  }
  return out.find_first_not_of(' ') == std::string::npos ? "#160;" : out;
}

std::string node_id(Vertex v) {
  return "n" + std::to_string(v);
}

// Commentary, and findings and sources that are not evidence (uncited.hpp), have classes of
// their own.
std::string class_of(const Graph& g, Vertex v, const NodeView& node) {
  if (node.type == NodeType::claim && node.kind == ClaimKind::commentary) return "commentary";
  if (detail::is_uncited(g, v)) return "uncited_" + std::string(to_string(node.type));
  return std::string(to_string(node.type));
}

void write_node(std::ostream& out, const Graph& g, Vertex v, const NodeView& node) {
  const TypeLook& look = look_of(node.type);
  out << "    " << node_id(v) << look.open << '"'
      << label_text(node.label.empty() ? node.id : node.label) << '"' << look.close
      << ":::" << class_of(g, v, node) << '\n';
}

void write_subgraph(std::ostream& out, const EvidenceGraph& graph, NodeType type) {
  bool opened = false;
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph.graph()))) {
    const NodeView node = graph.node(v);
    if (node.type != type) continue;
    if (!opened) {
      out << "  subgraph type_" << to_string(type) << "[\"" << detail::colour_of(type).title
          << "\"]\n";
      opened = true;
    }
    write_node(out, graph.graph(), v, node);
  }
  if (opened) out << "  end\n";
}

void write_edges(std::ostream& out, const EvidenceGraph& graph) {
  const Graph& g = graph.graph();
  for (EdgeRef e : boost::make_iterator_range(boost::edges(g))) {
    const EdgeType type = g[e].type;
    out << "  " << node_id(boost::source(e, g))
        << (type == EdgeType::similar_to       ? " -.->|"
            : type == EdgeType::conflicts_with ? " -.-x|"
                                               : " -->|")
        << to_string(type) << "| " << node_id(boost::target(e, g)) << '\n';
  }
}

void write_class_defs(std::ostream& out) {
  for (NodeType type : kNodeTypes) {
    out << "  classDef " << to_string(type) << " fill:" << detail::colour_of(type).fill
        << ",stroke:#555555,color:#000000\n";
  }
  out << "  classDef commentary " << kCommentaryStyle << '\n';
  for (NodeType type : {NodeType::claim, NodeType::source}) {
    out << "  classDef uncited_" << to_string(type)
        << " fill:#FFFFFF,stroke:" << detail::colour_of(type).fill
        << ",stroke-width:2px,stroke-dasharray:4 3,color:#000000\n";
  }
}

void write_body(std::ostream& out, const EvidenceGraph& graph) {
  out << "flowchart LR\n";
  for (NodeType type : kNodeTypes) write_subgraph(out, graph, type);
  write_edges(out, graph);
  write_class_defs(out);
}

std::size_t body_size(const EvidenceGraph& graph) {
  ByteCounter counter;
  std::ostream out(&counter);
  write_body(out, graph);
  return counter.count();
}

void write_header(std::ostream& out, const EvidenceGraph& graph) {
  const std::size_t size = body_size(graph);
  out << "%% " << generator() << ": " << graph.node_count() << " nodes, " << graph.edge_count()
      << " edges, " << size << " bytes\n";
  if (graph.edge_count() > kMaxEdges || size > kMaxText) {
    out << "%% Over Mermaid's default limits (" << kMaxEdges << " edges, " << kMaxText
        << " characters), which GitHub keeps: raise maxEdges and maxTextSize in\n"
           "%% mermaid.initialize, or use the SVG export.\n";
  }
}

}  // namespace

void write_mermaid(const EvidenceGraph& graph, std::ostream& out) {
  write_header(out, graph);
  write_body(out, graph);
}

}  // namespace evgraph
