// Citation lists in answer text: the heading that opens one (`Sources:`, `## References`, …) and
// its entries — the label (`[1]`, `1.`, `[^1]:`), then the title, URLs and `[cite: n]` annotation
// of the body. Pure functions over one line; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace evgraph::parse {

// A citation-list heading line: `Citations:`, `Sources`, `## 10. References`, `**Sources:**`,
// localised (`Citazioni:`, `Quellen`, `Fuentes`, `Références`, …), or `Source: Conversation with
// Bing, 11/19/2023`.
bool is_list_heading(std::string_view line);

// Where a label naming what follows as a source (`Source:`, `Quellen:`) starts when it ends
// `text` and opens its sentence (`… rows. Source:`, `- Source:`); npos otherwise.
std::size_t source_label_start(std::string_view text);

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

// True when an entry's body holds citation markers or links of its own (`1. Groups help [2].` is
// prose that happens to be numbered), not counting the entry's own `**[cite: 1]**`.
bool has_citations(std::string_view body);
// `- [Title](url)`, `* https://…`: a bulleted or bare URL, a list entry numbered by position.
bool is_unlabelled_entry(std::string_view line);

// What one list entry holds besides its label.
struct EntryBody {
  std::string title;
  std::vector<std::string> urls;
  // `**[cite: 2, 49]** Title` in a References list: the numbers this entry is the title for.
  std::vector<std::string> cites;
};
EntryBody read_entry_body(std::string_view body);
// True when the body holds a URL the way a list entry does: bare (even a lone `https://`), or as
// the entry's own link.
bool has_entry_url(std::string_view body);
// Title text as written in a list: emphasis and tags dropped, white space collapsed, trailing
// separators (` - `, `:`, one full stop) trimmed; empty when only punctuation is left.
std::string clean_title(std::string_view text);

}  // namespace evgraph::parse
