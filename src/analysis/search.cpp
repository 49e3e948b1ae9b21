// Search as the HTML page searches (src/export/html_page.js: fold(), searchable()), and naming a
// node by id or label.
#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "evgraph/analysis.hpp"
#include "evgraph/error.hpp"

namespace evgraph {
namespace {

// JavaScript's \s.
bool js_space(utf8proc_int32_t c) {
  return c == 0x09 || c == 0x0a || c == 0x0b || c == 0x0c || c == 0x0d || c == 0x20 || c == 0xa0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f ||
         c == 0x205f || c == 0x3000 || c == 0xfeff;
}

bool dash(utf8proc_int32_t c) {
  return c == '-' || c == 0xad || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

bool single_quote(utf8proc_int32_t c) {
  return c == 0x2018 || c == 0x2019 || c == 0x2bc || c == 0xb4 || c == '`';
}

bool double_quote(utf8proc_int32_t c) {
  return c == 0x201c || c == 0x201d || c == 0xab || c == 0xbb;
}

bool mark(utf8proc_int32_t c) {
  const utf8proc_category_t category = utf8proc_category(c);
  return category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_MC ||
         category == UTF8PROC_CATEGORY_ME;
}

void append_utf8(std::string& out, utf8proc_int32_t c) {
  utf8proc_uint8_t bytes[4];
  const utf8proc_ssize_t n = utf8proc_encode_char(c, bytes);
  out.append(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(n));
}

std::string searchable(const NodeView& node) {
  std::string text;
  auto add = [&](std::string_view part) {
    if (part.empty()) return;
    if (!text.empty()) text += '\n';
    text += part;
  };
  add(node.label);
  add(node.text);
  add(node.title);
  add(node.path);
  add(node.identifier);
  add(node.url);
  for (const std::string& author : node.authors) add(author);
  for (const std::string& url : node.urls) add(url);
  return fold_for_search(text);
}

std::vector<std::string> words_of(std::string_view query) {
  std::vector<std::string> words;
  const std::string folded = fold_for_search(query);
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) words.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

bool holds_all(const std::string& haystack, const std::vector<std::string>& words) {
  return std::all_of(words.begin(), words.end(), [&](const std::string& word) {
    return haystack.find(word) != std::string::npos;
  });
}

std::string candidates(const EvidenceGraph& graph, const std::vector<Vertex>& nodes) {
  std::string list;
  const std::size_t shown = std::min<std::size_t>(nodes.size(), 8);
  for (std::size_t i = 0; i < shown; ++i) {
    (((list += "\n  ") += graph.node(nodes[i]).id) += "  ") += graph.node(nodes[i]).label;
  }
  if (nodes.size() > shown) list += "\n  … and " + std::to_string(nodes.size() - shown) + " more";
  return list;
}

}  // namespace

std::string fold_for_search(std::string_view text) {
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t length = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
      static_cast<utf8proc_ssize_t>(text.size()), &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE));
  if (length < 0) return std::string(text);  // not UTF-8: a Text never is
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(mapped, &std::free);
  std::string out;
  out.reserve(static_cast<std::size_t>(length));
  bool space = false;  // a space is pending: written before the next character, if any
  utf8proc_ssize_t i = 0;
  while (i < length) {
    utf8proc_int32_t c = 0;
    i += utf8proc_iterate(mapped + i, length - i, &c);
    if (mark(c)) continue;
    if (dash(c) || js_space(c)) {
      space = !out.empty();
      continue;
    }
    if (single_quote(c)) c = '\'';
    if (double_quote(c)) c = '"';
    if (space) out += ' ';
    space = false;
    append_utf8(out, utf8proc_tolower(c));
  }
  return out;
}

std::vector<Vertex> search_nodes(const EvidenceGraph& graph, std::string_view query) {
  const std::vector<std::string> words = words_of(query);
  std::vector<Vertex> in_label;
  std::vector<Vertex> elsewhere;
  if (words.empty()) return in_label;
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph.graph()))) {
    const NodeView node = graph.node(v);
    if (!holds_all(searchable(node), words)) continue;
    const std::string_view name = node.label.empty() ? node.id : node.label;
    (holds_all(fold_for_search(name), words) ? in_label : elsewhere).push_back(v);
  }
  in_label.insert(in_label.end(), elsewhere.begin(), elsewhere.end());
  return in_label;
}

Vertex resolve_node(const EvidenceGraph& graph, std::string_view name) {
  if (auto found = graph.find(name)) return *found;
  const std::string folded = fold_for_search(name);
  std::vector<Vertex> by_label;
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph.graph()))) {
    if (fold_for_search(graph.node(v).label) == folded) by_label.push_back(v);
  }
  if (by_label.size() == 1) return by_label.front();
  if (by_label.size() > 1) {
    throw Error("'" + std::string(name) + "' is the label of " + std::to_string(by_label.size()) +
                " nodes; name one by its id:" + candidates(graph, by_label));
  }
  const std::vector<Vertex> found = search_nodes(graph, name);
  if (found.size() == 1) return found.front();
  if (found.empty()) {
    throw Error("no node has the id or label '" + std::string(name) +
                "', and none holds those words; try evgraph query search");
  }
  throw Error("'" + std::string(name) + "' fits " + std::to_string(found.size()) +
              " nodes; name one by its id or label:" + candidates(graph, found));
}

}  // namespace evgraph
