// Text: one input's bytes as valid NFC UTF-8 with LF line ends, plus a line index.
// read_text() and make_text() never fail on content: invalid bytes become U+FFFD and a diagnostic,
// a BOM is dropped, CRLF and lone CR become LF. locate() maps a byte offset back to line and column
// (code points) of the text as given. A Text is immutable once made and safe to share across
// threads.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "evgraph/error.hpp"

namespace evgraph {

class Text {
 public:
  Text(std::string name, std::string content);

  const std::string& name() const noexcept { return name_; }
  std::string_view content() const noexcept { return content_; }
  std::size_t line_count() const noexcept { return line_starts_.size(); }
  // Line n (1-based) without its line end.
  std::string_view line(std::size_t n) const;
  std::size_t line_start(std::size_t n) const { return line_starts_.at(n - 1); }
  Location locate(std::size_t offset) const;

 private:
  std::string name_;
  std::string content_;
  std::vector<std::size_t> line_starts_;
};

// Cleans raw bytes (UTF-8, or UTF-16 with a byte-order mark) into a Text named `name` (a path, or
// "-" for stdin).
Text make_text(std::string name, std::string_view bytes, Diagnostics& diagnostics);
// A file's bytes as they are; throws IoError (naming the path) when it is a folder or unreadable.
std::string read_file(const std::filesystem::path& path);
// Reads a file into a Text; throws IoError when it cannot be read. (The CLI reads stdin itself.)
Text read_text(const std::filesystem::path& path, Diagnostics& diagnostics);

}  // namespace evgraph
