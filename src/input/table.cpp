// CSV (RFC 4180) and TSV coding sheets: a header row, then one row per claim–source pair. A
// hand-written single-pass scanner: quoted fields hold separators, newlines and "" for a quote, in
// TSV as in CSV; blank lines are skipped. Rows become Records for the shared RecordMapper.
#include <algorithm>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "input/mapped_records.hpp"
#include "input/readers.hpp"

namespace evgraph::detail {
namespace {

// One row's cells. The strings are reused from row to row: only the first `size` are this row's.
struct Row {
  std::vector<std::string> cells;
  std::vector<std::size_t> offsets;
  std::size_t size = 0;
  std::size_t offset = 0;
};

class TableScanner {
 public:
  TableScanner(const Text& text, char separator, Diagnostics& diagnostics)
      : text_(text), s_(text.content()), diagnostics_(diagnostics) {
    stops_[0] = separator;
  }

  // Reads the next row; false at the end of the input.
  bool next(Row& row) {
    skip_blank_lines();
    if (pos_ >= s_.size()) return false;
    row.offset = pos_;
    row.size = 0;
    while (true) {
      if (row.size == row.cells.size()) {
        row.cells.emplace_back();
        row.offsets.push_back(0);
      }
      row.offsets[row.size] = pos_;
      read_cell(row.cells[row.size++]);
      if (pos_ >= s_.size()) return true;
      if (s_[pos_++] == '\n') return true;
    }
  }

 private:
  void skip_blank_lines() {
    while (pos_ < s_.size()) {
      const std::size_t end = std::min(s_.find('\n', pos_), s_.size());
      if (s_.substr(pos_, end - pos_).find_first_not_of(' ') != std::string_view::npos) return;
      pos_ = end + 1;
    }
  }

  // Up to the next separator or line end (not consumed).
  std::size_t stop() const { return std::min(s_.find_first_of(stops(), pos_), s_.size()); }
  std::string_view stops() const { return {stops_, 2}; }

  void read_cell(std::string& cell) {
    cell.clear();
    if (pos_ < s_.size() && s_[pos_] == '"') {
      read_quoted(cell);
      return;
    }
    const std::size_t end = stop();
    cell.append(s_.substr(pos_, end - pos_));
    pos_ = end;
  }

  void read_quoted(std::string& cell) {
    const std::size_t open = pos_++;
    while (true) {
      const std::size_t quote = s_.find('"', pos_);
      if (quote == std::string_view::npos) {
        cell.append(s_.substr(pos_));
        pos_ = s_.size();
        warn(open, "quoted field is never closed; it runs to the end of the input", "bad-record");
        return;
      }
      cell.append(s_.substr(pos_, quote - pos_));
      pos_ = quote + 1;
      if (pos_ >= s_.size() || s_[pos_] != '"') break;
      cell += '"';
      ++pos_;
    }
    if (pos_ < s_.size() && s_[pos_] != stops_[0] && s_[pos_] != '\n') {
      warn(pos_,
           "text after a quoted field's closing quote, kept in the field (a quote inside a quoted "
           "field is written \"\")",
           "bad-quote");
      const std::size_t end = stop();
      cell.append(s_.substr(pos_, end - pos_));
      pos_ = end;
    }
  }

  void warn(std::size_t offset, std::string message, std::string code) {
    diagnostics_.push_back(
        {Severity::warning, text_.locate(offset), std::move(message), std::move(code)});
  }

  const Text& text_;
  std::string_view s_;
  Diagnostics& diagnostics_;
  char stops_[2] = {',', '\n'};
  std::size_t pos_ = 0;
};

std::string column_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

// The header's names; an empty one is called "column N" (1-based), and a repeated one is reported.
std::vector<std::string> header_names(const Text& text, const Row& row, Diagnostics& diagnostics) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < row.size; ++i) {
    std::string name = row.cells[i];
    if (name.empty()) name = "column " + std::to_string(i + 1);
    if (std::find(names.begin(), names.end(), name) != names.end()) {
      diagnostics.push_back(
          {Severity::warning, text.locate(row.offsets[i]),
           "column '" + name + "' appears twice in the header; the map uses the first",
           "duplicate-field"});
    }
    names.push_back(std::move(name));
  }
  return names;
}

class TableReader {
 public:
  TableReader(const Text& text, char separator, const Lexicon& lexicon, Diagnostics& diagnostics)
      : text_(text),
        format_(to_string(separator == '\t' ? InputFormat::tsv : InputFormat::csv)),
        lexicon_(lexicon),
        diagnostics_(diagnostics),
        scanner_(text, separator, diagnostics) {}

  Evidence run(const FieldMap& map) {
    Row row;
    if (!scanner_.next(row)) return EvidenceBuilder(text_.name(), format_, lexicon_).finish();
    names_ = header_names(text_, row, diagnostics_);
    const std::vector<std::string_view> views(names_.begin(), names_.end());
    FieldMap used = map.empty() ? implied_map(views) : map;
    if (used.empty()) {
      throw InputError(
          text_.locate(row.offset),
          "no column is named after a role (text, source, stance, …) and no field "
          "map was given: pass --map, e.g. --map text=COLUMN,source=COLUMN (columns: " +
              column_list(names_) + ")");
    }
    RecordMapper mapper(text_, format_, std::move(used), lexicon_, diagnostics_);
    mapper.note_header(views, row.offset);
    Record record;
    while (scanner_.next(row)) {
      if (row.size != names_.size()) report_width(row);
      record.offset = row.offset;
      record.fields.clear();
      for (std::size_t i = 0; i < row.size; ++i) {
        record.fields.push_back({name(i), row.cells[i], nullptr, row.offsets[i]});
      }
      mapper.add(record);
    }
    return mapper.finish();
  }

 private:
  // Cells past the header's width are kept under the name "column N".
  std::string_view name(std::size_t index) {
    if (index < names_.size()) return names_[index];
    while (names_.size() + extra_.size() <= index) {
      extra_.push_back("column " + std::to_string(names_.size() + extra_.size() + 1));
    }
    return extra_[index - names_.size()];
  }

  void report_width(const Row& row) {
    diagnostics_.push_back({Severity::warning, text_.locate(row.offset),
                            "row has " + std::to_string(row.size) + " fields but the header has " +
                                std::to_string(names_.size()),
                            "bad-record"});
  }

  const Text& text_;
  std::string format_;
  const Lexicon& lexicon_;
  Diagnostics& diagnostics_;
  TableScanner scanner_;
  std::vector<std::string> names_;
  std::deque<std::string> extra_;  // a deque: the names' views must stay valid as it grows
};

}  // namespace

Evidence read_table(const Text& text, char separator, const FieldMap& map, const Lexicon& lexicon,
                    Diagnostics& diagnostics) {
  return TableReader(text, separator, lexicon, diagnostics).run(map);
}

}  // namespace evgraph::detail
