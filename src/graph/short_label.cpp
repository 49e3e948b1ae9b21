#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
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
  // Equal labels are found by sorting on a hash of the label first: runs of equal labels stay
  // together and in the same order inside, without comparing unequal labels byte by byte.
  const std::hash<std::string_view> hash;
  struct Claim {
    std::size_t hash;
    std::string_view label;
    std::string_view text;
    Vertex vertex;
  };
  std::vector<Claim> claims;
  claims.reserve(static_cast<std::size_t>(
      std::count_if(graph.graph().vertices().first, graph.graph().vertices().second,
                    [&](Vertex v) { return graph.graph().type(v) == NodeType::claim; })));
  for (Vertex v = 0; v < graph.node_count(); ++v) {
    if (graph.graph().type(v) != NodeType::claim) continue;
    const NodeView node = graph.node(v);
    claims.push_back({hash(node.label), node.label, node.text, v});
  }
  // Alike labels side by side, each run in text order: a claim's text differs from the others'
  // where it differs from its neighbours.
  std::sort(claims.begin(), claims.end(), [](const Claim& a, const Claim& b) {
    if (a.hash != b.hash) return a.hash < b.hash;
    return a.label != b.label ? a.label < b.label : a.text < b.text;
  });
  std::vector<std::pair<Vertex, std::string>> relabelled;
  relabelled.reserve(claims.size());
  // What a claim is called after this pass: a label that stays (`relabelled` null) or a new one.
  struct Name {
    std::size_t hash;
    std::string_view label;
    std::string* relabelled;
    Vertex vertex;
  };
  std::vector<Name> names;
  names.reserve(claims.size());
  for (std::size_t start = 0, end = 0; start < claims.size(); start = end) {
    for (end = start + 1; end < claims.size() && claims[end].label == claims[start].label;) ++end;
    if (end - start == 1) {
      names.push_back({claims[start].hash, claims[start].label, nullptr, claims[start].vertex});
      continue;
    }
    for (std::size_t i = start; i < end; ++i) {
      std::size_t differs_at = 0;
      if (i > start) differs_at = common_prefix(claims[i].text, claims[i - 1].text);
      if (i + 1 < end) {
        differs_at = std::max(differs_at, common_prefix(claims[i].text, claims[i + 1].text));
      }
      relabelled.emplace_back(claims[i].vertex, distinct_label(claims[i].text, differs_at));
    }
  }
  for (auto& [vertex, label] : relabelled) names.push_back({hash(label), label, &label, vertex});
  // Still alike (claims that differ only past the label's end, or in case): after a label that
  // stays, numbered in node order.
  std::sort(names.begin(), names.end(), [](const Name& a, const Name& b) {
    if (a.hash != b.hash) return a.hash < b.hash;
    if (a.label != b.label) return a.label < b.label;
    if ((a.relabelled == nullptr) != (b.relabelled == nullptr)) return a.relabelled == nullptr;
    return a.vertex < b.vertex;
  });
  for (std::size_t start = 0, end = 0; start < names.size(); start = end) {
    for (end = start + 1; end < names.size() && names[end].label == names[start].label;) ++end;
    for (std::size_t i = start + 1; i < end; ++i) {
      *names[i].relabelled += " (" + std::to_string(i - start + 1) + ")";
    }
  }
  for (auto& [vertex, label] : relabelled) graph.set_label(vertex, std::move(label));
}

}  // namespace evgraph
