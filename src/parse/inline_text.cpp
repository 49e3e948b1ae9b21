#include "parse/inline_text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "parse/chars.hpp"
#include "parse/markers.hpp"

namespace evgraph::parse {
namespace {

constexpr std::size_t kMaxInlineSpan = 500;

std::size_t copy_escape(std::string_view s, std::size_t pos, std::string& text) {
  if (pos + 1 >= s.size() || !std::ispunct(static_cast<unsigned char>(s[pos + 1]))) return pos;
  text += s[pos + 1];
  return pos + 2;
}

std::size_t copy_code_span(std::string_view s, std::size_t pos, std::string& text) {
  const std::size_t close = s.substr(0, pos + kMaxInlineSpan).find('`', pos + 1);
  if (close == std::string_view::npos) return pos;
  text.append(s.substr(pos + 1, close - pos - 1));
  return close + 1;
}

bool is_block_tag(std::string_view tag) {
  static constexpr std::array<std::string_view, 14> kBlockTags = {
      "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "hr"};
  std::size_t start = tag.starts_with("</") ? 2 : 1;
  std::size_t end = start;
  while (end < tag.size() && std::isalnum(static_cast<unsigned char>(tag[end]))) ++end;
  std::string name(tag.substr(start, end - start));
  for (char& c : name) c = lower(c);
  if (name == "br") return true;
  for (std::string_view block : kBlockTags) {
    if (name == block) return true;
  }
  return false;
}

// Tags go; a line break or block tag leaves a separator (`; ` inside a sentence).
std::size_t copy_tag(std::string_view s, std::size_t pos, std::string& text) {
  if (pos + 1 < s.size() && starts_with_url(s.substr(pos + 1))) {
    const std::size_t close = s.find('>', pos);
    const std::size_t end = url_end(s, pos + 1);
    if (close == std::string_view::npos || close != end) return pos;
    text.append(s.substr(pos + 1, end - pos - 1));
    return close + 1;
  }
  const std::size_t length = html_tag(s, pos);
  if (length == 0) return pos;
  const std::string_view tag = s.substr(pos, length);
  if (is_block_tag(tag)) {
    const std::string_view before = trim(text);
    const bool sentence_ended =
        before.empty() || std::string_view(".!?:;").find(before.back()) != std::string_view::npos;
    text += (tag.size() > 2 && lower(tag[1]) == 'b' && lower(tag[2]) == 'r' && !sentence_ended)
                ? "; "
                : " ";
  }
  return pos + length;
}

// `&#8209;`, `&#x2011;`: the character, appended as UTF-8; the position after the `;`, or `pos`.
std::size_t copy_numeric_entity(std::string_view s, std::size_t pos, std::string& text) {
  constexpr std::size_t kMaxDigits = 7;
  std::size_t i = pos + 2;
  const bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
  if (hex) ++i;
  const std::size_t start = i;
  utf8proc_int32_t code_point = 0;
  for (; i < s.size() && i - start < kMaxDigits; ++i) {
    const char c = lower(s[i]);
    if (is_digit(c)) {
      code_point = code_point * (hex ? 16 : 10) + (c - '0');
    } else if (hex && c >= 'a' && c <= 'f') {
      code_point = code_point * 16 + (c - 'a' + 10);
    } else {
      break;
    }
  }
  if (i == start || i >= s.size() || s[i] != ';' || code_point == 0 ||
      !utf8proc_codepoint_valid(code_point)) {
    return pos;
  }
  std::array<utf8proc_uint8_t, 4> bytes{};
  const auto length = utf8proc_encode_char(code_point, bytes.data());
  text.append(reinterpret_cast<const char*>(bytes.data()), static_cast<std::size_t>(length));
  return i + 1;
}

std::size_t copy_entity(std::string_view s, std::size_t pos, std::string& text) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kEntities = {{
      {"&amp;", "&"},
      {"&lt;", "<"},
      {"&gt;", ">"},
      {"&quot;", "\""},
      {"&apos;", "'"},
      {"&nbsp;", " "},
      {"&mdash;", "\u2014"},
      {"&ndash;", "\u2013"},
      {"&lsquo;", "\u2018"},
      {"&rsquo;", "\u2019"},
      {"&ldquo;", "\u201C"},
      {"&rdquo;", "\u201D"},
      {"&hellip;", "\u2026"},
      {"&times;", "\u00D7"},
  }};
  const std::string_view rest = s.substr(pos);
  if (rest.starts_with("&#")) return copy_numeric_entity(s, pos, text);
  for (const auto& [entity, shown] : kEntities) {
    if (rest.starts_with(entity)) {
      text.append(shown);
      return pos + entity.size();
    }
  }
  return pos;
}

std::size_t skip_image(std::string_view s, std::size_t pos) {
  if (pos + 1 >= s.size() || s[pos + 1] != '[') return pos;
  if (pos + 2 < s.size() && s[pos + 2] == '[') {
    const std::size_t close = s.substr(0, pos + kMaxInlineSpan).find("]]", pos);
    return close == std::string_view::npos ? pos : close + 2;
  }
  auto link = scan_link(s, pos + 1);
  return link ? link->end : pos;
}

void append_without_emphasis(std::string_view words, std::string& text) {
  for (std::size_t i = 0; i < words.size();) {
    if (const std::size_t run = emphasis_run(words, i)) {
      i += run;
    } else {
      text += words[i++];
    }
  }
}

// `[[note]]`, `[[note|shown]]`: the words shown; `[text](url)`: the text.
std::size_t copy_bracketed(std::string_view s, std::size_t pos, std::string& text) {
  if (pos + 1 < s.size() && s[pos + 1] == '[') {
    const std::size_t close = s.substr(0, pos + kMaxInlineSpan).find("]]", pos + 2);
    if (close == std::string_view::npos) return pos;
    std::string_view inner = s.substr(pos + 2, close - pos - 2);
    if (inner.find('\n') != std::string_view::npos) return pos;
    if (const std::size_t bar = inner.find('|'); bar != std::string_view::npos) {
      inner.remove_prefix(bar + 1);
    }
    text.append(inner);
    return close + 2;
  }
  auto link = scan_link(s, pos);
  if (!link) return pos;
  append_without_emphasis(link->text, text);
  return link->end;
}

// A URL in prose is copied whole: a `[1]` inside it is part of the URL unless it ends the URL;
// punctuation, emphasis or a tag after it is read as text.
std::size_t copy_url(std::string_view s, std::size_t pos, std::string& text) {
  const std::string_view rest = s.substr(pos);
  if (!(rest.starts_with("http://") || rest.starts_with("https://"))) return pos;
  if (pos > 0 && is_word(s[pos - 1])) return pos;
  std::size_t end = pos;
  while (end < s.size() && !is_space(s[end])) {
    if (s[end] == '[') {
      auto group = scan_marker_group(s, end);
      if (group && (group->end == s.size() || is_space(s[group->end]) ||
                    std::string_view(".,;:!?)").find(s[group->end]) != std::string_view::npos)) {
        break;
      }
    }
    ++end;
  }
  end = std::min(end, url_end(s, pos));  // what follows (`.`, `)`, `**`) is read as text
  text.append(s.substr(pos, end - pos));
  return end;
}

std::string_view drop_list_prefix(std::string_view s) {
  s = trim(s);
  while (is_bullet(s) || s.starts_with("\u2022")) s = trim(s.substr(is_bullet(s) ? 1 : 3));
  const std::size_t digits = number_end(s, 0, kMaxNumberingDigits);
  if (digits != std::string_view::npos && digits + 1 < s.size() &&
      (s[digits] == '.' || s[digits] == ')') && is_space(s[digits + 1])) {
    s = trim(s.substr(digits + 1));
  }
  return trim(s, " \t\n,;");
}

}  // namespace

std::size_t emphasis_run(std::string_view line, std::size_t pos) {
  const char c = line[pos];
  if (c != '*' && c != '_' && c != '~') return 0;
  std::size_t end = pos;
  while (end < line.size() && line[end] == c) ++end;
  const std::size_t run = end - pos;
  if (c == '~' && run < 2) return 0;
  const bool text_before = pos > 0 && !is_space(line[pos - 1]);
  const bool text_after = end < line.size() && !is_space(line[end]);
  if (!text_before && !text_after) return 0;
  if (c == '_' && text_before && text_after && is_word(line[pos - 1]) && is_word(line[end])) {
    return 0;
  }
  if (c == '*' && text_before && text_after && is_digit(line[pos - 1]) && is_digit(line[end])) {
    return 0;
  }
  return run;
}

std::size_t html_tag(std::string_view line, std::size_t pos) {
  if (line.substr(pos).starts_with("<!--")) {
    const std::size_t close = line.substr(0, pos + kMaxLinkTarget).find("-->", pos + 4);
    return close == std::string_view::npos ? 0 : close + 3 - pos;
  }
  if (pos + 1 >= line.size() || line[pos] != '<') return 0;
  const char first = line[pos + 1] == '/' && pos + 2 < line.size() ? line[pos + 2] : line[pos + 1];
  if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) return 0;
  if (starts_with_url(line.substr(pos + 1))) return 0;
  for (std::size_t end = pos + 1; end < line.size() && end - pos < 1000; ++end) {
    if (line[end] == '<' || line[end] == '\n') return 0;
    if (line[end] == '>') return end + 1 - pos;
  }
  return 0;
}

