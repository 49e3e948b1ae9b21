#include "parse/assistant_markers.hpp"

#include <array>

#include "parse/chars.hpp"

namespace evgraph::parse {
namespace {

constexpr std::string_view kOpen = "\uE200";   // starts a ChatGPT marker
constexpr std::string_view kClose = "\uE201";  // ends it
constexpr std::string_view kField = "\uE202";  // separates its fields
constexpr std::string_view kZeroWidthSpace = "\u200B";
constexpr std::string_view kLeftLenticular = "\u3010";   // 【
constexpr std::string_view kRightLenticular = "\u3011";  // 】
constexpr std::size_t kMaxMarker = 2000;                 // how far a private-use marker reaches
constexpr std::size_t kMaxBracket = 80;                  // how far `【…】` reaches

bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}

// `turn0search0`, `turn12news3`, `turn0file_search1`: ChatGPT's id of one search result; the
// length, or 0.
std::size_t turn_id(std::string_view s, std::size_t pos) {
  if (!s.substr(pos).starts_with("turn")) return 0;
  std::size_t i = pos + 4;
  const std::size_t digits = i;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i == digits) return 0;
  const std::size_t word = i;
  while (i < s.size() && (is_lower(s[i]) || s[i] == '_')) ++i;
  if (i == word) return 0;
  const std::size_t number = i;
  while (i < s.size() && is_digit(s[i])) ++i;
  return i == number ? 0 : i - pos;
}

// The strings of a JSON array of strings and numbers (`["people","Ada Lovelace",0]`), read
// without escapes beyond `\"` and `\\`; nullopt when `s` is not one.
std::optional<std::vector<std::string>> string_array(std::string_view s) {
  s = trim(s);
  if (s.size() < 2 || s.front() != '[' || s.back() != ']') return std::nullopt;
  std::vector<std::string> items;
  std::size_t i = 1;
  while (true) {
    i = skip_blanks(s, i);
    if (i >= s.size()) return std::nullopt;
    if (s[i] == '"') {
      std::string item;
      for (++i; i < s.size() && s[i] != '"'; ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) ++i;
        item += s[i];
      }
      if (i >= s.size()) return std::nullopt;
      items.push_back(std::move(item));
      ++i;
    } else {
      const std::size_t start = i;
      while (i < s.size() && s[i] != ',' && s[i] != ']') ++i;
      items.emplace_back(trim(s.substr(start, i - start)));
    }
    i = skip_blanks(s, i);
    if (i < s.size() && s[i] == ']') return items;
    if (i >= s.size() || s[i] != ',') return std::nullopt;
    ++i;
  }
}

// An entity's display name: the second item of its array (the first is its type, or the turn it
// came from), else the first.
std::string entity_name(std::string_view payload) {
  auto items = string_array(payload);
  if (!items || items->empty()) return std::string(trim(payload));
  return items->size() > 1 ? (*items)[1] : (*items)[0];
}

// `\ue200kind\ue202field\ue202field\ue201` at `pos`.
std::optional<AssistantMarker> scan_private_use(std::string_view s, std::size_t pos) {
  // Stops at the next opening (which starts a marker of its own), so a run of openings stays
  // linear.
  const std::size_t limit = std::min(s.size(), pos + kMaxMarker);
  std::size_t close = pos + kOpen.size();
  while (close < limit && s[close] != '\n' && !s.substr(close).starts_with(kClose)) {
    if (s.substr(close).starts_with(kOpen)) return std::nullopt;
    ++close;
  }
  if (close >= limit || s[close] == '\n') return std::nullopt;
  const std::string_view inner = s.substr(pos + kOpen.size(), close - pos - kOpen.size());
  std::vector<std::string_view> fields;
  for (std::size_t start = 0;;) {
    const std::size_t next = inner.find(kField, start);
    fields.push_back(inner.substr(start, next - start));
    if (next == std::string_view::npos) break;
    start = next + kField.size();
  }
  AssistantMarker marker{pos, close + kClose.size(), AssistantMarkerKind::widget, {}, {}};
  const std::string_view kind = fields.front();
  if (kind == "cite" || kind == "filecite") {
    marker.kind = kind == "cite" ? AssistantMarkerKind::cite_turn : AssistantMarkerKind::file_cite;
    for (std::size_t i = 1; i < fields.size(); ++i) {
      if (!trim(fields[i]).empty()) marker.labels.emplace_back(trim(fields[i]));
    }
    if (marker.labels.empty()) marker.labels.emplace_back(kind);
  } else if (kind == "entity" && fields.size() > 1) {
    marker.kind = AssistantMarkerKind::entity;
    marker.shown = entity_name(fields[1]);
  } else if (kind == "link_title" && fields.size() > 1) {
    marker.kind = AssistantMarkerKind::entity;
    marker.shown = std::string(trim(fields[1]));
  }
  return marker;
}

