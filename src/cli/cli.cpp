// The command table and the one place where errors become exit codes.
#include "evgraph/cli.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <sstream>

#include "cli/read_inputs.hpp"
#include "evgraph/evgraph.hpp"

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

struct Streams {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
};

struct Options {
  std::vector<std::string> args;  // as given, for the inputs' --from and --map
  std::vector<std::string> inputs;
  std::vector<std::string> from;
  std::vector<std::string> maps;
  std::vector<std::string> outputs;
  std::string to;
  std::vector<std::string> lexicons;
  bool no_default_lexicon = false;
  bool strict = false;
};

struct Command {
  std::string_view name;
  std::string_view summary;
  void (*setup)(CLI::App&, Options&);
  int (*run)(const Options&, Streams&);
};

void add_input_options(CLI::App& app, Options& options) {
  app.add_option("inputs", options.inputs,
                 "Files and folders to read ('-' for stdin): answers (.txt .md), evidence JSON, "
                 "CSV/TSV, JSON Lines, CSL-JSON, BibTeX, RIS; folders are read recursively")
      ->required()
      ->type_name("INPUT");
  app.add_option("--from", options.from,
                 "Read the inputs after it as FORMAT: answer, perplexity-json, evidence-json, csv, "
                 "tsv, jsonl, csl-json, bibtex, ris, or auto (detect; the default)")
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
  app.add_flag("--strict", options.strict, "Treat warnings as errors (exit 1, write nothing)");
}

Lexicon load_lexicon(const Options& options) {
  Lexicon lexicon = options.no_default_lexicon ? Lexicon{} : default_lexicon();
  for (const std::string& path : options.lexicons)
    lexicon = lexicon.merged_with(read_lexicon(path));
  return lexicon;
}

struct Loaded {
  std::vector<Evidence> evidence;
  std::size_t warnings = 0;
};

bool takes_value(std::string_view option) {
  return option == "-o" || option == "--output" || option == "--to" || option == "--lexicon" ||
         option == "--from" || option == "--map";
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

// The inputs in command-line order, each with the --from and --map last given before it.
std::vector<InputSpec> input_specs(const std::vector<std::string>& args) {
  std::vector<InputSpec> specs;
  std::optional<InputFormat> format;
  FieldMap map;
  bool options_done = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_done || arg == "-" || !arg.starts_with('-')) {
      specs.push_back({arg, format, map});
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    const std::size_t equals = arg.find('=');
    const std::string name = arg.substr(0, equals);
    std::string value;
    if (equals != std::string::npos) {
      value = arg.substr(equals + 1);
    } else if (takes_value(arg) && i + 1 < args.size()) {
      value = args[++i];
    } else {
      continue;
    }
    if (name == "--from") format = parse_from(value);
    if (name == "--map") map = parse_map(value);
  }
  return specs;
}

std::string first_bytes(const fs::path& path, std::size_t count) {
  std::ifstream file(path, std::ios::binary);
  std::string head(count, '\0');
  file.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(file.gcount()));
  return head;
}

// A .json file in a folder is read only when it looks like an input (not a lexicon or an export).
bool is_input_json(const fs::path& path) {
  return sniff_json_format(first_bytes(path, 4096)).has_value();
}

// The files of evgraph's own csv and neo4j folder exports: their headers, and the README beside
// the Neo4j files.
bool is_own_export(const fs::path& path, std::string_view extension) {
  static constexpr std::string_view kHeaders[] = {"id,type,label,", "source,target,type",
                                                  "id:ID,:LABEL,", ":START_ID,:END_ID,:TYPE"};
  const std::string head = first_bytes(path, 64);
  if (extension == ".csv") {
    return std::any_of(std::begin(kHeaders), std::end(kHeaders),
                       [&](std::string_view header) { return head.starts_with(header); });
  }
  return extension == ".md" && head.starts_with("# Neo4j bulk import\n\nWritten by evgraph");
}

