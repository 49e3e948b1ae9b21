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
};

// One statement up to and including its marker group; `text` is cleaned (markers, stray superscript
// digits and surplus whitespace removed). `markers` is empty for an uncited claim. A marker label
// starting with '^' is a Markdown footnote and resolves against Document::footnotes; any other
// resolves against its block's list. `links` are sources the claim links to directly.
struct ClaimSpan {
  std::string text;
  Location where;
  std::vector<std::string> markers;
  Location markers_where;  // the first marker group's position
  std::vector<CitationEntry> links;
};

struct Block {
  std::size_t number = 0;  // 1-based, in document order
  std::vector<ClaimSpan> claims;
  std::vector<CitationEntry> citations;
  Location list_heading;  // line 0 when the block has no list heading
};

struct Document {
  std::string name;
  std::vector<Block> blocks;
  std::vector<CitationEntry> footnotes;  // `[^label]: url` definitions, anywhere in the text
};

}  // namespace evgraph
