// Scanners for the pieces of answer text: citation marker groups, Markdown links and domain chips,
// superscript and flattened digits, URLs, inline Markdown and HTML, list headings and list
// entries. Each reads forward from one position of a line (at most a bounded span) and allocates
// only for what it returns. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace evgraph::parse {

struct MarkerGroup {
  std::size_t begin = 0;
  std::size_t end = 0;  // one past the last ']'
  std::vector<std::string> labels;
};

// One bracket starting at `pos`: `[1]`, `[1, 3]`, `[1-3]` (expanded to 1, 2, 3), `[cite: 1, 2]`,
// and Markdown footnotes `[^2]`, `[^1_2]`, `[^1^]` (labelled "^2", "^1_2", "^1"). Bracketed data
// is not a marker: thousands (`[12,466]`), numbers past 999, `[6/25]`.
std::optional<MarkerGroup> scan_marker(std::string_view line, std::size_t pos);

// A marker group starting at `pos`: one bracket, or a run of them (`[2][5]`, `[2] [5]`).
std::optional<MarkerGroup> scan_marker_group(std::string_view line, std::size_t pos);

// Superscript digits glued to a word (`matrices¹²`): one label a digit. Not after a number or a
// unit of one or two letters (`5 m²`).
std::optional<MarkerGroup> scan_superscripts(std::string_view line, std::size_t pos);

// A Markdown link `[text](target)` starting at `pos`.
struct Link {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string_view text;
  std::string_view target;
};
std::optional<Link> scan_link(std::string_view line, std::size_t pos);

// A claim's citation group at `pos`: marker brackets, citation links (`[1](url)`,
// `[nih+2](url)`), a link to a footnote (`[this article](^3^)`) and, when `superscripts`,
// superscript digits; with any that follow after spaces. `text` is the claim so far: bracketed
// numbers after `Size:` or `=` are values, not markers.
struct CitationGroup {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::vector<std::string> labels;
  std::vector<Link> links;
  std::string_view text;  // the words a footnote link adds to the claim
};
std::optional<CitationGroup> scan_citation_group(std::string_view line, std::size_t pos,
                                                 std::string_view text, bool superscripts);
// Punctuation right after a citation group (`… groups [1].`) ends the claim it follows: appends
// it to `text` and returns the position after it (or `pos` when there is none).
std::size_t take_closing_punctuation(std::string_view line, std::size_t pos, std::string& text);

struct StrayDigits {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Digits glued after sentence punctuation that ends a word (`physiology.2579[5]`, `above.57912`),
// followed by a marker or the end of the line: flattened superscript citations.
std::optional<StrayDigits> scan_stray_digits(std::string_view line, std::size_t pos);

enum class LinkRole {
  prose,     // an ordinary link: its text is claim text, its target is dropped
  citation,  // `[1](url)` or a domain chip `[nih+2](url)`, `[pubmed.ncbi.nlm.nih](url)`
  footnote,  // a link to a footnote, `[text](^3^)`: its text is claim text, its target a marker
};
LinkRole link_role(const Link& link);
// The marker label a footnote link points at: "^3" for `(^3^)`.
std::string footnote_label(std::string_view target);

bool starts_with_url(std::string_view s);
// One past the URL that starts at `pos`: up to white space, less trailing punctuation that ends
// the sentence rather than the URL (`.`, `,`, an unbalanced `)`).
std::size_t url_end(std::string_view line, std::size_t pos);

// A citation-list heading line: `Citations:`, `Sources`, `## 10. References`, `**Sources:**`,
// localised (`Citazioni:`, `Quellen`, `Fuentes`, `Références`, …), or `Source: Conversation with
// Bing, 11/19/2023`.
bool is_list_heading(std::string_view line);

struct EntryLabel {
  std::size_t begin = 0;   // where the label starts
  std::size_t end = 0;     // past the label and the white space after it
  std::string label;       // "1", or "^1_2" for a footnote definition
  bool footnote = false;   // `[^1]: …`, a Markdown footnote definition
  bool bracketed = false;  // `[1]`: more definitions may follow on the same line
};

// The label that opens a list entry, after an optional bullet: `[1]`, `[1]:`, `[^1]:`, `1.`,
// `1)`, `(1)`.
std::optional<EntryLabel> scan_entry_label(std::string_view line);
// The next `[n]` on a list line after `pos` that starts another definition, or npos.
std::size_t next_bracket_label(std::string_view line, std::size_t pos);

// What one list entry holds besides its label.
struct EntryBody {
  std::string title;
  std::vector<std::string> urls;
  // `**[cite: 2, 49]** Title` in a References list: the numbers this entry is the title for.
  std::vector<std::string> cites;
};
EntryBody read_entry_body(std::string_view body);
// True when the body holds a URL the way a list entry does: bare, or as the entry's own link.
bool has_entry_url(std::string_view body);
// Title text as written in a list: emphasis and tags dropped, white space collapsed, trailing
// separators (` - `, `:`, one full stop) trimmed.
std::string clean_title(std::string_view text);

// One piece of inline Markdown or HTML at `pos` that is not a citation, appended to `text` as
// the words it shows: `\*` escapes, `code`, tags (`<br>` becomes `; `), entities, wikilinks
// (`[[note|alias]]`), images (dropped), prose links (their text), bare URLs (whole), emphasis
// (dropped). Returns the position after it, or `pos` when there is none.
std::size_t copy_inline(std::string_view line, std::size_t pos, std::string& text);
// True when the text holds a letter in any script (not only digits, punctuation or symbols).
bool has_letters(std::string_view text);
// A claim's text as stored: white space collapsed, list bullets and numbering dropped, no space
// left before closing punctuation.
std::string clean_claim(std::string_view raw);

// The length of an emphasis delimiter run (`**`, `_`, `~~`) at `pos`, or 0 when the characters
// there are text (`2 * 3`, `snake_case`, a lone `~`).
std::size_t emphasis_run(std::string_view line, std::size_t pos);
// The length of an HTML tag (`<br>`, `<span style="…">`, `</p>`, `<!-- … -->`) at `pos`, or 0.
std::size_t html_tag(std::string_view line, std::size_t pos);

}  // namespace evgraph::parse
