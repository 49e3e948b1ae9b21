// BibTeX and BibLaTeX bibliographies (Zotero, Better BibTeX, JabRef): a hand-written scanner for
// @type{key, field = {…} | "…" | 123 | macro # …, …} with @string macros and month names, then
// LaTeX decoding of titles and names (latex_text.hpp). A broken entry is reported where it breaks;
// reading resumes at the next line that starts with '@'.
#include <utf8proc.h>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "input/bibliography.hpp"
#include "input/latex_text.hpp"
#include "input/readers.hpp"

namespace evgraph::detail {
namespace {

using namespace latex_chars;

bool is_name_char(char c) {
  return is_letter(c) || is_digit(c) || c == '_' || c == '-' || c == ':' || c == '.' || c == '+' ||
         c == '/';
}

struct RawField {
  std::string name;   // lower-case
  std::string value;  // LaTeX, macros expanded, # concatenated
  std::size_t offset = 0;
};

struct RawEntry {
  std::string type;  // lower-case: "article", "online", …
  std::string key;
  std::size_t offset = 0;  // the '@'
  std::vector<RawField> fields;
};

struct SyntaxError {
  std::size_t offset;
  std::string message;
};

constexpr Table kMonths[] = {{"jan", "January"}, {"feb", "February"}, {"mar", "March"},
                             {"apr", "April"},   {"may", "May"},      {"jun", "June"},
                             {"jul", "July"},    {"aug", "August"},   {"sep", "September"},
                             {"oct", "October"}, {"nov", "November"}, {"dec", "December"}};

// Reads the entries of a BibTeX file one at a time, skipping @comment and @preamble and keeping
// @string macros. A syntax error is reported and the entry read so far is returned.
class BibtexScanner {
 public:
  BibtexScanner(const Text& text, Diagnostics& diagnostics)
      : text_(text), s_(text.content()), diagnostics_(diagnostics) {}

  std::optional<RawEntry> next() {
    for (std::size_t at = s_.find('@', pos_); at != std::string_view::npos;
         at = s_.find('@', pos_)) {
      pos_ = at + 1;
      skip_space();
      const std::string type = lowered(name());
      skip_space();
      if (type.empty() || pos_ >= s_.size() || (s_[pos_] != '{' && s_[pos_] != '(')) continue;
      const char close = s_[pos_++] == '{' ? '}' : ')';
      found_any_ = true;
      RawEntry entry;
      entry.type = type;
      entry.offset = at;
      try {
        if (type == "comment" || type == "preamble") {
          skip_to_close(close);
        } else if (type == "string") {
          read_macro(close);
        } else {
          read_entry(entry, close);
          return entry;
        }
      } catch (const SyntaxError& error) {
        report(blame_runaway_value(entry, error));
        pos_ = next_entry_line(at + 1);
        if (!entry.key.empty() && !entry.fields.empty()) return entry;
      }
    }
    pos_ = s_.size();
    return std::nullopt;
  }

  // True once any @type{ or @type( was seen.
  bool found_any() const noexcept { return found_any_; }

 private:
  void skip_space() {
    while (pos_ < s_.size() && is_space(s_[pos_])) ++pos_;
  }

  std::string_view name() {
    const std::size_t begin = pos_;
    while (pos_ < s_.size() && is_name_char(s_[pos_])) ++pos_;
    return s_.substr(begin, pos_ - begin);
  }

  char peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }

  void expect(char c, std::string message) {
    skip_space();
    if (peek() != c) throw SyntaxError{pos_, std::move(message)};
    ++pos_;
  }

  void report(const SyntaxError& error) {
    diagnostics_.push_back(
        {Severity::warning, text_.locate(error.offset), error.message, "bibtex-syntax"});
  }

  // A syntax error further on often comes from a {…} or "…" value that swallowed what followed it:
  // blame the first value that runs on into a "name = " line, and drop it and the fields after it.
  SyntaxError blame_runaway_value(RawEntry& entry, const SyntaxError& error) const {
    for (std::size_t f = 0; f < entry.fields.size(); ++f) {
      const RawField& field = entry.fields[f];
      if (!runs_into_assignment(field.value)) continue;
      SyntaxError blamed{field.offset, "the value of field '" + field.name + "' of entry '" +
                                           entry.key +
                                           "' runs on into the fields after it: is a closing "
                                           "'}' or '\"' missing?"};
      entry.fields.resize(f);
      return blamed;
    }
    return error;
  }

  static bool runs_into_assignment(std::string_view value) {
    for (std::size_t at = value.find('\n'); at != std::string_view::npos;
         at = value.find('\n', at + 1)) {
      std::size_t i = at + 1;
      while (i < value.size() && is_space(value[i])) ++i;
      const std::size_t name_begin = i;
      while (i < value.size() && is_name_char(value[i])) ++i;
      if (i == name_begin) continue;
      while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) ++i;
      if (i < value.size() && value[i] == '=') return true;
    }
    return false;
  }

