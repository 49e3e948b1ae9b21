// A cited work's identity from its URL (design.md id scheme, formats.md "Source identifiers").
// Strong identifiers first: the host rule table (host_rules.cpp) reads DOI, PMC, PubMed, Semantic
// Scholar, arXiv and PII from the URL forms of identifier services and publishers, and unwraps
// redirect wrappers; uploaded files ("file-service://", "sediment://") have their own scheme;
// anything else is the URL normalised so that trivial variants of one link compare equal.
// A hand-written scanner (no std::regex): one pass to split the URL, then cheap checks per part.
#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "evgraph/evidence.hpp"
#include "evgraph/lexicon.hpp"
#include "extract/host_rules.hpp"
#include "text/ascii.hpp"

namespace evgraph {
namespace {

using ascii::iequals;
using ascii::is_digit;
using ascii::is_space;
using ascii::lower;
using ascii::lowered;
using ascii::upper;

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

int hex_value(char c) {
  if (is_digit(c)) return c - '0';
  return lower(c) - 'a' + 10;
}

bool is_escape(std::string_view s, std::size_t i) {
  return s[i] == '%' && i + 2 < s.size() && is_hex(s[i + 1]) && is_hex(s[i + 2]);
}

std::string percent_decoded(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (is_escape(s, i)) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// RFC 3986 6.2.2: escapes of unreserved characters are decoded, other escapes use upper-case hex.
void append_normalised_escapes(std::string& out, std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (is_escape(s, i)) {
      const char c = static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      if (is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~') {
        out += c;
      } else {
        out += '%';
        out += upper(s[i + 1]);
        out += upper(s[i + 2]);
      }
      i += 2;
    } else {
      out += s[i];
    }
  }
}

// Whitespace, enclosing <angle brackets>, (parentheses) or quotes and trailing sentence
// punctuation are not part of a URL; a closing bracket is, when the URL opened it
// ("…/wiki/Foo_(bar)", "10.1016/S0140-6736(20)30183-5").
std::string_view trimmed(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  while (!s.empty() && (s.front() == '<' || s.front() == '(' || s.front() == '[' ||
                        s.front() == '"' || s.front() == '\'')) {
    s.remove_prefix(1);
  }
  // Counted once and kept up to date, so that a run of closing brackets stays linear.
  auto count = [&](char c) { return std::count(s.begin(), s.end(), c); };
  const auto open_round = count('(');
  const auto open_square = count('[');
  auto close_round = count(')');
  auto close_square = count(']');
  while (!s.empty()) {
    const char c = s.back();
    const bool punctuation = c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
                             c == '\'' || c == '"' || c == '>' || is_space(c);
    const bool unbalanced =
        (c == ')' && close_round > open_round) || (c == ']' && close_square > open_square);
    if (!punctuation && !unbalanced) break;
    close_round -= c == ')';
    close_square -= c == ']';
    s.remove_suffix(1);
  }
  return s;
}

// "10.1000/XYZ" (percent-encoded or not, with or without "doi:") -> "10.1000/xyz".
std::optional<std::string> doi_from(std::string_view s) {
  std::string doi = percent_decoded(s);
  std::string_view view = doi;
  while (!view.empty() && is_space(view.front())) view.remove_prefix(1);
  if (istarts_with(view, "doi:")) view.remove_prefix(4);
  while (!view.empty() && is_space(view.front())) view.remove_prefix(1);
  if (!view.starts_with("10.")) return std::nullopt;
  // Registrant code: four or more digits, optionally with dot-separated sub-codes, then '/'.
  std::size_t i = 3;
  std::size_t digits = 0;
  for (; i < view.size() && is_digit(view[i]); ++i) ++digits;
  if (digits < 4) return std::nullopt;
  while (i < view.size() && (is_digit(view[i]) || view[i] == '.')) ++i;
  if (i >= view.size() || view[i] != '/' || i + 1 >= view.size()) return std::nullopt;
  for (char c : view) {
    if (is_space(c)) return std::nullopt;
  }
  return lowered(view);
}

std::optional<std::string> pmcid(std::string_view segment) {
  if (segment.size() > 3 && istarts_with(segment, "pmc") && all_digits(segment.substr(3))) {
    return "PMC" + std::string(segment.substr(3));
  }
  return std::nullopt;
}

bool is_hex40(std::string_view s) {
  return s.size() == 40 && std::all_of(s.begin(), s.end(), is_hex);
}

bool is_tracking_parameter(std::string_view parameter) {
  const std::string_view key = parameter.substr(0, parameter.find('='));
  return istarts_with(key, "utm_") || iequals(key, "fbclid") || iequals(key, "gclid");
}

struct Parts {
  std::string scheme;  // lower-case; empty when the URL had none
  std::string host;    // lower-case, without "www." and a trailing dot
  std::string_view port;
  std::string_view path;
  std::string_view query;
};

Parts split(std::string_view s) {
  Parts parts;
  const std::size_t colon_slashes = s.find("://");
  if (colon_slashes != std::string_view::npos && colon_slashes > 0 && is_alpha(s[0]) &&
      std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(colon_slashes), [](char c) {
        return is_alpha(c) || is_digit(c) || c == '+' || c == '-' || c == '.';
      })) {
    parts.scheme = lowered(s.substr(0, colon_slashes));
    s.remove_prefix(colon_slashes + 3);
  } else if (s.starts_with("//")) {
    s.remove_prefix(2);
  }
  const std::size_t authority_end = std::min(s.find_first_of("/?#"), s.size());
  std::string_view authority = s.substr(0, authority_end);
  std::string_view rest = s.substr(authority_end);
  const std::size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);  // never keep credentials
  const std::size_t bracket = authority.rfind(']');
  const std::size_t port_colon = authority.rfind(':');
  if (port_colon != std::string_view::npos &&
      (bracket == std::string_view::npos || port_colon > bracket)) {
    parts.port = authority.substr(port_colon + 1);
    authority = authority.substr(0, port_colon);
  }
  while (!authority.empty() && authority.back() == '.') authority.remove_suffix(1);
  parts.host = lowered(authority);
  if (parts.host.starts_with("www.")) parts.host.erase(0, 4);

