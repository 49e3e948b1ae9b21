// Diagrams through gvc: the very cgraph graph that write_dot() writes is laid out with `dot`, so a
// rendered picture always shows exactly what the DOT export says, in a deterministic order. The
// same layout gives the graphology export its node positions (graphviz::layout_positions).
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
  Layout(GVC_t* context, Agraph_t* graph, const ErrorLog& log, const std::string& engine = "dot")
      : context_(context), graph_(graph) {
    if (gvLayout(context_, graph_, engine.c_str()) != 0) {
      throw Error(log.explain("Graphviz could not lay out the graph with " + engine));
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

// Graphviz 2.42 copies URL into the SVG href without XML escaping; to_dot percent-encodes `"`, `<`
// and `>`, but `&` is meaningful in a query string, so it becomes `&amp;` here, for SVG only.
void escape_url_ampersands(Agraph_t* graph) {
  std::string name = "URL";
  Agsym_t* url = agattr(graph, AGNODE, name.data(), nullptr);
  if (url == nullptr) return;
  for (Agnode_t* node = agfstnode(graph); node != nullptr; node = agnxtnode(graph, node)) {
    const std::string_view value = agxget(node, url);
    if (value.find('&') == std::string_view::npos) continue;
    std::string escaped;
    for (char c : value) {
      if (c == '&') {
        escaped += "&amp;";
      } else {
        escaped += c;
      }
    }
    agxset(node, url, escaped.data());
  }
}

}  // namespace

std::vector<graphviz::Point> graphviz::layout_positions(const EvidenceGraph& graph,
                                                        const std::string& engine) {
  std::vector<Point> positions;
  if (graph.node_count() == 0) return positions;
  std::lock_guard lock(graphviz::mutex());
  ErrorLog log;
  GVC_t* context = shared_context();
  if (context == nullptr) throw Error(log.explain("Graphviz could not start (gvContext failed)"));
  GraphHandle drawing = graphviz::build_cgraph(graph);
  // sfdp 2.4x coarsens with rand() before it seeds it, so a second layout in one process would
  // differ from the first; seeding here makes every layout of one graph the same.
  std::srand(1);
  Layout layout(context, drawing.get(), log, engine);
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
  if (format == Format::svg) escape_url_ampersands(drawing.get());

  Layout layout(context, drawing.get(), log);
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
