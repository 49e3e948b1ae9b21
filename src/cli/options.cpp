// The command line's options (options.hpp).
#include "cli/options.hpp"

#include <sstream>

namespace evgraph::cli {

void add_input_options(CLI::App& app, Options& options) {
  options.input_commands.push_back(&app);
  app.add_option("inputs", options.inputs,
                 "Files and folders to read ('-' for stdin): answers (.txt .md), chat pages saved "
                 "as HTML (.html .htm), API responses (Perplexity, OpenAI, Anthropic, Gemini) and "
                 "ChatGPT exports (.json), evidence JSON, CSV/TSV, JSON Lines, CSL-JSON, BibTeX, "
                 "RIS; folders are read recursively")
      ->required()
      ->type_name("INPUT");
  app.add_option(
         "--from", options.from,
         "Read the inputs after it as FORMAT: answer, html, perplexity-json, openai, anthropic, "
         "gemini, chatgpt-export, evidence-json, csv, tsv, jsonl, csl-json, bibtex, ris, or "
         "auto (detect; the default)")
      ->type_name("FORMAT")
      ->allow_extra_args(false);
  app.add_option("--map", options.maps,
                 "Field map for the CSV/TSV/JSONL inputs after it: ROLE=FIELD,… with roles text, "
                 "source, stance, certainty, title, url, doi, pmid, pmcid, authors, year, "
                 "population, intervention, outcome, id (no text: a bibliography)")
      ->type_name("MAP")
      ->allow_extra_args(false);
  app.add_option("--lexicon", options.lexicons,
                 "Lexicon JSON adding to (or, with --no-default-lexicon, replacing) the built-in "
                 "one; repeatable")
      ->type_name("FILE")
      ->allow_extra_args(false);
  app.add_flag("--no-default-lexicon", options.no_default_lexicon,
               "Use only the lexicons given with --lexicon");
  app.add_flag("--strict", options.strict,
               "Treat warnings, and files a folder holds that are not inputs, as errors (exit 1, "
               "write nothing but the --diagnostics file)");
  app.add_flag("--allow-empty", options.allow_empty,
               "Let a folder in which no file is an input give an empty graph (exit 0) instead "
               "of an error");
  app.add_flag("--absolute-paths", options.absolute_paths,
               "Keep absolute input paths as given in the graph and messages (by default they are "
               "made relative to the current folder, so outputs one publishes do not show them)");
  app.add_option("--max-warnings", options.max_warnings,
                 "Print at most N diagnostics of each code on stderr, then one line with the "
                 "count of the rest (errors are always printed); 0 prints all")
      ->type_name("N")
      ->default_val(20)
      ->check(CLI::NonNegativeNumber)
      ->allow_extra_args(false);
  app.add_option("--max-input-size", options.limits.input_bytes,
                 "Refuse an input (a file, or stdin) larger than SIZE, e.g. 2G (default 512M; "
                 "the graph of 512 MiB of answers takes about 4 GB of memory)")
      ->type_name("SIZE")
      ->transform(CLI::AsSizeValue(false))
      ->allow_extra_args(false);
  app.add_option("--max-line-length", options.limits.line_bytes,
                 "Refuse a line longer than SIZE in answer text, CSV/TSV, JSON Lines, BibTeX or "
                 "RIS (default 16M; JSON documents and HTML pages have no line limit)")
      ->type_name("SIZE")
      ->transform(CLI::AsSizeValue(false))
      ->allow_extra_args(false);
  app.add_option("--max-nodes", options.limits.nodes,
                 "Stop with an error when the graph would hold more than N nodes (default "
                 "5000000, about 5 GB)")
      ->type_name("N")
      ->check(CLI::PositiveNumber)
      ->allow_extra_args(false);
  app.add_option("--diagnostics", options.diagnostics,
                 "Also write every diagnostic to FILE, one a line as on stderr, or as JSON Lines "
                 "when FILE ends in .jsonl or .ndjson")
      ->type_name("FILE")
      ->allow_extra_args(false);
}

// Options of every verb.
void add_run_options(CLI::App& app, Options& options) {
  app.add_flag("--quiet,-q", options.quiet,
               "No progress line, summary or notes on stderr; warnings (see --max-warnings) and "
               "errors are still printed");
  app.add_flag("--timings", options.timings,
               "After the run, print on stderr the time each phase and each output took, the "
               "bytes read and written, and the peak memory");
}

void add_output_options(CLI::App& app, Options& options) {
  std::string extensions;
  for (const std::string& extension : output_extensions()) {
    extensions += (extensions.empty() ? "" : " ") + extension;
  }
  app.add_option("-o,--output", options.outputs,
                 "Output file; the format comes from its extension (" + extensions +
                     "; a JSON dialect also as .NAME.json: .jgf.json .kumu.json .vosviewer.json "
                     ".graphology.json); repeatable; '-' for stdout with --to; a new or empty "
                     "folder with --to csv or --to neo4j")
      ->required()
      ->type_name("OUT")
      ->allow_extra_args(false);
  app.add_option("--to", options.to, "Force the output format: " + format_names())
      ->type_name("FORMAT");
  app.add_flag("--csv-safe", options.csv_safe,
               "Write CSV cells that a spreadsheet would take for a formula (beginning with =, +, "
               "-, @, tab or CR) with a leading ' (for a csv folder opened in Excel or "
               "LibreOffice; Neo4j's files stay as written)");
}

void add_filter_options(CLI::App& app, Options& options) {
  app.add_option("--only", options.filter.only,
                 "Show only the claims linked to this population, intervention or outcome (id or "
                 "label), with their sources and concepts; repeatable (any of them)")
      ->type_name("CONCEPT")
      ->allow_extra_args(false);
  app.add_option("--around", options.filter.around,
                 "Show only what lies within --depth edges of this node (id or label)")
      ->type_name("NODE")
      ->allow_extra_args(false);
  app.add_option("--depth", options.filter.depth, "Edges from the --around node (default 1)")
      ->type_name("K")
      ->check(CLI::NonNegativeNumber)
      ->allow_extra_args(false);
  app.add_option("--types", options.filter_types,
                 "Show only nodes of these types, comma-separated (document, claim, source, "
                 "population, intervention, outcome, answer)")
      ->type_name("LIST")
      ->allow_extra_args(false);
  app.add_flag("--no-commentary", options.filter.no_commentary,
               "Leave out the assistants' own commentary claims");
  app.add_flag("--cited-only", options.filter.cited_only,
               "Leave out claims that cite nothing and sources that no claim cites");
  app.add_option("--min-works", options.filter.min_works,
                 "Leave out claims that cite fewer than N distinct works")
      ->type_name("N")
      ->check(CLI::NonNegativeNumber)
      ->allow_extra_args(false);
  app.add_option("--view", options.view,
                 "full (default), or summary: the populations, interventions and outcomes, joined "
                 "by evidence edges as wide as the distinct works behind them (after the filters)")
      ->type_name("VIEW")
      ->check(CLI::IsMember({"full", "summary"}))
      ->allow_extra_args(false);
  app.add_flag("--measures", options.measures,
               "Write the analyses' measures as node attributes in the graph exports: works, "
               "claims, documents, corroborating, conflicting, single_source, the stance mix, "
               "certainty, cited, component, degree, betweenness (of the graph shown, after the "
               "filters and the view)");
}

std::vector<std::string> output_extensions() {
  std::vector<std::string> extensions;
  std::istringstream names(format_names());
  for (std::string name; std::getline(names >> std::ws, name, ',');) {
    if (format_from_path("x." + name)) extensions.push_back("." + name);
  }
  return extensions;
}

}  // namespace evgraph::cli
