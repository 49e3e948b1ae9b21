// Which way a claim points: the words that say a measure goes up or down (increases, reduces), gets
// better or worse (improves, worsens) or is linked or not (associated, unrelated), each turned over
// by a negation just before it (not, no, never, n't, fails to, …), and the negations that turn over
// nothing. claims_conflict (graph.hpp) compares two claims' directions; link_similar_claims uses
// takes_sides to skip the claims that have none, and works out each claim's direction once however
// many pairs it is in. Pure functions: safe from any thread.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "evgraph/graph.hpp"

namespace evgraph::detail {

// What a direction word is about: an amount (up or down), a quality (better or worse) or a link
// (there or not there).
enum class Axis : std::uint8_t { amount, quality, link };
constexpr std::size_t kAxes = 3;

// A stretch of the claim that gives it a direction: [begin, end) in bytes.
struct Phrase {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// A claim's directions: per axis the signs it takes (bit 0 up, bit 1 down) and the first phrase
// that took each; and the negations that turned over no direction word.
struct Direction {
  std::array<std::uint8_t, kAxes> signs{};
  std::array<std::array<Phrase, 2>, kAxes> phrases{};
  std::vector<Phrase> bare_negations;

  static std::size_t bit(int sign) { return sign > 0 ? 0 : 1; }
  bool takes(Axis axis, int sign) const {
    return ((static_cast<unsigned>(signs[static_cast<std::size_t>(axis)]) >> bit(sign)) & 1U) != 0;
  }
  // The one sign taken on `axis`, or 0 when none or both.
  int only_sign(Axis axis) const {
    const std::uint8_t s = signs[static_cast<std::size_t>(axis)];
    return s == 1 ? 1 : s == 2 ? -1 : 0;
  }
  const Phrase& phrase(Axis axis, int sign) const {
    return phrases[static_cast<std::size_t>(axis)][bit(sign)];
  }
  void take(Axis axis, int sign, Phrase phrase) {
    if (takes(axis, sign)) return;
    signs[static_cast<std::size_t>(axis)] |= static_cast<std::uint8_t>(1U << bit(sign));
    phrases[static_cast<std::size_t>(axis)][bit(sign)] = phrase;
  }
};

Direction direction_of_claim(std::string_view text);

// claims_conflict for two claims whose directions are known: `a` is `from`'s, `b` is `to`'s.
std::optional<std::vector<ConceptMatch>> directions_conflict(const Direction& a,
                                                             std::string_view from,
                                                             const Direction& b,
                                                             std::string_view to);

// Whether a lower-cased word (letters and digits only, as the similarity pass splits text: "don't"
// is "don" and "t") can give a claim a direction or negate one.
bool takes_sides(std::string_view word);

}  // namespace evgraph::detail
