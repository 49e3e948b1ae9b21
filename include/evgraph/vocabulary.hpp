// The graph's vocabulary (design.md "Graph model"): node types, edge types and claim kinds, with
// their names as they appear in every export. The enum order is the order exports list them in;
// `answer` and `contains` came last, so graphs without answers export as before they existed.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace evgraph {

enum class NodeType { document, claim, source, population, intervention, outcome, answer };
enum class EdgeType : std::uint8_t {
  asserts,
  lists,
  cites,
  concerns,
  about,
  reports,
  similar_to,
  contains
};
enum class ClaimKind { finding, commentary };

inline constexpr NodeType kNodeTypes[] = {
    NodeType::document,     NodeType::claim,   NodeType::source, NodeType::population,
    NodeType::intervention, NodeType::outcome, NodeType::answer};
inline constexpr EdgeType kEdgeTypes[] = {
    EdgeType::asserts, EdgeType::lists,   EdgeType::cites,      EdgeType::concerns,
    EdgeType::about,   EdgeType::reports, EdgeType::similar_to, EdgeType::contains};

std::string_view to_string(NodeType type);
std::string_view to_string(EdgeType type);
std::string_view to_string(ClaimKind kind);
std::optional<NodeType> node_type_from_string(std::string_view name);
std::optional<EdgeType> edge_type_from_string(std::string_view name);

}  // namespace evgraph
