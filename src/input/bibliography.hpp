// What the bibliography readers (CSL-JSON, BibTeX, RIS) share: an entry as read from the file, and
// the one rule that turns it into a SourceRecord — identity is the first strong identifier in the
// order doi, pmc, pubmed, s2 (the rest go to `also`), else the URL, else the title. Malformed
// identifiers, entries without any identity and repeated keys are diagnostics. Implemented in
// csl_json.cpp. Not thread-safe to share a BibliographyBuilder; the free functions are pure.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
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
// one a line in `extra`, exported as a CSL note, a BibTeX note/annote or an RIS N1).
void add_note_identifiers(std::string_view note, const Location& where, BibEntry& entry);

// Runs of whitespace become one space; ends trimmed.
std::string collapse_whitespace(std::string_view text);
// The first run of four digits ("2019" from "2019/03/04/"); the text itself when it has none.
std::string year_in(std::string_view date);

}  // namespace evgraph::detail
