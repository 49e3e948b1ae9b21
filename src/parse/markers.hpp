// Scanners for citations in answer text: marker groups (`[1]`, `[1-3]`, `[^2]`, superscript and
// flattened digits), Markdown links, domain chips and bracketed URLs, and URLs. Each reads from
// one position of a line over a bounded span and allocates only for what it returns. Pure
// functions; thread-safe.
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

// A marker group starting at `pos`: one bracket, or a run of them (`[2][5]`, `[2] [5]`). A bracket
// is `[1]`, `[1, 3]`, `[1-3]` (expanded to 1, 2, 3), `[cite: 1, 2]`, or a Markdown footnote `[^2]`,
// `[^1_2]`, `[^1^]` (labelled "^2", "^1_2", "^1"). Bracketed data is not a marker: thousands
// (`[12,466]`), numbers of more than six digits, `[6/25]`.
std::optional<MarkerGroup> scan_marker_group(std::string_view line, std::size_t pos);

// Superscript digits glued to a word (`matrices¹²`): one label a digit. Not after a number or a
// unit of one or two letters (`5 m²`).
std::optional<MarkerGroup> scan_superscripts(std::string_view line, std::size_t pos);

// A Markdown link `[text](target)` or `[text](target "title")` starting at `pos`.
struct Link {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string_view text;
  std::string_view target;
  std::string_view title;  // the quoted title after the target, without its quotes
};
std::optional<Link> scan_link(std::string_view line, std::size_t pos);

// A claim's citation group at `pos`: marker brackets, citation links (`[1](url)`, `[[1]](url)`,
// `[nih+2](url)`), a bracketed URL (`[https://…]`), links that are all of a parenthesis ending a
// claim (`… loneliness ([BMJ Open](url)).`), a link to a footnote (`[this article](^3^)`) and,
// when `superscripts`, superscript digits; with any that follow, right after it or after spaces
// (`[1](url)[2](url)`). `text` is the claim
// so far: bracketed numbers after `Size:` or `=` are values, not markers.
struct CitationGroup {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::vector<std::string> labels;
  std::vector<Link> links;
  std::string_view text;              // the words a footnote link adds to the claim
  std::vector<std::string> detached;  // markers the text holds no target for (`turn0search0`)
};
std::optional<CitationGroup> scan_citation_group(std::string_view line, std::size_t pos,
                                                 std::string_view text, bool superscripts);
// Punctuation right after a citation group (`… groups [1].`) ends the claim it follows: appends
// it to `text` and returns the position after it (or `pos` when there is none).
std::size_t take_closing_punctuation(std::string_view line, std::size_t pos, std::string& text);

// `[99999999999999999999]`: a bracket of digits too many for a marker (more than kMaxLabelDigits)
// where a marker could stand (not a link's text, not a value after `Size:` or `=`, given `text`,
// the claim so far); one past its `]`, or 0.
std::size_t scan_oversized_marker(std::string_view line, std::size_t pos, std::string_view text);

struct StrayDigits {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Digits glued after sentence punctuation that ends a word (`physiology.2579[5]`, `above.57912`),
// followed by a marker or the end of the line: flattened superscript citations.
std::optional<StrayDigits> scan_stray_digits(std::string_view line, std::size_t pos);

enum class LinkRole {
  prose,      // an ordinary link: its text is claim text, its target is dropped
  citation,   // `[1](url)`, `[[1]](url)`, a domain chip `[nih+2](url)`,
              // `[pubmed.ncbi.nlm.nih](url)`, or ChatGPT's `[oai_citation:3‡PubMed](url)`
  scholarly,  // a link to a DOI, PMC, PubMed or Semantic Scholar work: its text is claim text, its
              // target a source the claim cites
  footnote,   // a link to a footnote, `[text](^3^)`: its text is claim text, its target a marker
};
LinkRole link_role(const Link& link);
// What a link cites a source as: "1" for `[[1]](url)`, the host for a bare URL, the title of an
// `oai_citation` link (else "oai_citation:3"), else its text.
std::string_view link_label(const Link& link);
// The marker label a footnote link points at: "^3" for `(^3^)`.
std::string footnote_label(std::string_view target);
// A link ChatGPT's copy button made from a source chip: its target carries
// `utm_source=chatgpt.com`.
bool is_chatgpt_chip(const Link& link);

// `http://`, `https://`, `www.` or `doi:` followed by more of a URL (a bare `https://` is not one).
bool starts_with_url(std::string_view s);
// The length of a URL's scheme (`https://`, `www.`, `doi:`) at the start of `s`, or 0.
std::size_t url_prefix(std::string_view s);
// One past the URL that starts at `pos`: up to white space, less trailing sentence punctuation
// (`.,;:!?`), quotes, an unbalanced `)` or `]`, and emphasis that closes one opened before it
// (`**https://x.org**`); `_` and `*` that belong to the URL (`a_b_`, `q=a*`) stay.
std::size_t url_end(std::string_view line, std::size_t pos);
// A URL's host, scheme dropped: `www.ncbi.nlm.nih.gov` for `https://www.ncbi.nlm.nih.gov/pmc/`.
std::string_view url_host(std::string_view url);

}  // namespace evgraph::parse
