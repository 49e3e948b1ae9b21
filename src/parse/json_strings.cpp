#include "parse/json_strings.hpp"

#include <tuple>

namespace evgraph::detail {
namespace {

constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

std::uint64_t hashed(std::uint64_t hash, std::string_view bytes) {
  for (const char c : bytes) hash = (hash ^ static_cast<unsigned char>(c)) * kFnvPrime;
  return hash;
}

std::optional<std::uint32_t> hex4(std::string_view raw, std::size_t pos) {
  if (pos + 4 > raw.size()) return std::nullopt;
  std::uint32_t value = 0;
  for (std::size_t i = pos; i < pos + 4; ++i) {
    const char c = raw[i];
    const std::uint32_t digit = c >= '0' && c <= '9'   ? static_cast<std::uint32_t>(c - '0')
                                : c >= 'a' && c <= 'f' ? static_cast<std::uint32_t>(c - 'a' + 10)
                                : c >= 'A' && c <= 'F' ? static_cast<std::uint32_t>(c - 'A' + 10)
                                                       : 16;
    if (digit == 16) return std::nullopt;
    value = value * 16 + digit;
  }
  return value;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

void append_utf8(std::uint32_t code_point, std::string& out) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

std::optional<std::pair<std::string, std::size_t>> decode_json_escape(std::string_view raw,
                                                                      std::size_t pos) {
  if (pos + 1 >= raw.size()) return std::nullopt;
  static constexpr std::string_view kFrom = "\"\\/bfnrt";
  static constexpr std::string_view kTo = "\"\\/\b\f\n\r\t";
  if (const std::size_t simple = kFrom.find(raw[pos + 1]); simple != std::string_view::npos) {
    return std::pair{std::string(1, kTo[simple]), std::size_t{2}};
  }
  if (raw[pos + 1] != 'u') return std::nullopt;
  auto unit = hex4(raw, pos + 2);
  if (!unit) return std::nullopt;
  std::uint32_t code_point = *unit;
  std::size_t length = 6;
  if (code_point >= 0xD800 && code_point < 0xDC00 && raw.substr(pos + 6).starts_with("\\u")) {
    if (auto low = hex4(raw, pos + 8); low && *low >= 0xDC00 && *low < 0xE000) {
      code_point = 0x10000 + ((code_point - 0xD800) << 10) + (*low - 0xDC00);
      length = 12;
    }
  }
  std::string bytes;
  append_utf8(code_point, bytes);
  return std::pair{std::move(bytes), length};
}

JsonStrings::JsonStrings(std::string_view raw) : raw_(raw) {
  std::size_t pos = 0;
  while ((pos = raw.find('"', pos)) != std::string_view::npos) {
    const std::size_t start = ++pos;
    std::uint64_t hash = kFnvOffset;
    std::size_t length = 0;
    while (pos < raw.size() && raw[pos] != '"') {
      if (raw[pos] == '\\') {
        auto escape = decode_json_escape(raw, pos);
        if (!escape) {
          pos += 2;
          continue;
        }
        hash = hashed(hash, escape->first);
        length += escape->first.size();
        pos += escape->second;
      } else {
        hash = hashed(hash, raw.substr(pos, 1));
        ++length;
        ++pos;
      }
    }
    if (pos >= raw.size()) break;
    ++pos;  // the closing quote
    std::size_t next = pos;
    while (next < raw.size() && is_space(raw[next])) ++next;
    const bool key = next < raw.size() && raw[next] == ':';
    if (!key && length > 0) literals_.try_emplace(hash, start);
  }
}

std::vector<std::size_t> JsonStrings::offsets_of(std::string_view value) const {
  const auto found = literals_.find(hashed(kFnvOffset, value));
  if (found == literals_.end()) return {};
  std::vector<std::size_t> offsets;
  offsets.reserve(value.size() + 1);
  std::size_t pos = found->second;
  while (pos < raw_.size() && raw_[pos] != '"') {
    std::string bytes(1, raw_[pos]);
    std::size_t length = 1;
    if (raw_[pos] == '\\') {
      auto escape = decode_json_escape(raw_, pos);
      if (!escape) return {};
      std::tie(bytes, length) = std::move(*escape);
    }
    if (value.substr(offsets.size(), bytes.size()) != bytes) return {};
    offsets.insert(offsets.end(), bytes.size(), pos);
    pos += length;
  }
  if (offsets.size() != value.size()) return {};
  offsets.push_back(pos);
  return offsets;
}

}  // namespace evgraph::detail
