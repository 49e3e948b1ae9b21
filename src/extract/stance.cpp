// How datasets spell a citation's stance and a GRADE certainty, folded onto design.md's words.
#include <string>
#include <string_view>

#include "evgraph/evidence.hpp"

namespace evgraph {
namespace {

// Lower-case ASCII letters only: "NOT_ENOUGH_INFO" and "Not enough info" both become
// "notenoughinfo".
std::string letters(std::string_view label) {
  std::string out;
  for (char c : label) {
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    if (c >= 'a' && c <= 'z') out += c;
  }
  return out;
}

bool any_of(std::string_view word, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (word == w) return true;
  }
  return false;
}

}  // namespace

std::optional<Stance> normalise_stance(std::string_view label) {
  const std::string word = letters(label);
  if (any_of(word, {"supports", "support", "supported", "supporting", "for", "pro", "confirms",
                    "entailment", "entails", "agree", "agrees", "positive"})) {
    return Stance::supports;
  }
  if (any_of(word, {"contrasts", "contrast", "contrasting", "refute", "refutes", "refuted",
                    "refuting", "contradicts", "contradict", "contradiction", "against", "con",
                    "disputes", "disagree", "disagrees", "negative", "opposes"})) {
    return Stance::contrasts;
  }
  if (any_of(word, {"mentions", "mention", "notenoughinfo", "nei", "neutral", "noinfo",
                    "insufficient", "unrelated", "discusses", "background", "none"})) {
    return Stance::mentions;
  }
  return std::nullopt;
}

std::optional<Certainty> normalise_certainty(std::string_view label) {
  // GRADE's symbols: ⊕⊕⊕⊕ high … ⊕◯◯◯ very low (U+2295 is E2 8A 95).
  std::size_t circles = 0;
  for (std::size_t pos = label.find("\u2295"); pos != std::string_view::npos;
       pos = label.find("\u2295", pos + 1)) {
    ++circles;
  }
  if (circles >= 1 && circles <= 4) {
    static constexpr Certainty kByCount[] = {Certainty::very_low, Certainty::low,
                                             Certainty::moderate, Certainty::high};
    return kByCount[circles - 1];
  }
  const std::string word = letters(label);
  if (word == "high") return Certainty::high;
  if (word == "moderate" || word == "medium") return Certainty::moderate;
  if (word == "low") return Certainty::low;
  if (word == "verylow") return Certainty::very_low;
  return std::nullopt;
}

}  // namespace evgraph