bool has_letters(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
      ++i;
      continue;
    }
    utf8proc_int32_t code_point = 0;
    const auto length =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                         static_cast<utf8proc_ssize_t>(text.size() - i), &code_point);
    if (length <= 0) return false;
    const auto category = utf8proc_category(code_point);
    if (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) return true;
    i += static_cast<std::size_t>(length);
  }
  return false;
}

std::size_t copy_inline(std::string_view line, std::size_t pos, std::string& text) {
  switch (line[pos]) {
    case '\\':
      return copy_escape(line, pos, text);
    case '`':
      return copy_code_span(line, pos, text);
    case '<':
      return copy_tag(line, pos, text);
    case '&':
      return copy_entity(line, pos, text);
    case '!':
      return skip_image(line, pos);
    case '[':
      return copy_bracketed(line, pos, text);
    case '*':
    case '_':
    case '~':
      return pos + emphasis_run(line, pos);
    case 'h':
      return copy_url(line, pos, text);
    default:
      return pos;
  }
}

std::string link_words(std::string_view text) {
  std::string words;
  append_without_emphasis(text, words);
  std::string out;
  for (char c : trim(words)) {
    if (!is_space(c)) {
      out += c;
    } else if (out.back() != ' ') {
      out += ' ';
    }
  }
  return out;
}

std::string clean_claim(std::string_view raw) {
  const std::string_view s = drop_list_prefix(raw);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    // Punctuation that starts a word (`the .env file`, `.sops.yaml`) keeps the space before it.
    const bool starts_word = c != ')' && i + 1 < s.size() && is_word(s[i + 1]);
    if (std::string_view(".,;:!?)").find(c) != std::string_view::npos && !starts_word &&
        !out.empty() && out.back() == ' ') {
      out.pop_back();
    }
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace evgraph::parse
