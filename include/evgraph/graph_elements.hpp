// Node and Edge: what one node and one edge of the evidence graph carry (design.md "Graph model").
// Plain values; Graph (graph_tables.hpp) holds them in its tables and shows them as a NodeView and
// an EdgeView.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "evgraph/evidence.hpp"
#include "evgraph/vocabulary.hpp"

namespace evgraph {

struct Occurrence {
  std::string document;
  std::size_t line = 0;
  std::size_t column = 0;
  std::size_t block = 0;
  std::vector<std::string> markers;
  std::string section;  // the heading path above this occurrence (`Results › Veterans`), or empty
};

// One node; fields that do not apply to its type stay empty.
struct Node {
  std::string id;
  NodeType type = NodeType::document;
  std::string label;
  // claim
  std::string text;
  ClaimKind kind = ClaimKind::finding;
  std::vector<Occurrence> occurrences;
  // source
  std::string url;
  std::vector<std::string> urls;
  std::string scheme;
  std::string identifier;
  std::vector<std::string> also;  // other ids of the same work ("source:pubmed:123")
  std::string title;
  std::vector<std::string> authors;
  std::string year;
  std::string data;  // the input's other fields for this work, as one compact JSON object
  std::vector<std::string> merged_because;  // one line per merge: what was merged and why
  std::string accessed;                     // when a list says the work was read
  // document
  std::string path;
  std::string format;
  // answer (its document's path in `path`); shared, as it is never changed once built
  std::shared_ptr<const AnswerInfo> answer;
};

namespace detail {

// Walks a view by index, giving its operator[]'s values. It holds a copy of the (small) view, so it
// stays valid when the view it came from was a temporary.
template <typename View, typename Value>
class IndexIterator {
 public:
  using value_type = Value;
  using difference_type = std::ptrdiff_t;
  IndexIterator() = default;
  IndexIterator(const View& view, std::size_t at) : view_(view), at_(at) {}
  Value operator*() const { return view_[at_]; }
  IndexIterator& operator++() {
    ++at_;
    return *this;
  }
  IndexIterator operator++(int) {
    IndexIterator before = *this;
    ++at_;
    return before;
  }
  bool operator==(const IndexIterator& other) const { return at_ == other.at_; }

 private:
  View view_;
  std::size_t at_ = 0;
};

}  // namespace detail

// A claim's occurrence as the graph holds it: Occurrence's fields as views.
struct OccurrenceView {
  std::string_view document;
  std::size_t line = 0;
  std::size_t column = 0;
  std::size_t block = 0;
  std::span<const std::string> markers;
  std::string_view section;
  Occurrence copy() const {
    return {std::string(document), line, column, block, {markers.begin(), markers.end()},
            std::string(section)};
  }
};

namespace detail {

// Where a run of an edge's markers, a concept edge's terms or a claim's occurrences is in the pool
// that holds them all.
struct Slice {
  std::uint32_t first = 0;
  std::uint32_t count = 0;
};

// An occurrence as the graph stores it: the document and section as indices into the graph's table
// of interned strings, its markers a slice of the graph's marker pool.
struct StoredOccurrence {
  std::uint32_t document = 0;
  std::uint32_t section = 0;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t block = 0;
  Slice markers;
};

}  // namespace detail

// A claim's occurrences: a range of OccurrenceView over a Node's own occurrences or over the
// graph's stored ones.
class OccurrencesView {
 public:
  using iterator = detail::IndexIterator<OccurrencesView, OccurrenceView>;

  OccurrencesView() = default;
  explicit OccurrencesView(std::span<const Occurrence> own) : own_(own) {}
  OccurrencesView(std::span<const detail::StoredOccurrence> stored,
                  const std::vector<std::string>* strings, const std::vector<std::string>* markers)
      : stored_(stored), strings_(strings), markers_(markers) {}

  std::size_t size() const { return strings_ ? stored_.size() : own_.size(); }
  bool empty() const { return size() == 0; }
  OccurrenceView operator[](std::size_t i) const {
    if (!strings_) {
      const Occurrence& o = own_[i];
      return {o.document, o.line, o.column, o.block, o.markers, o.section};
    }
    const detail::StoredOccurrence& o = stored_[i];
    return {(*strings_)[o.document],
            o.line,
            o.column,
            o.block,
            std::span(*markers_).subspan(o.markers.first, o.markers.count),
            (*strings_)[o.section]};
  }
  OccurrenceView front() const { return (*this)[0]; }
  iterator begin() const { return {*this, 0}; }
  iterator end() const { return {*this, size()}; }

