// Where the values of a JSON text start, for diagnostics with a line and column: nlohmann/json
// keeps no positions, so a reader that has parsed the text scans it once more with PlaceScanner
// and walks the JsonPlace tree beside the parsed value. Linear in the text; the tree holds the
// containers down to a fixed depth only. Shared by the evidence JSON reader and the graph reader.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

namespace evgraph::detail {

// Where a value of the file starts: for an object's member, where its key starts. Down to the
// depth the scanner was given; deeper values are not recorded.
// (A member is a struct of its own, declared after the place: clang with libstdc++ 12 refuses a
// std::pair of the incomplete JsonPlace.)
struct JsonMember;
struct JsonPlace {
  std::size_t offset = 0;
  std::vector<JsonMember> members;  // keys as written, unescaped
  std::vector<JsonPlace> items;

  // The member's place; this place when it is absent (or its key was written with escapes).
  const JsonPlace& member(std::string_view key) const;
  const JsonPlace& item(std::size_t index) const {
    return index < items.size() ? items[index] : *this;
  }
};

struct JsonMember {
  std::string_view key;
  JsonPlace place;
};

inline const JsonPlace& JsonPlace::member(std::string_view key) const {
  for (const JsonMember& m : members) {
    if (m.key == key) return m.place;
  }
  return *this;
}

// One pass over text nlohmann has already accepted as JSON.
class PlaceScanner {
 public:
  // `depth`: how many levels of containers are recorded (5: a member of an object in a list in
  // a member of an object in a list in the root object).
  explicit PlaceScanner(std::string_view text, int depth = 5) : s_(text), depth_(depth) {}

  JsonPlace scan() { return value(0); }

 private:
  JsonPlace value(int depth) {
    space();
    JsonPlace place;
    place.offset = pos_;
    if (pos_ >= s_.size()) return place;
    if (depth < depth_ && s_[pos_] == '{') {
      object(place, depth);
    } else if (depth < depth_ && s_[pos_] == '[') {
      array(place, depth);
    } else {
      skip();
    }
    return place;
  }

  void object(JsonPlace& place, int depth) {
    ++pos_;
    while (next_element('}')) {
      const std::size_t key_at = pos_;
      const std::string_view key = string();
      space();
      ++pos_;  // ':'
      JsonPlace member = value(depth + 1);
      member.offset = key_at;
      place.members.push_back({key, std::move(member)});
    }
  }

  void array(JsonPlace& place, int depth) {
    ++pos_;
    while (next_element(']')) place.items.push_back(value(depth + 1));
  }

  // Past separating commas; false (and past the closer) at the container's end.
  bool next_element(char closer) {
    while (true) {
      space();
      if (pos_ >= s_.size()) return false;
      if (s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (s_[pos_] != closer) return true;
      ++pos_;
      return false;
    }
  }

  // A string's contents as written; the position ends past its closing quote.
  std::string_view string() {
    const std::size_t begin = ++pos_;
    while (pos_ < s_.size()) {
      pos_ = std::min(s_.find_first_of("\"\\", pos_), s_.size());
      if (pos_ < s_.size() && s_[pos_] == '\\') {
        pos_ += 2;
        continue;
      }
      break;
    }
    const std::size_t end = std::min(pos_, s_.size());
    ++pos_;
    return s_.substr(begin, end - begin);
  }

  void skip() {
    std::size_t open = 0;
    do {
      space();
      if (pos_ >= s_.size()) return;
      const char c = s_[pos_];
      if (c == '"') {
        string();
      } else if (c == '{' || c == '[') {
        ++open;
        ++pos_;
      } else if (c == '}' || c == ']') {
        --open;
        ++pos_;
      } else if (c == ',' || c == ':') {
        ++pos_;
      } else {
        pos_ = std::min(s_.find_first_of(",]} \t\n\r", pos_), s_.size());
      }
    } while (open > 0);
  }

  void space() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) {
      ++pos_;
    }
  }

  std::string_view s_;
  int depth_ = 5;
  std::size_t pos_ = 0;
};

}  // namespace evgraph::detail
