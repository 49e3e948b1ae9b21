// "Did you mean …?": the candidate nearest to a mistyped name (a verb, an option, a format, an
// extension, a field), by edit distance. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace evgraph::detail {

// Edits (insert, delete, replace, swap of two neighbours) from `a` to `b`, bytes compared
// ASCII-case-insensitively. O(|a|·|b|): meant for names, not text.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `wanted` (the first of equals), when it is at most
// max(2, |wanted| / 3) edits away; "" when none is that near.
std::string closest_name(std::string_view wanted, const std::vector<std::string>& candidates);

}  // namespace evgraph::detail
