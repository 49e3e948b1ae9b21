// Shortest chains between two nodes (breadth_first_search over the undirected topology, then every
// shortest chain walked back from the target), a node's neighbours, and how they are written.
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/visitors.hpp>
#include <limits>

#include "analysis/containers.hpp"
#include "analysis/display.hpp"
#include "analysis/undirected.hpp"

namespace evgraph {

namespace {

using analysis::Json;

constexpr std::size_t kUnreached = std::numeric_limits<std::size_t>::max();

struct PathWalker {
  const Graph& g;
  const std::vector<std::size_t>& distance;
  const std::vector<bool>& blocked;
  Vertex from;
  std::size_t limit;
  std::vector<GraphPath>& paths;
  std::vector<PathStep> reversed;  // steps from the target back

  // Extends the chain ending (walking back) at `v` by each edge to a node one step nearer `from`.
  void walk(Vertex v) {
    if (paths.size() >= limit) return;
    if (v == from) {
      GraphPath path;
      path.nodes.push_back(from);
      for (auto step = reversed.rbegin(); step != reversed.rend(); ++step) {
        path.steps.push_back(*step);
        const Vertex a = g.source(step->edge);
        const Vertex b = g.target(step->edge);
        path.nodes.push_back(step->forward ? b : a);
      }
      paths.push_back(std::move(path));
      return;
    }
    auto nearer = [&](Vertex u) {
      return distance[u] != kUnreached && distance[u] + 1 == distance[v] && !blocked[u];
    };
    // The edge v → u, walked back, is walked forward from u to v on the chain's way.
    for (EdgeRef e : boost::make_iterator_range(boost::in_edges(v, g))) {
      if (!nearer(g.source(e))) continue;
      reversed.push_back({e, true});
      walk(g.source(e));
      reversed.pop_back();
    }
    for (EdgeRef e : boost::make_iterator_range(boost::out_edges(v, g))) {
      if (!nearer(g.target(e))) continue;
      reversed.push_back({e, false});
      walk(g.target(e));
      reversed.pop_back();
    }
  }
};

// The sources a claim cites, in edge order.
std::vector<Vertex> cited_by(const Graph& g, Vertex claim) {
  std::vector<Vertex> sources;
  for (EdgeRef e : boost::make_iterator_range(boost::out_edges(claim, g))) {
    if (g.type(e) == EdgeType::cites) sources.push_back(g.target(e));
  }
  return sources;
}

std::string source_text(const NodeView& source) {
  std::string text(source.label.empty() ? source.id : source.label);
  if (!source.title.empty() && source.title != source.label) (text += " — ") += source.title;
  if (!source.url.empty()) ((text += " <") += source.url) += ">";
  return text;
}

Json edge_json(const Graph& g, const PathStep& step) {
  return Json{{"source", g[g.source(step.edge)].id},
              {"target", g[g.target(step.edge)].id},
              {"type", to_string(g.type(step.edge))}};
}

}  // namespace

std::vector<GraphPath> shortest_paths(const EvidenceGraph& graph, Vertex from, Vertex to,
                                      std::size_t limit, bool through_documents) {
  const Graph& g = graph.graph();
  std::vector<bool> blocked(g.vertex_count(), false);
  if (!through_documents) {
    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
      blocked[v] = analysis::is_container(g[v].type) && v != from && v != to;
    }
  }
  const analysis::Undirected u = analysis::undirected(g, &blocked);
  std::vector<std::size_t> distance(g.vertex_count(), kUnreached);
  distance[from] = 0;
  boost::breadth_first_search(
      u, from,
      boost::visitor(boost::make_bfs_visitor(boost::record_distances(
          boost::make_iterator_property_map(distance.begin(), boost::get(boost::vertex_index, u)),
          boost::on_tree_edge()))));
  std::vector<GraphPath> paths;
  if (distance[to] == kUnreached || limit == 0) return paths;
  PathWalker walker{g, distance, blocked, from, limit, paths, {}};
  walker.walk(to);
  return paths;
}

