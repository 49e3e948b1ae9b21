// Character classes, trimming and the size limits the answer-text scanners share. Byte-wise:
// every byte of a multi-byte UTF-8 character counts as a letter. Internal to src/parse; pure
// inline functions, thread-safe.
#pragma once

#include <cctype>
#include <cstddef>
#include <string_view>

namespace evgraph::parse {

// A bracketed label is `[1]` to `[999999]`: a list of 1,500 references is read whole; a longer run
// of digits in brackets is data, reported where a marker would stand (scan_oversized_marker()).
inline constexpr std::size_t kMaxLabelDigits = 6;
// Numbering without brackets (`12. `, `12) `, Gemini's plain `men.12`) stops at `999`: `2024. The
// year…` opens a sentence, not the 2,024th item.
inline constexpr std::size_t kMaxNumberingDigits = 3;
inline constexpr std::size_t kMaxLinkTarget = 2000;  // how far a link target or `<!-- -->` reaches

inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
inline bool is_blank(char c) {
  return c == ' ' || c == '\t';
}
inline bool is_space(char c) {
  return is_blank(c) || c == '\n';
}
inline bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}
inline bool is_word(char c) {
  return is_alpha(c) || is_digit(c);
}
inline char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

inline std::string_view trim(std::string_view s, std::string_view chars = " \t\n") {
  while (!s.empty() && chars.find(s.front()) != std::string_view::npos) s.remove_prefix(1);
  while (!s.empty() && chars.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return s;
}
inline std::string_view trim_blanks(std::string_view s) {
  return trim(s, " \t");
}

inline std::size_t skip_blanks(std::string_view s, std::size_t i) {
  while (i < s.size() && is_blank(s[i])) ++i;
  return i;
}

// `prefix` is lower case.
inline bool starts_with_ignoring_case(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lower(s[i]) != prefix[i]) return false;
  }
  return true;
}

// A list bullet `- `, `* `, `+ ` at the start of `s`.
inline bool is_bullet(std::string_view s) {
  return s.size() > 1 && std::string_view("-*+").find(s[0]) != std::string_view::npos &&
         is_space(s[1]);
}

// Digits at `i` (at most `max_digits`); npos when there are none or too many.
inline std::size_t number_end(std::string_view s, std::size_t i,
                              std::size_t max_digits = kMaxLabelDigits) {
  std::size_t end = i;
  while (end < s.size() && is_digit(s[end])) ++end;
  return end == i || end - i > max_digits ? std::string_view::npos : end;
}

}  // namespace evgraph::parse
