// What every drawing export shows per node type: a plural title and Paul Tol's "light" colour
// (colour-blind safe, readable under black text), in NodeType order; and HTML escaping for the
// formats whose text is HTML (Graphviz HTML labels, VOSviewer descriptions).
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "evgraph/vocabulary.hpp"

namespace evgraph::detail {

struct TypeColour {
  std::string_view title;
  std::string_view fill;  // "#RRGGBB"
};

inline constexpr std::array<TypeColour, std::size(kNodeTypes)> kTypeColours = {{
    {"Documents", "#DDDDDD"},
    {"Claims", "#99DDFF"},
    {"Sources", "#EEDD88"},
    {"Populations", "#FFAABB"},
    {"Interventions", "#44BB99"},
    {"Outcomes", "#EE8866"},
    {"Answers", "#BBCCEE"},
}};

inline const TypeColour& colour_of(NodeType type) {
  return kTypeColours.at(static_cast<std::size_t>(type));
}

// & < > " ' as HTML entities.
inline std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace evgraph::detail
