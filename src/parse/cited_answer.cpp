#include "parse/cited_answer.hpp"

#include <algorithm>

#include "evgraph/parse.hpp"
#include "parse/document_locations.hpp"

namespace evgraph::detail {
namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

bool has_words(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z');
  });
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (is_blank(text.front()) || text.front() == '\n')) text.remove_prefix(1);
  while (!text.empty() && (is_blank(text.back()) || text.back() == '\n')) text.remove_suffix(1);
  return text;
}

// `([site](url))`, `[site](url)` or a bare URL: a span that only links its source.
bool is_link(std::string_view span) {
  span = trimmed(span);
  if (span.starts_with("http://") || span.starts_with("https://")) {
    return std::none_of(span.begin(), span.end(), [](char c) { return is_blank(c) || c == '\n'; });
  }
  if (span.starts_with('(') && span.ends_with("))"))
    span = trimmed(span.substr(1, span.size() - 2));
  return span.starts_with('[') && span.ends_with(')') && span.find("](") != std::string_view::npos;
}

bool is_closing_punctuation(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?';
}

std::string marker_group(const std::vector<std::string>& labels) {
  std::string group;
  for (const std::string& label : labels) group += '[' + label + ']';
  return group;
}

bool continues(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

// Locations in the written answer (its lines and columns) placed in the file. Both ends walk on
// from the last location placed when the next one lies further along the same line (a JSON string
// is one line however long, and claims come in order), so placing them all is one pass.
class Placer {
 public:
  Placer(const Text& file, const Text& answer, const AnswerWriter& writer)
      : file_(file), answer_(answer), writer_(writer) {}

  void operator()(Location& where) {
    if (where.line == 0 || where.line > answer_.line_count()) return;
    const std::string_view line = answer_.line(where.line);
    if (where.line != answer_line_ || where.column < answer_column_) {
      answer_line_ = where.line;
      answer_column_ = 1;
      answer_offset_ = 0;
    }
    for (; answer_column_ < where.column && answer_offset_ < line.size(); ++answer_column_) {
      ++answer_offset_;
      while (answer_offset_ < line.size() && continues(line[answer_offset_])) ++answer_offset_;
    }
    const std::size_t origin = writer_.origin(answer_.line_start(where.line) + answer_offset_);
    if (origin != kNowhere) where = locate(origin);
  }

  void operator()(Document& document) {
    detail::for_each_location(document, [this](Location& where) { (*this)(where); });
  }

 private:
  // file_.locate(offset), walking on from the last offset located when on the same line.
  Location locate(std::size_t offset) {
    const std::string_view content = file_.content();
    offset = std::min(offset, content.size());
    if (file_where_.line == 0 || offset < file_offset_ ||
        content.substr(file_offset_, offset - file_offset_).find('\n') != std::string_view::npos) {
      file_where_ = file_.locate(offset);
      file_offset_ = offset;
      return file_where_;
    }
    for (; file_offset_ < offset; ++file_offset_) {
      if (!continues(content[file_offset_])) ++file_where_.column;
    }
    return file_where_;
  }

  const Text& file_;
  const Text& answer_;
  const AnswerWriter& writer_;
  std::size_t answer_line_ = 0;
  std::size_t answer_column_ = 1;
  std::size_t answer_offset_ = 0;
  Location file_where_;
  std::size_t file_offset_ = 0;
};

}  // namespace

std::string CitationList::label(const std::string& url, const std::string& title,
                                const Location& fallback, const std::string& quote) {
  std::string key = url.empty() ? "t" + title : "u" + url;
  if (!quote.empty()) key += '\0' + quote;
  const auto [found, added] = index_.try_emplace(std::move(key), entries_.size());
  if (!added) {
    CitationEntry& entry = entries_[found->second];
    if (entry.title.empty()) entry.title = title;
    return entry.label;
  }
  CitationEntry entry;
  entry.label = std::to_string(entries_.size() + 1);
  entry.url = url;
  entry.title = title;
  entry.quote = quote;
  const std::vector<std::size_t> at = strings_.offsets_of(url.empty() ? title : url);
  entry.where = at.empty() ? fallback : file_.locate(at.front());
  entries_.push_back(std::move(entry));
  return entries_.back().label;
}

std::vector<CitationEntry> CitationList::take() {
  index_.clear();
  return std::move(entries_);
}

void AnswerWriter::append(std::string_view text, std::span<const std::size_t> offsets) {
  text_ += text;
  if (offsets.size() >= text.size()) {
    origins_.insert(origins_.end(), offsets.begin(),
                    offsets.begin() + static_cast<std::ptrdiff_t>(text.size()));
  } else {
    origins_.insert(origins_.end(), text.size(), kNowhere);
  }
}

void AnswerWriter::insert(std::string_view text, std::size_t origin) {
  text_ += text;
  origins_.insert(origins_.end(), text.size(), origin);
}

void AnswerWriter::trim_end() {
  while (!text_.empty() && is_blank(text_.back())) {
    text_.pop_back();
    origins_.pop_back();
  }
}

