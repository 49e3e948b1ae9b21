#include <algorithm>
#include <filesystem>
#include <string>

#include "evgraph/graph.hpp"

namespace evgraph {
namespace {

std::string lowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string family_name(const std::string& author) {
  return author.substr(0, author.find(','));
}

// "Author Year" when the metadata has them ("Smith 2020", "Smith & Jones 2020", "Smith et al.
// 2020"); else the title; else the identifier.
std::string source_label(const Node& source) {
  if (!source.authors.empty()) {
    std::string label = family_name(source.authors.front());
    if (source.authors.size() == 2) label += " & " + family_name(source.authors[1]);
    if (source.authors.size() > 2) label += " et al.";
    if (!source.year.empty()) label += " " + source.year;
    return short_label(label, 40);
  }
  if (!source.title.empty()) {
    return short_label(source.year.empty() ? source.title : source.title + " (" + source.year + ")",
                       40);
  }
  const SourceIdentity identity{source.scheme, source.identifier};
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

void fill(std::string& field, std::string& value) {
  if (field.empty()) field = std::move(value);
}

// Two inputs disagreeing about one work's metadata: the first is kept, the other recorded.
void note_conflict(Node& existing, std::string_view field, const std::string& kept,
                   const std::string& other) {
  if (kept.empty() || other.empty() || lowered(kept) == lowered(other)) return;
  existing.merged_because.push_back(std::string(field) + " \"" + other +
                                    "\" from another input differs; kept \"" + kept + "\"");
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
  if (existing.type != NodeType::source) return;
  for (const std::string& url : added.urls) {
    if (std::find(existing.urls.begin(), existing.urls.end(), url) != existing.urls.end()) continue;
    if (!existing.urls.empty()) {
      existing.merged_because.push_back(url + " names the same " + existing.scheme +
                                        " identifier as " + existing.urls.front());
    }
    existing.urls.push_back(url);
  }
  append_unique(existing.merged_because, added.merged_because);
  append_unique(existing.also, added.also);
  fill(existing.url, added.url);
  note_conflict(existing, "title", existing.title, added.title);
  note_conflict(existing, "year", existing.year, added.year);
  fill(existing.title, added.title);
  fill(existing.year, added.year);
  fill(existing.data, added.data);
  if (existing.authors.empty()) existing.authors = std::move(added.authors);
  existing.label = source_label(existing);
}

// The edge's stance from its records: "mentions" gives way to a stance that takes a side;
// records that take both sides make it "mixed".
std::string combined_stance(const std::vector<StanceRecord>& records) {
  bool supports = false;
  bool contrasts = false;
  bool mentions = false;
  for (const StanceRecord& record : records) {
    supports = supports || record.stance == "supports";
    contrasts = contrasts || record.stance == "contrasts";
    mentions = mentions || record.stance == "mentions";
  }
  if (supports && contrasts) return "mixed";
  if (supports) return "supports";
  if (contrasts) return "contrasts";
  return mentions ? "mentions" : "";
}

// The edge's certainty: the one its records agree on, or "mixed".
std::string combined_certainty(const std::vector<StanceRecord>& records) {
  std::string result;
  for (const StanceRecord& record : records) {
    if (record.certainty.empty() || record.certainty == result) continue;
    if (!result.empty()) return "mixed";
    result = record.certainty;
  }
  return result;
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
    if (!edge.records.empty()) {
      existing.records.insert(existing.records.end(), std::make_move_iterator(edge.records.begin()),
                              std::make_move_iterator(edge.records.end()));
      existing.stance = combined_stance(existing.records);
      existing.certainty = combined_certainty(existing.records);
    }
    return found->second;
  }
  if (!edge.records.empty()) {
    edge.stance = combined_stance(edge.records);
    edge.certainty = combined_certainty(edge.records);
  }
  found->second = boost::add_edge(from, to, graph_).first;
  graph_[found->second] = std::move(edge);
  return found->second;
}

void EvidenceGraph::reserve(std::size_t nodes) {
  graph_.m_vertices.reserve(nodes);
  index_.reserve(nodes);
}

namespace {

void add_works(EvidenceGraph& graph, const Evidence& evidence, Diagnostics* diagnostics) {
  for (const SourceRecord& source : evidence.sources) {
    if (source.also.empty() || graph.add_work(source) || !diagnostics) continue;
    std::string names;
    for (const SourceIdentity& identity : graph.work_identities(source.identity)) {
      names += (names.empty() ? "" : ", ") + identity.id();
    }
    diagnostics->push_back({Severity::warning, source.where,
                            "the identifiers of this entry belong to different works already "
                            "known (" +
                                names + "); its identifiers are kept apart",
                            "conflicting-identifiers"});
  }
}

Node source_node(const EvidenceGraph& graph, const SourceRecord& record) {
  const std::string* because = nullptr;
  const SourceIdentity& identity = graph.work_identity(record.identity, &because);
  Node source;
  source.id = identity.id();
  source.type = NodeType::source;
  source.scheme = identity.scheme;
  source.identifier = identity.identifier;
  for (const SourceIdentity& other : graph.work_identities(record.identity)) {
    if (other.id() != source.id) source.also.push_back(other.id());
  }
  if (record.identity.id() != source.id) {
    std::string place = record.where.file;
    if (record.where.line) place += ":" + std::to_string(record.where.line);
    source.merged_because.push_back(record.identity.id() + " (" + place + ") is the same work (" +
                                    (because ? *because : std::string("?")) + ")");
  }
  source.url = record.url;
  if (!record.url.empty()) source.urls.push_back(record.url);
  append_unique(source.urls, record.urls);
  source.title = record.title;
  source.authors = record.authors;
  source.year = record.year;
  source.data = record.data;
  source.label = source_label(source);
  return source;
}

Edge cites_edge(const Citation& citation) {
  Edge edge;
  edge.type = EdgeType::cites;
  edge.markers = citation.markers;
  edge.ambiguous = citation.ambiguous;
  edge.records = citation.records;
  return edge;
}

}  // namespace

void add_evidence(EvidenceGraph& graph, const Evidence& evidence, Diagnostics* diagnostics) {
  add_works(graph, evidence, diagnostics);
  Node document_node;
  document_node.id = "document:" + evidence.document;
  document_node.type = NodeType::document;
  document_node.label = std::filesystem::path(evidence.document).filename().string();
  if (document_node.label.empty()) document_node.label = evidence.document;
  document_node.path = evidence.document;
  document_node.format = evidence.format;
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
    sources.push_back(graph.add_node(source_node(graph, record)));
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
    graph.add_edge(document, claims[i], make_edge(EdgeType::asserts));
    for (const Citation& citation : record.citations) {
      graph.add_edge(claims[i], sources.at(citation.source), cites_edge(citation));
    }
    for (std::size_t concept_index : record.concepts) {
      const ConceptRef& ref = evidence.concepts.at(concept_index);
      graph.add_edge(claims[i], concepts.at(concept_index), make_edge(edge_type_for(ref.type)));
    }
  }
  for (std::size_t i = 0; i < evidence.sources.size(); ++i) {
    if (!evidence.listed.empty() && !evidence.listed[i]) continue;
    Edge lists = make_edge(EdgeType::lists);
    if (!evidence.sources[i].label.empty()) lists.markers.push_back(evidence.sources[i].label);
    graph.add_edge(document, sources[i], std::move(lists));
  }
}

EvidenceGraph build_graph(std::span<const Evidence> evidence, Diagnostics* diagnostics) {
  EvidenceGraph graph;
  std::size_t estimate = 0;
  for (const Evidence& e : evidence) {
    estimate += 1 + e.claims.size() + e.sources.size() + e.concepts.size();
  }
  graph.reserve(estimate);
  for (const Evidence& e : evidence) add_works(graph, e, diagnostics);
  for (const Evidence& e : evidence) add_evidence(graph, e);
  link_similar_claims(graph);
  return graph;
}

}  // namespace evgraph
