// Parser for AI-answer text (design.md "What is a claim"): splits a Text into blocks of claims and
// citation lists, resolving nothing. Quirks it reports rather than guesses (flattened superscript
// digits, a number defined twice) are appended to `diagnostics`. Pure function; thread-safe.
#pragma once

#include "evgraph/document.hpp"
#include "evgraph/error.hpp"
#include "evgraph/text.hpp"

namespace evgraph {

Document parse_answer(const Text& text, Diagnostics& diagnostics);
// A Perplexity API response: choices[0].message.content parsed as an answer whose markers resolve
// against the response's `citations` array ([n] is citations[n-1]). Throws InputError when the
// text is not such a response.
Document parse_perplexity_response(const Text& text, Diagnostics& diagnostics);

}  // namespace evgraph
