// RIS bibliographies (Zotero, EndNote, Ovid, EBSCO, Mendeley): records from "TY  - " to "ER  - ",
// one "XX  - value" tag line per field, and continuation lines that run on the field above.
#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "input/bibliography.hpp"
#include "input/readers.hpp"
#include "text/ascii.hpp"

namespace evgraph::detail {
namespace {

using ascii::is_digit;
using ascii::is_space;
using ascii::is_upper;
using ascii::lower;
using ascii::trimmed;

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (!is_digit(c)) return false;
  }
  return !s.empty();
}
bool icontains(std::string_view s, std::string_view word) {
  std::string folded(s);
  for (char& c : folded) c = lower(c);
  return folded.find(word) != std::string::npos;
}

struct TagLine {
  std::string_view tag;
  std::string_view value;
};

// "AU  - Smith, J" -> {"AU", "Smith, J"}: two characters (a capital, then a capital or digit),
// spaces, a hyphen, then the value (Zotero's reading: "TY -JOUR" and "TY - JOUR" are tag lines
// too).
std::optional<TagLine> tag_line(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i + 2 > line.size() || !is_upper(line[i]) ||
      !(is_upper(line[i + 1]) || is_digit(line[i + 1]))) {
    return std::nullopt;
  }
  const std::string_view tag = line.substr(i, 2);
  std::size_t at = i + 2;
  while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
  if (at == i + 2 || at >= line.size() || line[at] != '-') return std::nullopt;
  return TagLine{tag, trimmed(line.substr(at + 1))};
}

struct RisField {
  std::string tag;
  std::string value;
  std::size_t offset = 0;
};

struct RisRecord {
  std::size_t offset = 0;  // the TY line
  std::size_t number = 0;  // 1-based, in file order
  std::string type;        // the TY value: "JOUR", "BOOK", …
  std::vector<RisField> fields;

  const RisField* first(std::initializer_list<std::string_view> tags) const {
    for (std::string_view tag : tags) {
      for (const RisField& field : fields) {
        if (field.tag == tag && !trimmed(field.value).empty()) return &field;
      }
    }
    return nullptr;
  }
};

// An accession number is a PMID only in records from PubMed/MEDLINE (EBSCO's CINAHL and Embase
// numbers are digits too).
bool accession_is_pmid(const RisRecord& record, std::string_view accession) {
  if (!all_digits(accession)) return false;
  for (const RisField& field : record.fields) {
    if ((field.tag == "DB" || field.tag == "DP") &&
        (icontains(field.value, "pubmed") || icontains(field.value, "medline"))) {
      return true;
    }
  }
  return false;
}

bool has_data(const BibEntry& entry, std::string_view name) {
  return std::any_of(entry.data.begin(), entry.data.end(),
                     [&](const auto& field) { return field.first == name; });
}

// Places the field in the entry; returns what is left to keep of it (empty when nothing is).
std::string read_field(const Text& text, const RisRecord& record, const RisField& field,
                       BibEntry& entry) {
  const Location where = text.locate(field.offset);
  const std::string_view value = trimmed(field.value);
  if (field.tag == "AU" || field.tag == "A1") {
    if (!is_et_al(value)) {
      entry.authors.push_back(collapse_whitespace(value));
    } else if (!has_data(entry, "authors_truncated")) {
      entry.data.emplace_back("authors_truncated", true);
    }
    return {};
  }
  if (field.tag == "UR") {
    for (std::size_t i = 0; i < value.size();) {
      while (i < value.size() && is_space(value[i])) ++i;
      const std::size_t begin = i;
      while (i < value.size() && !is_space(value[i])) ++i;
      if (i > begin) entry.urls.emplace_back(value.substr(begin, i - begin));
    }
    return {};
  }
  if (field.tag == "DO") {
    entry.identifiers.push_back({"doi", std::string(value), where});
    return {};
  }
  if (field.tag == "N1" || field.tag == "M2" || field.tag == "AN") {
    std::string rest = add_note_identifiers(value, where, entry);
    if (field.tag == "AN" && accession_is_pmid(record, value)) {
      entry.identifiers.push_back({"pmid", std::string(value), where});
      return {};
    }
    return rest;
  }
  return std::string(value);
}

