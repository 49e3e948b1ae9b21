// What in an answer is context rather than a claim: headings (`## Results`, `**Key Points**`,
// setext), short label lines, lead-ins ending in `:`, data lines (`Size: [662]`) and the buttons
// and counters an assistant's page leaves in a copy (`14 sources`, `Share`). The answer parser
// asks these questions of lines and of claims it has read; it keeps the section path (`Treatment
// › Peer support`) each claim stands under. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace evgraph::parse {

// Between the parts of a section path.
inline constexpr std::string_view kSectionSeparator = " \u203A ";

// A claim of fewer words than this is a fragment unless it is a sentence.
inline constexpr std::size_t kFragmentWords = 4;

struct Heading {
  int level = 0;  // 1–6 for `#`, 7 for a line that is all bold
  std::string text;
};

// `## 2.1 Defining SDOH` or `**Key Points**` / `**Case Study: X**`: the heading's words, markup
// dropped; nullopt for any other line.
std::optional<Heading> scan_heading(std::string_view line);
// `===` (level 1) or `---` (level 2) under a line of text: a setext heading's underline; 0 if not.
int setext_level(std::string_view line);
// A line that could be a setext heading's text: short, no markers, not a sentence or list item.
bool may_be_setext_text(std::string_view line);

// `14 sources`, `Share`, `Export`, `Rewrite`, `Copy`, `ChatGPT said:`, `Thought for 12s`, …:
// the buttons, tabs and counters of an assistant's page, copied with its answer.
bool is_page_chrome(std::string_view line);

// Words in a claim's text (runs of non-blank characters).
std::size_t word_count(std::string_view text);
// A claim's text that names rather than states: a few words, or a Title Case line, with no
// sentence punctuation at its end (`Deep Learning`, `CT Kidney`, `LIME Application:`).
bool is_label_text(std::string_view text);
// "A Hormone Linked to Longevity": two to eight words, those of more than three letters all
// capitalised.
bool is_title_case(std::string_view text);
// `Size: [12,466]`, `Year: 2021`: a short `Key: value` line.
bool is_data_text(std::string_view text);
// A label's words as a section part: a final `:` dropped.
std::string section_part(std::string_view text);

// A lead-in (`Diplopia can be:`) and the items that complete it as one sentence: `Diplopia can
// be horizontal, vertical or oblique.` Items keep their own punctuation when they carry it (`a,`
// `b, or` `c.`); otherwise they are joined by commas and `or` (after `can be`, `either`, `one
// of`, …) or `and`, a capital that starts a word in lower case lowered.
std::string join_lead_in(std::string_view lead_in, const std::vector<std::string>& items);

}  // namespace evgraph::parse