bool is_known_input(const fs::path& path) {
  static constexpr std::string_view kExtensions[] = {".txt",   ".md",     ".markdown", ".json",
                                                     ".jsonl", ".ndjson", ".csv",      ".tsv",
                                                     ".tab",   ".bib",    ".bibtex",   ".ris"};
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; });
  if (extension == ".json") return is_input_json(path);
  if (is_own_export(path, extension)) return false;
  return std::find(std::begin(kExtensions), std::end(kExtensions), extension) !=
         std::end(kExtensions);
}

// A folder becomes its files: recursive, sorted by path, hidden files and folders left out, files
// of unknown kinds counted and named on stderr.
void expand_folder(const InputSpec& folder, std::vector<InputSpec>& out, Streams& io) {
  std::vector<fs::path> files;
  std::vector<fs::path> skipped;
  fs::recursive_directory_iterator it(folder.path, fs::directory_options::skip_permission_denied);
  for (; it != fs::recursive_directory_iterator(); ++it) {
    const std::string name = it->path().filename().string();
    if (name.starts_with('.')) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file()) continue;
    (folder.format || is_known_input(it->path()) ? files : skipped).push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  std::sort(skipped.begin(), skipped.end());
  for (const fs::path& file : files)
    out.push_back({file.generic_string(), folder.format, folder.map});
  if (!skipped.empty()) {
    io.err << "evgraph: " << folder.path << ": skipped " << skipped.size()
           << " file(s) that are not inputs, e.g. " << skipped.front().generic_string() << '\n';
  }
}

std::vector<InputSpec> resolve_inputs(const Options& options, Streams& io) {
  std::vector<InputSpec> resolved;
  for (InputSpec& spec : input_specs(options.args)) {
    std::error_code error;
    if (spec.path != "-" && fs::is_directory(spec.path, error)) {
      expand_folder(spec, resolved, io);
    } else {
      resolved.push_back(std::move(spec));
    }
  }
  return resolved;
}

// Reads every input and prints its diagnostics, input by input.
Loaded load_inputs(const Options& options, Streams& io) {
  Loaded loaded;
  for (InputResult& result :
       read_inputs(resolve_inputs(options, io), load_lexicon(options), io.in)) {
    for (const Diagnostic& d : result.diagnostics) io.err << format_diagnostic(d) << '\n';
    loaded.warnings += result.diagnostics.size();
    loaded.evidence.push_back(std::move(result.evidence));
  }
  return loaded;
}

std::string summary(const EvidenceGraph& graph, std::size_t warnings) {
  std::map<NodeType, std::size_t> nodes;
  std::size_t cites = 0;
  std::size_t similar = 0;
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph.graph()))) {
    ++nodes[graph.node(v).type];
  }
  for (EdgeRef e : boost::make_iterator_range(boost::edges(graph.graph()))) {
    cites += graph.edge(e).type == EdgeType::cites;
    similar += graph.edge(e).type == EdgeType::similar_to;
  }
  std::ostringstream s;
  s << "evgraph: " << nodes[NodeType::document] << " document(s), " << nodes[NodeType::claim]
    << " claims, " << nodes[NodeType::source] << " sources, " << cites << " cites edges, "
    << similar << " similar_to edges, " << nodes[NodeType::population] << " populations, "
    << nodes[NodeType::intervention] << " interventions, " << nodes[NodeType::outcome]
    << " outcomes; " << warnings << " warning(s)";
  return s.str();
}

struct Output {
  std::string path;
  Format format;
};

std::string thousands(std::size_t n) {
  std::string digits = std::to_string(n);
  for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, ",");
  return digits;
}

// A diagram of a graph past kDotNodeLimit nodes is laid out with sfdp, not dot: said once a run.
void note_layout(const EvidenceGraph& graph, const std::vector<Output>& outputs, Streams& io) {
  const bool drawn = std::any_of(outputs.begin(), outputs.end(), [](const Output& output) {
    return output.format == Format::svg || output.format == Format::png ||
           output.format == Format::pdf || output.format == Format::html ||
           output.format == Format::graphology;
  });
  if (!drawn || layout_engine_for(graph) == "dot") return;
  io.err << "evgraph: note: " << thousands(graph.node_count()) << " nodes: laid out with "
         << layout_engine_for(graph) << " (dot is used up to " << thousands(kDotNodeLimit)
         << " nodes)\n";
}

