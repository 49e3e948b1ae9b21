#include <algorithm>
#include <condition_variable>
#include <exception>
#include <functional>
#include <iostream>
#include <iterator>
#include <mutex>
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

void read_inputs(const std::vector<InputSpec>& inputs, const Lexicon& lexicon,
                 const ReadOptions& options,
                 const std::function<void(std::size_t, InputResult&&)>& consume) {
  std::optional<std::string> stdin_bytes;
  if (std::any_of(inputs.begin(), inputs.end(),
                  [](const InputSpec& input) { return input.path == "-"; })) {
    std::istream& in = options.stdin_stream ? *options.stdin_stream : std::cin;
    stdin_bytes.emplace(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const unsigned threads =
      options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t window = options.window > 0 ? options.window : 2 * std::size_t{threads};

  // Input i is read once i < consumed + window; its result waits in its slot until consumed.
  std::vector<std::optional<InputResult>> results(inputs.size());
  std::vector<std::exception_ptr> errors(inputs.size());
  std::mutex mutex;
  std::condition_variable read_one_more;  // a slot filled
  std::condition_variable room;           // a slot consumed, or stop
  std::size_t next = 0;
  std::size_t consumed = 0;
  bool stop = false;
  auto work = [&] {
    for (;;) {
      std::size_t i = 0;
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return stop || next >= inputs.size() || next < consumed + window; });
        if (stop || next >= inputs.size()) return;
        i = next++;
      }
      std::optional<InputResult> result;
      std::exception_ptr error;
      try {
        result = read_one(inputs[i], stdin_bytes, lexicon, options.progress);
      } catch (...) {
        error = std::current_exception();
      }
      if (options.progress) ++options.progress->documents;
      {
        const std::lock_guard lock(mutex);
        results[i] = std::move(result);
        errors[i] = error;
      }
      read_one_more.notify_all();
    }
  };
  auto stop_readers = [&] {
    {
      const std::lock_guard lock(mutex);
      stop = true;
    }
    room.notify_all();
  };
  std::vector<std::jthread> pool;
  const std::size_t readers = std::min<std::size_t>(threads, inputs.size());
  pool.reserve(readers);
  for (std::size_t t = 0; t < readers; ++t) pool.emplace_back(work);
  try {
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      InputResult result;
      {
        std::unique_lock lock(mutex);
        read_one_more.wait(lock, [&] { return results[i] || errors[i]; });
        if (errors[i]) std::rethrow_exception(errors[i]);
        result = std::move(*results[i]);
        results[i].reset();
        consumed = i + 1;
      }
      room.notify_all();
      consume(i, std::move(result));
    }
  } catch (...) {
    stop_readers();
    throw;
  }
}

std::vector<InputResult> read_inputs(const std::vector<InputSpec>& inputs, const Lexicon& lexicon,
                                     const ReadOptions& options) {
  std::vector<InputResult> results(inputs.size());
  read_inputs(inputs, lexicon, options,
              [&](std::size_t i, InputResult&& result) { results[i] = std::move(result); });
  return results;
}

}  // namespace evgraph
