// Lexicon matching. Text and lexicon terms go through one tokenizer: words are runs of letters,
// marks and digits (any script); everything else separates them. Each word is case-folded and
// plural-folded, so "Self-Esteem" == "self esteem" and "communities" == "community". Sentence and
// bracket punctuation between two words is kept as a BREAK token, so a term never matches across
// a full stop, comma or bracket, while hyphens, apostrophes, slashes and spaces are crossed freely.
// A possessive "'s" (or "’s") is dropped: "men’s sheds" == "men's sheds" == "men sheds".
//
// The index is a trie over token ids (a hash map keyed by (node, token)); find() tokenizes once and
// walks the trie from each token, keeping the longest terminal: leftmost-longest, non-overlapping.
#include "evgraph/lexicon.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <limits>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "evgraph/error.hpp"
#include "evgraph/text.hpp"
#include "text/json_number.hpp"

namespace evgraph {
namespace detail {
extern const std::string_view kDefaultLexiconJson;
}  // namespace detail

namespace {

// ---------------------------------------------------------------------------------------------
// Tokenizer

enum class CharClass { word, apostrophe, joiner, breaker };

struct Char {
  CharClass cls = CharClass::joiner;
  std::size_t size = 1;
  utf8proc_int32_t code_point = 0;
};

bool is_ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Punctuation that ends a phrase: a term never matches across it.
bool is_ascii_breaker(unsigned char c) {
  switch (c) {
    case '.':
    case ',':
    case ';':
    case ':':
    case '!':
    case '?':
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
    case '<':
    case '>':
    case '"':
    case '|':
      return true;
    default:
      return false;
  }
}

Char classify(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    if (is_ascii_alnum(c)) return {CharClass::word, 1, c};
    if (c == '\'') return {CharClass::apostrophe, 1, c};
    if (is_ascii_breaker(c)) return {CharClass::breaker, 1, c};
    return {CharClass::joiner, 1, c};
  }
  utf8proc_int32_t cp = 0;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                  static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
  if (n <= 0) return {CharClass::joiner, 1, -1};  // invalid byte: a plain separator
  const auto size = static_cast<std::size_t>(n);
  // ’ ‘ ʼ ＇ are apostrophes (‘ also opens quotes, which is harmless here).
  if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0xFF07) {
    return {CharClass::apostrophe, size, cp};
  }
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return {CharClass::word, size, cp};
    case UTF8PROC_CATEGORY_PS:  // brackets
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:  // “ « quotes
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return {CharClass::breaker, size, cp};
    case UTF8PROC_CATEGORY_PD:  // hyphens and en dashes join; em and horizontal-bar dashes break
      return {(cp == 0x2014 || cp == 0x2015) ? CharClass::breaker : CharClass::joiner, size, cp};
    case UTF8PROC_CATEGORY_PO:  // 。 、 … ¿ and the like
      return {cp == 0x00B7 ? CharClass::joiner : CharClass::breaker, size, cp};
    default:
      return {CharClass::joiner, size, cp};
  }
}

void append_lower(std::string& out, std::string_view text, std::size_t i, const Char& ch) {
  if (ch.size == 1) {
    out += ascii_lower(text[i]);
    return;
  }
  const utf8proc_int32_t lower = utf8proc_tolower(ch.code_point);
  utf8proc_uint8_t buffer[4];
  const auto n = utf8proc_encode_char(lower, buffer);
  if (n <= 0) {
    out.append(text.substr(i, ch.size));
  } else {
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
  }
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.ends_with(suffix);
}

// "headaches", "caches": the singular ends in "-ache"; but "approaches", "reaches" end in "-ch".
bool headache_like(std::string_view w) {
  if (!w.ends_with("aches")) return false;
  if (w.size() == 5) return true;  // "aches"
  const char before = w[w.size() - 6];
  return before != 'o' && before != 'e';
}

// Simple English plural folding, applied alike to text and lexicon terms, so only consistency
// matters: "communities" -> "community", "approaches" -> "approach", "veterans" -> "veteran",
// "men" -> "man"; "distress", "status", "analysis" and three-letter words ("SES") are unchanged.
void fold_plural(std::string& w) {
  const std::size_t n = w.size();
  if (n < 3) return;
  if (w == "children") {
    w = "child";
    return;
  }
  if (ends_with(w, "men")) {  // men, women, servicemen, fishermen
    w[n - 2] = 'a';
    return;
  }
  if (n < 4 || w.back() != 's') return;
  if (ends_with(w, "ss") || ends_with(w, "us") || ends_with(w, "is")) return;
  if (n >= 5 && ends_with(w, "ies")) {
    w.replace(n - 3, 3, "y");
  } else if (ends_with(w, "sses") || ends_with(w, "shes") || ends_with(w, "xes") ||
             ends_with(w, "zzes") || (ends_with(w, "ches") && !headache_like(w))) {
    w.resize(n - 2);
  } else {
    w.resize(n - 1);
  }
}