bool is_date_tag(std::string_view tag) {
  return tag == "PY" || tag == "Y1" || tag == "DA";
}

BibEntry ris_entry(const Text& text, const RisRecord& record) {
  BibEntry entry;
  const RisField* id = record.first({"ID"});
  entry.key = id ? collapse_whitespace(id->value) : "entry " + std::to_string(record.number);
  entry.where = text.locate(record.offset);
  const RisField* title = record.first({"TI", "T1", "CT"});
  if (title) entry.title = collapse_whitespace(title->value);
  if (const RisField* date = record.first({"PY", "Y1", "DA"})) entry.year = year_in(date->value);
  if (!record.type.empty()) entry.data.emplace_back("TY", record.type);
  for (const RisField& field : record.fields) {
    if (&field == id || &field == title) continue;
    if (is_date_tag(field.tag) && only_year(trimmed(field.value), entry.year)) continue;
    std::string kept = read_field(text, record, field, entry);
    if (!kept.empty()) entry.data.emplace_back(field.tag, std::move(kept));
  }
  return entry;
}

// Walks the lines, opening a record at TY and closing it at ER; what is out of place is reported.
class RisReader {
 public:
  RisReader(const Text& text, Diagnostics& diagnostics)
      : text_(text),
        diagnostics_(diagnostics),
        bibliography_(text, InputFormat::ris, diagnostics) {}

  Evidence read() {
    for (std::size_t n = 1; n <= text_.line_count(); ++n) read_line(n);
    if (record_) close_unterminated(text_.content().size());
    if (!any_tag_ && !trimmed(text_.content()).empty()) refuse();
    return bibliography_.finish();
  }

 private:
  void read_line(std::size_t n) {
    const std::string_view line = text_.line(n);
    const std::size_t offset = text_.line_start(n);
    const std::optional<TagLine> tag = tag_line(line);
    if (!tag) return continue_field(line);
    any_tag_ = true;
    if (tag->tag == "TY") return open(offset, tag->value);
    if (!record_) return outside(offset, tag->tag);
    if (tag->tag == "ER") return close();
    record_->fields.push_back({std::string(tag->tag), std::string(tag->value), offset});
  }

  void open(std::size_t offset, std::string_view type) {
    if (record_) close_unterminated(offset);
    record_ = RisRecord{offset, ++count_, std::string(type), {}};
    reported_outside_ = false;
  }

  void close() {
    bibliography_.add(ris_entry(text_, *record_));
    record_.reset();
  }

  void close_unterminated(std::size_t next) {
    diagnostics_.push_back({Severity::warning, text_.locate(record_->offset),
                            "record " + std::to_string(record_->number) +
                                " has no 'ER  - ' line before " +
                                (next < text_.content().size() ? "the next 'TY  - '" : "the end") +
                                "; read up to there",
                            "ris-syntax"});
    close();
  }

  void continue_field(std::string_view line) {
    if (!record_ || record_->fields.empty() || trimmed(line).empty()) return;
    record_->fields.back().value += '\n';
    record_->fields.back().value += trimmed(line);
  }

  void outside(std::size_t offset, std::string_view tag) {
    if (tag == "ER" || reported_outside_) return;
    reported_outside_ = true;
    diagnostics_.push_back({Severity::warning, text_.locate(offset),
                            "tag line '" + std::string(tag) +
                                "  - …' is outside any record (a record starts with 'TY  - '); "
                                "ignored up to the next 'TY  - '",
                            "ris-syntax"});
  }

  [[noreturn]] void refuse() const {
    std::size_t first = 0;
    const std::string_view content = text_.content();
    while (first < content.size() && is_space(content[first])) ++first;
    throw InputError(text_.locate(first),
                     "no RIS tag lines here: RIS records are lines like 'TY  - JOUR', "
                     "'TI  - Title', …, 'ER  - '");
  }

  const Text& text_;
  Diagnostics& diagnostics_;
  BibliographyBuilder bibliography_;
  std::optional<RisRecord> record_;
  std::size_t count_ = 0;
  bool any_tag_ = false;
  bool reported_outside_ = false;
};

}  // namespace

Evidence read_ris(const Text& text, Diagnostics& diagnostics) {
  return RisReader(text, diagnostics).read();
}

}  // namespace evgraph::detail
