#include "parse/markers.hpp"

#include <utf8proc.h>

#include <array>
#include <cctype>

namespace evgraph::parse {
namespace {

constexpr std::size_t kMaxLabelDigits = 3;
constexpr std::size_t kMaxRange = 100;
constexpr std::size_t kMaxLinkText = 300;
constexpr std::size_t kMaxLinkTarget = 2000;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}
bool is_word(char c) {
  return is_alpha(c) || is_digit(c);
}
char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

std::string_view trim(std::string_view s, std::string_view chars = " \t\n") {
  while (!s.empty() && chars.find(s.front()) != std::string_view::npos) s.remove_prefix(1);
  while (!s.empty() && chars.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return s;
}

bool starts_with_ignoring_case(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lower(s[i]) != prefix[i]) return false;
  }
  return true;
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return i;
}

// Digits at `i` (at most kMaxLabelDigits); npos when there are none or too many.
std::size_t number_end(std::string_view s, std::size_t i) {
  std::size_t end = i;
  while (end < s.size() && is_digit(s[end])) ++end;
  return end == i || end - i > kMaxLabelDigits ? std::string_view::npos : end;
}

// `-` or an en dash between the two ends of a range; the length of the dash, or 0.
std::size_t range_dash(std::string_view s, std::size_t i) {
  if (i < s.size() && s[i] == '-') return 1;
  if (s.substr(i).starts_with("\u2013")) return 3;
  return 0;
}

// `^label]` or `^label^]` after the '[' of a footnote marker; one past the ']'.
std::optional<std::size_t> scan_footnote(std::string_view line, std::size_t i,
                                         std::vector<std::string>& labels) {
  const std::size_t start = i + 1;
  std::size_t end = start;
  while (end < line.size() && (is_word(line[end]) || line[end] == '_' || line[end] == '-')) ++end;
  if (end == start || end - start > 40) return std::nullopt;
  std::size_t close = end;
  if (close < line.size() && line[close] == '^') ++close;
  if (close >= line.size() || line[close] != ']') return std::nullopt;
  labels.push_back("^" + std::string(line.substr(start, end - start)));
  return close + 1;
}

std::size_t number_value(std::string_view digits) {
  std::size_t value = 0;
  for (char c : digits) value = value * 10 + static_cast<std::size_t>(c - '0');
  return value;
}

// `1, 3`, `1-3`, `cite: 1, 2` up to the ']'; one past it.
std::optional<std::size_t> scan_numbers(std::string_view line, std::size_t i,
                                        std::vector<std::string>& labels) {
  if (starts_with_ignoring_case(line.substr(i), "cite:")) i = skip_spaces(line, i + 5);
  while (true) {
    const std::size_t end = number_end(line, i);
    if (end == std::string_view::npos) return std::nullopt;
    const std::string_view first = line.substr(i, end - i);
    i = end;
    if (const std::size_t dash = range_dash(line, i)) {
      const std::size_t last_end = number_end(line, i + dash);
      if (last_end == std::string_view::npos) return std::nullopt;
      const std::size_t from = number_value(first);
      const std::size_t to = number_value(line.substr(i + dash, last_end - i - dash));
      if (to <= from || to - from > kMaxRange) return std::nullopt;
      for (std::size_t n = from; n <= to; ++n) labels.push_back(std::to_string(n));
      i = last_end;
    } else {
      labels.emplace_back(first);
    }
    if (i < line.size() && line[i] == ']') return i + 1;
    if (i >= line.size() || line[i] != ',') return std::nullopt;
    if (number_end(line, i + 1) == i + 4) return std::nullopt;  // thousands: `[12,466]`
    i = skip_spaces(line, i + 1);
  }
}

// One bracket `[1]`, `[1, 3]`, `[1-3]`, `[cite: 1]` or `[^2]` at `pos`; appends its labels.
std::optional<std::size_t> scan_bracket(std::string_view line, std::size_t pos,
                                        std::vector<std::string>& labels) {
  if (pos + 1 >= line.size() || line[pos] != '[') return std::nullopt;
  const std::size_t first_label = labels.size();
  auto end = line[pos + 1] == '^' ? scan_footnote(line, pos + 1, labels)
                                  : scan_numbers(line, pos + 1, labels);
  if (end && *end < line.size() && line[*end] == '(') end.reset();  // a link: `[1](url)`
  if (!end) labels.resize(first_label);
  return end;
}