  // The start of the next line whose first non-blank character is '@'.
  std::size_t next_entry_line(std::size_t from) const {
    for (std::size_t at = s_.find('@', from); at != std::string_view::npos;
         at = s_.find('@', at + 1)) {
      std::size_t i = at;
      while (i > 0 && (s_[i - 1] == ' ' || s_[i - 1] == '\t')) --i;
      if (i == 0 || s_[i - 1] == '\n') return at;
    }
    return s_.size();
  }

  void skip_to_close(char close) {
    const std::size_t open = pos_ - 1;
    int depth = 0;
    for (; pos_ < s_.size(); ++pos_) {
      const char c = s_[pos_];
      if (c == '{') ++depth;
      if (c == '}' && depth > 0) {
        --depth;
      } else if (c == close && depth == 0) {
        ++pos_;
        return;
      }
    }
    throw SyntaxError{open, "this @comment or @preamble is never closed (a '" +
                                std::string(1, close) + "' is missing)"};
  }

  void read_macro(char close) {
    skip_space();
    const std::string macro = lowered(name());
    if (macro.empty()) throw SyntaxError{pos_, "expected a macro name after @string"};
    expect('=', "expected '=' after @string macro '" + macro + "'");
    std::string value = read_value(macro);
    expect(close, "expected '" + std::string(1, close) + "' to close @string " + macro);
    macros_[macro] = std::move(value);
  }

