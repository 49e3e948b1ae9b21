// Parsers for AI-answer text (design.md "What is a claim"): split a Text into blocks of claims and
// citation lists, resolving nothing. They read the dialects assistants and their users produce —
// lists under `Citations:`/`Sources:`/`## References` (also localised), `[1]`/`1.`/`(1)` entries
// with titles or no URL, `[1, 3]`/`[2-4]`/`[cite: 1]`/`[^1_2]`/superscript markers, inline source
// links and domain chips — inside Markdown, HTML, tables, YAML front matter or source comments.
// Quirks they report rather than guess (flattened superscript digits, a number defined twice) are
// appended to `diagnostics`. Pure functions; thread-safe.
#pragma once

#include "evgraph/document.hpp"
#include "evgraph/error.hpp"
#include "evgraph/text.hpp"

namespace evgraph {

Document parse_answer(const Text& text, Diagnostics& diagnostics);
// A Perplexity API response: choices[0].message.content parsed as an answer whose markers resolve
// against the response's `citations` array ([n] is citations[n-1]; else `search_results`).
// Locations point into the JSON file. Throws InputError (at 1:1) when the text is not such a
// response.
Document parse_perplexity_response(const Text& text, Diagnostics& diagnostics);

}  // namespace evgraph
