// A Gemini API (or Vertex AI) generateContent response grounded with Google Search:
// `candidates[].content.parts[].text` is the answer; `candidates[].groundingMetadata` names the
// pages searched (`groundingChunks[].web.{uri,title}`, or `retrievedContext` for Vertex
// retrieval) and which stretch of the answer each supports (`groundingSupports[].segment.
// {partIndex,startIndex,endIndex,text}` with `groundingChunkIndices`). Segment indices are UTF-8
// byte offsets within the part (Gemini's API reference: "measured in bytes"); proto3 JSON leaves
// out a zero startIndex or partIndex. The supported segment is the claim; it cites its chunks.
// Vertex's redirect URIs (vertexaisearch.cloud.google.com/grounding-api-redirect/…) are kept as
// the URL, with the chunk's title (the site) as the title.
#include <algorithm>
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
using detail::index_member;
using detail::kNowhere;
using detail::member;
using detail::string_member;
using nlohmann::json;

constexpr std::string_view kShape =
    R"(expected {"candidates": [{"content": {"parts": [{"text": "…"}]}, )"
    R"("groundingMetadata": {"groundingChunks": […], "groundingSupports": […]}}]})";

[[noreturn]] void not_a_response(const Text& text, const std::string& why) {
  throw InputError({text.name(), 1, 1},
                   "not a Gemini API response: " + why + "; " + std::string(kShape));
}

std::string counted(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

const nlohmann::json kNone = nlohmann::json::array();

bool is_thought(const nlohmann::json& part) {
  const nlohmann::json* thought = detail::member(part, "thought");
  return thought && thought->is_boolean() && thought->get<bool>();
}

}  // namespace

ParsedAnswer parse_gemini_response(const Text& text, Diagnostics& diagnostics) {
  json response =
      detail::parse_json_or(text, [&](const std::string& why) { not_a_response(text, why); });
  if (!response.is_object()) not_a_response(text, "the top level is not an object");
  const json* candidates = member(response, "candidates");
  if (!candidates || !candidates->is_array()) not_a_response(text, "no \"candidates\" array");
  const detail::JsonStrings strings(text.content());
  detail::AnswerWriter writer;
  std::vector<CitationEntry> entries;
  std::size_t supports = 0;
  std::size_t queries = 0;
  AnswerInfo info = detail::answer_by("Gemini", string_member(response, "modelVersion"));
  const auto report = [&](std::size_t file_offset, std::string message, const char* code) {
    Diagnostic d;
    d.where = file_offset == kNowhere ? Location{text.name(), 1, 1} : text.locate(file_offset);
    d.message = std::move(message);
    d.code = code;
    diagnostics.push_back(std::move(d));
  };
  for (std::size_t c = 0; c < candidates->size(); ++c) {
    const json& candidate = (*candidates)[c];
    const json* content = member(candidate, "content");
    const json& parts = content ? array_member(*content, "parts") : kNone;
    // The parts' text, one after another, as the SDKs' `response.text` puts it.
    std::string value;
    std::vector<std::size_t> offsets;
    std::vector<std::size_t> part_starts;
    bool placed = true;
    for (const json& part : parts) {
      part_starts.push_back(value.size());
      if (is_thought(part) || !member(part, "text")) continue;
      const std::string piece = string_member(part, "text");
      value += piece;
      std::vector<std::size_t> found = strings.offsets_of(piece);
      placed = placed && (!found.empty() || piece.empty());
      if (placed && !found.empty()) offsets.insert(offsets.end(), found.begin(), found.end() - 1);
    }
    if (placed) {
      offsets.push_back(offsets.empty() ? kNowhere : offsets.back());
    } else {
      offsets.clear();
    }
    const std::size_t first_offset = offsets.empty() ? kNowhere : offsets.front();
    const json* metadata = member(candidate, "groundingMetadata");
    const json& chunks = metadata ? array_member(*metadata, "groundingChunks") : kNone;
    const std::size_t first_label = entries.size();
    for (std::size_t i = 0; i < chunks.size(); ++i) {
      const json* web = member(chunks[i], "web");
      if (!web) web = member(chunks[i], "retrievedContext");
      CitationEntry entry;
      entry.label = std::to_string(first_label + i + 1);
      if (web) {
        entry.url = string_member(*web, "uri");
        entry.title = string_member(*web, "title");
      }
      const std::vector<std::size_t> at =
          strings.offsets_of(entry.url.empty() ? entry.title : entry.url);
      entry.where = at.empty() ? Location{text.name(), 1, 1} : text.locate(at.front());
      entries.push_back(std::move(entry));
    }
    std::vector<detail::CitedSpan> spans;
    const json& grounding = metadata ? array_member(*metadata, "groundingSupports") : kNone;
    for (std::size_t s = 0; s < grounding.size(); ++s) {
      const json& support = grounding[s];
      const json* segment = member(support, "segment");
      if (!segment) continue;
      ++supports;
      const std::size_t part = index_member(*segment, "partIndex", 0);
      const std::size_t base = part < part_starts.size() ? part_starts[part] : 0;
      std::size_t begin = base + index_member(*segment, "startIndex", 0);
      std::size_t end = base + index_member(*segment, "endIndex", kNowhere - base);
      const std::string said = string_member(*segment, "text");
      if (end > value.size() || begin > end ||
          (!said.empty() && value.compare(begin, end - begin, said) != 0)) {
        // Offsets that do not hold the segment's text: find the text itself.
        const std::size_t found = said.empty() ? std::string::npos : value.find(said);
        if (found == std::string::npos) {
          report(first_offset,
                 "grounding support " + std::to_string(s) +
                     ": its segment is not in the answer (bytes " + std::to_string(begin) + "–" +
                     std::to_string(end) + "); its chunks are listed, not cited",
                 "span-out-of-range");
          continue;
        }
        report(first_offset,
               "grounding support " + std::to_string(s) +
                   ": startIndex/endIndex do not hold the segment's text (they count UTF-8 "
                   "bytes); placed by its text instead",
               "segment-misplaced");
        begin = found;
        end = found + said.size();
      }
      detail::CitedSpan span{begin, end, {}};
      for (const json& index : array_member(support, "groundingChunkIndices")) {
        if (!index.is_number_unsigned() || index.get<std::size_t>() >= chunks.size()) {
          report(first_offset,
                 "grounding support " + std::to_string(s) + " names chunk " + index.dump() +
                     ", which groundingChunks does not have",
                 "undefined-citation");
          continue;
        }
        span.labels.push_back(std::to_string(first_label + index.get<std::size_t>() + 1));
      }
      if (!span.labels.empty()) spans.push_back(std::move(span));
    }
    if (metadata) {
      for (const json& query : array_member(*metadata, "webSearchQueries")) {
        if (!query.is_string()) continue;
        ++queries;
        const std::string& said = query.get_ref<const std::string&>();
        if (std::find(info.searches.begin(), info.searches.end(), said) == info.searches.end()) {
          info.searches.push_back(said);
        }
      }
    }
    if (!writer.empty()) writer.insert("\n\n", first_offset);
    detail::write_cited_spans(writer, value, offsets, std::move(spans));
  }
  ParsedAnswer parsed;
  parsed.document = detail::parse_written_answer(
      text, writer, text.name() + " (candidates[].content.parts[].text)", std::move(entries),
      diagnostics);
  detail::make_one_answer(parsed.document, std::move(info));
  parsed.recognised = "Gemini API response, " +
                      counted(supports, "grounding support", "grounding supports") + ", " +
                      counted(queries, "web search query", "web search queries");
  return parsed;
}

}  // namespace evgraph
