#include "input/latex_text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "input/bibliography.hpp"

namespace evgraph::detail {

using namespace latex_chars;

// The offset just past the '}' that closes the '{' at `open`; npos when it is never closed.
// Escaped braces (\{ \}) do not count.
std::size_t group_end(std::string_view s, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '{') {
      ++depth;
    } else if (s[i] == '}' && --depth == 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

namespace {

std::size_t code_point_length(std::string_view s) {
  if (s.empty()) return 0;
  const auto lead = static_cast<unsigned char>(s[0]);
  const std::size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  return std::min(n, s.size());
}

std::string nfc(std::string text) {
  if (std::all_of(text.begin(), text.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return text;
  }
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> composed(
      utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(text.c_str())), &std::free);
  return composed ? std::string(reinterpret_cast<const char*>(composed.get())) : text;
}

// Accent commands and the combining mark each puts on the next letter.
constexpr Table kAccents[] = {{"'", "\u0301"}, {"`", "\u0300"}, {"^", "\u0302"}, {"\"", "\u0308"},
                              {"~", "\u0303"}, {"=", "\u0304"}, {".", "\u0307"}, {"u", "\u0306"},
                              {"v", "\u030C"}, {"H", "\u030B"}, {"c", "\u0327"}, {"k", "\u0328"},
                              {"r", "\u030A"}, {"d", "\u0323"}, {"b", "\u0331"}, {"t", "\u0361"}};

// Commands that stand for a character.
// clang-format off
constexpr Table kSymbols[] = {
    {"ss", "ß"}, {"o", "ø"}, {"O", "Ø"}, {"ae", "æ"}, {"AE", "Æ"}, {"oe", "œ"}, {"OE", "Œ"},
    {"aa", "å"}, {"AA", "Å"}, {"l", "ł"}, {"L", "Ł"}, {"i", "ı"}, {"j", "ȷ"}, {"dh", "ð"},
    {"DH", "Ð"}, {"th", "þ"}, {"TH", "Þ"}, {"ng", "ŋ"}, {"NG", "Ŋ"},
    {"textendash", "–"}, {"textemdash", "—"}, {"textquoteleft", "‘"}, {"textquoteright", "’"},
    {"textquotedblleft", "“"}, {"textquotedblright", "”"}, {"textasciitilde", "~"},
    {"textless", "<"}, {"textgreater", ">"}, {"textbar", "|"}, {"textbackslash", "\\"},
    {"textunderscore", "_"}, {"textdegree", "°"}, {"textmu", "µ"}, {"textperiodcentered", "·"},
    {"S", "§"}, {"P", "¶"}, {"copyright", "©"}, {"textregistered", "®"}, {"texttrademark", "™"},
    {"dag", "†"}, {"ldots", "…"}, {"dots", "…"}, {"textellipsis", "…"},
    {"pm", "±"}, {"textpm", "±"}, {"times", "×"}, {"texttimes", "×"}, {"leq", "≤"}, {"le", "≤"},
    {"geq", "≥"}, {"ge", "≥"}, {"neq", "≠"}, {"approx", "≈"},
    {"alpha", "α"}, {"beta", "β"}, {"gamma", "γ"}, {"delta", "δ"}, {"epsilon", "ε"},
    {"varepsilon", "ε"}, {"zeta", "ζ"}, {"eta", "η"}, {"theta", "θ"}, {"iota", "ι"},
    {"kappa", "κ"}, {"lambda", "λ"}, {"mu", "μ"}, {"nu", "ν"}, {"xi", "ξ"}, {"pi", "π"},
    {"rho", "ρ"}, {"sigma", "σ"}, {"tau", "τ"}, {"upsilon", "υ"}, {"phi", "φ"}, {"varphi", "φ"},
    {"chi", "χ"}, {"psi", "ψ"}, {"omega", "ω"}, {"Gamma", "Γ"}, {"Delta", "Δ"}, {"Theta", "Θ"},
    {"Lambda", "Λ"}, {"Sigma", "Σ"}, {"Omega", "Ω"}};
// clang-format on

// LaTeX as BibTeX values hold it -> plain text: groups unwrapped, accents composed, escapes and
// symbol commands replaced, dashes and quotes typeset; unknown commands drop, their argument stays.
class LatexDecoder {
 public:
  explicit LatexDecoder(std::string_view latex) : s_(latex) {}

  std::string decode() {
    while (i_ < s_.size()) step();
    return std::move(out_);
  }

 private:
  bool at(std::string_view text) const { return s_.substr(i_).starts_with(text); }

  void step() {
    const char c = s_[i_];
    if (c == '\\') return command();
    if (c == '{' || c == '}') return skip(1);
    if (c == '$') {
      math_ = !math_;
      return skip(1);
    }
    if (math_ && (c == '^' || c == '_')) return skip(1);
    if (c == '~') return emit(" ", 1);
    if (at("---")) return emit("—", 3);
    if (at("--")) return emit("–", 2);
    if (at("``")) return emit("“", 2);
    if (at("''")) return emit("”", 2);
    if (c == '`') return emit("‘", 1);
    emit(std::string_view(&s_[i_], 1), 1);
  }

  void skip(std::size_t n) { i_ += n; }
  void emit(std::string_view text, std::size_t consumed) {
    out_ += text;
    i_ += consumed;
  }

  void command() {
    ++i_;
    if (i_ >= s_.size()) return;
    if (!is_letter(s_[i_])) return control_symbol(s_[i_++]);
    const std::size_t begin = i_;
    while (i_ < s_.size() && is_letter(s_[i_])) ++i_;
    const std::string_view name = s_.substr(begin, i_ - begin);
    while (i_ < s_.size() && is_space(s_[i_])) ++i_;
    if (auto mark = look_up(kAccents, name)) return accent(*mark);
    if (auto symbol = look_up(kSymbols, name)) {
      out_ += *symbol;
    } else if (name.starts_with("text")) {
      if (auto greek = look_up(kSymbols, name.substr(4))) out_ += *greek;
    }
  }

  void control_symbol(char c) {
    if (auto mark = look_up(kAccents, std::string_view(&c, 1))) return accent(*mark);
    if (c == ' ' || c == ',' || c == ';' || c == ':' || c == '\\' || c == '\n') {
      out_ += ' ';
    } else if (c != '-' && c != '/' && c != '@') {
      out_ += c;
    }
  }

  void accent(std::string_view mark) {
    while (i_ < s_.size() && is_space(s_[i_])) ++i_;
    std::string base = argument();
    if (base.starts_with("ı")) base.replace(0, std::string_view("ı").size(), "i");
    if (base.starts_with("ȷ")) base.replace(0, std::string_view("ȷ").size(), "j");
    const std::size_t first = code_point_length(base);
    out_ += base.substr(0, first);
    out_ += mark;
    out_ += base.substr(first);
  }

  // The next group, command or character, decoded.
  std::string argument() {
    if (i_ >= s_.size()) return {};
    std::size_t end = i_ + code_point_length(s_.substr(i_));
    if (s_[i_] == '{') {
      end = std::min(group_end(s_, i_), s_.size());
    } else if (s_[i_] == '\\') {
      end = i_ + 1;
      while (end < s_.size() && is_letter(s_[end])) ++end;
      if (end == i_ + 1 && end < s_.size()) ++end;
    }
    const std::string_view piece = s_.substr(i_, end - i_);
    i_ = end;
    return LatexDecoder(piece).decode();
  }

  std::string_view s_;
  std::size_t i_ = 0;
  std::string out_;
  bool math_ = false;
};

}  // namespace

std::string plain_text(std::string_view latex) {
  return collapse_whitespace(nfc(LatexDecoder(latex).decode()));
}

// URL-like values (url, doi, \url{…}) are verbatim: only braces and escapes are LaTeX.
std::string verbatim(std::string_view latex) {
  std::string out;
  for (std::size_t i = 0; i < latex.size(); ++i) {
    const char c = latex[i];
    if (c == '{' || c == '}') continue;
    if (c == '\\' && i + 1 < latex.size() && !is_letter(latex[i + 1])) {
      out += latex[++i];
    } else if (c == '\\') {
      while (i + 1 < latex.size() && is_letter(latex[i + 1])) ++i;
    } else {
      out += c;
    }
  }
  return std::string(trimmed(out));
}

// The links of a howpublished value: each \url{…}, or the value itself when it is one link.

Links links_in(std::string_view latex) {
  Links links;
  bool other = false;
  std::size_t from = 0;
  for (std::size_t at = latex.find("\\url{"); at != std::string_view::npos;
       at = latex.find("\\url{", at + 1)) {
    const std::size_t open = at + 4;
    const std::size_t end = std::min(group_end(latex, open), latex.size());
    const std::string before = plain_text(latex.substr(from, at - from));
    other = other || !before.empty();
    links.urls.push_back(verbatim(latex.substr(open, end - open)));
    links.text += before + ' ' + links.urls.back() + ' ';
    from = end;
  }
  const std::string after = plain_text(latex.substr(std::min(from, latex.size())));
  other = other || !after.empty();
  links.text = collapse_whitespace(links.text + after);
  links.only = !links.urls.empty() && !other;
  const std::string whole = verbatim(latex);
  if (links.urls.empty() && (whole.starts_with("http://") || whole.starts_with("https://")) &&
      whole.find_first_of(" \t\n") == std::string::npos) {
    links.urls.push_back(whole);
    links.only = true;
  }
  return links;
}

namespace {

// The words of a name list at brace depth 0 ("{World Health Organization}" is one word).
std::vector<std::string_view> top_level_words(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    const std::size_t begin = i;
    while (i < s.size() && !is_space(s[i])) {
      i = s[i] == '{' ? std::min(group_end(s, i), s.size()) : i + (s[i] == '\\' ? 2 : 1);
    }
    if (i > begin) words.push_back(s.substr(begin, std::min(i, s.size()) - begin));
  }
  return words;
}

std::string joined(const std::vector<std::string_view>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

// The non-empty parts between the commas outside braces, as plain text.
std::vector<std::string> name_parts(std::string_view name) {
  std::vector<std::string> parts;
  auto add = [&](std::string_view part) {
    std::string text = plain_text(part);
    if (!text.empty()) parts.push_back(std::move(text));
  };
  int depth = 0;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '{') ++depth;
    if (name[i] == '}') --depth;
    if (name[i] == ',' && depth == 0) {
      add(name.substr(begin, i - begin));
      begin = i + 1;
    }
  }
  add(name.substr(begin));
  return parts;
}

// "Family, Given" for "Given von Family" names; names with commas are kept as written.
std::string bibtex_name(const std::vector<std::string_view>& words) {
  const std::string raw = joined(words, 0, words.size());
  if (words.size() == 1 && raw.front() == '{' && group_end(raw, 0) == raw.size()) {
    return plain_text(raw);
  }
  if (raw.find(',') != std::string::npos) {
    std::string out;
    for (const std::string& part : name_parts(raw)) out += out.empty() ? part : ", " + part;
    return out;
  }
  if (words.size() == 1) return plain_text(raw);
  std::size_t family = words.size() - 1;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i][0] >= 'a' && words[i][0] <= 'z') {
      family = i;
      break;
    }
  }
  if (family == 0) return plain_text(raw);
  return plain_text(joined(words, family, words.size())) + ", " +
         plain_text(joined(words, 0, family));
}

}  // namespace

// The names of an author field: "and"-separated outside braces; "others" (et al.) is dropped and
// sets `truncated`.
std::vector<std::string> bibtex_names(std::string_view latex, bool& truncated) {
  std::vector<std::string> names;
  std::vector<std::string_view> words;
  auto flush = [&] {
    if (!words.empty() && is_et_al(joined(words, 0, words.size()))) {
      truncated = true;
    } else if (!words.empty()) {
      names.push_back(bibtex_name(words));
    }
    words.clear();
  };
  for (std::string_view word : top_level_words(latex)) {
    if (lowered(word) == "and") {
      flush();
    } else {
      words.push_back(word);
    }
  }
  flush();
  return names;
}

}  // namespace evgraph::detail