// The folder a folder output names, without a trailing separator ("out/" is "out").
fs::path folder_path(const std::string& path) {
  fs::path folder = fs::path(path).lexically_normal();
  while (!folder.has_filename() && folder.has_parent_path() && folder != folder.parent_path()) {
    folder = folder.parent_path();
  }
  return folder;
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
    if (!format) {
      throw UsageError("cannot tell the format of '" + path + "' from its extension; use one of " +
                       format_names() + ", or --to FORMAT (--to csv or neo4j for a folder)");
    }
    check_target(path, *format, options.inputs, outputs);
    outputs.push_back({path, *format});
  }
  return outputs;
}

// Temporary files (or folders, for a folder format) beside their targets, renamed into place only
// when every output was written; removed otherwise.
class OutputFiles {
 public:
  ~OutputFiles() {
    std::error_code ignored;
    for (const auto& [temporary, target] : pending_) fs::remove_all(temporary, ignored);
  }

  void write(const EvidenceGraph& graph, const Output& output, std::ostream& stdout_stream) {
    if (output.path == "-") {
      evgraph::write(graph, output.format, stdout_stream);
      if (!stdout_stream.flush()) throw IoError("writing to stdout failed");
      return;
    }
    if (is_folder_format(output.format)) {
      write_folder(graph, output);
      return;
    }
    const fs::path target(output.path);
    fs::path temporary = target;
    temporary.replace_filename("." + target.filename().string() + ".evgraph-partial");
    pending_.emplace_back(temporary, target);
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    if (!file) throw IoError(output.path + ": cannot open for writing");
    evgraph::write(graph, output.format, file);
    file.close();
    if (!file) throw IoError(output.path + ": write failed");
  }

  // A folder replaces its target only while that is missing or empty (rename(2)).
  void commit() {
    for (const auto& [temporary, target] : pending_) fs::rename(temporary, target);
    pending_.clear();
  }

 private:
  void write_folder(const EvidenceGraph& graph, const Output& output) {
    const fs::path target = folder_path(output.path);
    fs::path temporary = target;
    temporary.replace_filename("." + target.filename().string() + ".evgraph-partial");
    std::error_code error;
    fs::remove_all(temporary, error);  // left over from a killed run
    if (!fs::create_directory(temporary, error)) {
      throw IoError(output.path + ": cannot create " + temporary.string() + ": " +
                    (error ? error.message() : "it exists"));
    }
    pending_.emplace_back(temporary, target);
    evgraph::write_folder(graph, output.format, temporary);
  }

  std::vector<std::pair<fs::path, fs::path>> pending_;
};

EvidenceGraph build_reporting(Loaded& loaded, Streams& io) {
  Diagnostics diagnostics;
  EvidenceGraph graph = build_graph(loaded.evidence, &diagnostics);
  for (const Diagnostic& d : diagnostics) io.err << format_diagnostic(d) << '\n';
  loaded.warnings += diagnostics.size();
  return graph;
}

int run_build(const Options& options, Streams& io) {
  const std::vector<Output> outputs = resolve_outputs(options);
  Loaded loaded = load_inputs(options, io);
  const EvidenceGraph graph = build_reporting(loaded, io);
  std::vector<Evidence>().swap(loaded.evidence);  // the graph holds it all now: free it early
  io.err << summary(graph, loaded.warnings) << '\n';
  if (options.strict && loaded.warnings > 0) {
    io.err << "evgraph: --strict: " << loaded.warnings << " warning(s); nothing written\n";
    return kFailed;
  }
  note_layout(graph, outputs, io);
  OutputFiles files;
  for (const Output& output : outputs) files.write(graph, output, io.out);
  files.commit();
  return kOk;
}

int run_check(const Options& options, Streams& io) {
  Loaded loaded = load_inputs(options, io);
  const EvidenceGraph graph = build_reporting(loaded, io);
  io.err << summary(graph, loaded.warnings) << '\n';
  return options.strict && loaded.warnings > 0 ? kFailed : kOk;
}