struct Word {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool after_break = false;  // a breaking character lies between this word and the previous one
};

// Calls on_word(const Word&, const std::string& folded) for every word of `text`, left to right.
template <typename OnWord>
void tokenize(std::string_view text, OnWord&& on_word) {
  std::string folded;
  folded.reserve(32);
  bool seen_break = false;
  bool have_previous = false;
  std::size_t gap_chars = 0;    // characters since the previous word ended
  bool gap_apostrophe = false;  // ... and they are exactly one apostrophe
  std::size_t i = 0;
  while (i < text.size()) {
    Char ch = classify(text, i);
    if (ch.cls != CharClass::word) {
      if (ch.cls == CharClass::breaker) seen_break = true;
      gap_apostrophe = gap_chars == 0 && ch.cls == CharClass::apostrophe;
      ++gap_chars;
      i += ch.size;
      continue;
    }
    Word word{i, i, seen_break};
    folded.clear();
    while (i < text.size() && ch.cls == CharClass::word) {
      append_lower(folded, text, i, ch);
      i += ch.size;
      if (i < text.size()) ch = classify(text, i);
    }
    word.end = i;
    const bool possessive = have_previous && gap_chars == 1 && gap_apostrophe && folded == "s";
    gap_chars = 0;
    gap_apostrophe = false;
    if (possessive) continue;  // "men’s": the "s" is dropped and the gap carries on
    fold_plural(folded);
    on_word(word, folded);
    have_previous = true;
    seen_break = false;
  }
}

std::string to_nfc(std::string_view text) {
  const bool ascii = std::all_of(text.begin(), text.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return std::string(text);
  std::string copy(text);
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> nfc(
      utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(copy.c_str())), &std::free);
  if (!nfc) return copy;
  return std::string(reinterpret_cast<const char*>(nfc.get()));
}

// A term as its folded words, with "" standing for a break between two words.
std::vector<std::string> term_words(std::string_view term) {
  std::vector<std::string> words;
  tokenize(to_nfc(term), [&](const Word& word, const std::string& folded) {
    if (word.after_break && !words.empty()) words.emplace_back();
    words.push_back(folded);
  });
  return words;
}

std::string describe_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w.empty() ? std::string("|") : w;
  }
  return out;
}

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint32_t kBreak = 0;  // token id of a break; words are numbered from 1

}  // namespace

// ---------------------------------------------------------------------------------------------
// Index

struct Lexicon::Index {
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> vocabulary;
  std::unordered_map<std::uint64_t, std::uint32_t> edges;  // (node << 32 | token) -> child node
  std::vector<std::uint32_t> terminal{kNone};              // node -> concept index; node 0 = root

  static std::uint64_t key(std::uint32_t node, std::uint32_t token) {
    return (static_cast<std::uint64_t>(node) << 32) | token;
  }

  std::uint32_t token_id(const std::string& word) {
    if (word.empty()) return kBreak;
    const auto [it, inserted] =
        vocabulary.try_emplace(word, static_cast<std::uint32_t>(vocabulary.size() + 1));
    return it->second;
  }

  void add(const std::vector<std::string>& words, std::uint32_t concept_index) {
    if (words.empty()) return;
    std::uint32_t node = 0;
    for (const auto& word : words) {
      const std::uint32_t token = token_id(word);
      const auto [it, inserted] =
          edges.try_emplace(key(node, token), static_cast<std::uint32_t>(terminal.size()));
      if (inserted) terminal.push_back(kNone);
      node = it->second;
    }
    terminal[node] = concept_index;  // a later concept takes over a term an earlier one had
  }

  std::uint32_t lookup(std::string_view word) const {
    const auto it = vocabulary.find(word);
    return it == vocabulary.end() ? kNone : it->second;
  }

  std::uint32_t child(std::uint32_t node, std::uint32_t token) const {
    const auto it = edges.find(key(node, token));
    return it == edges.end() ? kNone : it->second;
  }
};

