#include "evgraph/input.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <string>

#include "evgraph/parse.hpp"
#include "input/readers.hpp"
#include "text/ascii.hpp"

namespace evgraph {
namespace {

struct FormatName {
  InputFormat format;
  std::string_view name;
};

constexpr std::array<FormatName, 9> kNames = {{
    {InputFormat::answer, "answer"},
    {InputFormat::perplexity_json, "perplexity-json"},
    {InputFormat::evidence_json, "evidence-json"},
    {InputFormat::csv, "csv"},
    {InputFormat::tsv, "tsv"},
    {InputFormat::jsonl, "jsonl"},
    {InputFormat::csl_json, "csl-json"},
    {InputFormat::bibtex, "bibtex"},
    {InputFormat::ris, "ris"},
}};

using ascii::lowered;

std::string_view skip_space(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  return s;
}

}  // namespace

std::optional<InputFormat> sniff_json_format(std::string_view head) {
  head = skip_space(head);
  if (head.starts_with('[')) return InputFormat::csl_json;
  if (!head.starts_with('{')) return std::nullopt;
  const std::string_view start = head.substr(0, 4096);
  if (start.find("\"choices\"") != std::string_view::npos) return InputFormat::perplexity_json;
  if (start.find("\"evgraph\"") != std::string_view::npos) return InputFormat::evidence_json;
  // JSON Lines: a first line that is a whole object, and another object on the next line.
  const std::size_t line_end = head.find('\n');
  if (line_end == std::string_view::npos) return std::nullopt;
  std::string_view first = head.substr(0, line_end);
  while (!first.empty() && (first.back() == ' ' || first.back() == '\t' || first.back() == '\r')) {
    first.remove_suffix(1);
  }
  if (first.ends_with('}') && skip_space(head.substr(line_end)).starts_with('{')) {
    return InputFormat::jsonl;
  }
  return std::nullopt;
}

std::string_view to_string(InputFormat format) {
  for (const FormatName& entry : kNames) {
    if (entry.format == format) return entry.name;
  }
  return "answer";
}

std::optional<InputFormat> input_format_from_name(std::string_view name) {
  const std::string wanted = lowered(name);
  for (const FormatName& entry : kNames) {
    if (entry.name == wanted) return entry.format;
  }
  if (wanted == "csl" || wanted == "csljson" || wanted == "csl_json") return InputFormat::csl_json;
  if (wanted == "bib" || wanted == "biblatex") return InputFormat::bibtex;
  if (wanted == "txt" || wanted == "md" || wanted == "markdown") return InputFormat::answer;
  if (wanted == "ndjson") return InputFormat::jsonl;
  if (wanted == "perplexity") return InputFormat::perplexity_json;
  if (wanted == "evidence") return InputFormat::evidence_json;
  return std::nullopt;
}

InputFormat detect_input_format(const Text& text) {
  const std::string extension = lowered(std::filesystem::path(text.name()).extension().string());
  if (extension == ".bib" || extension == ".bibtex") return InputFormat::bibtex;
  if (extension == ".ris") return InputFormat::ris;
  if (extension == ".csv") return InputFormat::csv;
  if (extension == ".tsv" || extension == ".tab") return InputFormat::tsv;
  if (extension == ".jsonl" || extension == ".ndjson") return InputFormat::jsonl;
  if (extension == ".json") {
    return sniff_json_format(text.content()).value_or(InputFormat::evidence_json);
  }
  const std::string_view head = skip_space(text.content());
  if (head.starts_with("TY  -")) return InputFormat::ris;
  if (head.starts_with('{') && (head.find("\"choices\"") < 4096)) {
    return InputFormat::perplexity_json;
  }
  return InputFormat::answer;
}

const std::string* FieldMap::field(std::string_view role) const {
  for (const auto& [name, value] : fields) {
    if (name == role) return &value;
  }
  return nullptr;
}

FieldMap parse_field_map(std::string_view spec) {
  FieldMap map;
  while (!spec.empty()) {
    const std::size_t comma = spec.find(',');
    const std::string_view part = spec.substr(0, comma);
    spec = comma == std::string_view::npos ? std::string_view() : spec.substr(comma + 1);
    if (part.empty()) continue;
    const std::size_t equals = part.find('=');
    if (equals == std::string_view::npos || equals == 0 || equals + 1 == part.size()) {
      throw Error("--map: '" + std::string(part) + "' is not ROLE=FIELD");
    }
    const std::string role = lowered(part.substr(0, equals));
    if (std::find(std::begin(kFieldRoles), std::end(kFieldRoles), role) == std::end(kFieldRoles)) {
      std::string known;
      for (std::string_view r : kFieldRoles) known += (known.empty() ? "" : ", ") + std::string(r);
      throw Error("--map: unknown role '" + role + "'; known: " + known);
    }
    if (map.field(role)) throw Error("--map: role '" + role + "' is given twice");
    map.fields.emplace_back(role, std::string(part.substr(equals + 1)));
  }
  return map;
}

namespace {

Evidence read_as(const Text& text, InputFormat format, const FieldMap& map, const Lexicon& lexicon,
                 Diagnostics& diagnostics) {
  switch (format) {
    case InputFormat::answer:
      return extract(parse_answer(text, diagnostics), lexicon, diagnostics);
    case InputFormat::perplexity_json:
      return extract(parse_perplexity_response(text, diagnostics), lexicon, diagnostics);
    case InputFormat::evidence_json:
      return detail::read_evidence_json(text, lexicon, diagnostics);
    case InputFormat::csv:
      return detail::read_table(text, ',', map, lexicon, diagnostics);
    case InputFormat::tsv:
      return detail::read_table(text, '\t', map, lexicon, diagnostics);
    case InputFormat::jsonl:
      return detail::read_jsonl(text, map, lexicon, diagnostics);
    case InputFormat::csl_json:
      return detail::read_csl_json(text, diagnostics);
    case InputFormat::bibtex:
      return detail::read_bibtex(text, diagnostics);
    case InputFormat::ris:
      return detail::read_ris(text, diagnostics);
  }
  return extract(parse_answer(text, diagnostics), lexicon, diagnostics);
}

}  // namespace

Evidence read_evidence(const Text& text, std::optional<InputFormat> format, const FieldMap& map,
                       const Lexicon& lexicon, Diagnostics& diagnostics) {
  const InputFormat chosen = format.value_or(detect_input_format(text));
  Evidence evidence = read_as(text, chosen, map, lexicon, diagnostics);
  evidence.format = to_string(chosen);
  if (evidence.claims.empty() && evidence.sources.empty()) {
    Diagnostic empty;
    empty.where.file = text.name();
    empty.message =
        "no claims and no sources found (read as " + std::string(to_string(chosen)) + ")";
    empty.code = "empty-input";
    diagnostics.push_back(std::move(empty));
  }
  return evidence;
}

}  // namespace evgraph