void add_output_options(CLI::App& app, Options& options) {
  app.add_option("-o,--output", options.outputs,
                 "Output file; the format comes from its extension (.json .cyjs .graphml .gexf "
                 ".mmd .dot .svg .png .pdf; .jgf.json .kumu.json .vosviewer.json); repeatable; '-' "
                 "for stdout with --to; a new or empty folder with --to csv or --to neo4j")
      ->required()
      ->type_name("OUT")
      ->allow_extra_args(false);
  app.add_option("--to", options.to, "Force the output format: " + format_names())
      ->type_name("FORMAT");
}

void setup_build(CLI::App& app, Options& options) {
  add_input_options(app, options);
  add_output_options(app, options);
}

void setup_check(CLI::App& app, Options& options) {
  add_input_options(app, options);
}

int run_convert(const Options& options, Streams& io) {
  if (options.inputs.size() != 1) throw UsageError("convert reads exactly one graph JSON");
  const std::vector<Output> outputs = resolve_outputs(options);
  const std::string& input = options.inputs.front();
  Diagnostics ignored;
  const Text text = input == "-" ? make_text("-",
                                             std::string(std::istreambuf_iterator<char>(io.in),
                                                         std::istreambuf_iterator<char>()),
                                             ignored)
                                 : read_text(input, ignored);
  const EvidenceGraph graph = read_graph_json(text);
  io.err << summary(graph, 0) << '\n';
  note_layout(graph, outputs, io);
  OutputFiles files;
  for (const Output& output : outputs) files.write(graph, output, io.out);
  files.commit();
  return kOk;
}

void setup_convert(CLI::App& app, Options& options) {
  app.add_option("input", options.inputs, "A graph JSON written by evgraph ('-' for stdin)")
      ->required()
      ->type_name("GRAPH.json");
  add_output_options(app, options);
}

constexpr Command kCommands[] = {
    {"build", "Turn answer texts into an evidence graph and write it as JSON, DOT or a diagram",
     setup_build, run_build},
    {"check", "Read answer texts and report what was found and every diagnostic; write nothing",
     setup_check, run_check},
    {"convert", "Re-export a graph JSON written by evgraph in another format, without its inputs",
     setup_convert, run_convert},
};

}  // namespace

int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
        std::ostream& err) {
  Streams io{in, out, err};
  CLI::App app{"evgraph — research evidence to a typed knowledge graph", "evgraph"};
  app.set_version_flag("--version", generator());
  app.footer(
      "Exit codes: 0 done (warnings allowed), 1 input/output error or any warning under --strict, "
      "2 usage error.\nDiagnostics: FILE:LINE:COL: warning: MESSAGE [code] on stderr.\n"
      "Example: evgraph build answer.txt -o answer.json -o answer.dot -o answer.svg");
  app.require_subcommand(1);
  Options options;
  std::vector<std::pair<CLI::App*, const Command*>> subcommands;
  for (const Command& command : kCommands) {
    CLI::App* sub = app.add_subcommand(std::string(command.name), std::string(command.summary));
    command.setup(*sub, options);
    subcommands.emplace_back(sub, &command);
  }
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e, out, err);
    return code == 0 ? kOk : kUsage;
  }
  try {
    for (const auto& [sub, command] : subcommands) {
      if (!sub->parsed()) continue;
      auto named = std::find(args.begin(), args.end(), command->name);
      if (named != args.end()) options.args.assign(named + 1, args.end());
      return command->run(options, io);
    }
    return kUsage;
  } catch (const UsageError& e) {
    err << "evgraph: error: " << e.what() << '\n';
    return kUsage;
  } catch (const InputError& e) {
    err << e.what() << '\n';
    return kFailed;
  } catch (const Error& e) {
    err << "evgraph: error: " << e.what() << '\n';
    return kFailed;
  } catch (const fs::filesystem_error& e) {
    err << "evgraph: error: " << e.what() << '\n';
    return kFailed;
  }
}

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return run(args, std::cin, std::cout, std::cerr);
}

}  // namespace evgraph::cli