  const std::size_t hash = rest.find('#');
  if (hash != std::string_view::npos) rest = rest.substr(0, hash);
  const std::size_t question = rest.find('?');
  parts.path = rest.substr(0, question);
  if (question != std::string_view::npos) parts.query = rest.substr(question + 1);
  return parts;
}

using host_rules::HostRule;
using host_rules::next_segment;
using host_rules::Yields;

// What a URL names: a work's identity, or (for a redirect wrapper with no target in its URL) the
// wrapper's own URL with `opaque_host` set to the wrapper host of its host rule.
struct Identified {
  SourceIdentity identity;
  std::string_view opaque_host;  // points into the host rule table
};

Identified identify(std::string_view url, int depth);

bool starts_doi(std::string_view segment) {
  return segment.size() > 3 && segment.starts_with("10.") && is_digit(segment[3]);
}

// `rest` from its first segment that starts a DOI ("10.NNNN"); empty when none does.
std::string_view from_doi_start(std::string_view rest) {
  while (!rest.empty()) {
    while (!rest.empty() && rest.front() == '/') rest.remove_prefix(1);
    std::string_view after = rest;
    if (starts_doi(next_segment(after))) return rest;
    rest = after;
  }
  return {};
}

std::string_view without_trailing_slashes(std::string_view s) {
  while (!s.empty() && s.back() == '/') s.remove_suffix(1);
  return s;
}

std::string_view without_suffix(std::string_view s, std::string_view suffix) {
  if (s.size() > suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix)) {
    s.remove_suffix(suffix.size());
  }
  return s;
}

// A publisher's name for a view of the article that follows its DOI in a URL.
bool is_view(std::string_view segment) {
  static constexpr std::array<std::string_view, 16> kViews = {
      "abs",     "abstract", "full", "fulltext", "fulltext.html", "full-text",
      "pdf",     "epdf",     "html", "summary",  "references",    "citedby",
      "figures", "suppinfo", "meta", "download"};
  return std::any_of(kViews.begin(), kViews.end(),
                     [&](std::string_view view) { return iequals(view, segment); });
}

