// LaTeX as BibTeX values hold it, to plain UTF-8 (accents composed and NFC-normalised, escapes
// and symbol commands replaced, groups unwrapped), the links of a howpublished value, and BibTeX
// name lists split into names. Used by the BibTeX reader; pure functions.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/ascii.hpp"

namespace evgraph::detail {

// The character classes and small string helpers the BibTeX scanner and the LaTeX decoder share.
namespace latex_chars {

using ascii::is_digit;
using ascii::is_letter;
using ascii::is_space;
using ascii::lower;
using ascii::lowered;
using ascii::trimmed;

using Table = std::pair<std::string_view, std::string_view>;

inline std::optional<std::string_view> look_up(std::span<const Table> table,
                                               std::string_view name) {
  const auto found =
      std::find_if(table.begin(), table.end(), [&](const Table& row) { return row.first == name; });
  if (found == table.end()) return std::nullopt;
  return found->second;
}

}  // namespace latex_chars

// The offset just past the '}' that closes the '{' at `open`; npos when it is never closed.
// Escaped braces (\{ \}) do not count.
std::size_t group_end(std::string_view s, std::size_t open);

// LaTeX to plain text, whitespace collapsed.
std::string plain_text(std::string_view latex);
// A verbatim field (file, url): braces dropped, nothing decoded.
std::string verbatim(std::string_view latex);

struct Links {
  std::vector<std::string> urls;
  std::string text;   // the value as plain text, its URLs as written
  bool only = false;  // the value holds nothing but its links
};

Links links_in(std::string_view latex);

// The names of an author field: "and"-separated outside braces; "others" (et al.) is dropped and
// sets `truncated`.
std::vector<std::string> bibtex_names(std::string_view latex, bool& truncated);

}  // namespace evgraph::detail
