// Parsers for AI-answer text (design.md "What is a claim"): split a Text into blocks of claims and
// citation lists, resolving nothing. They read the dialects assistants and their users produce —
// lists under `Citations:`/`Sources:`/`## References` (also localised), `[1]`/`1.`/`(1)` entries
// with titles or no URL, `[1, 3]`/`[2-4]`/`[cite: 1]`/`[^1_2]`/superscript markers, inline source
// links and domain chips — inside Markdown, HTML, tables, YAML front matter or source comments.
// Quirks they report rather than guess (flattened superscript digits, a number defined twice) are
// appended to `diagnostics`. Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

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

// ---- Assistant API responses and data exports. Each reader writes the answer text with `[n]`
// markers where the file's annotations cite, gives parse_answer() that text and the citation list
// of the sources cited (never as text), and points the locations into the JSON file (line and
// column of the characters inside its strings; when the text cannot be found verbatim in the file,
// within the text, under a name saying where it is). Throws InputError (at 1:1) when the text is
// not JSON of the expected shape.

// An answer read from an API response, and what the reader recognised in it, for people to read:
// "OpenAI Responses API response, 4 url_citation annotations".
struct ParsedAnswer {
  Document document;
  std::string recognised;
  std::string title;  // the answer's own title, when the input gives one (an HTML page's <title>)
};

// OpenAI Chat Completions (choices[].message.content + annotations of type url_citation) or
// Responses API output (output[] messages, output_text parts with url_citation/file_citation
// annotations). The cited span is the claim; a span that is only the inline link OpenAI writes,
// `([site](url))`, cites the text before it. Indices count code points.
ParsedAnswer parse_openai_response(const Text& text, Diagnostics& diagnostics);
// Anthropic Messages API: content[] text blocks; one with citations is a claim citing them (web
// search results by URL, cited documents by their title), each citation's cited_text the quote of
// its cites edge.
ParsedAnswer parse_anthropic_response(const Text& text, Diagnostics& diagnostics);
// Gemini API: candidates[].content.parts[].text grounded by groundingMetadata; each grounding
// support's segment (UTF-8 byte offsets) is a claim citing its grounding chunks.
ParsedAnswer parse_gemini_response(const Text& text, Diagnostics& diagnostics);

// A chat page saved as HTML (ChatGPT, Perplexity, Gemini, Copilot: "Save page as", or copied as
// HTML), read as the text a reader sees: blocks as paragraphs, headings, list items and table
// rows as lines, `<script>`/`<style>`/`<head>`/`<nav>`/`<button>`/`<svg>` dropped, only the
// assistant's messages when the page marks them. A link in prose is a Markdown link to
// parse_answer(); one the page marks as a citation (a source chip or pill, a `<sup>` number, a
// `citation` class or data attribute) cites its target. Locations point into the HTML file;
// `recognised` says "html page from chatgpt.com, 2 assistant messages, 5 citation links". Never
// throws on content: any bytes are a page, however broken.
ParsedAnswer parse_html_page(const Text& text, Diagnostics& diagnostics);

// One conversation of a ChatGPT export: the assistant's text messages on the branch the user last
// saw (current_node up to the root), one block or more each, in order.
struct Conversation {
  std::string id;  // "id" (or "conversation_id"); its 1-based position when it has none
  std::string title;
  std::string created;  // create_time as ISO 8601 UTC ("2025-03-01T09:30:00Z"), or ""
  Document document;    // named "<file>#<id>"
};

struct ParsedExport {
  std::vector<Conversation> conversations;  // in file order
  std::string recognised;  // "ChatGPT export, 3 conversations, 7 assistant messages"
};

// A ChatGPT data export (conversations.json, or one conversation object). Hidden, system, tool and
// user messages are skipped; markers resolve through metadata.content_references (matched_text →
// items' url and title) or the older metadata.citations (start_ix/end_ix → metadata.url/title);
// markers nothing resolves are removed and reported [unresolved-marker].
ParsedExport parse_chatgpt_export(const Text& text, Diagnostics& diagnostics);

}  // namespace evgraph