// ---------------------------------------------------------------------------------------------
// Concept and Lexicon

std::string Concept::id() const {
  return std::string(to_string(type)) + ':' + (slug.empty() ? slugify(name) : slug);
}

Lexicon::Lexicon() : index_(std::make_unique<Index>()) {}

Lexicon::Lexicon(std::vector<Concept> concepts)
    : concepts_(std::move(concepts)), index_(std::make_unique<Index>()) {
  for (std::size_t c = 0; c < concepts_.size(); ++c) {
    Concept& item = concepts_[c];
    if (item.slug.empty()) item.slug = slugify(item.name);
    const auto concept_index = static_cast<std::uint32_t>(c);
    index_->add(term_words(item.name), concept_index);
    for (const auto& synonym : item.synonyms) index_->add(term_words(synonym), concept_index);
  }
}

Lexicon::Lexicon(const Lexicon& other)
    : concepts_(other.concepts_),
      index_(other.index_ ? std::make_unique<Index>(*other.index_) : std::make_unique<Index>()) {}

Lexicon::Lexicon(Lexicon&&) noexcept = default;

Lexicon& Lexicon::operator=(Lexicon other) {
  std::swap(concepts_, other.concepts_);
  std::swap(index_, other.index_);
  return *this;
}

Lexicon::~Lexicon() = default;

std::vector<Mention> Lexicon::find(std::string_view text) const {
  std::vector<Mention> mentions;
  if (!index_ || index_->edges.empty()) return mentions;

  struct Token {
    std::uint32_t id;
    std::size_t begin;
    std::size_t end;
  };
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 6 + 4);
  tokenize(text, [&](const Word& word, const std::string& folded) {
    if (word.after_break && !tokens.empty() && tokens.back().id != kBreak) {
      tokens.push_back({kBreak, word.begin, word.begin});
    }
    tokens.push_back({index_->lookup(folded), word.begin, word.end});
  });

  std::size_t i = 0;
  while (i < tokens.size()) {
    std::uint32_t node = 0;
    std::uint32_t best_concept = kNone;
    std::size_t best_last = 0;
    for (std::size_t j = i; j < tokens.size() && tokens[j].id != kNone; ++j) {
      node = index_->child(node, tokens[j].id);
      if (node == kNone) break;
      if (index_->terminal[node] != kNone) {
        best_concept = index_->terminal[node];
        best_last = j;
      }
    }
    if (best_concept == kNone) {
      ++i;
      continue;
    }
    mentions.push_back({best_concept, tokens[i].begin, tokens[best_last].end});
    i = best_last + 1;
  }
  return mentions;
}

Lexicon Lexicon::merged_with(const Lexicon& other) const {
  std::set<std::string> replaced;
  for (const auto& item : other.concepts_) replaced.insert(item.id());
  std::vector<Concept> merged;
  merged.reserve(concepts_.size() + other.concepts_.size());
  for (const auto& item : concepts_) {
    if (!replaced.contains(item.id())) merged.push_back(item);
  }
  // The other lexicon's concepts come last, so where both define a term, the other's wins.
  merged.insert(merged.end(), other.concepts_.begin(), other.concepts_.end());
  return Lexicon(std::move(merged));
}

// ---------------------------------------------------------------------------------------------
// Reading

namespace {

using nlohmann::json;

Location locate_byte(std::string_view text, std::size_t offset, const std::string& name) {
  offset = std::min(offset, text.size());
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {name, line, column};
}

// nlohmann's what() is "[json.exception.parse_error.101] parse error at line 1, column 5: syntax
// error while parsing ..."; keep what follows the location.
std::string parse_error_message(const json::parse_error& e) {
  std::string_view what = e.what();
  const auto column = what.find("column ");
  if (column != std::string_view::npos) {
    const auto colon = what.find(": ", column);
    if (colon != std::string_view::npos)
      return "invalid JSON: " + std::string(what.substr(colon + 2));
  }
  const auto bracket = what.find("] ");
  if (bracket != std::string_view::npos) what.remove_prefix(bracket + 2);
  return "invalid JSON: " + std::string(what);
}

std::string in_quotes(std::string_view s) {
  return '"' + std::string(s) + '"';
}

std::string json_type(const json& value) {
  return value.type_name();
}

bool is_slug(std::string_view slug) {
  if (slug.empty() || slug.front() == '-' || slug.back() == '-') return false;
  char previous = 0;
  for (char c : slug) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && previous == '-')) return false;
    previous = c;
  }
  return true;
}

