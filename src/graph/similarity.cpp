// Near-duplicate claims by content-word overlap (graph.hpp): words are interned to ids once, an
// inverted index over the rarer words proposes candidate pairs, and each candidate is scored on
// its full word sets.
#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <deque>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "evgraph/graph.hpp"
#include "graph/claim_direction.hpp"

namespace evgraph {
namespace {

constexpr std::array<std::string_view, 95> kStopWords = {
    "about",   "across",  "after", "all",     "also",  "among",   "amongst", "and",       "any",
    "are",     "because", "been",  "before",  "being", "between", "both",    "but",       "can",
    "could",   "did",     "does",  "during",  "each",  "for",     "from",    "had",       "has",
    "have",    "her",     "here",  "his",     "how",   "however", "into",    "its",       "just",
    "may",     "might",   "more",  "most",    "nor",   "not",     "only",    "onto",      "other",
    "our",     "over",    "own",   "per",     "same",  "she",     "should",  "some",      "such",
    "than",    "that",    "the",   "their",   "them",  "then",    "there",   "therefore", "these",
    "they",    "this",    "those", "through", "thus",  "too",     "toward",  "towards",   "under",
    "until",   "upon",    "very",  "via",     "was",   "were",    "what",    "when",      "where",
    "whether", "which",   "while", "who",     "whom",  "why",     "will",    "with",      "within",
    "without", "would",   "yet",   "you",     "your"};
static_assert(std::is_sorted(kStopWords.begin(), kStopWords.end()));

bool is_stop_word(std::string_view word) {
  return std::binary_search(kStopWords.begin(), kStopWords.end(), word);
}

// Bytes of a word: ASCII letters and digits, and non-ASCII letters (any UTF-8 sequence except the
// General Punctuation block U+2000–U+206F, E2 80/81 xx, which holds curly quotes and dashes).
std::size_t word_byte(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return 1;
  if (c < 0x80) return 0;
  if (c == 0xE2 && i + 1 < text.size() &&
      (static_cast<unsigned char>(text[i + 1]) == 0x80 ||
       static_cast<unsigned char>(text[i + 1]) == 0x81)) {
    return 0;
  }
  std::size_t length = 1;
  while (i + length < text.size() &&
         (static_cast<unsigned char>(text[i + length]) & 0xC0) == 0x80) {
    ++length;
  }
  return length;
}

// Calls visit(word) for each word of `text`, lower-cased (ASCII letters only): a view into `text`
// when it has no capital letter, else into `buffer`.
template <typename Visit>
void for_each_word(std::string_view text, std::string& buffer, Visit&& visit) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    bool lower_case = true;
    for (std::size_t length; i < text.size() && (length = word_byte(text, i)) != 0; i += length) {
      if (text[i] >= 'A' && text[i] <= 'Z') lower_case = false;
    }
    if (i == start) {
      ++i;
      continue;
    }
    std::string_view word = text.substr(start, i - start);
    if (!lower_case) {
      buffer.assign(word);
      for (char& c : buffer) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      word = buffer;
    }
    visit(word);
  }
}

// A content word's spelling: a plural's final s dropped ("groups" is "group", "across" stays).
std::string_view folded(std::string_view word) {
  if (word.size() > 4 && word.back() == 's' && word[word.size() - 2] != 's') word.remove_suffix(1);
  return word;
}

bool is_content_word(std::string_view word) {
  return word.size() >= 3 && !is_stop_word(word);
}

template <typename Visit>
void for_each_content_word(std::string_view text, Visit&& visit) {
  std::string buffer;
  for_each_word(text, buffer, [&](std::string_view word) {
    if (is_content_word(word)) visit(folded(word));
  });
}

// Content-word ids in the order the words are first met. Each spelling met (lower-cased, before
// folding) is remembered with its id, or with kNotContent, and whether it can give a claim a
// direction (detail::takes_sides), so that a word costs one lookup.
class WordIds {
 public:
  static constexpr std::uint32_t kNotContent = UINT32_MAX;

  struct Spelling {
    std::uint32_t id = kNotContent;
    bool takes_sides = false;
  };