// `citeturn0search0turn0news3`, `fileciteturn0file0`: a stripped marker's words.
std::optional<AssistantMarker> scan_stripped_cite(std::string_view s, std::size_t pos) {
  static constexpr std::array<std::pair<std::string_view, AssistantMarkerKind>, 3> kPrefixes = {{
      {"filecite", AssistantMarkerKind::file_cite},
      {"cite", AssistantMarkerKind::cite_turn},
      {"", AssistantMarkerKind::cite_turn},
  }};
  if (pos > 0 && is_alpha(s[pos - 1])) return std::nullopt;
  for (const auto& [prefix, kind] : kPrefixes) {
    if (!s.substr(pos).starts_with(prefix)) continue;
    std::size_t i = pos + prefix.size();
    AssistantMarker marker{pos, pos, kind, {}, {}};
    while (const std::size_t length = turn_id(s, i)) {
      marker.labels.emplace_back(s.substr(i, length));
      i += length;
      if (i < s.size() && s[i] == ',' && turn_id(s, i + 1)) ++i;
    }
    if (marker.labels.empty()) continue;
    if (i < s.size() && is_word(s[i])) return std::nullopt;
    marker.end = i;
    return marker;
  }
  return std::nullopt;
}

// `entity["people","Ada Lovelace",…]`: a stripped entity marker.
std::optional<AssistantMarker> scan_stripped_entity(std::string_view s, std::size_t pos) {
  if ((pos > 0 && is_alpha(s[pos - 1])) || !s.substr(pos).starts_with("entity[\"")) {
    return std::nullopt;
  }
  const std::size_t limit = std::min(s.size(), pos + kMaxBracket * 4);
  const std::size_t close = s.substr(0, limit).find("\"]", pos + 7);
  if (close == std::string_view::npos) return std::nullopt;
  const std::string_view payload = s.substr(pos + 6, close + 2 - pos - 6);
  if (payload.find('\n') != std::string_view::npos || !string_array(payload)) return std::nullopt;
  return AssistantMarker{pos, close + 2, AssistantMarkerKind::entity, {}, entity_name(payload)};
}

// `:contentReference[oaicite:3]{index=3}`, after an optional `&#8203;` or U+200B, with or without
// its `:` or either brace.
std::optional<AssistantMarker> scan_content_reference(std::string_view s, std::size_t pos) {
  static constexpr std::string_view kName = "contentReference[oaicite:";
  std::size_t i = pos;
  if (s.substr(i).starts_with("&#8203;")) i += 7;
  if (s.substr(i).starts_with(kZeroWidthSpace)) i += kZeroWidthSpace.size();
  if (i < s.size() && s[i] == ':') ++i;
  if (!s.substr(i).starts_with(kName)) return std::nullopt;
  i += kName.size();
  const std::size_t digits = i;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i == digits || i >= s.size() || s[i] != ']') return std::nullopt;
  AssistantMarker marker{pos, i + 1, AssistantMarkerKind::content_reference, {}, {}};
  marker.labels.push_back("oaicite:" + std::string(s.substr(digits, i - digits)));
  i = marker.end;
  const bool brace = i < s.size() && s[i] == '{';
  if (brace) ++i;
  if (s.substr(i).starts_with("index=")) {
    i += 6;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i < s.size() && s[i] == '}') ++i;
    marker.end = i;
  } else if (brace && i < s.size() && s[i] == '}') {
    marker.end = i + 1;
  }
  return marker;
}

