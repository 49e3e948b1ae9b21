// Lines of answer text as the parser sees them: the text inside the containers people paste
// answers in — YAML front matter block scalars, the `//` and `(* *)` comments of a source file,
// blockquotes and callouts — with fenced code, front matter keys, source code and callout headers
// hidden. Paragraph is text assembled from pieces of lines that maps its positions back to the
// source. A LineReader borrows its Text and reads it once, from the first line to the last.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "evgraph/text.hpp"

namespace evgraph::parse {

struct Line {
  std::size_t number = 0;
  std::size_t offset = 0;  // where `text` starts in the Text's content
  std::string_view text;   // without container prefixes and surrounding white space
  bool indented = false;   // the text was indented (a wrapped list entry)
  std::size_t indent = 0;  // its columns of indentation (tabs to 4) inside its container
  bool hidden = false;     // source code, front matter, a fenced block, a callout header
};

class LineReader {
 public:
  explicit LineReader(const Text& text);

  std::optional<Line> next();
  std::optional<Line> peek();
  // The line number of the closing `---` of YAML front matter on line 1, or 0 when there is none.
  std::size_t front_matter_end() const noexcept { return front_matter_end_; }

 private:
  std::size_t find_front_matter_end() const;
  bool is_commented_source() const;
  Line read(std::size_t n);
  static Line finish(Line line);
  Line read_front_matter(Line line);
  bool strip_comment(Line& line);
  static bool strip_quotes(Line& line);

  const Text& text_;
  std::size_t front_matter_end_;
  bool source_;
  std::size_t next_ = 1;
  std::optional<Line> buffered_;
  std::optional<std::size_t> scalar_indent_;
  bool fenced_ = false;
  bool in_comment_ = false;
};

// Text assembled from pieces of lines (and separators the parser adds), mapping each position
// back to the source offset it came from.
class Paragraph {
 public:
  bool empty() const noexcept { return text_.empty(); }
  std::string_view text() const noexcept { return text_; }

  void append(std::string_view piece, std::size_t source);
  // A separator with no source of its own (a line break between joined lines, `; ` between
  // table cells): it maps to where the previous piece ended.
  void append_synthetic(std::string_view separator);
  std::size_t source_offset(std::size_t pos) const;

 private:
  struct Anchor {
    std::size_t text;
    std::size_t source;
    bool synthetic;
  };
  std::string text_;
  std::vector<Anchor> anchors_;
  std::size_t next_source_ = 0;
};

// A line that stops mid-sentence (hard-wrapped text) runs on into the next line when that line is
// more prose. One line a paragraph, as assistants write, stays one paragraph.
bool runs_on(std::string_view line, std::string_view next);

// `|---|:--:|`: a table's header rule.
bool is_table_rule(std::string_view line);

// The non-empty cells of a table row `| a | b |`, trimmed.
std::vector<std::string_view> table_cells(std::string_view row);
// Words in a row's cells, not counting its citation markers (`[^1]`, `[2]`).
std::size_t table_row_words(std::string_view row);
// Appends the cells of a table row `| a | b |`, joined by `; ` (or a space after a sentence);
// with `headers`, each cell after its column's name (`Group: Walking`).
void append_table_cells(Paragraph& paragraph, std::string_view row, std::size_t offset,
                        const std::vector<std::string>* headers = nullptr);

// Lines that shape the text rather than state anything: `# Headings`, rules (`---`, `_____`),
// a line that is all bold (`**Key Points**`), a line of `#tags`.
bool is_structure(std::string_view line);

}  // namespace evgraph::parse
