// stderr for one run of the command line, and the progress line on it. Every line the CLI prints
// goes through print(), which first clears the progress line, so the two never mix. The progress
// line is drawn only when enabled (stderr is a terminal and not --quiet), once the run has lasted a
// second, redrawn in place at most ten times a second by a thread of its own; it shows the phase
// set last (reading, building, writing) and nothing between phases. Not thread-safe to call into
// from several threads; the counters it polls are.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "cli/output_files.hpp"
#include "evgraph/input.hpp"

namespace evgraph::cli {

class Console {
 public:
  using Clock = std::chrono::steady_clock;

  Console(std::ostream& err, bool progress, Clock::time_point start = Clock::now());
  Console(const Console&) = delete;
  Console& operator=(const Console&) = delete;
  ~Console();

  // Writes `lines` (each ending in '\n') as they are, in one piece.
  void print(std::string_view lines);
  bool shows_progress() const noexcept { return thread_.joinable(); }

  // The phases. reading() returns the counters the readers bump (they live as long as the Console);
  // `bytes` is the inputs' total size as far as known (0: unknown, no ETA).
  ReadProgress& reading(std::size_t documents, std::uintmax_t bytes);
  void building();
  WriteProgress& writing(const std::vector<Output>& outputs);
  void idle();  // between phases: no progress line

 private:
  enum class Phase { idle, reading, building, writing };
  void loop(std::stop_token stop);
  std::string line_locked(Clock::time_point now) const;
  void clear_locked();

  std::ostream& err_;
  const Clock::time_point start_;
  std::mutex mutex_;  // guards err_ and everything below
  std::condition_variable_any wake_;
  bool drawn_ = false;
  Phase phase_ = Phase::idle;
  Clock::time_point phase_start_;
  ReadProgress read_;
  std::size_t documents_ = 0;
  std::uintmax_t bytes_ = 0;
  std::vector<std::string> outputs_;
  std::unique_ptr<WriteProgress> write_;
  std::jthread thread_;  // last: started once the rest is made
};

// The progress line's texts, apart for tests.
std::string reading_line(std::size_t documents_done, std::size_t documents, std::size_t claims,
                         std::uintmax_t bytes_done, std::uintmax_t bytes, double seconds);
std::string duration_text(double seconds);  // "7 s", "2 min 05 s", "1 h 02 min"
std::string thousands(std::uintmax_t n);    // 3412 → "3,412"

}  // namespace evgraph::cli
