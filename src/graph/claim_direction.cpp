// Directions of claims and the conflicts between near-duplicates (claim_direction.hpp, graph.hpp).
#include "graph/claim_direction.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "evgraph/graph.hpp"

namespace evgraph {
namespace {

using detail::Axis;
using detail::Direction;
using detail::Phrase;

struct DirectionWord {
  std::string_view word;
  Axis axis;
  int sign;
};

// Sorted by word, for binary search.
constexpr auto kDirectionWords = std::to_array<DirectionWord>({
    {"affect", Axis::link, 1},
    {"affected", Axis::link, 1},
    {"affects", Axis::link, 1},
    {"alleviate", Axis::amount, -1},
    {"alleviated", Axis::amount, -1},
    {"alleviates", Axis::amount, -1},
    {"associated", Axis::link, 1},
    {"association", Axis::link, 1},
    {"associations", Axis::link, 1},
    {"beneficial", Axis::quality, 1},
    {"benefit", Axis::quality, 1},
    {"benefited", Axis::quality, 1},
    {"benefits", Axis::quality, 1},
    {"benefitted", Axis::quality, 1},
    {"better", Axis::quality, 1},
    {"boost", Axis::amount, 1},
    {"boosted", Axis::amount, 1},
    {"boosts", Axis::amount, 1},
    {"cause", Axis::link, 1},
    {"caused", Axis::link, 1},
    {"causes", Axis::link, 1},
    {"causing", Axis::link, 1},
    {"correlated", Axis::link, 1},
    {"correlation", Axis::link, 1},
    {"damaging", Axis::quality, -1},
    {"decline", Axis::amount, -1},
    {"declined", Axis::amount, -1},
    {"declines", Axis::amount, -1},
    {"declining", Axis::amount, -1},
    {"decrease", Axis::amount, -1},
    {"decreased", Axis::amount, -1},
    {"decreases", Axis::amount, -1},
    {"decreasing", Axis::amount, -1},
    {"deteriorate", Axis::quality, -1},
    {"deteriorated", Axis::quality, -1},
    {"deteriorates", Axis::quality, -1},
    {"detrimental", Axis::quality, -1},
    {"diminish", Axis::amount, -1},
    {"diminished", Axis::amount, -1},
    {"diminishes", Axis::amount, -1},
    {"doubled", Axis::amount, 1},
    {"drop", Axis::amount, -1},
    {"dropped", Axis::amount, -1},
    {"drops", Axis::amount, -1},
    {"effect", Axis::link, 1},
    {"effective", Axis::quality, 1},
    {"effectively", Axis::quality, 1},
    {"effects", Axis::link, 1},
    {"elevate", Axis::amount, 1},
    {"elevated", Axis::amount, 1},
    {"elevates", Axis::amount, 1},
    {"enhance", Axis::quality, 1},
    {"enhanced", Axis::quality, 1},
    {"enhances", Axis::quality, 1},
    {"enhancing", Axis::quality, 1},
    {"exacerbate", Axis::quality, -1},
    {"exacerbated", Axis::quality, -1},
    {"exacerbates", Axis::quality, -1},
    {"fell", Axis::amount, -1},
    {"fewer", Axis::amount, -1},
    {"greater", Axis::amount, 1},
    {"harm", Axis::quality, -1},
    {"harmed", Axis::quality, -1},
    {"harmful", Axis::quality, -1},
    {"harms", Axis::quality, -1},
    {"heighten", Axis::amount, 1},
    {"heightened", Axis::amount, 1},
    {"heightens", Axis::amount, 1},
    {"higher", Axis::amount, 1},
    {"impact", Axis::link, 1},
    {"impacts", Axis::link, 1},
    {"impair", Axis::quality, -1},
    {"impaired", Axis::quality, -1},
    {"impairs", Axis::quality, -1},
    {"improve", Axis::quality, 1},
    {"improved", Axis::quality, 1},
    {"improvement", Axis::quality, 1},
    {"improvements", Axis::quality, 1},
    {"improves", Axis::quality, 1},
    {"improving", Axis::quality, 1},
    {"increase", Axis::amount, 1},
    {"increased", Axis::amount, 1},
    {"increases", Axis::amount, 1},
    {"increasing", Axis::amount, 1},
    {"ineffective", Axis::quality, -1},
    {"less", Axis::amount, -1},
    {"lessen", Axis::amount, -1},
    {"lessened", Axis::amount, -1},
    {"lessens", Axis::amount, -1},
    {"linked", Axis::link, 1},
    {"lower", Axis::amount, -1},
    {"lowered", Axis::amount, -1},
    {"lowering", Axis::amount, -1},
    {"lowers", Axis::amount, -1},
    {"minimise", Axis::amount, -1},
    {"minimised", Axis::amount, -1},
    {"minimises", Axis::amount, -1},
    {"minimize", Axis::amount, -1},
    {"minimized", Axis::amount, -1},
    {"minimizes", Axis::amount, -1},
    {"mitigate", Axis::amount, -1},
    {"mitigated", Axis::amount, -1},
    {"mitigates", Axis::amount, -1},
    {"more", Axis::amount, 1},
    {"predict", Axis::link, 1},
    {"predicted", Axis::link, 1},
    {"predicts", Axis::link, 1},
    {"prevent", Axis::amount, -1},
    {"prevented", Axis::amount, -1},
    {"preventing", Axis::amount, -1},
    {"prevents", Axis::amount, -1},
    {"protect", Axis::quality, 1},
    {"protected", Axis::quality, 1},
    {"protective", Axis::quality, 1},
    {"protects", Axis::quality, 1},
    {"raise", Axis::amount, 1},
    {"raised", Axis::amount, 1},
    {"raises", Axis::amount, 1},
    {"reduce", Axis::amount, -1},
    {"reduced", Axis::amount, -1},
    {"reduces", Axis::amount, -1},
    {"reducing", Axis::amount, -1},
    {"reduction", Axis::amount, -1},
    {"reductions", Axis::amount, -1},
    {"related", Axis::link, 1},
    {"rise", Axis::amount, 1},
    {"rises", Axis::amount, 1},
    {"rising", Axis::amount, 1},
    {"rose", Axis::amount, 1},
    {"spiked", Axis::amount, 1},
    {"tripled", Axis::amount, 1},
    {"unaffected", Axis::link, -1},
    {"unassociated", Axis::link, -1},
    {"uncorrelated", Axis::link, -1},
    {"unrelated", Axis::link, -1},
    {"worse", Axis::quality, -1},
    {"worsen", Axis::quality, -1},
    {"worsened", Axis::quality, -1},
    {"worsening", Axis::quality, -1},
    {"worsens", Axis::quality, -1},
});
static_assert(std::is_sorted(kDirectionWords.begin(), kDirectionWords.end(),
                             [](const DirectionWord& a, const DirectionWord& b) {
                               return a.word < b.word;
                             }));

// Words that turn over the direction word after them (or, with none, the claim), sorted. Words
// ending in "n't" are negations too.
constexpr auto kNegations = std::to_array<std::string_view>(
    {"cannot", "fail", "failed", "fails", "lack", "lacked", "lacking", "lacks", "neither", "never",
     "no", "none", "nor", "not", "unable"});
static_assert(std::is_sorted(kNegations.begin(), kNegations.end()));

// Words that end a negation's reach.
constexpr auto kClauseWords =
    std::to_array<std::string_view>({"although", "but", "though", "whereas", "while", "yet"});
static_assert(std::is_sorted(kClauseWords.begin(), kClauseWords.end()));

// A negation reaches a direction word at most this many words on ("did not significantly reduce").
constexpr std::size_t kNegationReach = 4;

bool contains(std::span<const std::string_view> sorted, std::string_view word) {
  return std::binary_search(sorted.begin(), sorted.end(), word);
}

const DirectionWord* direction_of(std::string_view word) {
  const auto found = std::lower_bound(
      kDirectionWords.begin(), kDirectionWords.end(), word,
      [](const DirectionWord& entry, std::string_view w) { return entry.word < w; });
  return found != kDirectionWords.end() && found->word == word ? &*found : nullptr;
}

bool is_letter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// An apostrophe inside a word: ' or ’ (E2 80 99) between letters. Returns its length, or 0.
std::size_t apostrophe_at(std::string_view text, std::size_t i) {
  std::size_t length = 0;
  if (text[i] == '\'') {
    length = 1;
  } else if (text.substr(i, 3) == "\u2019") {
    length = 3;
  }
  if (length == 0 || i == 0 || i + length >= text.size()) return 0;
  const auto before = static_cast<unsigned char>(text[i - 1]);
  const auto after = static_cast<unsigned char>(text[i + length]);
  return is_letter(before) && is_letter(after) ? length : 0;
}

struct Token {
  std::size_t begin = 0;  // bytes
  std::size_t end = 0;
  std::string word;  // lower-cased, apostrophes as '
  bool after_break = false;
};

// The words of `text` (runs of ASCII letters with inner apostrophes), each marking whether a
// clause break (, ; : . ! ? ( ) or a dash) lies before it.
std::vector<Token> tokens_of(std::string_view text) {
  std::vector<Token> tokens;
  bool pending_break = false;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!is_letter(c)) {
      if (std::string_view(",;:.!?()").find(static_cast<char>(c)) != std::string_view::npos ||
          text.substr(i, 3) == "\u2013" || text.substr(i, 3) == "\u2014") {
        pending_break = true;
      }
      ++i;
      continue;
    }
    Token token{i, i, {}, pending_break};
    pending_break = false;
    while (i < text.size()) {
      const auto ch = static_cast<unsigned char>(text[i]);
      if (is_letter(ch)) {
        token.word += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
        ++i;
      } else if (const std::size_t length = apostrophe_at(text, i)) {
        token.word += '\'';
        i += length;
      } else {
        break;
      }
    }
    token.end = i;
    tokens.push_back(std::move(token));
  }
  return tokens;
}

