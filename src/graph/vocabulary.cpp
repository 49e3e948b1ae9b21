#include "evgraph/vocabulary.hpp"

#include <algorithm>
#include <array>
#include <cstddef>

namespace evgraph {
namespace {

constexpr std::array<std::string_view, std::size(kNodeTypes)> kNodeTypeNames = {
    "document", "claim", "source", "population", "intervention", "outcome", "answer"};
constexpr std::array<std::string_view, std::size(kEdgeTypes)> kEdgeTypeNames = {
    "asserts", "lists",      "cites",    "concerns",       "about",
    "reports", "similar_to", "contains", "conflicts_with", "evidence"};
constexpr Stance kStances[] = {Stance::unstated, Stance::supports, Stance::contrasts,
                               Stance::mentions, Stance::mixed};
constexpr std::array<std::string_view, std::size(kStances)> kStanceNames = {
    "", "supports", "contrasts", "mentions", "mixed"};
constexpr Certainty kCertainties[] = {Certainty::unstated, Certainty::very_low, Certainty::low,
                                      Certainty::moderate, Certainty::high,     Certainty::mixed};
constexpr std::array<std::string_view, std::size(kCertainties)> kCertaintyNames = {
    "", "very low", "low", "moderate", "high", "mixed"};
constexpr std::array<std::string_view, 11> kSchemeNames = {
    "doi", "pmc",           "pubmed",         "s2",  "arxiv", "pii",
    "url", "uploaded-file", "redirect-title", "key", "title"};
static_assert(static_cast<std::size_t>(Scheme::title) + 1 == kSchemeNames.size());

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

std::string_view to_string(Stance stance) {
  return kStanceNames.at(static_cast<std::size_t>(stance));
}

std::string_view to_string(Certainty certainty) {
  return kCertaintyNames.at(static_cast<std::size_t>(certainty));
}

std::string_view to_string(Scheme scheme) {
  return kSchemeNames.at(static_cast<std::size_t>(scheme));
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

std::optional<Stance> stance_from_string(std::string_view name) {
  for (Stance stance : kStances) {
    if (to_string(stance) == name) return stance;
  }
  return std::nullopt;
}

std::optional<Certainty> certainty_from_string(std::string_view name) {
  for (Certainty certainty : kCertainties) {
    if (to_string(certainty) == name) return certainty;
  }
  return std::nullopt;
}

std::optional<Scheme> scheme_from_string(std::string_view name) {
  const auto found = std::find(kSchemeNames.begin(), kSchemeNames.end(), name);
  if (found == kSchemeNames.end()) return std::nullopt;
  return static_cast<Scheme>(found - kSchemeNames.begin());
}

}  // namespace evgraph
