// The answer text the API and export readers hand to parse_answer(): the assistant's text from a
// JSON file, with `[n]` marker groups written where the file's annotations (url_citation spans,
// grounding supports, cited text blocks, ChatGPT content references) say a statement is cited, and
// the file offset of every byte kept beside it so that claims and diagnostics point into the file.
// The citation list is given as entries, not as text. Plain values; pure functions.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "evgraph/document.hpp"
#include "evgraph/error.hpp"
#include "evgraph/text.hpp"
#include "parse/json_strings.hpp"

namespace evgraph::detail {

inline constexpr std::size_t kNowhere = static_cast<std::size_t>(-1);

class AnswerWriter {
 public:
  // Appends `text`; `offsets` holds the file offset of each of its bytes, or is empty (unknown).
  void append(std::string_view text, std::span<const std::size_t> offsets);
  // Appends text of the writer's own (a marker, a paragraph break) placed at file offset `origin`.
  void insert(std::string_view text, std::size_t origin);
  // Drops trailing spaces and tabs (before a marker group that replaces an inline link).
  void trim_end();
  // Drops everything from byte `size` on.
  void truncate(std::size_t size);

  const std::string& text() const noexcept { return text_; }
  std::size_t origin(std::size_t offset) const;
  bool empty() const noexcept { return text_.empty(); }

 private:
  std::string text_;
  std::vector<std::size_t> origins_;
};

// The citation list a reader builds: one entry per distinct URL (or, for a source without one,
// title) and quote, labelled 1, 2, … in order of first mention, placed where the URL (or title)
// first stands in the file.
class CitationList {
 public:
  CitationList(const Text& file, const JsonStrings& strings) : file_(file), strings_(strings) {}

  // The label of the source, added when new (placed at `fallback` when its URL or title is not
  // found in the file); a title fills in an entry that had none. `quote`: the text of the source
  // the citation quotes (Anthropic's cited_text), which becomes the entry's quote and so the
  // quote of the cites edges of the claims citing it; one source quoted twice is two entries.
  std::string label(const std::string& url, const std::string& title, const Location& fallback,
                    const std::string& quote = {});
  std::vector<CitationEntry> take();

 private:
  const Text& file_;
  const JsonStrings& strings_;
  std::vector<CitationEntry> entries_;
  std::unordered_map<std::string, std::size_t> index_;  // "u" + URL or "t" + title → entries_
};

// A cited stretch [begin, end) of bytes of one text value, and the labels of the citation-list
// entries it cites.
struct CitedSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::vector<std::string> labels;
};

// Writes `value` with a marker group after each span (spans on the same stretch, or overlapping,
// are one group). A span that is only an inline link (`([site](url))`, as OpenAI writes them) is
// replaced by its marker group, and an empty span (a position) gets one: the claim is the text
// before it. Any other span is a claim of its
// own: uncited text before it in the same paragraph is set apart as a paragraph, and punctuation
// right after it joins it before the markers.
void write_cited_spans(AnswerWriter& out, std::string_view value,
                       std::span<const std::size_t> offsets, std::vector<CitedSpan> spans);

// Parses what was written as an answer named `file.name()`, with its locations placed in `file`;
// when a location cannot be placed, the answer is located within itself and named `fallback_name`.
// `citations` becomes the citation list of the answer's last block.
Document parse_written_answer(const Text& file, const AnswerWriter& answer,
                              const std::string& fallback_name,
                              std::vector<CitationEntry> citations, Diagnostics& diagnostics);

// Makes the whole of `document` one answer (an API response is one reply), described by `info`
// (the assistant, the response's model, the searches it ran).
void make_one_answer(Document& document, AnswerInfo info);
// An answer given by `assistant` ("Gemini") with `model` ("gemini-2.5-flash", or "").
AnswerInfo answer_by(std::string assistant, std::string model);

// Byte offsets in `text` of indices counted in code points: each lookup walks on from the last
// one, so indices given in increasing order (as annotations come) cost one pass in all.
class CodePoints {
 public:
  explicit CodePoints(std::string_view text) : text_(text) {}
  // The byte offset of code point `index` (text.size() for the end); kNowhere when past the end.
  std::size_t byte(std::size_t index);

 private:
  std::string_view text_;
  std::size_t index_ = 0;
  std::size_t byte_ = 0;
};

}  // namespace evgraph::detail
