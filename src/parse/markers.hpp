// Scanners for the inline pieces of answer text: citation marker groups and flattened superscript
// digits. Each looks at one position of one line and never allocates unless it matches.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace evgraph::parse {

struct MarkerGroup {
  std::size_t begin = 0;
  std::size_t end = 0;  // one past the last ']'
  std::vector<std::string> labels;
};

// One bracket starting at `pos`: `[1]`, `[1, 3]` or `[^2]`.
std::optional<MarkerGroup> scan_marker(std::string_view line, std::size_t pos);

// A marker group starting at `pos`: `[1]`, `[1, 3]`, `[^2]`, and runs of them (`[2][5]`, `[2]
// [5]`).
std::optional<MarkerGroup> scan_marker_group(std::string_view line, std::size_t pos);

struct StrayDigits {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Digits glued after sentence punctuation that ends a word (`physiology.2579[5]`, `above.57912`),
// followed by a marker or the end of the line: flattened superscript citations.
std::optional<StrayDigits> scan_stray_digits(std::string_view line, std::size_t pos);

// A citation-list heading line: `Citations:`, `Sources`, `## References`, `**Sources:**`.
bool is_list_heading(std::string_view line);

}  // namespace evgraph::parse
