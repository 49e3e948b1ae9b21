#include "cli/output_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <exception>
#include <fstream>
#include <ostream>
#include <streambuf>
#include <string>
#include <system_error>
#include <thread>
#include <utility>

#include "evgraph/error.hpp"

namespace evgraph::cli {
namespace {

namespace fs = std::filesystem;

// A hidden name beside `target` that no other run (process id) and no other output of this one
// (counter) uses, so that runs writing the same output at once never share a temporary.
fs::path temporary_for(const fs::path& target) {
  static std::atomic<unsigned> counter{0};
  fs::path temporary = target;
  temporary.replace_filename("." + target.filename().string() + "." + std::to_string(::getpid()) +
                             "-" + std::to_string(counter++) + ".evgraph-partial");
  return temporary;
}

// Collects what is written in a 64 KiB block and hands each full block to drain(), which passes
// it on and calls restart().
class BlockBuffer : public std::streambuf {
 protected:
  BlockBuffer() { restart(); }
  virtual bool drain() = 0;
  void restart() { setp(buffer_, buffer_ + sizeof buffer_); }

  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
    return c;
  }

 private:
  char buffer_[1 << 16];
};

// Passes what is written on to `target` in blocks, counting the bytes.
class CountingBuffer : public BlockBuffer {
 public:
  explicit CountingBuffer(std::streambuf* target) : target_(target) {}
  std::uintmax_t count() const { return count_ + static_cast<std::uintmax_t>(pptr() - pbase()); }

 protected:
  int sync() override { return drain() && target_->pubsync() == 0 ? 0 : -1; }

 private:
  bool drain() override {
    const std::streamsize size = pptr() - pbase();
    if (size > 0 && target_->sputn(pbase(), size) != size) return false;
    count_ += static_cast<std::uintmax_t>(size);
    restart();
    return true;
  }

  std::streambuf* target_;
  std::uintmax_t count_ = 0;
};

// A new file written with write(2) in blocks, which keeps the error of the first call that failed
// (EFBIG past the file-size limit, ENOSPC on a full disk, EIO…) for the message.
class FileBuffer : public BlockBuffer {
 public:
  explicit FileBuffer(const fs::path& path)
      : fd_(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666)) {
    if (fd_ < 0) error_ = errno;
  }
  FileBuffer(const FileBuffer&) = delete;
  FileBuffer& operator=(const FileBuffer&) = delete;
  ~FileBuffer() override {
    if (fd_ >= 0) ::close(fd_);
  }

  // What failed, as strerror says it ("File too large"); "" while nothing did.
  std::string error() const {
    return error_ == 0 ? std::string() : std::error_code(error_, std::generic_category()).message();
  }
  // Writes what is left and closes the file; false when any write (or the close) failed.
  bool close() {
    const bool drained = drain();
    const int fd = std::exchange(fd_, -1);
    if (fd >= 0 && ::close(fd) != 0 && error_ == 0) error_ = errno;
    return drained && error_ == 0;
  }

 protected:
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() override {
    const char* next = pbase();
    while (error_ == 0 && next < pptr()) {
      const ssize_t written =
          fd_ < 0 ? -1 : ::write(fd_, next, static_cast<std::size_t>(pptr() - next));
      if (written < 0 && errno == EINTR) continue;
      if (written < 0) error_ = fd_ < 0 ? EBADF : errno;
      if (written > 0) next += written;
    }
    restart();
    return error_ == 0;
  }

  int fd_;
  int error_ = 0;
};

std::uintmax_t folder_bytes(const fs::path& folder) {
  std::uintmax_t bytes = 0;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) bytes += entry.file_size();
  }
  return bytes;
}