// The value of the superscript digit at `i` and its length in bytes.
std::optional<std::pair<char, std::size_t>> superscript_digit(std::string_view s, std::size_t i) {
  const std::string_view rest = s.substr(i);
  if (rest.starts_with("\u00B9")) return std::pair{'1', std::size_t{2}};
  if (rest.starts_with("\u00B2")) return std::pair{'2', std::size_t{2}};
  if (rest.starts_with("\u00B3")) return std::pair{'3', std::size_t{2}};
  if (rest.size() >= 3 && rest.starts_with("\xE2\x81")) {
    const auto third = static_cast<unsigned char>(rest[2]);
    if (third == 0xB0) return std::pair{'0', std::size_t{3}};
    if (third >= 0xB4 && third <= 0xB9) return std::pair{static_cast<char>('4' + third - 0xB4), 3};
  }
  return std::nullopt;
}

// Superscripts after a number or a unit (`10²`, `5 m²`, `km²`) are exponents.
bool follows_exponent_base(std::string_view line, std::size_t pos) {
  if (pos == 0 || is_space(line[pos - 1]) || is_digit(line[pos - 1])) return true;
  std::size_t letters = 0;
  std::size_t i = pos;
  while (i > 0 && ((line[i - 1] >= 'a' && line[i - 1] <= 'z') ||
                   (line[i - 1] >= 'A' && line[i - 1] <= 'Z'))) {
    --i;
    ++letters;
  }
  return letters > 0 && letters <= 2 && (i == 0 || !is_alpha(line[i - 1]));
}

std::string_view url_host(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  return url.substr(0, url.find_first_of("/?#"));
}

// `barrowneuro+1`, `ncbi.nlm.nih`, `webmd`: lower-case, no spaces, a `+N` count, a dot, or a piece
// of the target's host name.
bool is_domain_chip(std::string_view text, std::string_view target) {
  if (text.empty() || text.size() > 60) return false;
  std::string_view base = text;
  bool counted = false;
  const std::size_t plus = text.rfind('+');
  if (plus != std::string_view::npos && plus + 1 < text.size()) {
    for (char c : text.substr(plus + 1)) {
      if (!is_digit(c)) return false;
    }
    base = text.substr(0, plus);
    counted = true;
  }
  if (base.empty()) return false;
  for (char c : base) {
    if (!((c >= 'a' && c <= 'z') || is_digit(c) || c == '.' || c == '-')) return false;
  }
  if (counted || base.find('.') != std::string_view::npos) return true;
  std::string host(url_host(target));
  for (char& c : host) c = lower(c);
  return host.find(base) != std::string::npos;
}

bool is_number(std::string_view text) {
  if (text.empty() || text.size() > kMaxLabelDigits) return false;
  for (char c : text) {
    if (!is_digit(c)) return false;
  }
  return true;
}

// A list-entry URL may hold spaces when the rest of the entry reads as more of a path
// (`https://x.org/Peer Support Report.pdf`).
bool continues_url(std::string_view url, std::string_view tail) {
  static constexpr std::array<std::string_view, 11> kExtensions = {
      ".pdf", ".html", ".htm", ".aspx", ".asp", ".php", ".jsp", ".doc", ".docx", ".txt", ".xml"};
  if (tail.empty() || tail.find("://") != std::string_view::npos ||
      url_host(url).size() + 8 >= url.size()) {
    return false;
  }
  if (tail.find(". ") != std::string_view::npos) return false;
  if (tail.find('/') != std::string_view::npos) return true;
  for (std::string_view extension : kExtensions) {
    if (tail.size() > extension.size() &&
        starts_with_ignoring_case(tail.substr(tail.size() - extension.size()), extension)) {
      return true;
    }
  }
  return false;
}

