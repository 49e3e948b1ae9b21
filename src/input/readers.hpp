// The readers behind read_evidence() (input.hpp), one per structured format. Each reads the whole
// Text into one Evidence through EvidenceBuilder, reports what it cannot place as diagnostics
// (file:line:col of the record) and throws InputError only when the input is not that format at
// all.
#pragma once

#include "evgraph/error.hpp"
#include "evgraph/evidence.hpp"
#include "evgraph/input.hpp"
#include "evgraph/lexicon.hpp"
#include "evgraph/text.hpp"

namespace evgraph::detail {

// evgraph's curated evidence JSON (src/input/evidence.schema.json).
Evidence read_evidence_json(const Text& text, const Lexicon& lexicon, Diagnostics& diagnostics);
// CSV (separator ',') or TSV ('\t') with a header row, one row per claim–source pair.
Evidence read_table(const Text& text, char separator, const FieldMap& map, const Lexicon& lexicon,
                    Diagnostics& diagnostics);
// JSON Lines, one object a line.
Evidence read_jsonl(const Text& text, const FieldMap& map, const Lexicon& lexicon,
                    Diagnostics& diagnostics);

// Bibliographies: sources with title, authors, year and every identifier; no claims.
Evidence read_csl_json(const Text& text, Diagnostics& diagnostics);
Evidence read_bibtex(const Text& text, Diagnostics& diagnostics);
Evidence read_ris(const Text& text, Diagnostics& diagnostics);

}  // namespace evgraph::detail
