#include <cstdint>
#include <string>
#include <string_view>

#include "evgraph/evidence.hpp"

namespace evgraph {
namespace {

std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

}  // namespace

// Case folded (ASCII), quotes dropped (' " and the curly ‘ ’ “ ”), whitespace runs collapsed, ends
// trimmed of spaces and of one final full stop.
std::string normalise_claim_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    if (c == '"' || c == '\'') continue;
    // U+2018 U+2019 ‘ ’ and U+201C U+201D “ ” are E2 80 98/99/9C/9D.
    if (c == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x80') {
      const char last = text[i + 2];
      if (last == '\x98' || last == '\x99' || last == '\x9C' || last == '\x9D') {
        i += 2;
        continue;
      }
    }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  if (!out.empty() && out.back() == '.') out.pop_back();
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string claim_id(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::uint64_t hash = fnv1a64(normalise_claim_text(text));
  std::string id = "claim:0000000000000000";
  for (std::size_t i = id.size(); i-- > 6;) {
    id[i] = kHex[hash & 0xF];
    hash >>= 4;
  }
  return id;
}

}  // namespace evgraph
