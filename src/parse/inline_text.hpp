// Inline Markdown and HTML in answer text that is not a citation — escapes, code spans, tags,
// entities, wikilinks, images, prose links, bare URLs, emphasis — turned into the words it shows,
// and a claim's text cleaned for storage. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace evgraph::parse {

// One piece of inline Markdown or HTML at `pos` that is not a citation, appended to `text` as
// the words it shows: `\*` escapes, `code`, tags (`<br>` becomes `; `), entities, wikilinks
// (`[[note|alias]]`), images (dropped), prose links (their text), bare URLs (whole), emphasis
// (dropped). Returns the position after it, or `pos` when there is none.
std::size_t copy_inline(std::string_view line, std::size_t pos, std::string& text);
// True when the text holds a letter in any script (not only digits, punctuation or symbols).
bool has_letters(std::string_view text);
// The words a link's text shows, as a label: emphasis dropped, white space collapsed.
std::string link_words(std::string_view text);
// A claim's text as stored: white space collapsed, list bullets and numbering dropped, no space
// left before closing punctuation.
std::string clean_claim(std::string_view raw);

// The length of an emphasis delimiter run (`**`, `_`, `~~`) at `pos`, or 0 when the characters
// there are text (`2 * 3`, `snake_case`, a lone `~`).
std::size_t emphasis_run(std::string_view line, std::size_t pos);
// The length of an HTML tag (`<br>`, `<span style="…">`, `</p>`, `<!-- … -->`) at `pos`, or 0.
std::size_t html_tag(std::string_view line, std::size_t pos);

}  // namespace evgraph::parse
