#include "parse/markers.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "evgraph/evidence.hpp"
#include "parse/assistant_markers.hpp"
#include "parse/chars.hpp"

namespace evgraph::parse {
namespace {

constexpr std::size_t kMaxRange = 100;
constexpr std::size_t kMaxLinkText = 300;

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

// Four digits from 1800 to 2099: a bracketed year, which lists of over 1,800 references give up.
bool is_year(std::string_view digits) {
  if (digits.size() != 4) return false;
  const std::size_t value = number_value(digits);
  return value >= 1800 && value <= 2099;
}

// `1, 3`, `1-3`, `cite: 1, 2` up to the ']'; one past it.
std::optional<std::size_t> scan_numbers(std::string_view line, std::size_t i,
                                        std::vector<std::string>& labels) {
  if (starts_with_ignoring_case(line.substr(i), "cite:")) i = skip_blanks(line, i + 5);
  while (true) {
    const std::size_t end = number_end(line, i);
    if (end == std::string_view::npos) return std::nullopt;
    const std::string_view first = line.substr(i, end - i);
    if (is_year(first)) return std::nullopt;  // `Smith et al. [2019]`: a year, not the 2,019th item
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
    i = skip_blanks(line, i + 1);
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

// A run of `*` or `_` ending a URL at `end` that closes emphasis left open before the URL starts
// at `pos` (`**https://x.org**`, `**Title https://x.org**`): its length, or 0 when the characters
// belong to the URL (`a_b_`, `q=a*`). Looks back at most kMaxLinkTarget bytes.
std::size_t closing_emphasis(std::string_view line, std::size_t pos, std::size_t end) {
  const char c = line[end - 1];
  if (c != '*' && c != '_') return 0;
  std::size_t start = end - 1;
  while (start > pos && line[start - 1] == c) --start;
  if (start == pos) return 0;
  std::size_t open = 0;
  for (std::size_t i = pos > kMaxLinkTarget ? pos - kMaxLinkTarget : 0; i < pos;) {
    if (line[i] != c) {
      ++i;
      continue;
    }
    std::size_t run_end = i;
    while (run_end < pos && line[run_end] == c) ++run_end;
    const bool in_word = i > 0 && is_word(line[i - 1]) && is_word(line[run_end]);
    if (run_end - i == end - start && !in_word) ++open;
    i = run_end;
  }
  return open % 2 == 1 ? end - start : 0;
}

// Past `"title")` after a link's target (`[text](url "Guide (PDF)")`): the ')' closing the link,
// or npos; `title` is set to the quoted title. Unquoted words after the target run to the next
// ')'.
std::size_t link_title_end(std::string_view line, std::size_t pos, std::size_t target,
                           std::string_view& title) {
  const std::size_t limit = std::min(line.size(), target + kMaxLinkTarget);
  pos = skip_blanks(line, pos);
  if (pos < limit && (line[pos] == '"' || line[pos] == '\'')) {
    const std::size_t close = line.substr(0, limit).find(line[pos], pos + 1);
    if (close == std::string_view::npos) return close;
    title = trim(line.substr(pos + 1, close - pos - 1));
    pos = skip_blanks(line, close + 1);
  }
  return line.substr(0, limit).find(')', pos);
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

// `[https://…]`: a URL in square brackets (not a wikilink, not a link's text).
std::optional<Link> scan_bracketed_url(std::string_view s, std::size_t i) {
  if ((i > 0 && s[i - 1] == '[') || !starts_with_url(s.substr(i + 1))) return std::nullopt;
  const std::size_t end = url_end(s, i + 1);
  if (end >= s.size() || s[end] != ']') return std::nullopt;
  if (end + 1 < s.size() && (s[end + 1] == '(' || s[end + 1] == ']')) return std::nullopt;
  const std::string_view url = s.substr(i + 1, end - i - 1);
  return Link{i, end + 1, url, url, {}};
}

// The claim ends at `pos`: its text so far ends a sentence, or the line or a sentence ends here.
bool ends_claim(std::string_view s, std::size_t pos, std::string_view text) {
  static constexpr std::string_view kSentenceEnds = ".!?";
  const std::string_view before = trim(text);
  if (!before.empty() && kSentenceEnds.find(before.back()) != std::string_view::npos) return true;
  std::size_t end = pos;
  while (end < s.size() && std::string_view(".;:!?").find(s[end]) != std::string_view::npos) ++end;
  return end == s.size() || s[end] == '\n' || (end > pos && is_space(s[end]));
}

// `([BMJ Open](url))`, `([A](url); [B](url))` ending a claim: links that are all of a parenthesis
// cite their targets.
bool scan_parenthesised_links(std::string_view s, std::size_t& i, std::string_view text,
                              CitationGroup& group) {
  if (i + 1 >= s.size() || s[i + 1] != '[') return false;
  std::vector<Link> links;
  std::size_t j = i + 1;
  while (true) {
    auto link = scan_link(s, j);
    if (!link || !starts_with_url(link->target)) return false;
    links.push_back(*link);
    j = skip_blanks(s, link->end);
    if (j >= s.size() || (s[j] != ',' && s[j] != ';')) break;
    j = skip_blanks(s, j + 1);
  }
  const bool chips = std::all_of(links.begin(), links.end(), is_chatgpt_chip);
  if (j >= s.size() || s[j] != ')' || !(chips || ends_claim(s, j + 1, text))) return false;
  group.links.insert(group.links.end(), links.begin(), links.end());
  i = j + 1;
  return true;
}

// One marker bracket, citation link, bracketed URL, parenthesis of links or superscript run at
// `i`; advances `i` past it.
bool scan_citation(std::string_view s, std::size_t& i, std::string_view text, bool superscripts,
                   CitationGroup& group) {
  std::optional<MarkerGroup> marker;
  if (s[i] == '(') return scan_parenthesised_links(s, i, text, group);
  if (s[i] == '[') {
    if (scan_link(s, i)) return scan_citation_link(s, i, group);
    if (auto url = scan_bracketed_url(s, i)) {
      group.links.push_back(*url);
      i = url->end;
      return true;
    }
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

std::optional<MarkerGroup> scan_marker_group(std::string_view line, std::size_t pos) {
  MarkerGroup group{pos, pos, {}};
  auto end = scan_bracket(line, pos, group.labels);
  if (!end) return std::nullopt;
  while (end) {
    group.end = *end;
    end = scan_bracket(line, skip_blanks(line, *end), group.labels);
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

std::size_t scan_oversized_marker(std::string_view line, std::size_t pos, std::string_view text) {
  if (pos + 1 >= line.size() || line[pos] != '[' || !is_digit(line[pos + 1])) return 0;
  std::size_t end = pos + 1;
  while (end < line.size() && is_digit(line[end])) ++end;
  if (end - pos - 1 <= kMaxLabelDigits || end >= line.size() || line[end] != ']') return 0;
  if (end + 1 < line.size() && line[end + 1] == '(') return 0;  // a link's text: `[123…](url)`
  return is_data(line, pos, text) ? 0 : end + 1;
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
  const std::size_t target_end = end;
  std::string_view title;
  if (end < line.size() && is_blank(line[end])) end = link_title_end(line, end, target, title);
  if (end >= line.size() || line[end] != ')') return std::nullopt;
  return Link{pos, end + 1, line.substr(pos + 1, close - pos - 1),
              trim(line.substr(target, target_end - target), "<> "), title};
}

LinkRole link_role(const Link& link) {
  if (link.target.starts_with('^') && link.target.size() > 1) return LinkRole::footnote;
  if (!starts_with_url(link.target)) return LinkRole::prose;
  if (is_number(link_label(link)) || is_domain_chip(link.text, link.target) ||
      oai_citation_title(link.text)) {
    return LinkRole::citation;
  }
  if (identify_source(link.target).strong()) return LinkRole::scholarly;
  return LinkRole::prose;
}

bool is_chatgpt_chip(const Link& link) {
  return link.target.find("utm_source=chatgpt.com") != std::string_view::npos;
}

std::string_view link_label(const Link& link) {
  const std::string_view text = trim(link.text);
  if (auto title = oai_citation_title(text)) {
    return title->empty() ? text : *title;
  }
  if (text.size() > 2 && text.front() == '[' && text.back() == ']' &&
      is_number(text.substr(1, text.size() - 2))) {
    return text.substr(1, text.size() - 2);
  }
  if (starts_with_url(text)) {
    const std::string_view host = url_host(text);
    return host.starts_with("www.") ? host.substr(4) : host;
  }
  return text;
}

std::string footnote_label(std::string_view target) {
  return "^" + std::string(trim(target, "^ "));
}

std::size_t url_prefix(std::string_view s) {
  static constexpr std::array<std::string_view, 4> kPrefixes = {"http://", "https://", "www.",
                                                                "doi:"};
  for (std::string_view prefix : kPrefixes) {
    if (s.starts_with(prefix)) return prefix.size();
  }
  return 0;
}

bool starts_with_url(std::string_view s) {
  const std::size_t prefix = url_prefix(s);
  return prefix > 0 && prefix < s.size() && is_word(s[prefix]);
}

std::size_t url_end(std::string_view line, std::size_t pos) {
  static constexpr std::string_view kTrailing = ".,;:!?'\"";
  std::size_t end = pos;
  std::size_t parens = 0;
  std::size_t brackets = 0;
  for (; end < line.size() && !is_space(line[end]) && line[end] != '<' && line[end] != '>'; ++end) {
    if (line[end] == '(') ++parens;
    if (line[end] == '[') ++brackets;
    if (line[end] == ')' && parens-- == 0) break;
    if (line[end] == ']' && brackets-- == 0) break;
  }
  while (end > pos) {
    const std::string_view url = line.substr(pos, end - pos);
    if (kTrailing.find(url.back()) != std::string_view::npos) {
      --end;
    } else if (url.ends_with("\u201D") || url.ends_with("\u2019")) {
      end -= 3;
    } else if (const std::size_t run = closing_emphasis(line, pos, end)) {
      end -= run;
    } else {
      break;
    }
  }
  return end;
}

std::string_view url_host(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  return url.substr(0, url.find_first_of("/?#"));
}

std::optional<CitationGroup> scan_citation_group(std::string_view line, std::size_t pos,
                                                 std::string_view text, bool superscripts) {
  CitationGroup group{pos, pos, {}, {}, {}, {}};
  std::size_t i = pos;
  while (i < line.size() && scan_citation(line, i, text, superscripts, group)) {
    group.end = i;
    const std::size_t next = skip_blanks(line, i);
    if (next >= line.size() || line[next] != '[') break;
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

}  // namespace evgraph::parse
