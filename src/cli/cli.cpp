// The command table and the one place where errors become exit codes.
#include "evgraph/cli.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

#include "cli/analysis_commands.hpp"
#include "cli/console.hpp"
#include "cli/diagnostic_report.hpp"
#include "cli/mistakes.hpp"
#include "cli/options.hpp"
#include "cli/output_files.hpp"
#include "evgraph/evgraph.hpp"
#include "input/binary_files.hpp"
#include "text/ascii.hpp"

namespace evgraph::cli {
namespace {

namespace fs = std::filesystem;

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;

class UsageError : public Error {
 public:
  using Error::Error;
};

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// --timings: one line per phase and output, then the total, printed when the command ends; each
// line ends with the process's peak resident memory so far. A benchmark script parses them: keep
// the format.
class Timings {
 public:
  explicit Timings(Clock::time_point start) : start_(start) {}

  void add(const std::string& what, double seconds, std::optional<std::uintmax_t> bytes = {}) {
    char text[64];
    std::snprintf(text, sizeof text, " %.3f s", seconds);
    lines_ += "evgraph: timing: " + what + text;
    if (bytes) lines_ += ' ' + std::to_string(*bytes) + " bytes";
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    lines_ += " peak-rss " + std::to_string(static_cast<std::uintmax_t>(usage.ru_maxrss) * 1024) +
              " bytes\n";
  }

  std::string report() {
    add("total", seconds_since(start_));
    return lines_;
  }

