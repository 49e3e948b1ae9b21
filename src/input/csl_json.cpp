// CSL-JSON bibliographies (Zotero's "CSL JSON" export, citeproc-js input, the single item doi.org
// returns for Accept: application/vnd.citationstyles.csl+json), and the entry-to-source rules all
// bibliography readers share (bibliography.hpp).
#include <algorithm>
#include <array>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "input/bibliography.hpp"
#include "input/readers.hpp"
#include "text/ascii.hpp"
#include "text/json_number.hpp"

namespace evgraph::detail {
namespace {

using ascii::is_digit;
using ascii::is_space;
using ascii::trimmed;

bool is_alnum(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), s.begin(),
                    [](char a, char b) { return lower(a) == lower(b); });
}

std::string_view kind_name(std::string_view kind) {
  if (kind == "doi") return "DOI";
  if (kind == "pmid") return "PMID";
  return "PMCID";
}

std::string bad_identifier_message(const BibIdentifier& identifier, const std::string& key) {
  std::string message = std::string(kind_name(identifier.kind)) + " '" + identifier.value +
                        "' of entry '" + key + "' is not a well-formed " +
                        std::string(kind_name(identifier.kind));
  if (identifier.kind == "doi") message += " (a DOI starts with 10.)";
  if (identifier.kind == "pmid") message += " (a PMID is digits only)";
  if (identifier.kind == "pmcid") message += " (a PMCID is PMC and digits)";
  return message + "; it is not used to identify the entry";
}

void add_distinct(std::vector<SourceIdentity>& identities, SourceIdentity identity) {
  if (std::find(identities.begin(), identities.end(), identity) == identities.end()) {
    identities.push_back(std::move(identity));
  }
}

// Every strong identifier of the entry, best first; malformed ones are reported.
std::vector<SourceIdentity> strong_identities(const BibEntry& entry,
                                              const std::vector<std::string>& urls,
                                              Diagnostics& diagnostics) {
  std::vector<SourceIdentity> found;
  for (const BibIdentifier& identifier : entry.identifiers) {
    if (auto identity = identify_as(identifier.kind, identifier.value)) {
      add_distinct(found, std::move(*identity));
    } else {
      diagnostics.push_back({Severity::warning, identifier.where,
                             bad_identifier_message(identifier, entry.key), "bad-identifier"});
    }
  }
  for (const std::string& url : urls) {
    SourceIdentity identity = identify_source(url);
    if (identity.strong()) add_distinct(found, std::move(identity));
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.scheme < b.scheme; });
  return found;
}

std::vector<std::string> distinct_urls(std::vector<std::string> urls) {
  std::vector<std::string> out;
  for (std::string& url : urls) {
    if (!url.empty() && std::find(out.begin(), out.end(), url) == out.end()) {
      out.push_back(std::move(url));
    }
  }
  return out;
}

}  // namespace

BibliographyBuilder::BibliographyBuilder(const Text& text, InputFormat format,
                                         Diagnostics& diagnostics)
    : diagnostics_(diagnostics), builder_(text.name(), std::string(to_string(format)), lexicon_) {}

void BibliographyBuilder::add(BibEntry entry) {
  if (!entry.key.empty() && !keys_.insert(entry.key).second) {
    diagnostics_.push_back({Severity::warning, entry.where,
                            "entry key '" + entry.key + "' is used by an earlier entry too",
                            "duplicate-entry-key"});
  }
  SourceRecord record;
  std::vector<std::string> urls = distinct_urls(std::move(entry.urls));
  if (!identify(record, entry, urls)) {
    const std::string named =
        entry.key.empty() ? std::string("an entry") : "entry '" + entry.key + "'";
    diagnostics_.push_back({Severity::warning, entry.where,
                            named + " has no DOI, PMID, PMCID, URL or title to identify it; "
                                    "skipped",
                            "bibliography-entry-without-identity"});
    return;
  }
  if (!urls.empty()) {
    record.url = urls.front();
    record.urls.assign(std::make_move_iterator(urls.begin() + 1),
                       std::make_move_iterator(urls.end()));
  }
  record.label = std::move(entry.key);
  record.title = std::move(entry.title);
  record.authors = std::move(entry.authors);
  record.year = std::move(entry.year);
  record.data = data_json(std::move(entry.data));
  record.where = std::move(entry.where);
  builder_.add_source(std::move(record));
}

