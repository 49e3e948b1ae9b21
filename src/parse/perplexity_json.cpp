#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "evgraph/parse.hpp"
#include "parse/cited_answer.hpp"
#include "parse/document_locations.hpp"
#include "parse/json_strings.hpp"
#include "text/json_number.hpp"

namespace evgraph {
namespace {

using nlohmann::json;

constexpr std::string_view kShape =
    R"(expected {"choices": [{"message": {"content": "…"}}], "citations": […]})";

[[noreturn]] void not_a_response(const Text& text, const std::string& why) {
  throw InputError({text.name(), 1, 1},
                   "not a Perplexity API response: " + why + "; " + std::string(kShape));
}

json parse_json(const Text& text) {
  try {
    return json::parse(text.content());
  } catch (const json::parse_error& e) {
    not_a_response(text, std::string("not JSON (") + e.what() + ")");
  } catch (const json::out_of_range& e) {
    not_a_response(
        text, "not JSON (" + detail::json_number_overflow(text.content(), e.what()).message + ")");
  }
}

const std::string& answer_content(const Text& text, const json& response) {
  if (!response.is_object()) not_a_response(text, "the top level is not an object");
  const auto choices = response.find("choices");
  if (choices == response.end() || !choices->is_array() || choices->empty()) {
    not_a_response(text, "no \"choices\" array");
  }
  const json& choice = choices->front();
  if (!choice.is_object() || !choice.contains("message") || !choice.at("message").is_object() ||
      !choice.at("message").contains("content") ||
      !choice.at("message").at("content").is_string()) {
    not_a_response(text, "choices[0].message.content is not a string");
  }
  return choice.at("message").at("content").get_ref<const std::string&>();
}

// Where each byte of the answer sits in the file (escapes make the two differ): the string
// literal after a "content" key whose value is the answer.
class ContentMap {
 public:
  static std::optional<ContentMap> find(std::string_view raw, std::string_view content) {
    static constexpr std::string_view kKey = "\"content\"";
    for (std::size_t key = raw.find(kKey); key != std::string_view::npos;
         key = raw.find(kKey, key + 1)) {
      std::size_t pos = raw.find_first_not_of(" \t\n", key + kKey.size());
      if (pos == std::string_view::npos || raw[pos] != ':') continue;
      pos = raw.find_first_not_of(" \t\n", pos + 1);
      if (pos == std::string_view::npos || raw[pos] != '"') continue;
      if (auto map = decode(raw, pos + 1, content)) return map;
    }
    return std::nullopt;
  }

  std::size_t file_offset(std::size_t content_offset) const {
    return offsets_.at(std::min(content_offset, offsets_.size() - 1));
  }

 private:
  static std::optional<ContentMap> decode(std::string_view raw, std::size_t pos,
                                          std::string_view content) {
    ContentMap map;
    map.offsets_.reserve(content.size() + 1);
    while (pos < raw.size() && raw[pos] != '"') {
      std::string bytes(1, raw[pos]);
      std::size_t length = 1;
      if (raw[pos] == '\\') {
        auto escape = detail::decode_json_escape(raw, pos);
        if (!escape) return std::nullopt;
        std::tie(bytes, length) = std::move(*escape);
      }
      const std::size_t at = map.offsets_.size();
      if (content.substr(at, bytes.size()) != bytes) return std::nullopt;
      map.offsets_.insert(map.offsets_.end(), bytes.size(), pos);
      pos += length;
    }
    if (pos >= raw.size() || map.offsets_.size() != content.size()) return std::nullopt;
    map.offsets_.push_back(pos);
    return map;
  }

  std::vector<std::size_t> offsets_;
};

// Maps locations in the answer (its own lines and columns) to the file's.
class LocationMapper {
 public:
  LocationMapper(const Text& file, const Text& content, const ContentMap& map)
      : file_(file), content_(content), map_(map) {}

  void operator()(Location& where) const {
    if (where.line == 0 || where.line > content_.line_count()) return;
    const std::string_view line = content_.line(where.line);
    std::size_t offset = 0;
    for (std::size_t column = 1; column < where.column && offset < line.size(); ++column) {
      ++offset;
      while (offset < line.size() && (static_cast<unsigned char>(line[offset]) & 0xC0) == 0x80) {
        ++offset;
      }
    }
    where = file_.locate(map_.file_offset(content_.line_start(where.line) + offset));
  }

