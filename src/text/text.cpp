#include "evgraph/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <sstream>
#include <utility>

namespace evgraph {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The location in the input of the next byte appended to `out`: out so far has one line feed per
// line and one code point per column (a CRLF became one LF, an invalid byte one U+FFFD).
Location next_location(const std::string& name, std::string_view out) {
  const std::size_t line_start = out.rfind('\n') + 1;  // npos + 1 == 0
  const auto lines = static_cast<std::size_t>(std::count(out.begin(), out.end(), '\n'));
  const auto columns = static_cast<std::size_t>(
      std::count_if(out.begin() + static_cast<std::ptrdiff_t>(line_start), out.end(),
                    [](char c) { return !is_continuation(c); }));
  return {name, lines + 1, columns + 1};
}

// Whether a byte is copied as it is without a look: ASCII other than NUL and CR.
bool plain(char c) {
  return c != '\0' && c != '\r' && static_cast<unsigned char>(c) < 0x80;
}

// The replacements by U+FFFD of one kind in one text: the first reported where it is, with how many
// there were in all added when the text is done.
class Replacements {
 public:
  Replacements(const std::string& name, Diagnostics& diagnostics, std::string message,
               std::string code, std::string_view units)
      : name_(name),
        diagnostics_(diagnostics),
        message_(std::move(message)),
        code_(std::move(code)),
        units_(units) {}

  void replace(std::string& out) {
    if (count_++ == 0) {
      first_ = diagnostics_.size();
      diagnostics_.push_back({Severity::warning, next_location(name_, out), message_, code_});
    }
    out += kReplacement;
  }

  void finish() {
    if (count_ > 1) {
      diagnostics_.at(first_).message +=
          "; " + std::to_string(count_) + " " + std::string(units_) + " replaced in all";
    }
  }

 private:
  const std::string& name_;
  Diagnostics& diagnostics_;
  std::string message_;
  std::string code_;
  std::string_view units_;
  std::size_t count_ = 0;
  std::size_t first_ = 0;
};

// Valid UTF-8 with LF line ends; each invalid sequence becomes U+FFFD and one diagnostic. Runs of
// plain ASCII are copied whole; locations are worked out only for the (at most two) diagnostics.
std::string clean_bytes(const std::string& name, std::string_view bytes, Diagnostics& diagnostics) {
  if (bytes.starts_with(kBom)) bytes.remove_prefix(kBom.size());
  std::string out;
  out.reserve(bytes.size());
  Replacements invalid(name, diagnostics,
                       "invalid UTF-8 byte replaced by U+FFFD (is the file Latin-1? convert it "
                       "with iconv -f latin1 -t utf-8)",
                       "invalid-utf8", "invalid bytes");
  std::size_t nuls = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    std::size_t run = i;
    while (run < bytes.size() && plain(bytes[run])) ++run;
    out.append(bytes.substr(i, run - i));
    i = run;
    if (i == bytes.size()) break;
    const char c = bytes[i];
    if (c == '\r') {
      out += '\n';
      i += (i + 1 < bytes.size() && bytes[i + 1] == '\n') ? 2u : 1u;
      continue;
    }
    if (c == '\0') {
      if (nuls++ == 0) {
        diagnostics.push_back({Severity::warning, next_location(name, out),
                               "NUL byte replaced by U+FFFD (is this a text file?)", "nul-byte"});
      }
      out += kReplacement;
      ++i;
      continue;
    }
    utf8proc_int32_t code_point = 0;
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(bytes.data() + i);
    const auto n =
        utf8proc_iterate(p, static_cast<utf8proc_ssize_t>(bytes.size() - i), &code_point);
    if (n < 0) {
      invalid.replace(out);
      ++i;
    } else {
      out.append(bytes.substr(i, static_cast<std::size_t>(n)));
      i += static_cast<std::size_t>(n);
    }
  }
  invalid.finish();
  return out;
}

