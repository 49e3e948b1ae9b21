// Diagrams through gvc: the very cgraph graph that write_dot() writes is laid out with `dot`
// (`sfdp` past kDotNodeLimit nodes), so a rendered picture always shows exactly what the DOT export
// says, in a deterministic order. The same layout gives the graphology export its node positions
// (graphviz::layout_positions).
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "evgraph/error.hpp"
#include "evgraph/export.hpp"
#include "export/graphviz.hpp"

namespace evgraph {
namespace {

using graphviz::GraphHandle;

struct RenderDataFreer {
  void operator()(char* data) const noexcept { gvFreeRenderData(data); }
};
using RenderData = std::unique_ptr<char, RenderDataFreer>;

// One context for the process, never freed: the 2.42 pango plugin caches a pointer to a font name
// owned by the context, so a second context reads freed memory (ASan: heap-use-after-free in
// pango_textlayout). Plugins also load only once. The caller holds graphviz::mutex().
GVC_t* shared_context() {
  static GVC_t* context = nullptr;
  if (context == nullptr) context = gvContext();
  return context;
}

// Graphviz reports through agerr; while one of these lives, messages are kept for the exception
// instead of going to stderr (the library never prints).
class ErrorLog {
 public:
  ErrorLog() : previous_(agseterrf(&ErrorLog::keep)) { messages_.clear(); }
  ~ErrorLog() { agseterrf(previous_); }
  ErrorLog(const ErrorLog&) = delete;
  ErrorLog& operator=(const ErrorLog&) = delete;

  std::string explain(std::string what) const {
    std::string text = messages_;
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text.empty() ? what : what + ": " + text;
  }

 private:
  static int keep(char* message) {
    try {
      messages_ += message;
    } catch (...) {
    }
    return 0;
  }

  static inline std::string messages_;  // guarded by graphviz::mutex()
  agusererrf previous_;
};

// gvLayout and gvFreeLayout as a scope.
class Layout {
 public:
  Layout(GVC_t* context, Agraph_t* graph, const ErrorLog& log, std::string_view engine)
      : context_(context), graph_(graph) {
    // sfdp 2.4x coarsens with rand() before it seeds it, so a second layout in one process would
    // differ from the first; seeding here makes every layout of one graph the same.
    std::srand(1);
    const std::string name(engine);
    if (gvLayout(context_, graph_, name.c_str()) != 0) {
      throw Error(log.explain("Graphviz could not lay out the graph with " + name));
    }
  }
  ~Layout() { gvFreeLayout(context_, graph_); }
  Layout(const Layout&) = delete;
  Layout& operator=(const Layout&) = delete;

 private:
  GVC_t* context_;
  Agraph_t* graph_;
};

std::optional<std::string> renderer(Format format) {
  switch (format) {
    case Format::svg:
      return "svg";
    case Format::png:
      return "png";
    case Format::pdf:
      return "pdf";
    default:
      return std::nullopt;
  }
}

// Graphviz 2.42 writes a node's URL and id into the SVG keeping whatever looks like an entity
// (`&amp;`, `&#38;`) as it is: a URL's `&` would not be escaped at all, and an id holding the text
// `&amp;` would read back as `&`. Every `&` of both becomes `&amp;` here, for SVG only (to_dot
// percent-encodes `"`, `<` and `>` in URLs; `&` is meaningful in a query string).
void escape_ampersands(Agraph_t* graph) {
  for (std::string name : {"URL", "id"}) {
    Agsym_t* symbol = agattr(graph, AGNODE, name.data(), nullptr);
    if (symbol == nullptr) continue;
    for (Agnode_t* node = agfstnode(graph); node != nullptr; node = agnxtnode(graph, node)) {
      const std::string_view value = agxget(node, symbol);
      if (value.find('&') == std::string_view::npos) continue;
      std::string escaped;
      for (char c : value) {
        if (c == '&') {
          escaped += "&amp;";
        } else {
          escaped += c;
        }
      }
      agxset(node, symbol, escaped.data());
    }
  }
}

}  // namespace

std::string_view layout_engine_for(const EvidenceGraph& graph) {
  return graph.node_count() > kDotNodeLimit ? "sfdp" : "dot";
}

std::vector<graphviz::Point> graphviz::layout_positions(const EvidenceGraph& graph) {
  std::vector<Point> positions;
  if (graph.node_count() == 0) return positions;
  std::lock_guard lock(graphviz::mutex());
  ErrorLog log;
  GVC_t* context = shared_context();
  if (context == nullptr) throw Error(log.explain("Graphviz could not start (gvContext failed)"));
  GraphHandle drawing = graphviz::build_cgraph(graph);
  Layout layout(context, drawing.get(), log, layout_engine_for(graph));
  // build_cgraph creates one node per vertex, in vertex order, and cgraph iterates nodes in the
  // order they were created.
  positions.reserve(graph.node_count());
  for (Agnode_t* n = agfstnode(drawing.get()); n != nullptr; n = agnxtnode(drawing.get(), n)) {
    positions.push_back({ND_coord(n).x, ND_coord(n).y});
  }
  if (positions.size() != graph.node_count()) {
    throw Error("Graphviz laid out " + std::to_string(positions.size()) + " nodes, not " +
                std::to_string(graph.node_count()));
  }
  return positions;
}

void render(const EvidenceGraph& graph, Format format, std::ostream& out) {
  const std::optional<std::string> name = renderer(format);
  if (!name) {
    throw Error("cannot render a diagram as " + std::string(to_string(format)) +
                "; choose svg, png or pdf (write_dot and write_json write the text formats)");
  }
  std::lock_guard lock(graphviz::mutex());
  ErrorLog log;
  GVC_t* context = shared_context();
  if (context == nullptr) throw Error(log.explain("Graphviz could not start (gvContext failed)"));
  GraphHandle drawing = graphviz::build_cgraph(graph);
  if (format == Format::svg) escape_ampersands(drawing.get());

  Layout layout(context, drawing.get(), log, layout_engine_for(graph));
  char* data = nullptr;
  unsigned int length = 0;
  const int status = gvRenderData(context, drawing.get(), name->c_str(), &data, &length);
  RenderData owned(data);
  if (status != 0 || data == nullptr) {
    throw Error(log.explain("Graphviz could not render " + *name +
                            " (is the Graphviz plugin for it installed? `dot -T" + *name +
                            "` should work)"));
  }
  out.write(data, static_cast<std::streamsize>(length));
  if (!out) throw IoError("writing the rendered " + *name + " failed");
}

}  // namespace evgraph