  void operator()(Document& document) const {
    detail::for_each_location(document, [this](Location& where) { (*this)(where); });
  }

 private:
  const Text& file_;
  const Text& content_;
  const ContentMap& map_;
};

std::string string_field(const json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// The first `"value"` literal at or after `from`, its slashes written plain or escaped (`\/`).
std::size_t find_string_literal(std::string_view raw, const std::string& value, std::size_t from) {
  if (from == std::string_view::npos || value.empty()) return std::string_view::npos;
  std::string escaped;
  for (char c : value) escaped += c == '/' ? std::string("\\/") : std::string(1, c);
  const std::size_t plain = raw.find("\"" + value + "\"", from);
  const std::size_t slashed = raw.find("\"" + escaped + "\"", from);
  return std::min(plain, slashed);
}

// `citations` (URLs, or {url, title} objects in newer versions), else `search_results`; a title
// from `search_results` fills in a bare URL at the same position.
std::vector<CitationEntry> read_citations(const Text& text, const json& response) {
  const json empty = json::array();
  const auto field = [&](const char* key) -> const json& {
    const auto found = response.find(key);
    return found != response.end() && found->is_array() ? *found : empty;
  };
  const json& citations = field("citations");
  const json& results = field("search_results");
  const json& list = citations.empty() ? results : citations;
  const std::string_view raw = text.content();
  std::size_t from = raw.find(citations.empty() ? "\"search_results\"" : "\"citations\"");
  const Location key_where =
      from == std::string_view::npos ? Location{text.name(), 1, 1} : text.locate(from);
  std::vector<CitationEntry> entries;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const json& item = list[i];
    CitationEntry entry;
    entry.label = std::to_string(i + 1);
    entry.url = item.is_string() ? item.get<std::string>() : string_field(item, "url");
    entry.title = item.is_object() ? string_field(item, "title") : std::string();
    if (entry.title.empty() && i < results.size() && results[i].is_object() &&
        string_field(results[i], "url") == entry.url) {
      entry.title = string_field(results[i], "title");
    }
    const std::size_t at = find_string_literal(raw, entry.url, from);
    if (at != std::string_view::npos) from = at;
    entry.where = at != std::string_view::npos ? text.locate(at) : key_where;
    if (!entry.url.empty() || !entry.title.empty()) entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace

// The answer is parsed as a Text of its own; its locations are then mapped into the file (line
// and column of the characters inside the JSON string). When the answer cannot be found verbatim
// in the file, locations stay relative to the answer, named "FILE (choices[0].message.content)".
Document parse_perplexity_response(const Text& text, Diagnostics& diagnostics) {
  const json response = parse_json(text);
  const std::string& content = answer_content(text, response);
  Diagnostics cleaning;  // the file's own reading reported anything the answer's could
  const Text answer = make_text(text.name(), content, cleaning);
  const auto map =
      answer.content() == content ? ContentMap::find(text.content(), content) : std::nullopt;
  const std::size_t first_diagnostic = diagnostics.size();
  Document document = map ? parse_answer(answer, diagnostics)
                          : parse_answer(make_text(text.name() + " (choices[0].message.content)",
                                                   content, cleaning),
                                         diagnostics);
  document.name = text.name();
  if (map) {
    const LocationMapper mapper(text, answer, *map);
    mapper(document);
    for (std::size_t i = first_diagnostic; i < diagnostics.size(); ++i) {
      mapper(diagnostics[i].where);
    }
  }
  std::vector<CitationEntry> citations = read_citations(text, response);
  if (document.blocks.empty() || !document.blocks.back().citations.empty()) {
    Block block;
    block.number = document.blocks.size() + 1;
    document.blocks.push_back(std::move(block));
  }
  document.blocks.back().citations = std::move(citations);
  const auto model = response.is_object() ? response.find("model") : response.end();
  detail::make_one_answer(
      document, detail::answer_by("Perplexity", model != response.end() && model->is_string()
                                                    ? model->get<std::string>()
                                                    : std::string()));
  return document;
}

}  // namespace evgraph