std::string with_encoded_spaces(std::string_view url, std::string_view tail) {
  std::string joined(url);
  joined += "%20";
  for (char c : tail) {
    if (is_space(c)) {
      if (!joined.ends_with("%20")) joined += "%20";
    } else {
      joined += c;
    }
  }
  return joined;
}

bool url_may_start_after(std::string_view s, std::size_t pos) {
  return pos == 0 || is_space(s[pos - 1]) || s[pos - 1] == '(' || s[pos - 1] == '<';
}

// `**[cite: 2, 49]**` opening an entry: the numbers it is a title for; advances `rest` past it.
std::vector<std::string> take_cite_annotation(std::string_view& rest) {
  std::size_t i = 0;
  while (i < rest.size() && (rest[i] == '*' || rest[i] == '_')) ++i;
  auto group = scan_marker_group(rest, i);
  if (!group) return {};
  i = group->end;
  while (i < rest.size() && (rest[i] == '*' || rest[i] == '_')) ++i;
  rest = trim(rest.substr(i));
  return group->labels;
}

}  // namespace

std::optional<MarkerGroup> scan_marker(std::string_view line, std::size_t pos) {
  MarkerGroup marker{pos, pos, {}};
  auto end = scan_bracket(line, pos, marker.labels);
  if (!end) return std::nullopt;
  marker.end = *end;
  return marker;
}

std::optional<MarkerGroup> scan_marker_group(std::string_view line, std::size_t pos) {
  MarkerGroup group{pos, pos, {}};
  auto end = scan_bracket(line, pos, group.labels);
  if (!end) return std::nullopt;
  while (end) {
    group.end = *end;
    end = scan_bracket(line, skip_spaces(line, *end), group.labels);
  }
  return group;
}

std::optional<MarkerGroup> scan_superscripts(std::string_view line, std::size_t pos) {
  if (!superscript_digit(line, pos) || follows_exponent_base(line, pos)) return std::nullopt;
  std::string digits;
  std::size_t end = pos;
  while (auto digit = superscript_digit(line, end)) {
    digits += digit->first;
    end += digit->second;
  }
  if (end < line.size() && is_word(line[end])) return std::nullopt;
  MarkerGroup group{pos, end, {}};
  if (digits.find('0') != std::string::npos) {
    group.labels.push_back(digits);
  } else {
    for (char d : digits) group.labels.emplace_back(1, d);
  }
  return group;
}

std::optional<StrayDigits> scan_stray_digits(std::string_view line, std::size_t pos) {
  static constexpr std::string_view kPunctuation = ".,;!?";
  if (pos < 2 || pos >= line.size() || !is_digit(line[pos])) return std::nullopt;
  if (kPunctuation.find(line[pos - 1]) == std::string_view::npos || !is_alpha(line[pos - 2])) {
    return std::nullopt;
  }
  std::size_t end = pos;
  while (end < line.size() && is_digit(line[end])) ++end;
  if (end < line.size() && line[end] != '[' && line[end] != '\n') return std::nullopt;
  return StrayDigits{pos, end};
}

std::optional<Link> scan_link(std::string_view line, std::size_t pos) {
  if (pos >= line.size() || line[pos] != '[') return std::nullopt;
  std::size_t depth = 0;
  std::size_t close = pos;
  for (; close < line.size() && close - pos <= kMaxLinkText; ++close) {
    if (line[close] == '\n') return std::nullopt;
    if (line[close] == '[') ++depth;
    if (line[close] == ']' && --depth == 0) break;
  }
  if (close + 1 >= line.size() || line[close] != ']' || line[close + 1] != '(') {
    return std::nullopt;
  }
  const std::size_t target = close + 2;
  std::size_t parens = 0;
  std::size_t end = target;
  for (; end < line.size() && end - target <= kMaxLinkTarget && !is_space(line[end]); ++end) {
    if (line[end] == '(') ++parens;
    if (line[end] == ')' && parens-- == 0) break;
  }
  std::size_t target_end = end;
  if (end < line.size() && line[end] == ' ') {  // `[text](url "title")`
    end = line.substr(0, target + kMaxLinkTarget).find(')', end);
    if (end == std::string_view::npos) return std::nullopt;
  }
  if (end >= line.size() || line[end] != ')') return std::nullopt;
  return Link{pos, end + 1, line.substr(pos + 1, close - pos - 1),
              trim(line.substr(target, target_end - target), "<> ")};
}

