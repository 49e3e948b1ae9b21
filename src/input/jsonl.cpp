// JSON Lines: one JSON object a line, each a record for the shared RecordMapper (keys in input
// order). A line that is not a JSON object is a diagnostic and the next line is read; only an input
// in which no line is an object is not JSON Lines at all.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "input/mapped_records.hpp"
#include "input/readers.hpp"
#include "text/json_number.hpp"

namespace evgraph::detail {
namespace {

using nlohmann::ordered_json;

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

std::string key_list(const ordered_json& object) {
  std::string out;
  for (auto it = object.begin(); it != object.end(); ++it) {
    out += (out.empty() ? "" : ", ") + it.key();
  }
  return out;
}

class JsonLinesReader {
 public:
  JsonLinesReader(const Text& text, const FieldMap& map, const Lexicon& lexicon,
                  Diagnostics& diagnostics)
      : text_(text), map_(map), lexicon_(lexicon), diagnostics_(diagnostics) {}

  Evidence run() {
    ordered_json value;
    for (std::size_t n = 1; n <= text_.line_count(); ++n) {
      const std::string_view line = text_.line(n);
      if (is_blank(line)) continue;
      const std::size_t start = text_.line_start(n);
      if (parse(line, start, value)) add(value, start);
    }
    if (!mapper_) return no_records();
    return mapper_->finish();
  }

 private:
  bool parse(std::string_view line, std::size_t start, ordered_json& value) {
    try {
      value = ordered_json::parse(line.begin(), line.end());
    } catch (const ordered_json::parse_error& error) {
      const std::size_t at = std::min(error.byte > 0 ? error.byte - 1 : 0, line.size());
      bad_line(start + at,
               "line is not valid JSON: " + std::string(json_error_detail(error.what())));
      return false;
    } catch (const ordered_json::out_of_range& error) {
      const auto overflow = json_number_overflow(line, error.what());
      bad_line(start + overflow.offset, "line is not valid JSON: " + overflow.message);
      return false;
    }
    if (value.is_object()) return true;
    bad_line(start, "line is a JSON " + std::string(value.type_name()) + ", not an object");
    return false;
  }

  void add(const ordered_json& object, std::size_t start) {
    if (!mapper_) start_mapper(object, start);
    record_.offset = start;
    record_.fields.clear();
    for (auto it = object.begin(); it != object.end(); ++it) {
      const ordered_json& value = it.value();
      const std::string_view text =
          value.is_string() ? std::string_view(value.get_ref<const std::string&>()) : "";
      record_.fields.push_back({it.key(), text, &value, kNoOffset});
    }
    mapper_->add(record_);
  }

  void start_mapper(const ordered_json& first, std::size_t start) {
    const std::string format(to_string(InputFormat::jsonl));
    if (!map_.empty()) {
      mapper_.emplace(text_, format, map_, lexicon_, diagnostics_);
      return;
    }
    std::vector<std::string_view> keys;
    for (auto it = first.begin(); it != first.end(); ++it) keys.emplace_back(it.key());
    FieldMap implied = implied_map(keys);
    if (implied.empty()) {
      throw InputError(text_.locate(start),
                       "no field is named after a role (text, source, stance, …) and no field map "
                       "was given: pass --map, e.g. --map text=FIELD,source=FIELD (fields: " +
                           key_list(first) + ")");
    }
    mapper_.emplace(text_, format, std::move(implied), lexicon_, diagnostics_);
  }

  Evidence no_records() {
    if (first_bad_) {
      throw InputError(*first_bad_, "not JSON Lines: no line holds a JSON object");
    }
    return EvidenceBuilder(text_.name(), std::string(to_string(InputFormat::jsonl)), lexicon_)
        .finish();
  }

  void bad_line(std::size_t offset, std::string message) {
    Location where = text_.locate(offset);
    if (!first_bad_) first_bad_ = where;
    diagnostics_.push_back({Severity::warning, std::move(where), std::move(message), "bad-record"});
  }

  const Text& text_;
  const FieldMap& map_;
  const Lexicon& lexicon_;
  Diagnostics& diagnostics_;
  std::optional<RecordMapper> mapper_;
  Record record_;
  std::optional<Location> first_bad_;
};

}  // namespace

Evidence read_jsonl(const Text& text, const FieldMap& map, const Lexicon& lexicon,
                    Diagnostics& diagnostics) {
  return JsonLinesReader(text, map, lexicon, diagnostics).run();
}

}  // namespace evgraph::detail
