// `evgraph report` and `evgraph query`: their options and what they do with the graph the command
// line has built (or read from a graph JSON). cli.cpp holds the command table, reads the inputs as
// `build` does and calls these. Usage problems throw AnalysisUsageError (exit 2).
#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "evgraph/error.hpp"
#include "evgraph/graph.hpp"

namespace evgraph::cli {

class AnalysisUsageError : public Error {
 public:
  using Error::Error;
};

struct AnalysisOptions {
  // report
  std::vector<std::string> outputs;  // -o: .md .json .txt report; .csv .svg .eppi.json gap map
  bool json = false;
  std::string rows;  // the gap-map files' rows: population or intervention ("": by the filter)
  std::string population;
  std::string intervention;
  std::size_t top = 10;
  bool csv_safe = false;  // the gap map's CSV for a spreadsheet
  // query
  std::string verb;  // path, neighbours, search
  std::string from;  // path FROM, neighbours ID, search TEXT
  std::string to;    // path TO
  std::size_t max_paths = 10;
  bool through_documents = false;
};

// Options of `report` beyond the inputs'.
void add_report_options(CLI::App& app, AnalysisOptions& options);
// The query subcommands (path, neighbours, search) with their own options; `add_inputs` adds the
// input and run options to each.
void add_query_subcommands(CLI::App& app, AnalysisOptions& options,
                           const std::function<void(CLI::App&)>& add_inputs);

// Refuses before anything is read: unknown output extensions, an output named twice or naming an
// input, --rows that is not population or intervention.
void check_report_outputs(const AnalysisOptions& options, const std::vector<std::string>& inputs);

// Runs the report on `graph`: the terminal text (or --json) on `out` when no -o is given, else
// each -o file, written to a temporary and renamed into place when all are written.
int run_report_command(const EvidenceGraph& graph, const AnalysisOptions& options,
                       std::ostream& out);
int run_query_command(const EvidenceGraph& graph, const AnalysisOptions& options,
                      std::ostream& out);

// Whether the file is a graph JSON that evgraph wrote (its first bytes name evgraph as the
// generator), which report and query read instead of inputs.
bool is_graph_json(const std::string& path);

}  // namespace evgraph::cli
