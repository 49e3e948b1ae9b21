// The outputs of one run: each written to a temporary file (or folder) beside its target and
// renamed into place by commit() only when every one was written; whatever is still pending when
// the OutputFiles is destroyed is removed. write_all() writes several outputs at once, each writer
// only reading the finished graph. One OutputFiles belongs to one thread (the one calling it).
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "evgraph/export.hpp"

namespace evgraph::cli {

struct Output {
  std::string path;  // "-" is stdout
  Format format;
  CsvCells csv_cells = CsvCells::as_written;  // for the csv folder
};

// What writing one output took.
struct Written {
  double seconds = 0;
  std::optional<std::uintmax_t> bytes;  // of the file, the folder's files, or what went to stdout
};

// The state of each output while write_all() runs, for another thread to poll.
class WriteProgress {
 public:
  enum State : int { pending, writing, done };
  explicit WriteProgress(std::size_t outputs)
      : states_(std::make_unique<std::atomic<int>[]>(outputs)), size_(outputs) {}
  std::size_t size() const noexcept { return size_; }
  State state(std::size_t output) const { return static_cast<State>(states_[output].load()); }
  void set(std::size_t output, State state) { states_[output] = state; }

 private:
  std::unique_ptr<std::atomic<int>[]> states_;
  std::size_t size_;
};

class OutputFiles {
 public:
  OutputFiles() = default;
  OutputFiles(const OutputFiles&) = delete;
  OutputFiles& operator=(const OutputFiles&) = delete;
  ~OutputFiles();

  // Writes every output, up to `threads` at a time (0: one per core); stdout ("-") is written from
  // the calling thread. Once a write fails no further one starts; when the started ones have
  // ended, the first error in `outputs` order is thrown. Returns one Written per output.
  std::vector<Written> write_all(const EvidenceGraph& graph, const std::vector<Output>& outputs,
                                 std::ostream& stdout_stream, unsigned threads = 0,
                                 WriteProgress* progress = nullptr);

  // A temporary path beside the file `target`, renamed to it by commit().
  std::filesystem::path stage(const std::filesystem::path& target);

  // Renames every temporary into place, in the order they were staged. A folder replaces its
  // target only while that is missing or empty (rename(2)).
  void commit();

 private:
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> pending_;  // temp, target
};

// The folder a folder output names, without a trailing separator ("out/" is "out").
std::filesystem::path folder_path(const std::string& path);

}  // namespace evgraph::cli
