// Evidence: the meaning read from one input — claims with their kind, the sources they cite (with
// stance records when the input is curated), the sources it lists, and the concepts the claims
// mention — ready to be added to a graph. Every reader (extract() for answers, the structured
// readers of input.hpp) fills one through EvidenceBuilder. extract() is a pure function of the
// Document and the Lexicon (thread-safe); unresolved markers, unused and duplicate definitions and
// uncited claims are reported to `diagnostics`, never dropped silently.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "evgraph/document.hpp"
#include "evgraph/error.hpp"
#include "evgraph/lexicon.hpp"
#include "evgraph/vocabulary.hpp"

namespace evgraph {

// A cited work's identity (design.md id scheme): a scheme (vocabulary.hpp) and the identifier in
// it. Strong: a DOI (lower-case), PMC and PubMed ids, a Semantic Scholar id (40 hex), an arXiv id
// without its version, a PII. Weak: a normalised URL, an uploaded file ("file-AbC123"), an opaque
// redirect wrapper's host and the slug of the citation's title (citations of one wrapper with one
// title are taken as one work), an opaque dataset key (a CORD-19 cord_id), the slug of the title of
// an entry that has no URL.
struct SourceIdentity {
  Scheme scheme = Scheme::url;
  std::string identifier;  // "PMC10078724", "10609983", 40 hex, lower-case DOI, normalised URL, …
  std::string id() const { return "source:" + std::string(to_string(scheme)) + ":" + identifier; }
  bool strong() const noexcept { return is_strong(scheme); }
  bool operator==(const SourceIdentity&) const = default;
};

// The identity of a URL: identifier services (doi.org, PMC, PubMed, Europe PMC, Semantic Scholar,
// arXiv) and publisher pages that hold the DOI or PII (src/extract/host_rules.cpp); redirect
// wrappers (Google, Bing, Outlook safe links) are unwrapped and their target identified;
// "file-service://" and "sediment://" are uploaded files; else the normalised URL (tracking
// parameters such as utm_* and the #fragment, text fragments included, are not part of it).
SourceIdentity identify_source(std::string_view url);
// The same, knowing the citation's title: an opaque redirect (Vertex AI grounding) cited with a
// title of two or more words that is not a domain becomes "redirect-title" <wrapper host>/<slug>,
// so that one work cited through several redirect URLs is one source.
SourceIdentity identify_source(std::string_view url, std::string_view title);
// The identity of a reference as people write it in a sheet: a URL, a bare or prefixed DOI
// ("10.1/x", "doi:10.1/x"), "PMC123", "PMID: 123" / "pmid:123"; anything else is an opaque key.
SourceIdentity identify_reference(std::string_view reference);
// The identity of a work known only by its title ("title" scheme, a slug of the title).
SourceIdentity identify_title(std::string_view title);
// The strong identity for a known identifier kind ("doi", "pmid", "pmcid"); nullopt when the value
// is not a well-formed identifier of that kind.
std::optional<SourceIdentity> identify_as(std::string_view kind, std::string_view value);

struct SourceRecord {
  SourceIdentity identity;           // the id the work is known by
  std::vector<SourceIdentity> also;  // every other identifier of the same work (bibliographies)
  std::string url;                   // empty for an entry with a title and no URL
  std::vector<std::string> urls;     // further URLs of the same entry
  std::string label;                 // what it was listed under: "1", "^1_2", a BibTeX key, …
  std::string title;
  std::vector<std::string> authors;  // "Family, Given" or a literal name, in order
  std::string year;
  std::string data;  // a dataset's other fields for this work (an abstract…), as one JSON object
  std::string accessed;  // when the list says it was read: "March 3, 2025"
  Location where;
  std::size_t answer = 0;  // 1-based index into Evidence::answers of the answer whose list names
                           // it; 0: the document's (footnotes, inline links, other readers)
};

// One curated evidence record behind a cites edge: the stance as written and as normalised, the
// GRADE certainty, and every other field of the record (as one compact JSON object), so that
// nothing in the input is lost.
struct StanceRecord {
  Stance stance = Stance::unstated;           // supports, contrasts, mentions, or unstated
  std::string label;                          // as written: "SUPPORT", "NOTENOUGHINFO", …
  Certainty certainty = Certainty::unstated;  // a GRADE level, or unstated
  Location where;
  std::string data;  // "{}" or the record's other fields, e.g. {"evidence_set":[…],"id":"…"}
};

// supports/contrasts/mentions for the ways datasets spell a stance (SUPPORT, REFUTES,
// contradicts, NOTENOUGHINFO, neutral, …); nullopt when the label means none of them (an empty
// label included).
std::optional<Stance> normalise_stance(std::string_view label);
// A GRADE level for the ways a certainty is spelt (any case, "very_low", ⊕ symbols…); nullopt
// when the label is none of them (an empty label included).
std::optional<Certainty> normalise_certainty(std::string_view label);

struct Citation {
  std::size_t source = 0;  // index into Evidence::sources
  std::vector<std::string> markers;
  bool ambiguous = false;  // the marker number was defined more than once in its list
  std::vector<StanceRecord> records;
  bool inferred = false;  // read from plain digits after a sentence, not from a written marker
  std::string quote;      // the span the cited URL's text fragment (`#:~:text=`) points at
};

struct ConceptRef {
  std::string id;  // "population:veterans"
  NodeType type = NodeType::population;
  std::string label;
};

// Why a claim is linked to a concept: the words that named it, as written, and where. Found in the
// claim's text, `at` is where they start, in code points from the start of the claim text (so
// text[at, at + size(term)) is the term, counting characters as Python and most tools do); named
// by a field of a coded input ("population": "Older adults"), `at` is empty and `field` says which.
struct ConceptMatch {
  std::string term;
  std::optional<std::size_t> at;
  std::string field;
  bool operator==(const ConceptMatch&) const = default;
};

// One concept a claim mentions and every place it names it, left to right.
struct ClaimConcept {
  std::size_t concept_index = 0;  // into Evidence::concepts
  std::vector<ConceptMatch> matches;
};

struct ClaimRecord {
  std::string id;  // "claim:<16 hex>"
  std::string text;
  ClaimKind kind = ClaimKind::finding;
  Location where;
  std::size_t block = 0;
  std::vector<std::string> markers;
  std::vector<Citation> citations;
  std::vector<ClaimConcept> concepts;  // distinct, in order of first mention
  std::string section;                 // the heading path above the claim (ClaimSpan::section)
  std::size_t answer = 0;              // 1-based index into Evidence::answers; 0: none
};

struct Evidence {
  std::string document;    // the input's name, as given
  std::string format;      // the input format it was read as ("answer", "bibtex", …)
  std::string title;       // the document's own title, when the input gives one (a conversation's)
  std::string recognised;  // what the reader recognised, for people ("ChatGPT export, 3 conver…",
                           // "ChatGPT copy: 5 oai_citation links"); empty: only its format
  std::vector<ClaimRecord> claims;
  std::vector<SourceRecord> sources;  // every source read, in input order (each gets a lists edge
                                      // unless it is only cited inline: see `listed`)
  std::vector<bool> listed;           // parallel to sources; empty means all listed
  std::vector<ConceptRef> concepts;   // distinct, in order of first mention
  // The answers of the document (Document::answers): each becomes an `answer` node between the
  // document and its claims and listed sources when there are several or the input describes the
  // one (has_answer_nodes).
  std::vector<AnswerInfo> answers;
};

// True when the document's answers are nodes of their own: more than one, or one the input
// describes (AnswerInfo::described).
bool has_answer_nodes(const Evidence& evidence);

// Fills one Evidence for a reader: claims get their id, kind and the concepts the lexicon (and
// quoted programme names) find in their text, each with the terms that named it; concepts stay
// distinct by id. A commentary claim (the assistant talking about its own search) is about no
// concept: its text is not searched.
class EvidenceBuilder {
 public:
  EvidenceBuilder(std::string document, std::string format, const Lexicon& lexicon);

