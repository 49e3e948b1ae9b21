// OpenAI API responses with web-search citations: Chat Completions (`choices[].message.content`
// with `message.annotations[]` of type url_citation, the span and source under `url_citation`)
// and the Responses API (`output[]` messages whose `output_text` parts carry `annotations[]` of
// type url_citation with start_index, end_index, url and title at the top level, or file_citation
// with a position `index` and a `filename`). Indices count characters as OpenAI's own servers and
// Python SDK do: code points, end exclusive (`text[start_index:end_index]`).
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
    R"(expected {"choices": [{"message": {"content": "…", "annotations": […]}}]} or )"
    R"({"output": [{"type": "message", "content": [{"type": "output_text", "text": "…"}]}]})";

[[noreturn]] void not_a_response(const Text& text, const std::string& why) {
  throw InputError({text.name(), 1, 1},
                   "not an OpenAI API response: " + why + "; " + std::string(kShape));
}

std::string counted(std::size_t n, const std::string& what) {
  return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

class ResponseReader {
 public:
  ResponseReader(const Text& text, Diagnostics& diagnostics)
      : text_(text), strings_(text.content()), diagnostics_(diagnostics) {}

  // One text value and its annotations, written as an answer after the ones before it.
  void add(const std::string& value, const json& annotations, const std::string& path) {
    std::vector<std::size_t> offsets = strings_.offsets_of(value);
    if (!writer_.empty()) {
      const std::size_t origin = offsets.empty() ? detail::kNowhere : offsets.front();
      writer_.insert("\n\n", origin);
    }
    std::vector<detail::CitedSpan> spans;
    detail::CodePoints code_points(value);
    for (const json& annotation : annotations) {
      const std::string type = string_member(annotation, "type");
      const json* body = member(annotation, "url_citation");  // Chat Completions nests it
      const json& fields = body && body->is_object() ? *body : annotation;
      std::string url = string_member(fields, "url");
      std::string title = string_member(fields, "title");
      if (type == "file_citation") title = string_member(annotation, "filename");
      if (type != "url_citation" && type != "file_citation") continue;
      ++(type == "url_citation" ? url_citations_ : file_citations_);
      const std::size_t start = detail::index_member(
          fields, type == "file_citation" ? "index" : "start_index", detail::kNowhere);
      const std::size_t end = type == "file_citation"
                                  ? start
                                  : detail::index_member(fields, "end_index", detail::kNowhere);
      const std::size_t begin = start == detail::kNowhere ? start : code_points.byte(start);
      const std::size_t stop = end == detail::kNowhere ? end : code_points.byte(end);
      const std::string label = label_of(url, title);
      if (begin == detail::kNowhere || stop == detail::kNowhere || stop < begin) {
        Diagnostic d;
        d.where = offsets.empty() ? Location{text_.name(), 1, 1} : text_.locate(offsets.front());
        d.message = "annotation " + type + " of " + path + " spans characters " +
                    (start == detail::kNowhere ? "?" : std::to_string(start)) + "–" +
                    (end == detail::kNowhere ? "?" : std::to_string(end)) +
                    ", outside the text; its source [" + label + "] is listed, not cited";
        d.code = "span-out-of-range";
        diagnostics_.push_back(std::move(d));
        continue;
      }
      spans.push_back({begin, stop, {label}});
    }
    detail::write_cited_spans(writer_, value, offsets, std::move(spans));
  }

  Document finish() {
    return detail::parse_written_answer(text_, writer_, text_.name() + " (" + first_path_ + ")",
                                        entries_.take(), diagnostics_);
  }

  // "4 url_citation annotations" (and file_citation ones, when there are any).
  std::string annotations() const {
    std::string counts = counted(url_citations_, "url_citation annotation");
    if (file_citations_ > 0) counts += ", " + counted(file_citations_, "file_citation annotation");
    return counts;
  }
  void name_first(const std::string& path) {
    if (first_path_.empty()) first_path_ = path;
  }

 private:
  std::string label_of(const std::string& url, const std::string& title) {
    return entries_.label(url, title, {text_.name(), 1, 1});
  }

  const Text& text_;
  const detail::JsonStrings strings_;
  Diagnostics& diagnostics_;
  detail::AnswerWriter writer_;
  detail::CitationList entries_{text_, strings_};
  std::size_t url_citations_ = 0;
  std::size_t file_citations_ = 0;
  std::string first_path_;
};

}  // namespace

ParsedAnswer parse_openai_response(const Text& text, Diagnostics& diagnostics) {
  json response =
      detail::parse_json_or(text, [&](const std::string& why) { not_a_response(text, why); });
  if (!response.is_object()) not_a_response(text, "the top level is not an object");
  ResponseReader reader(text, diagnostics);
  ParsedAnswer parsed;
  if (const json* output = member(response, "output"); output && output->is_array()) {
    for (std::size_t i = 0; i < output->size(); ++i) {
      const json& item = (*output)[i];
      if (string_member(item, "type") != "message") continue;
      const json& content = array_member(item, "content");
      for (std::size_t j = 0; j < content.size(); ++j) {
        if (string_member(content[j], "type") != "output_text") continue;
        const json* value = member(content[j], "text");
        if (!value || !value->is_string()) continue;
        const std::string path =
            "output[" + std::to_string(i) + "].content[" + std::to_string(j) + "].text";
        reader.name_first(path);
        reader.add(value->get<std::string>(), array_member(content[j], "annotations"), path);
      }
    }
    parsed.document = reader.finish();
    detail::make_one_answer(parsed.document,
                            detail::answer_by("OpenAI", string_member(response, "model")));
    parsed.recognised = "OpenAI Responses API response, " + reader.annotations();
    return parsed;
  }
  const json& choices = array_member(response, "choices");
  if (choices.empty()) not_a_response(text, "neither an \"output\" nor a \"choices\" array");
  for (std::size_t i = 0; i < choices.size(); ++i) {
    const json* message = member(choices[i], "message");
    const json* content = message ? member(*message, "content") : nullptr;
    if (!content || !content->is_string()) continue;
    const std::string path = "choices[" + std::to_string(i) + "].message.content";
    reader.name_first(path);
    reader.add(content->get<std::string>(), array_member(*message, "annotations"), path);
  }
  parsed.document = reader.finish();
  detail::make_one_answer(parsed.document,
                          detail::answer_by("OpenAI", string_member(response, "model")));
  parsed.recognised = "OpenAI Chat Completions response, " + reader.annotations();
  return parsed;
}

}  // namespace evgraph