  Spelling spelling(std::string_view word) {
    if (const auto found = by_spelling_.find(word); found != by_spelling_.end()) {
      return found->second;
    }
    std::uint32_t id = kNotContent;
    if (is_content_word(word)) {
      const std::string_view content = folded(word);
      auto found = by_content_.find(content);
      if (found == by_content_.end()) {
        found = by_content_.emplace(keep(content), static_cast<std::uint32_t>(by_content_.size()))
                    .first;
      }
      id = found->second;
    }
    const Spelling spelling{id, detail::takes_sides(word)};
    by_spelling_.emplace(keep(word), spelling);
    return spelling;
  }

 private:
  std::string_view keep(std::string_view word) { return spellings_.emplace_back(word); }

  std::deque<std::string> spellings_;  // the keys below view these
  std::unordered_map<std::string_view, Spelling> by_spelling_;
  std::unordered_map<std::string_view, std::uint32_t> by_content_;
};

std::vector<std::string> content_words(std::string_view text) {
  std::vector<std::string> words;
  for_each_content_word(text, [&](std::string_view word) { words.emplace_back(word); });
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

template <typename Word>
std::size_t shared_count(const std::vector<Word>& a, const std::vector<Word>& b) {
  std::size_t shared = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++shared;
      ++i;
      ++j;
    }
  }
  return shared;
}

std::optional<double> score(std::size_t shared, std::size_t a_size, std::size_t b_size) {
  if (shared < kSimilarMinShared) return std::nullopt;
  const double coefficient =
      static_cast<double>(shared) / static_cast<double>(std::min(a_size, b_size));
  if (coefficient < kSimilarThreshold) return std::nullopt;
  return std::round(coefficient * 1000.0) / 1000.0;
}

// The directions of the claims compared last, one slot per claim index modulo its size: the claims
// of one family meet again and again, and each is read once while it stays.
class DirectionCache {
 public:
  const detail::Direction& of(std::uint32_t claim, std::string_view text) {
    Slot& slot = slots_[claim % slots_.size()];
    if (slot.claim != claim) {
      slot.direction = detail::direction_of_claim(text);
      slot.claim = claim;
    }
    return slot.direction;
  }

 private:
  struct Slot {
    std::uint32_t claim = std::numeric_limits<std::uint32_t>::max();
    detail::Direction direction;
  };
  std::vector<Slot> slots_ = std::vector<Slot>(4096);
};

}  // namespace

double claim_similarity(std::string_view a, std::string_view b) {
  const std::vector<std::string> x = content_words(a);
  const std::vector<std::string> y = content_words(b);
  if (x.empty() || y.empty()) return 0.0;
  return static_cast<double>(shared_count(x, y)) /
         static_cast<double>(std::min(x.size(), y.size()));
}