// The DOI at the start of `text`, limited to its first `segments` segments (0: all of them).
std::string_view first_segments(std::string_view text, int segments) {
  std::size_t end = 0;
  for (int i = 0; i < segments; ++i) {
    end = text.find('/', end == 0 ? 0 : end + 1);
    if (end == std::string_view::npos) return text;
  }
  return segments == 0 ? text : text.substr(0, end);
}

std::optional<std::string> doi_in_path(std::string_view rest, Yields yields) {
  std::string_view text = without_trailing_slashes(from_doi_start(rest));
  if (text.empty()) return std::nullopt;
  const std::size_t first_slash = text.find('/');
  const std::size_t last_slash = text.rfind('/');
  const std::string_view last = text.substr(last_slash + 1);
  switch (yields) {
    case Yields::doi:
      if (last_slash != first_slash && is_view(last)) text = text.substr(0, last_slash);
      text = without_suffix(text, ".pdf");
      break;
    case Yields::doi_then_number:
      if (last_slash != first_slash && all_digits(last)) text = text.substr(0, last_slash);
      break;
    case Yields::doi_two_segments:
      text = first_segments(text, 2);
      break;
    case Yields::doi_preprint: {
      // "10.1101/2020.03.01.123456v2.full.pdf" -> "10.1101/2020.03.01.123456".
      text = first_segments(text, 2);
      if (first_slash == std::string_view::npos) return std::nullopt;
      std::size_t end = first_slash + 1;
      while (end < text.size() && (is_digit(text[end]) || text[end] == '.')) ++end;
      while (end > first_slash + 1 && text[end - 1] == '.') --end;
      text = text.substr(0, end);
      break;
    }
    default:
      break;
  }
  return doi_from(text);
}

// "2005.12872v3.pdf" -> "2005.12872"; "hep-th/9901001v2", "math.GT/0309136" -> "hep-th/9901001",
// "math/0309136" (the subject class is not part of an old-style identifier).
std::optional<std::string> arxiv_from(std::string_view rest) {
  const std::string_view first = next_segment(rest);
  auto digits_at = [](std::string_view s, std::size_t from) {
    std::size_t i = from;
    while (i < s.size() && is_digit(s[i])) ++i;
    return i - from;
  };
  // What may follow an identifier: nothing, a version "v2", ".pdf".
  auto ends_well = [](std::string_view tail) {
    if (!tail.empty() && tail.front() == 'v') {
      std::size_t i = 1;
      while (i < tail.size() && is_digit(tail[i])) ++i;
      if (i == 1) return false;
      tail.remove_prefix(i);
    }
    return tail.empty() || iequals(tail, ".pdf");
  };
  if (digits_at(first, 0) == 4 && first.size() > 4 && first[4] == '.') {
    const std::size_t number = digits_at(first, 5);
    if ((number == 4 || number == 5) && ends_well(first.substr(5 + number))) {
      return std::string(first.substr(0, 5 + number));
    }
    return std::nullopt;
  }
  std::string_view archive = first.substr(0, first.find('.'));
  if (archive.empty() || !std::all_of(archive.begin(), archive.end(),
                                      [](char c) { return is_alpha(c) || c == '-'; })) {
    return std::nullopt;
  }
  const std::string_view second = next_segment(rest);
  if (digits_at(second, 0) != 7 || !ends_well(second.substr(7))) return std::nullopt;
  return lowered(archive) + "/" + std::string(second.substr(0, 7));
}

// "S0140673620301835", "S0140-6736(20)30183-5", "PIIS0140-6736(20)30183-5" -> "S0140673620301835":
// S or B, ISSN (8, check character may be X), year (2), item (5), check character (digit or X).
std::optional<std::string> pii_from(std::string_view segment) {
  if (segment.size() > 3 && istarts_with(segment, "pii")) segment.remove_prefix(3);
  std::string pii;
  for (char c : segment) {
    if (is_alpha(c) || is_digit(c)) {
      if (pii.size() == 17) return std::nullopt;
      pii += upper(c);
    } else if (c != '-' && c != '(' && c != ')' && c != '.') {
      return std::nullopt;
    }
  }
  if (pii.size() != 17 || (pii[0] != 'S' && pii[0] != 'B')) return std::nullopt;
  for (std::size_t i = 1; i < 17; ++i) {
    if (!is_digit(pii[i]) && !(pii[i] == 'X' && (i == 8 || i == 16))) return std::nullopt;
  }
  return pii;
}

