#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

#include "evgraph/build.hpp"
#include "evgraph/text.hpp"

namespace evgraph {
namespace {

// Enough of a file for detect_input_format() to tell JSON responses, exports and RIS apart.
constexpr std::size_t kHeadBytes = 16 * 1024;

// Answer text runs about 200 bytes a claim, structured and JSON inputs far more: room for this
// many nodes and edges per input byte costs address space, not memory, and spares the tables
// from growing while the inputs stream in.
constexpr std::uintmax_t kBytesPerNode = 100;
constexpr std::uintmax_t kBytesPerEdge = 25;
constexpr std::uintmax_t kMostNodesReserved = std::uintmax_t{1} << 23;
constexpr std::uintmax_t kMostEdgesReserved = std::uintmax_t{1} << 25;

void reserve_for_bytes(GraphBuilder& builder, const std::vector<InputSpec>& inputs) {
  std::uintmax_t bytes = 0;
  for (const InputSpec& input : inputs) {
    std::error_code error;
    const std::uintmax_t size =
        input.path == "-" ? 0 : std::filesystem::file_size(input.path, error);
    if (!error) bytes += size;
  }
  builder.reserve(std::min(bytes / kBytesPerNode + inputs.size(), kMostNodesReserved),
                  std::min(bytes / kBytesPerEdge, kMostEdgesReserved));
}

std::vector<InputSpec> pick(const std::vector<InputSpec>& inputs,
                            const std::vector<std::size_t>& indices) {
  std::vector<InputSpec> picked;
  picked.reserve(indices.size());
  for (std::size_t i : indices) picked.push_back(inputs[i]);
  return picked;
}

bool names_any_work(const Evidence& evidence) {
  return std::any_of(evidence.sources.begin(), evidence.sources.end(),
                     [](const SourceRecord& source) { return !source.also.empty(); });
}

}  // namespace

bool names_works(InputFormat format) {
  switch (format) {
    case InputFormat::answer:
    case InputFormat::perplexity_json:
    case InputFormat::chatgpt_export:
    case InputFormat::openai:
    case InputFormat::anthropic:
    case InputFormat::gemini:
    case InputFormat::html:
      return false;
    case InputFormat::evidence_json:
    case InputFormat::csv:
    case InputFormat::tsv:
    case InputFormat::jsonl:
    case InputFormat::csl_json:
    case InputFormat::bibtex:
    case InputFormat::ris:
      return true;
  }
  return true;
}

std::optional<InputFormat> peek_input_format(const InputSpec& input) {
  if (input.format) return input.format;
  if (input.path == "-") return std::nullopt;
  std::ifstream file(input.path, std::ios::binary);
  if (!file) return std::nullopt;
  std::string head(kHeadBytes, '\0');
  file.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(file.gcount()));
  try {
    Diagnostics ignored;
    return detect_input_format(make_text(input.path, head, ignored));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

void build_from_inputs(GraphBuilder& builder, const std::vector<InputSpec>& inputs,
                       const Lexicon& lexicon, const ReadOptions& options,
                       const std::function<void(std::size_t, const InputResult&)>& on_read) {
  std::vector<std::size_t> first;  // may name works: read before anything is added
  std::vector<std::size_t> streamed;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const std::optional<InputFormat> format = peek_input_format(inputs[i]);
    (format && !names_works(*format) ? streamed : first).push_back(i);
  }
  reserve_for_bytes(builder, inputs);

  std::vector<std::optional<InputResult>> kept(inputs.size());
  std::exception_ptr failure;  // of first[read_first], when reading it failed
  std::size_t read_first = 0;
  try {
    read_inputs(pick(inputs, first), lexicon, options, [&](std::size_t k, InputResult&& result) {
      for (const Evidence& evidence : result.documents) builder.add_works(evidence);
      kept[first[k]] = std::move(result);
      ++read_first;
    });
  } catch (...) {
    failure = std::current_exception();
  }
  const std::size_t failed_at = failure ? first[read_first] : inputs.size();

  auto add = [&](std::size_t i, InputResult&& result) {
    if (on_read) on_read(i, result);
    for (Evidence& evidence : result.documents) builder.add(std::move(evidence));
    if (builder.node_count() > options.limits.nodes) {
      throw InputError({inputs[i].path, 0, 0},
                       "with this input the graph has " + std::to_string(builder.node_count()) +
                           " nodes, more than the limit of " +
                           std::to_string(options.limits.nodes) +
                           "; raise the limit with --max-nodes N (e.g. 20000000)");
    }
  };
  std::size_t next_kept = 0;  // into `first`
  auto add_kept_before = [&](std::size_t index) {
    for (; next_kept < first.size() && first[next_kept] < index; ++next_kept) {
      const std::size_t i = first[next_kept];
      if (i == failed_at) std::rethrow_exception(failure);
      add(i, std::move(*kept[i]));
      kept[i].reset();
    }
  };
  std::erase_if(streamed, [&](std::size_t i) { return i > failed_at; });
  read_inputs(pick(inputs, streamed), lexicon, options, [&](std::size_t k, InputResult&& result) {
    const std::size_t i = streamed[k];
    add_kept_before(i);
    // Answers name no works; should one (an input its first bytes misclassed), its works join
    // here, after the nodes of earlier inputs.
    for (const Evidence& evidence : result.documents) {
      if (names_any_work(evidence)) builder.add_works(evidence);
    }
    add(i, std::move(result));
  });
  add_kept_before(inputs.size());
}

}  // namespace evgraph
