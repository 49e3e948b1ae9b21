#include "parse/markers.hpp"

#include <array>
#include <cctype>

namespace evgraph::parse {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_space(char c) {
  return c == ' ' || c == '\t';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}

// One bracket `[1]`, `[1, 3]` or `[^2]` at `pos`; appends its labels.
std::optional<std::size_t> scan_bracket(std::string_view line, std::size_t pos,
                                        std::vector<std::string>& labels) {
  if (pos >= line.size() || line[pos] != '[') return std::nullopt;
  std::size_t i = pos + 1;
  const bool footnote = i < line.size() && line[i] == '^';
  if (footnote) ++i;
  const std::size_t first_label = labels.size();
  while (true) {
    const std::size_t start = i;
    while (i < line.size() && is_digit(line[i])) ++i;
    if (i == start || i - start > 4) break;
    labels.emplace_back(line.substr(start, i - start));
    if (i < line.size() && line[i] == ']') return i + 1;
    if (footnote || i >= line.size() || line[i] != ',') break;
    ++i;
    while (i < line.size() && is_space(line[i])) ++i;
  }
  labels.resize(first_label);
  return std::nullopt;
}

}  // namespace

std::optional<MarkerGroup> scan_marker(std::string_view line, std::size_t pos) {
  MarkerGroup marker{pos, pos, {}};
  auto end = scan_bracket(line, pos, marker.labels);
  if (!end) return std::nullopt;
  marker.end = *end;
  return marker;
}

std::optional<MarkerGroup> scan_marker_group(std::string_view line, std::size_t pos) {
  MarkerGroup group{pos, pos, {}};
  auto end = scan_bracket(line, pos, group.labels);
  if (!end) return std::nullopt;
  while (end) {
    group.end = *end;
    std::size_t next = *end;
    while (next < line.size() && is_space(line[next])) ++next;
    end = scan_bracket(line, next, group.labels);
  }
  return group;
}

std::optional<StrayDigits> scan_stray_digits(std::string_view line, std::size_t pos) {
  static constexpr std::string_view kPunctuation = ".,;!?";
  if (pos < 2 || pos >= line.size() || !is_digit(line[pos])) return std::nullopt;
  if (kPunctuation.find(line[pos - 1]) == std::string_view::npos || !is_alpha(line[pos - 2])) {
    return std::nullopt;
  }
  std::size_t end = pos;
  while (end < line.size() && is_digit(line[end])) ++end;
  if (end < line.size() && line[end] != '[' && line[end] != '\n') return std::nullopt;
  return StrayDigits{pos, end};
}

bool is_list_heading(std::string_view line) {
  static constexpr std::array<std::string_view, 6> kHeadings = {
      "citations", "sources", "references", "bibliography", "works cited", "reference list"};
  auto trim = [&](std::string_view chars) {
    while (!line.empty() && chars.find(line.front()) != std::string_view::npos)
      line.remove_prefix(1);
    while (!line.empty() && chars.find(line.back()) != std::string_view::npos)
      line.remove_suffix(1);
  };
  trim(" \t#*_:");
  if (line.size() > 20) return false;
  for (std::string_view heading : kHeadings) {
    if (line.size() != heading.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < line.size() && same; ++i) {
      same = std::tolower(static_cast<unsigned char>(line[i])) == heading[i];
    }
    if (same) return true;
  }
  return false;
}

}  // namespace evgraph::parse
