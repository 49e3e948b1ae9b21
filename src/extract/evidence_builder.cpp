#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "evgraph/evidence.hpp"

namespace evgraph {
namespace {

struct Span {
  std::size_t begin = 0;  // the opening quote
  std::size_t end = 0;    // after the closing quote
  std::size_t inner = 0;  // the title's first byte
  std::string title;
};

// Code points of `text` up to a byte offset, counted on from an earlier offset: offsets asked for
// in increasing order cost one pass over the text in all.
class CodePointCounter {
 public:
  explicit CodePointCounter(std::string_view text) : text_(text) {}
  std::size_t at(std::size_t byte) {
    for (; byte_ < byte && byte_ < text_.size(); ++byte_) {
      if ((static_cast<unsigned char>(text_[byte_]) & 0xC0) != 0x80) ++count_;
    }
    return count_;
  }

 private:
  std::string_view text_;
  std::size_t byte_ = 0;
  std::size_t count_ = 0;
};

// Two to twelve words, each word longer than three letters capitalised ("Taking Charge of My Life
// and Health"), so a quoted sentence or a quoted "Yes" is not taken for a programme's name.
bool is_title_case(std::string_view text) {
  std::size_t words = 0;
  while (!text.empty()) {
    const std::size_t space = text.find(' ');
    const std::string_view word = text.substr(0, space);
    text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
    if (word.empty()) continue;
    ++words;
    if ((words == 1 || word.size() > 3) && word.front() >= 'a' && word.front() <= 'z') return false;
  }
  return words >= 2 && words <= 12;
}

// Titles in quotes (“Building Bridges”, "Taking Charge of My Life and Health"): a capitalised run
// of two to twelve words between a pair of double quotes.
std::vector<Span> quoted_titles(std::string_view text) {
  static constexpr std::string_view kOpen = "\u201C";
  static constexpr std::string_view kClose = "\u201D";
  std::vector<Span> titles;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t open = text.find_first_of("\"\xE2", pos);
    if (open == std::string_view::npos) break;
    std::string_view closing;
    std::size_t inner = 0;
    if (text[open] == '"') {
      closing = "\"";
      inner = open + 1;
    } else if (text.substr(open).starts_with(kOpen)) {
      closing = kClose;
      inner = open + kOpen.size();
    } else {
      pos = open + 1;
      continue;
    }
    const std::size_t close = text.find(closing, inner);
    if (close == std::string_view::npos) break;
    const std::string_view title = text.substr(inner, close - inner);
    if (is_title_case(title) && title.size() <= 120 &&
        title.find_first_of(".!?") == std::string_view::npos) {
      titles.push_back({open, close + closing.size(), inner, std::string(title)});
    }
    pos = close + closing.size();
  }
  return titles;
}

}  // namespace

ConceptRef make_concept(NodeType type, std::string_view name) {
  return {std::string(to_string(type)) + ":" + slugify(name), type, std::string(name)};
}

EvidenceBuilder::EvidenceBuilder(std::string document, std::string format, const Lexicon& lexicon)
    : lexicon_(lexicon) {
  evidence_.document = std::move(document);
  evidence_.format = std::move(format);
}

std::size_t EvidenceBuilder::add_claim(std::string text, Location where, std::size_t block) {
  std::string id = claim_id(text);
  return add_claim(std::move(text), std::move(id), std::move(where), block);
}

std::size_t EvidenceBuilder::add_claim(std::string text, std::string id, Location where,
                                       std::size_t block) {
  const std::size_t index = evidence_.claims.size();
  ClaimRecord& claim = evidence_.claims.emplace_back();
  claim.id = std::move(id);
  claim.kind = is_commentary(text) ? ClaimKind::commentary : ClaimKind::finding;
  claim.where = where;
  claim.block = block;
  claim.text = std::move(text);
  if (claim.kind == ClaimKind::commentary) return index;  // about the search, not the evidence
  const std::string_view claim_text = claim.text;
  const std::vector<Span> titles = quoted_titles(claim_text);
  CodePointCounter title_offsets(claim_text);
  for (const Span& title : titles) {
    add_concept(index, make_concept(NodeType::intervention, title.title),
                {title.title, title_offsets.at(title.inner), {}});
  }
  CodePointCounter offsets(claim_text);
  for (const Mention& mention : lexicon_.find(claim_text)) {
    bool inside_title = false;
    for (const Span& title : titles) {
      inside_title = inside_title || (mention.begin >= title.begin && mention.end <= title.end);
    }
    if (inside_title) continue;
    link_concept(index, lexicon_concept(mention.concept_index),
                 {std::string(claim_text.substr(mention.begin, mention.end - mention.begin)),
                  offsets.at(mention.begin),
                  {}});
  }
  return index;
}

std::size_t EvidenceBuilder::add_source(SourceRecord source, bool listed) {
  evidence_.listed.push_back(listed);
  evidence_.sources.push_back(std::move(source));
  return evidence_.sources.size() - 1;
}

void EvidenceBuilder::add_concept(std::size_t claim, ConceptRef concept_ref, ConceptMatch match) {
  link_concept(claim, concept_of(std::move(concept_ref)), std::move(match));
}

std::size_t EvidenceBuilder::concept_of(ConceptRef concept_ref) {
  auto [it, added] = concept_index_.try_emplace(concept_ref.id, evidence_.concepts.size());
  if (added) evidence_.concepts.push_back(std::move(concept_ref));
  return it->second;
}

std::size_t EvidenceBuilder::lexicon_concept(std::size_t lexicon_index) {
  if (lexicon_index >= by_lexicon_index_.size()) {
    by_lexicon_index_.resize(lexicon_index + 1, kNoConcept);
  }
  std::size_t& index = by_lexicon_index_[lexicon_index];
  if (index == kNoConcept) {
    const Concept& found = lexicon_.concepts().at(lexicon_index);
    index = concept_of({found.id(), found.type, found.name});
  }
  return index;
}

void EvidenceBuilder::link_concept(std::size_t claim, std::size_t index, ConceptMatch match) {
  std::vector<ClaimConcept>& concepts = evidence_.claims.at(claim).concepts;
  auto linked = std::find_if(concepts.begin(), concepts.end(),
                             [&](const ClaimConcept& c) { return c.concept_index == index; });
  if (linked == concepts.end()) {
    concepts.push_back({index, {}});
    linked = concepts.end() - 1;
  }
  // Matches found in the text are distinct by place; a coded field may name a concept twice.
  if (match.at ||
      std::find(linked->matches.begin(), linked->matches.end(), match) == linked->matches.end()) {
    linked->matches.push_back(std::move(match));
  }
}

Citation& EvidenceBuilder::cite(std::size_t claim, std::size_t source) {
  std::vector<Citation>& citations = evidence_.claims.at(claim).citations;
  for (Citation& citation : citations) {
    if (citation.source == source) return citation;
  }
  Citation& added = citations.emplace_back();
  added.source = source;
  return added;
}

Evidence EvidenceBuilder::finish() {
  concept_index_.clear();
  by_lexicon_index_.clear();
  return std::move(evidence_);
}

bool has_answer_nodes(const Evidence& evidence) {
  return evidence.answers.size() > 1 ||
         (evidence.answers.size() == 1 && evidence.answers.front().described());
}

}  // namespace evgraph
