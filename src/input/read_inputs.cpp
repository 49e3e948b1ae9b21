#include <algorithm>
#include <exception>
#include <iostream>
#include <iterator>
#include <optional>
#include <thread>
#include <tuple>

#include "evgraph/input.hpp"
#include "evgraph/text.hpp"
#include "input/binary_files.hpp"

namespace evgraph {
namespace {

// A PDF, an Office document, an image, an archive… is refused with what to give instead.
void refuse_binary(const std::string& path, std::string_view bytes) {
  if (const auto kind = detail::binary_file_kind(bytes)) {
    throw InputError({path, 0, 0}, detail::binary_file_message(*kind));
  }
}

InputResult read_one(const InputSpec& input, const std::optional<std::string>& stdin_bytes,
                     const Lexicon& lexicon, ReadProgress* progress) {
  InputResult result;
  const Text text = [&] {
    if (input.path == "-") {
      if (progress) progress->bytes += stdin_bytes.value_or("").size();
      refuse_binary("-", stdin_bytes.value_or(""));
      return make_text("-", stdin_bytes.value_or(""), result.diagnostics);
    }
    const std::string bytes = read_file(input.path);
    if (progress) progress->bytes += bytes.size();
    refuse_binary(input.path, bytes);
    return make_text(input.path, bytes, result.diagnostics);
  }();
  result.documents = read_documents(text, input.format, input.map, lexicon, result.diagnostics);
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.where.line, a.where.column) <
                            std::tie(b.where.line, b.where.column);
                   });
  if (progress) {
    for (const Evidence& evidence : result.documents) progress->claims += evidence.claims.size();
  }
  return result;
}

}  // namespace

std::vector<InputResult> read_inputs(const std::vector<InputSpec>& inputs, const Lexicon& lexicon,
                                     const ReadOptions& options) {
  std::optional<std::string> stdin_bytes;
  if (std::any_of(inputs.begin(), inputs.end(),
                  [](const InputSpec& input) { return input.path == "-"; })) {
    std::istream& in = options.stdin_stream ? *options.stdin_stream : std::cin;
    stdin_bytes.emplace(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::vector<InputResult> results(inputs.size());
  std::vector<std::exception_ptr> errors(inputs.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < inputs.size(); i = next++) {
      try {
        results[i] = read_one(inputs[i], stdin_bytes, lexicon, options.progress);
      } catch (...) {
        errors[i] = std::current_exception();
      }
      if (options.progress) ++options.progress->documents;
    }
  };
  const unsigned threads =
      options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  const auto extra = std::min<std::size_t>(threads, inputs.size()) - (inputs.empty() ? 0 : 1);
  {
    std::vector<std::jthread> pool;
    pool.reserve(extra);
    for (std::size_t t = 0; t < extra; ++t) pool.emplace_back(work);
    work();
  }
  for (const std::exception_ptr& error : errors) {
    if (error) std::rethrow_exception(error);
  }
  return results;
}

}  // namespace evgraph
