// Evidence: the meaning extracted from one Document — claims with their kind, the sources their
// markers resolve to, and the concepts they mention — ready to be added to a graph. extract() is a
// pure function of the Document and the Lexicon (thread-safe); unresolved markers, unused and
// duplicate definitions and uncited claims are reported to `diagnostics`, never dropped silently.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "evgraph/document.hpp"
#include "evgraph/error.hpp"
#include "evgraph/lexicon.hpp"
#include "evgraph/vocabulary.hpp"

namespace evgraph {

// A cited work's identity, from its URL (design.md id scheme).
struct SourceIdentity {
  std::string scheme;      // "pmc", "pubmed", "s2", "doi" or "url"
  std::string identifier;  // "PMC10078724", "10609983", 40 hex, lower-case DOI, normalised URL
  std::string id() const { return "source:" + scheme + ":" + identifier; }
};

SourceIdentity identify_source(std::string_view url);

struct SourceRecord {
  SourceIdentity identity;
  std::string url;
  std::string label;  // "[n]" it was listed under
  Location where;
};

struct Citation {
  std::size_t source = 0;  // index into Evidence::sources
  std::vector<std::string> markers;
  bool ambiguous = false;  // the marker number was defined more than once in its list
};

struct ConceptRef {
  std::string id;  // "population:veterans"
  NodeType type = NodeType::population;
  std::string label;
};

struct ClaimRecord {
  std::string id;  // "claim:<16 hex>"
  std::string text;
  ClaimKind kind = ClaimKind::finding;
  Location where;
  std::size_t block = 0;
  std::vector<std::string> markers;
  std::vector<Citation> citations;
  std::vector<std::size_t> concepts;  // indices into Evidence::concepts
};

struct Evidence {
  std::string document;  // the input's name, as given
  std::vector<ClaimRecord> claims;
  std::vector<SourceRecord> sources;  // every listed definition, in list order
  std::vector<ConceptRef> concepts;   // distinct, in order of first mention
};

Evidence extract(const Document& document, const Lexicon& lexicon, Diagnostics& diagnostics);

// The claim id: "claim:" + 16 hex digits of FNV-1a 64 over the normalised text (case folded,
// curly quotes straightened, whitespace collapsed).
std::string claim_id(std::string_view text);
// True when the text is the assistant talking about its own search rather than about the evidence.
bool is_commentary(std::string_view text);

}  // namespace evgraph
