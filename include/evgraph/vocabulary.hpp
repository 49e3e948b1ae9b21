// The graph's vocabulary (design.md "Graph model"): node types, edge types, claim kinds and a
// cites edge's stance and GRADE certainty, with their names as they appear in every export. The
// order of the node and edge types is the order exports list them in; `answer` and `contains`
// came last, so graphs without answers export as before they existed.
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
  contains,
  conflicts_with,
  evidence
};
enum class ClaimKind { finding, commentary };
// A cites edge's (or a curated record's) stance toward the claim; `unstated` when none is given,
// `mixed` (edges only) when the edge's records take different sides. Exported as "" (left out),
// "supports", "contrasts", "mentions", "mixed".
enum class Stance : std::uint8_t { unstated, supports, contrasts, mentions, mixed };
// A GRADE certainty: the four levels in rank order (very_low < low < moderate < high), between
// `unstated` (none given) and `mixed` (edges only: the records' levels differ), which are no level
// and must be kept out of rank comparisons (grade_rank). Exported as "" (left out), "very low",
// "low", "moderate", "high", "mixed".
enum class Certainty : std::uint8_t { unstated, very_low, low, moderate, high, mixed };

// The scheme of a cited work's identity (design.md id scheme), strongest first: the order in which
// a work's identities compete to be its node id. Strong schemes name one work for certain (doi to
// pii); the rest are weak. Exported as "doi", "pmc", "pubmed", "s2", "arxiv", "pii", "url",
// "uploaded-file", "redirect-title", "key", "title".
enum class Scheme : std::uint8_t {
  doi,
  pmc,
  pubmed,
  s2,
  arxiv,
  pii,  // Elsevier's Publisher Item Identifier
  url,
  uploaded_file,
  redirect_title,
  key,
  title
};
constexpr bool is_strong(Scheme scheme) {
  return scheme <= Scheme::pii;
}

// 1 (very low) to 4 (high) for a GRADE level; 0 for unstated and mixed.
constexpr int grade_rank(Certainty certainty) {
  return certainty == Certainty::mixed ? 0 : static_cast<int>(certainty);
}

inline constexpr NodeType kNodeTypes[] = {
    NodeType::document,     NodeType::claim,   NodeType::source, NodeType::population,
    NodeType::intervention, NodeType::outcome, NodeType::answer};
inline constexpr EdgeType kEdgeTypes[] = {
    EdgeType::asserts,        EdgeType::lists,   EdgeType::cites,      EdgeType::concerns,
    EdgeType::about,          EdgeType::reports, EdgeType::similar_to, EdgeType::contains,
    EdgeType::conflicts_with, EdgeType::evidence};

std::string_view to_string(NodeType type);
std::string_view to_string(EdgeType type);
std::string_view to_string(ClaimKind kind);
std::string_view to_string(Stance stance);
std::string_view to_string(Certainty certainty);
std::string_view to_string(Scheme scheme);
std::optional<NodeType> node_type_from_string(std::string_view name);
std::optional<EdgeType> edge_type_from_string(std::string_view name);
// The inverses of to_string, exactly ("" is unstated); nullopt for any other text (a dataset's
// own spellings are normalise_stance's and normalise_certainty's, evidence.hpp).
std::optional<Stance> stance_from_string(std::string_view name);
std::optional<Certainty> certainty_from_string(std::string_view name);
std::optional<Scheme> scheme_from_string(std::string_view name);

}  // namespace evgraph
