// What the DOT export says, apart from how it is written: every attribute of the graph, of nodes
// and edges by default, of each subgraph, node and edge, by name and value, with the subgraphs
// each node belongs to and the invisible edges of the layout plan (dot.cpp). Two writers are
// driven by it, so they cannot drift apart: graphviz::build_cgraph (a cgraph graph, for layouts;
// dot.cpp) and write_dot (DOT text streamed to an ostream; dot_writer.cpp). A DotScene is immutable
// once built: threads may describe its nodes and edges at once, each with its own DotSettings.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "evgraph/graph.hpp"

namespace evgraph::detail {

// The kind of a value, which says how it is escaped: each kind is one DOT context.
enum class DotText : std::uint8_t {
  literal,  // one of our own values, held as it is: a colour, a shape, a number, a node's name
  escaped,  // any text as an escString (an id, a URL): controls replaced, `\` doubled, LF as `\n`
  label,    // text Graphviz draws: escaped, and `&` as `&amp;`, since Graphviz decodes entities
  tooltip,  // text shown on hover: as label, but each `\` four times (Graphviz unescapes it twice)
  html,     // an HTML-like label, interned with agstrdup_html and written between `<` and `>`
};

struct DotValue {
  DotText kind = DotText::literal;
  std::string_view text;
};

// Appends `value` as cgraph holds it (quoted = false: what agxset is given), or as the DOT token
// that cgraph's reader turns back into exactly that (quoted = true). A literal holds no `\` before
// a `"` or at its end (cgraph's reader could not give either back).
void append_dot_value(std::string& out, DotValue value, bool quoted);

struct DotAttribute {
  std::string_view name;
  DotValue value;
};

// Node attributes, in the order they are declared: indices into DotScene::node_defaults().
enum NodeAttribute : std::size_t {
  kNodeLabel,
  kNodeFontname,
  kNodeFontsize,
  kNodeHeight,
  kNodeShape,
  kNodeMargin,
  kNodeStyle,
  kNodeFillcolor,
  kNodeColor,
  kNodeFontcolor,
  kNodeClass,
  kNodeTooltip,
  kNodeId,
  kNodeUrl,
  kNodeTarget,
};

// Edge attributes: indices into DotScene::edge_defaults(). The last three are the column plan's,
// declared only for dot.
enum EdgeAttribute : std::size_t {
  kEdgeFontname,
  kEdgeFontsize,
  kEdgeArrowsize,
  kEdgeColor,
  kEdgeStyle,
  kEdgeClass,
  kEdgeTooltip,
  kEdgeId,
  kEdgePenwidth,
  kEdgeLabel,
  kEdgeMinlen,
  kEdgeWeight,
  kEdgeConstraint,
};

struct DotSetting {
  std::size_t attribute;  // a NodeAttribute or an EdgeAttribute
  DotValue value;
};

// What one node or edge gets. Its values point into the scene, the graph, constants, or the
// buffers here, which are reused from one object to the next.
struct DotSettings {
  std::vector<DotSetting> values;
  std::string label;
  std::string tooltip;
  std::string klass;
  std::string url;
  std::string id;
  std::string minlen;
  std::string penwidth;
  std::string scratch;
};

// A cluster (one per node type present) or a column of the plan (rank=same).
struct DotSubgraph {
  std::string name;
  std::vector<std::pair<std::string_view, std::string>> attributes;  // literal values
};

// An invisible edge that ties a part of the graph to the first part's columns (class "layout").
struct LayoutEdge {
  Vertex tail = 0;
  Vertex head = 0;
  std::size_t minlen = 1;
};

class DotScene {
 public:
  explicit DotScene(const EvidenceGraph& graph);
  DotScene(const DotScene&) = delete;
  DotScene& operator=(const DotScene&) = delete;

  const EvidenceGraph& graph() const noexcept { return graph_; }
  // The root graph's attributes; the legend (HTML) comes first, so that cgraph interns it as HTML
  // before any other string.
  std::span<const DotAttribute> graph_attributes() const noexcept { return graph_attributes_; }
  // Declared defaults, indexed by NodeAttribute and EdgeAttribute.
  std::span<const DotAttribute> node_defaults() const noexcept;
  std::span<const DotAttribute> edge_defaults() const noexcept;

  // Clusters in node type order, then columns from the left.
  const std::vector<DotSubgraph>& subgraphs() const noexcept { return subgraphs_; }
  std::size_t cluster_of(Vertex v) const;
  std::optional<std::size_t> column_of(Vertex v) const;

  // A node's name: its id, or an escaped form of it (see dot.cpp's node_name()); may point into
  // `buffer`.
  DotValue node_name(Vertex v, std::string& buffer) const;
  void node(Vertex v, DotSettings& out) const;
  // `index`: the edge's position in the node-link JSON's links; its id is "link<index>".
  void edge(EdgeRef e, std::size_t index, DotSettings& out) const;
  std::span<const LayoutEdge> layout_edges() const noexcept { return layout_edges_; }
  void layout_edge(const LayoutEdge& edge, DotSettings& out) const;

 private:
  const EvidenceGraph& graph_;
  bool sfdp_ = false;
  std::string legend_;
  std::vector<DotAttribute> graph_attributes_;
  std::vector<DotSubgraph> subgraphs_;
  std::array<std::size_t, std::size(kNodeTypes)> cluster_index_{};
  std::size_t first_column_ = 0;      // in subgraphs_
  std::vector<std::size_t> columns_;  // per vertex, from 0; empty for sfdp
  std::vector<LayoutEdge> layout_edges_;
};

}  // namespace evgraph::detail
