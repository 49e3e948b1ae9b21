#include "evgraph/input.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <string>

#include "evgraph/parse.hpp"
#include "input/readers.hpp"
#include "parse/html_page.hpp"
#include "text/ascii.hpp"

namespace evgraph {
namespace {

struct FormatName {
  InputFormat format;
  std::string_view name;
};

constexpr std::array<FormatName, 14> kNames = {{
    {InputFormat::answer, "answer"},
    {InputFormat::perplexity_json, "perplexity-json"},
    {InputFormat::evidence_json, "evidence-json"},
    {InputFormat::csv, "csv"},
    {InputFormat::tsv, "tsv"},
    {InputFormat::jsonl, "jsonl"},
    {InputFormat::csl_json, "csl-json"},
    {InputFormat::bibtex, "bibtex"},
    {InputFormat::ris, "ris"},
    {InputFormat::chatgpt_export, "chatgpt-export"},
    {InputFormat::openai, "openai"},
    {InputFormat::anthropic, "anthropic"},
    {InputFormat::gemini, "gemini"},
    {InputFormat::html, "html"},
}};

using ascii::lowered;

std::string_view skip_space(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  return s;
}

bool has(std::string_view text, std::string_view key) {
  return text.find(key) != std::string_view::npos;
}

// `"key": "value"`, with any spacing around the colon.
bool has_pair(std::string_view text, std::string_view key, std::string_view value) {
  const std::string quoted_key = "\"" + std::string(key) + "\"";
  const std::string quoted_value = "\"" + std::string(value) + "\"";
  for (std::size_t at = text.find(quoted_key); at != std::string_view::npos;
       at = text.find(quoted_key, at + 1)) {
    std::string_view rest = skip_space(text.substr(at + quoted_key.size()));
    if (!rest.starts_with(':')) continue;
    if (skip_space(rest.substr(1)).starts_with(quoted_value)) return true;
  }
  return false;
}

// A ChatGPT conversation's tree: "mapping" with "current_node", or nodes with parent/children
// (current_node comes after the whole mapping, often past the first few KB).
bool is_conversation(std::string_view start) {
  return has(start, "\"mapping\"") && (has(start, "\"current_node\"") ||
                                       (has(start, "\"children\"") && has(start, "\"parent\"")));
}

constexpr std::size_t kSniffed = 16384;

}  // namespace

std::optional<InputFormat> sniff_json_format(std::string_view head) {
  head = skip_space(head);
  if (head.starts_with('[')) {
    return is_conversation(head.substr(0, kSniffed)) ? InputFormat::chatgpt_export
                                                     : InputFormat::csl_json;
  }
  if (!head.starts_with('{')) return std::nullopt;
  const std::string_view start = head.substr(0, 4096);
  if (is_conversation(head.substr(0, kSniffed))) return InputFormat::chatgpt_export;
  if (has(start, "\"choices\"")) {
    if (has(start, "\"citations\"") || has(start, "\"search_results\"")) {
      return InputFormat::perplexity_json;
    }
    if (has(start, "\"url_citation\"") || has(start, "\"annotations\"")) {
      return InputFormat::openai;
    }
    return InputFormat::perplexity_json;
  }
  if (has(start, "\"candidates\"")) return InputFormat::gemini;
  if (has_pair(start, "object", "response") ||
      (has(start, "\"output\"") && has(start, "\"output_text\""))) {
    return InputFormat::openai;
  }
  if (has_pair(start, "type", "message") && has(start, "\"content\"") &&
      !has(start, "\"evgraph\"")) {
    return InputFormat::anthropic;
  }
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
  if (wanted == "chatgpt" || wanted == "conversations" || wanted == "chatgpt_export") {
    return InputFormat::chatgpt_export;
  }
  if (wanted == "openai-responses" || wanted == "openai-chat") return InputFormat::openai;
  if (wanted == "claude") return InputFormat::anthropic;
  if (wanted == "vertex" || wanted == "google") return InputFormat::gemini;
  if (wanted == "htm" || wanted == "xhtml" || wanted == "html-page") return InputFormat::html;
  return std::nullopt;
}

InputFormat detect_input_format(const Text& text) {
  const std::string extension = lowered(std::filesystem::path(text.name()).extension().string());
  if (extension == ".bib" || extension == ".bibtex") return InputFormat::bibtex;
  if (extension == ".ris") return InputFormat::ris;
  if (extension == ".csv") return InputFormat::csv;
  if (extension == ".tsv" || extension == ".tab") return InputFormat::tsv;
  if (extension == ".jsonl" || extension == ".ndjson") return InputFormat::jsonl;
  if (extension == ".html" || extension == ".htm" || extension == ".xhtml")
    return InputFormat::html;
  const std::optional<InputFormat> sniffed = sniff_json_format(text.content());
  // A chat completion whose first KB name no Perplexity citations may still be OpenAI's, with its
  // annotations after a long answer.
  const auto refined = [&](InputFormat format) {
    const std::string_view content = text.content();
    if (format == InputFormat::perplexity_json && has(content, "\"url_citation\"") &&
        !has(content, "\"citations\"") && !has(content, "\"search_results\"")) {
      return InputFormat::openai;
    }
    return format;
  };
  if (extension == ".json") return refined(sniffed.value_or(InputFormat::evidence_json));
  const std::string_view head = skip_space(text.content());
  if (head.starts_with("TY  -")) return InputFormat::ris;
  if (detail::looks_like_html(head)) return InputFormat::html;
  if (sniffed && (*sniffed == InputFormat::perplexity_json || *sniffed == InputFormat::openai ||
                  *sniffed == InputFormat::anthropic || *sniffed == InputFormat::gemini ||
                  *sniffed == InputFormat::chatgpt_export)) {
    return refined(*sniffed);
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

// The answer of an API response, extracted, with what its reader recognised.
Evidence read_answer(ParsedAnswer parsed, const Lexicon& lexicon, Diagnostics& diagnostics) {
  Evidence evidence = extract(parsed.document, lexicon, diagnostics);
  evidence.recognised = std::move(parsed.recognised);
  return evidence;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

Evidence read_as(const Text& text, InputFormat format, const FieldMap& map, const Lexicon& lexicon,
                 Diagnostics& diagnostics) {
  switch (format) {
    case InputFormat::answer:
      return extract(parse_answer(text, diagnostics), lexicon, diagnostics);
    case InputFormat::perplexity_json: {
      Document document = parse_perplexity_response(text, diagnostics);
      const std::size_t listed =
          document.blocks.empty() ? 0 : document.blocks.back().citations.size();
      Evidence evidence = extract(document, lexicon, diagnostics);
      evidence.recognised = "Perplexity API response, " + plural(listed, "citation", "citations");
      return evidence;
    }
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
    case InputFormat::chatgpt_export: {
      ParsedExport parsed = parse_chatgpt_export(text, diagnostics);
      Document all;
      all.name = text.name();
      for (Conversation& conversation : parsed.conversations) {
        const std::size_t answers = all.answers.size();
        for (AnswerInfo& answer : conversation.document.answers) {
          if (answer.heading.empty()) answer.heading = conversation.title;
          all.answers.push_back(std::move(answer));
        }
        for (Block& block : conversation.document.blocks) {
          block.number = all.blocks.size() + 1;
          if (block.answer != 0) block.answer += answers;
          all.blocks.push_back(std::move(block));
        }
        all.footnotes.insert(all.footnotes.end(), conversation.document.footnotes.begin(),
                             conversation.document.footnotes.end());
      }
      Evidence evidence = extract(all, lexicon, diagnostics);
      evidence.recognised = std::move(parsed.recognised);
      return evidence;
    }
    case InputFormat::openai:
      return read_answer(parse_openai_response(text, diagnostics), lexicon, diagnostics);
    case InputFormat::anthropic:
      return read_answer(parse_anthropic_response(text, diagnostics), lexicon, diagnostics);
    case InputFormat::gemini:
      return read_answer(parse_gemini_response(text, diagnostics), lexicon, diagnostics);
    case InputFormat::html: {
      ParsedAnswer parsed = parse_html_page(text, diagnostics);
      std::string title = std::move(parsed.title);
      Evidence evidence = read_answer(std::move(parsed), lexicon, diagnostics);
      evidence.title = std::move(title);
      return evidence;
    }
  }
  return extract(parse_answer(text, diagnostics), lexicon, diagnostics);
}

void report_if_empty(const Text& text, InputFormat format, const std::vector<Evidence>& documents,
                     Diagnostics& diagnostics) {
  for (const Evidence& evidence : documents) {
    if (!evidence.claims.empty() || !evidence.sources.empty()) return;
  }
  Diagnostic empty;
  empty.where.file = text.name();
  empty.message = "no claims and no sources found (read as " + std::string(to_string(format)) + ")";
  empty.code = "empty-input";
  diagnostics.push_back(std::move(empty));
}

}  // namespace

Evidence read_evidence(const Text& text, std::optional<InputFormat> format, const FieldMap& map,
                       const Lexicon& lexicon, Diagnostics& diagnostics) {
  const InputFormat chosen = format.value_or(detect_input_format(text));
  std::vector<Evidence> read;  // not `read(1, …)`: the fill constructor copies every claim
  read.push_back(read_as(text, chosen, map, lexicon, diagnostics));
  read.front().format = to_string(chosen);
  report_if_empty(text, chosen, read, diagnostics);
  return std::move(read.front());
}

std::vector<Evidence> read_documents(const Text& text, std::optional<InputFormat> format,
                                     const FieldMap& map, const Lexicon& lexicon,
                                     Diagnostics& diagnostics) {
  const InputFormat chosen = format.value_or(detect_input_format(text));
  if (chosen != InputFormat::chatgpt_export) {
    std::vector<Evidence> one;  // not `return {…}`: an initializer list would copy every claim
    one.push_back(read_evidence(text, chosen, map, lexicon, diagnostics));
    return one;
  }
  ParsedExport parsed = parse_chatgpt_export(text, diagnostics);
  std::vector<Evidence> documents;
  documents.reserve(parsed.conversations.size());
  for (Conversation& conversation : parsed.conversations) {
    Evidence evidence = extract(conversation.document, lexicon, diagnostics);
    evidence.document = conversation.document.name;
    evidence.format = to_string(chosen);
    evidence.title = conversation.title;
    evidence.recognised = parsed.recognised;
    documents.push_back(std::move(evidence));
  }
  report_if_empty(text, chosen, documents, diagnostics);
  return documents;
}

}  // namespace evgraph
