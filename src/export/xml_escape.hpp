// XML 1.0 text for the XML exports, streamed: `& < > " '` become entities and TAB, LF and CR
// character references (so attribute values keep them: a reader normalises them to spaces
// otherwise), each exactly once. Characters XML 1.0 forbids (C0 controls, U+FFFE, U+FFFF) and
// invalid UTF-8 become U+FFFD, counted, never an error. Header-only; XmlOut is not thread-safe.
#pragma once

#include <utf8proc.h>

#include <array>
#include <charconv>
#include <cstddef>
#include <ostream>
#include <string_view>

namespace evgraph::detail {

inline constexpr std::string_view kXmlReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The markup for an ASCII byte that cannot be written as itself; empty when it can.
constexpr std::string_view xml_escape_ascii(char c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&apos;";
    case '\t':
      return "&#9;";
    case '\n':
      return "&#10;";
    case '\r':
      return "&#13;";
    default:
      return static_cast<unsigned char>(c) < 0x20 ? kXmlReplacement : std::string_view();
  }
}

struct XmlChar {
  std::size_t length = 1;  // bytes; 1 for an invalid byte
  bool allowed = false;
};

// The non-ASCII UTF-8 sequence at the start of `text`, and whether XML 1.0 allows it.
inline XmlChar next_xml_char(std::string_view text) {
  utf8proc_int32_t code_point = 0;
  const auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                       static_cast<utf8proc_ssize_t>(text.size()), &code_point);
  if (length <= 0) return {};
  return {static_cast<std::size_t>(length), code_point != 0xFFFE && code_point != 0xFFFF};
}

// Writes `text` escaped; returns how many characters it replaced with U+FFFD.
inline std::size_t write_xml_escaped(std::ostream& out, std::string_view text) {
  std::size_t replaced = 0;
  std::size_t run = 0;  // start of the bytes not yet written, all safe as they are
  auto flush_then = [&](std::size_t i, std::string_view markup) {
    out.write(text.data() + run, static_cast<std::streamsize>(i - run));
    out << markup;
  };
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      const std::string_view markup = xml_escape_ascii(text[i]);
      if (!markup.empty()) {
        flush_then(i, markup);
        if (markup == kXmlReplacement) ++replaced;
        run = i + 1;
      }
      ++i;
      continue;
    }
    const XmlChar next = next_xml_char(text.substr(i));
    if (!next.allowed) {
      flush_then(i, kXmlReplacement);
      ++replaced;
      run = i + next.length;
    }
    i += next.length;
  }
  out.write(text.data() + run, static_cast<std::streamsize>(text.size() - run));
  return replaced;
}

// Trusted markup goes out as is; text goes through write_xml_escaped, and the replacements add up.
class XmlOut {
 public:
  explicit XmlOut(std::ostream& out) : out_(out) {}

  XmlOut& markup(std::string_view markup) {
    out_ << markup;
    return *this;
  }
  XmlOut& text(std::string_view text) {
    replaced_ += write_xml_escaped(out_, text);
    return *this;
  }
  XmlOut& number(std::size_t value) {
    std::array<char, 24> digits{};
    const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), value).ptr;
    return markup(std::string_view(digits.data(), static_cast<std::size_t>(end - digits.data())));
  }
  // ` name="value"`, the value escaped.
  XmlOut& attribute(std::string_view name, std::string_view value) {
    return markup(" ").markup(name).markup("=\"").text(value).markup("\"");
  }
  std::size_t replaced() const noexcept { return replaced_; }

 private:
  std::ostream& out_;
  std::size_t replaced_ = 0;
};

}  // namespace evgraph::detail
