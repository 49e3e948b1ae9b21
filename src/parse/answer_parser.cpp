#include <string>
#include <string_view>
#include <unordered_map>

#include "evgraph/parse.hpp"
#include "parse/markers.hpp"

namespace evgraph {
namespace {

using parse::MarkerGroup;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool is_blank(std::string_view line) {
  return trim(line).empty();
}

bool starts_with_url(std::string_view s) {
  return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.") ||
         s.starts_with("doi:");
}

class AnswerParser {
 public:
  AnswerParser(const Text& text, Diagnostics& diagnostics)
      : text_(text), diagnostics_(diagnostics) {
    document_.name = text.name();
  }

  Document run() {
    for (std::size_t n = 1; n <= text_.line_count(); ++n) {
      const std::string_view line = text_.line(n);
      const std::size_t offset = text_.line_start(n);
      if (is_blank(line)) continue;
      if (parse::is_list_heading(line)) {
        start_list(offset);
      } else if (is_list_line(line)) {
        if (!in_list_) start_list_without_heading();
        read_entries(line, offset);
      } else {
        if (in_list_) finish_block();
        const std::size_t last = last_line_of_paragraph(n);
        const std::size_t end = text_.line_start(last) + text_.line(last).size();
        read_paragraph(text_.content().substr(offset, end - offset), offset);
        n = last;
      }
    }
    finish_block();
    return std::move(document_);
  }

 private:
  // A paragraph is one line, unless the line stops mid-sentence (hard-wrapped text) and the next
  // line is more prose: then it runs on. One line a paragraph, as assistants write, is untouched.
  std::size_t last_line_of_paragraph(std::size_t n) const {
    while (n < text_.line_count() && stops_mid_sentence(text_.line(n)) &&
           continues_prose(text_.line(n + 1))) {
      ++n;
    }
    return n;
  }

  static bool stops_mid_sentence(std::string_view line) {
    line = trim(line);
    if (line.empty() || line.starts_with('#') || line.starts_with('|')) return false;
    while (!line.empty() && line.back() >= '0' && line.back() <= '9') line.remove_suffix(1);
    static constexpr std::string_view kEnds = ".!?:;])\"";
    return !line.empty() && kEnds.find(line.back()) == std::string_view::npos &&
           !line.ends_with("\u201D");
  }

  static bool continues_prose(std::string_view line) {
    line = trim(line);
    if (line.empty() || parse::is_list_heading(line) || is_list_line(line)) return false;
    static constexpr std::string_view kBlockStarts = "#-*>|+";
    if (kBlockStarts.find(line.front()) != std::string_view::npos) return false;
    std::size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
    return !(digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')'));
  }

  // `[1] url`, optionally bulleted; several definitions per line allowed.
  static bool is_list_line(std::string_view line) {
    std::string_view rest = trim(line);
    if (rest.starts_with("- ") || rest.starts_with("* ")) rest = trim(rest.substr(2));
    auto marker = parse::scan_marker(rest, 0);
    return marker && marker->labels.size() == 1 && starts_with_url(trim(rest.substr(marker->end)));
  }

  // Text::locate, but counting on from the previous call when it is further along the same line,
  // so that many claims on one long line stay linear.
  Location locate(std::size_t offset) {
    const bool same_line =
        cached_.line != 0 && offset >= cached_offset_ &&
        (cached_.line == text_.line_count() || offset < text_.line_start(cached_.line + 1));
    if (!same_line) {
      cached_ = text_.locate(offset);
    } else {
      const std::string_view content = text_.content();
      for (std::size_t i = cached_offset_; i < offset; ++i) {
        if ((static_cast<unsigned char>(content[i]) & 0xC0) != 0x80) ++cached_.column;
      }
    }
    cached_offset_ = offset;
    return cached_;
  }

  void start_list(std::size_t offset) {
    if (in_list_) finish_block();
    in_list_ = true;
    block_.list_heading = locate(offset);
  }

  void start_list_without_heading() { in_list_ = true; }

  void read_entries(std::string_view line, std::size_t line_offset) {
    std::size_t pos = line.find('[');
    while (pos < line.size()) {
      auto marker = parse::scan_marker(line, pos);
      if (!marker || marker->labels.size() != 1) break;
      const Location where = locate(line_offset + pos);
      std::size_t url_begin = marker->end;
      while (url_begin < line.size() && is_space(line[url_begin])) ++url_begin;
      std::size_t url_end = url_begin;
      while (url_end < line.size() && !is_space(line[url_end])) ++url_end;
      const std::string_view url = line.substr(url_begin, url_end - url_begin);
      if (starts_with_url(url)) {
        define(marker->labels.front(), std::string(url), where);
      } else {
        diagnostics_.push_back(
            {Severity::warning, where,
             "citation [" + marker->labels.front() + "] has no URL after it; not made a source",
             "citation-without-url"});
        url_end = url_begin;
      }
      pos = url_end;
      while (pos < line.size() && is_space(line[pos])) ++pos;
    }
    if (pos < line.size()) {
      diagnostics_.push_back({Severity::warning, locate(line_offset + pos),
                              "text after the citations on this line is not a citation: '" +
                                  std::string(trim(line.substr(pos))) + "'",
                              "unparsed-list-text"});
    }
  }