// `【4†source】`, `【12:1†source】`, `【1†L7-L9】`, `【turn0search0】`, and `【3】`.
std::optional<AssistantMarker> scan_lenticular(std::string_view s, std::size_t pos) {
  const std::size_t start = pos + kLeftLenticular.size();
  const std::size_t limit = std::min(s.size(), start + kMaxBracket);
  const std::size_t close = s.substr(0, limit).find(kRightLenticular, start);
  if (close == std::string_view::npos) return std::nullopt;
  const std::string_view inner = s.substr(start, close - start);
  if (inner.empty() || inner.find('\n') != std::string_view::npos) return std::nullopt;
  AssistantMarker marker{
      pos, close + kRightLenticular.size(), AssistantMarkerKind::source_bracket, {}, {}};
  if (number_end(inner, 0) == inner.size()) {
    marker.kind = AssistantMarkerKind::numbered_bracket;
  } else if (inner.find("\u2020") == std::string_view::npos && !turn_id(inner, 0)) {
    return std::nullopt;
  }
  marker.labels.emplace_back(inner);
  return marker;
}

// After `oai_citation:` or `oai_citation_attribution:` at `pos`: the position past the number and
// its separator (`‡` or `,`), with the number in `number`; npos when there is none.
std::size_t oai_citation_head(std::string_view s, std::size_t pos, std::string_view& number) {
  const std::string_view rest = s.substr(pos);
  std::size_t i = pos;
  if (rest.starts_with("oai_citation_attribution:")) {
    i += 25;
  } else if (rest.starts_with("oai_citation:")) {
    i += 13;
  } else {
    return std::string_view::npos;
  }
  const std::size_t end = number_end(s, i);
  if (end == std::string_view::npos) return end;
  number = s.substr(i, end - i);
  if (s.substr(end).starts_with("\u2021")) return end + 3;
  return end < s.size() && s[end] == ',' ? end + 1 : std::string_view::npos;
}

// A bare `oai_citation:3‡Title` (ChatGPT's citation link once its Markdown is lost): the title
// runs to the end of the line, the next `oai_citation`, a `]` when bracketed, or a sentence's end
// (`. ` before a capital); sentence punctuation ending it is left to the claim. `[…]` not
// followed by `(` is read with its brackets.
std::optional<AssistantMarker> scan_bare_oai_citation(std::string_view s, std::size_t pos) {
  const bool bracketed = s[pos] == '[';
  if (!bracketed && pos > 0 && is_alpha(s[pos - 1])) return std::nullopt;
  std::string_view number;
  const std::size_t title_start = oai_citation_head(s, bracketed ? pos + 1 : pos, number);
  if (title_start == std::string_view::npos) return std::nullopt;
  const std::size_t limit = std::min(s.size(), title_start + kMaxBracket * 3);
  std::size_t end = title_start;
  for (; end < limit && s[end] != '\n'; ++end) {
    if (bracketed ? s[end] == ']' : s[end] == '[') break;
    if (s.substr(end).starts_with("oai_citation")) break;
    if (std::string_view(".!?").find(s[end]) != std::string_view::npos && end + 2 < s.size() &&
        s[end + 1] == ' ' && s[end + 2] >= 'A' && s[end + 2] <= 'Z') {
      break;
    }
  }
  if (end == limit && limit < s.size() && !bracketed) {  // a title that runs on: up to a word's end
    while (end > title_start && !is_blank(s[end - 1])) --end;
  }
  std::size_t marker_end = end;
  if (bracketed) {
    if (end >= s.size() || s[end] != ']' || (end + 1 < s.size() && s[end + 1] == '(')) {
      return std::nullopt;
    }
    marker_end = end + 1;
  }
  std::string_view title = s.substr(title_start, end - title_start);
  while (!title.empty() && is_blank(title.back())) title.remove_suffix(1);
  if (!bracketed) {
    while (!title.empty() &&
           std::string_view(".,;:!?").find(title.back()) != std::string_view::npos) {
      title.remove_suffix(1);
    }
    // Punctuation after the title ends the claim before the marker, unless that claim ended
    // already (`Walking helps. oai_citation:2‡Ramblers.`): then it goes with the marker.
    marker_end = static_cast<std::size_t>(title.data() + title.size() - s.data());
    std::size_t before = pos;
    while (before > 0 && is_blank(s[before - 1])) --before;
    if (before > 0 && std::string_view(".!?").find(s[before - 1]) != std::string_view::npos) {
      while (marker_end < s.size() &&
             std::string_view(".,;:!?").find(s[marker_end]) != std::string_view::npos) {
        ++marker_end;
      }
    }
  }
  AssistantMarker marker{pos, marker_end, AssistantMarkerKind::bare_oai_citation, {}, {}};
  marker.labels.emplace_back(number);
  marker.shown = std::string(trim(title));
  return marker;
}

}  // namespace

