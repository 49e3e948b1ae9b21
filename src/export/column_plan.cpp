// The column plan (column_plan.hpp).
//
// A left-to-right dot layout puts every node one step from the claims into one rank: the seed's 50
// sources and concepts stood in one column four times taller than the drawing was wide. The drawing
// is planned instead as three groups of clusters side by side: the claims in the middle, documents
// and sources on their left, concepts (populations, interventions, outcomes) on their right, so
// that every cites and concept edge joins neighbouring ranks. A concept cluster moves to the left
// when that balances the two sides. A group still too tall wraps its clusters into more columns
// (ranks), the best-connected nodes next to the claims; an edge to a column further out must go
// round the nearer ones (dot keeps edges out of other clusters' boxes). Of all plans, the one with
// the lowest cost is kept: how far its estimated drawing is from kAspect, the share of edges that
// go round, and a little for each extra column and each concept cluster moved.
//
// The DOT keeps the plan with one rank=same subgraph per column and the real edges' minlen (the
// columns an edge spans; constraint=false when it points back or along a column). asserts and
// lists edges have weight 0, so that documents do not pull the drawing apart. Where the plan
// leaves parts of the graph unconnected, an invisible edge of class "layout" ties each part to the
// rest; readers of the DOT skip edges of that class. A summary view (evidence edges only) is
// planned as its edges run: populations, interventions, outcomes, left to right.
#include "export/column_plan.hpp"

#include <algorithm>
#include <array>
#include <boost/range/iterator_range.hpp>
#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace evgraph::detail {
namespace {

constexpr double kAspect = 1.25;    // estimated width / height aimed at
constexpr double kSkew = 0.3;       // how much of the shorter side's height adds to the taller's
constexpr double kWrap = 0.1;       // the cost of each column a group wraps into beyond its first
constexpr double kSlack = 0.2;      // how far from kAspect, in log ratio, is near enough
constexpr double kSmall = 500;      // points: drawings this long on their longer side are small
constexpr double kDetour = 2.5;     // the cost of going round, times the share of edges that do
constexpr double kMoved = 0.15;     // the cost of each concept cluster on the left
constexpr double kNodeSep = 5;      // points between nodes of one rank (nodesep 0.07 in)
constexpr double kRankSep = 36;     // points between ranks (dot's default ranksep, 0.5 in)
constexpr double kClusterPad = 30;  // a cluster's label and margins
constexpr std::size_t kGroups = 3;
constexpr std::size_t kLeft = 0;
constexpr std::size_t kClaims = 1;
constexpr std::size_t kRight = 2;
constexpr std::array<NodeType, 3> kConcepts = {NodeType::population, NodeType::intervention,
                                               NodeType::outcome};

std::size_t ceil_div(std::size_t a, std::size_t b) {
  return (a + b - 1) / b;
}

// A node's drawn size in points, estimated from its wrapped label as Graphviz sizes DejaVu Sans 10.
struct Extent {
  double width = 0;
  double height = 0;
};

Extent estimate(const ShapeScale& style, std::string_view label) {
  std::size_t lines = 1;
  std::size_t longest = 0;
  std::size_t current = 0;
  for (char c : label) {
    if (c == '\n') {
      ++lines;
      current = 0;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      longest = std::max(longest, ++current);
    }
  }
  return {std::max(36.0, (5.4 * static_cast<double>(longest) + 16) * style.widen),
          std::max(22.0, (12.0 * static_cast<double>(lines) + 4) * style.raise)};
}

// How far a drawing of this size is from kAspect, in log ratio beyond kSlack; it matters fully once
// the longer side passes a screen's height, and not for a drawing that fits in half of one.
double misshape(double width, double height) {
  const double off = std::max(0.0, std::abs(std::log(width / height / kAspect)) - kSlack);
  const double size = std::clamp((std::max(width, height) - kSmall) / kSmall, 0.0, 1.0);
  return 4 * off * off * size;
}

// One type's cluster: its nodes, best connected to the claims first (ties in vertex order).
struct Cluster {
  NodeType type = NodeType::document;
  std::vector<Vertex> nodes;
  std::vector<std::size_t> prefix;  // edges to the other side of the claims, of the first k nodes
  double pitch = 0;                 // a node's height and the space after it, on average
  double widest = 0;

