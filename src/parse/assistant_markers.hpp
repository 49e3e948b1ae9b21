// The citation forms AI assistants leave in text copied out of their apps, other than `[n]`:
// ChatGPT's private-use markers (`\ue200cite\ue202turn0search0\ue201`,
// `\ue200entity\ue202[…]\ue201`) and the same words once the private-use characters are stripped
// (`citeturn0search0`),
// `:contentReference[oaicite:3]{index=3}`, `【4†source】`, a bare `oai_citation:3‡PubMed` (an
// `oai_citation` link that lost its link), and Gemini's `[cite_start]`. Each scanner reads a
// bounded span from one position. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace evgraph::parse {

enum class AssistantMarkerKind {
  cite_turn,          // `\ue200cite\ue202turn0search0\ue201`, `citeturn0search0turn0news3`
  file_cite,          // `\ue200filecite\ue202turn0file0\ue201`
  content_reference,  // `:contentReference[oaicite:3]{index=3}`
  source_bracket,  // `【4†source】`, `【12:1†source】`, `【1†L7-L9】`, `【turn0search0】`
  numbered_bracket,  // `【3】`: a full-width `[3]`, resolved like one
  entity,            // `\ue200entity\ue202["people","Ada Lovelace",…]\ue201`: shows its name
  widget,            // `\ue200image_group\ue202{…}\ue201`, `\ue200navlist…\ue201`, …: no text
  cite_start,        // Gemini's `[cite_start]`
  bare_oai_citation,  // `oai_citation:3‡PubMed`, `[oai_citation:3‡PubMed]` with no `(url)`:
                      // labels {"3"}, shown the title
};
inline constexpr std::size_t kAssistantMarkerKinds = 9;

struct AssistantMarker {
  std::size_t begin = 0;
  std::size_t end = 0;
  AssistantMarkerKind kind = AssistantMarkerKind::cite_turn;
  std::vector<std::string> labels;  // turn ids, "oaicite:3", "4†source", "3" for `【3】` and
                                    // `oai_citation:3‡PubMed`
  std::string shown;  // the words an entity shows in the text; a bare oai_citation's title
};

// True when an assistant marker may start at `pos` (a cheap test on one or two bytes, for the
// scanner that copies plain text in runs).
bool may_start_assistant_marker(std::string_view line, std::size_t pos);
// The assistant marker starting at `pos`, or nullopt.
std::optional<AssistantMarker> scan_assistant_marker(std::string_view line, std::size_t pos);

// `[oai_citation:3‡PubMed](url)`, `[oai_citation:3,PubMed](url)`,
// `[oai_citation_attribution:3‡PubMed](url)`: the title after the number, when `text` is such a
// link's text.
std::optional<std::string_view> oai_citation_title(std::string_view text);

// The quoted span a URL's text fragment points at (`#:~:text=start,end`, with an optional
// `prefix-,` and `,-suffix`), percent-decoded, `start…end` for a range; empty when there is none.
std::string text_fragment_quote(std::string_view url);

}  // namespace evgraph::parse
