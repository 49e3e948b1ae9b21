// Input: every format evgraph reads, and the one entry point that turns an input's Text into
// Evidence. Answers (AI-assistant text, Perplexity's API JSON) go through parse and extract;
// structured inputs (curated evidence JSON, CSV/TSV coding sheets and JSON Lines read through a
// field map, CSL-JSON, BibTeX and RIS bibliographies) are read straight into Evidence. Pure
// functions of their arguments; thread-safe. Problems in the content are diagnostics; an input
// that cannot be read as its format at all throws InputError naming file:line:col.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "evgraph/error.hpp"
#include "evgraph/evidence.hpp"
#include "evgraph/lexicon.hpp"
#include "evgraph/text.hpp"

namespace evgraph {

enum class InputFormat {
  answer,           // AI-answer text or Markdown (.txt .md .markdown and anything unrecognised)
  perplexity_json,  // Perplexity API response: choices[0].message.content + citations
  evidence_json,    // evgraph's curated evidence file (schema: evidence.schema.json)
  csv,              // coding sheet, comma-separated, read through a FieldMap
  tsv,              // coding sheet, tab-separated
  jsonl,            // JSON Lines, one record a line, read through a FieldMap
  csl_json,         // CSL-JSON bibliography (Zotero "CSL JSON" export)
  bibtex,           // BibTeX / BibLaTeX (Zotero, Better BibTeX)
  ris,              // RIS
};

inline constexpr InputFormat kInputFormats[] = {InputFormat::answer,
                                                InputFormat::perplexity_json,
                                                InputFormat::evidence_json,
                                                InputFormat::csv,
                                                InputFormat::tsv,
                                                InputFormat::jsonl,
                                                InputFormat::csl_json,
                                                InputFormat::bibtex,
                                                InputFormat::ris};

std::string_view to_string(InputFormat format);
std::optional<InputFormat> input_format_from_name(std::string_view name);
// The format a .json input's first bytes (a few KB suffice) show: an array is CSL-JSON, an object
// with "choices" a Perplexity response, one with "evgraph" evidence JSON, one object a line JSON
// Lines; nullopt for any other JSON (a lexicon, an exported graph).
std::optional<InputFormat> sniff_json_format(std::string_view head);
// The format of an input from its file extension and, for .json and unknown extensions, a look at
// its first bytes.
InputFormat detect_input_format(const Text& text);

// How the records of a CSV/TSV/JSONL input map onto evidence: role → field name, in the order
// given. Roles: text, source, stance, certainty, title, url, doi, pmid, pmcid, authors, year,
// population, intervention, outcome, id. With no `text` the input is a bibliography.
struct FieldMap {
  std::vector<std::pair<std::string, std::string>> fields;
  const std::string* field(std::string_view role) const;
  bool empty() const noexcept { return fields.empty(); }
};

inline constexpr std::string_view kFieldRoles[] = {
    "text",  "source",  "stance", "certainty",  "title",        "url",     "doi", "pmid",
    "pmcid", "authors", "year",   "population", "intervention", "outcome", "id"};

// Parses "text=claim,source=cord_id"; throws Error naming the bad part (unknown role, no '=',
// a role given twice).
FieldMap parse_field_map(std::string_view spec);

// Reads one input as `format` (nullopt: detect it).
Evidence read_evidence(const Text& text, std::optional<InputFormat> format, const FieldMap& map,
                       const Lexicon& lexicon, Diagnostics& diagnostics);

}  // namespace evgraph