  void read_entry(RawEntry& entry, char close) {
    skip_space();
    const std::size_t key_begin = pos_;
    while (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != close && !is_space(s_[pos_])) {
      ++pos_;
    }
    entry.key = std::string(s_.substr(key_begin, pos_ - key_begin));
    if (entry.key.empty()) throw SyntaxError{key_begin, "expected a citation key after '@…{'"};
    while (true) {
      skip_space();
      if (pos_ >= s_.size()) throw unclosed(entry, close);
      if (s_[pos_] == close) {
        ++pos_;
        return;
      }
      if (s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      entry.fields.push_back(read_field(entry, close));
      skip_space();
      if (peek() == '@') throw unclosed(entry, close);
      if (peek() != ',' && peek() != close) {
        throw SyntaxError{pos_, "expected ',' or '" + std::string(1, close) + "' after field '" +
                                    entry.fields.back().name + "' of entry '" + entry.key + "'"};
      }
    }
  }

  SyntaxError unclosed(const RawEntry& entry, char close) const {
    return {entry.offset, "entry '" + entry.key + "' is never closed (a '" + std::string(1, close) +
                              "' is missing at its end)"};
  }

  RawField read_field(const RawEntry& entry, char close) {
    RawField field;
    field.offset = pos_;
    field.name = lowered(name());
    if (field.name.empty()) {
      if (s_[pos_] == '@') throw unclosed(entry, close);
      throw SyntaxError{pos_, "expected a field name or '" + std::string(1, close) +
                                  "' in entry '" + entry.key + "'"};
    }
    expect('=', "expected '=' after field '" + field.name + "' of entry '" + entry.key + "'");
    field.value = read_value(field.name);
    return field;
  }

  // value = part ('#' part)*
  std::string read_value(const std::string& field) {
    std::string value;
    while (true) {
      skip_space();
      value += read_part(field);
      skip_space();
      if (peek() != '#') return value;
      ++pos_;
    }
  }

  std::string read_part(const std::string& field) {
    const char c = peek();
    if (c == '{') return read_braced(field);
    if (c == '"') return read_quoted(field);
    if (is_digit(c)) return std::string(name());
    const std::size_t begin = pos_;
    const std::string macro = lowered(name());
    if (macro.empty()) throw SyntaxError{pos_, "expected a value for field '" + field + "'"};
    return expand(macro, begin);
  }

  std::string read_braced(const std::string& field) {
    const std::size_t end = group_end(s_, pos_);
    if (end == std::string_view::npos) {
      throw SyntaxError{
          pos_, "the {…} value of field '" + field + "' is never closed (a '}' is missing)"};
    }
    std::string value(s_.substr(pos_ + 1, end - pos_ - 2));
    pos_ = end;
    return value;
  }

  std::string read_quoted(const std::string& field) {
    const std::size_t open = pos_++;
    int depth = 0;
    for (; pos_ < s_.size(); ++pos_) {
      const char c = s_[pos_];
      if (c == '\\') {
        ++pos_;
      } else if (c == '{') {
        ++depth;
      } else if (c == '}') {
        --depth;
      } else if (c == '"' && depth == 0) {
        return std::string(s_.substr(open + 1, pos_++ - open - 1));
      }
    }
    throw SyntaxError{
        open, "the \"…\" value of field '" + field + "' is never closed (a '\"' is missing)"};
  }

  std::string expand(const std::string& macro, std::size_t offset) {
    if (const auto found = macros_.find(macro); found != macros_.end()) return found->second;
    if (auto month = look_up(kMonths, macro)) return std::string(*month);
    diagnostics_.push_back({Severity::warning, text_.locate(offset),
                            "macro '" + macro + "' is not defined by any @string before it; " +
                                "kept as written (put braces around it if it is text)",
                            "bibtex-undefined-macro"});
    return macro;
  }

  const Text& text_;
  std::string_view s_;
  Diagnostics& diagnostics_;
  std::size_t pos_ = 0;
  bool found_any_ = false;
  std::unordered_map<std::string, std::string> macros_;
};

// Identifiers BibLaTeX keeps as eprint = {…} with eprinttype = {pubmed|pmc|doi}.
std::optional<std::string_view> eprint_kind(std::string_view type) {
  const std::string kind = lowered(trimmed(type));
  if (kind == "pubmed" || kind == "pmid") return "pmid";
  if (kind == "pmc" || kind == "pmcid") return "pmcid";
  if (kind == "doi") return "doi";
  return std::nullopt;
}

// The abstract page of an arXiv eprint (eprinttype or archiveprefix "arXiv"); nullopt otherwise.
std::optional<std::string> arxiv_url(std::string_view type, std::string_view eprint) {
  if (lowered(trimmed(type)) != "arxiv") return std::nullopt;
  eprint = trimmed(eprint);
  if (lowered(eprint.substr(0, 6)) == "arxiv:") eprint = trimmed(eprint.substr(6));
  if (eprint.empty() || std::any_of(eprint.begin(), eprint.end(), is_space)) return std::nullopt;
  return "https://arxiv.org/abs/" + std::string(eprint);
}

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// BibLaTeX's verbatim fields: braces and escapes are the only LaTeX in them.
bool is_verbatim_field(std::string_view name) {
  return one_of(name, {"doi", "eprint", "file", "pdf", "url", "urlraw", "verba", "verbb", "verbc"});
}

// BibLaTeX's name lists: kept in the data as arrays of names (but the author list placed).
bool is_name_field(std::string_view name) {
  return one_of(name,
                {"author", "editor", "editora", "editorb", "editorc", "translator", "annotator",
                 "commentator", "introduction", "foreword", "afterword", "bookauthor", "holder"});
}

bool is_note_field(std::string_view name) {
  return one_of(name, {"note", "annote", "annotation", "extra"});
}

// A note's lines as plain text (the identifiers Zotero keeps there are one a line).
std::string plain_lines(std::string_view latex) {
  std::string out;
  for (std::size_t begin = 0; begin <= latex.size();) {
    std::size_t end = latex.find('\n', begin);
    if (end == std::string_view::npos) end = latex.size();
    if (begin > 0) out += '\n';
    out += plain_text(latex.substr(begin, end - begin));
    begin = end + 1;
  }
  return out;
}

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// Turns a scanned entry into a BibEntry: each field is placed (title, author, year, URLs,
// identifiers) or kept, decoded, in the entry's data.
class EntryReader {
 public:
  EntryReader(const Text& text, const RawEntry& raw)
      : text_(text), raw_(raw), kept_(raw.fields.size()) {
    entry_.key = raw.key;
    entry_.where = text.locate(raw.offset);
    for (std::size_t f = 0; f < raw.fields.size(); ++f) place(f);
    finish_year();
    finish_eprint();
    add_data();
  }

  BibEntry take() { return std::move(entry_); }

 private:
  // Puts the field where it belongs; what is left to keep of it goes to kept_[f].
  void place(std::size_t f) {
    const RawField& field = raw_.fields[f];
    const std::string& name = field.name;
    const Location where = text_.locate(field.offset);
    std::optional<nlohmann::ordered_json>& kept = kept_[f];
    if (name == "title" && entry_.title.empty()) {
      entry_.title = plain_text(field.value);
    } else if (name == "author" && entry_.authors.empty() && !truncated_) {
      entry_.authors = bibtex_names(field.value, truncated_);
      if (truncated_) author_ = f;
    } else if (name == "url") {
      entry_.urls.push_back(verbatim(field.value));
    } else if (name == "howpublished") {
      Links links = links_in(field.value);
      for (std::string& url : links.urls) entry_.urls.push_back(std::move(url));
      if (!links.only) kept = std::move(links.text);
    } else if (name == "doi" || name == "pmid" || name == "pmcid") {
      entry_.identifiers.push_back({name, verbatim(field.value), where});
    } else if (is_note_field(name)) {
      const std::string rest = add_note_identifiers(plain_lines(field.value), where, entry_);
      kept = collapse_whitespace(rest);
    } else if (is_name_field(name)) {
      bool others = false;
      std::vector<std::string> names = bibtex_names(field.value, others);
      if (others) names.emplace_back("others");
      if (!names.empty()) kept = std::move(names);
    } else if (is_verbatim_field(name)) {
      kept = verbatim(field.value);
    } else {
      kept = plain_text(field.value);
    }
    if (name == "year" && year_.empty()) year_ = plain_text(field.value);
    if (name == "date" && date_.empty()) date_ = plain_text(field.value);
    if (name == "eprint") eprint_ = f;
    if (name == "eprinttype" || name == "archiveprefix") eprint_type_ = f;
    if (kept && kept->is_string() && kept->get_ref<const std::string&>().empty()) kept.reset();
  }