class LexiconReader {
 public:
  explicit LexiconReader(const std::string& name) : name_(name) {}

  Lexicon read(std::string_view text) {
    json root;
    try {
      root = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
      const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
      throw InputError(locate_byte(text, offset, name_), parse_error_message(e));
    } catch (const json::out_of_range& e) {
      const auto overflow = detail::json_number_overflow(text, e.what());
      throw InputError(locate_byte(text, overflow.offset, name_),
                       "invalid JSON: " + overflow.message);
    }
    if (!root.is_object()) fail("the lexicon must be a JSON object with a \"concepts\" array");
    check_keys(root, {"concepts"}, "the lexicon");
    if (!root.contains("concepts")) fail("the lexicon has no \"concepts\" array");
    const json& list = root.at("concepts");
    if (!list.is_array()) fail("\"concepts\" must be an array, not " + json_type(list));

    std::vector<Concept> concepts;
    concepts.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) concepts.push_back(read_concept(list.at(i), i));
    check_duplicates(concepts);
    return Lexicon(std::move(concepts));
  }

 private:
  [[noreturn]] void fail(const std::string& message) const {
    throw InputError(Location{name_, 0, 0}, message);
  }

  void check_keys(const json& object, std::initializer_list<std::string_view> allowed,
                  const std::string& what) const {
    std::string unknown;
    for (const auto& [key, value] : object.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      if (!unknown.empty()) unknown += ", ";
      unknown += in_quotes(key);
    }
    if (unknown.empty()) return;
    std::string expected;
    for (auto key : allowed) {
      if (!expected.empty()) expected += ", ";
      expected += in_quotes(key);
    }
    fail(what + " has unknown key" + (unknown.find(',') == std::string::npos ? " " : "s ") +
         unknown + " (expected " + expected + ")");
  }

  std::string string_field(const json& object, const char* key, const std::string& where) const {
    const json& value = object.at(key);
    if (!value.is_string()) {
      fail(where + ": " + in_quotes(key) + " must be a string, not " + json_type(value));
    }
    return value.get<std::string>();
  }

  Concept read_concept(const json& item, std::size_t i) const {
    std::string where = "concepts[" + std::to_string(i) + "]";
    if (!item.is_object()) fail(where + " must be an object, not " + json_type(item));
    check_keys(item, {"name", "type", "synonyms", "slug"}, where);
    for (const char* key : {"name", "type"}) {
      if (!item.contains(key)) fail(where + " has no " + in_quotes(key));
    }
    Concept result;
    result.name = string_field(item, "name", where);
    where += " (" + in_quotes(result.name) + ")";
    if (term_words(result.name).empty()) fail(where + ": the name has no letters or digits");

    const std::string type = string_field(item, "type", where);
    const auto node_type = node_type_from_string(type);
    if (!node_type || (*node_type != NodeType::population && *node_type != NodeType::intervention &&
                       *node_type != NodeType::outcome)) {
      fail(where + ": type " + in_quotes(type) +
           " is not one of \"population\", \"intervention\", \"outcome\"");
    }
    result.type = *node_type;

    if (item.contains("slug")) {
      result.slug = string_field(item, "slug", where);
      if (!is_slug(result.slug)) {
        fail(where + ": slug " + in_quotes(result.slug) +
             " must be lower-case ASCII letters and digits joined by single hyphens");
      }
    } else {
      result.slug = slugify(result.name);
      if (result.slug.empty()) {
        fail(where + ": the name gives an empty slug; add a \"slug\" (e.g. \"concept-1\")");
      }
    }

    if (item.contains("synonyms")) {
      const json& synonyms = item.at("synonyms");
      if (!synonyms.is_array()) {
        fail(where + ": \"synonyms\" must be an array of strings, not " + json_type(synonyms));
      }
      for (std::size_t s = 0; s < synonyms.size(); ++s) {
        const json& synonym = synonyms.at(s);
        if (!synonym.is_string()) {
          fail(where + ": synonyms[" + std::to_string(s) + "] must be a string, not " +
               json_type(synonym));
        }
        std::string text = synonym.get<std::string>();
        if (term_words(text).empty()) {
          fail(where + ": synonym " + in_quotes(text) + " has no letters or digits");
        }
        result.synonyms.push_back(std::move(text));
      }
    }
    return result;
  }

  // Two concepts with one id, or one term claimed by two concepts, is a mistake in one file.
  void check_duplicates(const std::vector<Concept>& concepts) const {
    std::map<std::string, std::size_t> ids;
    std::map<std::vector<std::string>, std::pair<std::size_t, std::string>> terms;
    for (std::size_t c = 0; c < concepts.size(); ++c) {
      const Concept& item = concepts[c];
      const auto [id_it, fresh_id] = ids.try_emplace(item.id(), c);
      if (!fresh_id) {
        fail("concepts[" + std::to_string(id_it->second) + "] and concepts[" + std::to_string(c) +
             "] have the same id " + in_quotes(item.id()) + "; give one a different \"slug\"");
      }
      std::vector<std::string_view> all{item.name};
      all.insert(all.end(), item.synonyms.begin(), item.synonyms.end());
      for (auto term : all) {
        const auto [it, fresh] = terms.try_emplace(term_words(term), c, std::string(term));
        if (fresh || it->second.first == c) continue;
        const Concept& first = concepts[it->second.first];
        fail(in_quotes(term) + " (concepts[" + std::to_string(c) + "] " + in_quotes(item.name) +
             ") matches the same words as " + in_quotes(it->second.second) + " (concepts[" +
             std::to_string(it->second.first) + "] " + in_quotes(first.name) +
             "); a term may belong to one concept only [" + describe_words(it->first) + "]");
      }
    }
  }

  const std::string& name_;
};

}  // namespace

