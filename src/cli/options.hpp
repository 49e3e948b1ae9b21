// The command line's options: what `build`, `check`, `convert`, `report` and `query` accept, as
// CLI11 declares them, and the values they are parsed into. cli.cpp builds the command table from
// these and runs the commands with the values.
#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <string>
#include <vector>

#include "cli/analysis_commands.hpp"
#include "evgraph/evgraph.hpp"

namespace evgraph::cli {

struct Options {
  std::vector<const CLI::App*> input_commands;  // every command with inputs; one was given
  std::vector<std::string> inputs;
  std::vector<std::string> from;
  std::vector<std::string> maps;
  std::vector<std::string> outputs;
  std::string to;
  bool csv_safe = false;
  std::vector<std::string> lexicons;
  bool no_default_lexicon = false;
  bool strict = false;
  bool allow_empty = false;
  bool absolute_paths = false;
  std::size_t max_warnings = 20;
  Limits limits;
  GraphFilter filter;         // build, convert: what the outputs show
  std::string filter_types;   // --types, comma-separated
  std::string view = "full";  // build, convert: full or summary
  bool measures = false;      // build, convert: the analyses' measures as node attributes
  std::string diagnostics;
  bool quiet = false;
  bool timings = false;
  AnalysisOptions analysis;  // report, query (cli/analysis_commands.hpp)
};

// The inputs with --from and --map; the lexicons, --strict, the run's limits and diagnostics.
void add_input_options(CLI::App& app, Options& options);
// -o, --to and --csv-safe.
void add_output_options(CLI::App& app, Options& options);
// What the outputs show: --only, --around, --types, … , --view and --measures.
void add_filter_options(CLI::App& app, Options& options);
// --quiet and --timings.
void add_run_options(CLI::App& app, Options& options);

// The extensions -o knows a file's format by (".json", ".dot", ".html", …; each JSON dialect also
// as ".NAME.json"), from the format table, for --help and "did you mean".
std::vector<std::string> output_extensions();

}  // namespace evgraph::cli
