// JsonWriter: compact JSON streamed to a std::ostream with no DOM, byte for byte what nlohmann
// 3.11's dump(-1, ' ', false, error_handler_t::replace) writes for the same value: strings through
// append_json_string (invalid UTF-8 becomes U+FFFD exactly where nlohmann puts it), integers in
// decimal, doubles in nlohmann's own shortest form (Grisu2, "1.0" for whole numbers, null for NaN
// and infinities). Output collects in a buffer written with out.write() in large blocks: call
// flush() before using the stream (the destructor flushes too). The caller keeps the structure
// valid (a key before each value in an object); the writer places the commas. Not thread-safe.
#pragma once

#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace evgraph::detail {

// Appends `text` as a quoted JSON string: \" \\ \b \f \n \r \t, other C0 controls as \u00xx,
// everything else (DEL, non-ASCII) as it is; each invalid UTF-8 sequence (its longest valid
// prefix, or one bad byte) becomes U+FFFD and reading resumes at the byte that broke it.
void append_json_string(std::string& out, std::string_view text);

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out);
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;
  ~JsonWriter();

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  // The next member's name; the value follows.
  JsonWriter& key(std::string_view name);
  JsonWriter& string(std::string_view value);
  JsonWriter& integer(std::uint64_t value);
  JsonWriter& boolean(bool value);
  JsonWriter& number(double value);
  // A value that is already JSON text, written as it is (outside any container: any text).
  JsonWriter& raw(std::string_view json);
  // An array of strings.
  JsonWriter& strings(std::span<const std::string> values);

  // Writes the buffer to the stream.
  void flush();

 private:
  // The comma before a value, unless it is a member's value or the first in its container.
  void separate();
  void open(char bracket);
  void close(char bracket);
  void maybe_flush() {
    if (buffer_.size() >= kBlock) flush();
  }

  static constexpr std::size_t kBlock = std::size_t{1} << 20;

  std::ostream& out_;
  std::string buffer_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace evgraph::detail