bool may_start_assistant_marker(std::string_view line, std::size_t pos) {
  switch (line[pos]) {
    case ':':
    case '&':
      return pos + 1 < line.size() && (line[pos + 1] == 'c' || line[pos + 1] == '#');
    case 'c':
    case 'e':
    case 'f':
    case 't':
      return pos == 0 || !is_alpha(line[pos - 1]);
    case 'o':
      return line.substr(pos).starts_with("oai_citation");
    default:
      return false;
  }
}

std::optional<AssistantMarker> scan_assistant_marker(std::string_view line, std::size_t pos) {
  const std::string_view rest = line.substr(pos);
  switch (line[pos]) {
    case '\xEE':
      return rest.starts_with(kOpen) ? scan_private_use(line, pos) : std::nullopt;
    case '\xE3':
      return rest.starts_with(kLeftLenticular) ? scan_lenticular(line, pos) : std::nullopt;
    case '\xE2':
    case '&':
    case ':':
      return scan_content_reference(line, pos);
    case '[':
      if (rest.starts_with("[cite_start]")) {
        return AssistantMarker{pos, pos + 12, AssistantMarkerKind::cite_start, {}, {}};
      }
      return rest.starts_with("[oai_citation") ? scan_bare_oai_citation(line, pos) : std::nullopt;
    case 'o':
      return scan_bare_oai_citation(line, pos);
    case 'c':
      if (auto marker = scan_content_reference(line, pos)) return marker;
      return scan_stripped_cite(line, pos);
    case 'f':
    case 't':
      return scan_stripped_cite(line, pos);
    case 'e':
      return scan_stripped_entity(line, pos);
    default:
      return std::nullopt;
  }
}

std::optional<std::string_view> oai_citation_title(std::string_view text) {
  text = trim(text);
  std::size_t i = 0;
  if (text.starts_with("oai_citation_attribution:")) {
    i = 25;
  } else if (text.starts_with("oai_citation:")) {
    i = 13;
  } else {
    return std::nullopt;
  }
  const std::size_t digits = i;
  while (i < text.size() && is_digit(text[i])) ++i;
  if (i == digits) return std::nullopt;
  if (text.substr(i).starts_with("\u2021")) return trim(text.substr(i + 3));
  if (i < text.size() && text[i] == ',') return trim(text.substr(i + 1));
  return i == text.size() ? std::optional<std::string_view>(std::string_view()) : std::nullopt;
}

namespace {

int hex_value(char c) {
  if (is_digit(c)) return c - '0';
  c = lower(c);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

std::string percent_decoded(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

std::string text_fragment_quote(std::string_view url) {
  const std::size_t directive = url.find(":~:");
  if (directive == std::string_view::npos) return {};
  std::string_view rest = url.substr(directive + 3);
  std::size_t at = rest.starts_with("text=") ? 0 : rest.find("&text=");
  if (at == std::string_view::npos) return {};
  rest = rest.substr(at + (at == 0 ? 5 : 6));
  rest = rest.substr(0, rest.find('&'));
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t comma = rest.find(',', start);
    parts.push_back(rest.substr(start, comma - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  if (!parts.empty() && parts.front().ends_with('-')) parts.erase(parts.begin());  // prefix-
  if (!parts.empty() && parts.back().starts_with('-')) parts.pop_back();           // -suffix
  if (parts.empty() || parts.front().empty()) return {};
  std::string quote = percent_decoded(parts.front());
  if (parts.size() > 1 && !parts[1].empty()) quote += "\u2026" + percent_decoded(parts[1]);
  return quote;
}

}  // namespace evgraph::parse
