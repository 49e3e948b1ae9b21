// Build from inputs: a run's inputs read and made into one graph while they are read, as
// `evgraph build` does. Each input's Evidence is added in input order as soon as it and every input
// before it are read, then freed, so that building overlaps reading and the whole input's evidence
// is never held at once. The graph is the one build_graph() makes from every input's Evidence:
// the inputs that can name one work by several identifiers (names_works()) are read first and
// their works registered before any node is added.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

#include "evgraph/graph.hpp"
#include "evgraph/input.hpp"
#include "evgraph/lexicon.hpp"

namespace evgraph {

// Whether an input of this format can name one work by several identifiers (a bibliography
// entry's DOI and PMID): evidence JSON, coding sheets, JSON Lines, CSL-JSON, BibTeX and RIS can;
// answers in any form cannot.
bool names_works(InputFormat format);

// The format an input will be read as, from its given format, else its extension and first bytes;
// nullopt for stdin and for a file that cannot be opened.
std::optional<InputFormat> peek_input_format(const InputSpec& input);

// Reads `inputs` into `builder`: first, on all cores, every input that may name works (by
// peek_input_format(); stdin and unreadable files count as such), whose works are registered; then
// every input in input order, each added as soon as it and all before it are read. `on_read` sees
// each input's result (its documents and diagnostics) before it is added, in input order. Throws as
// read_inputs() does: the first input in input order that cannot be read, once the readers stopped;
// an InputError naming the input after which the graph holds more than options.limits.nodes.
void build_from_inputs(
    GraphBuilder& builder, const std::vector<InputSpec>& inputs, const Lexicon& lexicon,
    const ReadOptions& options = {},
    const std::function<void(std::size_t, const InputResult&)>& on_read = nullptr);

}  // namespace evgraph
