#include "parse/html_page.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "evgraph/parse.hpp"
#include "parse/chars.hpp"
#include "parse/inline_text.hpp"
#include "parse/markers.hpp"

namespace evgraph::detail {
namespace {

using parse::is_digit;
using parse::lower;

bool is_html_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// `lowered` is lower case.
bool equals_ignoring_case(std::string_view s, std::string_view lowered) {
  if (s.size() != lowered.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (lower(s[i]) != lowered[i]) return false;
  }
  return true;
}

std::string_view trim_html_space(std::string_view s) {
  while (!s.empty() && is_html_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_html_space(s.back())) s.remove_suffix(1);
  return s;
}

// ---- character references --------------------------------------------------------------------

struct NamedEntity {
  std::string_view name;
  std::string_view text;
};

// The references pages write by name (HTML's full table has 2,231; these are the ones text uses).
constexpr std::array<NamedEntity, 52> kEntities = {{
    {"amp", "&"},         {"lt", "<"},          {"gt", ">"},          {"quot", "\""},
    {"apos", "'"},        {"nbsp", " "},        {"ensp", " "},        {"emsp", " "},
    {"thinsp", " "},      {"mdash", "\u2014"},  {"ndash", "\u2013"},  {"minus", "\u2212"},
    {"lsquo", "\u2018"},  {"rsquo", "\u2019"},  {"sbquo", "\u201A"},  {"ldquo", "\u201C"},
    {"rdquo", "\u201D"},  {"bdquo", "\u201E"},  {"laquo", "\u00AB"},  {"raquo", "\u00BB"},
    {"lsaquo", "\u2039"}, {"rsaquo", "\u203A"}, {"hellip", "\u2026"}, {"bull", "\u2022"},
    {"middot", "\u00B7"}, {"times", "\u00D7"},  {"divide", "\u00F7"}, {"plusmn", "\u00B1"},
    {"le", "\u2264"},     {"ge", "\u2265"},     {"ne", "\u2260"},     {"asymp", "\u2248"},
    {"deg", "\u00B0"},    {"micro", "\u00B5"},  {"para", "\u00B6"},   {"sect", "\u00A7"},
    {"copy", "\u00A9"},   {"reg", "\u00AE"},    {"trade", "\u2122"},  {"euro", "\u20AC"},
    {"pound", "\u00A3"},  {"yen", "\u00A5"},    {"cent", "\u00A2"},   {"frac12", "\u00BD"},
    {"frac14", "\u00BC"}, {"frac34", "\u00BE"}, {"sup1", "\u00B9"},   {"sup2", "\u00B2"},
    {"sup3", "\u00B3"},   {"rarr", "\u2192"},   {"larr", "\u2190"},   {"zwnj", ""},
}};

// Windows-1252's characters for the references 128–159 that HTML maps to them (`&#146;` is ’).
constexpr std::array<char32_t, 32> kWindows1252 = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

void append_code_point(char32_t code_point, std::string& out) {
  if (code_point >= 0x80 && code_point < 0xA0) code_point = kWindows1252[code_point - 0x80];
  if (code_point == 0xA0) code_point = ' ';
  if (code_point == 0 || !utf8proc_codepoint_valid(static_cast<utf8proc_int32_t>(code_point))) {
    code_point = 0xFFFD;
  }
  std::array<utf8proc_uint8_t, 4> bytes{};
  const auto length = utf8proc_encode_char(static_cast<utf8proc_int32_t>(code_point), bytes.data());
  out.append(reinterpret_cast<const char*>(bytes.data()), static_cast<std::size_t>(length));
}

// The character reference at `pos` (`&amp;`, `&#8217;`, `&#x2019;`) appended to `out` as UTF-8;
// the position after it, or `pos` when there is none (the `&` is text).
std::size_t decode_reference(std::string_view s, std::size_t pos, std::string& out) {
  std::size_t i = pos + 1;
  if (i < s.size() && s[i] == '#') {
    ++i;
    const bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
    if (hex) ++i;
    const std::size_t start = i;
    char32_t value = 0;
    for (; i < s.size() && i - start < 8; ++i) {
      const char c = lower(s[i]);
      if (is_digit(c)) {
        value = value * (hex ? 16 : 10) + static_cast<char32_t>(c - '0');
      } else if (hex && c >= 'a' && c <= 'f') {
        value = value * 16 + static_cast<char32_t>(c - 'a' + 10);
      } else {
        break;
      }
    }
    if (i == start) return pos;
    if (i < s.size() && s[i] == ';') ++i;
    append_code_point(value, out);
    return i;
  }
  const std::size_t start = i;
  while (i < s.size() && i - start <= 8 && (is_ascii_letter(s[i]) || is_digit(s[i]))) ++i;
  if (i == start || i >= s.size() || s[i] != ';') return pos;
  const std::string_view name = s.substr(start, i - start);
  for (const NamedEntity& entity : kEntities) {
    if (entity.name == name) {
      out.append(entity.text);
      return i + 1;
    }
  }
  return pos;
}

// `s` with its references decoded and white space as given.
std::string decoded(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '&') {
      const std::size_t next = decode_reference(s, i, out);
      if (next > i) {
        i = next;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

// `s` decoded, white space runs one space, trimmed.
std::string collapsed(std::string_view s) {
  std::string out;
  for (char c : decoded(s)) {
    if (is_html_space(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// ---- tags -------------------------------------------------------------------------------------

struct Attribute {
  std::string_view name;
  std::string_view value;  // raw: references not decoded
};

struct Tag {
  std::size_t begin = 0;
  std::size_t end = 0;  // past the '>'
  std::string name;     // lower case
  bool closing = false;
  bool self_closing = false;
  std::vector<Attribute> attributes;

  // The attribute's raw value, or nullopt when the tag does not have it. `name` is lower case.
  std::optional<std::string_view> attribute(std::string_view wanted) const {
    for (const Attribute& a : attributes) {
      if (equals_ignoring_case(a.name, wanted)) return a.value;
    }
    return std::nullopt;
  }
};

// The tag starting at `pos` (`<name …>` or `</name …>`), or nullopt when the `<` there starts no
// tag (it is text). A tag that the file ends inside runs to the end.
std::optional<Tag> scan_tag(std::string_view s, std::size_t pos) {
  std::size_t i = pos + 1;
  Tag tag;
  tag.begin = pos;
  if (i < s.size() && s[i] == '/') {
    tag.closing = true;
    ++i;
  }
  if (i >= s.size() || !is_ascii_letter(s[i])) return std::nullopt;
  const std::size_t name_start = i;
  while (i < s.size() && !is_html_space(s[i]) && s[i] != '/' && s[i] != '>') ++i;
  tag.name.reserve(i - name_start);
  for (std::size_t k = name_start; k < i; ++k) tag.name += lower(s[k]);
  while (true) {
    while (i < s.size() && (is_html_space(s[i]) || s[i] == '/')) {
      tag.self_closing = s[i] == '/';
      ++i;
    }
    if (i >= s.size()) break;
    if (s[i] == '>') {
      tag.end = i + 1;
      return tag;
    }
    tag.self_closing = false;
    const std::size_t attribute_start = i++;
    while (i < s.size() && !is_html_space(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=') {
      ++i;
    }
    Attribute attribute{s.substr(attribute_start, i - attribute_start), {}};
    std::size_t j = i;
    while (j < s.size() && is_html_space(s[j])) ++j;
    if (j < s.size() && s[j] == '=') {
      i = j + 1;
      while (i < s.size() && is_html_space(s[i])) ++i;
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
        const std::size_t close = s.find(s[i], i + 1);
        const std::size_t value_end = close == std::string_view::npos ? s.size() : close;
        attribute.value = s.substr(i + 1, value_end - i - 1);
        i = close == std::string_view::npos ? s.size() : close + 1;
      } else {
        const std::size_t value_start = i;
        while (i < s.size() && !is_html_space(s[i]) && s[i] != '>') ++i;
        attribute.value = s.substr(value_start, i - value_start);
      }
    }
    if (!tag.closing) tag.attributes.push_back(attribute);
  }
  tag.end = s.size();
  return tag;
}

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_void(std::string_view name) {
  return is_one_of(
      name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
             "source", "track", "wbr", "keygen", "basefont", "frame"});
}

// Elements whose content is text up to their end tag, tags and all.
bool is_raw_text(std::string_view name) {
  return is_one_of(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                          "noframes", "noscript", "plaintext"});
}

// Elements whose content is no part of the answer: code, styling, the page's head and navigation,
// controls, drawings, forms, and Gemini's copy of the user's question.
bool is_dropped(std::string_view name) {
  return is_one_of(
      name, {"script",   "style",    "head",   "nav",    "button",     "svg",     "template",
             "noscript", "textarea", "select", "iframe", "canvas",     "object",  "form",
             "dialog",   "video",    "audio",  "map",    "user-query", "noembed", "noframes"});
}

bool is_block(std::string_view name) {
  return is_one_of(
      name, {"p",       "div",     "section",  "article",    "main",       "header",  "footer",
             "aside",   "address", "center",   "blockquote", "details",    "summary", "dl",
             "dt",      "dd",      "fieldset", "figure",     "figcaption", "hgroup",  "legend",
             "caption", "body",    "html",     "search"});
}

int heading_level(std::string_view name) {
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return name[1] - '0';
  return 0;
}

// A class list naming a token that holds `word` (`citation`, `inline-citation`).
bool class_has(std::string_view classes, std::string_view word) {
  for (std::size_t start = 0; start < classes.size();) {
    while (start < classes.size() && is_html_space(classes[start])) ++start;
    std::size_t end = start;
    while (end < classes.size() && !is_html_space(classes[end])) ++end;
    std::string token;
    for (char c : classes.substr(start, end - start)) token += lower(c);
    if (token.find(word) != std::string::npos) return true;
    start = end;
  }
  return false;
}

bool class_is(std::string_view classes, std::initializer_list<std::string_view> names) {
  for (std::size_t start = 0; start < classes.size();) {
    while (start < classes.size() && is_html_space(classes[start])) ++start;
    std::size_t end = start;
    while (end < classes.size() && !is_html_space(classes[end])) ++end;
    const std::string_view token = classes.substr(start, end - start);
    for (std::string_view name : names) {
      if (equals_ignoring_case(token, name)) return true;
    }
    start = end;
  }
  return false;
}

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

// An element the page marks as a citation: a ChatGPT citation pill (`data-testid=
// "webpage-citation-pill"`), Perplexity's `citation` class, Gemini's `data-turn-source-index`, a
// `data-…citation…` attribute, a footnote reference (`role="doc-noteref"`, `footnote-ref`).
// Not `<cite>`, which holds a work's own reference.
bool marks_citation(const Tag& tag) {
  if (tag.name == "cite") return false;
  for (const Attribute& a : tag.attributes) {
    const std::string name = lowered(a.name);
    if (name == "class") {
      if (class_has(a.value, "citation") || class_is(a.value, {"footnote-ref", "reference"})) {
        return true;
      }
    } else if (name == "data-testid") {
      if (lowered(a.value).find("citation") != std::string::npos) return true;
    } else if (name == "role") {
      if (equals_ignoring_case(a.value, "doc-noteref")) return true;
    } else if (name.starts_with("data-") &&
               (name.find("citation") != std::string::npos ||
                name.find("source-index") != std::string::npos || name == "data-footnote-ref")) {
      return true;
    }
  }
  return false;
}

// An element hidden from readers: `hidden`, `aria-hidden="true"`, `display: none`, or a
// screen-reader-only class.
bool is_hidden(const Tag& tag) {
  if (tag.attribute("hidden")) return true;
  if (auto aria = tag.attribute("aria-hidden"); aria && equals_ignoring_case(*aria, "true")) {
    return true;
  }
  if (auto style = tag.attribute("style")) {
    std::string compact;
    for (char c : *style) {
      if (!is_html_space(c)) compact += lower(c);
    }
    if (compact.find("display:none") != std::string::npos) return true;
  }
  if (auto classes = tag.attribute("class")) {
    return class_is(*classes, {"sr-only", "visually-hidden", "cdk-visually-hidden",
                               "screen-reader-text", "visuallyhidden"});
  }
  return false;
}

// `1`, `[2]`, `(3)`: one citation number; empty when `text` is not one.
std::string single_number(std::string_view text) {
  text = trim_html_space(text);
  if (text.size() > 2 && ((text.front() == '[' && text.back() == ']') ||
                          (text.front() == '(' && text.back() == ')'))) {
    text = trim_html_space(text.substr(1, text.size() - 2));
  }
  if (text.empty() || text.size() > parse::kMaxLabelDigits || text.front() == '0') return {};
  for (char c : text) {
    if (!is_digit(c)) return {};
  }
  return std::string(text);
}

// `1`, `1,3`, `[2-4]`, `1, 2`: citation numbers as a marker's inside (`1, 3`, `2-4`); empty
// when `text` is not one.
std::string number_list(std::string_view text) {
  text = trim_html_space(text);
  if (text.size() > 2 && ((text.front() == '[' && text.back() == ']') ||
                          (text.front() == '(' && text.back() == ')'))) {
    text = trim_html_space(text.substr(1, text.size() - 2));
  }
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    if (i == start || i - start > parse::kMaxLabelDigits) return {};
    out.append(text.substr(start, i - start));
    while (i < text.size() && is_html_space(text[i])) ++i;
    if (i == text.size()) break;
    if (text[i] == ',') {
      out += ", ";
      ++i;
    } else if (text[i] == '-') {
      out += '-';
      ++i;
    } else if (text.substr(i).starts_with("\u2013")) {
      out += '-';
      i += 3;
    } else {
      return {};
    }
    while (i < text.size() && is_html_space(text[i])) ++i;
    if (i == text.size()) return {};
  }
  return out;
}

bool is_web_url(std::string_view url) {
  const std::string head = lowered(url.substr(0, 8));
  return head.starts_with("http://") || head.starts_with("https://");
}

// A URL as a Markdown link target: white space and angle brackets percent-encoded, and so are
// parentheses that do not pair up (the answer parser ends a target at an unpaired `)`).
std::string link_target(std::string_view url) {
  std::vector<bool> paired(url.size(), false);
  std::vector<std::size_t> open;
  for (std::size_t i = 0; i < url.size(); ++i) {
    if (url[i] == '(') {
      open.push_back(i);
    } else if (url[i] == ')' && !open.empty()) {
      paired[open.back()] = paired[i] = true;
      open.pop_back();
    }
  }
  std::string out;
  for (std::size_t i = 0; i < url.size(); ++i) {
    const char c = url[i];
    if (is_html_space(c)) {
      out += "%20";
    } else if (c == '<') {
      out += "%3C";
    } else if (c == '>') {
      out += "%3E";
    } else if ((c == '(' || c == ')') && !paired[i]) {
      out += c == '(' ? "%28" : "%29";
    } else {
      out += c;
    }
  }
  return out;
}

// What a citation link is cited as when its text is not already a chip (`pubmed+2`, `nih.gov`):
// its text folded to a chip when that is a piece of the target's host (`Wikipedia` →
// `wikipedia`), else the host; a `+N` count is kept. `title` gets the text when the label does
// not show it.
std::string chip_label(std::string_view text, std::string_view url, std::string& title) {
  std::string_view base = trim_html_space(text);
  std::string count;
  if (const std::size_t plus = base.rfind('+');
      plus != std::string_view::npos && plus + 1 < base.size() &&
      std::all_of(base.begin() + static_cast<std::ptrdiff_t>(plus) + 1, base.end(), is_digit)) {
    count = std::string(base.substr(plus));
    base = trim_html_space(base.substr(0, plus));
  }
  std::string folded;
  bool chip = !base.empty() && base.size() <= 60;
  for (char c : base) {
    if (c == ' ') continue;
    c = lower(c);
    if (!((c >= 'a' && c <= 'z') || is_digit(c) || c == '.' || c == '-')) chip = false;
    folded += c;
  }
  std::string host = lowered(parse::url_host(url));
  if (host.starts_with("www.")) host.erase(0, 4);
  if (chip && !folded.empty() &&
      (folded.find('.') != std::string::npos || host.find(folded) != std::string::npos)) {
    return folded + count;
  }
  if (parse::has_letters(base)) title = std::string(base);
  return (host.empty() ? std::string("source") : host) + count;
}

std::string quoted_title(std::string title) {
  std::replace(title.begin(), title.end(), '"', '\'');
  return " \"" + title + "\"";
}

constexpr std::size_t kMaxLinkText = 300;     // the answer parser reads links up to this
constexpr std::size_t kMaxLinkTarget = 1900;  // and targets up to 2,000 bytes, title included

enum class Kind {
  plain,      // no effect of its own at its end
  block,      // a paragraph
  heading,    // `#` line
  list,       // ul, ol
  item,       // li
  table,      //
  row,        // tr
  cell,       // td, th
  link,       // a with href
  strong,     // strong, b
  pre,        // fenced code
  container,  // an assistant message
};

// What the content of an element is read as.
struct Context {
  bool dropped = false;   // inside an element that is no part of the answer
  bool outside = false;   // outside every assistant message, on a page that has them
  bool citation = false;  // inside an element marked as a citation
  bool sup = false;
  bool pre = false;
  bool cell = false;
  bool item = false;  // inside a list item
  bool strong = false;
  bool math = false;        // MathML: only its TeX annotation is read
  bool annotation = false;  // <annotation encoding="application/x-tex">
  bool foreign = false;     // inside <svg> or <math>: `/>` closes an element
};

struct Element {
  std::string name;
  Kind kind = Kind::plain;
  Context context;  // of its content
  std::size_t offset = 0;
};

// Open lists and tables, with the stack index of their open item, row and cell (kNowhere: none),
// so that an item, row or cell closes the one before it without a search.
struct ListState {
  bool ordered = false;
  long next = 1;
  std::size_t item = kNowhere;
};

struct TableState {
  std::size_t rows = 0;
  std::size_t cells = 0;  // of the row being read
  bool header = false;    // the row being read has <th> cells
  bool row_open = false;
  std::size_t row = kNowhere;
  std::size_t cell = kNowhere;
};

// A link being read: its text is gathered until its end, then written as a link.
struct Capture {
  std::string href;
  std::size_t offset = 0;   // its start tag
  std::size_t element = 0;  // its index in the stack
  bool citation = false;
  bool leading_space = false;  // white space before the link
  std::string text;
  std::vector<std::size_t> origins;
};

class HtmlReader {
 public:
  HtmlReader(const Text& file, Diagnostics& diagnostics)
      : file_(file), s_(file.content()), diagnostics_(diagnostics) {
    assistant_only_ = s_.find("data-message-author-role=\"assistant\"") != std::string_view::npos ||
                      s_.find("data-message-author-role='assistant'") != std::string_view::npos ||
                      s_.find("<model-response") != std::string_view::npos;
    root_.outside = assistant_only_;
  }

  HtmlPage run() {
    std::size_t i = start();
    while (i < s_.size()) {
      if (s_[i] != '<') {
        const std::size_t next = std::min(s_.find('<', i), s_.size());
        on_text(i, next);
        i = next;
      } else if (s_.substr(i).starts_with("<!--")) {
        const std::size_t close = s_.find("-->", i + 4);
        on_comment(s_.substr(i + 4, std::min(close, s_.size()) - i - 4));
        i = close == std::string_view::npos ? s_.size() : close + 3;
      } else if (i + 1 < s_.size() &&
                 (s_[i + 1] == '!' || s_[i + 1] == '?' ||
                  (s_[i + 1] == '/' && i + 2 < s_.size() && !is_ascii_letter(s_[i + 2])))) {
        const std::size_t close = s_.find('>', i);  // a doctype or a bogus comment
        i = close == std::string_view::npos ? s_.size() : close + 1;
      } else if (auto tag = scan_tag(s_, i)) {
        i = tag->end;
        if (tag->closing) {
          on_end_tag(*tag);
        } else {
          on_start_tag(*tag);
          if (is_raw_text(tag->name) && !tag->self_closing) i = raw_text(*tag, i);
        }
      } else {
        on_text(i, i + 1);
        ++i;
      }
    }
    while (!stack_.empty()) pop(s_.size());
    end_line();
    if (navigation_lines_ > 0) {
      diagnostics_.push_back(
          {Severity::info, file_.locate(first_navigation_),
           std::to_string(navigation_lines_) + (navigation_lines_ == 1 ? " line" : " lines") +
               " of the page's own navigation (links within the site, nothing else on the "
               "line) dropped; not claims",
           "page-chrome"});
    }
    page_.answer = std::move(out_);
    return std::move(page_);
  }

 private:
  // The Windows clipboard's header (`Version:0.9 StartHTML:…`) comes before the page.
  std::size_t start() const {
    if (s_.starts_with("Version:") &&
        s_.substr(0, 400).find("StartHTML:") != std::string_view::npos) {
      return std::min(s_.find('<'), s_.size());
    }
    return 0;
  }

  const Context& context() const { return stack_.empty() ? root_ : stack_.back().context; }

  static bool reading(const Context& c) {
    return !c.dropped && !c.outside && (!c.math || c.annotation);
  }

  // ---- tags -----------------------------------------------------------------------------------

  void on_comment(std::string_view comment) {
    // `<!-- saved from url=(0043)https://chatgpt.com/c/… -->`, written by browsers saving a page.
    static constexpr std::string_view kSaved = "saved from url=(";
    const std::size_t at = comment.find(kSaved);
    if (at == std::string_view::npos || !page_.site.empty()) return;
    std::string_view url = comment.substr(at + kSaved.size());
    url = trim_html_space(url.substr(std::min(url.find(')') + 1, url.size())));
    note_site(url.substr(0, url.find_first_of(" \t\n")));
  }

  void note_site(std::string_view url) {
    if (!page_.site.empty() || !is_web_url(url)) return;
    std::string host = lowered(parse::url_host(url));
    if (host.starts_with("www.")) host.erase(0, 4);
    page_.site = std::move(host);
  }

  // Where a raw text element's content ends: at its end tag (`</script`), which is skipped too.
  std::size_t raw_text(const Tag& tag, std::size_t from) {
    std::size_t close = s_.find("</", from);
    for (; close != std::string_view::npos; close = s_.find("</", close + 2)) {
      const std::size_t name_end = close + 2 + tag.name.size();
      if (name_end <= s_.size() &&
          equals_ignoring_case(s_.substr(close + 2, tag.name.size()), tag.name) &&
          (name_end == s_.size() || is_html_space(s_[name_end]) || s_[name_end] == '>' ||
           s_[name_end] == '/')) {
        break;
      }
    }
    const std::size_t end = close == std::string_view::npos ? s_.size() : close;
    if (tag.name == "title" && page_.title.empty() && !context().foreign) {
      page_.title = collapsed(s_.substr(from, end - from));
    }
    if (close == std::string_view::npos) {
      pop_to(tag.name, s_.size());
      return s_.size();
    }
    const std::size_t tag_end = s_.find('>', close);
    pop_to(tag.name, close);
    return tag_end == std::string_view::npos ? s_.size() : tag_end + 1;
  }

  void on_start_tag(const Tag& tag) {
    const std::string& name = tag.name;
    if (name == "base" || name == "link" || name == "meta") {
      note_page_url(tag);
      return;
    }
    // Optional end tags: a block closes an open <p>, a list item the item before it, a row or
    // cell the one before it, a link an open link.
    const std::size_t at = tag.begin;
    // A link's text stays within its paragraph: a paragraph, list, table or heading after an
    // unclosed <a> closes it (a <div> inside a link, as in a list of sources, does not).
    if (capture_ &&
        (heading_level(name) || is_one_of(name, {"p", "ul", "ol", "li", "dl", "table", "tr", "td",
                                                 "th", "pre", "blockquote", "hr"}))) {
      pop_down_to(capture_->element, at);
    }
    if (!stack_.empty() && stack_.back().name == "p" &&
        (is_block(name) || heading_level(name) || name == "ul" || name == "ol" || name == "table" ||
         name == "pre" || name == "hr")) {
      pop(at);
    }
    if (name == "li" && !lists_.empty() && lists_.back().item != kNowhere) {
      pop_down_to(lists_.back().item, at);
    }
    if ((name == "dt" || name == "dd") && !stack_.empty() &&
        (stack_.back().name == "dt" || stack_.back().name == "dd")) {
      pop(at);
    }
    if ((name == "tr" || name == "td" || name == "th") && !tables_.empty()) {
      if (tables_.back().cell != kNowhere) pop_down_to(tables_.back().cell, at);
      if (name == "tr" && tables_.back().row != kNowhere) pop_down_to(tables_.back().row, at);
    }
    if (name == "a" && capture_) pop_down_to(capture_->element, at);
    if (name == "br") {
      if (reading(context())) line_break(tag.begin);
      return;
    }
    if (name == "hr") {
      if (reading(context())) request_break(2, tag.begin);
      return;
    }
    if (is_void(name)) return;
    push(tag);
    if (tag.self_closing && context().foreign) pop(tag.end);
  }

  void note_page_url(const Tag& tag) {
    const auto rel = tag.attribute("rel");
    const auto property = tag.attribute("property");
    if (tag.name == "base" || (rel && equals_ignoring_case(*rel, "canonical"))) {
      if (auto href = tag.attribute("href")) note_site(collapsed(*href));
    } else if (property && equals_ignoring_case(*property, "og:url")) {
      if (auto content = tag.attribute("content")) note_site(collapsed(*content));
    }
  }

  void push(const Tag& tag) {
    const std::string& name = tag.name;
    Element element;
    element.name = name;
    element.offset = tag.begin;
    Context c = context();
    if (is_dropped(name) || is_hidden(tag)) c.dropped = true;
    if (auto role = tag.attribute("data-message-author-role")) {
      if (equals_ignoring_case(*role, "assistant")) {
        if (c.outside && !c.dropped) element.kind = Kind::container;
        c.outside = false;
      } else {
        c.dropped = true;
      }
    }
    if (name == "model-response") {
      if (c.outside && !c.dropped) element.kind = Kind::container;
      c.outside = false;
    }
    if (marks_citation(tag)) c.citation = true;
    if (name == "sup") c.sup = true;
    if (name == "svg" || name == "math") c.foreign = true;
    if (name == "math") c.math = true;
    if (name == "annotation") {
      const auto encoding = tag.attribute("encoding");
      c.annotation = encoding && lowered(*encoding).find("tex") != std::string::npos;
    }
    const bool read = reading(c);
    if (element.kind == Kind::container) {
      ++page_.messages;
      request_break(2, tag.begin);
    } else if (!read) {
      // dropped or outside: its content is not read, and its end has no effect
    } else if (name == "a" && tag.attribute("href") && !capture_) {
      element.kind = Kind::link;
      start_link(tag, c);
    } else if (const int level = heading_level(name); level && !c.item && !c.cell && !capture_) {
      element.kind = Kind::heading;
      request_break(2, tag.begin);
      set_prefix(std::string(static_cast<std::size_t>(level), '#') + " ", tag.begin);
    } else if ((name == "ul" || name == "ol" || name == "menu" || name == "dir") && !c.cell &&
               !capture_) {
      element.kind = Kind::list;
      request_break(lists_.empty() ? 2 : 1, tag.begin);
      ListState list;
      list.ordered = name == "ol";
      if (auto start = tag.attribute("start")) list.next = number_attribute(*start, 1);
      lists_.push_back(list);
    } else if (name == "li" && !c.cell && !capture_) {
      element.kind = Kind::item;
      if (!lists_.empty()) lists_.back().item = stack_.size();
      request_break(1, tag.begin);
      std::string bullet = "- ";
      if (!lists_.empty() && lists_.back().ordered) {
        if (auto value = tag.attribute("value")) lists_.back().next = number_attribute(*value, 1);
        bullet = std::to_string(lists_.back().next++) + ". ";
      }
      const std::size_t depth = lists_.empty() ? 0 : lists_.size() - 1;
      set_prefix(std::string(2 * depth, ' ') + bullet, tag.begin);
      c.item = true;
    } else if (name == "table" && !capture_) {
      element.kind = Kind::table;
      request_break(2, tag.begin);
      tables_.emplace_back();
    } else if (name == "tr" && !tables_.empty() && !capture_) {
      element.kind = Kind::row;
      request_break(1, tag.begin);
      tables_.back().row = stack_.size();
      tables_.back().row_open = true;
      tables_.back().cells = 0;
      tables_.back().header = false;
    } else if ((name == "td" || name == "th") && !tables_.empty() && !capture_) {
      element.kind = Kind::cell;
      TableState& table = tables_.back();
      table.cell = stack_.size();
      if (!table.row_open) {  // a cell without its <tr>
        request_break(1, tag.begin);
        table.row_open = true;
        table.cells = 0;
        table.header = false;
      }
      write_synthetic(table.cells == 0 ? "| " : " | ", tag.begin);
      ++table.cells;
      table.header = table.header || name == "th";
      c.cell = true;
    } else if ((name == "strong" || name == "b") && !c.strong && !capture_) {
      element.kind = Kind::strong;
      open_emphasis_ += "**";
      emphasis_origin_ = tag.begin;
      c.strong = true;
    } else if ((name == "pre" || name == "listing") && !c.pre && !capture_ && !c.cell) {
      element.kind = Kind::pre;
      request_break(2, tag.begin);
      write_synthetic("```\n", tag.begin);
      c.pre = true;
      skip_newline_ = true;
    } else if (is_block(name)) {
      element.kind = Kind::block;
      request_break(block_level(c), tag.begin);
    }
    element.context = c;
    stack_.push_back(std::move(element));
    ++open_[name];
  }

  static long number_attribute(std::string_view value, long fallback) {
    value = trim_html_space(value);
    if (value.empty() || value.size() > 6) return fallback;
    long n = 0;
    for (char c : value) {
      if (!is_digit(c)) return fallback;
      n = n * 10 + (c - '0');
    }
    return n;
  }

  int block_level(const Context& c) const { return c.item || c.cell ? 1 : 2; }

  void on_end_tag(const Tag& tag) {
    const std::string& name = tag.name;
    if (name == "br") {  // `</br>` is read as <br>
      if (reading(context())) line_break(tag.begin);
      return;
    }
    if (name == "p" && open_count("p") == 0) {  // `</p>` without <p>: an empty paragraph
      if (reading(context())) request_break(block_level(context()), tag.begin);
      return;
    }
    pop_to(name, tag.begin);
  }

  std::size_t open_count(const std::string& name) const {
    auto found = open_.find(name);
    return found == open_.end() ? 0 : found->second;
  }

  // Closes the innermost open element called `name` and every element inside it; nothing when
  // none is open. Each element is closed once, so all the closing is linear in the file.
  void pop_to(const std::string& name, std::size_t at) {
    if (open_count(name) == 0) return;
    while (!stack_.empty()) {
      const bool last = stack_.back().name == name;
      pop(at);
      if (last) break;
    }
  }

  // Closes the element at `index` of the stack and every element inside it.
  void pop_down_to(std::size_t index, std::size_t at) {
    while (stack_.size() > index) pop(at);
  }

  // Closes the innermost open element; `at` is the offset of what closes it.
  void pop(std::size_t at) {
    at = std::min(at, s_.empty() ? std::size_t{0} : s_.size() - 1);
    Element element = std::move(stack_.back());
    stack_.pop_back();
    if (auto found = open_.find(element.name); found != open_.end() && --found->second == 0) {
      open_.erase(found);
    }
    switch (element.kind) {
      case Kind::plain:
        break;
      case Kind::block:
        request_break(block_level(context()), at);
        break;
      case Kind::heading:
        prefix_.clear();  // an empty heading
        request_break(2, at);
        break;
      case Kind::list:
        lists_.pop_back();
        request_break(lists_.empty() ? 2 : 1, at);
        break;
      case Kind::item:
        prefix_.clear();  // an empty item
        if (!lists_.empty()) lists_.back().item = kNowhere;
        request_break(1, at);
        break;
      case Kind::table:
        end_row(at);
        tables_.pop_back();
        request_break(2, at);
        break;
      case Kind::row:
        end_row(at);
        tables_.back().row = kNowhere;
        break;
      case Kind::cell:
        pending_space_ = false;
        tables_.back().cell = kNowhere;
        break;
      case Kind::link:
        end_link();
        break;
      case Kind::strong:
        if (open_emphasis_.size() >= 2) {
          open_emphasis_.resize(open_emphasis_.size() - 2);  // nothing was written inside
        } else {
          out_.insert("**", at);
        }
        break;
      case Kind::pre:
        out_.insert(out_.text().ends_with('\n') ? "```" : "\n```", at);
        request_break(2, at);
        break;
      case Kind::container:
        request_break(2, at);
        break;
    }
  }

  void end_row(std::size_t at) {
    TableState& table = tables_.back();
    if (!table.row_open) return;
    table.row_open = false;
    if (table.cells == 0) return;
    out_.insert(" |", at);
    pending_space_ = false;
    if (table.rows++ == 0 && table.header) {
      std::string rule = "\n|";
      for (std::size_t i = 0; i < table.cells; ++i) rule += "---|";
      out_.insert(rule, at);
    }
    request_break(1, at);
  }

  // ---- writing --------------------------------------------------------------------------------

  void request_break(int level, std::size_t origin) {
    if (capture_ || context().cell) {
      note_space(origin);
      return;
    }
    if (level > pending_break_) {
      pending_break_ = level;
      break_origin_ = origin;
    }
    pending_space_ = false;
  }

  // <br>: a line break; a second one with nothing between them, a paragraph break.
  void line_break(std::size_t origin) {
    if (context().pre) {
      write_content("\n", std::vector<std::size_t>{origin});
      return;
    }
    request_break(pending_break_ >= 1 ? 2 : 1, origin);
  }

  void note_space(std::size_t origin) {
    if (!pending_space_) space_origin_ = origin;
    pending_space_ = true;
  }

  void set_prefix(std::string prefix, std::size_t origin) {
    prefix_ = std::move(prefix);
    prefix_origin_ = origin;
  }

  // Writes what is pending before content: a line or paragraph break, a list bullet or heading
  // marks, a space, opening emphasis.
  void flush() {
    if (pending_break_ > 0 && !out_.empty()) {
      end_line();
      out_.trim_end();
      std::size_t newlines = 0;
      const std::string& text = out_.text();
      while (newlines < text.size() && newlines < 2 && text[text.size() - 1 - newlines] == '\n') {
        ++newlines;
      }
      const auto wanted = static_cast<std::size_t>(pending_break_);
      if (newlines < wanted) out_.insert(std::string(wanted - newlines, '\n'), break_origin_);
      pending_space_ = false;
      line_start_ = out_.text().size();
    }
    pending_break_ = 0;
    if (!prefix_.empty()) {
      if (!out_.empty() && !out_.text().ends_with('\n')) out_.insert("\n", prefix_origin_);
      out_.insert(prefix_, prefix_origin_);
      prefix_.clear();
      pending_space_ = false;
    }
    if (pending_space_) {
      if (!out_.empty() && !out_.text().ends_with('\n') && !out_.text().ends_with(' ')) {
        out_.insert(" ", space_origin_);
      }
      pending_space_ = false;
    }
    if (!open_emphasis_.empty()) {
      out_.insert(open_emphasis_, emphasis_origin_);
      open_emphasis_.clear();
    }
  }

  void write_synthetic(std::string_view text, std::size_t origin) {
    flush();
    out_.insert(text, origin);
    line_has_text_ = true;
  }

  // Content with no white space to collapse, each byte with its origin.
  void write_content(std::string_view text, std::span<const std::size_t> origins) {
    if (text.empty()) return;
    if (capture_) {
      if (pending_space_) {
        if (capture_->text.empty()) {
          capture_->leading_space = true;
        } else {
          capture_->text += ' ';
          capture_->origins.push_back(space_origin_);
        }
        pending_space_ = false;
      }
      capture_->text.append(text);
      capture_->origins.insert(capture_->origins.end(), origins.begin(), origins.end());
      if (capture_->text.size() > kMaxLinkText) abandon_link();
      return;
    }
    flush();
    out_.append(text, origins);
    if (writing_navigation_) {
      line_has_navigation_ = true;
    } else if (!trim_html_space(text).empty()) {
      line_has_text_ = true;
    }
  }

  // A line of the page's own navigation and nothing else (a sidebar's `Home`, `Discover`, a
  // related question linking to another search) is not part of the answer: it is dropped, counted
  // for one info diagnostic.
  void end_line() {
    if (line_has_navigation_ && !line_has_text_ && line_start_ < out_.text().size()) {
      out_.truncate(line_start_);
      if (navigation_lines_++ == 0) first_navigation_ = line_navigation_;
    }
    line_navigation_ = kNowhere;
    line_has_navigation_ = false;
    line_has_text_ = false;
  }

  // A link within the site the page was saved from: a path (`/discover`), not a web address, a
  // fragment or another scheme.
  static bool is_site_link(std::string_view href) {
    if (href.starts_with('#') || href.starts_with("//")) return false;
    const std::size_t colon = href.find(':');
    return colon == std::string_view::npos || href.find('/') < colon;
  }

  // A text node: references decoded, white space collapsed (kept in <pre>), characters the
  // answer parser would read as markup escaped.
  void on_text(std::size_t begin, std::size_t end) {
    const Context& c = context();
    if (!reading(c)) return;
    std::string text;
    std::vector<std::size_t> origins;
    text.reserve(end - begin);
    origins.reserve(end - begin);
    for (std::size_t i = begin; i < end;) {
      if (s_[i] == '&') {
        const std::size_t size = text.size();
        const std::size_t next = decode_reference(s_, i, text);
        if (next > i) {
          origins.insert(origins.end(), text.size() - size, i);
          i = next;
          continue;
        }
      }
      if (s_.substr(i, 2) == "\u00A0") {  // a no-break space is a space
        text += ' ';
        origins.push_back(i);
        i += 2;
        continue;
      }
      text += s_[i];
      origins.push_back(i++);
    }
    if (c.pre) {
      std::size_t from = 0;
      if (skip_newline_ && !text.empty() && text.front() == '\n') from = 1;
      skip_newline_ = false;
      if (from < text.size()) {
        write_content(std::string_view(text).substr(from),
                      std::span<const std::size_t>(origins).subspan(from));
      }
      return;
    }
    skip_newline_ = false;
    if ((c.sup || c.citation) && !capture_ && write_marker(text, origins)) return;
    write_prose(text, origins);
  }

  void write_prose(std::string_view text, std::span<const std::size_t> origins) {
    std::string run;
    std::vector<std::size_t> run_origins;
    const auto put_run = [&] {
      if (run.empty()) return;
      write_content(run, run_origins);
      run.clear();
      run_origins.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (is_html_space(c)) {
        put_run();
        note_space(origins[i]);
        continue;
      }
      const char next = i + 1 < text.size() ? text[i + 1] : '\0';
      const bool markup = (c == '<' && (is_ascii_letter(next) || next == '/' || next == '!')) ||
                          (c == '&' && (is_ascii_letter(next) || next == '#')) ||
                          (c == '\\' && std::ispunct(static_cast<unsigned char>(next)));
      if (markup) {  // text the page shows, not markup for the answer parser
        run += '\\';
        run_origins.push_back(origins[i]);
      }
      run += c;
      run_origins.push_back(origins[i]);
    }
    put_run();
  }

  // Text inside <sup> or a citation element: a citation number (`2`, `[1, 3]`) is a marker, an
  // exponent (`m<sup>2</sup>`, `10<sup>3</sup>`) a superscript digit, separators between
  // citation links (`,`, `[`) go. False for other text.
  bool write_marker(std::string_view text, std::span<const std::size_t> origins) {
    const std::string_view trimmed = trim_html_space(text);
    if (trimmed.empty()) return false;
    const std::size_t first = static_cast<std::size_t>(trimmed.data() - text.data());
    if (trimmed.find_first_not_of(",;[]()") == std::string_view::npos) return true;
    const std::string numbers = number_list(trimmed);
    if (numbers.empty()) return false;
    const std::vector<std::size_t> at(numbers.size() + 2, origins[first]);
    if (context().sup && !pending_space_ && follows_exponent_base() &&
        numbers.find_first_not_of("0123456789") == std::string::npos) {
      static constexpr std::array<std::string_view, 10> kSuperscripts = {
          "\u2070", "\u00B9", "\u00B2", "\u00B3", "\u2074",
          "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
      std::string digits;
      for (char d : numbers) digits += kSuperscripts[static_cast<std::size_t>(d - '0')];
      write_content(digits, std::vector<std::size_t>(digits.size(), origins[first]));
      return true;
    }
    write_content("[" + numbers + "]", at);
    ++page_.markers;
    return true;
  }

  // The text before a <sup> is a number or a unit of one or two letters (`10`, `m`, `km`): the
  // superscript is an exponent.
  bool follows_exponent_base() const {
    const std::string& text = out_.text();
    if (text.empty() || is_html_space(text.back())) return false;
    if (is_digit(text.back())) return true;
    std::size_t letters = 0;
    std::size_t i = text.size();
    while (i > 0 && is_ascii_letter(text[i - 1])) {
      --i;
      ++letters;
    }
    return letters > 0 && letters <= 2 && (i == 0 || !parse::is_alpha(text[i - 1]));
  }

  // ---- links ----------------------------------------------------------------------------------

  void start_link(const Tag& tag, const Context& c) {
    Capture capture;
    capture.href = std::string(trim_html_space(decoded(*tag.attribute("href"))));
    capture.offset = tag.begin;
    capture.element = stack_.size();
    capture.citation = c.citation || c.sup;
    capture.leading_space = pending_space_;
    pending_space_ = false;
    capture_ = std::move(capture);
  }

  // Link text past what the answer parser reads as a link: the text is kept, the target is not.
  void abandon_link() {
    Capture capture = std::move(*capture_);
    capture_.reset();
    for (std::size_t i = stack_.size(); i > 0; --i) {
      if (stack_[i - 1].kind == Kind::link) {
        stack_[i - 1].kind = Kind::plain;
        break;
      }
    }
    report(capture.offset, "link text runs past " + std::to_string(kMaxLinkText) +
                               " characters (an unclosed <a>?); kept as text, its target " +
                               excerpt(capture.href) + " not linked");
    pending_space_ = capture.leading_space;
    space_origin_ = capture.offset;
    write_content(capture.text, capture.origins);
  }

  void end_link() {
    Capture capture = std::move(*capture_);
    capture_.reset();
    const bool trailing_space = pending_space_;
    const std::size_t trailing_origin = space_origin_;
    pending_space_ = capture.leading_space;
    space_origin_ = capture.offset;
    write_link(capture);
    if (trailing_space) note_space(trailing_origin);
  }

  void write_link(const Capture& link) {
    const std::string_view text = link.text;
    const std::string_view href = link.href;
    const std::vector<std::size_t> at(1, link.offset);
    const auto as_text = [&] { write_content(text, link.origins); };
    const auto as_marker = [&](const std::string& number) {
      const std::string marker = "[" + number + "]";
      write_content(marker, std::vector<std::size_t>(marker.size(), link.offset));
      ++page_.markers;
    };
    const std::string number = single_number(text);
    std::string url = href.starts_with("//") ? "https:" + std::string(href) : std::string(href);
    if (!is_web_url(url)) {
      const bool marker = !number.empty() && (link.citation || href.starts_with('#'));
      if (link.citation && !href.starts_with('#')) {
        report(link.offset, "citation link " + excerpt(text) + " points at " + excerpt(href) +
                                ", not at a web page; kept as " +
                                (marker ? "marker [" + number + "]" : "text") + ", not linked");
      }
      if (marker) {
        as_marker(number);  // `<a href="#fn2">2</a>`: a footnote reference
      } else {
        writing_navigation_ = !link.citation && is_site_link(href);
        if (writing_navigation_ && line_navigation_ == kNowhere) line_navigation_ = link.offset;
        as_text();
        writing_navigation_ = false;
      }
      return;
    }
    if (url.size() > kMaxLinkTarget) {
      report(link.offset, "link target longer than " + std::to_string(kMaxLinkTarget) +
                              " characters; its text is kept, the link is not");
      as_text();
      return;
    }
    const bool chatgpt_chip = url.find("utm_source=chatgpt.com") != std::string::npos &&
                              (text.find('+') != std::string_view::npos || after_sentence());
    const std::string target = link_target(url);
    if (!number.empty()) {
      write_synthetic("[" + number + "](" + target + ")", link.offset);
      ++page_.citation_links;
      return;
    }
    if (link.citation || chatgpt_chip) {
      std::string title;
      const std::string label = chip_label(text, url, title);
      write_synthetic(
          "[" + label + "](" + target + (title.empty() ? "" : quoted_title(title)) + ")",
          link.offset);
      ++page_.citation_links;
      return;
    }
    if (text.empty()) return;            // an icon or image link: nothing a reader sees
    if (parse::starts_with_url(text)) {  // the URL as its own text, maybe shortened: the URL
      write_content(target, std::vector<std::size_t>(target.size(), link.origins.front()));
      return;
    }
    write_synthetic("[", link.offset);
    std::string shown(text);
    std::replace(shown.begin(), shown.end(), '[', '(');
    std::replace(shown.begin(), shown.end(), ']', ')');
    out_.append(shown, link.origins);
    out_.insert("](" + target + ")", link.offset);
  }

  // The text written so far ends a sentence (a ChatGPT source chip follows its sentence).
  bool after_sentence() const {
    std::string_view text = out_.text();
    while (!text.empty() && is_html_space(text.back())) text.remove_suffix(1);
    return !text.empty() && std::string_view(".!?;:)").find(text.back()) != std::string_view::npos;
  }

  static std::string excerpt(std::string_view text) {
    std::string shown(text.substr(0, 80));
    if (text.size() > 80) shown += "...";
    return "'" + shown + "'";
  }

  void report(std::size_t offset, std::string message) {
    diagnostics_.push_back(
        {Severity::warning, file_.locate(offset), std::move(message), "html-link-dropped"});
  }

  const Text& file_;
  std::string_view s_;
  Diagnostics& diagnostics_;
  bool assistant_only_ = false;
  Context root_;
  std::vector<Element> stack_;
  std::unordered_map<std::string, std::size_t> open_;  // open elements by name
  std::vector<ListState> lists_;
  std::vector<TableState> tables_;
  std::optional<Capture> capture_;
  AnswerWriter out_;
  HtmlPage page_;
  int pending_break_ = 0;  // 1: a line break, 2: a paragraph break
  std::size_t break_origin_ = 0;
  bool pending_space_ = false;
  std::size_t space_origin_ = 0;
  std::string prefix_;
  std::size_t prefix_origin_ = 0;
  std::string open_emphasis_;
  std::size_t emphasis_origin_ = 0;
  bool skip_newline_ = false;   // the newline right after <pre> is not content
  std::size_t line_start_ = 0;  // where the line being written starts in out_
  bool line_has_navigation_ = false;
  bool line_has_text_ = false;
  bool writing_navigation_ = false;
  std::size_t navigation_lines_ = 0;
  std::size_t first_navigation_ = kNowhere;  // the first dropped line's first link
  std::size_t line_navigation_ = kNowhere;   // the line's first link within the site
};

}  // namespace

bool looks_like_html(std::string_view head) {
  if (head.starts_with("Version:") &&
      head.substr(0, 400).find("StartHTML:") != std::string_view::npos) {
    return true;
  }
  for (std::size_t i = 0; i < std::min<std::size_t>(head.size(), 4096);) {
    while (i < head.size() && is_html_space(head[i])) ++i;
    const std::string_view rest = head.substr(i);
    if (rest.starts_with("<!--")) {
      const std::size_t close = rest.find("-->");
      if (close == std::string_view::npos) return false;
      i += close + 3;
      continue;
    }
    const std::string start = lowered(rest.substr(0, 14));
    if (start.starts_with("<!doctype html")) return true;
    return start.starts_with("<html") &&
           (start.size() == 5 || is_html_space(start[5]) || start[5] == '>');
  }
  return false;
}

HtmlPage read_html_page(const Text& file, Diagnostics& diagnostics) {
  return HtmlReader(file, diagnostics).run();
}

}  // namespace evgraph::detail

namespace evgraph {

ParsedAnswer parse_html_page(const Text& text, Diagnostics& diagnostics) {
  detail::HtmlPage page = detail::read_html_page(text, diagnostics);
  ParsedAnswer parsed;
  parsed.document =
      detail::parse_written_answer(text, page.answer, text.name() + " (as text)", {}, diagnostics);
  const auto counted = [](std::size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
  };
  std::string recognised = "html page";
  if (!page.site.empty()) recognised += " from " + page.site;
  std::string parts;
  const auto add = [&](std::string part) { parts += (parts.empty() ? "" : ", ") + part; };
  if (page.messages > 0) add(counted(page.messages, "assistant message", "assistant messages"));
  add(counted(page.citation_links, "citation link", "citation links"));
  if (page.markers > 0) add(counted(page.markers, "numbered marker", "numbered markers"));
  parsed.recognised = recognised + ", " + parts;
  parsed.document.recognised = parsed.recognised;
  parsed.title = std::move(page.title);
  return parsed;
}

}  // namespace evgraph
