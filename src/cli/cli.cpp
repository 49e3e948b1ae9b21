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
  std::vector<std::string> inputs;
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
  app.add_option("inputs", options.inputs, "Answer text files to read ('-' for stdin)")
      ->required()
      ->type_name("INPUT");
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

// Reads every input and prints its diagnostics, input by input.
Loaded load_inputs(const Options& options, Streams& io) {
  Loaded loaded;
  for (InputResult& result : read_inputs(options.inputs, load_lexicon(options), io.in)) {
    for (const Diagnostic& d : result.diagnostics) io.err << format_diagnostic(d) << '\n';
    loaded.warnings += result.diagnostics.size();
    loaded.evidence.push_back(std::move(result.evidence));
  }
  return loaded;
}

std::string summary(const EvidenceGraph& graph, std::size_t warnings) {
  std::map<NodeType, std::size_t> nodes;
  std::size_t cites = 0;
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph.graph()))) {
    ++nodes[graph.node(v).type];
  }
  for (EdgeRef e : boost::make_iterator_range(boost::edges(graph.graph()))) {
    cites += graph.edge(e).type == EdgeType::cites;
  }
  std::ostringstream s;
  s << "evgraph: " << nodes[NodeType::document] << " document(s), " << nodes[NodeType::claim]
    << " claims, " << nodes[NodeType::source] << " sources, " << cites << " cites edges, "
    << nodes[NodeType::population] << " populations, " << nodes[NodeType::intervention]
    << " interventions, " << nodes[NodeType::outcome] << " outcomes; " << warnings << " warning(s)";
  return s.str();
}

struct Output {
  std::string path;
  Format format;
};

// Refuses, before anything is read or written, an output that would overwrite an input, that is a
// folder, or that another -o already names.
void check_target(const std::string& path, const std::vector<std::string>& inputs,
                  const std::vector<Output>& earlier) {
  if (path == "-") return;
  std::error_code error;
  if (fs::is_directory(path, error)) throw UsageError("-o " + path + ": is a folder");
  for (const Output& other : earlier) {
    if (other.path == path || fs::equivalent(other.path, path, error)) {
      throw UsageError("-o " + path + " is named twice");
    }
  }
  for (const std::string& input : inputs) {
    if (input == path || fs::equivalent(input, path, error)) {
      throw UsageError("-o " + path + " would overwrite the input " + input);
    }
  }
}

std::vector<Output> resolve_outputs(const Options& options) {
  std::optional<Format> forced;
  if (!options.to.empty()) {
    forced = format_from_name(options.to);
    if (!forced) {
      throw UsageError("unknown format '" + options.to +
                       "' for --to; known: json, dot, svg, png, pdf");
    }
  }
  std::vector<Output> outputs;
  for (const std::string& path : options.outputs) {
    std::optional<Format> format = forced;
    if (!format && path == "-") {
      throw UsageError(
          "-o - writes to stdout: name its format with --to (json, dot, svg, png, pdf)");
    }
    if (!format) format = format_from_path(path);
    if (!format) {
      throw UsageError("cannot tell the format of '" + path +
                       "' from its extension; use .json, .dot, .svg, .png or .pdf, or --to FORMAT");
    }
    check_target(path, options.inputs, outputs);
    outputs.push_back({path, *format});
  }
  return outputs;
}

// Temporary files beside their targets, renamed into place only when every output was written.
class OutputFiles {
 public:
  ~OutputFiles() {
    std::error_code ignored;
    for (const auto& [temporary, target] : pending_) fs::remove(temporary, ignored);
  }

  void write(const EvidenceGraph& graph, const Output& output, std::ostream& stdout_stream) {
    if (output.path == "-") {
      evgraph::write(graph, output.format, stdout_stream);
      if (!stdout_stream.flush()) throw IoError("writing to stdout failed");
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

  void commit() {
    for (const auto& [temporary, target] : pending_) fs::rename(temporary, target);
    pending_.clear();
  }

 private:
  std::vector<std::pair<fs::path, fs::path>> pending_;
};

int run_build(const Options& options, Streams& io) {
  const std::vector<Output> outputs = resolve_outputs(options);
  Loaded loaded = load_inputs(options, io);
  const EvidenceGraph graph = build_graph(loaded.evidence);
  std::vector<Evidence>().swap(loaded.evidence);  // the graph holds it all now: free it early
  io.err << summary(graph, loaded.warnings) << '\n';
  if (options.strict && loaded.warnings > 0) {
    io.err << "evgraph: --strict: " << loaded.warnings << " warning(s); nothing written\n";
    return kFailed;
  }
  OutputFiles files;
  for (const Output& output : outputs) files.write(graph, output, io.out);
  files.commit();
  return kOk;
}

int run_check(const Options& options, Streams& io) {
  const Loaded loaded = load_inputs(options, io);
  io.err << summary(build_graph(loaded.evidence), loaded.warnings) << '\n';
  return options.strict && loaded.warnings > 0 ? kFailed : kOk;
}

void setup_build(CLI::App& app, Options& options) {
  add_input_options(app, options);
  app.add_option("-o,--output", options.outputs,
                 "Output file; the format comes from its extension (.json .dot .svg .png .pdf); "
                 "repeatable; '-' for stdout with --to")
      ->required()
      ->type_name("OUT")
      ->allow_extra_args(false);
  app.add_option("--to", options.to, "Force the output format: json, dot, svg, png or pdf")
      ->type_name("FORMAT");
}

void setup_check(CLI::App& app, Options& options) {
  add_input_options(app, options);
}

constexpr Command kCommands[] = {
    {"build", "Turn answer texts into an evidence graph and write it as JSON, DOT or a diagram",
     setup_build, run_build},
    {"check", "Read answer texts and report what was found and every diagnostic; write nothing",
     setup_check, run_check},
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
      if (sub->parsed()) return command->run(options, io);
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