  void define(const std::string& label, std::string url, const Location& where) {
    auto [first, added] = first_definition_line_.try_emplace(label, where.line);
    if (!added) {
      diagnostics_.push_back({Severity::warning, where,
                              "citation [" + label +
                                  "] is defined twice in this list (first on line " +
                                  std::to_string(first->second) + "); keeping both",
                              "duplicate-citation"});
    }
    block_.citations.push_back({label, std::move(url), where});
  }

  // Splits one paragraph into claims, each ending with its marker group.
  void read_paragraph(std::string_view line, std::size_t line_offset) {
    if (trim(line).starts_with('#')) return;  // a Markdown heading is structure, not a claim
    std::string text;
    std::size_t claim_begin = std::string_view::npos;
    for (std::size_t pos = 0; pos < line.size();) {
      if (line[pos] == '[') {
        if (auto group = parse::scan_marker_group(line, pos)) {
          pos = take_closing_punctuation(line, group->end, text);
          add_claim(text, claim_begin, line_offset, &*group);
          text.clear();
          claim_begin = std::string_view::npos;
          continue;
        }
      }
      if (line.substr(pos).starts_with("http://") || line.substr(pos).starts_with("https://")) {
        pos = copy_url(line, pos, claim_begin, text);
        continue;
      }
      if (auto stray = parse::scan_stray_digits(line, pos)) {
        report_stray_digits(line.substr(stray->begin, stray->end - stray->begin),
                            line_offset + stray->begin);
        pos = stray->end;
        continue;
      }
      if (claim_begin == std::string_view::npos && !is_space(line[pos])) claim_begin = pos;
      text += line[pos++];
    }
    add_claim(text, claim_begin, line_offset, nullptr);
  }

  // A URL in prose is copied whole: a `[1]` inside it is part of the URL unless it ends the URL.
  static std::size_t copy_url(std::string_view line, std::size_t pos, std::size_t& claim_begin,
                              std::string& text) {
    if (claim_begin == std::string_view::npos) claim_begin = pos;
    while (pos < line.size() && !is_space(line[pos])) {
      if (line[pos] == '[') {
        auto group = parse::scan_marker_group(line, pos);
        if (group &&
            (group->end == line.size() || is_space(line[group->end]) ||
             std::string_view(".,;:!?)").find(line[group->end]) != std::string_view::npos)) {
          break;
        }
      }
      text += line[pos++];
    }
    return pos;
  }

  // Punctuation right after a marker group (`… groups [1].`) ends the claim it follows.
  static std::size_t take_closing_punctuation(std::string_view line, std::size_t pos,
                                              std::string& text) {
    static constexpr std::string_view kClosing = ".,;:!?)";
    std::size_t end = pos;
    while (end < line.size() && kClosing.find(line[end]) != std::string_view::npos) ++end;
    if (end == pos || (end < line.size() && !is_space(line[end]))) return pos;
    text.append(line.substr(pos, end - pos));
    return end;
  }

  void add_claim(const std::string& raw, std::size_t begin, std::size_t line_offset,
                 const MarkerGroup* group) {
    std::string cleaned = clean(raw);
    bool has_words = false;
    for (char c : cleaned) has_words = has_words || is_alpha(c);
    const Location where = locate(line_offset + (begin == std::string_view::npos ? 0 : begin));
    if (!has_words) {
      if (group) {
        diagnostics_.push_back({Severity::warning, locate(line_offset + group->begin),
                                "citation marker with no claim text before it; ignored",
                                "marker-without-claim"});
      }
      return;
    }
    ClaimSpan claim{std::move(cleaned), where, {}, {}};
    if (group) {
      claim.markers = group->labels;
      claim.markers_where = locate(line_offset + group->begin);
    }
    block_.claims.push_back(std::move(claim));
  }

  // Collapses whitespace, drops a leading list bullet and space left before punctuation.
  static std::string clean(std::string_view raw) {
    std::string_view s = trim(raw);
    if (s.starts_with("- ") || s.starts_with("* ")) s = trim(s.substr(2));
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
      if (is_space(c)) {
        if (!out.empty() && out.back() != ' ') out += ' ';
        continue;
      }
      if (std::string_view(".,;:!?)").find(c) != std::string_view::npos && !out.empty() &&
          out.back() == ' ') {
        out.pop_back();
      }
      out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  }

  void report_stray_digits(std::string_view digits, std::size_t offset) {
    diagnostics_.push_back(
        {Severity::warning, locate(offset),
         "stray digits '" + std::string(digits) +
             "' after sentence punctuation look like flattened superscript citations; removed "
             "from the claim, not linked (restore them as [n] markers to link them)",
         "flattened-superscript"});
  }

  void finish_block() {
    in_list_ = false;
    first_definition_line_.clear();
    if (block_.claims.empty() && block_.citations.empty() && block_.list_heading.line == 0) return;
    block_.number = document_.blocks.size() + 1;
    document_.blocks.push_back(std::move(block_));
    block_ = Block{};
  }

  const Text& text_;
  Diagnostics& diagnostics_;
  Document document_;
  Block block_;
  bool in_list_ = false;
  std::unordered_map<std::string, std::size_t> first_definition_line_;
  Location cached_;
  std::size_t cached_offset_ = 0;
};

}  // namespace

Document parse_answer(const Text& text, Diagnostics& diagnostics) {
  return AnswerParser(text, diagnostics).run();
}

}  // namespace evgraph
