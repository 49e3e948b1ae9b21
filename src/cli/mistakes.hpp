// Typing mistakes on the command line, named with what was probably meant, as git and cargo do:
// an unknown verb ("unknown command 'buidl'; did you mean 'build'?"), an unknown option (with the
// nearest option of its verb), a long option written with one dash ("-output", which CLI11 would
// read as "-o utput"). Checked before CLI11 parses, which would report them without naming them.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace evgraph::cli {

// The first mistake in `args` (the arguments after the program name) for `app`, whose
// subcommands are the verbs; nullopt when there is none (CLI11 then reports whatever is left).
std::optional<std::string> command_line_mistake(const CLI::App& app,
                                                const std::vector<std::string>& args);

// "; did you mean 'NEAREST'?" for the candidate nearest to `wanted`, or "" when none is near.
std::string did_you_mean(std::string_view wanted, const std::vector<std::string>& candidates);

}  // namespace evgraph::cli
