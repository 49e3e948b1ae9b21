#include "export/json_writer.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace evgraph::detail {
namespace {

// Bytes copied as they are, with no look at their neighbours: ASCII from space to DEL but " and \.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> plain{};
  for (std::size_t byte = 0x20; byte < 0x80; ++byte) plain[byte] = byte != '"' && byte != '\\';
  return plain;
}();

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// A multi-byte UTF-8 sequence at `p`: how many bytes it takes when it is well formed (Unicode's
// table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), or else how many bytes one
// U+FFFD replaces: its longest well-formed prefix, or the one byte that cannot start a sequence.
struct Sequence {
  std::size_t length;
  bool valid;
};

Sequence utf8_sequence(const unsigned char* p, const unsigned char* end) {
  const unsigned lead = *p;
  std::size_t length = 0;
  unsigned low = 0x80;   // the second byte's range, which the lead narrows
  unsigned high = 0xBF;  // (later bytes are always 80..BF)
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    return {1, false};  // a continuation byte, C0, C1 or F5..FF
  }
  for (std::size_t i = 1; i < length; ++i) {
    if (p + i == end || p[i] < low || p[i] > high) return {i, false};
    low = 0x80;
    high = 0xBF;
  }
  return {length, true};
}

void append_escape(std::string& out, unsigned char byte) {
  static constexpr char kHex[] = "0123456789abcdef";
  switch (byte) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      out += "\\u00";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = p + text.size();
  const auto* run = p;  // the start of the bytes not yet appended, all to be copied as they are
  const auto flush_run = [&] {
    out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
  };
  out += '"';
  while (p != end) {
    if (kPlain[*p]) {
      ++p;
    } else if (*p < 0x80) {
      flush_run();
      append_escape(out, *p);
      run = ++p;
    } else if (const Sequence sequence = utf8_sequence(p, end); sequence.valid) {
      p += sequence.length;
    } else {
      flush_run();
      out += kReplacement;
      p += sequence.length;
      run = p;
    }
  }
  flush_run();
  out += '"';
}

JsonWriter::JsonWriter(std::ostream& out) : out_(out) {
  buffer_.reserve(kBlock + 4096);
}

JsonWriter::~JsonWriter() {
  try {
    flush();
  } catch (...) {  // a stream that throws reports it at the caller's own flush()
  }
}

void JsonWriter::flush() {
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
}

void JsonWriter::separate() {
  if (after_key_) {
    after_key_ = false;
  } else if (!empty_.empty()) {
    if (!empty_.back()) buffer_ += ',';
    empty_.back() = false;
  }
}

void JsonWriter::open(char bracket) {
  separate();
  buffer_ += bracket;
  empty_.push_back(true);
}

void JsonWriter::close(char bracket) {
  empty_.pop_back();
  buffer_ += bracket;
  maybe_flush();
}

JsonWriter& JsonWriter::begin_object() {
  open('{');
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  close('}');
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  open('[');
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  close(']');
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  separate();
  append_json_string(buffer_, name);
  buffer_ += ':';
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view value) {
  separate();
  append_json_string(buffer_, value);
  maybe_flush();
  return *this;
}

JsonWriter& JsonWriter::integer(std::uint64_t value) {
  separate();
  char digits[20];
  const auto end = std::to_chars(std::begin(digits), std::end(digits), value).ptr;
  buffer_.append(digits, end);
  return *this;
}

JsonWriter& JsonWriter::boolean(bool value) {
  separate();
  buffer_ += value ? "true" : "false";
  return *this;
}

// nlohmann's Grisu2 digits, not std::to_chars: the two pick different shortest forms for about
// one double in a thousand, and a score read from a graph file can be any double.
JsonWriter& JsonWriter::number(double value) {
  separate();
  if (!std::isfinite(value)) {
    buffer_ += "null";
    return *this;
  }
  char digits[32];
  buffer_.append(digits, nlohmann::detail::to_chars(std::begin(digits), std::end(digits), value));
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  separate();
  buffer_ += json;
  maybe_flush();
  return *this;
}

JsonWriter& JsonWriter::strings(std::span<const std::string> values) {
  begin_array();
  for (const std::string& value : values) string(value);
  return end_array();
}

}  // namespace evgraph::detail