// `take` of the value (as written) of each query parameter named in `names` ("q|url"), in order,
// until one gives a value; nullopt when none does.
template <typename Take>
auto first_parameter(std::string_view query, std::string_view names, Take take)
    -> decltype(take(std::string_view())) {
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view item = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    const std::size_t equals = item.find('=');
    if (equals == std::string_view::npos) continue;
    std::string_view rest = names;
    while (!rest.empty()) {
      const std::size_t bar = rest.find('|');
      if (iequals(rest.substr(0, bar), item.substr(0, equals))) {
        if (auto value = take(item.substr(equals + 1))) return value;
        break;
      }
      rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
    }
  }
  return std::nullopt;
}

int base64url_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (is_digit(c)) return c - '0' + 52;
  if (c == '-' || c == '+') return 62;
  if (c == '_' || c == '/') return 63;
  return -1;
}

// RFC 4648 section 5 (padding optional); nullopt on any other character.
std::optional<std::string> base64url_decoded(std::string_view s) {
  while (!s.empty() && s.back() == '=') s.remove_suffix(1);
  std::string out;
  out.reserve(s.size() * 3 / 4);
  unsigned bits = 0;
  int count = 0;
  for (char c : s) {
    const int value = base64url_value(c);
    if (value < 0) return std::nullopt;
    bits = (bits << 6) | static_cast<unsigned>(value);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xFF);
    }
  }
  return out;
}

bool looks_like_url(std::string_view s) {
  return istarts_with(s, "http://") || istarts_with(s, "https://") || istarts_with(s, "www.");
}

constexpr int kMaxUnwrap = 4;  // redirects inside redirects, as far as anyone nests them

// What one host rule makes of the URL: nullopt when its yield finds nothing there.
std::optional<Identified> apply(const HostRule& rule, std::string_view rest, std::string_view query,
                                int depth) {
  auto found = [](Scheme scheme, std::optional<std::string> identifier) {
    return identifier ? std::optional<Identified>(Identified{{scheme, *identifier}, {}})
                      : std::nullopt;
  };
  switch (rule.yields) {
    case Yields::url:
      return std::nullopt;
    case Yields::doi:
    case Yields::doi_then_number:
    case Yields::doi_two_segments:
    case Yields::doi_preprint:
      return found(Scheme::doi, doi_in_path(rest, rule.yields));
    case Yields::doi_whole_path:
      return found(Scheme::doi, doi_from(rest));
    case Yields::doi_of_name: {
      const std::string_view name = without_suffix(next_segment(rest), ".pdf");
      if (name.empty()) return std::nullopt;
      return found(Scheme::doi, doi_from(std::string(rule.arg) + "/" + std::string(name)));
    }
    case Yields::doi_in_query:
      return found(Scheme::doi, first_parameter(query, rule.arg, [](std::string_view value) {
                     return doi_from(value);
                   }));
    case Yields::arxiv:
      return found(Scheme::arxiv, arxiv_from(rest));
    case Yields::pii:
      while (!rest.empty()) {
        if (auto pii = pii_from(next_segment(rest))) return found(Scheme::pii, std::move(pii));
      }
      return std::nullopt;
    case Yields::pmc:
      return found(Scheme::pmc, pmcid(next_segment(rest)));
    case Yields::pubmed: {
      const std::string_view id = next_segment(rest);
      return all_digits(id) ? found(Scheme::pubmed, std::string(id)) : std::nullopt;
    }
    case Yields::s2:
      while (!rest.empty()) {
        const std::string_view segment = next_segment(rest);
        if (is_hex40(segment)) return found(Scheme::s2, lowered(segment));
      }
      return std::nullopt;
    case Yields::unwrap_query:
    case Yields::unwrap_base64: {
      if (depth >= kMaxUnwrap) return std::nullopt;
      const std::optional<std::string> target =
          first_parameter(query, rule.arg, [&](std::string_view value) {
            std::optional<std::string> decoded;
            if (rule.yields == Yields::unwrap_query) {
              decoded = percent_decoded(value);
            } else if (value.starts_with("a1")) {
              decoded = base64url_decoded(value.substr(2));
            }
            return decoded && looks_like_url(*decoded) ? decoded : std::nullopt;
          });
      if (!target) return std::nullopt;
      return identify(*target, depth + 1);
    }
    case Yields::opaque_redirect:
      return Identified{{}, rule.host};
  }
  return std::nullopt;
}

