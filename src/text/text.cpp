#include "evgraph/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>

namespace evgraph {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Valid UTF-8 with LF line ends; each invalid sequence becomes U+FFFD and one diagnostic.
std::string clean_bytes(const std::string& name, std::string_view bytes, Diagnostics& diagnostics) {
  if (bytes.starts_with(kBom)) bytes.remove_prefix(kBom.size());
  std::string out;
  out.reserve(bytes.size());
  std::size_t line = 1;
  std::size_t column = 1;
  std::size_t invalid = 0;
  std::size_t nuls = 0;
  std::size_t first_invalid = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    const char c = bytes[i];
    if (c == '\r') {
      out += '\n';
      i += (i + 1 < bytes.size() && bytes[i + 1] == '\n') ? 2u : 1u;
      ++line;
      column = 1;
      continue;
    }
    if (c == '\0') {
      if (nuls++ == 0) {
        diagnostics.push_back({Severity::warning,
                               {name, line, column},
                               "NUL byte replaced by U+FFFD (is this a text file?)",
                               "nul-byte"});
      }
      out += kReplacement;
      ++i;
      ++column;
      continue;
    }
    utf8proc_int32_t code_point = 0;
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(bytes.data() + i);
    const auto n =
        utf8proc_iterate(p, static_cast<utf8proc_ssize_t>(bytes.size() - i), &code_point);
    if (n < 0) {
      if (invalid++ == 0) {
        first_invalid = diagnostics.size();
        diagnostics.push_back({Severity::warning,
                               {name, line, column},
                               "invalid UTF-8 byte replaced by U+FFFD (is the file Latin-1? "
                               "convert it with iconv -f latin1 -t utf-8)",
                               "invalid-utf8"});
      }
      out += kReplacement;
      ++i;
    } else {
      out.append(bytes.substr(i, static_cast<std::size_t>(n)));
      i += static_cast<std::size_t>(n);
      if (c == '\n') {
        ++line;
        column = 1;
        continue;
      }
    }
    ++column;
  }
  if (invalid > 1) {
    diagnostics.at(first_invalid).message +=
        "; " + std::to_string(invalid) + " invalid bytes replaced in all";
  }
  return out;
}

std::string to_nfc(std::string text) {
  const bool ascii = std::all_of(text.begin(), text.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return text;
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> nfc(
      utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(text.c_str())), &std::free);
  if (!nfc) return text;
  return std::string(reinterpret_cast<const char*>(nfc.get()));
}

}  // namespace

Text::Text(std::string name, std::string content)
    : name_(std::move(name)), content_(std::move(content)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < content_.size(); ++i) {
    if (content_[i] == '\n' && i + 1 < content_.size()) line_starts_.push_back(i + 1);
  }
}

std::string_view Text::line(std::size_t n) const {
  const std::size_t begin = line_starts_.at(n - 1);
  std::size_t end = n < line_starts_.size() ? line_starts_[n] : content_.size();
  if (end > begin && content_[end - 1] == '\n') --end;
  return std::string_view(content_).substr(begin, end - begin);
}

Location Text::locate(std::size_t offset) const {
  offset = std::min(offset, content_.size());
  const auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::size_t>(std::distance(line_starts_.begin(), after));
  const std::size_t start = line_starts_[line - 1];
  std::size_t column = 1;
  for (std::size_t i = start; i < offset; ++i) {
    if (!is_continuation(content_[i])) ++column;
  }
  return {name_, line, column};
}

Text make_text(std::string name, std::string_view bytes, Diagnostics& diagnostics) {
  std::string content = to_nfc(clean_bytes(name, bytes, diagnostics));
  return Text(std::move(name), std::move(content));
}

std::string read_file(const std::filesystem::path& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    throw IoError(path.string() + ": is a directory, not a file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path.string() + ": cannot open for reading");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw IoError(path.string() + ": read failed");
  return std::move(buffer).str();
}

Text read_text(const std::filesystem::path& path, Diagnostics& diagnostics) {
  return make_text(path.string(), read_file(path), diagnostics);
}

}  // namespace evgraph