bool is_negation(std::string_view word) {
  return contains(kNegations, word) || word.ends_with("n't");
}

// An axis on which both claims take the same one sign.
bool agree_somewhere(const Direction& a, const Direction& b) {
  for (Axis axis : {Axis::amount, Axis::quality, Axis::link}) {
    if (a.only_sign(axis) != 0 && a.only_sign(axis) == b.only_sign(axis)) return true;
  }
  return false;
}

// The first phrase of `d` that says something happens: any amount or quality sign, or a link.
std::optional<Phrase> first_assertion(const Direction& d) {
  std::optional<Phrase> first;
  for (Axis axis : {Axis::amount, Axis::quality, Axis::link}) {
    for (int sign : {1, -1}) {
      if (axis == Axis::link && sign < 0) continue;
      if (!d.takes(axis, sign)) continue;
      const Phrase& p = d.phrase(axis, sign);
      if (!first || p.begin < first->begin) first = p;
    }
  }
  return first;
}

std::size_t code_points_before(std::string_view text, std::size_t byte) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.begin() + byte, [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

ConceptMatch match_of(std::string_view text, const Phrase& phrase, std::string_view side) {
  return {std::string(text.substr(phrase.begin, phrase.end - phrase.begin)),
          code_points_before(text, phrase.begin), std::string(side)};
}

}  // namespace