LinkRole link_role(const Link& link) {
  if (link.target.starts_with('^') && link.target.size() > 1) return LinkRole::footnote;
  if (!starts_with_url(link.target)) return LinkRole::prose;
  if (is_number(link.text) || is_domain_chip(link.text, link.target)) return LinkRole::citation;
  return LinkRole::prose;
}

std::string footnote_label(std::string_view target) {
  return "^" + std::string(trim(target, "^ "));
}

bool starts_with_url(std::string_view s) {
  return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.") ||
         s.starts_with("doi:");
}

std::size_t url_end(std::string_view line, std::size_t pos) {
  static constexpr std::string_view kTrailing = ".,;:!?'\"*_>";
  std::size_t end = pos;
  std::size_t parens = 0;
  std::size_t brackets = 0;
  for (; end < line.size() && !is_space(line[end]) && line[end] != '<' && line[end] != '>'; ++end) {
    if (line[end] == '(') ++parens;
    if (line[end] == '[') ++brackets;
    if (line[end] == ')' && parens-- == 0) break;
    if (line[end] == ']' && brackets-- == 0) break;
  }
  while (end > pos && kTrailing.find(line[end - 1]) != std::string_view::npos) --end;
  return end;
}

bool is_list_heading(std::string_view line) {
  static constexpr std::array<std::string_view, 36> kHeadings = {
      "citations",    "citation",      "sources",
      "source",       "references",    "reference",
      "bibliography", "works cited",   "reference list",
      "citazioni",    "fonti",         "riferimenti",
      "bibliografia", "quellen",       "quelle",
      "literatur",    "referenzen",    "literaturverzeichnis",
      "fuentes",      "referencias",   "bibliografía",
      "références",   "bibliographie", "fontes",
      "referências",  "bronnen",       "referenties",
      "literatuur",   "källor",        "kilder",
      "źródła",       "bibliografi",   "quellenangaben",
      "citas",        "citações",      "sources cited"};
  line = trim(line, " \t#*_");
  std::size_t numbering = 0;
  while (numbering < line.size() && is_digit(line[numbering])) ++numbering;
  if (numbering > 0 && numbering < line.size() && line[numbering] == '.') {
    line = trim(line.substr(numbering + 1), " \t*_");
  }
  const std::size_t colon = line.find(':');
  if (colon != std::string_view::npos) {
    const std::string_view after = trim(line.substr(colon + 1), " \t*_");
    if (after.size() > 60 || after.find('[') != std::string_view::npos ||
        after.find("://") != std::string_view::npos ||
        (!after.empty() && std::string_view(".!?").find(after.back()) != std::string_view::npos)) {
      return false;
    }
    line = line.substr(0, colon);
  }
  line = trim(line, " \t*_");
  if (line.size() > 24) return false;
  for (std::string_view heading : kHeadings) {
    if (line.size() == heading.size() && starts_with_ignoring_case(line, heading)) return true;
  }
  return false;
}