 private:
  Clock::time_point start_;
  std::string lines_;
};

struct Streams {
  std::istream& in;
  std::ostream& out;
  Console& err;  // stderr, shared with the progress line
  Timings& timings;
  bool process_exits = false;  // run(argc, argv): the process ends when the command returns
};

// When the process ends with the command, the graph is left for the system to reclaim at exit, all
// at once, rather than freed node by node (a tenth of a build's time); it stays reachable, so
// LeakSanitizer does not count it. In-process runs (tests) free it as usual.
void release(EvidenceGraph&& graph, const Streams& io) {
  if (!io.process_exits) return;
  static auto* const kept = new std::vector<EvidenceGraph>;
  kept->push_back(std::move(graph));
}

struct Command {
  std::string_view name;
  std::string_view summary;
  void (*setup)(CLI::App&, Options&);
  int (*run)(const Options&, Streams&);
};

Lexicon load_lexicon(const Options& options) {
  Lexicon lexicon = options.no_default_lexicon ? Lexicon{} : default_lexicon();
  for (const std::string& path : options.lexicons)
    lexicon = lexicon.merged_with(read_lexicon(path));
  return lexicon;
}

std::optional<InputFormat> parse_from(const std::string& name) {
  if (name == "auto") return std::nullopt;
  if (auto format = input_format_from_name(name)) return format;
  std::string known;
  for (InputFormat format : kInputFormats) known += std::string(to_string(format)) + ", ";
  throw UsageError("unknown input format '" + name + "' for --from; known: " + known + "auto");
}

FieldMap parse_map(const std::string& spec) {
  try {
    return parse_field_map(spec);
  } catch (const Error& e) {
    throw UsageError(e.what());
  }
}

// The inputs of the command `app` in command-line order, each with the --from and --map last given
// before it: CLI11 keeps every option's values, and the order they came in.
std::vector<InputSpec> input_specs(const CLI::App& app) {
  const CLI::Option* const inputs = app.get_option("inputs");
  const CLI::Option* const from = app.get_option("--from");
  const CLI::Option* const map = app.get_option("--map");
  std::size_t next_input = 0;
  std::size_t next_from = 0;
  std::size_t next_map = 0;
  std::vector<InputSpec> specs;
  std::optional<InputFormat> format;
  FieldMap fields;
  for (const CLI::Option* option : app.parse_order()) {
    if (option == inputs) {
      specs.push_back({inputs->results().at(next_input++), format, fields});
    } else if (option == from) {
      format = parse_from(from->results().at(next_from++));
    } else if (option == map) {
      fields = parse_map(map->results().at(next_map++));
    }
  }
  return specs;
}

// An absolute input path as the same file relative to the current folder: the graph and the
// outputs one publishes show it so, never the folders of the machine they were built on. The
// folders are resolved (symbolic links included), the file's own name is kept as given.
std::string relative_to_current(const std::string& path) {
  const fs::path given(path);
  if (path == "-" || !given.is_absolute()) return path;
  std::error_code error;
  const fs::path folder = fs::weakly_canonical(given.parent_path(), error);
  const fs::path here = fs::current_path(error);
  if (error) return path;
  const fs::path relative = (folder / given.filename()).lexically_relative(here);
  return relative.empty() ? path : relative.generic_string();
}

// The files a folder holds that are not inputs: one line for those of unknown kinds, one for
// each binary file (a PDF, an image…) saying what to give instead.
void report_skipped(const FoundInputs::Skipped& skipped, Streams& io) {
  std::vector<std::string> unknown;
  for (const std::string& file : skipped.files) {
    std::ifstream in(file, std::ios::binary);
    std::string head(detail::kBinaryHeadBytes, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (const auto kind = detail::binary_file_kind(head)) {
      io.err.print("evgraph: " + file + ": skipped: " + detail::binary_file_message(*kind) + '\n');
    } else {
      unknown.push_back(file);
    }
  }
  if (unknown.empty()) return;
  io.err.print("evgraph: " + skipped.folder + ": skipped " + std::to_string(unknown.size()) +
               " file(s) that are not inputs, e.g. " + unknown.front() + '\n');
}

// The inputs of the command line, folders expanded; the files a folder holds that are not inputs
// are told on stderr (and are an error under --strict); a folder holding no input is an error
// unless --allow-empty.
std::vector<InputSpec> resolve_inputs(const Options& options, Streams& io) {
  FoundInputs found;
  std::vector<std::string> empty;
  const auto command = std::find_if(options.input_commands.begin(), options.input_commands.end(),
                                    [](const CLI::App* app) { return app->parsed(); });
  if (command == options.input_commands.end()) return {};
  for (InputSpec& spec : input_specs(**command)) {
    const std::string given = spec.path;
    FoundInputs one = find_inputs({std::move(spec)});
    std::error_code error;
    if (one.inputs.empty() && fs::is_directory(given, error)) empty.push_back(given);
    std::move(one.inputs.begin(), one.inputs.end(), std::back_inserter(found.inputs));
    std::move(one.skipped.begin(), one.skipped.end(), std::back_inserter(found.skipped));
  }
  std::size_t skipped_files = 0;
  for (const FoundInputs::Skipped& skipped : found.skipped) {
    skipped_files += skipped.files.size();
    if (!options.quiet || options.strict || !empty.empty()) report_skipped(skipped, io);
  }
  for (const std::string& folder : empty) {
    if (options.allow_empty) {
      if (!options.quiet) io.err.print("evgraph: note: " + folder + ": no file is an input\n");
      continue;
    }
    throw Error(folder +
                ": no file in this folder is an input evgraph can read (answers .txt "
                "or .md, API responses .json, CSV/TSV, JSON Lines, CSL-JSON, BibTeX, RIS); "
                "--allow-empty gives an empty graph instead");
  }
  if (options.strict && skipped_files > 0) {
    throw Error("--strict: " + std::to_string(skipped_files) +
                " file(s) in the folders given are not inputs (above); nothing written");
  }
  if (!options.absolute_paths) {
    for (InputSpec& input : found.inputs) input.path = relative_to_current(input.path);
  }
  return std::move(found.inputs);
}

// The inputs' total size, for the progress line's ETA (stdin counts 0).
std::uintmax_t total_bytes(const std::vector<InputSpec>& inputs) {
  std::uintmax_t bytes = 0;
  for (const InputSpec& input : inputs) {
    std::error_code error;
    const std::uintmax_t size = input.path == "-" ? 0 : fs::file_size(input.path, error);
    if (!error) bytes += size;
  }
  return bytes;
}

// "conversations.json: read as ChatGPT export, 3 conversations, 7 assistant messages, 41 claims,
// 17 sources": what an input was read as (what its reader recognised, else its format), and the
// claims and distinct sources of all its documents.
std::string read_as_line(const std::string& path, const std::vector<Evidence>& documents) {
  std::size_t claims = 0;
  std::set<std::string> sources;
  for (const Evidence& evidence : documents) {
    claims += evidence.claims.size();
    for (const SourceRecord& source : evidence.sources) sources.insert(source.identity.id());
  }
  std::string as = "nothing";
  if (!documents.empty()) {
    as = documents.front().recognised.empty() ? documents.front().format
                                              : documents.front().recognised;
  }
  return path + ": read as " + as + ", " + thousands(claims) +
         (claims == 1 ? " claim, " : " claims, ") + thousands(sources.size()) +
         (sources.size() == 1 ? " source" : " sources") + '\n';
}

std::string summary(const EvidenceGraph& graph, std::size_t warnings, std::size_t hidden = 0) {
  std::map<NodeType, std::size_t> nodes;
  std::size_t cites = 0;
  std::size_t similar = 0;
  std::size_t conflicts = 0;
  const Graph& g = graph.graph();
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) ++nodes[g.type(v)];
  for (EdgeRef e : boost::make_iterator_range(boost::edges(g))) {
    cites += g.type(e) == EdgeType::cites;
    similar += g.type(e) == EdgeType::similar_to;
    conflicts += g.type(e) == EdgeType::conflicts_with;
  }
  const auto count = [](std::size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + ' ' + std::string(n == 1 ? one : many);
  };
  std::ostringstream s;
  s << "evgraph: " << nodes[NodeType::document] << " document(s), ";
  if (const std::size_t answers = nodes[NodeType::answer]; answers > 0) {
    s << count(answers, "answer", "answers") << ", ";
  }
  s << count(nodes[NodeType::claim], "claim", "claims") << ", "
    << count(nodes[NodeType::source], "source", "sources") << ", "
    << count(cites, "cites edge", "cites edges") << ", "
    << count(similar, "similar_to edge", "similar_to edges") << ", ";
  if (conflicts > 0) s << count(conflicts, "conflicts_with edge", "conflicts_with edges") << ", ";
  s << count(nodes[NodeType::population], "population", "populations") << ", "
    << count(nodes[NodeType::intervention], "intervention", "interventions") << ", "
    << count(nodes[NodeType::outcome], "outcome", "outcomes") << "; " << warnings << " warning(s)";
  if (hidden > 0) s << ", " << hidden << " not shown";
  s << '\n';
  return s.str();
}

// A diagram of a graph past kDotNodeLimit nodes is laid out with sfdp, not dot: said once a run.
// Past this many nodes a drawing of the full graph gets a note that the summary view exists.
constexpr std::size_t kSummaryHint = 1000;

void note_layout(const EvidenceGraph& graph, const std::vector<Output>& outputs,
                 const Options& options, Streams& io) {
  const bool drawn = std::any_of(outputs.begin(), outputs.end(), [](const Output& output) {
    return output.format == Format::svg || output.format == Format::png ||
           output.format == Format::pdf || output.format == Format::html ||
           output.format == Format::graphology;
  });
  if (options.quiet || !drawn) return;
  if (options.view == "full" && graph.node_count() > kSummaryHint) {
    io.err.print("evgraph: note: " + thousands(graph.node_count()) +
                 " nodes are hard to read in one drawing; --view summary draws the populations, "
                 "interventions and outcomes, joined as widely as the works behind them\n");
  }
  if (layout_engine_for(graph) == "dot") return;
  io.err.print("evgraph: note: " + thousands(graph.node_count()) + " nodes: laid out with " +
               std::string(layout_engine_for(graph)) + " (dot is used up to " +
               thousands(kDotNodeLimit) + " nodes)\n");
}

// Refuses, before anything is read or written, an output that would overwrite an input, that is a
// folder (for a file format) or a file or non-empty folder (for a folder format), or that another
// -o already names.
void check_target(const std::string& path, Format format, const std::vector<std::string>& inputs,
                  const std::vector<Output>& earlier) {
  std::error_code error;
  if (is_folder_format(format)) {
    if (path == "-") {
      throw UsageError("-o -: " + std::string(to_string(format)) +
                       " writes a folder, not stdout: use -o DIR");
    }
    const fs::path folder = folder_path(path);
    if (folder.filename() == "." || folder.filename() == "..") {
      throw UsageError("-o " + path + ": name a new or empty folder by its name");
    }
    if (fs::exists(folder, error) && !fs::is_directory(folder, error)) {
      throw UsageError("-o " + path + ": is a file; " + std::string(to_string(format)) +
                       " writes a folder: name a new or empty folder");
    }
    if (fs::is_directory(folder, error) && !fs::is_empty(folder, error)) {
      throw UsageError("-o " + path + ": folder is not empty; name a new or empty folder");
    }
  } else {
    if (path == "-") return;
    if (fs::is_directory(path, error)) throw UsageError("-o " + path + ": is a folder");
  }
  for (const Output& other : earlier) {
    if (other.path == path || folder_path(other.path) == folder_path(path) ||
        fs::equivalent(other.path, path, error)) {
      throw UsageError("-o " + path + " is named twice");
    }
  }
  for (const std::string& input : inputs) {
    if (input == path || fs::equivalent(input, path, error)) {
      throw UsageError("-o " + path + " would overwrite the input " + input);
    }
  }
}

// Whether `path` names a folder: an existing one, or a trailing separator.
bool names_folder(const std::string& path) {
  std::error_code error;
  return fs::is_directory(path, error) || !fs::path(path).has_filename();
}

// -o PATH --to FOLDER-FORMAT where PATH has a file format's extension ("x.json --to csv"): the
// user means a file, and would get a folder called "x.json".
void check_folder_name(const std::string& path, Format format) {
  const fs::path folder = folder_path(path);
  const std::optional<Format> named = format_from_path(folder);
  if (!named) return;
  const std::string to(to_string(format));
  throw UsageError("-o " + path + " --to " + to + ": " + to + " writes a folder, but '" +
                   folder.filename().string() + "' is named like a " +
                   std::string(to_string(*named)) + " file: name the folder without that " +
                   "extension (-o " + fs::path(folder).replace_extension().string() + "/ --to " +
                   to + "), or leave out --to for a " + std::string(to_string(*named)) + " file");
}

std::vector<Output> resolve_outputs(const Options& options) {
  std::optional<Format> forced;
  if (!options.to.empty()) {
    forced = format_from_name(options.to);
    if (!forced) {
      throw UsageError("unknown format '" + options.to + "' for --to; known: " + format_names());
    }
  }
  std::vector<Output> outputs;
  for (const std::string& path : options.outputs) {
    std::optional<Format> format = forced;
    if (!format && path == "-") {
      throw UsageError("-o - writes to stdout: name its format with --to (" + format_names() + ")");
    }
    if (!format) format = format_from_path(path);
    if (!format && names_folder(path)) {
      throw UsageError("-o " + path +
                       " names a folder, which has no extension to tell its format: name it with "
                       "--to csv or --to neo4j");
    }
    const fs::path as_path(path);
    if (!format && as_path.has_extension()) {
      if (auto named = format_from_name(as_path.extension().string().substr(1));
          named && is_folder_format(*named)) {
        throw UsageError("-o " + path + ": " + std::string(to_string(*named)) +
                         " writes a folder, not a file; name the folder with --to " +
                         std::string(to_string(*named)));
      }
    }
    if (!format && as_path.has_extension()) {
      const std::string extension = as_path.extension().string();
      throw UsageError("-o " + path + ": unknown extension '" + extension + "'" +
                       did_you_mean(extension, output_extensions()) +
                       " (or name the format with --to FORMAT)");
    }
    if (!format) {
      throw UsageError("cannot tell the format of '" + path + "' from its extension; use one of " +
                       format_names() + ", or --to FORMAT (--to csv or neo4j for a folder)");
    }
    if (forced && is_folder_format(*format)) check_folder_name(path, *format);
    check_target(path, *format, options.inputs, outputs);
    outputs.push_back(
        {path, *format, options.csv_safe ? CsvCells::spreadsheet_safe : CsvCells::as_written});
  }
  return outputs;
}

// The --diagnostics file: a file path that no input or output names.
void check_diagnostics_target(const Options& options, const std::vector<Output>& outputs) {
  if (options.diagnostics.empty()) return;
  if (options.diagnostics == "-") {
    throw UsageError(
        "--diagnostics -: name a file (.jsonl or .ndjson for JSON Lines); stderr "
        "shows every diagnostic with --max-warnings 0");
  }
  if (names_folder(options.diagnostics)) {
    throw UsageError("--diagnostics " + options.diagnostics + ": is a folder; name a file");
  }
  check_target(options.diagnostics, Format::json, options.inputs, outputs);
}

// The run's diagnostics report, writing the --diagnostics file (if any) to a temporary `files`
// renames into place.
DiagnosticReport make_report(const Options& options, OutputFiles& files, Streams& io) {
  if (options.diagnostics.empty()) return DiagnosticReport(io.err, options.max_warnings);
  return DiagnosticReport(io.err, options.max_warnings, options.diagnostics,
                          files.stage(options.diagnostics));
}

// Reads the inputs and builds their graph as they are read (build_from_inputs), reporting what
// each input was read as and its diagnostics, input by input, then the build's own diagnostics.
// The "read" timing covers reading and adding every input; "build" what follows (similar claims).
EvidenceGraph read_and_build(const Options& options, Streams& io, DiagnosticReport& report) {
  Clock::time_point start = Clock::now();
  const std::vector<InputSpec> inputs = resolve_inputs(options, io);
  const Lexicon lexicon = load_lexicon(options);
  ReadProgress& progress = io.err.reading(
      inputs.size(), io.err.shows_progress() ? total_bytes(inputs) : std::uintmax_t{0});
  Diagnostics build_diagnostics;
  GraphBuilder builder(&build_diagnostics);
  build_from_inputs(builder, inputs, lexicon, {&io.in, 0, &progress, 0, options.limits},
                    [&](std::size_t i, const InputResult& result) {
                      if (!options.quiet)
                        io.err.print(read_as_line(inputs[i].path, result.documents));
                      report.add(result.diagnostics);
                    });
  io.err.idle();
  io.timings.add("read", seconds_since(start), progress.bytes.load());
  start = Clock::now();
  io.err.building();
  EvidenceGraph graph = builder.finish();
  io.err.idle();
  io.timings.add("build", seconds_since(start));
  report.add(build_diagnostics);
  report.close();
  return graph;
}

// The notes on diagnostics not shown, then the summary line; none with --quiet.
void print_summary(const EvidenceGraph& graph, const DiagnosticReport& report,
                   const Options& options, Streams& io) {
  if (options.quiet) return;
  io.err.print(report.notes() + summary(graph, report.count(), report.hidden()));
}

void write_outputs(const EvidenceGraph& graph, const std::vector<Output>& outputs,
                   OutputFiles& files, Streams& io) {
  WriteProgress& progress = io.err.writing(outputs);
  const std::vector<Written> written = files.write_all(graph, outputs, io.out, 0, &progress);
  io.err.idle();
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    io.timings.add("write " + outputs[i].path, written[i].seconds, written[i].bytes);
  }
}

// The filter the options describe; a --types name that is no node type is a usage error.
GraphFilter filter_of(const Options& options) {
  GraphFilter filter = options.filter;
  std::string_view rest = options.filter_types;
  while (!rest.empty()) {
    const std::size_t comma = std::min(rest.find(','), rest.size());
    const std::string name(ascii::trimmed(rest.substr(0, comma)));
    rest.remove_prefix(std::min(comma + 1, rest.size()));
    if (name.empty()) continue;
    const std::optional<NodeType> type = node_type_from_string(name);
    if (!type) {
      std::vector<std::string> known;
      for (NodeType each : kNodeTypes) known.emplace_back(to_string(each));
      throw UsageError("--types: unknown node type '" + name +
                       "' (known: document, claim, source, population, intervention, outcome, "
                       "answer)" +
                       did_you_mean(name, known));
    }
    filter.types.push_back(*type);
  }
  return filter;
}

// The part of the graph the outputs show, with a note of how much that is; then the summary view
// of it, and its measures, when asked.
EvidenceGraph filtered(EvidenceGraph graph, const GraphFilter& filter, const Options& options,
                       Streams& io) {
  if (!filter.empty()) {
    const Clock::time_point start = Clock::now();
    EvidenceGraph kept = filter_graph(graph, filter);
    io.timings.add("filter", seconds_since(start));
    if (!options.quiet) {
      io.err.print("evgraph: the outputs show " + std::to_string(kept.node_count()) + " of " +
                   std::to_string(graph.node_count()) + " nodes and " +
                   std::to_string(kept.edge_count()) + " of " + std::to_string(graph.edge_count()) +
                   " edges\n");
    }
    graph = std::move(kept);
  }
  if (options.view == "summary") {
    const Clock::time_point start = Clock::now();
    EvidenceGraph summary = summary_graph(graph);
    io.timings.add("summary", seconds_since(start));
    if (!options.quiet) {
      std::size_t claims = 0;
      for (Vertex v : boost::make_iterator_range(boost::vertices(graph.graph()))) {
        claims += graph.graph().type(v) == NodeType::claim;
      }
      io.err.print("evgraph: summary view of " + thousands(claims) +
                   (claims == 1 ? " claim: " : " claims: ") + thousands(summary.node_count()) +
                   " concepts and " + thousands(summary.edge_count()) + " evidence edges\n");
    }
    graph = std::move(summary);
  }
  if (options.measures) {
    const Clock::time_point start = Clock::now();
    graph.set_measures(node_measures(graph));
    io.timings.add("measures", seconds_since(start));
    if (!options.quiet && graph.node_count() > kBetweennessLimit) {
      io.err.print("evgraph: note: " + thousands(graph.node_count()) +
                   " nodes: betweenness is computed up to " + thousands(kBetweennessLimit) +
                   " nodes and is left out of the measures\n");
    }
  }
  return graph;
}

int run_build(const Options& options, Streams& io) {
  const std::vector<Output> outputs = resolve_outputs(options);
  const GraphFilter filter = filter_of(options);
  check_diagnostics_target(options, outputs);
  OutputFiles files;
  DiagnosticReport report = make_report(options, files, io);
  EvidenceGraph graph = read_and_build(options, io, report);
  print_summary(graph, report, options, io);
  if (options.strict && report.count() > 0) {
    files.commit();  // the --diagnostics file only
    io.err.print("evgraph: --strict: " + std::to_string(report.count()) +
                 " warning(s); nothing written\n");
    release(std::move(graph), io);
    return kFailed;
  }
  graph = filtered(std::move(graph), filter, options, io);
  note_layout(graph, outputs, options, io);
  write_outputs(graph, outputs, files, io);
  files.commit();
  release(std::move(graph), io);
  return kOk;
}

int run_check(const Options& options, Streams& io) {
  check_diagnostics_target(options, {});
  OutputFiles files;
  DiagnosticReport report = make_report(options, files, io);
  EvidenceGraph graph = read_and_build(options, io, report);
  print_summary(graph, report, options, io);
  files.commit();
  release(std::move(graph), io);
  return options.strict && report.count() > 0 ? kFailed : kOk;
}

void setup_build(CLI::App& app, Options& options) {
  add_input_options(app, options);
  add_output_options(app, options);
  add_filter_options(app, options);
  add_run_options(app, options);
}

void setup_check(CLI::App& app, Options& options) {
  add_input_options(app, options);
  add_run_options(app, options);
}

// A graph JSON read back, with its warnings (a stance or certainty outside the vocabulary) on
// stderr as build prints its own, then the summary line.
EvidenceGraph read_graph_file(const std::string& name, const std::string& bytes,
                              const Options& options, Streams& io) {
  Diagnostics ignored;
  Diagnostics diagnostics;
  EvidenceGraph graph = read_graph_json(make_text(name, bytes, ignored), diagnostics);
  DiagnosticReport report(io.err, options.max_warnings);
  report.add(diagnostics);
  if (!options.quiet) {
    io.err.print(report.notes() + summary(graph, report.count(), report.hidden()));
  }
  return graph;
}

int run_convert(const Options& options, Streams& io) {
  if (options.inputs.size() != 1) throw UsageError("convert reads exactly one graph JSON");
  const std::vector<Output> outputs = resolve_outputs(options);
  const GraphFilter filter = filter_of(options);
  const Clock::time_point start = Clock::now();
  const std::string& input = options.inputs.front();
  const std::string bytes = input == "-" ? std::string(std::istreambuf_iterator<char>(io.in),
                                                       std::istreambuf_iterator<char>())
                                         : read_file(input);
  EvidenceGraph graph = read_graph_file(input, bytes, options, io);
  io.timings.add("read", seconds_since(start), bytes.size());
  graph = filtered(std::move(graph), filter, options, io);
  note_layout(graph, outputs, options, io);
  OutputFiles files;
  write_outputs(graph, outputs, files, io);
  files.commit();
  return kOk;
}

void setup_convert(CLI::App& app, Options& options) {
  app.add_option("input", options.inputs, "A graph JSON written by evgraph ('-' for stdin)")
      ->required()
      ->type_name("GRAPH.json");
  add_output_options(app, options);
  add_filter_options(app, options);
  add_run_options(app, options);
}

// The lexicon in use (built-in, then each --lexicon file) as JSON that --lexicon reads back.
int run_lexicon(const Options& options, Streams& io) {
  if (options.outputs.size() > 1) throw UsageError("lexicon writes one file: give -o once");
  const std::string text = to_json(load_lexicon(options));
  const std::string target = options.outputs.empty() ? "-" : options.outputs.front();
  if (target == "-") {
    io.out << text;
    io.out.flush();
    if (!io.out) throw IoError("stdout: write failed");
    return kOk;
  }
  if (names_folder(target)) throw UsageError("-o " + target + ": is a folder; name a file");
  for (const std::string& path : options.lexicons) {
    std::error_code error;
    if (path == target || fs::equivalent(path, target, error)) {
      throw UsageError("-o " + target + " would overwrite the lexicon " + path);
    }
  }
  OutputFiles files;
  const fs::path staged = files.stage(target);
  std::ofstream file(staged, std::ios::binary | std::ios::trunc);
  file << text;
  file.close();
  if (!file) throw IoError(target + ": write failed");
  files.commit();
  return kOk;
}

void setup_lexicon(CLI::App& app, Options& options) {
  app.add_option("--lexicon", options.lexicons,
                 "Lexicon JSON adding to (or, with --no-default-lexicon, replacing) the built-in "
                 "one; repeatable, later files win")
      ->type_name("FILE")
      ->allow_extra_args(false);
  app.add_flag("--no-default-lexicon", options.no_default_lexicon,
               "Use only the lexicons given with --lexicon");
  app.add_option("-o,--output", options.outputs,
                 "Write the JSON to FILE instead of stdout ('-' for stdout)")
      ->type_name("FILE")
      ->allow_extra_args(false);
  app.footer(
      "Prints the lexicon that build and check would use with the same --lexicon and "
      "--no-default-lexicon options, as JSON in the form --lexicon reads: {\"concepts\": "
      "[{\"name\", \"type\", \"slug\" (when not the name's), \"synonyms\"}]}. A synonym that a "
      "later file gives to another concept is left out of the earlier one.\n"
      "Example: evgraph lexicon > my-lexicon.json; edit it; evgraph build --no-default-lexicon "
      "--lexicon my-lexicon.json answer.txt -o answer.json");
}

// ---- report and query (cli/analysis_commands.cpp): the graph read as build reads its inputs, or
// from one graph JSON that evgraph wrote.

EvidenceGraph load_graph(const Options& options, Streams& io) {
  if (std::any_of(options.inputs.begin(), options.inputs.end(), is_graph_json)) {
    if (options.inputs.size() != 1) {
      throw UsageError("a graph JSON is read alone: give it as the only input");
    }
    const Clock::time_point start = Clock::now();
    const std::string bytes = read_file(options.inputs.front());
    EvidenceGraph graph = read_graph_file(options.inputs.front(), bytes, options, io);
    io.timings.add("read", seconds_since(start), bytes.size());
    return graph;
  }
  OutputFiles files;
  DiagnosticReport report = make_report(options, files, io);
  EvidenceGraph graph = read_and_build(options, io, report);
  print_summary(graph, report, options, io);
  files.commit();
  if (options.strict && report.count() > 0) {
    throw Error("--strict: " + std::to_string(report.count()) + " warning(s)");
  }
  return graph;
}

void setup_report(CLI::App& app, Options& options) {
  add_input_options(app, options);
  add_report_options(app, options.analysis);
  add_run_options(app, options);
}

int run_report(const Options& options, Streams& io) {
  try {
    check_diagnostics_target(options, {});
    check_report_outputs(options.analysis, options.inputs);
    return run_report_command(load_graph(options, io), options.analysis, io.out);
  } catch (const AnalysisUsageError& e) {
    throw UsageError(e.what());
  }
}

void setup_query(CLI::App& app, Options& options) {
  add_query_subcommands(app, options.analysis, [&options](CLI::App& sub) {
    add_input_options(sub, options);
    add_run_options(sub, options);
  });
}

int run_query(const Options& options, Streams& io) {
  try {
    check_diagnostics_target(options, {});
    return run_query_command(load_graph(options, io), options.analysis, io.out);
  } catch (const AnalysisUsageError& e) {
    throw UsageError(e.what());
  }
}

constexpr Command kCommands[] = {
    {"build", "Turn answer texts into an evidence graph and write it as JSON, DOT or a diagram",
     setup_build, run_build},
    {"check", "Read answer texts and report what was found and every diagnostic; write nothing",
     setup_check, run_check},
    {"convert", "Re-export a graph JSON written by evgraph in another format, without its inputs",
     setup_convert, run_convert},
    {"lexicon", "Print the lexicon in use (built-in and --lexicon files) as JSON one can edit",
     setup_lexicon, run_lexicon},
    {"report", "Summarise the evidence: counts, most-cited sources, gap maps, quality problems",
     setup_report, run_report},
    {"query", "Ask the graph: shortest chains between two nodes, a node's neighbours, search",
     setup_query, run_query},
};

// run() with `terminal`: whether stderr is a terminal (then the progress line may be drawn), and
// `process_exits`: whether the process ends when the command returns.
int run_command(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
                std::ostream& err, bool terminal, bool process_exits) {
  const Clock::time_point start = Clock::now();
  CLI::App app{"evgraph — research evidence to a typed knowledge graph", "evgraph"};
  app.set_version_flag("--version", generator());
  app.footer(
      "Exit codes: 0 done (warnings allowed), 1 input/output error (a binary file, a folder "
      "with no input) or any warning under --strict, 2 usage error.\nDiagnostics: FILE:LINE:COL: "
      "warning: MESSAGE [code] on stderr, at most "
      "--max-warnings of each code; all of them with --diagnostics FILE.\n"
      "Example: evgraph build answer.txt -o answer.json -o answer.dot -o answer.svg");
  app.require_subcommand(1);
  Options options;
  std::vector<std::pair<CLI::App*, const Command*>> subcommands;
  for (const Command& command : kCommands) {
    CLI::App* sub = app.add_subcommand(std::string(command.name), std::string(command.summary));
    command.setup(*sub, options);
    subcommands.emplace_back(sub, &command);
  }
  if (const auto mistake = command_line_mistake(app, args)) {
    err << "evgraph: error: " << *mistake << "\nRun with --help for more information.\n";
    return kUsage;
  }
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e, out, err);
    return code == 0 ? kOk : kUsage;
  }
  Console console(err, terminal && !options.quiet, start);
  Timings timings(start);
  Streams io{in, out, console, timings, process_exits};
  auto fail = [&](const std::string& message, int code) {
    console.print(message + '\n');
    return code;
  };
  try {
    for (const auto& [sub, command] : subcommands) {
      if (!sub->parsed()) continue;
      const int code = command->run(options, io);
      if (options.timings) console.print(timings.report());
      return code;
    }
    return kUsage;
  } catch (const UsageError& e) {
    return fail("evgraph: error: " + std::string(e.what()), kUsage);
  } catch (const InputError& e) {
    return fail(e.what(), kFailed);
  } catch (const Error& e) {
    return fail("evgraph: error: " + std::string(e.what()), kFailed);
  } catch (const fs::filesystem_error& e) {
    return fail("evgraph: error: " + std::string(e.what()), kFailed);
  }
}

}  // namespace

int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
        std::ostream& err) {
  return run_command(args, in, out, err, false, false);
}

int run(int argc, char** argv) {
  // An output past the file-size limit (ulimit -f) fails its write with EFBIG, reported with its
  // path, instead of killing the process without a word.
  std::signal(SIGXFSZ, SIG_IGN);
  std::vector<std::string> args(argv + 1, argv + argc);
  return run_command(args, std::cin, std::cout, std::cerr, isatty(STDERR_FILENO) == 1, true);
}

}  // namespace evgraph::cli
