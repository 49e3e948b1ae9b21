#include "parse/list_entries.hpp"

#include <utf8proc.h>

#include <array>
#include <cstdlib>
#include <memory>

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

// A URL may start at `pos`, after a space, an opening `(` or `<` or a quote (not as a mid-text
// link's target: `the [study](https://…) found`).
bool url_may_start_after(std::string_view s, std::size_t pos) {
  if (pos == 0) return true;
  if (pos >= 2 && s[pos - 1] == '(' && s[pos - 2] == ']') return false;
  const std::string_view before = s.substr(0, pos);
  return is_space(s[pos - 1]) ||
         std::string_view("(<\"'").find(s[pos - 1]) != std::string_view::npos ||
         before.ends_with("\u201C") || before.ends_with("\u2018");
}

// Case folded (any script: `RÉFÉRENCES` is `références`), in NFC.
std::string folded(std::string_view s) {
  utf8proc_uint8_t* mapped = nullptr;
  const auto length = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
      &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(mapped, &std::free);
  if (length < 0) return std::string(s);
  return std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
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
  const std::string name = folded(line);
  for (std::string_view heading : kHeadings) {
    if (name == heading) return true;
  }
  return false;
}

std::size_t source_label_start(std::string_view text) {
  const std::string_view t = trim(text);
  if (!t.ends_with(':')) return std::string_view::npos;
  const std::size_t space = t.find_last_of(" \t\n");
  const std::size_t start = space == std::string_view::npos ? 0 : space + 1;
  const std::string_view before = trim(t.substr(0, start));
  const bool opens_sentence = !has_letters(before) || std::string_view(".!?;").find(
                                                          before.back()) != std::string_view::npos;
  if (!opens_sentence || !is_list_heading(t.substr(start))) return std::string_view::npos;
  return static_cast<std::size_t>(t.data() - text.data()) + start;
}

std::optional<EntryLabel> scan_entry_label(std::string_view line) {
  std::size_t i = skip_blanks(line, 0);
  if (is_bullet(line.substr(i))) i = skip_blanks(line, i + 1);
  EntryLabel label{i, i, {}, false, false};
  if (line.substr(i).starts_with("[^")) {
    const std::size_t close = line.find("]:", i);
    if (close == std::string_view::npos || close - i > 42) return std::nullopt;
    std::string_view name = line.substr(i + 2, close - i - 2);
    if (name.ends_with('^')) name.remove_suffix(1);  // Copilot's `[^7^]: url`
    label.label = "^" + std::string(name);
    label.footnote = true;
    label.end = skip_blanks(line, close + 2);
    return label.label.size() > 1 ? std::optional(label) : std::nullopt;
  }
  const bool bracketed = i < line.size() && (line[i] == '[' || line[i] == '(');
  const std::size_t digits = bracketed ? i + 1 : i;
  const std::size_t end =
      number_end(line, digits, bracketed && line[i] == '[' ? kMaxLabelDigits : kMaxNumberingDigits);
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

bool has_citations(std::string_view body) {
  for (std::size_t pos = body.find('['); pos != std::string_view::npos;
       pos = body.find('[', pos + 1)) {
    if (pos == 0 || body[pos - 1] == '*') continue;  // the entry's own `**[cite: 1]**`
    if (scan_marker_group(body, pos)) return true;
    if (auto link = scan_link(body, pos); link && link_role(*link) == LinkRole::citation) {
      return true;
    }
  }
  return false;
}

bool is_unlabelled_entry(std::string_view line) {
  std::string_view rest = line;
  if (is_bullet(rest)) rest = trim(rest.substr(1));
  if (starts_with_url(rest)) return true;
  auto link = scan_link(rest, 0);
  return link && starts_with_url(link->target) && trim(rest.substr(link->end)).empty();
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
      while (pos < rest.size() && (rest[pos] == '*' || rest[pos] == '_')) ++pos;  // `url**`
      continue;
    }
    if (rest[pos] == '<' && pos + 1 < rest.size() && starts_with_url(rest.substr(pos + 1))) {
      ++pos;
      continue;
    }
    if (const std::size_t scheme = url_prefix(rest.substr(pos));
        scheme > 0 && url_may_start_after(rest, pos) &&
        (pos + scheme == rest.size() || is_space(rest[pos + scheme]))) {
      pos += scheme;  // `https://` with nothing after it is no URL, nor a title
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
    if (url_may_start_after(rest, pos) && url_prefix(rest.substr(pos)) > 0) return true;
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
  const bool words = has_letters(title) || title.find_first_of("0123456789") != std::string::npos;
  return words ? std::string(title) : std::string();
}

}  // namespace evgraph::parse