bool BibliographyBuilder::identify(SourceRecord& record, const BibEntry& entry,
                                   const std::vector<std::string>& urls) {
  std::vector<SourceIdentity> strong = strong_identities(entry, urls, diagnostics_);
  if (!strong.empty()) {
    record.identity = strong.front();
    record.also.assign(std::make_move_iterator(strong.begin() + 1),
                       std::make_move_iterator(strong.end()));
  } else if (!urls.empty()) {
    record.identity = identify_source(urls.front(), entry.title);
  } else if (!entry.title.empty()) {
    record.identity = identify_title(entry.title);
  } else {
    return false;
  }
  return true;
}

namespace {

// Where the value of "LABEL:" starts when the note has that label at `at`; npos otherwise.
std::size_t labelled_value(std::string_view note, std::size_t at, std::string_view label) {
  if (!istarts_with(note.substr(at), label)) return std::string_view::npos;
  at += label.size();
  while (at < note.size() && note[at] == ' ') ++at;
  if (at >= note.size() || note[at] != ':') return std::string_view::npos;
  ++at;
  while (at < note.size() && is_space(note[at])) ++at;
  return at;
}

// The word at `at`, without sentence punctuation after it.
std::string_view word_at(std::string_view note, std::size_t at) {
  std::size_t end = at;
  while (end < note.size() && !is_space(note[end])) ++end;
  std::string_view word = note.substr(at, end - at);
  while (!word.empty() && (word.back() == '.' || word.back() == ',' || word.back() == ';')) {
    word.remove_suffix(1);
  }
  return word;
}

// Adds the identifiers of one line of a note; true when the line holds nothing else but spaces and
// punctuation.
bool add_line_identifiers(std::string_view line, const Location& where, BibEntry& entry) {
  constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kLabels = {
      {{"PMID", "pmid"}, {"PMCID", "pmcid"}, {"DOI", "doi"}}};
  bool other = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    bool matched = false;
    if (i == 0 || !is_alnum(line[i - 1])) {
      for (const auto& [label, kind] : kLabels) {
        const std::size_t start = labelled_value(line, i, label);
        if (start == std::string_view::npos) continue;
        const std::string_view value = word_at(line, start);
        if (!value.empty())
          entry.identifiers.push_back({std::string(kind), std::string(value), where});
        i = start + value.size();
        matched = true;
        break;
      }
    }
    if (!matched && !is_space(line[i]) && line[i] != '.' && line[i] != ',' && line[i] != ';') {
      other = true;
    }
  }
  return !other;
}

}  // namespace

std::string add_note_identifiers(std::string_view note, const Location& where, BibEntry& entry) {
  std::string rest;
  for (std::size_t begin = 0; begin <= note.size();) {
    std::size_t end = note.find('\n', begin);
    if (end == std::string_view::npos) end = note.size();
    const std::string_view line = note.substr(begin, end - begin);
    if (!add_line_identifiers(line, where, entry)) {
      if (!rest.empty()) rest += '\n';
      rest += line;
    }
    begin = end + 1;
  }
  return std::string(trimmed(rest));
}

