#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "evgraph/evidence.hpp"

namespace evgraph {
namespace {

using SourcesByLabel = std::map<std::string, std::vector<std::size_t>>;

SourceRecord source_of(const CitationEntry& entry) {
  SourceRecord source;
  source.identity =
      entry.url.empty() ? identify_title(entry.title) : identify_source(entry.url, entry.title);
  if (source.identity.identifier.empty()) {  // a bare "https://"
    source.identity =
        entry.title.empty() ? SourceIdentity{Scheme::url, entry.url} : identify_title(entry.title);
  }
  source.url = entry.url;
  source.urls = entry.more_urls;
  source.label = entry.label;
  source.title = entry.title;
  source.accessed = entry.accessed;
  source.where = entry.where;
  return source;
}

std::string excerpt(const std::string& text) {
  if (text.size() <= 60) return text;
  std::size_t cut = 57;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

// What a diagnostic names a source by: its URL, else its title.
std::string shown(const SourceRecord& source) {
  return source.url.empty() ? "\"" + excerpt(source.title) + "\"" : source.url;
}

class Extractor {
 public:
  Extractor(const Document& document, const Lexicon& lexicon, Diagnostics& diagnostics)
      : builder_(document.name, "answer", lexicon), diagnostics_(diagnostics) {}

  Evidence run(const Document& document) {
    add_footnotes(document.footnotes);
    for (const Block& block : document.blocks) read_block(block);
    report_unused_footnotes();
    Evidence evidence = builder_.finish();
    evidence.recognised = document.recognised;
    evidence.answers = document.answers;
    return evidence;
  }

 private:
  // Footnote definitions hold for the whole document, wherever they stand.
  void add_footnotes(const std::vector<CitationEntry>& footnotes) {
    for (const CitationEntry& entry : footnotes) {
      const std::size_t source = add_listed(entry);
      footnotes_[entry.label].push_back(source);
      footnote_sources_.push_back(source);
    }
    footnote_used_.assign(footnote_sources_.size(), false);
  }

  std::size_t add_listed(const CitationEntry& entry) {
    SourceRecord source = source_of(entry);
    const std::string id = source.identity.id();
    const std::size_t index = builder_.add_source(std::move(source));
    by_identity_.try_emplace(id, index);
    if (!entry.quote.empty()) listed_quotes_.emplace(index, entry.quote);
    return index;
  }

  void read_block(const Block& block) {
    SourcesByLabel by_label;
    const std::size_t first = builder_.source_count();
    for (const CitationEntry& entry : block.citations) {
      const std::size_t source = add_listed(entry);
      builder_.source(source).answer = block.answer;
      by_label[entry.label].push_back(source);
    }
    std::vector<bool> used(block.citations.size(), false);
    for (const ClaimSpan& span : block.claims) {
      const std::size_t claim = builder_.add_claim(span.text, span.where, block.number);
      builder_.claim(claim).section = span.section;
      builder_.claim(claim).answer = block.answer;
      std::vector<std::string>& markers = builder_.claim(claim).markers;
      markers = span.markers;
      markers.insert(markers.end(), span.detached.begin(), span.detached.end());
      if (span.markers.empty() && span.links.empty() && span.detached.empty()) {
        diagnostics_.push_back({Severity::warning, span.where,
                                "claim has no citation marker: '" + excerpt(span.text) + "'",
                                "uncited-claim"});
      }
      for (const std::string& label : span.markers) {
        if (is_link_label(span, label)) continue;  // resolved through its link, below
        if (label.starts_with('^')) {
          resolve_footnote(span, label, claim);
        } else {
          resolve_marker(span, label, block, by_label, used, first, claim);
        }
      }
      for (const CitationEntry& link : span.links) {
        if (!cite_listed_link(link, by_label, used, first, claim)) cite_link(link, claim);
      }
    }
    report_unused(block, used, first);
  }

  static bool is_link_label(const ClaimSpan& span, const std::string& label) {
    return std::any_of(span.links.begin(), span.links.end(),
                       [&](const CitationEntry& link) { return link.label == label; });
  }

  // `[5](url)` where the list defines [5]: one citation when the URLs name the same work; else
  // the listed source and the linked one are both cited, and the difference is reported. False
  // when the list does not define the label.
  bool cite_listed_link(const CitationEntry& link, const SourcesByLabel& by_label,
                        std::vector<bool>& used, std::size_t first, std::size_t claim) {
    auto found = by_label.find(link.label);
    if (found == by_label.end()) return false;
    const std::string id = source_of(link).identity.id();
    bool same = false;
    for (std::size_t source : found->second) {
      used[source - first] = true;
      if (builder_.source(source).identity.id() != id) continue;
      add_citation(claim, source, link.label, false, link.quote);
      same = true;
    }
    if (same) return true;
    for (std::size_t source : found->second) {
      add_citation(claim, source, link.label, found->second.size() > 1);
    }
    diagnostics_.push_back({Severity::warning, link.where,
                            "[" + link.label + "] links to " + link.url +
                                " but the list defines [" + link.label + "] as " +
                                shown(builder_.source(found->second.front())) + "; citing both",
                            "conflicting-link"});
    cite_link(link, claim);
    return true;
  }

  void resolve_marker(const ClaimSpan& span, const std::string& label, const Block& block,
                      const SourcesByLabel& by_label, std::vector<bool>& used, std::size_t first,
                      std::size_t claim) {
    auto found = by_label.find(label);
    if (found == by_label.end()) {
      diagnostics_.push_back(
          {Severity::warning, span.markers_where,
           block.citations.empty()
               ? "citation [" + label + "] cannot be resolved: no citation list follows this block"
               : "citation [" + label + "] is not defined in the list that follows this block",
           "undefined-citation"});
      return;
    }
    const bool ambiguous = found->second.size() > 1;
    for (std::size_t source : found->second) {
      used[source - first] = true;
      add_citation(claim, source, label, ambiguous, {}, span.inferred);
    }
  }

  // A footnote label defined more than once (each answer of a file numbering its own `[^1]`)
  // means the definition that follows the marker most closely, else the last one before it.
  void resolve_footnote(const ClaimSpan& span, const std::string& label, std::size_t claim) {
    auto found = footnotes_.find(label);
    if (found == footnotes_.end()) {
      diagnostics_.push_back({Severity::warning, span.markers_where,
                              "footnote [" + label + "] is not defined anywhere in the document",
                              "undefined-citation"});
      return;
    }
    std::size_t chosen = found->second.back();
    for (std::size_t source : found->second) {
      if (builder_.source(source).where.line >= span.markers_where.line) {
        chosen = source;
        break;
      }
    }
    const auto position = std::find(footnote_sources_.begin(), footnote_sources_.end(), chosen);
    footnote_used_[static_cast<std::size_t>(position - footnote_sources_.begin())] = true;
    add_citation(claim, chosen, label, false);
  }

  // A source the claim links to directly (`[nih+2](url)`) is cited, not listed, unless the
  // document lists the same work.
  void cite_link(const CitationEntry& link, std::size_t claim) {
    report_collapsed(link);
    SourceRecord source = source_of(link);
    auto [known, added] = by_identity_.try_emplace(source.identity.id(), 0);
    if (added) known->second = builder_.add_source(std::move(source), false);
    add_citation(claim, known->second, link.label, false, link.quote);
  }

  // Perplexity's chip `[webmd+2](url)` stands for three sources, only the first of which is linked.
  void report_collapsed(const CitationEntry& link) {
    const std::size_t plus = link.label.rfind('+');
    if (plus == std::string::npos || plus + 1 == link.label.size()) return;
    const std::string more = link.label.substr(plus + 1);
    if (more.find_first_not_of("0123456789") != std::string::npos) return;
    diagnostics_.push_back({Severity::warning, link.where,
                            "[" + link.label + "] stands for " + more +
                                " more source(s) that the copy does not name; only " + link.url +
                                " is linked",
                            "collapsed-sources"});
  }

  // `quote`: the text fragment of the URL the claim cites the source by; else that of the list's
  // entry. `inferred`: the marker was read from plain digits (a citation written as a marker
  // elsewhere for the same source makes it not inferred).
  void add_citation(std::size_t claim, std::size_t source, const std::string& label, bool ambiguous,
                    const std::string& quote = {}, bool inferred = false) {
    const bool first =
        builder_.claim(claim).citations.end() ==
        std::find_if(builder_.claim(claim).citations.begin(), builder_.claim(claim).citations.end(),
                     [&](const Citation& c) { return c.source == source; });
    Citation& citation = builder_.cite(claim, source);
    if (std::find(citation.markers.begin(), citation.markers.end(), label) ==
        citation.markers.end()) {
      citation.markers.push_back(label);
    }
    citation.ambiguous = citation.ambiguous || ambiguous;
    citation.inferred = first ? inferred : citation.inferred && inferred;
    const std::string* text = &quote;
    if (text->empty()) {
      auto listed = listed_quotes_.find(source);
      if (listed != listed_quotes_.end()) text = &listed->second;
    }
    add_quote(citation.quote, *text);
  }

  // Distinct quotes of one citation are kept, one a line.
  static void add_quote(std::string& quotes, const std::string& quote) {
    if (quote.empty()) return;
    for (std::size_t start = 0; start <= quotes.size();) {
      const std::size_t end = std::min(quotes.find('\n', start), quotes.size());
      if (std::string_view(quotes).substr(start, end - start) == quote) return;
      start = end + 1;
    }
    if (!quotes.empty()) quotes += '\n';
    quotes += quote;
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
      const SourceRecord& source = builder_.source(first + i);
      diagnostics_.push_back(
          {Severity::warning, source.where,
           "citation [" + source.label + "] is listed but never cited (" + shown(source) + ")",
           "unused-citation"});
    }
  }

  void report_unused_footnotes() {
    for (std::size_t i = 0; i < footnote_sources_.size(); ++i) {
      if (footnote_used_[i]) continue;
      const SourceRecord& source = builder_.source(footnote_sources_[i]);
      diagnostics_.push_back(
          {Severity::warning, source.where,
           "footnote [" + source.label + "] is defined but never cited (" + shown(source) + ")",
           "unused-citation"});
    }
  }

  EvidenceBuilder builder_;
  Diagnostics& diagnostics_;
  std::map<std::string, std::vector<std::size_t>> footnotes_;
  std::vector<std::size_t> footnote_sources_;
  std::vector<bool> footnote_used_;
  std::unordered_map<std::string, std::size_t> by_identity_;
  std::unordered_map<std::size_t, std::string> listed_quotes_;  // by source index
};

}  // namespace

Evidence extract(const Document& document, const Lexicon& lexicon, Diagnostics& diagnostics) {
  return Extractor(document, lexicon, diagnostics).run(document);
}

}  // namespace evgraph
