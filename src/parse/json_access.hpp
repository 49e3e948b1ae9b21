// Reading the loosely typed JSON of API responses and exports: a member that may be missing or
// null, a string member that may be missing or of another type. Inline helpers; no state.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "evgraph/text.hpp"
#include "text/json_number.hpp"

namespace evgraph::detail {

// The text parsed as JSON; when it is not JSON, `fail` (which must throw) is told why.
template <typename Fail>
nlohmann::json parse_json_or(const Text& text, Fail&& fail) {
  try {
    return nlohmann::json::parse(text.content());
  } catch (const nlohmann::json::parse_error& e) {
    fail(std::string("not JSON (") + e.what() + ")");
  } catch (const nlohmann::json::out_of_range& e) {
    fail("not JSON (" + json_number_overflow(text.content(), e.what()).message + ")");
  }
  return nullptr;
}

// The member `key` of `object`, or nullptr when `object` is no object or the member is missing or
// null.
inline const nlohmann::json* member(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto found = object.find(key);
  return found == object.end() || found->is_null() ? nullptr : &*found;
}

// The string member `key`, or "" when it is missing or not a string.
inline std::string string_member(const nlohmann::json& object, const char* key) {
  const nlohmann::json* value = member(object, key);
  return value && value->is_string() ? value->get<std::string>() : std::string();
}

// The array member `key`, or an empty array.
inline const nlohmann::json& array_member(const nlohmann::json& object, const char* key) {
  static const nlohmann::json kEmpty = nlohmann::json::array();
  const nlohmann::json* value = member(object, key);
  return value && value->is_array() ? *value : kEmpty;
}

// The non-negative integer member `key`, or `fallback` (proto3 JSON leaves out zeros).
inline std::size_t index_member(const nlohmann::json& object, const char* key,
                                std::size_t fallback) {
  const nlohmann::json* value = member(object, key);
  if (value && value->is_number_unsigned()) return value->get<std::size_t>();
  if (value && value->is_number_integer() && value->get<long long>() >= 0) {
    return static_cast<std::size_t>(value->get<long long>());
  }
  return fallback;
}

}  // namespace evgraph::detail
