#include <array>
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>

#include "evgraph/evidence.hpp"

namespace evgraph {
namespace {

// Phrases with which an assistant talks about its own search rather than about the evidence.
constexpr std::array<std::string_view, 22> kCues = {
    "search results",        "the other results",
    "other sources provide", "cited above",
    "the provided sources",  "the sources provided",
    "the provided context",  "the provided documents",
    "based on the search",   "based on the available sources",
    "i could not find",      "i couldn't find",
    "i was unable to find",  "none of the sources",
    "none of the results",   "do not directly address",
    "if you want, i can",    "if you'd like, i can",
    "would you like me to",  "let me know if you",
    "i can also add",        "i hope this helps",
};

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::uint16_t pair_at(std::string_view text, std::size_t i) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(text[i]) << 8 |
                                    static_cast<unsigned char>(text[i + 1]));
}

// The first two bytes of every cue, as a set of 2^16 bits: most positions of a text are rejected
// by one lookup.
const std::bitset<65536>& cue_starts() {
  static const std::bitset<65536> starts = [] {
    std::bitset<65536> bits;
    for (std::string_view cue : kCues) bits.set(pair_at(cue, 0));
    return bits;
  }();
  return starts;
}

}  // namespace

bool is_commentary(std::string_view text) {
  const std::string lower = lower_ascii(text);
  const std::string_view all(lower);
  const std::bitset<65536>& starts = cue_starts();
  for (std::size_t i = 0; i + 1 < all.size(); ++i) {
    if (!starts.test(pair_at(all, i))) continue;
    const std::string_view rest = all.substr(i);
    for (std::string_view cue : kCues) {
      if (rest.starts_with(cue)) return true;
    }
  }
  return false;
}

}  // namespace evgraph
