// How an evidence-and-gap map's cells are shaded, in the SVG heatmap (gap_writers.cpp) and the
// page's gap map (html.cpp) alike: ColorBrewer "Blues", 5 classes (sequential, colour-blind safe,
// print friendly) by the cell's works against the map's most; white for a cell no work is behind.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

namespace evgraph::detail {

inline constexpr std::array<std::string_view, 5> kBlues = {"#eff3ff", "#bdd7e7", "#6baed6",
                                                           "#3182bd", "#08519c"};

// The class (0–4) of a cell with `works` works, the map's most being `most`.
inline std::size_t shade_class(std::size_t works, std::size_t most) {
  if (works == 0 || most == 0) return 0;
  return std::min<std::size_t>(4, (works * 5 + most - 1) / most - 1);
}

inline std::string_view cell_fill(std::size_t works, std::size_t most) {
  return works == 0 ? std::string_view("#ffffff") : kBlues[shade_class(works, most)];
}

// Black on the light classes, white on the two darkest.
inline std::string_view cell_ink(std::size_t works, std::size_t most) {
  return works > 0 && shade_class(works, most) >= 3 ? "#ffffff" : "#000000";
}

}  // namespace evgraph::detail