Lexicon parse_lexicon(std::string_view json_text, const std::string& name) {
  return LexiconReader(name).read(json_text);
}

Lexicon read_lexicon(const std::filesystem::path& path) {
  return parse_lexicon(read_file(path), path.string());
}

std::string to_json(const Lexicon& lexicon) {
  const std::vector<Concept>& concepts = lexicon.concepts();
  std::map<std::vector<std::string>, std::size_t> owner;  // term words -> the concept matching them
  for (std::size_t c = 0; c < concepts.size(); ++c) {
    owner[term_words(concepts[c].name)] = c;
    for (const auto& synonym : concepts[c].synonyms) owner[term_words(synonym)] = c;
  }
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (std::size_t c = 0; c < concepts.size(); ++c) {
    const Concept& item = concepts[c];
    nlohmann::ordered_json out = {{"name", item.name}, {"type", to_string(item.type)}};
    if (!item.slug.empty() && item.slug != slugify(item.name)) out["slug"] = item.slug;
    nlohmann::ordered_json synonyms = nlohmann::ordered_json::array();
    for (const auto& synonym : item.synonyms) {
      if (synonym == item.name || owner.at(term_words(synonym)) != c) continue;  // taken over later
      synonyms.push_back(synonym);
    }
    if (!synonyms.empty()) out["synonyms"] = std::move(synonyms);
    list.push_back(std::move(out));
  }
  nlohmann::ordered_json root = {{"concepts", std::move(list)}};
  return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

const Lexicon& default_lexicon() {
  static const Lexicon lexicon = parse_lexicon(detail::kDefaultLexiconJson, "<default lexicon>");
  return lexicon;
}

std::string slugify(std::string_view text) {
  // Strip accents first ("Māori" -> "maori"), then keep ASCII letters and digits.
  std::string plain(text);
  if (std::any_of(plain.begin(), plain.end(),
                  [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    utf8proc_uint8_t* stripped = nullptr;
    const auto n =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(plain.data()),
                     static_cast<utf8proc_ssize_t>(plain.size()), &stripped,
                     static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK));
    if (n >= 0 && stripped)
      plain.assign(reinterpret_cast<const char*>(stripped), static_cast<std::size_t>(n));
    std::free(stripped);
  }
  std::string slug;
  bool pending_hyphen = false;
  for (std::size_t i = 0; i < plain.size();) {
    const Char ch = classify(plain, i);
    if (ch.cls == CharClass::apostrophe) {  // "Men's sheds" -> "mens-sheds"
      i += ch.size;
      continue;
    }
    const auto c = static_cast<unsigned char>(plain[i]);
    if (ch.size == 1 && is_ascii_alnum(c)) {
      if (pending_hyphen && !slug.empty()) slug += '-';
      pending_hyphen = false;
      slug += ascii_lower(plain[i]);
    } else {
      pending_hyphen = true;
    }
    i += ch.size;
  }
  return slug;
}

}  // namespace evgraph
