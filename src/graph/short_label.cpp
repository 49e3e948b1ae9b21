#include <string>
#include <string_view>

#include "evgraph/graph.hpp"

namespace evgraph {
namespace {
bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
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

}  // namespace evgraph
