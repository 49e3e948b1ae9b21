// Input: every format evgraph reads, the entry points that turn an input's Text into Evidence (one
// per document it holds: a ChatGPT export holds one per conversation), and a run's inputs found
// (folders expanded) and read on all cores (find_inputs, read_inputs, below). Answers
// (AI-assistant text; Perplexity, OpenAI, Anthropic and Gemini API responses; ChatGPT data
// exports) go through parse and extract;
// structured inputs (curated evidence JSON, CSV/TSV coding sheets and JSON Lines read through a
// field map, CSL-JSON, BibTeX and RIS bibliographies) are read straight into Evidence. Pure
// functions of their arguments; thread-safe. Problems in the content are diagnostics; an input
// that cannot be read as its format at all throws InputError naming file:line:col.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <iosfwd>
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
  chatgpt_export,   // ChatGPT data export conversations.json: one document per conversation
  openai,           // OpenAI Chat Completions or Responses API response with url_citation spans
  anthropic,        // Anthropic Messages API response: text blocks with citations
  gemini,           // Gemini API response: parts' text with groundingMetadata supports
  html,  // a chat page saved as HTML (.html .htm): its links cite, its text is the answer
};

inline constexpr InputFormat kInputFormats[] = {
    InputFormat::answer,        InputFormat::perplexity_json,
    InputFormat::evidence_json, InputFormat::csv,
    InputFormat::tsv,           InputFormat::jsonl,
    InputFormat::csl_json,      InputFormat::bibtex,
    InputFormat::ris,           InputFormat::chatgpt_export,
    InputFormat::openai,        InputFormat::anthropic,
    InputFormat::gemini,        InputFormat::html};

std::string_view to_string(InputFormat format);
std::optional<InputFormat> input_format_from_name(std::string_view name);
// The format a .json input's first bytes (a few KB suffice) show: an array of objects with
// "mapping" and "current_node" (or "children") a ChatGPT export, any other array CSL-JSON; an
// object with "choices" a Perplexity response ("citations"/"search_results") or an OpenAI one
// ("annotations"/"url_citation", or neither: Perplexity), one with "output" and "object":
// "response" an OpenAI Responses API response, one with "candidates" a Gemini response, one with
// "type": "message" and "content" an Anthropic response, one with "evgraph" evidence JSON, one
// object a line JSON Lines; nullopt for any other JSON (a lexicon, an exported graph).
std::optional<InputFormat> sniff_json_format(std::string_view head);
// The format of an input from its file extension and, for .json and unknown extensions, a look at
// its first bytes (`<!DOCTYPE html` or `<html` first: an HTML page, whatever the extension, unless
// it names a structured format).
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

// Reads one input as `format` (nullopt: detect it) into one Evidence; a ChatGPT export's
// conversations become one document named after the file (read_documents() keeps them apart).
Evidence read_evidence(const Text& text, std::optional<InputFormat> format, const FieldMap& map,
                       const Lexicon& lexicon, Diagnostics& diagnostics);
// Reads one input into one Evidence per document it holds, in input order: one per conversation
// of a ChatGPT export (named "<file>#<conversation id>", titled by the conversation's title), one
// for any other input.
std::vector<Evidence> read_documents(const Text& text, std::optional<InputFormat> format,
                                     const FieldMap& map, const Lexicon& lexicon,
                                     Diagnostics& diagnostics);

// ---- A run's inputs: finding them (folders included) and reading them all, as `evgraph build`
// does. find_inputs() turns paths into the files to read; read_inputs() reads them, several at once
// on the machine's cores, into results in input order that are identical whatever the thread
// count. Both are pure functions of their arguments and the files; each call is independent, so
// they are safe to call from several threads. ReadProgress is the one piece meant to be shared
// while a call runs: its counters are atomic.

// One input: a file, or "-" for stdin, read as `format` (nullopt: detect) through `map`.
struct InputSpec {
  std::string path;
  std::optional<InputFormat> format = std::nullopt;
  FieldMap map = {};
};

struct FoundInputs {
  std::vector<InputSpec> inputs;
  // Per folder given, the files in it that are not inputs, sorted by path.
  struct Skipped {
    std::string folder;
    std::vector<std::string> files;
  };
  std::vector<Skipped> skipped;
};

// Each path that is not a folder stays as given (whether it exists is read_inputs()'s to report).
// A folder becomes its files, recursively, sorted by path, hidden files and folders left out, each
// with the folder's format and map. With a format every file is an input; without, files of an
// extension evgraph reads (.txt .md .markdown .json .jsonl .ndjson .csv .tsv .tab .bib .bibtex
// .ris .html .htm), except .json files that are no input (a lexicon, an exported graph) and
// evgraph's own csv/neo4j/html export files and --diagnostics files. A file whose first bytes show
// a binary format (PDF, Office, image, archive…) is never an input. Throws
// std::filesystem::filesystem_error when a folder cannot be listed.
FoundInputs find_inputs(const std::vector<InputSpec>& paths);

struct InputResult {
  std::vector<Evidence> documents;  // one per document the input holds (read_documents())
  Diagnostics diagnostics;          // in line order
};

// Counts of the documents read so far, bumped by the reading threads; each counter only grows.
struct ReadProgress {
  std::atomic<std::size_t> documents{0};  // read, parsed and extracted (or failed)
  std::atomic<std::size_t> bytes{0};      // of the documents read, as stored
  std::atomic<std::size_t> claims{0};     // claim records extracted
};

// Bounds that turn input too big for the machine into an InputError naming the input, its size and
// the limit, instead of exhausting memory or time. The defaults suit a laptop: 512 MiB of answer
// text make a graph of about 4 GB. The command line raises them with --max-input-size,
// --max-line-length and --max-nodes.
struct Limits {
  std::uint64_t input_bytes = std::uint64_t{512} << 20;  // one input: a file, or stdin
  // One line of a line-based input: answer text, CSV/TSV, JSON Lines, BibTeX, RIS. JSON documents
  // and HTML pages, often written on one line, have no line limit.
  std::uint64_t line_bytes = std::uint64_t{16} << 20;
  std::size_t nodes = 5'000'000;  // the graph build_from_inputs() builds (about 1 KB each)
};

// "512 MiB", "1.5 GiB", "900 bytes": a size for messages.
std::string size_text(std::uint64_t bytes);

struct ReadOptions {
  std::istream* stdin_stream = nullptr;  // where "-" is read from (std::cin when null), once
  unsigned threads = 0;                  // at most this many at once; 0: one per core
  ReadProgress* progress = nullptr;
  std::size_t window = 0;  // inputs read ahead of the one being consumed; 0: two per thread
  Limits limits = {};
};

// Reads every input into Evidence, one result per input in input order, each holding the input's
// documents. An input that cannot be read throws (IoError, InputError; a binary file an InputError
// naming its kind and what to give instead; one over options.limits an InputError with its size and
// the limit), the first such one in input order, once the readers stopped.
std::vector<InputResult> read_inputs(const std::vector<InputSpec>& inputs, const Lexicon& lexicon,
                                     const ReadOptions& options = {});
// The same, streaming: hands each result to `consume(index, result)` on the calling thread, in
// input order, as soon as it and every input before it are read, while the readers go on with at
// most `options.window` inputs ahead; a result is freed once consumed unless `consume` keeps it.
// A failed input throws when its turn comes (inputs after it are not consumed), as does anything
// `consume` throws; either way the readers stop first.
void read_inputs(const std::vector<InputSpec>& inputs, const Lexicon& lexicon,
                 const ReadOptions& options,
                 const std::function<void(std::size_t, InputResult&&)>& consume);

}  // namespace evgraph
