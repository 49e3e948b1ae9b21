// An Anthropic Messages API response: `content[]` blocks, of which the `text` ones make the answer
// when put together. A text block with `citations[]` is a claim citing those works: web pages
// (web_search_result_location: url, title, cited_text, encrypted_index; search_result_location:
// source, title) or documents given in the request (char_location, page_location,
// content_block_location: document_index, document_title, cited_text and the cited range). Text
// blocks without citations are prose around them (uncited claims). A citation's cited_text is the
// quote of its cites edge. Tool use and tool result blocks (server_tool_use,
// web_search_tool_result) are the search itself, not the answer.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "evgraph/parse.hpp"
#include "parse/cited_answer.hpp"
#include "parse/json_access.hpp"
#include "parse/json_strings.hpp"

namespace evgraph {
namespace {

using detail::array_member;
using detail::member;
using detail::string_member;
using nlohmann::json;

constexpr std::string_view kShape =
    R"(expected {"type": "message", "content": [{"type": "text", "text": "…", "citations": […]}]})";

[[noreturn]] void not_a_response(const Text& text, const std::string& why) {
  throw InputError({text.name(), 1, 1},
                   "not an Anthropic Messages API response: " + why + "; " + std::string(kShape));
}

bool is_url(const std::string& text) {
  return text.starts_with("http://") || text.starts_with("https://");
}

// A citation's `cited_text`, white space collapsed and trimmed.
std::string quoted_text(const nlohmann::json& citation) {
  std::string quote;
  for (char c : detail::string_member(citation, "cited_text")) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!quote.empty() && quote.back() != ' ') quote += ' ';
    } else {
      quote += c;
    }
  }
  if (!quote.empty() && quote.back() == ' ') quote.pop_back();
  return quote;
}

std::string counted(std::size_t n, const std::string& what) {
  return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

}  // namespace

// A document cited by its place (char/page/content block location) is a source known by its
// title: `document_title`, or "<file> document <n>" for an untitled one (n from document_index),
// so that two responses citing the same titled document cite one source.
ParsedAnswer parse_anthropic_response(const Text& text, Diagnostics& diagnostics) {
  json response =
      detail::parse_json_or(text, [&](const std::string& why) { not_a_response(text, why); });
  if (!response.is_object()) not_a_response(text, "the top level is not an object");
  const json* blocks = member(response, "content");
  if (!blocks || !blocks->is_array()) not_a_response(text, "no \"content\" array");
  const detail::JsonStrings strings(text.content());
  detail::CitationList entries(text, strings);
  std::map<std::string, std::size_t> kinds;
  const auto label_of = [&](const std::string& url, const std::string& title,
                            const std::string& quote) {
    return entries.label(url, title, {text.name(), 1, 1}, quote);
  };
  // The answer: every text block's text, one after another, with the blocks that cite as spans.
  std::string value;
  std::vector<std::size_t> offsets;
  bool placed = true;
  std::vector<detail::CitedSpan> spans;
  bool apart = false;  // a tool use or result since the last text block
  for (const json& block : *blocks) {
    if (string_member(block, "type") != "text") {
      apart = !value.empty();
      continue;
    }
    if (apart) {  // text before a search and text after it are paragraphs apart
      value += "\n\n";
      if (placed)
        offsets.insert(offsets.end(), 2, offsets.empty() ? detail::kNowhere : offsets.back());
      apart = false;
    }
    const std::string piece = string_member(block, "text");
    const std::size_t begin = value.size();
    value += piece;
    if (placed) {
      std::vector<std::size_t> found = strings.offsets_of(piece);
      placed = !found.empty() || piece.empty();
      if (!found.empty()) offsets.insert(offsets.end(), found.begin(), found.end() - 1);
    }
    detail::CitedSpan span{begin, value.size(), {}};
    for (const json& citation : array_member(block, "citations")) {
      const std::string type = string_member(citation, "type");
      ++kinds[type.empty() ? std::string("untyped") : type];
      std::string url = string_member(citation, "url");
      std::string title = string_member(citation, "title");
      if (type == "search_result_location" && is_url(string_member(citation, "source"))) {
        url = string_member(citation, "source");
      }
      if (url.empty() && member(citation, "document_index")) {
        title = string_member(citation, "document_title");
        if (title.empty()) {
          title = text.name() + " document " +
                  std::to_string(detail::index_member(citation, "document_index", 0) + 1);
        }
      }
      if (url.empty() && title.empty()) title = string_member(citation, "source");
      if (url.empty() && title.empty()) {
        Diagnostic d;
        d.where = placed && !offsets.empty() && begin < offsets.size()
                      ? text.locate(offsets[begin])
                      : Location{text.name(), 1, 1};
        d.message = "citation of type '" + type + "' names no URL, title or document; not cited";
        d.code = "citation-without-source";
        diagnostics.push_back(std::move(d));
        continue;
      }
      // The passage cited (`cited_text`) is the quote of the cites edge.
      const std::string label = label_of(url, title, quoted_text(citation));
      if (std::find(span.labels.begin(), span.labels.end(), label) == span.labels.end()) {
        span.labels.push_back(label);
      }
    }
    if (!span.labels.empty()) spans.push_back(std::move(span));
  }
  if (placed) {
    offsets.push_back(offsets.empty() ? detail::kNowhere : offsets.back());
  } else {
    offsets.clear();
  }
  detail::AnswerWriter writer;
  detail::write_cited_spans(writer, value, offsets, std::move(spans));
  ParsedAnswer parsed;
  parsed.document = detail::parse_written_answer(text, writer, text.name() + " (content[].text)",
                                                 entries.take(), diagnostics);
  detail::make_one_answer(parsed.document,
                          detail::answer_by("Claude", string_member(response, "model")));
  std::size_t total = 0;
  std::string detail;
  for (const auto& [kind, n] : kinds) {
    total += n;
    detail += (detail.empty() ? "" : ", ") + std::to_string(n) + " " + kind;
  }
  parsed.recognised = "Anthropic Messages API response, " + counted(total, "citation") +
                      (detail.empty() ? "" : " (" + detail + ")");
  return parsed;
}

}  // namespace evgraph