void AnswerWriter::truncate(std::size_t size) {
  if (size >= text_.size()) return;
  text_.resize(size);
  if (!origins_.empty()) origins_.resize(size);
}

std::size_t AnswerWriter::origin(std::size_t offset) const {
  if (origins_.empty()) return kNowhere;
  return origins_[std::min(offset, origins_.size() - 1)];
}

void write_cited_spans(AnswerWriter& out, std::string_view value,
                       std::span<const std::size_t> offsets, std::vector<CitedSpan> spans) {
  const auto at_offset = [&](std::size_t pos) {
    return offsets.size() > pos ? offsets[pos] : kNowhere;
  };
  const auto piece = [&](std::size_t from, std::size_t to) {
    if (to <= from) return;
    out.append(value.substr(from, to - from), offsets.size() >= to
                                                  ? offsets.subspan(from, to - from)
                                                  : std::span<const std::size_t>());
  };
  for (CitedSpan& span : spans) span.end = std::min(span.end, value.size());
  std::erase_if(spans, [](const CitedSpan& span) { return span.begin > span.end; });
  std::stable_sort(spans.begin(), spans.end(), [](const CitedSpan& a, const CitedSpan& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  std::vector<CitedSpan> merged;
  for (CitedSpan& span : spans) {
    if (!merged.empty() && span.begin < merged.back().end) {
      CitedSpan& last = merged.back();
      last.end = std::max(last.end, span.end);
      for (std::string& label : span.labels) {
        if (std::find(last.labels.begin(), last.labels.end(), label) == last.labels.end()) {
          last.labels.push_back(std::move(label));
        }
      }
    } else {
      merged.push_back(std::move(span));
    }
  }
  std::size_t at = 0;
  for (std::size_t i = 0; i < merged.size(); ++i) {
    const CitedSpan& span = merged[i];
    const std::size_t next = i + 1 < merged.size() ? merged[i + 1].begin : value.size();
    std::string_view before = value.substr(at, span.begin - at);
    if (const std::size_t line_end = before.rfind('\n'); line_end != std::string_view::npos) {
      before.remove_prefix(line_end + 1);
    }
    piece(at, span.begin);
    std::size_t end = span.end;
    if (span.begin == span.end || is_link(value.substr(span.begin, span.end - span.begin))) {
      out.trim_end();
      out.insert(marker_group(span.labels), at_offset(span.begin));
    } else {
      if (has_words(before)) {
        out.trim_end();
        out.insert("\n\n", at_offset(span.begin));
      }
      while (end < next && is_closing_punctuation(value[end])) ++end;
      piece(span.begin, end);
      out.insert(marker_group(span.labels), at_offset(end - 1));
    }
    at = end;
  }
  piece(at, value.size());
}

Document parse_written_answer(const Text& file, const AnswerWriter& answer,
                              const std::string& fallback_name,
                              std::vector<CitationEntry> citations, Diagnostics& diagnostics) {
  Diagnostics cleaning;  // the file's own reading reported anything the answer's could
  const Text text = make_text(file.name(), answer.text(), cleaning);
  bool placed = text.content() == answer.text();
  for (std::size_t i = 0; placed && i < answer.text().size(); ++i) {
    placed = answer.origin(i) != kNowhere;
  }
  const std::size_t first_diagnostic = diagnostics.size();
  Document document =
      placed ? parse_answer(text, diagnostics)
             : parse_answer(make_text(fallback_name, answer.text(), cleaning), diagnostics);
  document.name = file.name();
  if (placed) {
    Placer place(file, text, answer);
    place(document);
    for (std::size_t i = first_diagnostic; i < diagnostics.size(); ++i) {
      place(diagnostics[i].where);
    }
  }
  if (!citations.empty()) {
    if (document.blocks.empty() || !document.blocks.back().citations.empty()) {
      Block block;
      block.number = document.blocks.size() + 1;
      document.blocks.push_back(std::move(block));
    }
    document.blocks.back().citations = std::move(citations);
  }
  return document;
}

std::size_t CodePoints::byte(std::size_t index) {
  if (index < index_) index_ = byte_ = 0;
  while (byte_ < text_.size() && index_ < index) {
    const auto lead = static_cast<unsigned char>(text_[byte_]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    byte_ = std::min(text_.size(), byte_ + length);
    ++index_;
  }
  return index_ == index ? byte_ : kNowhere;
}

AnswerInfo answer_by(std::string assistant, std::string model) {
  AnswerInfo info;
  info.assistant = std::move(assistant);
  info.model = std::move(model);
  return info;
}

void make_one_answer(Document& document, AnswerInfo info) {
  if (info.where.line == 0) {
    for (const Block& block : document.blocks) {
      if (block.claims.empty()) continue;
      info.where = block.claims.front().where;
      break;
    }
  }
  document.answers.assign(1, std::move(info));
  for (Block& block : document.blocks) block.answer = 1;
}

}  // namespace evgraph::detail
