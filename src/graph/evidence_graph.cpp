#include <algorithm>
#include <filesystem>
#include <string>

#include "evgraph/graph.hpp"

namespace evgraph {
namespace {

std::string source_label(const SourceIdentity& identity) {
  if (identity.scheme == "pmc") return identity.identifier;
  if (identity.scheme == "pubmed") return "PMID " + identity.identifier;
  if (identity.scheme == "s2") return "S2 " + identity.identifier.substr(0, 8);
  if (identity.scheme == "doi") return short_label("doi:" + identity.identifier, 40);
  return short_label(identity.identifier, 40);
}

EdgeType edge_type_for(NodeType concept_type) {
  switch (concept_type) {
    case NodeType::population:
      return EdgeType::concerns;
    case NodeType::intervention:
      return EdgeType::about;
    default:
      return EdgeType::reports;
  }
}

void append_unique(std::vector<std::string>& to, const std::vector<std::string>& from) {
  for (const std::string& item : from) {
    if (std::find(to.begin(), to.end(), item) == to.end()) to.push_back(item);
  }
}

void merge_into(Node& existing, Node&& added) {
  for (Occurrence& occurrence : added.occurrences) {
    const bool seen = std::any_of(
        existing.occurrences.begin(), existing.occurrences.end(), [&](const Occurrence& o) {
          return o.document == occurrence.document && o.line == occurrence.line &&
                 o.column == occurrence.column;
        });
    if (!seen) existing.occurrences.push_back(std::move(occurrence));
  }
  append_unique(existing.urls, added.urls);
  if (existing.url.empty()) existing.url = std::move(added.url);
}

}  // namespace

std::size_t EvidenceGraph::EdgeKeyHash::operator()(const EdgeKey& key) const noexcept {
  std::size_t hash = std::hash<std::size_t>{}(key.from);
  hash = hash * 31 + std::hash<std::size_t>{}(key.to);
  return hash * 31 + static_cast<std::size_t>(key.type);
}

std::optional<Vertex> EvidenceGraph::find(std::string_view id) const {
  auto found = index_.find(std::string(id));
  if (found == index_.end()) return std::nullopt;
  return found->second;
}

Vertex EvidenceGraph::add_node(Node node) {
  auto [found, added] = index_.try_emplace(node.id, boost::num_vertices(graph_));
  if (!added) {
    merge_into(graph_[found->second], std::move(node));
    return found->second;
  }
  // Boost 1.74's add_vertex(property, g) and add_edge(u, v, property, g) take the property by const
  // reference and copy it; adding an empty one and moving into it does not. It also skips the
  // named-graph lookup in which GCC 12 -O2 -fsanitize=address warns maybe-uninitialized (a false
  // positive on boost::optional).
  const Vertex vertex = boost::add_vertex(graph_);
  graph_[vertex] = std::move(node);
  return vertex;
}

EdgeRef EvidenceGraph::add_edge(Vertex from, Vertex to, Edge edge) {
  auto [found, added] = edges_.try_emplace(EdgeKey{from, to, edge.type});
  if (!added) {
    Edge& existing = graph_[found->second];
    append_unique(existing.markers, edge.markers);
    existing.ambiguous = existing.ambiguous || edge.ambiguous;
    return found->second;
  }
  found->second = boost::add_edge(from, to, graph_).first;
  graph_[found->second] = std::move(edge);
  return found->second;
}

void EvidenceGraph::reserve(std::size_t nodes) {
  graph_.m_vertices.reserve(nodes);
  index_.reserve(nodes);
}

void add_evidence(EvidenceGraph& graph, const Evidence& evidence) {
  Node document_node;
  document_node.id = "document:" + evidence.document;
  document_node.type = NodeType::document;
  document_node.label = std::filesystem::path(evidence.document).filename().string();
  if (document_node.label.empty()) document_node.label = evidence.document;
  document_node.path = evidence.document;
  const Vertex document = graph.add_node(std::move(document_node));

  std::vector<Vertex> claims;
  claims.reserve(evidence.claims.size());
  for (const ClaimRecord& record : evidence.claims) {
    Node claim;
    claim.id = record.id;
    claim.type = NodeType::claim;
    claim.label = short_label(record.text);
    claim.text = record.text;
    claim.kind = record.kind;
    claim.occurrences.push_back(
        {evidence.document, record.where.line, record.where.column, record.block, record.markers});
    claims.push_back(graph.add_node(std::move(claim)));
  }
  std::vector<Vertex> sources;
  sources.reserve(evidence.sources.size());
  for (const SourceRecord& record : evidence.sources) {
    Node source;
    source.id = record.identity.id();
    source.type = NodeType::source;
    source.label = source_label(record.identity);
    source.url = record.url;
    source.urls = {record.url};
    source.scheme = record.identity.scheme;
    source.identifier = record.identity.identifier;
    sources.push_back(graph.add_node(std::move(source)));
  }
  std::vector<Vertex> concepts;
  concepts.reserve(evidence.concepts.size());
  for (const ConceptRef& ref : evidence.concepts) {
    Node node;
    node.id = ref.id;
    node.type = ref.type;
    node.label = ref.label;
    concepts.push_back(graph.add_node(std::move(node)));
  }

  for (std::size_t i = 0; i < evidence.claims.size(); ++i) {
    const ClaimRecord& record = evidence.claims[i];
    graph.add_edge(document, claims[i], {EdgeType::asserts, {}, false, {}});
    for (const Citation& citation : record.citations) {
      graph.add_edge(claims[i], sources.at(citation.source),
                     {EdgeType::cites, citation.markers, citation.ambiguous, {}});
    }
    for (std::size_t concept_index : record.concepts) {
      const ConceptRef& ref = evidence.concepts.at(concept_index);
      graph.add_edge(claims[i], concepts.at(concept_index),
                     {edge_type_for(ref.type), {}, false, {}});
    }
  }
  for (std::size_t i = 0; i < evidence.sources.size(); ++i) {
    graph.add_edge(document, sources[i], {EdgeType::lists, {evidence.sources[i].label}, false, {}});
  }
}

EvidenceGraph build_graph(std::span<const Evidence> evidence) {
  EvidenceGraph graph;
  std::size_t estimate = 0;
  for (const Evidence& e : evidence) {
    estimate += 1 + e.claims.size() + e.sources.size() + e.concepts.size();
  }
  graph.reserve(estimate);
  for (const Evidence& e : evidence) add_evidence(graph, e);
  return graph;
}

}  // namespace evgraph
