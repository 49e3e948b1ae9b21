#include <algorithm>
#include <array>
#include <filesystem>
#include <string>
#include <utility>

#include "evgraph/error.hpp"
#include "evgraph/graph.hpp"
#include "graph/concept_edge.hpp"
#include "text/ascii.hpp"

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
  const std::string& id = source.identifier;
  switch (scheme_from_string(source.scheme).value_or(Scheme::url)) {
    case Scheme::pmc:
      return id;
    case Scheme::pubmed:
      return "PMID " + id;
    case Scheme::s2:
      return "S2 " + id.substr(0, 8);
    case Scheme::doi:
      return short_label("doi:" + id, 40);
    case Scheme::arxiv:
      return "arXiv:" + id;
    case Scheme::pii:
      return "PII " + id;
    default:
      return short_label(id, 40);
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
  fill(existing.accessed, added.accessed);
  if (existing.authors.empty()) existing.authors = std::move(added.authors);
  existing.label = source_label(existing);
}

// The terms another occurrence of the claim names a concept with, added to the edge's: one already
// recorded at the same place (up to case, as the occurrences are one claim up to case) is not
// repeated.
void add_terms(std::vector<ConceptMatch>& terms, std::vector<ConceptMatch>& more) {
  if (terms == more) return;  // the same text again: the common case, without a scan per term
  for (ConceptMatch& match : more) {
    const bool known = std::any_of(terms.begin(), terms.end(), [&](const ConceptMatch& t) {
      return t.at == match.at && t.field == match.field && ascii::iequals(t.term, match.term);
    });
    if (!known) terms.push_back(std::move(match));
  }
}

// Distinct quotes of one cites edge, one a line.
void add_quote(std::string& quotes, const std::string& quote) {
  if (quote.empty()) return;
  for (std::size_t start = 0; start <= quotes.size();) {
    const std::size_t end = std::min(quotes.find('\n', start), quotes.size());
    if (std::string_view(quotes).substr(start, end - start) == quote) return;
    start = end + 1;
  }
  if (!quotes.empty()) quotes += '\n';
  quotes += quote;
}

// The edge's stance from its records: mentions gives way to a stance that takes a side; records
// that take both sides make it mixed.
Stance combined_stance(const std::vector<StanceRecord>& records) {
  bool supports = false;
  bool contrasts = false;
  bool mentions = false;
  for (const StanceRecord& record : records) {
    supports = supports || record.stance == Stance::supports;
    contrasts = contrasts || record.stance == Stance::contrasts;
    mentions = mentions || record.stance == Stance::mentions;
  }
  if (supports && contrasts) return Stance::mixed;
  if (supports) return Stance::supports;
  if (contrasts) return Stance::contrasts;
  return mentions ? Stance::mentions : Stance::unstated;
}

// The edge's certainty: the one its records agree on, or mixed.
Certainty combined_certainty(const std::vector<StanceRecord>& records) {
  Certainty result = Certainty::unstated;
  for (const StanceRecord& record : records) {
    if (record.certainty == Certainty::unstated || record.certainty == result) continue;
    if (result != Certainty::unstated) return Certainty::mixed;
    result = record.certainty;
  }
  return result;
}

std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  return x ^ (x >> 33);
}

std::uint32_t id_hash(std::string_view id) {
  return static_cast<std::uint32_t>(mix(std::hash<std::string_view>{}(id)));
}

std::uint32_t edge_hash(Vertex from, Vertex to, EdgeType type) {
  return static_cast<std::uint32_t>(
      mix((static_cast<std::uint64_t>(from) << 32 ^ to) * 8 + static_cast<std::uint64_t>(type)));
}

// Finds the position whose slot has `tag` and for which `is_key(position)` holds, or inserts
// `position` for it; returns {position found or inserted, inserted}.
template <typename IsKey>
std::pair<std::size_t, bool> find_or_insert(std::vector<std::uint64_t>& slots, std::size_t& used,
                                            std::uint32_t tag, std::size_t position, IsKey is_key) {
  if ((used + 1) * 2 > slots.size()) {
    std::vector<std::uint64_t> grown(std::max<std::size_t>(64, slots.size() * 2), 0);
    const std::size_t mask = grown.size() - 1;
    for (std::uint64_t slot : slots) {
      if (slot == 0) continue;
      std::size_t at = static_cast<std::uint32_t>(slot >> 32) & mask;
      while (grown[at] != 0) at = (at + 1) & mask;
      grown[at] = slot;
    }
    slots.swap(grown);
  }
  const std::size_t mask = slots.size() - 1;
  for (std::size_t at = tag & mask;; at = (at + 1) & mask) {
    const std::uint64_t slot = slots[at];
    if (slot == 0) {
      slots[at] = static_cast<std::uint64_t>(tag) << 32 | (position + 1);
      ++used;
      return {position, true};
    }
    const std::size_t existing = static_cast<std::uint32_t>(slot) - 1;
    if (static_cast<std::uint32_t>(slot >> 32) == tag && is_key(existing)) return {existing, false};
  }
}