  // The year is the year field's, else the date's; a year or date that says no more is placed.
  void finish_year() {
    entry_.year = year_in(year_.empty() ? date_ : year_);
    for (std::size_t f = 0; f < kept_.size(); ++f) {
      const std::string& name = raw_.fields[f].name;
      if ((name == "year" || name == "date") && kept_[f] &&
          only_year(kept_[f]->get_ref<const std::string&>(), entry_.year)) {
        kept_[f].reset();
      }
    }
  }

  // eprint = {…} is a PMID, PMCID or DOI by its eprinttype; an arXiv eprint gives the entry its
  // URL when it has neither a URL nor a DOI. Otherwise both fields stay in the data.
  void finish_eprint() {
    if (eprint_ == kNone) return;
    const RawField& eprint = raw_.fields[eprint_];
    const std::string type =
        eprint_type_ == kNone ? std::string() : plain_text(raw_.fields[eprint_type_].value);
    const std::string value = verbatim(eprint.value);
    if (value.empty()) return;
    if (auto kind = eprint_kind(type)) {
      entry_.identifiers.push_back({std::string(*kind), value, text_.locate(eprint.offset)});
    } else if (auto url = arxiv_url(type, value); url && !has_url() && !has_doi()) {
      entry_.urls.push_back(std::move(*url));
    } else {
      return;
    }
    kept_[eprint_].reset();
    kept_[eprint_type_].reset();
  }

  bool has_url() const {
    return std::any_of(entry_.urls.begin(), entry_.urls.end(),
                       [](const std::string& url) { return !url.empty(); });
  }
  bool has_doi() const {
    return std::any_of(entry_.identifiers.begin(), entry_.identifiers.end(),
                       [](const BibIdentifier& id) { return id.kind == "doi"; });
  }

  // The entry type ("entrytype" when a field is named "type"), then the kept fields in order.
  void add_data() {
    const bool type_field = std::any_of(raw_.fields.begin(), raw_.fields.end(),
                                        [](const RawField& field) { return field.name == "type"; });
    entry_.data.emplace_back(type_field ? "entrytype" : "type", raw_.type);
    for (std::size_t f = 0; f < kept_.size(); ++f) {
      if (kept_[f]) entry_.data.emplace_back(raw_.fields[f].name, std::move(*kept_[f]));
      if (f == author_) entry_.data.emplace_back("authors_truncated", true);
    }
  }

  const Text& text_;
  const RawEntry& raw_;
  BibEntry entry_;
  std::vector<std::optional<nlohmann::ordered_json>> kept_;  // nullopt: placed, or nothing to keep
  std::string year_;
  std::string date_;
  bool truncated_ = false;
  std::size_t author_ = kNone;  // the author field that ends in "and others"
  std::size_t eprint_ = kNone;
  std::size_t eprint_type_ = kNone;
};

// A file with no @entry at all and text other than % comments is not BibTeX.
void refuse_without_entries(const Text& text) {
  for (std::size_t n = 1; n <= text.line_count(); ++n) {
    const std::string_view line = trimmed(text.line(n));
    if (!line.empty() && line.front() != '%') {
      const std::size_t column = static_cast<std::size_t>(line.data() - text.line(n).data());
      throw InputError(text.locate(text.line_start(n) + column),
                       "no BibTeX entries here: entries look like '@article{key, title = {…}}'");
    }
  }
}

}  // namespace

Evidence read_bibtex(const Text& text, Diagnostics& diagnostics) {
  BibtexScanner scanner(text, diagnostics);
  BibliographyBuilder bibliography(text, InputFormat::bibtex, diagnostics);
  while (std::optional<RawEntry> raw = scanner.next()) {
    bibliography.add(EntryReader(text, *raw).take());
  }
  if (!scanner.found_any()) refuse_without_entries(text);
  return bibliography.finish();
}

}  // namespace evgraph::detail
