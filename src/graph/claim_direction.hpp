// Which way a claim points: the words that say a measure goes up or down (increases, reduces), gets
// better or worse (improves, worsens) or is linked or not (associated, unrelated), each turned over
// by a negation just before it (not, no, never, n't, fails to, …), and the negations that turn over
// nothing. claims_conflict (graph.hpp) compares two claims' directions; link_similar_claims uses
// takes_sides to skip the claims that have none.
#pragma once

#include <string_view>

namespace evgraph::detail {

// Whether a lower-cased word (letters and digits only, as the similarity pass splits text: "don't"
// is "don" and "t") can give a claim a direction or negate one.
bool takes_sides(std::string_view word);

}  // namespace evgraph::detail