namespace detail {

bool takes_sides(std::string_view word) {
  return direction_of(word) != nullptr || contains(kNegations, word) || word == "t";
}

Direction direction_of_claim(std::string_view text) {
  constexpr std::size_t kNoNegation = static_cast<std::size_t>(-1);
  const std::vector<Token> tokens = tokens_of(text);
  Direction direction;
  std::size_t negation = kNoNegation;  // the token of a negation still looking for its word
  // A negation that turned over a link word reaches on to the next direction word: "not
  // associated with lower risk" is no lower risk. It was not bare if nothing follows.
  bool carried = false;
  // After "but" or "yet" a negation qualifies what came before ("…provide context, but do not
  // address…"): it turns over a direction word, never the claim.
  bool qualifying = false;
  // A negation alone in its clause ("…; No (contactless)", a table's cell) negates nothing.
  const auto negates_words = [&](std::size_t at) {
    return at + 1 < tokens.size() && !tokens[at + 1].after_break;
  };
  const auto negation_is_bare = [&] {
    if (negation != kNoNegation && !carried && !qualifying && negates_words(negation)) {
      direction.bare_negations.push_back({tokens[negation].begin, tokens[negation].end});
    }
    negation = kNoNegation;
    carried = false;
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    if (negation != kNoNegation && (token.after_break || contains(kClauseWords, token.word) ||
                                    i - negation > kNegationReach)) {
      negation_is_bare();
    }
    if (token.word == "but" || token.word == "yet") qualifying = true;
    if (token.word == "only" && negation != kNoNegation && i == negation + 1) {  // "not only"
      negation = kNoNegation;
      continue;
    }
    if (is_negation(token.word)) {
      negation_is_bare();
      negation = i;
      continue;
    }
    const DirectionWord* word = direction_of(token.word);
    if (!word) continue;
    const bool comparison =
        (token.word == "more" || token.word == "less" || token.word == "fewer") &&
        i + 1 < tokens.size() && tokens[i + 1].word == "than";
    if (comparison) continue;  // "more than 20 groups": a quantity, not a direction
    if (negation != kNoNegation) {
      direction.take(word->axis, -word->sign, {tokens[negation].begin, token.end});
      carried = word->axis == Axis::link && !carried;
      negation = carried ? i : kNoNegation;
    } else {
      direction.take(word->axis, word->sign, {token.begin, token.end});
    }
  }
  negation_is_bare();
  return direction;
}

std::optional<std::vector<ConceptMatch>> directions_conflict(const Direction& a,
                                                             std::string_view from,
                                                             const Direction& b,
                                                             std::string_view to) {
  std::vector<std::pair<Phrase, Phrase>> found;
  // Opposite signs on one axis: "reduces" against "increases", "associated" against "not
  // associated", "improves" against "does not improve".
  for (Axis axis : {Axis::amount, Axis::quality, Axis::link}) {
    const int sign = a.only_sign(axis);
    if (sign != 0 && b.only_sign(axis) == -sign) {
      found.emplace_back(a.phrase(axis, sign), b.phrase(axis, -sign));
    }
  }
  const bool agree = agree_somewhere(a, b);
  if (found.empty() && !agree) {
    // "no effect" or "unrelated" against a claim that something happens.
    if (a.only_sign(Axis::link) < 0) {
      if (auto other = first_assertion(b)) found.emplace_back(a.phrase(Axis::link, -1), *other);
    } else if (b.only_sign(Axis::link) < 0) {
      if (auto other = first_assertion(a)) found.emplace_back(*other, b.phrase(Axis::link, -1));
    }
  }
  std::vector<ConceptMatch> words;
  if (found.empty()) {
    // A negation that turns the whole claim over: "no effective therapies" against "several".
    if (a.bare_negations.size() % 2 == b.bare_negations.size() % 2 || agree) {
      return std::nullopt;
    }
    for (const Phrase& p : a.bare_negations) words.push_back(match_of(from, p, "from"));
    for (const Phrase& p : b.bare_negations) words.push_back(match_of(to, p, "to"));
    return words;
  }
  for (const auto& [in_from, in_to] : found) words.push_back(match_of(from, in_from, "from"));
  for (const auto& [in_from, in_to] : found) words.push_back(match_of(to, in_to, "to"));
  return words;
}

}  // namespace detail

std::optional<std::vector<ConceptMatch>> claims_conflict(std::string_view from,
                                                         std::string_view to) {
  return detail::directions_conflict(detail::direction_of_claim(from), from,
                                     detail::direction_of_claim(to), to);
}

}  // namespace evgraph
