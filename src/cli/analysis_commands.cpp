// `evgraph report` and `evgraph query` once the graph is built.
#include "cli/analysis_commands.hpp"

#include <filesystem>
#include <fstream>
#include <functional>

#include "cli/output_files.hpp"
#include "evgraph/analysis.hpp"

namespace evgraph::cli {
namespace {

namespace fs = std::filesystem;

enum class ReportFile { text, markdown, html, json, gap_csv, gap_svg, gap_eppi };

bool ends_with(const std::string& text, std::string_view end) {
  return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

std::optional<ReportFile> report_file(const std::string& path) {
  std::string lower = path;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ends_with(lower, ".eppi.json")) return ReportFile::gap_eppi;
  if (ends_with(lower, ".json")) return ReportFile::json;
  if (ends_with(lower, ".md") || ends_with(lower, ".markdown")) return ReportFile::markdown;
  if (ends_with(lower, ".html") || ends_with(lower, ".htm")) return ReportFile::html;
  if (ends_with(lower, ".txt")) return ReportFile::text;
  if (ends_with(lower, ".csv")) return ReportFile::gap_csv;
  if (ends_with(lower, ".svg")) return ReportFile::gap_svg;
  return std::nullopt;
}

std::optional<Vertex> concept_option(const EvidenceGraph& graph, const std::string& name,
                                     NodeType type, std::string_view option) {
  if (name.empty()) return std::nullopt;
  Vertex v = 0;
  try {
    v = resolve_node(graph, name);
  } catch (const Error& e) {
    throw AnalysisUsageError(std::string(option) + ": " + e.what());
  }
  if (graph.node(v).type != type) {
    throw AnalysisUsageError(
        std::string(option) + " " + name + ": " + std::string(graph.node(v).id) + " is a " +
        std::string(to_string(graph.node(v).type)) + ", not a " + std::string(to_string(type)));
  }
  return v;
}

// The map the gap-map files hold: --rows, else the one a filter was given for.
const GapMap& chosen_map(const Report& report, const AnalysisOptions& options) {
  if (options.rows == "intervention") return report.intervention_outcome;
  if (options.rows == "population") return report.population_outcome;
  if (!options.population.empty() && options.intervention.empty()) {
    return report.intervention_outcome;
  }
  return report.population_outcome;
}

void write_report_file(const EvidenceGraph& graph, const Report& report,
                       const AnalysisOptions& options, ReportFile kind, std::ostream& out) {
  switch (kind) {
    case ReportFile::text:
      return write_report_text(graph, report, out);
    case ReportFile::markdown:
      return write_report_markdown(graph, report, out);
    case ReportFile::html:
      return write_report_html(graph, report, out);
    case ReportFile::json:
      return write_report_json(graph, report, out);
    case ReportFile::gap_csv:
      return write_gap_csv(graph, chosen_map(report, options), out,
                           options.csv_safe ? CsvCells::spreadsheet_safe : CsvCells::as_written);
    case ReportFile::gap_svg:
      return write_gap_svg(graph, chosen_map(report, options), out);
    case ReportFile::gap_eppi:
      return write_gap_eppi_json(graph, chosen_map(report, options), out);
  }
}

}  // namespace

void add_report_options(CLI::App& app, AnalysisOptions& options) {
  app.add_option("-o,--output", options.outputs,
                 "Write to FILE instead of the terminal, the kind from its extension: .md "
                 "(Markdown report with the gap maps), .html (a printable page with the gap "
                 "maps as heatmaps), .json (report for machines), .txt (the "
                 "terminal text); the gap map alone as .csv (long form), .svg (heatmap) or "
                 ".eppi.json (EPPI-Reviewer JSON for EPPI-Mapper); repeatable")
      ->type_name("FILE")
      ->allow_extra_args(false);
  app.add_flag("--json", options.json, "Print the report as JSON instead of text");
  app.add_option("--rows", options.rows,
                 "Rows of the gap map written to .csv/.svg/.eppi.json: population (the default) "
                 "or intervention; columns are always outcomes")
      ->type_name("TYPE")
      ->allow_extra_args(false);
  app.add_option("--population", options.population,
                 "Only claims about this population (id or label) in the intervention × outcome "
                 "map")
      ->type_name("NAME")
      ->allow_extra_args(false);
  app.add_option("--intervention", options.intervention,
                 "Only claims about this intervention (id or label) in the population × outcome "
                 "map")
      ->type_name("NAME")
      ->allow_extra_args(false);
  app.add_flag("--csv-safe", options.csv_safe,
               "Write the gap map's CSV cells that a spreadsheet would take for a formula "
               "(beginning with =, +, -, @, tab or CR) with a leading '");
  app.add_option("--top", options.top, "List the N most-cited sources")
      ->type_name("N")
      ->default_val(10)
      ->allow_extra_args(false);
  app.footer(
      "Reads the inputs as build does (or one graph JSON that evgraph wrote) and prints counts, "
      "the most-cited sources, the population × outcome and intervention × outcome "
      "evidence-and-gap maps, the structure and the quality problems.\n"
      "Example: evgraph report answers/ -o report.md -o report.html -o gap.eppi.json");
}

void add_query_subcommands(CLI::App& app, AnalysisOptions& options,
                           const std::function<void(CLI::App&)>& add_inputs) {
  app.require_subcommand(1);
  CLI::App* path = app.add_subcommand(
      "path", "The shortest chains between two nodes, with the sources each claim cites");
  path->add_option("start", options.from, "Node id or label")->required()->type_name("FROM");
  path->add_option("end", options.to, "Node id or label")->required()->type_name("TO");
  path->add_option("--max", options.max_paths, "Print at most N chains")
      ->type_name("N")
      ->default_val(10)
      ->allow_extra_args(false);
  path->add_flag("--through-documents", options.through_documents,
                 "Let chains pass through documents (by default they do not: a document joins "
                 "every claim it makes)");
  path->footer("Example: evgraph query path \"Low-SES men\" Self-esteem answer.txt");
  CLI::App* neighbours = app.add_subcommand("neighbours", "A node's edges and the nodes they join");
  neighbours->alias("neighbors");
  neighbours->add_option("id", options.from, "Node id or label")->required()->type_name("ID");
  CLI::App* search = app.add_subcommand(
      "search", "Nodes whose text holds every word, folded as the HTML page's search folds it");
  search->add_option("text", options.from, "Words to find")->required()->type_name("TEXT");
  for (CLI::App* sub : {path, neighbours, search}) {
    sub->add_flag("--json", options.json, "Print JSON instead of text");
    add_inputs(*sub);
    const std::string verb = sub->get_name();
    sub->callback([&options, verb] { options.verb = verb; });
  }
}

void check_report_outputs(const AnalysisOptions& options, const std::vector<std::string>& inputs) {
  if (!options.rows.empty() && options.rows != "population" && options.rows != "intervention") {
    throw AnalysisUsageError("--rows " + options.rows + ": population or intervention");
  }
  for (std::size_t i = 0; i < options.outputs.size(); ++i) {
    const std::string& path = options.outputs[i];
    if (path == "-") throw AnalysisUsageError("-o -: the report goes to stdout without -o");
    if (!report_file(path)) {
      throw AnalysisUsageError(
          "cannot tell what to write to '" + path +
          "' from its extension; use .md, .html, .json or .txt for the report, "
          ".csv, .svg or .eppi.json for the gap map");
    }
    std::error_code error;
    if (fs::is_directory(path, error)) throw AnalysisUsageError("-o " + path + ": is a folder");
    for (std::size_t j = 0; j < i; ++j) {
      if (options.outputs[j] == path) throw AnalysisUsageError("-o " + path + " is named twice");
    }
    for (const std::string& input : inputs) {
      if (input == path || fs::equivalent(input, path, error)) {
        throw AnalysisUsageError("-o " + path + " would overwrite the input " + input);
      }
    }
  }
}

int run_report_command(const EvidenceGraph& graph, const AnalysisOptions& options,
                       std::ostream& out) {
  ReportOptions report_options;
  report_options.population =
      concept_option(graph, options.population, NodeType::population, "--population");
  report_options.intervention =
      concept_option(graph, options.intervention, NodeType::intervention, "--intervention");
  report_options.top = options.top;
  const Report result = report(graph, report_options);
  if (options.outputs.empty()) {
    write_report_file(graph, result, options, options.json ? ReportFile::json : ReportFile::text,
                      out);
    out.flush();
    if (!out) throw IoError("stdout: write failed");
    return 0;
  }
  OutputFiles files;
  for (const std::string& path : options.outputs) {
    const fs::path staged = files.stage(path);
    std::ofstream file(staged, std::ios::binary | std::ios::trunc);
    if (!file) throw IoError(path + ": cannot be written");
    write_report_file(graph, result, options, *report_file(path), file);
    file.close();
    if (!file) throw IoError(path + ": write failed");
  }
  files.commit();
  return 0;
}

int run_query_command(const EvidenceGraph& graph, const AnalysisOptions& options,
                      std::ostream& out) {
  auto resolve = [&](const std::string& name) {
    try {
      return resolve_node(graph, name);
    } catch (const Error& e) {
      throw AnalysisUsageError(e.what());
    }
  };
  int code = 0;
  if (options.verb == "path") {
    const Vertex from = resolve(options.from);
    const Vertex to = resolve(options.to);
    const std::vector<GraphPath> paths =
        shortest_paths(graph, from, to, options.max_paths, options.through_documents);
    if (options.json) {
      write_paths_json(graph, from, to, paths, out);
    } else if (paths.empty()) {
      out << "No chain joins " << graph.node(from).id << " and " << graph.node(to).id
          << (options.through_documents ? "" : " (without passing through a document)") << '\n';
    } else {
      write_paths_text(graph, paths, out);
    }
    code = paths.empty() ? 1 : 0;
  } else if (options.verb == "neighbours") {
    const Vertex node = resolve(options.from);
    const std::vector<PathStep> steps = neighbours(graph, node);
    if (options.json) {
      write_neighbours_json(graph, node, steps, out);
    } else {
      write_neighbours_text(graph, node, steps, out);
    }
  } else {
    const std::vector<Vertex> found = search_nodes(graph, options.from);
    if (options.json) {
      write_nodes_json(graph, found, out);
    } else {
      write_nodes_text(graph, found, out);
    }
    code = found.empty() ? 1 : 0;
  }
  out.flush();
  if (!out) throw IoError("stdout: write failed");
  return code;
}

bool is_graph_json(const std::string& path) {
  if (path == "-" || !ends_with(path, ".json")) return false;
  std::ifstream file(path, std::ios::binary);
  std::string head(512, '\0');
  file.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(file.gcount()));
  const std::size_t generator = head.find("\"generator\"");
  if (generator == std::string::npos || head.find("\"directed\"") == std::string::npos) {
    return false;
  }
  const std::size_t value = head.find_first_not_of(" \t\r\n:", generator + 11);
  return value != std::string::npos && head.compare(value, 9, "\"evgraph ") == 0;
}

}  // namespace evgraph::cli
