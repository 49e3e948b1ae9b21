// What the bibliography readers (CSL-JSON, BibTeX, RIS) share: an entry as read from the file, and
// the one rule that turns it into a SourceRecord — identity is the first strong identifier in the
// order doi, pmc, pubmed, s2 (the rest go to `also`), else the URL, else the title; every field
// that none of these places is kept in `data`. Malformed identifiers, entries without any identity
// and repeated keys are diagnostics. Implemented in csl_json.cpp. Not thread-safe to share a
// BibliographyBuilder; the free functions are pure.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "evgraph/error.hpp"
#include "evgraph/evidence.hpp"
#include "evgraph/input.hpp"
#include "evgraph/lexicon.hpp"
#include "evgraph/text.hpp"

namespace evgraph::detail {

struct BibIdentifier {
  std::string kind;  // "doi", "pmid" or "pmcid" (identify_as kinds)
  std::string value;
  Location where;
};

struct BibEntry {
  std::string key;  // citation key, CSL id, RIS ID or "entry N"
  Location where;
  std::string title;
  std::vector<std::string> authors;
  std::string year;
  std::vector<std::string> urls;
  std::vector<BibIdentifier> identifiers;
  // The entry's other fields in input order, named as written (the entry type as "type", and
  // "authors_truncated": true where an author list ends in "and others"). A name given more than
  // once becomes one array of its values in SourceRecord::data.
  std::vector<std::pair<std::string, nlohmann::ordered_json>> data;
};

class BibliographyBuilder {
 public:
  BibliographyBuilder(const Text& text, InputFormat format, Diagnostics& diagnostics);

  // Adds the entry as a source, or reports it when it has no identity at all.
  void add(BibEntry entry);
  Evidence finish() { return builder_.finish(); }

 private:
  // Sets the record's identity and `also`; false when the entry has nothing to identify it by.
  bool identify(SourceRecord& record, const BibEntry& entry, const std::vector<std::string>& urls);

  Diagnostics& diagnostics_;
  Lexicon lexicon_;
  EvidenceBuilder builder_;
  std::unordered_set<std::string> keys_;
};

// Adds the identifiers that Zotero keeps in free text ("PMID: 123", "PMCID: PMC123", "DOI: 10.…",
// one a line in `extra`, exported as a CSL note, a BibTeX note/annote or an RIS N1). Returns the
// rest of the note: its lines that hold more than identifiers, trimmed (empty when none do).
std::string add_note_identifiers(std::string_view note, const Location& where, BibEntry& entry);

// The entry's data as one compact JSON object; empty when it has none.
std::string data_json(std::vector<std::pair<std::string, nlohmann::ordered_json>> data);

// True when the date says nothing but `year` ("2020", "2020//"): it holds those four digits and no
// other letter or digit.
bool only_year(std::string_view date, std::string_view year);
// True for a name that stands for the authors left out: "others" (BibTeX's "and others"),
// "et al.", "et al", "et alii" (any case).
bool is_et_al(std::string_view name);

// Runs of whitespace become one space; ends trimmed.
std::string collapse_whitespace(std::string_view text);
// The first run of four digits ("2019" from "2019/03/04/"); the text itself when it has none.
std::string year_in(std::string_view date);

}  // namespace evgraph::detail
