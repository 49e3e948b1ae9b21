// A number too large for a double ("1e999") makes nlohmann::json::parse throw out_of_range (406)
// rather than parse_error, with no position. Every reader of JSON turns it into the same refusal:
// what (the number as written) and where (the first place the file writes it).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace evgraph::detail {

struct JsonNumberOverflow {
  std::size_t offset = 0;  // byte offset of the number in the text; 0 when it cannot be found
  std::string message;     // "number too large: 1e999"
};

// `what` is nlohmann's message: "[json.exception.out_of_range.406] number overflow parsing
// '1e999'".
inline JsonNumberOverflow json_number_overflow(std::string_view text, std::string_view what) {
  std::string_view number;
  if (const std::size_t open = what.find('\''); open != std::string_view::npos) {
    number = what.substr(open + 1);
    number = number.substr(0, number.rfind('\''));
  }
  if (number.empty()) return {0, std::string(what)};
  const std::size_t at = text.find(number);
  return {at == std::string_view::npos ? 0 : at, "number too large: " + std::string(number)};
}

}  // namespace evgraph::detail
