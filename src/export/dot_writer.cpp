// write_dot and to_dot: the DotScene (dot_scene.hpp) streamed as DOT text in one pass over the
// graph, with no cgraph and no lock, so that it may run beside other writers; what it writes means
// exactly what graphviz::build_cgraph builds from the same scene (tests/dot_stream_test.cpp reads
// it back through cgraph and compares the two, object by object and attribute by attribute).
//
// The text, in order: the graph's attributes and the node and edge defaults; every node with its
// attributes, in vertex order, so that a reader numbers them as build_cgraph does; the subgraphs
// (clusters, then the plan's columns), each naming its nodes; the edges in link order, then the
// plan's invisible layout edges. A value equal to its default is left out.
#include <boost/range/iterator_range.hpp>
#include <cstddef>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "evgraph/error.hpp"
#include "evgraph/export.hpp"
#include "export/dot_scene.hpp"

namespace evgraph {
namespace detail {
namespace {

constexpr std::size_t kChunk = std::size_t{1} << 16;  // bytes written to the stream at a time

class DotWriter {
 public:
  // Without a stream, the text is kept whole (to_dot).
  DotWriter(const EvidenceGraph& graph, std::ostream* out) : scene_(graph), out_(out) {
    text_.reserve(out_ != nullptr ? kChunk + kChunk / 4 : 0);
  }

  void write() {
    text_ += "digraph evidence {\n";
    defaults("graph", scene_.graph_attributes());
    defaults("node", scene_.node_defaults());
    defaults("edge", scene_.edge_defaults());
    nodes();
    for (std::size_t i = 0; i < scene_.subgraphs().size(); ++i) subgraph(i);
    edges();
    text_ += "}\n";
    flush();
  }

  std::string& text() noexcept { return text_; }

 private:
  void value(DotValue value) { append_dot_value(text_, value, true); }

  // ` [name=value, …]` after a statement; nothing when there is nothing to list.
  void item(std::string_view name, DotValue setting) {
    text_ += listed_++ == 0 ? " [" : ", ";
    text_ += name;
    text_ += '=';
    value(setting);
  }
  void end_list() {
    if (listed_ > 0) text_ += ']';
    listed_ = 0;
  }

  // `graph [...];`, `node [...];` or `edge [...];` (leaving out empty values, which are cgraph's
  // default already), or nothing.
  void defaults(std::string_view kind, std::span<const DotAttribute> attributes) {
    const std::size_t start = text_.size();
    text_ += '\t';
    text_ += kind;
    for (const DotAttribute& attribute : attributes) {
      if (!attribute.value.text.empty()) item(attribute.name, attribute.value);
    }
    if (listed_ == 0) {
      text_.resize(start);
      return;
    }
    end_list();
    text_ += ";\n";
  }

  // The settings of a node or edge, but those equal to the declared default.
  void settings(std::span<const DotAttribute> declared) {
    for (const auto& [attribute, setting] : settings_.values) {
      const DotValue& default_value = declared[attribute].value;
      if (setting.kind == DotText::literal && default_value.kind == DotText::literal &&
          setting.text == default_value.text) {
        continue;
      }
      item(declared[attribute].name, setting);
    }
    end_list();
  }

  // A node's name as written, copied from names_: edges name their ends in any order, and
  // reading the nodes again for it would cost more than writing the rest.
  void name(Vertex v) {
    text_.append(names_, name_starts_[v], name_starts_[v + 1] - name_starts_[v]);
  }

  // Each node with its attributes; notes its name and the subgraphs that list it.
  void nodes() {
    name_starts_.assign(1, 0);
    name_starts_.reserve(scene_.graph().node_count() + 1);
    members_.resize(scene_.subgraphs().size());
    for (Vertex v : boost::make_iterator_range(boost::vertices(scene_.graph().graph()))) {
      append_dot_value(names_, scene_.node_name(v, name_), true);
      name_starts_.push_back(names_.size());
      members_[scene_.cluster_of(v)].push_back(v);
      if (const auto column = scene_.column_of(v)) members_[*column].push_back(v);
      text_ += '\t';
      name(v);
      scene_.node(v, settings_);
      settings(scene_.node_defaults());
      text_ += ";\n";
      flush_if_full();
    }
  }

  void subgraph(std::size_t index) {
    const DotSubgraph& subgraph = scene_.subgraphs()[index];
    text_ += "\tsubgraph ";
    value({DotText::literal, subgraph.name});
    text_ += " {\n";
    if (!subgraph.attributes.empty()) {
      text_ += "\t\tgraph";
      for (const auto& [key, setting] : subgraph.attributes) item(key, {DotText::literal, setting});
      end_list();
      text_ += ";\n";
    }
    for (Vertex v : members_[index]) {
      text_ += "\t\t";
      name(v);
      text_ += ";\n";
      flush_if_full();
    }
    text_ += "\t}\n";
  }

  void edges() {
    const Graph& g = scene_.graph().graph();
    std::size_t index = 0;
    for (EdgeRef e : boost::make_iterator_range(boost::edges(g))) {
      scene_.edge(e, index++, settings_);
      edge(boost::source(e, g), boost::target(e, g));
    }
    for (const LayoutEdge& layout : scene_.layout_edges()) {
      scene_.layout_edge(layout, settings_);
      edge(layout.tail, layout.head);
    }
  }

  void edge(Vertex tail, Vertex head) {
    text_ += '\t';
    name(tail);
    text_ += " -> ";
    name(head);
    settings(scene_.edge_defaults());
    text_ += ";\n";
    flush_if_full();
  }

  void flush_if_full() {
    if (out_ != nullptr && text_.size() >= kChunk) flush();
  }

  void flush() {
    if (out_ == nullptr) return;
    out_->write(text_.data(), static_cast<std::streamsize>(text_.size()));
    if (!*out_) throw IoError("writing the DOT text failed");
    text_.clear();
  }

  const DotScene scene_;
  std::ostream* out_;
  std::string text_;                          // written, not yet flushed
  std::size_t listed_ = 0;                    // items in the attribute list being written
  std::string name_;                          // a node name that had to be escaped
  std::string names_;                         // every node's name as written, end to end
  std::vector<std::size_t> name_starts_;      // of each vertex's name in names_, and the end
  std::vector<std::vector<Vertex>> members_;  // of each subgraph
  DotSettings settings_;
};

}  // namespace
}  // namespace detail

std::string to_dot(const EvidenceGraph& graph) {
  detail::DotWriter writer(graph, nullptr);
  writer.write();
  return std::move(writer.text());
}

void write_dot(const EvidenceGraph& graph, std::ostream& out) {
  detail::DotWriter writer(graph, &out);
  writer.write();
}

}  // namespace evgraph