void write_paths_text(const EvidenceGraph& graph, const std::vector<GraphPath>& paths,
                      std::ostream& out) {
  const Graph& g = graph.graph();
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const GraphPath& path = paths[i];
    if (paths.size() > 1) out << (i + 1) << ". ";
    out << analysis::display_name(g[path.nodes.front()]);
    for (std::size_t s = 0; s < path.steps.size(); ++s) {
      out << ' ' << analysis::step_text(g.type(path.steps[s].edge), path.steps[s].forward) << ' '
          << analysis::display_name(g[path.nodes[s + 1]]);
    }
    out << '\n';
    for (Vertex v : path.nodes) {
      if (g[v].type != NodeType::claim) continue;
      const std::vector<Vertex> sources = cited_by(g, v);
      out << "   " << g[v].id;
      if (sources.empty()) out << " cites no source\n";
      for (std::size_t k = 0; k < sources.size(); ++k) {
        out << (k == 0 ? " cites " : "\n   " + std::string(g[v].id.size(), ' ') + "   and ")
            << source_text(g[sources[k]]);
      }
      if (!sources.empty()) out << '\n';
    }
  }
}

void write_paths_json(const EvidenceGraph& graph, Vertex from, Vertex to,
                      const std::vector<GraphPath>& paths, std::ostream& out) {
  const Graph& g = graph.graph();
  Json list = Json::array();
  for (const GraphPath& path : paths) {
    Json nodes = Json::array();
    Json edges = Json::array();
    Json cites = Json::object();
    for (Vertex v : path.nodes) {
      nodes.push_back(analysis::node_brief(g[v]));
      if (g[v].type != NodeType::claim) continue;
      Json sources = Json::array();
      for (Vertex s : cited_by(g, v)) {
        Json source = analysis::node_brief(g[s]);
        if (!g[s].url.empty()) source["url"] = g[s].url;
        sources.push_back(std::move(source));
      }
      cites[g[v].id] = std::move(sources);
    }
    for (const PathStep& step : path.steps) edges.push_back(edge_json(g, step));
    list.push_back(Json{
        {"nodes", std::move(nodes)}, {"edges", std::move(edges)}, {"cites", std::move(cites)}});
  }
  Json root{{"from", analysis::node_brief(g[from])},
            {"to", analysis::node_brief(g[to])},
            {"steps", paths.empty() ? Json(nullptr) : Json(paths.front().steps.size())},
            {"paths", std::move(list)}};
  analysis::write_json_value(root, out);
}

std::vector<PathStep> neighbours(const EvidenceGraph& graph, Vertex node) {
  const Graph& g = graph.graph();
  std::vector<PathStep> steps;
  for (EdgeRef e : boost::make_iterator_range(boost::out_edges(node, g))) {
    steps.push_back({e, true});
  }
  for (EdgeRef e : boost::make_iterator_range(boost::in_edges(node, g))) {
    steps.push_back({e, false});
  }
  return steps;
}

void write_neighbours_text(const EvidenceGraph& graph, Vertex node,
                           const std::vector<PathStep>& steps, std::ostream& out) {
  const Graph& g = graph.graph();
  out << g[node].id << "  " << analysis::display_name(g[node]) << '\n';
  for (const PathStep& step : steps) {
    const Vertex other = step.forward ? g.target(step.edge) : g.source(step.edge);
    out << "  " << analysis::step_text(g.type(step.edge), step.forward) << ' ' << g[other].id
        << "  " << analysis::display_name(g[other]) << '\n';
  }
  if (steps.empty()) out << "  (no edges)\n";
}

void write_neighbours_json(const EvidenceGraph& graph, Vertex node,
                           const std::vector<PathStep>& steps, std::ostream& out) {
  const Graph& g = graph.graph();
  Json list = Json::array();
  for (const PathStep& step : steps) {
    const Vertex other = step.forward ? g.target(step.edge) : g.source(step.edge);
    Json entry = edge_json(g, step);
    entry["direction"] = step.forward ? "out" : "in";
    entry["node"] = analysis::node_brief(g[other]);
    list.push_back(std::move(entry));
  }
  analysis::write_json_value(Json{{"node", analysis::node_brief(g[node])}, {"edges", list}}, out);
}

void write_nodes_text(const EvidenceGraph& graph, const std::vector<Vertex>& nodes,
                      std::ostream& out) {
  std::size_t width = 0;
  for (Vertex v : nodes) width = std::max(width, graph.node(v).id.size());
  for (Vertex v : nodes) {
    const NodeView node = graph.node(v);
    out << node.id << std::string(width - node.id.size() + 2, ' ') << analysis::display_name(node)
        << '\n';
  }
}

void write_nodes_json(const EvidenceGraph& graph, const std::vector<Vertex>& nodes,
                      std::ostream& out) {
  Json list = Json::array();
  for (Vertex v : nodes) list.push_back(analysis::node_brief(graph.node(v)));
  analysis::write_json_value(Json{{"nodes", std::move(list)}}, out);
}

}  // namespace evgraph
