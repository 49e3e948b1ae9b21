#include "cli/console.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

namespace evgraph::cli {
namespace {

using namespace std::chrono_literals;

constexpr auto kQuietStart = 1s;  // no progress line during a run's first second
constexpr auto kRedraw = 100ms;

std::size_t terminal_columns() {
  winsize size{};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

// At most `columns` code points of `line`, never cutting one in two.
std::string fitted(std::string line, std::size_t columns) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
    if (++points > columns) {
      line.resize(i);
      break;
    }
  }
  return line;
}

double seconds_between(Console::Clock::time_point from, Console::Clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

}  // namespace

std::string thousands(std::uintmax_t n) {
  std::string digits = std::to_string(n);
  for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, ",");
  return digits;
}

std::string duration_text(double seconds) {
  const auto s = static_cast<unsigned long long>(seconds + 0.5);
  char text[48];
  if (s < 60) {
    std::snprintf(text, sizeof text, "%llu s", s);
  } else if (s < 3600) {
    std::snprintf(text, sizeof text, "%llu min %02llu s", s / 60, s % 60);
  } else {
    std::snprintf(text, sizeof text, "%llu h %02llu min", s / 3600, s % 3600 / 60);
  }
  return text;
}

std::string reading_line(std::size_t documents_done, std::size_t documents, std::size_t claims,
                         std::uintmax_t bytes_done, std::uintmax_t bytes, double seconds) {
  std::string line = "evgraph: reading " + thousands(documents_done) + " of " +
                     thousands(documents) + " documents, " + thousands(claims) + " claims";
  if (seconds <= 0 || bytes_done == 0) return line;
  const double rate = static_cast<double>(bytes_done) / seconds;
  char text[32];
  std::snprintf(text, sizeof text, ", %.1f MB/s", rate / 1e6);
  line += text;
  if (bytes > bytes_done) {
    line += ", ETA " + duration_text(static_cast<double>(bytes - bytes_done) / rate);
  } else if (documents_done < documents) {  // sizes unknown: by documents
    line += ", ETA " + duration_text(seconds * static_cast<double>(documents - documents_done) /
                                     static_cast<double>(documents_done));
  }
  return line;
}

Console::Console(std::ostream& err, bool progress, Clock::time_point start)
    : err_(err), start_(start) {
  if (progress) thread_ = std::jthread([this](std::stop_token stop) { loop(stop); });
}

Console::~Console() {
  if (thread_.joinable()) {
    thread_.request_stop();
    thread_.join();
  }
  clear_locked();
  err_.flush();
}

void Console::print(std::string_view lines) {
  std::lock_guard lock(mutex_);
  clear_locked();
  err_.write(lines.data(), static_cast<std::streamsize>(lines.size()));
  err_.flush();
}

ReadProgress& Console::reading(std::size_t documents, std::uintmax_t bytes) {
  std::lock_guard lock(mutex_);
  phase_ = Phase::reading;
  phase_start_ = Clock::now();
  documents_ = documents;
  bytes_ = bytes;
  return read_;
}

void Console::building() {
  std::lock_guard lock(mutex_);
  phase_ = Phase::building;
  phase_start_ = Clock::now();
}

WriteProgress& Console::writing(const std::vector<Output>& outputs) {
  std::lock_guard lock(mutex_);
  phase_ = Phase::writing;
  phase_start_ = Clock::now();
  outputs_.clear();
  for (const Output& output : outputs) {
    outputs_.push_back(output.path == "-" ? std::string("stdout")
                                          : std::filesystem::path(output.path).filename().string());
  }
  write_ = std::make_unique<WriteProgress>(outputs.size());
  return *write_;
}

void Console::idle() {
  std::lock_guard lock(mutex_);
  phase_ = Phase::idle;
  clear_locked();
}

std::string Console::line_locked(Clock::time_point now) const {
  const double seconds = seconds_between(phase_start_, now);
  switch (phase_) {
    case Phase::idle:
      return {};
    case Phase::reading:
      return reading_line(read_.documents, documents_, read_.claims, read_.bytes, bytes_, seconds);
    case Phase::building:
      return "evgraph: building… " + duration_text(seconds);
    case Phase::writing: {
      std::string names;
      std::size_t done = 0;
      for (std::size_t i = 0; i < outputs_.size(); ++i) {
        const WriteProgress::State state = write_->state(i);
        done += state == WriteProgress::done;
        if (state == WriteProgress::writing) names += (names.empty() ? "" : ", ") + outputs_[i];
      }
      return "evgraph: writing" + (names.empty() ? names : " " + names) + " (" +
             std::to_string(done) + " of " + std::to_string(outputs_.size()) + " done) " +
             duration_text(seconds);
    }
  }
  return {};
}

void Console::loop(std::stop_token stop) {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, stop, kRedraw, [] { return false; }) && !stop.stop_requested()) {
    const Clock::time_point now = Clock::now();
    if (now - start_ < kQuietStart) continue;
    const std::string line = line_locked(now);
    if (line.empty()) continue;
    err_ << '\r' << fitted(line, terminal_columns() - 1) << "\033[K" << std::flush;
    drawn_ = true;
  }
}

void Console::clear_locked() {
  if (!drawn_) return;
  err_ << "\r\033[K" << std::flush;
  drawn_ = false;
}

}  // namespace evgraph::cli