 private:
  std::span<const Occurrence> own_;
  std::span<const detail::StoredOccurrence> stored_;
  const std::vector<std::string>* strings_ = nullptr;
  const std::vector<std::string>* markers_ = nullptr;
};

// A node as the graph holds it: views into the graph's tables, valid while the graph lives and
// nothing is added to it. The same fields as Node; those that do not apply to its type are empty.
// What the analyses measure of a node (analysis.hpp, node_measures()), written as node attributes
// by the graph exports when a graph carries them (EvidenceGraph::set_measures, `--measures`):
// a claim's works, documents, corroborating, conflicting, single_source, stance mix (supports,
// contrasts, mentions, mixed: written when it has any) and best GRADE certainty (when known); a
// source's claims,
// documents and cited; a population's, intervention's or outcome's claims and works; and, for
// every node but documents and answers, its component, degree and betweenness.
struct NodeMeasures {
  std::size_t works = 0;
  std::size_t claims = 0;
  std::size_t documents = 0;
  std::size_t corroborating = 0;
  std::size_t conflicting = 0;
  bool single_source = false;
  std::size_t supports = 0, contrasts = 0, mentions = 0, mixed = 0;
  Certainty certainty = Certainty::unstated;
  bool cited = false;
  std::optional<std::size_t> component;  // none for documents and answers
  std::size_t degree = 0;
  std::optional<double> betweenness;  // none when not computed (past the analyses' node limit)
};

struct NodeView {
  std::string_view id;
  NodeType type = NodeType::document;
  std::string_view label;
  std::string_view text;
  ClaimKind kind = ClaimKind::finding;
  OccurrencesView occurrences;
  std::string_view url;
  std::span<const std::string> urls;
  std::string_view scheme;
  std::string_view identifier;
  std::span<const std::string> also;
  std::string_view title;
  std::span<const std::string> authors;
  std::string_view year;
  std::string_view data;
  std::span<const std::string> merged_because;
  std::string_view accessed;
  std::string_view path;
  std::string_view format;
  const AnswerInfo* answer = nullptr;
  const NodeMeasures* measures = nullptr;  // when the graph carries them
};

inline NodeView view_of(const Node& node) {
  return {node.id,       node.type,
          node.label,    node.text,
          node.kind,     OccurrencesView(node.occurrences),
          node.url,      node.urls,
          node.scheme,   node.identifier,
          node.also,     node.title,
          node.authors,  node.year,
          node.data,     node.merged_because,
          node.accessed, node.path,
          node.format,   node.answer.get(),
          nullptr};
}

struct Edge {
  EdgeType type = EdgeType::asserts;
  std::vector<std::string> markers;  // cites, lists
  bool ambiguous = false;            // cites
  std::optional<double> score;       // similar_to
  Stance stance = Stance::unstated;  // cites: supports, contrasts, mentions, mixed, unstated
  Certainty certainty = Certainty::unstated;  // cites: GRADE, mixed when records differ, unstated
  std::vector<StanceRecord> records;          // cites, from curated evidence
  bool inferred = false;                      // cites: from plain digits, not a written marker
  std::string quote;                          // cites: the text fragment of the cited URL, decoded
  std::vector<ConceptMatch> terms;  // concerns/about/reports: why (the claim's words, where)
  std::size_t works = 0;   // evidence (summary view): distinct works the claims behind it cite
  std::size_t claims = 0;  // evidence: the claims behind it
};

// One term of a concept edge as the graph holds it: ConceptMatch's fields as views.
struct ConceptMatchView {
  std::string_view term;
  std::optional<std::size_t> at;
  std::string_view field;
  bool operator==(const ConceptMatch& match) const {
    return term == match.term && at == match.at && field == match.field;
  }
  ConceptMatch copy() const { return {std::string(term), at, std::string(field)}; }
};

namespace detail {

inline constexpr std::uint32_t kNoOffset = std::numeric_limits<std::uint32_t>::max();

// A concept edge's term as the graph stores it: the term and the field as indices into the graph's
// table of words, the offset in the claim (kNoOffset when none).
struct StoredMatch {
  std::uint32_t term = 0;
  std::uint32_t field = 0;
  std::uint32_t at = kNoOffset;
};

}  // namespace detail

// A concept edge's terms: a range of ConceptMatchView over an Edge's own matches or over the
// graph's stored ones.
class TermsView {
 public:
  using iterator = detail::IndexIterator<TermsView, ConceptMatchView>;

  TermsView() = default;
  explicit TermsView(std::span<const ConceptMatch> matches) : matches_(matches) {}
  TermsView(std::span<const detail::StoredMatch> stored, const std::vector<std::string>* words)
      : stored_(stored), words_(words) {}

  std::size_t size() const { return words_ ? stored_.size() : matches_.size(); }
  bool empty() const { return size() == 0; }
  ConceptMatchView operator[](std::size_t i) const {
    if (!words_) return {matches_[i].term, matches_[i].at, matches_[i].field};
    const detail::StoredMatch& match = stored_[i];
    return {(*words_)[match.term],
            match.at == detail::kNoOffset ? std::nullopt : std::optional<std::size_t>(match.at),
            (*words_)[match.field]};
  }
  iterator begin() const { return {*this, 0}; }
  iterator end() const { return {*this, size()}; }

 private:
  std::span<const ConceptMatch> matches_;
  std::span<const detail::StoredMatch> stored_;
  const std::vector<std::string>* words_ = nullptr;
};

// An edge as the graph holds it: views into the graph's tables, valid while the graph lives and
// nothing is added to it. The same fields as Edge; those that do not apply to its type are empty.
struct EdgeView {
  EdgeType type = EdgeType::asserts;
  std::span<const std::string> markers;
  bool ambiguous = false;
  std::optional<double> score;
  Stance stance = Stance::unstated;
  Certainty certainty = Certainty::unstated;
  std::span<const StanceRecord> records;
  bool inferred = false;
  std::string_view quote;
  TermsView terms;
  std::size_t works = 0;
  std::size_t claims = 0;
};

inline EdgeView view_of(const Edge& edge) {
  return {edge.type,   edge.markers,          edge.ambiguous, edge.score,
          edge.stance, edge.certainty,        edge.records,   edge.inferred,
          edge.quote,  TermsView(edge.terms), edge.works,     edge.claims};
}

inline Edge make_edge(EdgeType type, std::vector<std::string> markers = {}, bool ambiguous = false,
                      std::optional<double> score = std::nullopt) {
  Edge edge;
  edge.type = type;
  edge.markers = std::move(markers);
  edge.ambiguous = ambiguous;
  edge.score = score;
  return edge;
}

}  // namespace evgraph
