#include "parse/list_entries.hpp"

#include <array>

#include "parse/chars.hpp"
#include "parse/inline_text.hpp"
#include "parse/markers.hpp"

namespace evgraph::parse {
namespace {

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
  std::size_t i = skip_blanks(line, 0);
  if (is_bullet(line.substr(i))) i = skip_blanks(line, i + 1);
  EntryLabel label{i, i, {}, false, false};
  if (line.substr(i).starts_with("[^")) {
    const std::size_t close = line.find("]:", i);
    if (close == std::string_view::npos || close - i > 42) return std::nullopt;
    label.label = "^" + std::string(line.substr(i + 2, close - i - 2));
    label.footnote = true;
    label.end = skip_blanks(line, close + 2);
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
  label.end = skip_blanks(line, after);
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

}  // namespace evgraph::parse
