#include "parse/lines.hpp"

#include <algorithm>
#include <utility>

#include "parse/chars.hpp"

namespace evgraph::parse {
namespace {

bool is_comment_start(std::string_view t) {
  return t.starts_with("//") || (t.starts_with("(*") && !t.starts_with("(*)"));
}

bool looks_like_code(std::string_view t) {
  return !t.empty() && (t.back() == '{' || t.back() == '}' || t.back() == ';' || t.front() == '}');
}

bool is_fence(std::string_view t) {
  return t.starts_with("```") || t.starts_with("~~~");
}

// The column `pos` of a line is shown at, tabs to the next multiple of 4.
std::size_t column_of(std::string_view line, std::size_t pos) {
  std::size_t column = 0;
  for (std::size_t i = 0; i < pos && i < line.size(); ++i) {
    column = line[i] == '\t' ? (column / 4 + 1) * 4 : column + 1;
  }
  return column;
}

// Columns between where a container's content starts (after `> `, whatever blank follows the
// `>`) and the first character of the text.
std::size_t indent_of(std::string_view physical, std::size_t start, bool quoted) {
  std::size_t base = column_of(physical, start);
  if (quoted && start > 0) {
    std::size_t quote = start - 1;
    if (physical[quote] != '>' && quote > 0) --quote;
    base = column_of(physical, quote) + 2;
  }
  std::size_t content = start;
  while (content < physical.size() && is_blank(physical[content])) ++content;
  const std::size_t column = column_of(physical, content);
  return column > base ? column - base : 0;
}

}  // namespace

LineReader::LineReader(const Text& text)
    : text_(text), front_matter_end_(find_front_matter_end()), source_(is_commented_source()) {}

std::optional<Line> LineReader::next() {
  if (buffered_) return std::exchange(buffered_, std::nullopt);
  if (next_ > text_.line_count()) return std::nullopt;
  return read(next_++);
}

std::optional<Line> LineReader::peek() {
  if (!buffered_ && next_ <= text_.line_count()) buffered_ = read(next_++);
  return buffered_;
}

// `---` on the first line up to the next `---` or `...`: YAML front matter.
std::size_t LineReader::find_front_matter_end() const {
  if (text_.line_count() < 2 || trim_blanks(text_.line(1)) != "---") return 0;
  for (std::size_t n = 2; n <= text_.line_count(); ++n) {
    const std::string_view line = trim_blanks(text_.line(n));
    if (line == "---" || line == "...") return n;
  }
  return 0;
}

// A source file with the answer in its comments: comment lines and code lines, outside fences.
bool LineReader::is_commented_source() const {
  bool comment = false;
  bool code = false;
  bool fenced = false;
  for (std::size_t n = front_matter_end_ + 1; n <= text_.line_count(); ++n) {
    const std::string_view line = trim_blanks(text_.line(n));
    if (is_fence(line)) fenced = !fenced;
    if (fenced) continue;
    const bool is_comment = is_comment_start(line);
    comment = comment || is_comment;
    code = code || (!is_comment && looks_like_code(line));
  }
  return comment && code;
}

Line LineReader::read(std::size_t n) {
  Line line{n, text_.line_start(n), text_.line(n)};
  if (n <= front_matter_end_) return read_front_matter(line);
  if (source_ && !strip_comment(line)) {
    line.hidden = true;
    return line;
  }
  const bool quoted = strip_quotes(line);
  line.indent = indent_of(text_.line(n), line.offset - text_.line_start(n), quoted);
  const std::string_view content = trim_blanks(line.text);
  if (is_fence(content)) {
    fenced_ = !fenced_;
    line.hidden = true;
  } else if (fenced_ || (quoted && content.starts_with("[!"))) {
    line.hidden = true;
  }
  return finish(line);
}

Line LineReader::finish(Line line) {
  line.indented = !line.text.empty() && is_blank(line.text.front());
  const std::size_t start = skip_blanks(line.text, 0);
  line.offset += start;
  line.text = trim_blanks(line.text.substr(start));
  return line;
}

// Keys are metadata; the lines of a block scalar (`summary: |`) are answer text.
Line LineReader::read_front_matter(Line line) {
  const std::size_t indent = skip_blanks(line.text, 0);
  const std::string_view content = trim_blanks(line.text);
  if (scalar_indent_ && (content.empty() || indent > *scalar_indent_)) {
    return finish(line);
  }
  scalar_indent_.reset();
  line.hidden = true;
  const std::size_t colon = content.find(':');
  if (colon == std::string_view::npos) return line;
  const std::string_view value = trim_blanks(content.substr(colon + 1));
  if (value == "|" || value == ">" || value == "|-" || value == ">-" || value == "|+" ||
      value == ">+") {
    scalar_indent_ = indent;
  }
  return line;
}

// The text of a `// …` line or inside `(* … *)`; false for a line of code.
bool LineReader::strip_comment(Line& line) {
  std::string_view text = line.text;
  std::size_t start = 0;
  if (!in_comment_) {
    start = skip_blanks(text, 0);
    const std::string_view rest = text.substr(start);
    if (rest.starts_with("//")) {
      start += 2;
      while (start < text.size() && text[start] == '/') ++start;
    } else if (is_comment_start(rest)) {
      start += 2;
      in_comment_ = true;
    } else {
      return false;
    }
    if (start < text.size() && is_blank(text[start])) ++start;
  }
  text = text.substr(start);
  if (in_comment_) {
    const std::size_t close = text.find("*)");
    if (close != std::string_view::npos) {
      text = text.substr(0, close);
      in_comment_ = false;
    }
  }
  line.offset += start;
  line.text = text;
  return true;
}

// Drops `>` quote markers (and one space after each); true when there were any.
bool LineReader::strip_quotes(Line& line) {
  std::size_t start = 0;
  bool quoted = false;
  while (true) {
    const std::size_t marker = skip_blanks(line.text, start);
    if (marker >= line.text.size() || line.text[marker] != '>') break;
    start = marker + 1;
    if (start < line.text.size() && is_blank(line.text[start])) ++start;
    quoted = true;
  }
  line.offset += start;
  line.text = line.text.substr(start);
  return quoted;
}

void Paragraph::append(std::string_view piece, std::size_t source) {
  if (anchors_.empty() || anchors_.back().synthetic || source != next_source_) {
    anchors_.push_back({text_.size(), source, false});
  }
  text_ += piece;
  next_source_ = source + piece.size();
}

void Paragraph::append_synthetic(std::string_view separator) {
  anchors_.push_back({text_.size(), next_source_, true});
  text_ += separator;
}

std::size_t Paragraph::source_offset(std::size_t pos) const {
  auto after = std::upper_bound(anchors_.begin(), anchors_.end(), pos,
                                [](std::size_t p, const Anchor& a) { return p < a.text; });
  if (after == anchors_.begin()) return 0;
  const Anchor& anchor = *(after - 1);
  return anchor.synthetic ? anchor.source : anchor.source + (pos - anchor.text);
}

// "A Hormone Linked to Longevity": a short line whose longer words are all capitalised.
bool is_title_line(std::string_view line) {
  std::size_t words = 0;
  while (!line.empty()) {
    const std::size_t space = line.find(' ');
    const std::string_view word = line.substr(0, space);
    line = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
    if (word.empty()) continue;
    ++words;
    if (word.size() > 3 && word.front() >= 'a' && word.front() <= 'z') return false;
  }
  return words >= 2 && words <= 12;
}

bool runs_on(std::string_view line, std::string_view next) {
  line = trim_blanks(line);
  // `- **Pattern descriptors**`: a label, whatever follows.
  const std::string_view item = is_bullet(line) ? trim_blanks(line.substr(1)) : line;
  if (item.size() > 4 && item.starts_with("**") && item.ends_with("**")) return false;
  // A short line before a capitalised one is a heading or a label, not a wrapped sentence.
  const bool next_capital = !next.empty() && next.front() >= 'A' && next.front() <= 'Z';
  if (next_capital && (line.size() < 40 || is_title_line(line))) return false;
  if (line.empty() || line.back() == '>') return false;
  while (!line.empty() && line.back() >= '0' && line.back() <= '9') line.remove_suffix(1);
  static constexpr std::string_view kEnds = ".!?:;])\"";
  if (line.empty() || kEnds.find(line.back()) != std::string_view::npos ||
      line.ends_with("\u201D")) {
    return false;
  }
  static constexpr std::string_view kBlockStarts = "#-*>|+<";
  if (next.empty() || kBlockStarts.find(next.front()) != std::string_view::npos) return false;
  std::size_t digits = 0;
  while (digits < next.size() && next[digits] >= '0' && next[digits] <= '9') ++digits;
  return !(digits > 0 && digits < next.size() && (next[digits] == '.' || next[digits] == ')'));
}

bool is_table_rule(std::string_view line) {
  if (line.find('|') == std::string_view::npos || line.find('-') == std::string_view::npos) {
    return false;
  }
  return line.find_first_not_of("|-: \t") == std::string_view::npos;
}

namespace {

// Calls `visit(column, cell, start)` for each non-empty cell of a row.
template <typename Visit>
void for_each_cell(std::string_view row, Visit visit) {
  std::size_t pos = row.starts_with('|') ? 1 : 0;
  std::size_t column = 0;
  while (pos < row.size()) {
    std::size_t end = pos;
    while (end < row.size() && row[end] != '|') end += row[end] == '\\' ? 2u : 1u;
    end = std::min(end, row.size());
    const std::size_t start = skip_blanks(row, pos);
    const std::string_view cell = trim_blanks(row.substr(start, end - start));
    if (!cell.empty()) visit(column, cell, start);
    pos = end + 1;
    ++column;
  }
}

}  // namespace

std::vector<std::string_view> table_cells(std::string_view row) {
  std::vector<std::string_view> cells;
  for_each_cell(row,
                [&](std::size_t, std::string_view cell, std::size_t) { cells.push_back(cell); });
  return cells;
}

std::size_t table_row_words(std::string_view row) {
  std::size_t words = 0;
  for_each_cell(row, [&](std::size_t, std::string_view cell, std::size_t) {
    bool in_word = false;
    for (const char c : cell) {
      const bool blank = is_blank(c);
      if (!blank && !in_word && c != '[') ++words;
      in_word = !blank;
    }
  });
  return words;
}

void append_table_cells(Paragraph& paragraph, std::string_view row, std::size_t offset,
                        const std::vector<std::string>* headers) {
  for_each_cell(row, [&](std::size_t column, std::string_view cell, std::size_t start) {
    if (!paragraph.empty()) {
      const char last = paragraph.text().back();
      paragraph.append_synthetic(
          std::string_view(".!?").find(last) == std::string_view::npos ? "; " : " ");
    }
    if (headers && column < headers->size() && !(*headers)[column].empty()) {
      if (paragraph.empty()) paragraph.append({}, offset + start);  // the name maps to its cell
      paragraph.append_synthetic((*headers)[column] + ": ");
    }
    paragraph.append(cell, offset + start);
  });
}

bool is_structure(std::string_view line) {
  std::size_t hashes = 0;
  while (hashes < line.size() && line[hashes] == '#') ++hashes;
  if (hashes >= 1 && hashes <= 6 && (hashes == line.size() || line[hashes] == ' ')) return true;
  if (line.size() >= 3 && line.find_first_not_of("-*_= \t") == std::string_view::npos) return true;
  if (line.starts_with("**") && line.size() > 4) {
    std::string_view inner = line.substr(2);
    if (inner.ends_with(':')) inner.remove_suffix(1);
    if (inner.ends_with("**")) {
      inner.remove_suffix(2);
      return inner.find("**") == std::string_view::npos &&
             inner.find('[') == std::string_view::npos && !inner.empty() &&
             std::string_view(".!?").find(inner.back()) == std::string_view::npos;
    }
  }
  // An italic "*Generated on: 2025-12-26*" metadata line of an exported answer.
  if (line.size() > 4 && line.front() == '*' && line[1] != '*' && line.back() == '*') {
    const std::string_view inner = line.substr(1, line.size() - 2);
    const std::size_t colon = inner.find(": ");
    if (colon != std::string_view::npos && colon > 0 && colon <= 30 &&
        inner.find('*') == std::string_view::npos) {
      return true;
    }
  }
  bool tags = false;
  for (std::size_t pos = 0; pos < line.size();) {
    pos = skip_blanks(line, pos);
    if (pos >= line.size()) break;
    if (line[pos] != '#' || pos + 1 >= line.size() || line[pos + 1] == '#' ||
        is_blank(line[pos + 1])) {
      return false;
    }
    while (pos < line.size() && !is_blank(line[pos])) ++pos;
    tags = true;
  }
  return tags;
}

}  // namespace evgraph::parse
