#include "cli/mistakes.hpp"

#include <cstddef>

#include "text/nearest.hpp"

namespace evgraph::cli {
namespace {

std::string in_quotes(std::string_view name) {
  return "'" + std::string(name) + "'";
}

// Every name of the options of `app`: "--output" and "-o"; positionals have none.
std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* option : app.get_options()) {
    for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
    for (const std::string& name : option->get_snames()) names.push_back("-" + name);
  }
  return names;
}

bool takes_value(const CLI::Option* option) {
  return option != nullptr && option->get_items_expected_max() > 0;  // 0 for a flag
}

bool is_number(std::string_view arg) {
  return arg.size() > 1 && arg[0] == '-' && arg[1] >= '0' && arg[1] <= '9';
}

// The mistake in the options of `app` (a verb, or the program itself), from args[first].
std::optional<std::string> option_mistake(const CLI::App& app, const std::vector<std::string>& args,
                                          std::size_t first) {
  const std::vector<std::string> names = option_names(app);
  for (std::size_t i = first; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") break;
    if (arg == "-" || !arg.starts_with('-') || is_number(arg)) continue;
    const std::string name = arg.substr(0, arg.find('='));
    const bool one_dash = !arg.starts_with("--");
    if (one_dash && name.size() > 2) {
      // "-output": a long option with one dash, which would be read as "-o utput".
      const std::string as_long = "-" + name;
      if (app.get_option_no_throw(as_long) != nullptr ||
          !detail::closest_name(as_long, names).empty()) {
        const std::string meant = app.get_option_no_throw(as_long) != nullptr
                                      ? as_long
                                      : detail::closest_name(as_long, names);
        return "unknown option " + in_quotes(arg) + " (one dash); did you mean " +
               in_quotes(meant) + "?";
      }
      if (app.get_option_no_throw(name.substr(0, 2)) != nullptr) continue;  // "-oout.json"
    }
    const CLI::Option* option = app.get_option_no_throw(one_dash ? name.substr(0, 2) : name);
    if (option == nullptr) {
      return "unknown option " + in_quotes(name) + did_you_mean(name, names);
    }
    if (takes_value(option) && arg.find('=') == std::string::npos &&
        (!one_dash || arg.size() == 2)) {
      ++i;  // its value, whatever it looks like
    }
  }
  return std::nullopt;
}

}  // namespace

std::string did_you_mean(std::string_view wanted, const std::vector<std::string>& candidates) {
  const std::string nearest = detail::closest_name(wanted, candidates);
  return nearest.empty() ? "" : "; did you mean " + in_quotes(nearest) + "?";
}

std::optional<std::string> command_line_mistake(const CLI::App& app,
                                                const std::vector<std::string>& args) {
  std::size_t verb = 0;
  while (verb < args.size() && args[verb].starts_with('-')) ++verb;
  if (auto mistake = option_mistake(
          app, std::vector(args.begin(), args.begin() + static_cast<std::ptrdiff_t>(verb)), 0)) {
    return mistake;
  }
  if (verb == args.size()) return std::nullopt;
  std::vector<std::string> verbs;
  const CLI::App* command = nullptr;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    verbs.push_back(sub->get_name());
    if (sub->get_name() == args[verb]) command = sub;
  }
  if (command == nullptr) {
    std::string known;
    for (const std::string& name : verbs) known += (known.empty() ? "" : ", ") + name;
    const std::string hint = did_you_mean(args[verb], verbs);
    return "unknown command " + in_quotes(args[verb]) +
           (hint.empty() ? "; commands: " + known : hint);
  }
  // A command with commands of its own (`query path`): the options are the inner command's.
  std::size_t next = verb + 1;
  while (next < args.size() && !args[next].starts_with('-')) {
    const CLI::App* inner = nullptr;
    for (const CLI::App* sub : command->get_subcommands([](const CLI::App*) { return true; })) {
      if (sub->get_name() == args[next]) inner = sub;
    }
    if (inner == nullptr) {
      std::vector<std::string> names;
      for (const CLI::App* sub : command->get_subcommands([](const CLI::App*) { return true; })) {
        names.push_back(sub->get_name());
      }
      if (names.empty()) break;
      std::string known;
      for (const std::string& name : names) known += (known.empty() ? "" : ", ") + name;
      const std::string hint = did_you_mean(args[next], names);
      return "unknown command " + in_quotes(command->get_name() + " " + args[next]) +
             (hint.empty() ? "; commands: " + known : hint);
    }
    command = inner;
    ++next;
  }
  return option_mistake(*command, args, next);
}

}  // namespace evgraph::cli
