#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "evgraph/evidence.hpp"

namespace evgraph {
namespace {

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string title;
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
// of one to twelve words between a pair of double quotes.
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
      titles.push_back({open, close + closing.size(), std::string(title)});
    }
    pos = close + closing.size();
  }
  return titles;
}

class Extractor {
 public:
  Extractor(const Lexicon& lexicon, Diagnostics& diagnostics)
      : lexicon_(lexicon), diagnostics_(diagnostics) {}

  Evidence run(const Document& document) {
    evidence_.document = document.name;
    for (const Block& block : document.blocks) read_block(block);
    return std::move(evidence_);
  }

 private:
  void read_block(const Block& block) {
    std::map<std::string, std::vector<std::size_t>> by_label;
    const std::size_t first = evidence_.sources.size();
    for (const CitationEntry& entry : block.citations) {
      by_label[entry.label].push_back(evidence_.sources.size());
      evidence_.sources.push_back(
          {identify_source(entry.url), entry.url, entry.label, entry.where});
    }
    std::vector<bool> used(block.citations.size(), false);
    for (const ClaimSpan& span : block.claims) {
      ClaimRecord claim;
      claim.id = claim_id(span.text);
      claim.text = span.text;
      claim.kind = is_commentary(span.text) ? ClaimKind::commentary : ClaimKind::finding;
      claim.where = span.where;
      claim.block = block.number;
      claim.markers = span.markers;
      resolve_markers(span, block, by_label, used, first, claim);
      find_concepts(claim);
      evidence_.claims.push_back(std::move(claim));
    }
    report_unused(block, used, first);
  }

  void resolve_markers(const ClaimSpan& span, const Block& block,
                       const std::map<std::string, std::vector<std::size_t>>& by_label,
                       std::vector<bool>& used, std::size_t first, ClaimRecord& claim) {
    if (span.markers.empty()) {
      diagnostics_.push_back({Severity::warning, span.where,
                              "claim has no citation marker: '" + excerpt(span.text) + "'",
                              "uncited-claim"});
      return;
    }
    for (const std::string& label : span.markers) {
      auto found = by_label.find(label);
      if (found == by_label.end()) {
        diagnostics_.push_back(
            {Severity::warning, span.markers_where,
             block.citations.empty()
                 ? "citation [" + label +
                       "] cannot be resolved: no citation list follows this block"
                 : "citation [" + label + "] is not defined in the list that follows this block",
             "undefined-citation"});
        continue;
      }
      const bool ambiguous = found->second.size() > 1;
      for (std::size_t source : found->second) {
        used[source - first] = true;
        add_citation(claim, source, label, ambiguous);
      }
    }
  }

  static void add_citation(ClaimRecord& claim, std::size_t source, const std::string& label,
                           bool ambiguous) {
    for (Citation& citation : claim.citations) {
      if (citation.source == source) {
        if (std::find(citation.markers.begin(), citation.markers.end(), label) ==
            citation.markers.end()) {
          citation.markers.push_back(label);
        }
        citation.ambiguous = citation.ambiguous || ambiguous;
        return;
      }
    }
    claim.citations.push_back({source, {label}, ambiguous});
  }

  void find_concepts(ClaimRecord& claim) {
    const std::vector<Span> titles = quoted_titles(claim.text);
    for (const Span& title : titles) {
      add_concept(claim,
                  {"intervention:" + slugify(title.title), NodeType::intervention, title.title});
    }
    for (const Mention& mention : lexicon_.find(claim.text)) {
      bool inside_title = false;
      for (const Span& title : titles) {
        inside_title = inside_title || (mention.begin >= title.begin && mention.end <= title.end);
      }
      if (inside_title) continue;
      const Concept& found = lexicon_.concepts().at(mention.concept_index);
      add_concept(claim, {found.id(), found.type, found.name});
    }
  }

  void add_concept(ClaimRecord& claim, ConceptRef ref) {
    auto [it, added] = concept_index_.try_emplace(ref.id, evidence_.concepts.size());
    if (added) evidence_.concepts.push_back(std::move(ref));
    for (std::size_t existing : claim.concepts) {
      if (existing == it->second) return;
    }
    claim.concepts.push_back(it->second);
  }

  void report_unused(const Block& block, const std::vector<bool>& used, std::size_t first) {
    if (block.citations.empty()) return;
    if (block.claims.empty()) {
      const Location where =
          block.list_heading.line ? block.list_heading : block.citations.front().where;
      diagnostics_.push_back({Severity::warning, where,
                              "citation list with no claims before it: its " +
                                  std::to_string(block.citations.size()) +
                                  " sources are listed but never cited",
                              "unused-list"});
      return;
    }
    for (std::size_t i = 0; i < used.size(); ++i) {
      if (used[i]) continue;
      const SourceRecord& source = evidence_.sources[first + i];
      diagnostics_.push_back(
          {Severity::warning, source.where,
           "citation [" + source.label + "] is listed but never cited (" + source.url + ")",
           "unused-citation"});
    }
  }

  static std::string excerpt(const std::string& text) {
    if (text.size() <= 60) return text;
    std::size_t cut = 57;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + "...";
  }

  const Lexicon& lexicon_;
  Diagnostics& diagnostics_;
  Evidence evidence_;
  std::unordered_map<std::string, std::size_t> concept_index_;
};

}  // namespace

Evidence extract(const Document& document, const Lexicon& lexicon, Diagnostics& diagnostics) {
  return Extractor(lexicon, diagnostics).run(document);
}

}  // namespace evgraph
