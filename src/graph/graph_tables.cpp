#include "evgraph/graph_tables.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <string>
#include <utility>

namespace evgraph {
namespace {

bool has_claim_fields(const Node& node) {
  return !node.text.empty() || node.kind != ClaimKind::finding || !node.occurrences.empty();
}

bool has_source_fields(const Node& node) {
  return !node.url.empty() || !node.urls.empty() || !node.scheme.empty() ||
         !node.identifier.empty() || !node.also.empty() || !node.title.empty() ||
         !node.authors.empty() || !node.year.empty() || !node.data.empty() ||
         !node.merged_because.empty() || !node.accessed.empty();
}

bool has_place_fields(const Node& node) {
  return !node.path.empty() || !node.format.empty() || node.answer;
}

// A claim with more occurrences than this finds them through Graph::occurrence_index_, an edge
// with more markers through Graph::marker_index_.
constexpr std::uint32_t kWalkedOccurrences = 16;
constexpr std::uint32_t kWalkedMarkers = 16;

// Whether an occurrence's numbers fit the stored form.
bool fits_stored(const Occurrence& o) {
  const std::size_t most = std::numeric_limits<std::uint32_t>::max();
  return o.line <= most && o.column <= most && o.block <= most;
}

// The one table that holds every field the node has besides id, label and type.
detail::NodeTable table_for(const Node& node) {
  using detail::NodeTable;
  const bool claim = has_claim_fields(node);
  const bool source = has_source_fields(node);
  const bool place = has_place_fields(node);
  const int shapes = int{claim} + int{source} + int{place};
  if (shapes == 0) return NodeTable::none;
  if (shapes > 1) return NodeTable::whole;
  if (!std::all_of(node.occurrences.begin(), node.occurrences.end(), fits_stored)) {
    return NodeTable::whole;
  }
  return claim ? NodeTable::claim : source ? NodeTable::source : NodeTable::place;
}

// Appends edge `index` to a vertex's out- or in-list: `first`/`last` of the vertex, `next` the
// member of EdgeLinks that chains the list.
void append_link(std::vector<detail::EdgeLinks>& links, std::uint32_t& first, std::uint32_t& last,
                 std::uint32_t detail::EdgeLinks::*next, std::uint32_t index) {
  if (last == detail::kNoEdge) {
    first = index;
  } else {
    links[last].*next = index;
  }
  last = index;
}

}  // namespace

bool detail::carries_payload(const Edge& edge) {
  return !edge.markers.empty() || edge.ambiguous || edge.score || edge.stance != Stance::unstated ||
         edge.certainty != Certainty::unstated || !edge.records.empty() || edge.inferred ||
         !edge.quote.empty() || !edge.terms.empty() || edge.works > 0 || edge.claims > 0;
}

namespace {

// The smallest table that holds everything the edge carries.
detail::PayloadTable table_for(const Edge& edge) {
  using detail::PayloadTable;
  if (!detail::carries_payload(edge)) return PayloadTable::none;
  if (edge.works > 0 || edge.claims > 0) return PayloadTable::whole;  // summary views: few edges
  const bool cite_fields = !edge.markers.empty() || edge.ambiguous ||
                           edge.stance != Stance::unstated ||
                           edge.certainty != Certainty::unstated || !edge.records.empty() ||
                           edge.inferred || !edge.quote.empty();
  const bool curated_fields = edge.stance != Stance::unstated ||
                              edge.certainty != Certainty::unstated || !edge.records.empty() ||
                              !edge.quote.empty();
  if (edge.type == EdgeType::cites && !edge.score && edge.terms.empty()) {
    return curated_fields ? PayloadTable::cite : PayloadTable::marked_cite;
  }
  const bool offsets_fit = std::all_of(edge.terms.begin(), edge.terms.end(), [](const auto& m) {
    return !m.at || *m.at < detail::kNoOffset;
  });
  if (!cite_fields && !edge.score && offsets_fit) return PayloadTable::terms;
  if (!cite_fields && edge.terms.empty()) return PayloadTable::score;
  const bool markers_only = !edge.ambiguous && !edge.inferred && !curated_fields;
  if (markers_only && !edge.score && edge.terms.empty()) return PayloadTable::markers;
  return PayloadTable::whole;
}

// Puts `items` into `pool`: where `old` was while its room holds them, else at the pool's end —
// with room for twice as many when they grew, so that a slice grown one item at a time n times
// moves log n times and leaves O(n) behind, not O(n²).
template <typename T>
detail::Slice put_in_pool(std::vector<T>& pool, detail::PoolRooms& rooms,
                          std::optional<detail::Slice> old, std::vector<T>&& items) {
  const auto count = static_cast<std::uint32_t>(items.size());
  std::uint32_t room = 0;
  if (old && old->count > 0) {
    const auto found = rooms.find(old->first);
    room = found == rooms.end() ? old->count : found->second;
  }
  detail::Slice slice{old ? old->first : 0, count};
  if (count > room) {  // to the pool's end, with room for as many again when it grew
    if (old && old->count > 0) rooms.erase(old->first);
    slice.first = static_cast<std::uint32_t>(pool.size());
    room = old && old->count > 0 ? std::max(count, 2 * room) : count;
    pool.resize(pool.size() + room);
    if (room > count) rooms[slice.first] = room;
  }
  std::move(items.begin(), items.end(), pool.begin() + slice.first);
  return slice;
}

// Appends `item` to `slice` of `pool`, in its room when there is some, else moved to the pool's
// end with room for twice as many (as put_in_pool).
template <typename T>
void append_to_pool(std::vector<T>& pool, detail::PoolRooms& rooms, detail::Slice& slice,
                    T&& item) {
  std::uint32_t room = slice.count;
  if (slice.count > 0) {
    const auto found = rooms.find(slice.first);
    if (found != rooms.end()) room = found->second;
  }
  if (slice.count == room) {
    if (slice.count > 0) rooms.erase(slice.first);
    const auto first = static_cast<std::uint32_t>(pool.size());
    room = std::max<std::uint32_t>(1, 2 * room);
    pool.resize(pool.size() + room);
    std::move(pool.begin() + slice.first, pool.begin() + slice.first + slice.count,
              pool.begin() + first);
    slice.first = first;
    if (room > slice.count + 1) rooms[first] = room;
  }
  pool[slice.first + slice.count++] = std::move(item);
}

template <typename T>
std::vector<T> take_from_pool(std::vector<T>& pool, detail::Slice slice) {
  const auto first = pool.begin() + slice.first;
  return {std::make_move_iterator(first), std::make_move_iterator(first + slice.count)};
}

// Stores `value` at `at` of `table`, or at its end when `at` is past it; returns where.
template <typename T>
std::uint32_t store(std::vector<T>& table, std::uint32_t at, T&& value) {
  if (at < table.size()) {
    table[at] = std::move(value);
    return at;
  }
  table.push_back(std::move(value));
  return static_cast<std::uint32_t>(table.size() - 1);
}

}  // namespace

Vertex Graph::add_vertex(Node&& node) {
  detail::NodeCore& core = nodes_.emplace_back();
  core.type = node.type;
  put_node(nodes_.size() - 1, std::move(node));
  vertex_links_.emplace_back();
  return nodes_.size() - 1;
}

Node Graph::take_node(Vertex v) {
  detail::NodeCore& core = nodes_[v];
  Node node;
  switch (core.table) {
    case detail::NodeTable::none:
      break;
    case detail::NodeTable::claim: {
      detail::ClaimFields& claim = claims_[core.fields];
      node.text = std::move(claim.text);
      node.kind = claim.kind;
      node.occurrences.reserve(claim.occurrences.count);
      for (std::uint32_t i = 0; i < claim.occurrences.count; ++i) {
        const detail::StoredOccurrence& o = occurrences_[claim.occurrences.first + i];
        node.occurrences.push_back({interned_[o.document], o.line, o.column, o.block,
                                    take_from_pool(marker_pool_, o.markers), interned_[o.section]});
      }
      break;
    }
    case detail::NodeTable::source: {
      detail::SourceFields& source = sources_[core.fields];
      node.url = std::move(source.url);
      node.urls = std::move(source.urls);
      node.scheme = std::move(source.scheme);
      node.identifier = std::move(source.identifier);
      node.also = std::move(source.also);
      node.title = std::move(source.title);
      node.authors = std::move(source.authors);
      node.year = std::move(source.year);
      node.data = std::move(source.data);
      node.merged_because = std::move(source.merged_because);
      node.accessed = std::move(source.accessed);
      break;
    }
    case detail::NodeTable::place: {
      detail::PlaceFields& place = places_[core.fields];
      node.path = std::move(place.path);
      node.format = std::move(place.format);
      node.answer = std::move(place.answer);
      break;
    }
    case detail::NodeTable::whole:
      node = std::move(whole_nodes_[core.fields]);
      break;
  }
  node.id = std::move(core.id);
  node.label = std::move(core.label);
  node.type = core.type;
  return node;
}

// The fields go back into the slot they came from when they still fit that table; a node that
// took fields of another shape (only a hand-edited graph file gives one) moves to a larger table.
void Graph::put_node(Vertex v, Node&& node) {
  using detail::NodeTable;
  detail::NodeCore& core = nodes_[v];
  const NodeTable table = table_for(node);
  const std::uint32_t at = table == core.table ? core.fields : detail::kNoEdge;
  const std::optional<detail::Slice> old_occurrences =
      table == NodeTable::claim && at < claims_.size()
          ? std::optional<detail::Slice>(claims_[at].occurrences)
          : std::nullopt;
  core.id = std::move(node.id);
  core.label = std::move(node.label);
  core.type = node.type;
  core.table = table;
  switch (table) {
    case NodeTable::none:
      core.fields = 0;
      break;
    case NodeTable::claim: {
      const detail::Slice occurrences =
          store_occurrences(old_occurrences, std::move(node.occurrences));
      const std::uint32_t room = old_occurrences && old_occurrences->first == occurrences.first
                                     ? std::max(claims_[at].room, occurrences.count)
                                     : occurrences.count;
      core.fields = store(claims_, at,
                          detail::ClaimFields{std::move(node.text), occurrences, room, node.kind});
      if (occurrences.count > kWalkedOccurrences) index_occurrences(v, claims_[core.fields]);
      break;
    }
    case NodeTable::source:
      core.fields =
          store(sources_, at,
                detail::SourceFields{
                    std::move(node.url), std::move(node.urls), std::move(node.scheme),
                    std::move(node.identifier), std::move(node.also), std::move(node.title),
                    std::move(node.authors), std::move(node.year), std::move(node.data),
                    std::move(node.merged_because), std::move(node.accessed)});
      break;
    case NodeTable::place:
      core.fields = store(places_, at,
                          detail::PlaceFields{std::move(node.path), std::move(node.format),
                                              std::move(node.answer)});
      break;
    case NodeTable::whole:
      core.fields = store(whole_nodes_, at, std::move(node));
      break;
  }
}

NodeView Graph::operator[](Vertex v) const {
  const detail::NodeCore& core = nodes_[v];
  NodeView view;
  if (v < measures_.size()) view.measures = &measures_[v];
  view.id = core.id;
  view.label = core.label;
  view.type = core.type;
  switch (core.table) {
    case detail::NodeTable::none:
      break;
    case detail::NodeTable::claim: {
      const detail::ClaimFields& claim = claims_[core.fields];
      view.text = claim.text;
      view.occurrences = OccurrencesView(
          std::span(occurrences_).subspan(claim.occurrences.first, claim.occurrences.count),
          &interned_, &marker_pool_);
      view.kind = claim.kind;
      break;
    }
    case detail::NodeTable::source: {
      const detail::SourceFields& source = sources_[core.fields];
      view.url = source.url;
      view.urls = source.urls;
      view.scheme = source.scheme;
      view.identifier = source.identifier;
      view.also = source.also;
      view.title = source.title;
      view.authors = source.authors;
      view.year = source.year;
      view.data = source.data;
      view.merged_because = source.merged_because;
      view.accessed = source.accessed;
      break;
    }
    case detail::NodeTable::place: {
      const detail::PlaceFields& place = places_[core.fields];
      view.path = place.path;
      view.format = place.format;
      view.answer = place.answer.get();
      break;
    }
    case detail::NodeTable::whole:
      view = view_of(whole_nodes_[core.fields]);
      view.id = core.id;
      view.label = core.label;
      view.type = core.type;
      if (v < measures_.size()) view.measures = &measures_[v];
      break;
  }
  return view;
}

EdgeRef Graph::add_edge(Vertex from, Vertex to, Edge&& edge) {
  const auto index = static_cast<std::uint32_t>(links_.size());
  detail::EdgeLinks& links = links_.emplace_back();
  links.from = static_cast<std::uint32_t>(from);
  links.to = static_cast<std::uint32_t>(to);
  links.type = edge.type;
  put_payload(EdgeRef{index}, std::move(edge));
  detail::VertexLinks& tail = vertex_links_[from];
  append_link(links_, tail.first_out, tail.last_out, &detail::EdgeLinks::next_out, index);
  ++tail.out_degree;
  detail::VertexLinks& head = vertex_links_[to];
  append_link(links_, head.first_in, head.last_in, &detail::EdgeLinks::next_in, index);
  ++head.in_degree;
  return EdgeRef{index};
}

Edge Graph::take_payload(EdgeRef e) {
  marker_index_.erase(static_cast<std::uint32_t>(e.index));  // its markers may change
  const detail::EdgeLinks& links = links_[e.index];
  Edge edge;
  edge.type = links.type;
  switch (links.table) {
    case detail::PayloadTable::none:
      break;
    case detail::PayloadTable::cite: {
      detail::CitePayload& cite = cites_[links.payload];
      edge.markers = std::move(cite.markers);
      edge.records = std::move(cite.records);
      edge.stance = cite.stance;
      edge.certainty = cite.certainty;
      edge.quote = std::move(cite.quote);
      edge.ambiguous = cite.ambiguous;
      edge.inferred = cite.inferred;
      break;
    }
    case detail::PayloadTable::marked_cite: {
      const detail::MarkedCite& cite = marked_cites_[links.payload];
      edge.markers = take_from_pool(marker_pool_, cite.markers);
      edge.ambiguous = cite.ambiguous;
      edge.inferred = cite.inferred;
      break;
    }
    case detail::PayloadTable::markers:
      edge.markers = take_from_pool(marker_pool_, markers_[links.payload]);
      break;
    case detail::PayloadTable::terms: {
      const detail::Slice slice = terms_[links.payload];
      edge.terms.reserve(slice.count);
      for (std::uint32_t i = 0; i < slice.count; ++i) {
        const detail::StoredMatch& match = matches_[slice.first + i];
        edge.terms.push_back(
            {interned_[match.term],
             match.at == detail::kNoOffset ? std::nullopt : std::optional<std::size_t>(match.at),
             interned_[match.field]});
      }
      break;
    }
    case detail::PayloadTable::score:
      edge.score = scores_[links.payload];
      break;
    case detail::PayloadTable::whole:
      edge = std::move(whole_[links.payload]);
      break;
  }
  return edge;
}

// The payload goes back into the slot it came from when it still fits that table; a payload that
// outgrew it (a plain edge given markers by a merge) moves to the end of a larger table.
void Graph::put_payload(EdgeRef e, Edge&& edge) {
  using detail::PayloadTable;
  detail::EdgeLinks& links = links_[e.index];
  const PayloadTable table = table_for(edge);
  const std::uint32_t at = table == links.table ? links.payload : detail::kNoEdge;
  // Where the payload's markers or terms were, to put as many back in their place.
  const auto old_slice = [&](const auto& slices) {
    return at < slices.size() ? std::optional<detail::Slice>(slices[at]) : std::nullopt;
  };
  std::optional<detail::Slice> old_markers;
  if (at < marked_cites_.size() && table == PayloadTable::marked_cite) {
    old_markers = marked_cites_[at].markers;
  }
  links.table = table;
  switch (table) {
    case PayloadTable::none:
      links.payload = 0;
      break;
    case PayloadTable::cite:
      links.payload = store(cites_, at,
                            detail::CitePayload{std::move(edge.markers), std::move(edge.records),
                                                std::move(edge.quote), edge.stance, edge.certainty,
                                                edge.ambiguous, edge.inferred});
      break;
    case PayloadTable::marked_cite:
      links.payload = store(marked_cites_, at,
                            detail::MarkedCite{store_markers(old_markers, std::move(edge.markers)),
                                               edge.ambiguous, edge.inferred});
      break;
    case PayloadTable::markers:
      links.payload =
          store(markers_, at, store_markers(old_slice(markers_), std::move(edge.markers)));
      break;
    case PayloadTable::terms:
      links.payload = store(terms_, at, store_terms(old_slice(terms_), edge.terms));
      break;
    case PayloadTable::score:
      links.payload = store(scores_, at, double{*edge.score});
      break;
    case PayloadTable::whole:
      links.payload = store(whole_, at, std::move(edge));
      break;
  }
}

std::uint32_t Graph::intern(const std::string& text) {
  const auto [found, added] =
      interned_ids_.try_emplace(text, static_cast<std::uint32_t>(interned_.size()));
  if (added) interned_.push_back(text);
  return found->second;
}

// As put_in_pool; each occurrence's markers go back where the occurrence at its place had them.
detail::Slice Graph::store_occurrences(std::optional<detail::Slice> old,
                                       std::vector<Occurrence>&& occurrences) {
  detail::Slice slice{static_cast<std::uint32_t>(occurrences_.size()),
                      static_cast<std::uint32_t>(occurrences.size())};
  if (old && old->count == occurrences.size()) slice.first = old->first;
  for (std::uint32_t i = 0; i < slice.count; ++i) {
    Occurrence& o = occurrences[i];
    const std::optional<detail::Slice> old_markers =
        old && i < old->count ? std::optional<detail::Slice>(occurrences_[old->first + i].markers)
                              : std::nullopt;
    const detail::StoredOccurrence stored{intern(o.document),
                                          intern(o.section),
                                          static_cast<std::uint32_t>(o.line),
                                          static_cast<std::uint32_t>(o.column),
                                          static_cast<std::uint32_t>(o.block),
                                          store_markers(old_markers, std::move(o.markers))};
    if (slice.first + i < occurrences_.size()) {
      occurrences_[slice.first + i] = stored;
    } else {
      occurrences_.push_back(stored);
    }
  }
  return slice;
}

std::size_t detail::OccurrenceKeyHash::operator()(const OccurrenceKey& key) const noexcept {
  const std::uint64_t high = (std::uint64_t{key.vertex} << 32) | key.document;
  const std::uint64_t low = (std::uint64_t{key.line} << 32) | key.column;
  return std::hash<std::uint64_t>{}(high * 0x9E3779B97F4A7C15ULL ^ low);
}

void Graph::index_occurrences(Vertex v, const detail::ClaimFields& claim) {
  const detail::Slice slice = claim.occurrences;
  for (std::uint32_t i = 0; i < slice.count; ++i) {
    const detail::StoredOccurrence& stored = occurrences_[slice.first + i];
    occurrence_index_.insert(
        {static_cast<std::uint32_t>(v), stored.document, stored.line, stored.column});
  }
}

bool Graph::has_occurrence(const detail::OccurrenceKey& key,
                           const detail::ClaimFields& claim) const {
  if (claim.occurrences.count > kWalkedOccurrences) return occurrence_index_.contains(key);
  const auto first = occurrences_.begin() + claim.occurrences.first;
  return std::any_of(
      first, first + claim.occurrences.count, [&](const detail::StoredOccurrence& o) {
        return o.document == key.document && o.line == key.line && o.column == key.column;
      });
}

// An occurrence goes in the claim's slice while it has room; when it has none the slice moves to
// the pool's end with room for as many again, so that a claim met n times costs O(n) in all.
bool Graph::add_occurrences(Vertex v, std::vector<Occurrence>& occurrences) {
  if (nodes_[v].table != detail::NodeTable::claim ||
      !std::all_of(occurrences.begin(), occurrences.end(), fits_stored)) {
    return false;
  }
  detail::ClaimFields& claim = claims_[nodes_[v].fields];
  const auto vertex = static_cast<std::uint32_t>(v);
  for (Occurrence& o : occurrences) {
    const detail::OccurrenceKey key{vertex, intern(o.document), static_cast<std::uint32_t>(o.line),
                                    static_cast<std::uint32_t>(o.column)};
    if (has_occurrence(key, claim)) continue;
    detail::Slice& slice = claim.occurrences;
    if (slice.count == claim.room) {
      const auto moved_to = static_cast<std::uint32_t>(occurrences_.size());
      claim.room = std::max<std::uint32_t>(1, 2 * claim.room);
      occurrences_.resize(occurrences_.size() + claim.room);
      std::copy_n(occurrences_.begin() + slice.first, slice.count, occurrences_.begin() + moved_to);
      slice.first = moved_to;
    }
    occurrences_[slice.first + slice.count] = {key.document,
                                               intern(o.section),
                                               key.line,
                                               key.column,
                                               static_cast<std::uint32_t>(o.block),
                                               store_markers(std::nullopt, std::move(o.markers))};
    ++slice.count;
    if (slice.count == kWalkedOccurrences + 1) {
      index_occurrences(v, claim);
    } else if (slice.count > kWalkedOccurrences + 1) {
      occurrence_index_.insert(key);
    }
  }
  return true;
}

bool Graph::add_markers(EdgeRef e, Edge& edge) {
  if (edge.score || edge.stance != Stance::unstated || edge.certainty != Certainty::unstated ||
      !edge.records.empty() || !edge.quote.empty() || !edge.terms.empty() || edge.claims > 0) {
    return false;
  }
  detail::EdgeLinks& links = links_[e.index];
  detail::Slice* slice = nullptr;
  if (links.table == detail::PayloadTable::marked_cite) {
    detail::MarkedCite& cite = marked_cites_[links.payload];
    cite.ambiguous = cite.ambiguous || edge.ambiguous;
    cite.inferred = cite.inferred && edge.inferred;
    slice = &cite.markers;
  } else if (links.table == detail::PayloadTable::markers && !edge.ambiguous) {
    slice = &markers_[links.payload];
  } else {
    return false;
  }
  for (std::string& marker : edge.markers) {
    const auto first = marker_pool_.begin() + slice->first;
    if (slice->count <= kWalkedMarkers) {
      if (std::find(first, first + slice->count, marker) != first + slice->count) continue;
    } else {
      std::unordered_set<std::string>& known = marker_index_[static_cast<std::uint32_t>(e.index)];
      if (known.empty()) known.insert(first, first + slice->count);
      if (!known.insert(marker).second) continue;
    }
    append_to_pool(marker_pool_, marker_rooms_, *slice, std::move(marker));
  }
  return true;
}

detail::Slice Graph::store_markers(std::optional<detail::Slice> old,
                                   std::vector<std::string>&& markers) {
  return put_in_pool(marker_pool_, marker_rooms_, old, std::move(markers));
}

detail::Slice Graph::store_terms(std::optional<detail::Slice> old,
                                 const std::vector<ConceptMatch>& terms) {
  std::vector<detail::StoredMatch> stored;
  stored.reserve(terms.size());
  for (const ConceptMatch& match : terms) {
    stored.push_back({intern(match.term), intern(match.field),
                      match.at ? static_cast<std::uint32_t>(*match.at) : detail::kNoOffset});
  }
  return put_in_pool(matches_, match_rooms_, old, std::move(stored));
}

void Graph::reserve(std::size_t nodes, std::size_t edges) {
  nodes_.reserve(nodes);
  claims_.reserve(nodes);
  occurrences_.reserve(nodes);
  vertex_links_.reserve(nodes);
  links_.reserve(edges);
  // Room for every edge in each payload table: capacity never written costs address space, not
  // memory, and the payloads are never moved to a larger table while the graph is built.
  marked_cites_.reserve(edges);
  markers_.reserve(edges);
  terms_.reserve(edges);
}

}  // namespace evgraph