  // Nodes per column (the last may have fewer) when wrapped into columns of at most `rows`, as
  // evenly as they go.
  std::size_t per_column(std::size_t rows) const {
    return ceil_div(nodes.size(), ceil_div(nodes.size(), rows));
  }
};

// Clusters stacked, each wrapped into columns of at most `rows` nodes: the group is as tall as
// their sum and as wide as its most wrapped cluster.
struct Group {
  std::vector<const Cluster*> clusters;
  std::size_t most = 0;  // nodes in its largest cluster
  bool claims = false;

  void add(const Cluster& cluster) {
    clusters.push_back(&cluster);
    most = std::max(most, cluster.nodes.size());
  }

  std::size_t columns(std::size_t rows) const {
    return clusters.empty() ? 0 : ceil_div(most, rows);
  }

  double height(std::size_t rows) const {
    double total = 0;
    for (const Cluster* cluster : clusters) {
      total += cluster->pitch * static_cast<double>(cluster->per_column(rows)) + kClusterPad;
    }
    return total;
  }

  // Each column as wide as the widest cluster that reaches it.
  double width(std::size_t rows) const {
    double total = 0;
    for (std::size_t k = 0; k < columns(rows); ++k) {
      double column = 0;
      for (const Cluster* cluster : clusters) {
        if (ceil_div(cluster->nodes.size(), rows) > k) column = std::max(column, cluster->widest);
      }
      total += column + kRankSep;
    }
    return total;
  }

  // The most rows per column that keep the group within `limit` (one when none does).
  std::size_t rows_within(double limit) const {
    std::size_t low = 1;
    std::size_t high = std::max<std::size_t>(most, 1);
    while (low < high) {
      const std::size_t middle = high - (high - low) / 2;
      if (height(middle) <= limit) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low;
  }

  // Edges that leave a node further out than the column next to the claims. A side cluster's
  // prefix counts its edges to the claims; the claims' prefix counts their edges to the left side,
  // and the claims' nodes are ordered left-heavy first, so the right side's come last.
  std::size_t detours(std::size_t rows, const std::vector<std::size_t>& claims_right) const {
    std::size_t count = 0;
    for (const Cluster* cluster : clusters) {
      const std::size_t n = cluster->nodes.size();
      const std::size_t near = std::min(n, cluster->per_column(rows));
      if (!claims) {
        count += cluster->prefix[n] - cluster->prefix[near];
        continue;
      }
      const std::size_t last = near * (ceil_div(n, near) - 1);  // where the last column starts
      count += cluster->prefix[n] - cluster->prefix[near] + claims_right[last];
    }
    return count;
  }
};

struct Plan {
  std::array<std::size_t, std::size(kNodeTypes)> group{};  // per node type
  std::array<std::size_t, kGroups> rows{};                 // per column, at most
  std::array<std::size_t, kGroups> columns{};
  double score = 0;
};

// Each vertex's column, counted from the left of the drawing.
class ColumnPlanner {
 public:
  ColumnPlanner(const EvidenceGraph& graph, const std::vector<std::string>& labels, double legend,
                const ShapeScales& scales)
      : graph_(graph), legend_(legend) {
    const Graph& g = graph.graph();
    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
      clusters_.at(static_cast<std::size_t>(graph.node(v).type)).nodes.push_back(v);
    }
    for (NodeType type : kNodeTypes) {
      Cluster& cluster = clusters_.at(static_cast<std::size_t>(type));
      cluster.type = type;
      for (Vertex v : cluster.nodes) {
        const Extent extent = estimate(scales.at(static_cast<std::size_t>(type)), labels.at(v));
        cluster.pitch += extent.height + kNodeSep;
        cluster.widest = std::max(cluster.widest, extent.width);
      }
      if (!cluster.nodes.empty()) cluster.pitch /= static_cast<double>(cluster.nodes.size());
    }
    edges_ = std::max<std::size_t>(1, graph.edge_count());
  }

