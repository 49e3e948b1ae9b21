// Reading evgraph's DOT back through cgraph in the tests: attribute values, escStrings, and what
// Graphviz shows of a label or tooltip.
#pragma once

#include <graphviz/cgraph.h>

#include <string>
#include <string_view>

namespace evgraph::test {

inline std::string attr(void* object, std::string name) {
  const char* value = agget(object, name.data());
  return value == nullptr ? std::string() : std::string(value);
}

// The escString reading of what evgraph writes: `\n` is a line break, `\\` a backslash, and a
// backslash before any other character stands for that character.
inline std::string unescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      ++i;
      out += text[i] == 'n' ? '\n' : text[i];
    } else {
      out += text[i];
    }
  }
  return out;
}

// What Graphviz draws of a label or shows of a tooltip: entities decoded (the DOT writes `&` as
// `&amp;`), a tooltip unescaped once more.
inline std::string shown(std::string_view text, bool tooltip) {
  std::string out = unescape(text);
  if (tooltip) out = unescape(out);
  for (auto at = out.find("&amp;"); at != std::string::npos; at = out.find("&amp;", at + 1)) {
    out.replace(at, 5, "&");
  }
  return out;
}

}  // namespace evgraph::test
