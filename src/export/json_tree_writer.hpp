// JsonTreeWriter: JsonWriter's calls (json_writer.hpp) building an nlohmann::ordered_json value
// instead of text, so that one function written against that interface makes both the streamed
// node-link export and the DOM the other formats read. raw() parses its JSON text (text that is
// not JSON becomes a string). The caller keeps the structure valid, as with JsonWriter.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace evgraph::detail {

class JsonTreeWriter {
 public:
  using Json = nlohmann::ordered_json;

  JsonTreeWriter& begin_object() { return open(Json::object()); }
  JsonTreeWriter& begin_array() { return open(Json::array()); }
  JsonTreeWriter& end_object() { return close(); }
  JsonTreeWriter& end_array() { return close(); }
  JsonTreeWriter& key(std::string_view name) {
    key_.assign(name);
    return *this;
  }
  JsonTreeWriter& string(std::string_view value) { return put(Json(std::string(value))); }
  JsonTreeWriter& integer(std::uint64_t value) { return put(Json(value)); }
  JsonTreeWriter& boolean(bool value) { return put(Json(value)); }
  JsonTreeWriter& number(double value) { return put(Json(value)); }
  JsonTreeWriter& raw(std::string_view json) {
    Json parsed = Json::parse(json, nullptr, false);
    return put(parsed.is_discarded() ? Json(std::string(json)) : std::move(parsed));
  }
  JsonTreeWriter& strings(std::span<const std::string> values) {
    Json list = Json::array();
    for (const std::string& value : values) list.push_back(value);
    return put(std::move(list));
  }

  // The value built, once its outermost container is closed.
  Json take() { return std::move(root_); }

 private:
  JsonTreeWriter& open(Json container) {
    open_.push_back(&place(std::move(container)));
    return *this;
  }
  JsonTreeWriter& close() {
    open_.pop_back();
    return *this;
  }
  JsonTreeWriter& put(Json value) {
    place(std::move(value));
    return *this;
  }
  // Puts `value` in the innermost open container (under the last key in an object), or makes it
  // the root; a container's place stays put while it is open, as only its own members are added.
  Json& place(Json value) {
    if (open_.empty()) return root_ = std::move(value);
    Json& container = *open_.back();
    if (container.is_array()) {
      container.push_back(std::move(value));
      return container.back();
    }
    return container[key_] = std::move(value);
  }

  Json root_;
  std::vector<Json*> open_;
  std::string key_;
};

}  // namespace evgraph::detail
