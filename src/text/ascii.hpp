// ASCII character classes and case folding for the readers of structured inputs (identifiers, field
// names, BibTeX, RIS, CSL-JSON, tables). Locale-independent; bytes ≥ 0x80 are never letters,
// digits or space here. The answer-text scanners keep their own narrower classes
// (src/parse/chars.hpp).
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace evgraph::ascii {

// C's isspace set: space, \t, \n, \v, \f, \r.
inline constexpr bool is_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}
inline constexpr bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
inline constexpr bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
inline constexpr bool is_letter(char c) {
  return is_upper(c) || (c >= 'a' && c <= 'z');
}
inline constexpr char lower(char c) {
  return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}
inline constexpr char upper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

inline std::string lowered(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

inline bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

inline bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

// An http(s) URL: the only kind the exports make a link of.
inline bool is_web_url(std::string_view url) {
  return istarts_with(url, "http://") || istarts_with(url, "https://");
}

inline std::string_view trimmed(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace evgraph::ascii