// The identity the first matching host rule gives; nullopt when none does (or a row says the page
// names no work).
std::optional<Identified> by_host_rules(const Parts& parts, int depth) {
  for (const HostRule& rule : host_rules::rules()) {
    if (!host_rules::host_matches(rule, parts.host)) continue;
    const auto rest = host_rules::path_after(rule, parts.path);
    if (!rest) continue;
    if (rule.yields == Yields::url) return std::nullopt;
    if (auto identified = apply(rule, *rest, parts.query, depth)) return identified;
  }
  return std::nullopt;
}

std::string normalised_url(const Parts& parts) {
  std::string out;
  const bool web = parts.scheme.empty() || parts.scheme == "http" || parts.scheme == "https";
  if (!web) out = parts.scheme + "://";  // http and https name the same work; other schemes stay
  out += parts.host;
  const bool default_port = parts.port.empty() || (parts.port == "80" && parts.scheme != "https") ||
                            (parts.port == "443" && parts.scheme == "https");
  if (!default_port) {
    out += ':';
    out += parts.port;
  }
  std::string_view path = parts.path;
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  append_normalised_escapes(out, path);

  std::string query;
  std::string_view rest = parts.query;
  while (!rest.empty()) {
    const std::size_t amp = rest.find('&');
    const std::string_view parameter = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (parameter.empty() || is_tracking_parameter(parameter)) continue;
    query += query.empty() ? '?' : '&';
    append_normalised_escapes(query, parameter);
  }
  return out + query;
}

// A backslash is not a URL character; encoded, an id never holds one (DOT names cannot end in one).
std::string encode_backslashes(std::string text) {
  for (std::size_t at = text.find('\\'); at != std::string::npos; at = text.find('\\', at)) {
    text.replace(at, 1, "%5C");
  }
  return text;
}

// "file-service://file-AbC123", "sediment://file_00000000abc": a file the user gave the assistant.
std::optional<std::string> uploaded_file(std::string_view s) {
  for (std::string_view scheme :
       {std::string_view("file-service://"), std::string_view("sediment://")}) {
    if (!istarts_with(s, scheme)) continue;
    s.remove_prefix(scheme.size());
    s = without_trailing_slashes(s.substr(0, s.find_first_of("?#")));
    if (s.empty()) return std::nullopt;
    return encode_backslashes(std::string(s));
  }
  return std::nullopt;
}

// arXiv's own DOIs ("10.48550/arxiv.2005.12872") name the arXiv work.
SourceIdentity doi_identity(std::string doi) {
  constexpr std::string_view kArxiv = "10.48550/arxiv.";
  if (doi.starts_with(kArxiv)) {
    if (auto id = arxiv_from(std::string_view(doi).substr(kArxiv.size())))
      return {Scheme::arxiv, *id};
  }
  return {Scheme::doi, std::move(doi)};
}