std::size_t link_similar_claims(EvidenceGraph& graph) {
  std::vector<Vertex> claims;
  std::vector<std::vector<std::uint32_t>> words;
  // Per claim: whether it is a finding (commentary takes no sides) and whether it has a word that
  // can give it a direction.
  std::vector<bool> finding;
  std::vector<bool> takes_sides;
  WordIds word_ids;
  std::string buffer;
  std::vector<std::uint32_t> frequency;
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph.graph()))) {
    if (graph.graph().type(v) != NodeType::claim) continue;
    std::vector<std::uint32_t>& ids = words.emplace_back();
    bool sides = false;
    const NodeView claim = graph.node(v);
    for_each_word(claim.text, buffer, [&](std::string_view word) {
      const auto [id, word_takes_sides] = word_ids.spelling(word);
      sides = sides || word_takes_sides;
      if (id == WordIds::kNotContent) return;
      if (id == frequency.size()) frequency.push_back(0);
      ids.push_back(id);
    });
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (std::uint32_t id : ids) ++frequency[id];
    claims.push_back(v);
    finding.push_back(claim.kind == ClaimKind::finding);
    takes_sides.push_back(sides);
  }
  const auto common = static_cast<std::uint32_t>(
      std::max(100.0, kSimilarCommonShare * static_cast<double>(claims.size())));
  // Prefix filter: in the order rarest word first, two claims that share kSimilarMinShared words
  // share their rarest common word among each one's words but its last kSimilarMinShared - 1. That
  // word is proposing (not common) whenever any shared word is, so only those prefixes need to be
  // indexed and probed: the same pairs as probing every proposing word, without the long lists of
  // the frequent ones.
  const auto rarer = [&](std::uint32_t a, std::uint32_t b) {
    return frequency[a] != frequency[b] ? frequency[a] < frequency[b] : a < b;
  };
  // A claim's proposing prefix (none under kSimilarMinShared words), and the claims whose prefix
  // holds each word, in claim order.
  const auto proposing_prefix = [&](std::uint32_t i, std::vector<std::uint32_t>& prefix) {
    prefix.clear();
    if (words[i].size() < kSimilarMinShared) return;
    prefix.assign(words[i].begin(), words[i].end());
    std::sort(prefix.begin(), prefix.end(), rarer);
    prefix.resize(prefix.size() - (kSimilarMinShared - 1));
    prefix.erase(std::find_if(prefix.begin(), prefix.end(),
                              [&](std::uint32_t id) { return frequency[id] > common; }),
                 prefix.end());
  };
  std::vector<std::vector<std::uint32_t>> postings(frequency.size());
  {
    std::vector<std::uint32_t> prefix;
    for (std::uint32_t i = 0; i < claims.size(); ++i) {
      proposing_prefix(i, prefix);
      for (std::uint32_t id : prefix) postings[id].push_back(i);
    }
  }

  // Claims are scored in chunks on every core, each against the earlier claims its prefix words
  // propose, and each similar pair's directions compared; the pairs are then added chunk by chunk,
  // so the edges come in one order whatever the threads.
  struct Pair {
    std::uint32_t earlier;
    std::uint32_t later;
    double score;
  };
  struct Conflict {
    std::size_t pair;  // index into the chunk's pairs
    std::vector<ConceptMatch> words;
  };
  constexpr std::uint32_t kChunk = 512;
  const auto chunks = static_cast<std::uint32_t>((claims.size() + kChunk - 1) / kChunk);
  std::vector<std::vector<Pair>> found(chunks);
  std::vector<std::vector<Conflict>> conflicts(chunks);
  std::atomic<std::uint32_t> next{0};
  auto work = [&] {
    std::vector<std::uint32_t> hits(claims.size(), 0);
    std::vector<std::uint32_t> touched;
    std::vector<std::uint32_t> prefix;
    DirectionCache directions;
    std::optional<detail::Direction> direction;  // of claim i, once a pair needs it
    for (std::uint32_t chunk = next++; chunk < chunks; chunk = next++) {
      const auto end = static_cast<std::uint32_t>(
          std::min<std::size_t>(claims.size(), std::size_t{chunk + 1} * kChunk));
      for (std::uint32_t i = chunk * kChunk; i < end; ++i) {
        direction.reset();
        proposing_prefix(i, prefix);
        for (std::uint32_t id : prefix) {
          for (std::uint32_t earlier : postings[id]) {
            if (earlier >= i) break;
            if (hits[earlier]++ == 0) touched.push_back(earlier);
          }
        }
        std::sort(touched.begin(), touched.end());
        for (std::uint32_t earlier : touched) {
          hits[earlier] = 0;
          const auto similar =
              score(shared_count(words[earlier], words[i]), words[earlier].size(), words[i].size());
          if (!similar) continue;
          if (finding[earlier] && finding[i] && (takes_sides[earlier] || takes_sides[i])) {
            const std::string_view text = graph.node(claims[i]).text;
            if (!direction) direction = detail::direction_of_claim(text);
            const std::string_view earlier_text = graph.node(claims[earlier]).text;
            if (auto differ = detail::directions_conflict(directions.of(earlier, earlier_text),
                                                          earlier_text, *direction, text)) {
              conflicts[chunk].push_back({found[chunk].size(), std::move(*differ)});
            }
          }
          found[chunk].push_back({earlier, i, *similar});
        }
        touched.clear();
      }
    }
  };
  {
    const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < std::min<std::size_t>(threads, chunks); ++t) pool.emplace_back(work);
    work();
  }
  std::size_t added = 0;
  for (std::uint32_t chunk = 0; chunk < chunks; ++chunk) {
    auto conflict = conflicts[chunk].begin();
    for (std::size_t p = 0; p < found[chunk].size(); ++p) {
      const Pair& pair = found[chunk][p];
      Edge edge;
      edge.type = EdgeType::similar_to;
      edge.score = pair.score;
      if (conflict != conflicts[chunk].end() && conflict->pair == p) {
        edge.type = EdgeType::conflicts_with;
        edge.terms = std::move(conflict->words);
        ++conflict;
      }
      graph.add_edge(claims[pair.earlier], claims[pair.later], std::move(edge));
      ++added;
    }
  }
  return added;
}

}  // namespace evgraph
