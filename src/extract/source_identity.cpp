// A cited work's identity from its URL (design.md id scheme, formats.md "Source identifiers").
// Strong identifiers first: PMC, PubMed, Semantic Scholar, DOI, from the URL forms those services
// use; anything else is the URL normalised so that trivial variants of one link compare equal.
// A hand-written scanner (no std::regex): one pass to split the URL, then cheap checks per part.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "evgraph/evidence.hpp"
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
  auto count = [&](char c) { return std::count(s.begin(), s.end(), c); };
  while (!s.empty()) {
    const char c = s.back();
    const bool punctuation = c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
                             c == '\'' || c == '"' || c == '>' || is_space(c);
    const bool unbalanced =
        (c == ')' && count(')') > count('(')) || (c == ']' && count(']') > count('['));
    if (!punctuation && !unbalanced) break;
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

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < path.size()) {
    const std::size_t slash = path.find('/', i);
    const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
    if (end > i) out.push_back(path.substr(i, end - i));
    i = end + 1;
  }
  return out;
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

std::optional<SourceIdentity> strong_identity(const Parts& parts) {
  const std::string& host = parts.host;
  const auto seg = segments(parts.path);
  auto at = [&](std::size_t i) { return i < seg.size() ? seg[i] : std::string_view(); };

  if (host == "doi.org" || host == "dx.doi.org") {
    if (auto doi = doi_from(parts.path.substr(std::min<std::size_t>(1, parts.path.size())))) {
      return SourceIdentity{"doi", *doi};
    }
    return std::nullopt;
  }
  if (host == "ncbi.nlm.nih.gov") {
    if (iequals(at(0), "pmc") && iequals(at(1), "articles")) {
      if (auto id = pmcid(at(2))) return SourceIdentity{"pmc", *id};
      if (iequals(at(2), "pmid") && all_digits(at(3))) {
        return SourceIdentity{"pubmed", std::string(at(3))};
      }
    }
    if (iequals(at(0), "pubmed") && all_digits(at(1))) {
      return SourceIdentity{"pubmed", std::string(at(1))};
    }
    return std::nullopt;
  }
  if (host == "pmc.ncbi.nlm.nih.gov") {
    if (iequals(at(0), "articles")) {
      if (auto id = pmcid(at(1))) return SourceIdentity{"pmc", *id};
      if (iequals(at(1), "pmid") && all_digits(at(2))) {
        return SourceIdentity{"pubmed", std::string(at(2))};
      }
    }
    return std::nullopt;
  }
  if (host == "pubmed.ncbi.nlm.nih.gov") {
    if (all_digits(at(0))) return SourceIdentity{"pubmed", std::string(at(0))};
    return std::nullopt;
  }
  if (host == "europepmc.org") {
    // /article/PMC/PMC123, /articles/PMC123, /abstract/MED/123, /article/MED/123
    if (iequals(at(0), "articles")) {
      if (auto id = pmcid(at(1))) return SourceIdentity{"pmc", *id};
    }
    if (iequals(at(0), "article") || iequals(at(0), "abstract")) {
      if (iequals(at(1), "pmc")) {
        if (auto id = pmcid(at(2))) return SourceIdentity{"pmc", *id};
      }
      if (iequals(at(1), "med") && all_digits(at(2))) {
        return SourceIdentity{"pubmed", std::string(at(2))};
      }
    }
    return std::nullopt;
  }
  if (host == "semanticscholar.org") {
    if (iequals(at(0), "paper")) {
      for (std::size_t i = 1; i < seg.size(); ++i) {
        if (is_hex40(seg[i])) return SourceIdentity{"s2", lowered(seg[i])};
      }
    }
    return std::nullopt;
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

}  // namespace

SourceIdentity identify_source(std::string_view url) {
  const std::string_view s = trimmed(url);
  if (istarts_with(s, "doi:") || s.starts_with("10.")) {
    if (auto doi = doi_from(s)) return {"doi", *doi};
  }
  // "urn:…", "mailto:…": a scheme without "//" is kept as written (scheme lower-cased).
  const std::size_t colon = s.find(':');
  if (colon != std::string_view::npos && colon > 0 && s.find("://") == std::string_view::npos &&
      std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(colon), is_alpha)) {
    return {"url", encode_backslashes(lowered(s.substr(0, colon)) + std::string(s.substr(colon)))};
  }
  const Parts parts = split(s);
  if (auto strong = strong_identity(parts)) return *strong;
  return {"url", encode_backslashes(normalised_url(parts))};
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
    if (auto doi = doi_from(s)) return SourceIdentity{"doi", *doi};
    const SourceIdentity from_url = identify_source(s);
    if (from_url.scheme == "doi") return from_url;
    return std::nullopt;
  }
  if (kind == "pmid") {
    if (auto pmid = pmid_from(value)) return SourceIdentity{"pubmed", *pmid};
    return std::nullopt;
  }
  if (kind == "pmcid") {
    if (auto id = pmcid_from(value)) return SourceIdentity{"pmc", *id};
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
  return {"key", encode_backslashes(std::string(s))};
}

SourceIdentity identify_title(std::string_view title) {
  return {"title", slugify(title)};
}

}  // namespace evgraph
