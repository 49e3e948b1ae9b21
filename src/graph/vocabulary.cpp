#include "evgraph/vocabulary.hpp"

#include <array>
#include <cstddef>

namespace evgraph {
namespace {

constexpr std::array<std::string_view, std::size(kNodeTypes)> kNodeTypeNames = {
    "document", "claim", "source", "population", "intervention", "outcome", "answer"};
constexpr std::array<std::string_view, std::size(kEdgeTypes)> kEdgeTypeNames = {
    "asserts", "lists", "cites", "concerns", "about", "reports", "similar_to", "contains"};

}  // namespace

std::string_view to_string(NodeType type) {
  return kNodeTypeNames.at(static_cast<std::size_t>(type));
}

std::string_view to_string(EdgeType type) {
  return kEdgeTypeNames.at(static_cast<std::size_t>(type));
}

std::string_view to_string(ClaimKind kind) {
  return kind == ClaimKind::commentary ? "commentary" : "finding";
}

std::optional<NodeType> node_type_from_string(std::string_view name) {
  for (NodeType type : kNodeTypes) {
    if (to_string(type) == name) return type;
  }
  return std::nullopt;
}

}  // namespace evgraph

namespace evgraph {

std::optional<EdgeType> edge_type_from_string(std::string_view name) {
  for (EdgeType type : kEdgeTypes) {
    if (to_string(type) == name) return type;
  }
  return std::nullopt;
}

}  // namespace evgraph