  std::vector<std::size_t> columns() {
    Plan best;
    bool found = false;
    for (unsigned moved = 0; moved < (1u << kConcepts.size()); ++moved) {
      Plan plan;
      plan.group = {kLeft, kClaims, kLeft, kRight, kRight, kRight};
      bool useful = true;
      for (std::size_t i = 0; i < kConcepts.size(); ++i) {
        if ((moved & (1u << i)) == 0) continue;
        const auto type = static_cast<std::size_t>(kConcepts[i]);
        useful = useful && !clusters_.at(type).nodes.empty();
        plan.group.at(type) = kLeft;
      }
      if (!useful) continue;
      arrange(plan);
      best_rows(plan);
      plan.score += kMoved * static_cast<double>(std::popcount(moved));
      if (!found || plan.score < best.score - 1e-9) {
        best = plan;
        found = true;
      }
    }
    arrange(best);
    return assign(best);
  }

 private:
  std::size_t side_of(Vertex v, const Plan& plan) const {
    return plan.group.at(static_cast<std::size_t>(graph_.node(v).type));
  }

  // Orders each cluster's nodes for `plan`: in side clusters by edges to the claims, most first; in
  // the claims by edges to the right minus edges to the left, fewest first. asserts and lists edges
  // are not counted: concentrate=true merges those of one document into one path.
  void arrange(const Plan& plan) {
    const Graph& g = graph_.graph();
    std::vector<long> toward(graph_.node_count(), 0);
    std::vector<std::size_t> left(graph_.node_count(), 0);
    std::vector<std::size_t> right(graph_.node_count(), 0);
    for (EdgeRef e : boost::make_iterator_range(boost::edges(g))) {
      if (is_provenance(graph_.edge(e).type)) continue;
      for (const auto& [v, w] : {std::pair(boost::source(e, g), boost::target(e, g)),
                                 std::pair(boost::target(e, g), boost::source(e, g))}) {
        if (side_of(v, plan) == kClaims) {
          if (side_of(w, plan) == kLeft) ++left[v];
          if (side_of(w, plan) == kRight) ++right[v];
        } else if (side_of(w, plan) == kClaims) {
          ++toward[v];
        }
      }
    }
    claims_right_.assign(1, 0);
    for (Cluster& cluster : clusters_) {
      std::vector<Vertex>& nodes = cluster.nodes;
      const bool claims = cluster.type == NodeType::claim;
      std::sort(nodes.begin(), nodes.end(), [&](Vertex a, Vertex b) {
        const long ka =
            claims ? static_cast<long>(right[a]) - static_cast<long>(left[a]) : -toward[a];
        const long kb =
            claims ? static_cast<long>(right[b]) - static_cast<long>(left[b]) : -toward[b];
        return ka != kb ? ka < kb : a < b;
      });
      cluster.prefix.assign(1, 0);
      for (Vertex v : nodes) {
        cluster.prefix.push_back(cluster.prefix.back() +
                                 (claims ? left[v] : static_cast<std::size_t>(toward[v])));
        if (claims) claims_right_.push_back(claims_right_.back() + right[v]);
      }
    }
  }

