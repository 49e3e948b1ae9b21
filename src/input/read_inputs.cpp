#include <algorithm>
#include <array>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
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

namespace fs = std::filesystem;

// A PDF, an Office document, an image, an archive… is refused with what to give instead.
void refuse_binary(const std::string& path, std::string_view bytes) {
  if (const auto kind = detail::binary_file_kind(bytes)) {
    throw InputError({path, 0, 0}, detail::binary_file_message(*kind));
  }
}

// `option` is the command line's, `example` a value of it above its default.
[[noreturn]] void refuse_size(const std::string& path, std::string_view what, std::uint64_t limit,
                              std::string_view option, std::string_view example,
                              Location where = {}) {
  if (where.file.empty()) where.file = path;
  throw InputError(where, std::string(what) + " the limit of " + size_text(limit) +
                              "; raise the limit with " + std::string(option) + " SIZE (e.g. " +
                              std::string(example) + ")");
}

// The bytes of `in`, at most `limit` of them: more is an InputError. `expected` (a file's size)
// reserves room for them at once.
std::string read_at_most(std::istream& in, const std::string& path, std::uint64_t limit,
                         std::uintmax_t expected = 0) {
  std::string bytes;
  bytes.reserve(static_cast<std::size_t>(std::min<std::uintmax_t>(expected, limit)));
  char block[1 << 16];
  while (in.read(block, sizeof block) || in.gcount() > 0) {
    const auto count = static_cast<std::size_t>(in.gcount());
    if (bytes.size() + count > limit) {
      refuse_size(path, "the input holds more than", limit, "--max-input-size", "2G");
    }
    bytes.append(block, count);
  }
  if (in.bad()) throw IoError(path + ": read failed");
  return bytes;
}

std::string read_input_file(const std::string& path, std::uint64_t limit) {
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  std::uintmax_t size = 0;
  if (fs::is_regular_file(status)) {
    size = fs::file_size(path, error);
    if (error) size = 0;
    if (size > limit) {
      refuse_size(path, "the input is " + size_text(size) + ", more than", limit,
                  "--max-input-size", "2G");
    }
  } else if (fs::is_directory(status)) {
    throw IoError(path + ": is a directory, not a file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path + ": cannot open for reading");
  return read_at_most(in, path, limit, size);
}

bool is_line_based(InputFormat format) {
  switch (format) {
    case InputFormat::answer:
    case InputFormat::csv:
    case InputFormat::tsv:
    case InputFormat::jsonl:
    case InputFormat::bibtex:
    case InputFormat::ris:
      return true;
    default:
      return false;
  }
}

// The first line longer than `limit` is an InputError at that line.
void check_lines(const Text& text, std::uint64_t limit) {
  const std::string_view content = text.content();
  std::size_t line = 1;
  for (std::size_t start = 0; start < content.size(); ++line) {
    const std::size_t end = std::min(content.find('\n', start), content.size());
    if (end - start > limit) {
      refuse_size(
          text.name(),
          "line " + std::to_string(line) + " is " + size_text(end - start) + " long, more than",
          limit, "--max-line-length", "64M", {text.name(), line, 1});
    }
    start = end + 1;
  }
}

InputResult read_one(const InputSpec& input, const std::optional<std::string>& stdin_bytes,
                     const Lexicon& lexicon, const ReadOptions& options) {
  InputResult result;
  ReadProgress* progress = options.progress;
  const Text text = [&] {
    if (input.path == "-") {
      if (progress) progress->bytes += stdin_bytes.value_or("").size();
      refuse_binary("-", stdin_bytes.value_or(""));
      return make_text("-", stdin_bytes.value_or(""), result.diagnostics);
    }
    const std::string bytes = read_input_file(input.path, options.limits.input_bytes);
    if (progress) progress->bytes += bytes.size();
    refuse_binary(input.path, bytes);
    return make_text(input.path, bytes, result.diagnostics);
  }();
  const InputFormat format = input.format.value_or(detect_input_format(text));
  if (is_line_based(format)) check_lines(text, options.limits.line_bytes);
  result.documents = read_documents(text, format, input.map, lexicon, result.diagnostics);
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

std::string size_text(std::uint64_t bytes) {
  constexpr std::array<std::string_view, 4> kUnits = {"KiB", "MiB", "GiB", "TiB"};
  if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
  double value = static_cast<double>(bytes) / 1024;
  std::size_t unit = 0;
  for (; value >= 1024 && unit + 1 < kUnits.size(); ++unit) value /= 1024;
  char text[32];
  const bool whole = value == static_cast<double>(static_cast<std::uint64_t>(value));
  std::snprintf(text, sizeof text, whole || value >= 100 ? "%.0f %s" : "%.1f %s", value,
                std::string(kUnits[unit]).c_str());
  return text;
}

void read_inputs(const std::vector<InputSpec>& inputs, const Lexicon& lexicon,
                 const ReadOptions& options,
                 const std::function<void(std::size_t, InputResult&&)>& consume) {
  std::optional<std::string> stdin_bytes;
  if (std::any_of(inputs.begin(), inputs.end(),
                  [](const InputSpec& input) { return input.path == "-"; })) {
    std::istream& in = options.stdin_stream ? *options.stdin_stream : std::cin;
    stdin_bytes = read_at_most(in, "-", options.limits.input_bytes);
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
        result = read_one(inputs[i], stdin_bytes, lexicon, options);
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
