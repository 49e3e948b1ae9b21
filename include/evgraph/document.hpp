// Document: what the parser found in one answer text, before any meaning is attached.
// An answer is a sequence of blocks; a block is prose (claims with their marker labels) followed by
// the citation list its markers resolve against. Offsets point into the Text the Document came
// from; the Document does not own or reference that Text. Plain values, cheap to move.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "evgraph/error.hpp"

namespace evgraph {

// One definition in a citation list (`[label] url`, `1. Title. url`, `[^1]: url`, …), or a source
// linked inline from a claim (`[nih+2](url)`, `[1](url)`). `url` is empty for an entry that is a
// title with no URL.
struct CitationEntry {
  std::string label;
  std::string url;
  Location where;
  std::string title;                   // the entry's text besides its URL, when it has any
  std::vector<std::string> more_urls;  // a second URL in the same entry
  std::string accessed;                // `…, accessed March 3, 2025, https://…`: the date given
  std::string quote;  // the span the URL's text fragment (`#:~:text=…`) quotes, decoded
};

// One statement up to and including its marker group; `text` is cleaned (markers, stray superscript
// digits and surplus whitespace removed). `markers` is empty for an uncited claim. A marker label
// starting with '^' is a Markdown footnote and resolves against Document::footnotes; any other
// resolves against its block's list. `links` are sources the claim links to directly. `detached`
// are markers whose targets the copied text does not carry (ChatGPT's `turn0search0` ids,
// `oaicite:3`, `4†source`): kept, never resolved, reported once per kind by the parser.
// `inferred`: the claim's numbered markers were read from plain digits after its sentence
// (Gemini Deep Research), not from brackets. `section`: the heading path above the claim
// (`Treatment › Peer support`: headings, label lines, a lead-in its list completes), or empty.
struct ClaimSpan {
  std::string text;
  Location where;
  std::vector<std::string> markers;
  Location markers_where;  // the first marker group's position
  std::vector<CitationEntry> links;
  std::vector<std::string> detached;
  bool inferred = false;
  std::string section;
};

// What the input says about one answer (the prose of one reply and the citation list its markers
// resolve against): YAML front matter (`assistant`, `model`, `date`, `query`), an export's message
// (model, create time), an API response (model, the searches it ran), the heading above it. Empty
// fields: the input does not say.
struct AnswerInfo {
  std::string heading;
  std::string assistant;
  std::string model;
  std::string date;  // as given; ISO 8601 from exports ("2025-03-01T09:30:00Z")
  std::string query;
  std::vector<std::string> searches;  // web searches the assistant ran (Gemini webSearchQueries)
  Location where;                     // where the answer starts
  // True when the input says who gave the answer, when, or to what (a heading alone does not).
  bool described() const noexcept {
    return !assistant.empty() || !model.empty() || !date.empty() || !query.empty() ||
           !searches.empty();
  }
};

struct Block {
  std::size_t number = 0;  // 1-based, in document order
  std::size_t answer = 0;  // 1-based index into Document::answers; 0 when it has none
  std::vector<ClaimSpan> claims;
  std::vector<CitationEntry> citations;
  Location list_heading;  // line 0 when the block has no list heading
};

struct Document {
  std::string name;
  std::vector<Block> blocks;
  std::vector<CitationEntry> footnotes;  // `[^label]: url` definitions, anywhere in the text
  std::vector<AnswerInfo> answers;       // the answers its blocks belong to, in order
  // What the parser recognised of an assistant's own citation forms, for people to read:
  // "ChatGPT copy: 5 oai_citation links, 3 【†】 markers"; empty for plain `[n]` text.
  std::string recognised;
};

}  // namespace evgraph
