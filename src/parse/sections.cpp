#include "parse/sections.hpp"

#include <array>

#include "parse/chars.hpp"
#include "parse/inline_text.hpp"

namespace evgraph::parse {
namespace {

// The words a line of markup shows, white space collapsed.
std::string plain_words(std::string_view line) {
  std::string shown;
  for (std::size_t pos = 0; pos < line.size();) {
    const std::size_t next = copy_inline(line, pos, shown);
    if (next > pos) {
      pos = next;
    } else {
      shown += line[pos++];
    }
  }
  std::string out;
  for (const char c : shown) {
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower(c);
  return out;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    if (!is_digit(c)) return false;
  }
  return true;
}

bool ends_sentence(std::string_view text) {
  while (!text.empty() && std::string_view("\"')*_").find(text.back()) != std::string_view::npos) {
    text.remove_suffix(1);
  }
  return !text.empty() && std::string_view(".!?;").find(text.back()) != std::string_view::npos;
}

}  // namespace

bool is_title_case(std::string_view text) {
  std::size_t words = 0;
  while (!text.empty()) {
    const std::size_t space = text.find(' ');
    const std::string_view word = text.substr(0, space);
    text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
    if (word.empty()) continue;
    ++words;
    if (word.size() > 3 && word.front() >= 'a' && word.front() <= 'z') return false;
  }
  return words >= 2 && words <= 8;
}

namespace {

// Lowers a word's leading capital when the word is not an acronym (`Horizontal`, not `HRV`).
std::string lower_first(std::string_view item) {
  std::string out(item);
  if (out.size() > 1 && out[0] >= 'A' && out[0] <= 'Z' && out[1] >= 'a' && out[1] <= 'z') {
    out[0] = lower(out[0]);
  }
  return out;
}

bool offers_alternatives(std::string_view lead_in) {
  static constexpr std::array<std::string_view, 9> kAlternatives = {
      " can be", " may be",  " could be", " either",  " one of",
      " choose", " options", " whether",  " might be"};
  const std::string lowered = " " + lower_ascii(lead_in);
  for (const std::string_view cue : kAlternatives) {
    if (lowered.find(cue) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

std::optional<Heading> scan_heading(std::string_view line) {
  std::size_t hashes = 0;
  while (hashes < line.size() && line[hashes] == '#') ++hashes;
  if (hashes >= 1 && hashes <= 6 && (hashes == line.size() || line[hashes] == ' ')) {
    std::string_view body = trim_blanks(line.substr(hashes));
    while (!body.empty() && body.back() == '#') body.remove_suffix(1);  // `## Title ##`
    std::string text = section_part(plain_words(body));
    if (text.empty()) return std::nullopt;
    return Heading{static_cast<int>(hashes), std::move(text)};
  }
  if (line.starts_with("**") && line.size() > 4) {
    std::string_view inner = line.substr(2);
    if (inner.ends_with(':')) inner.remove_suffix(1);
    if (!inner.ends_with("**")) return std::nullopt;
    inner.remove_suffix(2);
    if (inner.empty() || inner.find("**") != std::string_view::npos ||
        inner.find('[') != std::string_view::npos ||
        std::string_view(".!?").find(inner.back()) != std::string_view::npos) {
      return std::nullopt;
    }
    std::string text = section_part(plain_words(inner));
    if (text.empty()) return std::nullopt;
    return Heading{7, std::move(text)};
  }
  return std::nullopt;
}

int setext_level(std::string_view line) {
  line = trim_blanks(line);
  if (line.size() >= 2 && line.find_first_not_of('=') == std::string_view::npos) return 1;
  if (line.size() >= 3 && line.find_first_not_of('-') == std::string_view::npos) return 2;
  return 0;
}

bool may_be_setext_text(std::string_view line) {
  if (line.empty() || is_bullet(line) || line.front() == '|' || line.front() == '#') return false;
  if (line.find('[') != std::string_view::npos || ends_sentence(line)) return false;
  return word_count(line) <= 12;
}

bool is_page_chrome(std::string_view line) {
  static constexpr std::array<std::string_view, 27> kButtons = {
      "share",          "export",        "rewrite",
      "copy",           "copy code",     "related",
      "edit",           "retry",         "regenerate",
      "answer",         "images",        "videos",
      "listen",         "ask follow-up", "pro search",
      "perplexity",     "chatgpt said:", "you said:",
      "show drafts",    "show thinking", "sources and related content",
      "share & export", "like",          "dislike",
      "thumbs up",      "thumbs down",   "steps"};
  const std::string lowered = lower_ascii(trim(line, " \t*_"));
  if (lowered.empty()) return false;
  for (const std::string_view button : kButtons) {
    if (lowered == button) return true;
  }
  // `14 sources`, `3 steps`, `Searched 12 sites`, `Thought for 12s`, `Reasoned for 8 seconds`.
  const std::size_t space = lowered.find(' ');
  if (space == std::string::npos) return false;
  const std::string_view first = std::string_view(lowered).substr(0, space);
  const std::string_view rest = std::string_view(lowered).substr(space + 1);
  if (all_digits(first) && (rest == "sources" || rest == "source" || rest == "steps" ||
                            rest == "sites" || rest == "results")) {
    return true;
  }
  if (lowered.starts_with("searched ") &&
      (lowered.ends_with(" sites") || lowered.ends_with(" site"))) {
    return word_count(lowered) == 3;
  }
  if (lowered.starts_with("thought for ") || lowered.starts_with("reasoned for ")) {
    return word_count(lowered) <= 5 && lowered.find_first_of("0123456789") != std::string::npos;
  }
  return false;
}

std::size_t word_count(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool blank = is_space(c);
    if (!blank && !in_word) ++words;
    in_word = !blank;
  }
  return words;
}

bool is_label_text(std::string_view text) {
  text = trim_blanks(text);
  if (text.empty() || ends_sentence(text) || !has_letters(text)) return false;
  std::string_view words = text;
  if (words.ends_with(':')) words.remove_suffix(1);
  if (words.find(": ") != std::string_view::npos) return false;  // `Key: value` is data
  return word_count(words) < kFragmentWords || is_title_case(words);
}

bool is_data_text(std::string_view text) {
  text = trim_blanks(text);
  const std::size_t colon = text.find(": ");
  if (colon == std::string_view::npos || colon == 0 || word_count(text) >= kFragmentWords) {
    return false;
  }
  return !trim_blanks(text.substr(colon + 1)).empty();
}

std::string section_part(std::string_view text) {
  text = trim_blanks(text);
  while (!text.empty() && (text.back() == ':' || text.back() == ' ')) text.remove_suffix(1);
  return std::string(text);
}

std::string join_lead_in(std::string_view lead_in, const std::vector<std::string>& items) {
  auto joins = [](std::string_view item) {
    return item.ends_with(',') || item.ends_with(';') || item.ends_with(" or") ||
           item.ends_with(" and");
  };
  bool conjunction_given = false;  // `a, b, or c`: the items carry their own
  for (const std::string& item : items) {
    conjunction_given = conjunction_given || item.ends_with(" or") || item.ends_with(" and");
  }
  const std::string conjunction = offers_alternatives(lead_in) ? " or " : " and ";
  std::string out = section_part(lead_in);
  std::string separator = " ";
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string item = lower_first(trim_blanks(items[i]));
    const bool last = i + 1 == items.size();
    if (!last && !joins(item)) {
      while (!item.empty() && item.back() == '.') item.pop_back();
    }
    out += separator;
    out += item;
    if (last || joins(item)) {
      separator = " ";
    } else {
      separator = i + 2 == items.size() && !conjunction_given ? conjunction : ", ";
    }
  }
  if (!ends_sentence(out)) out += '.';
  return out;
}

}  // namespace evgraph::parse