std::string data_json(std::vector<std::pair<std::string, nlohmann::ordered_json>> data) {
  if (data.empty()) return {};
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  std::vector<std::string> repeated;
  for (auto& [name, value] : data) {
    const auto found = object.find(name);
    if (found == object.end()) {
      object.emplace(name, std::move(value));
      continue;
    }
    if (std::find(repeated.begin(), repeated.end(), name) == repeated.end()) {
      *found = nlohmann::ordered_json::array({std::move(*found)});
      repeated.push_back(name);
    }
    found->push_back(std::move(value));
  }
  return object.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

bool only_year(std::string_view date, std::string_view year) {
  const std::size_t at = year.empty() ? std::string_view::npos : date.find(year);
  if (at == std::string_view::npos) return false;
  for (std::size_t i = 0; i < date.size(); ++i) {
    if (i >= at && i < at + year.size()) continue;
    if (is_alnum(date[i]) || static_cast<unsigned char>(date[i]) >= 0x80) return false;
  }
  return true;
}

bool is_et_al(std::string_view name) {
  std::string words;
  for (char c : name) {
    if (c == '.') continue;
    if (is_space(c)) {
      if (!words.empty() && words.back() != ' ') words += ' ';
      continue;
    }
    words += lower(c);
  }
  if (!words.empty() && words.back() == ' ') words.pop_back();
  return words == "others" || words == "et al" || words == "et alii";
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (is_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string year_in(std::string_view date) {
  for (std::size_t i = 0; i < date.size();) {
    std::size_t end = i;
    while (end < date.size() && is_digit(date[end])) ++end;
    if (end - i >= 4) return std::string(date.substr(i, 4));
    i = end + 1;
  }
  return collapse_whitespace(date);
}

namespace {

using json = nlohmann::ordered_json;

// Byte offsets where each element of the top-level array starts (the JSON is known to be valid).
std::vector<std::size_t> element_offsets(std::string_view content) {
  std::vector<std::size_t> offsets;
  int depth = 0;
  bool in_string = false;
  bool expecting = false;
  for (std::size_t i = 0; i < content.size(); ++i) {
    const char c = content[i];
    if (in_string) {
      if (c == '\\') ++i;
      if (c == '"') in_string = false;
      continue;
    }
    if (expecting && !is_space(c) && c != ']') {
      offsets.push_back(i);
      expecting = false;
    }
    if (c == '"') in_string = true;
    if (c == '[' || c == '{') ++depth;
    if (c == ']' || c == '}') --depth;
    if ((c == '[' || c == ',') && depth == 1) expecting = true;
  }
  return offsets;
}

std::size_t first_non_space(std::string_view content) {
  std::size_t i = 0;
  while (i < content.size() && is_space(content[i])) ++i;
  return i;
}

// The part of nlohmann's message after "parse error at line L, column C: ".
std::string parse_error_reason(const json::parse_error& error) {
  const std::string_view what = error.what();
  const std::size_t at = what.find(": ", what.find("parse error"));
  return std::string(at == std::string_view::npos ? what : what.substr(at + 2));
}

json parse_csl(const Text& text) {
  try {
    return json::parse(text.content());
  } catch (const json::parse_error& error) {
    const std::size_t byte = error.byte > 0 ? error.byte - 1 : 0;
    throw InputError(text.locate(byte),
                     "not valid JSON, so not CSL-JSON: " + parse_error_reason(error));
  } catch (const json::out_of_range& error) {
    const auto overflow = detail::json_number_overflow(text.content(), error.what());
    throw InputError(text.locate(overflow.offset),
                     "not valid JSON, so not CSL-JSON: " + overflow.message);
  }
}

bool looks_like_item(const json& object) {
  return object.contains("id") || object.contains("type") || object.contains("title") ||
         object.contains("DOI");
}

// The items of the file: a JSON array of item objects (or one item on its own).
json items_of(const Text& text, json document) {
  if (document.is_object() && looks_like_item(document)) return json::array({std::move(document)});
  const bool any_object =
      document.is_array() && std::any_of(document.begin(), document.end(),
                                         [](const json& item) { return item.is_object(); });
  if (!any_object && !(document.is_array() && document.empty())) {
    throw InputError(text.locate(first_non_space(text.content())),
                     std::string("CSL-JSON is an array of item objects ([{\"id\": …, \"title\": "
                                 "…}, …]); this file holds ") +
                         (document.is_array() ? "an array without objects" : document.type_name()));
  }
  return document;
}

std::string scalar_text(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number()) return value.dump();
  return {};
}

std::string field_text(const json& item, const char* name) {
  const auto found = item.find(name);
  return found == item.end() ? std::string() : scalar_text(*found);
}

// CSL rich text: <i>, <b>, <sup>, <sub>, <span …> and their closing tags are markup, not text.
std::size_t markup_length(std::string_view s) {
  constexpr std::array<std::string_view, 9> kTags = {"<i>",    "</i>",  "<b>",    "</b>",   "<sup>",
                                                     "</sup>", "<sub>", "</sub>", "</span>"};
  for (std::string_view tag : kTags) {
    if (s.starts_with(tag)) return tag.size();
  }
  if (s.starts_with("<span ")) {
    const std::size_t close = s.find('>');
    if (close != std::string_view::npos) return close + 1;
  }
  return 0;
}

std::string plain_title(std::string_view title) {
  std::string out;
  out.reserve(title.size());
  for (std::size_t i = 0; i < title.size();) {
    const std::size_t markup = title[i] == '<' ? markup_length(title.substr(i)) : 0;
    if (markup > 0) {
      i += markup;
    } else {
      out += title[i++];
    }
  }
  return collapse_whitespace(out);
}

// "Family, Given" (particles and suffix kept as CSL splits them), or the literal name.
std::string csl_name(const json& name) {
  if (!name.is_object()) return collapse_whitespace(scalar_text(name));
  const std::string literal = field_text(name, "literal");
  if (!literal.empty()) return collapse_whitespace(literal);
  std::string family = field_text(name, "family");
  const std::string particle = field_text(name, "non-dropping-particle");
  if (!particle.empty()) family = particle + ' ' + family;
  std::string given = field_text(name, "given");
  const std::string dropping = field_text(name, "dropping-particle");
  if (!dropping.empty()) given += ' ' + dropping;
  std::string out = collapse_whitespace(family);
  const std::string given_part = collapse_whitespace(given);
  if (!given_part.empty()) out += out.empty() ? given_part : ", " + given_part;
  const std::string suffix = field_text(name, "suffix");
  if (!suffix.empty()) out += ", " + collapse_whitespace(suffix);
  return out;
}

// The names of an author list; `truncated` is set when one of them is "et al." / "others".
std::vector<std::string> csl_authors(const json& item, bool& truncated) {
  std::vector<std::string> authors;
  const auto found = item.find("author");
  if (found == item.end() || !found->is_array()) return authors;
  for (const json& name : *found) {
    std::string author = csl_name(name);
    if (is_et_al(author)) {
      truncated = true;
    } else if (!author.empty()) {
      authors.push_back(std::move(author));
    }
  }
  return authors;
}

bool is_blank(const json& value) {
  return value.is_null() || (value.is_string() && value.get_ref<const std::string&>().empty()) ||
         (value.is_structured() && value.empty());
}

// True when a name of the list carries more than the parts csl_name reads (an affiliation, an
// ORCID, …), so that the list is kept in the data as well.
bool names_carry_more(const json& names) {
  constexpr std::array<std::string_view, 10> kParts = {
      "family", "given",    "literal",     "non-dropping-particle", "dropping-particle",
      "suffix", "sequence", "parse-names", "comma-suffix",          "static-ordering"};
  for (const json& name : names) {
    if (!name.is_object()) continue;
    for (const auto& [key, value] : name.items()) {
      if (!is_blank(value) && std::find(kParts.begin(), kParts.end(), key) == kParts.end()) {
        return true;
      }
    }
  }
  return false;
}

// The text of every scalar in a value, space-separated ({"date-parts": [[2020, 3]]} -> "2020 3").
void append_leaf_text(const json& value, std::string& out) {
  if (value.is_structured()) {
    for (const json& part : value) append_leaf_text(part, out);
    return;
  }
  if (!out.empty()) out += ' ';
  out += value.is_string() ? value.get_ref<const std::string&>() : value.dump();
}

std::string csl_year(const json& item) {
  const auto issued = item.find("issued");
  if (issued == item.end()) return {};
  if (!issued->is_object()) return year_in(scalar_text(*issued));
  const auto parts = issued->find("date-parts");
  if (parts != issued->end() && parts->is_array() && !parts->empty() && parts->front().is_array() &&
      !parts->front().empty()) {
    const std::string year = scalar_text(parts->front().front());
    if (!year.empty()) return year_in(year);
  }
  for (const char* name : {"raw", "literal"}) {
    const std::string date = field_text(*issued, name);
    if (!date.empty()) return year_in(date);
  }
  return {};
}

// True for a field csl_entry has placed in the entry (the note is kept apart).
bool placed(const std::string& name, const json& value, const BibEntry& entry) {
  if (name == "id" || name == "title" || name == "URL" || name == "DOI" || name == "PMID" ||
      name == "PMCID") {
    return value.is_string() || value.is_number();
  }
  if (name == "author") return value.is_array();
  if (name == "issued") {
    std::string date;
    append_leaf_text(value, date);
    return only_year(date, entry.year);
  }
  return false;
}

// The item's fields that title, authors, year, URL and identifiers do not hold, as they are.
void add_data(const json& item, std::string note, bool truncated, BibEntry& entry) {
  for (const auto& [name, value] : item.items()) {
    if (name == "note" && value.is_string()) {
      if (!note.empty()) entry.data.emplace_back(name, std::move(note));
    } else if (!placed(name, value, entry) || (name == "author" && names_carry_more(value))) {
      entry.data.emplace_back(name, value);
    }
    if (name == "author" && truncated) entry.data.emplace_back("authors_truncated", true);
  }
}

BibEntry csl_entry(const json& item, Location where) {
  BibEntry entry;
  entry.key = field_text(item, "id");
  entry.where = where;
  entry.title = plain_title(field_text(item, "title"));
  bool truncated = false;
  entry.authors = csl_authors(item, truncated);
  entry.year = csl_year(item);
  entry.urls.push_back(collapse_whitespace(field_text(item, "URL")));
  for (const auto& [field, kind] :
       {std::pair{"DOI", "doi"}, {"PMID", "pmid"}, {"PMCID", "pmcid"}}) {
    const std::string value = collapse_whitespace(field_text(item, field));
    if (!value.empty()) entry.identifiers.push_back({kind, value, where});
  }
  std::string note = add_note_identifiers(field_text(item, "note"), where, entry);
  add_data(item, std::move(note), truncated, entry);
  return entry;
}

}  // namespace

Evidence read_csl_json(const Text& text, Diagnostics& diagnostics) {
  json document = parse_csl(text);
  const std::vector<std::size_t> offsets = document.is_array()
                                               ? element_offsets(text.content())
                                               : std::vector{first_non_space(text.content())};
  const json items = items_of(text, std::move(document));
  BibliographyBuilder bibliography(text, InputFormat::csl_json, diagnostics);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Location where = text.locate(i < offsets.size() ? offsets[i] : 0);
    if (!items[i].is_object()) {
      diagnostics.push_back({Severity::warning, where,
                             "item " + std::to_string(i + 1) + " of the CSL-JSON array is " +
                                 items[i].type_name() + ", not an object; skipped",
                             "csl-json-not-an-item"});
      continue;
    }
    bibliography.add(csl_entry(items[i], where));
  }
  return bibliography.finish();
}

}  // namespace evgraph::detail
