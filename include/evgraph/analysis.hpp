// Analyses of an EvidenceGraph (design.md "analyse"): measures per claim, source and concept, the
// graph's structure (components, degree, betweenness), the evidence-and-gap map with its writers
// (Markdown, CSV, SVG heatmap, EPPI-Reviewer JSON), the quality report, and paths, neighbours and
// search. Free functions of a finished graph returning plain structs indexed by Vertex; they only
// read the graph, so several may run at once. Writers stream to the given std::ostream.
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "evgraph/export.hpp"
#include "evgraph/graph.hpp"
#include "evgraph/vocabulary.hpp"

namespace evgraph {

// ---- Measures

struct ClaimMeasures {
  Vertex claim = 0;
  std::size_t works = 0;          // distinct works (source nodes) its cites edges point at
  std::size_t documents = 0;      // documents asserting it
  std::size_t corroborating = 0;  // claims joined to it by similar_to
  std::size_t conflicting = 0;    // near-duplicate claims pointing the other way (conflicts_with)
  // The stance mix over its cites edges (curated evidence); `unstated` counts edges with none.
  std::size_t supports = 0, contrasts = 0, mentions = 0, mixed = 0, unstated = 0;
  Certainty certainty = Certainty::unstated;  // the best GRADE level of its cites edges
  bool single_source = false;                 // rests on exactly one work
};

struct SourceMeasures {
  Vertex source = 0;
  std::size_t claims = 0;     // claims citing it
  std::size_t documents = 0;  // documents listing it
  bool cited = false;         // some claim cites it
};

struct ConceptMeasures {
  Vertex concept_vertex = 0;  // a population, intervention or outcome
  std::size_t claims = 0;     // claims linked to it (concerns, about, reports)
  std::size_t works = 0;      // distinct works those claims cite
};

// One entry per node of the type, in vertex order.
std::vector<ClaimMeasures> claim_measures(const EvidenceGraph& graph);
std::vector<SourceMeasures> source_measures(const EvidenceGraph& graph);
std::vector<ConceptMeasures> concept_measures(const EvidenceGraph& graph);

// The structure of the evidence: the graph's edges taken as undirected, documents left out (a
// document joins every claim it makes, which says nothing about how the evidence connects), then
// Boost.Graph's connected_components and brandes_betweenness_centrality. Vectors are indexed by
// Vertex; a document's component is kNoComponent and its betweenness 0.
inline constexpr std::size_t kNoComponent = static_cast<std::size_t>(-1);
struct Structure {
  std::size_t components = 0;          // evidence islands
  std::vector<std::size_t> component;  // 0-based, numbered in order of their first vertex
  std::vector<std::size_t> degree;     // in + out edges, all of them
  std::vector<double> betweenness;     // raw, each pair once (Boost halves it for undirected
                                       // graphs); empty when not computed
};
// Betweenness is O(V·E): computed only when the graph has at most `betweenness_limit` nodes.
inline constexpr std::size_t kBetweennessLimit = 20000;
Structure structure(const EvidenceGraph& graph, std::size_t betweenness_limit = kBetweennessLimit);

// All of the above per node, in vertex order, as EvidenceGraph::set_measures takes them (the
// exports then write them as node attributes; `--measures` on build and convert).
std::vector<NodeMeasures> node_measures(const EvidenceGraph& graph,
                                        std::size_t betweenness_limit = kBetweennessLimit);

// ---- Evidence-and-gap map: rows are the populations (or interventions), columns the outcomes;
// each cell holds the claims linked to both and the distinct works those claims cite. A cell with
// no claim is a gap. Rows and columns are every concept of their type in the graph, sorted by
// label; with `filter` (a concept of the third type) only the claims also linked to it count.

struct GapCell {
  std::vector<Vertex> claims;  // in vertex order
  std::vector<Vertex> works;   // in vertex order
  bool gap() const noexcept { return claims.empty(); }
};

struct GapMap {
  NodeType row_type = NodeType::population;  // population or intervention
  NodeType column_type = NodeType::outcome;
  std::optional<Vertex> filter;
  std::vector<Vertex> rows;
  std::vector<Vertex> columns;
  std::vector<GapCell> cells;  // rows.size() × columns.size(), row by row
  const GapCell& cell(std::size_t row, std::size_t column) const {
    return cells[row * columns.size() + column];
  }
  std::size_t max_works() const;
};

// Throws Error when `rows` is not population or intervention, or `filter` is not a concept of the
// third type.
GapMap gap_map(const EvidenceGraph& graph, NodeType rows,
               std::optional<Vertex> filter = std::nullopt);

// The map as a Markdown table, outcomes down the page (a map has more outcomes than populations):
// each cell "works (claims)", gaps "·".
void write_gap_markdown(const EvidenceGraph& graph, const GapMap& map, std::ostream& out);
// Long form, one line per cell, gaps included: row,column,works,claims,ids (the claims' and then
// the works' ids, separated by spaces); row is the population or intervention, column the outcome.
void write_gap_csv(const EvidenceGraph& graph, const GapMap& map, std::ostream& out,
                   CsvCells cells = CsvCells::as_written);
// A standalone SVG heatmap, outcomes down the page: cells shaded by works on a colour-blind-safe
// sequential palette (ColorBrewer Blues), the count written in each cell, gaps left white.
void write_gap_svg(const EvidenceGraph& graph, const GapMap& map, std::ostream& out);
// EPPI-Reviewer's JSON export, which EPPI-Mapper draws: one CodeSet each for the rows', columns'
// and (when filtered) the filter's concepts; one Reference per work, with a Code for each concept
// of a claim citing it, the claim's text in ItemAttributeFullTextDetails.
void write_gap_eppi_json(const EvidenceGraph& graph, const GapMap& map, std::ostream& out);

// ---- Quality report

struct SourceRank {
  Vertex source = 0;
  std::size_t claims = 0;
};

struct Report {
  std::vector<std::pair<NodeType, std::size_t>> nodes;  // counts by type, every type
  std::vector<std::pair<EdgeType, std::size_t>> edges;  // counts by type, every type
  std::vector<SourceRank> most_cited;                   // cited sources, most claims first
  std::vector<ClaimMeasures> claims;
  std::vector<SourceMeasures> sources;
  std::vector<ConceptMeasures> concepts;
  Structure structure;
  GapMap population_outcome;
  GapMap intervention_outcome;
  // Problems.
  std::vector<Vertex> uncited_claims;     // findings citing nothing
  std::vector<Vertex> listed_uncited;     // sources listed by a document, cited by no claim
  std::vector<Vertex> single_source;      // claims resting on one work
  std::vector<EdgeRef> ambiguous;         // cites edges from a number defined twice
  std::vector<EdgeRef> conflicts;         // conflicts_with edges: near-duplicates that disagree
  std::size_t commentary = 0;             // commentary claims
  std::size_t claim_count = 0;            // all claims
  std::vector<Vertex> documents_uncited;  // documents with claims, none citing a source
  std::vector<Vertex> identifier_only;    // sources with no title: known only by an identifier
};

struct ReportOptions {
  std::optional<Vertex> population;    // filter of the intervention × outcome map
  std::optional<Vertex> intervention;  // filter of the population × outcome map
  std::size_t top = 10;                // most-cited sources listed
  std::size_t betweenness_limit = kBetweennessLimit;
};

Report report(const EvidenceGraph& graph, const ReportOptions& options = {});
// Terminal text (aligned tables), Markdown (embedding both gap maps), a printable HTML page (both
// gap maps as inline SVG heatmaps; no script, only http(s) links), and JSON.
void write_report_text(const EvidenceGraph& graph, const Report& report, std::ostream& out);
void write_report_markdown(const EvidenceGraph& graph, const Report& report, std::ostream& out);
void write_report_html(const EvidenceGraph& graph, const Report& report, std::ostream& out);
void write_report_json(const EvidenceGraph& graph, const Report& report, std::ostream& out);

// ---- Filters: the part of a graph an export shows

// Each set criterion narrows the nodes kept (they combine as AND); edges are kept between kept
// nodes. Names are ids or labels, found as resolve_node() finds them.
struct GraphFilter {
  // Concepts (population, intervention or outcome): the claims linked to any of them, with the
  // sources those claims cite and the concepts they are linked to.
  std::vector<std::string> only;
  std::string around;  // a node: what lies within `depth` edges of it, in either direction
  std::size_t depth = 1;
  std::vector<NodeType> types;  // only these types (none: every type)
  bool no_commentary = false;   // no commentary claims
  bool cited_only = false;      // no claim that cites nothing, no source no claim cites
  std::size_t min_works = 0;    // no claim citing fewer distinct works
  bool empty() const {
    return only.empty() && around.empty() && types.empty() && !no_commentary && !cited_only &&
           min_works == 0;
  }
};

// The kept nodes (in vertex order, their ids and labels unchanged) and the edges between them, as
// a new graph. Throws Error when a name fits no node or several, or `only` names no concept.
EvidenceGraph filter_graph(const EvidenceGraph& graph, const GraphFilter& filter);

// ---- Summary view

// The evidence folded onto its concepts, a graph that stays readable at any size: the populations,
// interventions and outcomes that finding claims are linked to (copies, in vertex order), and one
// `evidence` edge for each pair of them a claim links — population → intervention and
// intervention → outcome, or population → outcome when the claim names no intervention — with
// `claims`, how many claims, and `works`, the distinct works those claims cite. Commentary is left
// out. Edges come in the order of their first claim.
EvidenceGraph summary_graph(const EvidenceGraph& graph);

// ---- Paths, neighbours and search

// Text as the HTML page's search compares it (src/export/html_page.js fold()): compatibility
// decomposition with the marks dropped, every hyphen or dash a space, curly quotes straight, lower
// case, runs of white space one space, ends trimmed.
std::string fold_for_search(std::string_view text);

// Nodes whose searchable text (label, text, title, path, identifier, url, authors, urls) holds
// every word of `query` after folding; those whose label holds them all first, then vertex order.
std::vector<Vertex> search_nodes(const EvidenceGraph& graph, std::string_view query);

// A node named by id, else by label (folded, whole), else the one node the search finds. Throws
// Error naming the candidates when the name fits several nodes, or saying that it fits none.
Vertex resolve_node(const EvidenceGraph& graph, std::string_view name);

struct PathStep {
  EdgeRef edge;
  bool forward = true;  // walked from the edge's source to its target
};

struct GraphPath {
  std::vector<Vertex> nodes;    // from … to
  std::vector<PathStep> steps;  // nodes.size() - 1
};

// The shortest chains from `from` to `to`, edges walked either way (breadth_first_search), at most
// `limit`, in a deterministic order. Documents are not passed through (a document joins every
// claim it makes, which says nothing about the evidence) unless `through_documents`.
std::vector<GraphPath> shortest_paths(const EvidenceGraph& graph, Vertex from, Vertex to,
                                      std::size_t limit = 10, bool through_documents = false);

// One line per path: `Low-SES men ← concerns — "For men with low…" — reports → Self-esteem`, then
// an indented line per claim on it with the sources it cites.
void write_paths_text(const EvidenceGraph& graph, const std::vector<GraphPath>& paths,
                      std::ostream& out);
void write_paths_json(const EvidenceGraph& graph, Vertex from, Vertex to,
                      const std::vector<GraphPath>& paths, std::ostream& out);

// The node's edges, out-edges then in-edges, each in insertion order.
std::vector<PathStep> neighbours(const EvidenceGraph& graph, Vertex node);
void write_neighbours_text(const EvidenceGraph& graph, Vertex node,
                           const std::vector<PathStep>& steps, std::ostream& out);
void write_neighbours_json(const EvidenceGraph& graph, Vertex node,
                           const std::vector<PathStep>& steps, std::ostream& out);

void write_nodes_text(const EvidenceGraph& graph, const std::vector<Vertex>& nodes,
                      std::ostream& out);
void write_nodes_json(const EvidenceGraph& graph, const std::vector<Vertex>& nodes,
                      std::ostream& out);

}  // namespace evgraph