  // The rows per column of each group that score best, trying every height one of the groups can
  // have as the drawing's height.
  void best_rows(Plan& plan) const {
    std::array<Group, kGroups> groups;
    for (const Cluster& cluster : clusters_) {
      if (cluster.nodes.empty()) continue;
      groups.at(plan.group.at(static_cast<std::size_t>(cluster.type))).add(cluster);
    }
    groups[kClaims].claims = true;
    std::vector<double> limits;
    for (const Group& group : groups) {
      for (std::size_t rows = 1; rows <= group.most; ++rows) limits.push_back(group.height(rows));
    }
    std::sort(limits.begin(), limits.end(), std::greater<>());
    limits.erase(std::unique(limits.begin(), limits.end()), limits.end());
    bool found = false;
    for (double limit : limits) {
      Plan candidate = plan;
      double width = 0;
      std::array<double, kGroups> heights{};
      std::size_t detours = 0;
      for (std::size_t i = 0; i < kGroups; ++i) {
        if (groups[i].clusters.empty()) continue;
        candidate.rows[i] = groups[i].rows_within(limit);
        candidate.columns[i] = groups[i].columns(candidate.rows[i]);
        width += groups[i].width(candidate.rows[i]);
        heights[i] = groups[i].height(candidate.rows[i]);
        detours += groups[i].detours(candidate.rows[i], claims_right_);
      }
      // dot centres each side on the edges to the claims, not on the other side: they overlap
      // only in part.
      const double height = *std::max_element(heights.begin(), heights.end()) +
                            kSkew * std::min(heights[kLeft], heights[kRight]);
      std::size_t wraps = 0;
      for (std::size_t columns : candidate.columns) wraps += columns > 1 ? columns - 1 : 0;
      candidate.score = misshape(width, height + legend_) +
                        kDetour * static_cast<double>(detours) / static_cast<double>(edges_) +
                        kWrap * static_cast<double>(wraps);
      if (!found || candidate.score < plan.score - 1e-9) {
        plan = candidate;
        found = true;
      }
    }
  }

  // Side clusters fill the column next to the claims first and wrap outwards; the claims fill
  // their columns left to right.
  std::vector<std::size_t> assign(const Plan& plan) const {
    const std::size_t claims_first = plan.columns[kLeft];
    const std::size_t right_first = claims_first + plan.columns[kClaims];
    std::vector<std::size_t> column(graph_.node_count(), 0);
    for (const Cluster& cluster : clusters_) {
      if (cluster.nodes.empty()) continue;
      const std::size_t group = plan.group.at(static_cast<std::size_t>(cluster.type));
      const std::size_t per_column = cluster.per_column(plan.rows[group]);
      for (std::size_t i = 0; i < cluster.nodes.size(); ++i) {
        const std::size_t out = i / per_column;
        column[cluster.nodes[i]] = group == kLeft     ? claims_first - 1 - out
                                   : group == kClaims ? claims_first + out
                                                      : right_first + out;
      }
    }
    return column;
  }

  const EvidenceGraph& graph_;
  double legend_;
  std::array<Cluster, std::size(kNodeTypes)> clusters_;
  std::vector<std::size_t> claims_right_;  // edges to the right side, of the first k claims
  std::size_t edges_ = 1;
};

// A summary view (summary_graph): concepts and evidence edges, no claims.
bool is_summary(const EvidenceGraph& graph) {
  const Graph& g = graph.graph();
  bool evidence = false;
  for (EdgeRef e : boost::make_iterator_range(boost::edges(g))) {
    if (g.type(e) != EdgeType::evidence) return false;
    evidence = true;
  }
  return evidence;
}

// The summary reads left to right as its edges run: populations, interventions, outcomes (a type
// with no node takes no column).
std::vector<std::size_t> summary_columns(const EvidenceGraph& graph) {
  const Graph& g = graph.graph();
  constexpr std::array<NodeType, 3> kOrder = {NodeType::population, NodeType::intervention,
                                              NodeType::outcome};
  std::array<bool, kOrder.size()> present{};
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    for (std::size_t i = 0; i < kOrder.size(); ++i)
      present[i] = present[i] || g.type(v) == kOrder[i];
  }
  std::array<std::size_t, kOrder.size()> column{};
  for (std::size_t i = 0, next = 0; i < kOrder.size(); ++i) {
    column[i] = next;
    next += present[i];
  }
  std::vector<std::size_t> columns(g.vertex_count(), 0);
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    for (std::size_t i = 0; i < kOrder.size(); ++i) {
      if (g.type(v) == kOrder[i]) columns[v] = column[i];
    }
  }
  return columns;
}

}  // namespace

std::vector<std::size_t> plan_columns(const EvidenceGraph& graph,
                                      const std::vector<std::string>& labels, double legend,
                                      const ShapeScales& scales) {
  if (is_summary(graph)) return summary_columns(graph);
  return ColumnPlanner(graph, labels, legend, scales).columns();
}

}  // namespace evgraph::detail