// Text in UTF-16 with a byte-order mark (what Windows' Notepad long saved as "Unicode") as UTF-8;
// nullopt for any other bytes. Lines and columns count characters, so they are the same in both.
// An unpaired surrogate, or an odd last byte, becomes U+FFFD, reported once with the count.
std::optional<std::string> from_utf16(const std::string& name, std::string_view bytes,
                                      Diagnostics& diagnostics) {
  const bool little = bytes.starts_with("\xFF\xFE");
  if (!little && !bytes.starts_with("\xFE\xFF")) return std::nullopt;
  const auto unit = [&](std::size_t i) {
    const auto first = static_cast<unsigned char>(bytes[i]);
    const auto second = static_cast<unsigned char>(bytes[i + 1]);
    return little ? static_cast<std::uint32_t>(first | second << 8)
                  : static_cast<std::uint32_t>(first << 8 | second);
  };
  std::string out;
  out.reserve(bytes.size());
  Replacements invalid(name, diagnostics,
                       "invalid UTF-16 (an unpaired surrogate or an odd last byte) replaced by "
                       "U+FFFD",
                       "invalid-utf16", "invalid code units");
  std::size_t i = 2;
  for (; i + 1 < bytes.size(); i += 2) {
    std::uint32_t code_point = unit(i);
    if (code_point >= 0xD800 && code_point <= 0xDBFF && i + 3 < bytes.size() &&
        unit(i + 2) >= 0xDC00 && unit(i + 2) <= 0xDFFF) {
      code_point = 0x10000 + ((code_point - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
      i += 2;
    } else if (code_point >= 0xD800 && code_point <= 0xDFFF) {
      invalid.replace(out);
      continue;
    }
    std::array<utf8proc_uint8_t, 4> encoded{};
    const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(code_point), encoded.data());
    out.append(reinterpret_cast<const char*>(encoded.data()), static_cast<std::size_t>(n));
  }
  if (i < bytes.size()) invalid.replace(out);
  invalid.finish();
  return out;
}

// A code point that NFC never changes, reorders or composes with a neighbour: no canonical
// decomposition, combining class 0, in no composition pair, and no Hangul (composed by rule).
bool inert(utf8proc_int32_t code_point) {
  if (code_point >= 0x1100 && code_point <= 0x11FF) return false;
  if (code_point >= 0xAC00 && code_point <= 0xD7A3) return false;
  const utf8proc_property_t* property = utf8proc_get_property(code_point);
  const bool canonical = property->decomp_seqindex != UINT16_MAX && property->decomp_type == 0;
  return property->combining_class == 0 && !canonical && property->comb_index == UINT16_MAX;
}

// Whether NFC leaves `line` (valid UTF-8) as it is: only ASCII and inert code points.
bool stable_under_nfc(std::string_view line) {
  for (std::size_t i = 0; i < line.size();) {
    if (static_cast<unsigned char>(line[i]) < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t code_point = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(line.data() + i),
                                    static_cast<utf8proc_ssize_t>(line.size() - i), &code_point);
    if (n <= 0 || !inert(code_point)) return false;
    i += static_cast<std::size_t>(n);
  }
  return true;
}

void append_nfc(std::string& out, std::string_view line) {
  const std::string terminated(line);
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> nfc(
      utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(terminated.c_str())), &std::free);
  if (nfc) {
    out += reinterpret_cast<const char*>(nfc.get());
  } else {
    out += line;
  }
}

// NFC line by line (a line feed never composes, so lines normalise apart); lines that NFC would
// not change, which is nearly all of them, are not copied through utf8proc.
std::string to_nfc(std::string text) {
  const std::string_view all(text);
  std::size_t first_unstable = std::string_view::npos;
  for (std::size_t begin = 0; begin < all.size();) {
    const std::size_t end = std::min(all.find('\n', begin), all.size());
    if (!stable_under_nfc(all.substr(begin, end - begin))) {
      first_unstable = begin;
      break;
    }
    begin = end + 1;
  }
  if (first_unstable == std::string_view::npos) return text;
  std::string out(all.substr(0, first_unstable));
  out.reserve(text.size());
  for (std::size_t begin = first_unstable; begin < all.size();) {
    const std::size_t end = std::min(all.find('\n', begin), all.size());
    const std::string_view line = all.substr(begin, end - begin);
    if (stable_under_nfc(line)) {
      out += line;
    } else {
      append_nfc(out, line);
    }
    if (end < all.size()) out += '\n';
    begin = end + 1;
  }
  return out;
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
  const std::optional<std::string> decoded = from_utf16(name, bytes, diagnostics);
  std::string content =
      to_nfc(clean_bytes(name, decoded ? std::string_view(*decoded) : bytes, diagnostics));
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
