#include <array>
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

}  // namespace

bool is_commentary(std::string_view text) {
  const std::string lower = lower_ascii(text);
  for (std::string_view cue : kCues) {
    if (lower.find(cue) != std::string::npos) return true;
  }
  return false;
}

}  // namespace evgraph