// Writes one output; `temporary` is set as soon as there is something to remove on failure.
Written write_one(const EvidenceGraph& graph, const Output& output, std::ostream& stdout_stream,
                  fs::path& temporary) {
  const auto start = std::chrono::steady_clock::now();
  Written written;
  if (output.path == "-") {
    auto counter = std::make_unique<CountingBuffer>(stdout_stream.rdbuf());
    std::ostream counted(counter.get());
    errno = 0;
    evgraph::write(graph, output.format, counted);
    if (!counted.flush() || !stdout_stream.flush()) {
      const int error = errno;
      throw IoError("stdout: write failed" +
                    (error == 0
                         ? std::string()
                         : ": " + std::error_code(error, std::generic_category()).message()));
    }
    written.bytes = counter->count();
  } else if (is_folder_format(output.format)) {
    const fs::path target = folder_path(output.path);
    const fs::path partial = temporary_for(target);
    std::error_code error;
    fs::remove_all(partial, error);  // left over from a killed run whose process id this one has
    if (!fs::create_directory(partial, error)) {
      throw IoError(output.path + ": cannot create " + partial.string() + ": " +
                    (error ? error.message() : "it exists"));
    }
    temporary = partial;
    evgraph::write_folder(graph, output.format, partial, output.csv_cells);
    written.bytes = folder_bytes(partial);
  } else {
    temporary = temporary_for(output.path);
    auto buffer = std::make_unique<FileBuffer>(temporary);
    if (!buffer->error().empty()) {
      throw IoError(output.path + ": cannot open for writing: " + buffer->error());
    }
    std::ostream file(buffer.get());
    try {
      evgraph::write(graph, output.format, file);
    } catch (const IoError&) {
      if (buffer->error().empty()) throw;  // not the file's: the writer's own
    }
    file.flush();
    if (!buffer->close()) throw IoError(output.path + ": write failed: " + buffer->error());
    written.bytes = fs::file_size(temporary);
  }
  written.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return written;
}

}  // namespace

fs::path folder_path(const std::string& path) {
  fs::path folder = fs::path(path).lexically_normal();
  while (!folder.has_filename() && folder.has_parent_path() && folder != folder.parent_path()) {
    folder = folder.parent_path();
  }
  return folder;
}

OutputFiles::~OutputFiles() {
  std::error_code ignored;
  for (const auto& [temporary, target] : pending_) fs::remove_all(temporary, ignored);
}

fs::path OutputFiles::stage(const fs::path& target) {
  pending_.emplace_back(temporary_for(target), target);
  return pending_.back().first;
}

std::vector<Written> OutputFiles::write_all(const EvidenceGraph& graph,
                                            const std::vector<Output>& outputs,
                                            std::ostream& stdout_stream, unsigned threads,
                                            WriteProgress* progress) {
  const std::size_t count = outputs.size();
  std::vector<Written> written(count);
  std::vector<fs::path> temporaries(count);
  std::vector<std::exception_ptr> errors(count);
  // No output starts after an earlier one (in `outputs` order) failed; every output before the
  // first failure runs, so the error thrown is the one a one-by-one run would throw.
  std::atomic<std::size_t> first_failure{count};
  auto write_output = [&](std::size_t i) {
    if (i > first_failure) return;
    if (progress) progress->set(i, WriteProgress::writing);
    try {
      written[i] = write_one(graph, outputs[i], stdout_stream, temporaries[i]);
    } catch (...) {
      errors[i] = std::current_exception();
      for (std::size_t seen = first_failure;
           i < seen && !first_failure.compare_exchange_weak(seen, i);) {
      }
    }
    if (progress) progress->set(i, WriteProgress::done);
  };
  std::vector<std::size_t> files;
  std::optional<std::size_t> to_stdout;
  for (std::size_t i = 0; i < count; ++i) {
    if (outputs[i].path == "-") {
      to_stdout = i;
    } else {
      files.push_back(i);
    }
  }
  auto keep_temporaries = [&] {
    for (std::size_t i = 0; i < count; ++i) {
      if (temporaries[i].empty()) continue;
      const fs::path target = is_folder_format(outputs[i].format) ? folder_path(outputs[i].path)
                                                                  : fs::path(outputs[i].path);
      pending_.emplace_back(std::move(temporaries[i]), target);
    }
  };
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t k = next++; k < files.size(); k = next++) write_output(files[k]);
  };
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t extra = std::min<std::size_t>(threads - 1, files.size());
  try {
    std::vector<std::jthread> pool;
    pool.reserve(extra);
    for (std::size_t t = 0; t < extra; ++t) pool.emplace_back(work);
    if (to_stdout) write_output(*to_stdout);
    work();
  } catch (...) {  // a thread that could not start: what was written is removed
    keep_temporaries();
    throw;
  }
  keep_temporaries();
  for (const std::exception_ptr& error : errors) {
    if (error) std::rethrow_exception(error);
  }
  return written;
}

void OutputFiles::commit() {
  for (const auto& [temporary, target] : pending_) fs::rename(temporary, target);
  pending_.clear();
}

}  // namespace evgraph::cli
