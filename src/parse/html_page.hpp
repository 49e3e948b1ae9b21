// A chat page saved as HTML (the browser's "Save page as", or an answer copied as HTML) turned into
// the Markdown-like answer text parse_answer() reads, with the file offset of every byte kept so
// that claims and diagnostics point at the page's own lines and columns. One linear pass of a
// tolerant tokenizer of its own: no DOM, no regular expressions, unclosed and misnested tags
// closed the way a browser would close the ones that matter here. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "evgraph/error.hpp"
#include "evgraph/text.hpp"
#include "parse/cited_answer.hpp"

namespace evgraph::detail {

// What read_html_page() wrote and what it recognised on the way.
struct HtmlPage {
  // Blocks as paragraphs, headings as `#` lines, list items as `- `/`1. ` lines, table rows as
  // `| a | b |`, `<pre>` as fenced code; `<a href>` in prose a Markdown link `[text](url)`, and
  // one the page marks as a citation (a citation pill or chip, a `<sup>` number, a `citation`
  // class, a `data-…citation…` attribute, a ChatGPT `utm_source=chatgpt.com` target) a link the
  // answer parser cites: `[n](url)` for a number, else `[chip](url "Text")`.
  AnswerWriter answer;
  std::string title;  // the page's <title>, white space collapsed
  std::string site;   // the host it was saved from (`<!-- saved from url=… -->`, canonical link)
  std::size_t messages = 0;        // assistant messages (ChatGPT's or Gemini's containers)
  std::size_t citation_links = 0;  // links written as citations
  std::size_t markers = 0;         // numbered markers without a link (`<sup>2</sup>`, `#fn2`)
};

// True when the first bytes of `head` are an HTML document: `<!DOCTYPE html`, `<html` (after
// white space and comments), or the Windows clipboard's HTML header (`Version:…StartHTML:`).
bool looks_like_html(std::string_view head);

// Reads the page. `<script>`, `<style>`, `<head>`, `<nav>`, `<button>`, `<svg>`, forms, hidden
// and screen-reader-only elements are dropped; when the page holds assistant messages (ChatGPT's
// `data-message-author-role="assistant"`, Gemini's `<model-response>`), only they are read. Links
// that cannot be kept as links are reported [html-link-dropped].
HtmlPage read_html_page(const Text& file, Diagnostics& diagnostics);

}  // namespace evgraph::detail