  // Adds a claim and finds its concepts; returns its index in Evidence::claims.
  std::size_t add_claim(std::string text, Location where, std::size_t block = 0);
  // The same, for a caller that has already computed `id` = claim_id(text).
  std::size_t add_claim(std::string text, std::string id, Location where, std::size_t block = 0);
  ClaimRecord& claim(std::size_t index) { return evidence_.claims.at(index); }
  // Adds a source; `listed` false for one only cited inline (no lists edge).
  std::size_t add_source(SourceRecord source, bool listed = true);
  SourceRecord& source(std::size_t index) { return evidence_.sources.at(index); }
  std::size_t source_count() const noexcept { return evidence_.sources.size(); }
  // Adds (or finds) the concept and links the claim to it, recording `match` (why) on the link.
  void add_concept(std::size_t claim, ConceptRef concept_ref, ConceptMatch match);
  // Adds a citation (merging markers and records into an existing one for the same source).
  Citation& cite(std::size_t claim, std::size_t source);

  Evidence finish();

 private:
  const Lexicon& lexicon_;
  Evidence evidence_;
  // The index in evidence_.concepts of the concept with this id / of this lexicon concept.
  std::size_t concept_of(ConceptRef concept_ref);
  std::size_t lexicon_concept(std::size_t lexicon_index);
  void link_concept(std::size_t claim, std::size_t index, ConceptMatch match);
  static constexpr std::size_t kNoConcept = static_cast<std::size_t>(-1);

  std::unordered_map<std::string, std::size_t> concept_index_;
  std::vector<std::size_t> by_lexicon_index_;  // kNoConcept until the concept is first linked
};

Evidence extract(const Document& document, const Lexicon& lexicon, Diagnostics& diagnostics);

// The claim id: "claim:" + 16 hex digits of FNV-1a 64 over normalise_claim_text(text).
std::string claim_id(std::string_view text);
// The text two claims must share to be one claim: case folded, quotes dropped, whitespace
// collapsed, ends trimmed of spaces and a final full stop.
std::string normalise_claim_text(std::string_view text);
// A ConceptRef for a named population, intervention or outcome (id from slugify(name)).
ConceptRef make_concept(NodeType type, std::string_view name);
// True when the text is the assistant talking about its own search rather than about the evidence.
bool is_commentary(std::string_view text);

}  // namespace evgraph