std::optional<EntryLabel> scan_entry_label(std::string_view line) {
  std::size_t i = skip_spaces(line, 0);
  if (i + 1 < line.size() && std::string_view("-*+").find(line[i]) != std::string_view::npos &&
      is_space(line[i + 1])) {
    i = skip_spaces(line, i + 1);
  }
  EntryLabel label{i, i, {}, false, false};
  if (line.substr(i).starts_with("[^")) {
    const std::size_t close = line.find("]:", i);
    if (close == std::string_view::npos || close - i > 42) return std::nullopt;
    label.label = "^" + std::string(line.substr(i + 2, close - i - 2));
    label.footnote = true;
    label.end = skip_spaces(line, close + 2);
    return label.label.size() > 1 ? std::optional(label) : std::nullopt;
  }
  const bool bracketed = i < line.size() && (line[i] == '[' || line[i] == '(');
  const std::size_t digits = bracketed ? i + 1 : i;
  const std::size_t end = number_end(line, digits);
  if (end == std::string_view::npos || end >= line.size()) return std::nullopt;
  const char close = line[end];
  if (bracketed ? close != (line[i] == '[' ? ']' : ')') : (close != '.' && close != ')')) {
    return std::nullopt;
  }
  std::size_t after = end + 1;
  if (line[i] == '[' && after < line.size() && line[after] == ':') ++after;
  if (after < line.size() && (line[after] == '(' || (!bracketed && !is_space(line[after])))) {
    return std::nullopt;
  }
  label.label = std::string(line.substr(digits, end - digits));
  label.bracketed = line[i] == '[';
  label.end = skip_spaces(line, after);
  return label;
}

std::size_t next_bracket_label(std::string_view line, std::size_t pos) {
  for (std::size_t i = line.find('[', pos); i != std::string_view::npos;
       i = line.find('[', i + 1)) {
    if (i > 0 && !is_space(line[i - 1])) continue;
    const std::size_t end = number_end(line, i + 1);
    if (end == std::string_view::npos || end >= line.size() || line[end] != ']') continue;
    if (end + 1 == line.size() || is_space(line[end + 1]) || line[end + 1] == ':') return i;
  }
  return std::string_view::npos;
}

EntryBody read_entry_body(std::string_view body) {
  EntryBody out;
  std::string_view rest = trim(body);
  out.cites = take_cite_annotation(rest);
  std::string title;
  for (std::size_t pos = 0; pos < rest.size();) {
    if (rest[pos] == '[') {
      if (auto link = scan_link(rest, pos); link && starts_with_url(link->target)) {
        out.urls.emplace_back(link->target);
        title.append(link->text);
        pos = link->end;
        continue;
      }
    }
    if (url_may_start_after(rest, pos) && starts_with_url(rest.substr(pos))) {
      const std::size_t end = url_end(rest, pos);
      const std::string_view url = rest.substr(pos, end - pos);
      const std::string_view tail = trim(rest.substr(end), " \t>");
      if (out.urls.empty() && continues_url(url, tail)) {
        out.urls.push_back(with_encoded_spaces(url, trim(tail, " \t.")));
        break;
      }
      out.urls.emplace_back(url);
      pos = end < rest.size() && rest[end] == '>' ? end + 1 : end;
      continue;
    }
    if (rest[pos] == '<' && pos + 1 < rest.size() && starts_with_url(rest.substr(pos + 1))) {
      ++pos;
      continue;
    }
    title += rest[pos++];
  }
  out.title = clean_title(title);
  return out;
}

bool has_entry_url(std::string_view body) {
  std::string_view rest = trim(body);
  take_cite_annotation(rest);
  std::size_t start = 0;
  while (start < rest.size() && (rest[start] == '*' || rest[start] == '_')) ++start;
  if (auto link = scan_link(rest, start); link && starts_with_url(link->target)) return true;
  for (std::size_t pos = 0; pos < rest.size(); ++pos) {
    if (url_may_start_after(rest, pos) && starts_with_url(rest.substr(pos))) return true;
  }
  return false;
}

std::string clean_title(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    if (const std::size_t tag = text[pos] == '<' ? html_tag(text, pos) : 0) {
      pos += tag;
      continue;
    }
    if (const std::size_t run = emphasis_run(text, pos)) {
      pos += run;
      continue;
    }
    const char c = text[pos++];
    if (c == '`') continue;
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += c;
  }
  static constexpr std::string_view kSeparators = " \t-:,;|";
  std::string_view title = trim(out, kSeparators);
  while (title.ends_with("\u2013") || title.ends_with("\u2014")) {
    title = trim(title.substr(0, title.size() - 3), kSeparators);
  }
  while (title.ends_with('.') && !title.ends_with("..")) {
    title = trim(title.substr(0, title.size() - 1), kSeparators);
  }
  return std::string(title);
}

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

}  // namespace evgraph::parse

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