Identified identify(std::string_view url, int depth) {
  const std::string_view s = trimmed(url);
  if (istarts_with(s, "doi:") || s.starts_with("10.")) {
    if (auto doi = doi_from(s)) return {doi_identity(std::move(*doi)), {}};
  }
  if (auto file = uploaded_file(s)) return {{Scheme::uploaded_file, std::move(*file)}, {}};
  // "urn:…", "mailto:…": a scheme without "//" is kept as written (scheme lower-cased).
  const std::size_t colon = s.find(':');
  if (colon != std::string_view::npos && colon > 0 && s.find("://") == std::string_view::npos &&
      std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(colon), is_alpha)) {
    return {{Scheme::url,
             encode_backslashes(lowered(s.substr(0, colon)) + std::string(s.substr(colon)))},
            {}};
  }
  const Parts parts = split(s);
  std::optional<Identified> identified = by_host_rules(parts, depth);
  if (!identified) return {{Scheme::url, encode_backslashes(normalised_url(parts))}, {}};
  if (!identified->opaque_host.empty()) {
    identified->identity = {Scheme::url, encode_backslashes(normalised_url(parts))};
  } else if (identified->identity.scheme == Scheme::doi) {
    identified->identity = doi_identity(std::move(identified->identity.identifier));
  }
  return std::move(*identified);
}

// A title that can tell works apart: two words or more, not a domain or URL ("nih.gov").
bool names_a_work(std::string_view title) {
  title = ascii::trimmed(title);
  if (title.empty() || looks_like_url(title)) return false;
  return std::any_of(title.begin(), title.end(), is_space);
}

}  // namespace

SourceIdentity identify_source(std::string_view url) {
  return identify(url, 0).identity;
}

SourceIdentity identify_source(std::string_view url, std::string_view title) {
  Identified identified = identify(url, 0);
  if (identified.opaque_host.empty() || !names_a_work(title)) return std::move(identified.identity);
  const std::string slug = slugify(title);
  if (slug.empty()) return std::move(identified.identity);
  return {Scheme::redirect_title, std::string(identified.opaque_host) + "/" + slug};
}

}  // namespace evgraph

namespace evgraph {
namespace {

// "PMID: 123", "pmid:123", "PMID 123" -> "123".
std::optional<std::string> pmid_from(std::string_view s) {
  s = trimmed(s);
  if (istarts_with(s, "pmid")) {
    s.remove_prefix(4);
    while (!s.empty() && (s.front() == ':' || is_space(s.front()))) s.remove_prefix(1);
  }
  if (all_digits(s) && s.size() <= 10) return std::string(s);
  return std::nullopt;
}

// "PMC123", "pmcid: PMC123", "PMCID PMC123" -> "PMC123".
std::optional<std::string> pmcid_from(std::string_view s) {
  s = trimmed(s);
  if (istarts_with(s, "pmcid")) {
    s.remove_prefix(5);
    while (!s.empty() && (s.front() == ':' || is_space(s.front()))) s.remove_prefix(1);
  }
  if (all_digits(s)) return "PMC" + std::string(s);
  return pmcid(s);
}

}  // namespace

std::optional<SourceIdentity> identify_as(std::string_view kind, std::string_view value) {
  if (kind == "doi") {
    const std::string_view s = trimmed(value);
    if (auto doi = doi_from(s)) return SourceIdentity{Scheme::doi, *doi};
    const SourceIdentity from_url = identify_source(s);
    if (from_url.scheme == Scheme::doi) return from_url;
    return std::nullopt;
  }
  if (kind == "pmid") {
    if (auto pmid = pmid_from(value)) return SourceIdentity{Scheme::pubmed, *pmid};
    return std::nullopt;
  }
  if (kind == "pmcid") {
    if (auto id = pmcid_from(value)) return SourceIdentity{Scheme::pmc, *id};
    return std::nullopt;
  }
  return std::nullopt;
}

SourceIdentity identify_reference(std::string_view reference) {
  const std::string_view s = trimmed(reference);
  if (s.find("://") != std::string_view::npos || istarts_with(s, "www.")) {
    return identify_source(s);
  }
  if (auto doi = identify_as("doi", s)) return *doi;
  if (istarts_with(s, "pmid")) {
    if (auto pmid = identify_as("pmid", s)) return *pmid;
  }
  if (istarts_with(s, "pmc")) {
    if (auto pmc = identify_as("pmcid", s)) return *pmc;
  }
  return {Scheme::key, encode_backslashes(std::string(s))};
}

SourceIdentity identify_title(std::string_view title) {
  return {Scheme::title, slugify(title)};
}

}  // namespace evgraph
