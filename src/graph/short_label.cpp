#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "evgraph/graph.hpp"

namespace evgraph {
namespace {
bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !is_continuation(c); }));
}

std::size_t common_prefix(std::string_view a, std::string_view b) {
  return static_cast<std::size_t>(
      std::mismatch(a.begin(),
                    a.begin() + static_cast<std::ptrdiff_t>(std::min(a.size(), b.size())),
                    b.begin())
          .first -
      a.begin());
}

// Where the word before the one holding byte `at` starts (a word of context before the
// difference), or 0.
std::size_t context_start(std::string_view text, std::size_t at) {
  std::size_t start = std::min(at, text.size());
  while (start > 0 && text[start - 1] != ' ') --start;  // the word holding `at`
  if (start == 0) return 0;
  std::size_t before = start - 1;
  while (before > 0 && text[before - 1] == ' ') --before;
  while (before > 0 && text[before - 1] != ' ') --before;
  return before;
}
}  // namespace

std::string short_label(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0;
  std::size_t cut = text.size();
  std::size_t last_space = std::string_view::npos;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_continuation(text[i])) continue;
    if (chars == max_chars) {
      cut = i;
      break;
    }
    if (text[i] == ' ') last_space = i;
    ++chars;
  }
  if (cut == text.size()) return std::string(text);
  if (last_space != std::string_view::npos && last_space > cut / 2) cut = last_space;
  std::string label(text.substr(0, cut));
  while (!label.empty() && (label.back() == ' ' || label.back() == ',' || label.back() == ';'))
    label.pop_back();
  return label + "\u2026";
}

std::string distinct_label(std::string_view text, std::size_t differs_at, std::size_t max_chars) {
  const std::size_t from = context_start(text, differs_at);
  if (from == 0) return short_label(text, max_chars);
  std::string tail = short_label(text.substr(from), max_chars / 2);
  const std::size_t head_chars =
      max_chars > code_points(tail) + 1 + 20 ? max_chars - code_points(tail) - 1 : std::size_t{20};
  std::string head = short_label(text.substr(0, from), head_chars);
  const std::string_view ellipsis = "\u2026";
  if (!head.ends_with(ellipsis)) {
    while (!head.empty() && head.back() == ' ') head.pop_back();
    head += ellipsis;
  }
  return head + " " + tail;
}

void label_claims_apart(EvidenceGraph& graph) {
  std::unordered_map<std::string_view, std::vector<Vertex>> by_label;
  for (Vertex v = 0; v < graph.node_count(); ++v) {
    if (graph.node(v).type == NodeType::claim) by_label[graph.node(v).label].push_back(v);
  }
  std::vector<std::pair<Vertex, std::string>> relabelled;
  for (auto& [label, claims] : by_label) {
    if (claims.size() < 2) continue;
    // A claim's text differs from the others' where it differs from its neighbours in text order.
    std::sort(claims.begin(), claims.end(),
              [&](Vertex a, Vertex b) { return graph.node(a).text < graph.node(b).text; });
    for (std::size_t i = 0; i < claims.size(); ++i) {
      const std::string_view text = graph.node(claims[i]).text;
      std::size_t differs_at = 0;
      if (i > 0) differs_at = common_prefix(text, graph.node(claims[i - 1]).text);
      if (i + 1 < claims.size()) {
        differs_at = std::max(differs_at, common_prefix(text, graph.node(claims[i + 1]).text));
      }
      relabelled.emplace_back(claims[i], distinct_label(text, differs_at));
    }
  }
  // Still alike (claims that differ only past the label's end, or in case): numbered in node order.
  std::sort(relabelled.begin(), relabelled.end());
  std::unordered_map<std::string, std::size_t> seen;
  for (const auto& [label, claims] : by_label) {
    if (claims.size() == 1) seen.emplace(label, 1);
  }
  for (auto& [vertex, label] : relabelled) {
    if (const std::size_t n = ++seen[label]; n > 1) label += " (" + std::to_string(n) + ")";
  }
  for (auto& [vertex, label] : relabelled) graph.set_label(vertex, std::move(label));
}

}  // namespace evgraph