std::size_t copy_entity(std::string_view s, std::size_t pos, std::string& text) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kEntities = {{
      {"&amp;", "&"},
      {"&lt;", "<"},
      {"&gt;", ">"},
      {"&quot;", "\""},
      {"&#39;", "'"},
      {"&apos;", "'"},
      {"&nbsp;", " "},
  }};
  const std::string_view rest = s.substr(pos);
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

// A URL in prose is copied whole: a `[1]` inside it is part of the URL unless it ends the URL.
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
  text.append(s.substr(pos, end - pos));
  return end;
}

bool is_bullet(std::string_view s) {
  return s.size() > 1 && std::string_view("-*+").find(s[0]) != std::string_view::npos &&
         is_space(s[1]);
}

std::string_view drop_list_prefix(std::string_view s) {
  s = trim(s);
  while (is_bullet(s) || s.starts_with("\u2022")) s = trim(s.substr(is_bullet(s) ? 1 : 3));
  std::size_t digits = 0;
  while (digits < s.size() && digits <= kMaxLabelDigits && is_digit(s[digits])) ++digits;
  if (digits > 0 && digits + 1 < s.size() && (s[digits] == '.' || s[digits] == ')') &&
      is_space(s[digits + 1])) {
    s = trim(s.substr(digits + 1));
  }
  return trim(s, " \t\n,;");
}

// Bracketed numbers after `Size:` or `=` are values, not citations.
bool is_data(std::string_view s, std::size_t pos, std::string_view text) {
  if (s.substr(pos).starts_with("[^") || s.substr(pos).starts_with("[cite:")) return false;
  const std::string_view before = trim(text);
  return !before.empty() && (before.back() == ':' || before.back() == '=');
}

bool scan_citation_link(std::string_view s, std::size_t& i, CitationGroup& group) {
  auto link = scan_link(s, i);
  if (!link) return false;
  const LinkRole role = link_role(*link);
  if (role == LinkRole::citation) {
    group.links.push_back(*link);
  } else if (role == LinkRole::footnote && group.labels.empty() && group.links.empty()) {
    group.text = link->text;
    group.labels.push_back(footnote_label(link->target));
  } else {
    return false;
  }
  i = link->end;
  return true;
}

// One marker bracket, citation link or superscript run at `i`; advances `i` past it.
bool scan_citation(std::string_view s, std::size_t& i, std::string_view text, bool superscripts,
                   CitationGroup& group) {
  std::optional<MarkerGroup> marker;
  if (s[i] == '[') {
    if (scan_link(s, i)) return scan_citation_link(s, i, group);
    marker = scan_marker_group(s, i);
    if (marker && is_data(s, i, text)) marker.reset();
  } else if (superscripts) {
    marker = scan_superscripts(s, i);
  }
  if (!marker) return false;
  group.labels.insert(group.labels.end(), marker->labels.begin(), marker->labels.end());
  i = marker->end;
  return true;
}

}  // namespace

std::optional<CitationGroup> scan_citation_group(std::string_view line, std::size_t pos,
                                                 std::string_view text, bool superscripts) {
  CitationGroup group{pos, pos, {}, {}, {}};
  std::size_t i = pos;
  while (i < line.size() && scan_citation(line, i, text, superscripts, group)) {
    group.end = i;
    const std::size_t next = skip_spaces(line, i);
    if (next == i || next >= line.size() || line[next] != '[') break;
    i = next;
  }
  if (group.end == pos) return std::nullopt;
  return group;
}

std::size_t take_closing_punctuation(std::string_view line, std::size_t pos, std::string& text) {
  static constexpr std::string_view kClosing = ".,;:!?)";
  std::size_t end = pos;
  while (end < line.size() && kClosing.find(line[end]) != std::string_view::npos) ++end;
  if (end == pos || (end < line.size() && !is_space(line[end]))) return pos;
  text.append(line.substr(pos, end - pos));
  return end;
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

std::string clean_claim(std::string_view raw) {
  const std::string_view s = drop_list_prefix(raw);
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

}  // namespace evgraph::parse
