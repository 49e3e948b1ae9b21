// Where a JSON file's string values sit in it, so that an answer read out of a JSON response or
// export can point its locations into the file. JsonStrings indexes every string value of the file
// in one linear pass (keys and empty values left out) by a hash of its decoded
// bytes; offsets_of() finds a value again and gives the file offset of each of its bytes (escapes
// such as `\u00e9` or `\n` make the two differ). Built per file; const use is thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace evgraph::detail {

// Appends the UTF-8 bytes of a code point.
void append_utf8(std::uint32_t code_point, std::string& out);

// One escape (`\n`, `\u00e9`, a surrogate pair) at `pos` (its backslash) in a JSON string literal:
// its bytes and its length in the file; nullopt when malformed.
std::optional<std::pair<std::string, std::size_t>> decode_json_escape(std::string_view raw,
                                                                      std::size_t pos);

class JsonStrings {
 public:
  explicit JsonStrings(std::string_view raw);

  // The file offset of each byte of `value` plus one past its end (the closing quote), for the
  // first string value in the file that decodes to `value`; empty when there is none.
  std::vector<std::size_t> offsets_of(std::string_view value) const;

 private:
  std::string_view raw_;
  std::unordered_map<std::uint64_t, std::size_t> literals_;  // hash → offset after the '"'
};

}  // namespace evgraph::detail