template <typename IsKey>
std::optional<std::size_t> find_slot(const std::vector<std::uint64_t>& slots, std::uint32_t tag,
                                     IsKey is_key) {
  if (slots.empty()) return std::nullopt;
  const std::size_t mask = slots.size() - 1;
  for (std::size_t at = tag & mask; slots[at] != 0; at = (at + 1) & mask) {
    const std::size_t existing = static_cast<std::uint32_t>(slots[at]) - 1;
    if (static_cast<std::uint32_t>(slots[at] >> 32) == tag && is_key(existing)) return existing;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Vertex> EvidenceGraph::find(std::string_view id) const {
  return find_slot(node_index_.slots, id_hash(id),
                   [&](std::size_t v) { return graph_.id(v) == id; });
}

Vertex EvidenceGraph::add_node(Node node) {
  const auto [vertex, added] =
      find_or_insert(node_index_.slots, node_index_.used, id_hash(node.id), graph_.vertex_count(),
                     [&](std::size_t v) { return graph_.id(v) == node.id; });
  if (!added) {
    // Only occurrences, and a source's fields, are merged.
    if (node.occurrences.empty() && graph_.type(vertex) != NodeType::source) return vertex;
    if (graph_.type(vertex) == NodeType::claim &&
        graph_.add_occurrences(vertex, node.occurrences)) {
      return vertex;
    }
    Node existing = graph_.take_node(vertex);
    merge_into(existing, std::move(node));
    graph_.put_node(vertex, std::move(existing));
    return vertex;
  }
  return graph_.add_vertex(std::move(node));
}

// An edge of a type joins two nodes at most once. A node with few out-edges (a claim's cites and
// concepts) is searched by walking them; the edges of a node with more (a document's asserts and
// lists) are found through edge_index_, which holds only those.
std::optional<EdgeRef> EvidenceGraph::find_edge(Vertex from, Vertex to, EdgeType type) const {
  if (graph_.out_degree(from) > kWalkedOutDegree) {
    const auto found = find_slot(edge_index_.slots, edge_hash(from, to, type), [&](std::size_t e) {
      const EdgeRef ref{e};
      return graph_.source(ref) == from && graph_.target(ref) == to && graph_.type(ref) == type;
    });
    return found ? std::optional<EdgeRef>(EdgeRef{*found}) : std::nullopt;
  }
  for (EdgeRef e : boost::make_iterator_range(graph_.out_edges(from))) {
    if (graph_.target(e) == to && graph_.type(e) == type) return e;
  }
  return std::nullopt;
}

void EvidenceGraph::index_edge(EdgeRef e) {
  find_or_insert(edge_index_.slots, edge_index_.used,
                 edge_hash(graph_.source(e), graph_.target(e), graph_.type(e)), e.index,
                 [](std::size_t) { return false; });
}

EdgeRef EvidenceGraph::add_edge(Vertex from, Vertex to, Edge edge) {
  if (const std::optional<EdgeRef> found = find_edge(from, to, edge.type)) {
    if (!detail::carries_payload(edge)) return *found;
    if (graph_.add_markers(*found, edge)) return *found;
    Edge existing = graph_.take_payload(*found);
    append_unique(existing.markers, edge.markers);
    existing.ambiguous = existing.ambiguous || edge.ambiguous;
    if (!existing.score) existing.score = edge.score;
    if (existing.claims == 0) {
      existing.works = edge.works;
      existing.claims = edge.claims;
    }
    existing.inferred = existing.inferred && edge.inferred;  // a written marker is not a guess
    add_quote(existing.quote, edge.quote);
    add_terms(existing.terms, edge.terms);
    if (!edge.records.empty()) {
      existing.records.insert(existing.records.end(), std::make_move_iterator(edge.records.begin()),
                              std::make_move_iterator(edge.records.end()));
      existing.stance = combined_stance(existing.records);
      existing.certainty = combined_certainty(existing.records);
    }
    graph_.put_payload(*found, std::move(existing));
    return *found;
  }
  if (!edge.records.empty()) {
    edge.stance = combined_stance(edge.records);
    edge.certainty = combined_certainty(edge.records);
  }
  const EdgeRef added = graph_.add_edge(from, to, std::move(edge));
  const std::size_t degree = graph_.out_degree(from);
  if (degree == kWalkedOutDegree + 1) {
    for (EdgeRef e : boost::make_iterator_range(graph_.out_edges(from))) index_edge(e);
  } else if (degree > kWalkedOutDegree + 1) {
    index_edge(added);
  }
  return added;
}

void EvidenceGraph::reserve(std::size_t nodes, std::size_t edges) {
  graph_.reserve(nodes, edges);
}

void EvidenceGraph::set_measures(std::vector<NodeMeasures> measures) {
  if (measures.size() != node_count()) {
    throw Error("set_measures: " + std::to_string(measures.size()) + " measures for " +
                std::to_string(node_count()) + " nodes");
  }
  graph_.set_measures(std::move(measures));
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

// A value of the input: moved out when the input is given up (an rvalue Evidence), else copied.
template <bool Move, typename T>
T take(T& value) {
  if constexpr (Move) {
    return std::move(value);
  } else {
    return value;
  }
}

template <bool Move, typename Record>
Node source_node(const EvidenceGraph& graph, Record& record) {
  const std::string* because = nullptr;
  const SourceIdentity& identity = graph.work_identity(record.identity, &because);
  Node source;
  source.id = identity.id();
  source.type = NodeType::source;
  source.scheme = to_string(identity.scheme);
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
  if (!record.url.empty()) source.urls.push_back(take<Move>(record.url));
  append_unique(source.urls, record.urls);
  source.title = take<Move>(record.title);
  source.authors = take<Move>(record.authors);
  source.year = take<Move>(record.year);
  source.data = take<Move>(record.data);
  source.accessed = take<Move>(record.accessed);
  source.label = source_label(source);
  return source;
}

template <bool Move, typename Record>
Edge cites_edge(Record& citation) {
  Edge edge;
  edge.type = EdgeType::cites;
  edge.markers = take<Move>(citation.markers);
  edge.ambiguous = citation.ambiguous;
  edge.records = take<Move>(citation.records);
  edge.inferred = citation.inferred;
  edge.quote = take<Move>(citation.quote);
  return edge;
}

// "Gemini · gemini-2.5-pro · 2025-03-01", the answer's heading, else "answer 2".
std::string answer_label(std::size_t number, const AnswerInfo& info) {
  if (!info.heading.empty()) return short_label(info.heading, 40);
  std::string label;
  for (const std::string* part : {&info.assistant, &info.model, &info.date}) {
    if (part->empty()) continue;
    if (!label.empty()) label += " \u00B7 ";
    label += *part;
  }
  return label.empty() ? "answer " + std::to_string(number) : short_label(label, 40);
}

Node answer_node(const std::string& document, std::size_t number, const AnswerInfo& info) {
  Node node;
  node.id = "answer:" + document + "#" + std::to_string(number);
  node.type = NodeType::answer;
  node.label = answer_label(number, info);
  node.path = document;
  node.answer = std::make_shared<const AnswerInfo>(info);
  return node;
}

// Adds one input's nodes and edges; with Move, its strings move into the graph.
template <bool Move, typename Input>
void add_nodes_and_edges(EvidenceGraph& graph, Input& evidence) {
  Node document_node;
  document_node.id = "document:" + evidence.document;
  document_node.type = NodeType::document;
  document_node.label = std::filesystem::path(evidence.document).filename().string();
  if (document_node.label.empty()) document_node.label = evidence.document;
  if (!evidence.title.empty()) document_node.label = evidence.title;
  document_node.path = evidence.document;
  document_node.format = evidence.format;
  const Vertex document = graph.add_node(std::move(document_node));
  // With answer nodes, each answer asserts its claims and lists its sources.
  std::vector<Vertex> answers;
  if (has_answer_nodes(evidence)) {
    for (std::size_t i = 0; i < evidence.answers.size(); ++i) {
      answers.push_back(graph.add_node(answer_node(evidence.document, i + 1, evidence.answers[i])));
      graph.add_edge(document, answers.back(), make_edge(EdgeType::contains));
    }
  }
  const auto asserting = [&](std::size_t answer) {
    return answer == 0 || answers.empty() ? document : answers.at(answer - 1);
  };

  std::vector<Vertex> claims;
  claims.reserve(evidence.claims.size());
  for (auto& record : evidence.claims) {
    Node claim;
    claim.id = take<Move>(record.id);
    claim.type = NodeType::claim;
    claim.label = short_label(record.text);
    claim.text = take<Move>(record.text);
    claim.kind = record.kind;
    claim.occurrences.push_back({evidence.document, record.where.line, record.where.column,
                                 record.block, take<Move>(record.markers),
                                 take<Move>(record.section)});
    claims.push_back(graph.add_node(std::move(claim)));
  }
  std::vector<Vertex> sources;
  sources.reserve(evidence.sources.size());
  for (auto& record : evidence.sources) {
    sources.push_back(graph.add_node(source_node<Move>(graph, record)));
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
    auto& record = evidence.claims[i];
    graph.add_edge(asserting(record.answer), claims[i], make_edge(EdgeType::asserts));
    for (auto& citation : record.citations) {
      graph.add_edge(claims[i], sources.at(citation.source), cites_edge<Move>(citation));
    }
    for (auto& linked : record.concepts) {
      const ConceptRef& ref = evidence.concepts.at(linked.concept_index);
      Edge edge = make_edge(detail::concept_edge_type(ref.type));
      edge.terms = take<Move>(linked.matches);
      graph.add_edge(claims[i], concepts.at(linked.concept_index), std::move(edge));
    }
  }
  for (std::size_t i = 0; i < evidence.sources.size(); ++i) {
    if (!evidence.listed.empty() && !evidence.listed[i]) continue;
    Edge lists = make_edge(EdgeType::lists);
    if (!evidence.sources[i].label.empty()) lists.markers.push_back(evidence.sources[i].label);
    graph.add_edge(asserting(evidence.sources[i].answer), sources[i], std::move(lists));
  }
}

// Room for every node and edge the inputs can make (a little more for similar_to edges), so the
// tables grow once.
void reserve_for(GraphBuilder& graph, std::span<const Evidence> evidence) {
  std::size_t nodes = 0;
  std::size_t edges = 0;
  for (const Evidence& e : evidence) {
    nodes += 1 + e.claims.size() + e.sources.size() + e.concepts.size() + e.answers.size();
    edges += e.claims.size() + e.sources.size() + e.answers.size();
    for (const ClaimRecord& claim : e.claims)
      edges += claim.citations.size() + claim.concepts.size();
  }
  graph.reserve(nodes, edges + edges / 4);
}

}  // namespace

void add_evidence(EvidenceGraph& graph, const Evidence& evidence, Diagnostics* diagnostics) {
  add_works(graph, evidence, diagnostics);
  add_nodes_and_edges<false>(graph, evidence);
}

void GraphBuilder::add_works(const Evidence& evidence) {
  evgraph::add_works(graph_, evidence, diagnostics_);
}

void GraphBuilder::add(const Evidence& evidence) {
  add_nodes_and_edges<false>(graph_, evidence);
}

void GraphBuilder::add(Evidence&& evidence) {
  add_nodes_and_edges<true>(graph_, evidence);
  std::vector<ClaimRecord>().swap(evidence.claims);
  std::vector<SourceRecord>().swap(evidence.sources);
  std::vector<ConceptRef>().swap(evidence.concepts);
}

EvidenceGraph GraphBuilder::finish() {
  label_claims_apart(graph_);
  link_similar_claims(graph_);
  return std::exchange(graph_, EvidenceGraph());
}

EvidenceGraph build_graph(std::span<const Evidence> evidence, Diagnostics* diagnostics) {
  GraphBuilder builder(diagnostics);
  reserve_for(builder, evidence);
  for (const Evidence& e : evidence) builder.add_works(e);
  for (const Evidence& e : evidence) builder.add(e);
  return builder.finish();
}

EvidenceGraph build_graph(std::vector<Evidence>&& evidence, Diagnostics* diagnostics) {
  GraphBuilder builder(diagnostics);
  reserve_for(builder, evidence);
  for (const Evidence& e : evidence) builder.add_works(e);
  for (Evidence& e : evidence) builder.add(std::move(e));
  evidence.clear();
  return builder.finish();
}

}  // namespace evgraph
