#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "evgraph/parse.hpp"
#include "parse/assistant_markers.hpp"
#include "parse/chars.hpp"
#include "parse/inline_text.hpp"
#include "parse/lines.hpp"
#include "parse/list_entries.hpp"
#include "parse/markers.hpp"
#include "parse/sections.hpp"

namespace evgraph {
namespace {

using parse::AssistantMarker;
using parse::AssistantMarkerKind;
using parse::CitationGroup;
using parse::has_letters;
using parse::is_space;
using parse::Line;
using parse::LineReader;
using parse::Paragraph;
using parse::trim;

// Whichever list entry was read last, so that a wrapped line can continue it.
enum class EntryKind { none, citation, footnote, annotation };

// `**[cite: 2, 49]** Title` in a References list: a title for numbers another list defines.
struct Annotation {
  std::string label;
  std::string title;
  std::vector<std::string> urls;
  Location where;
};

// A paragraph read but not yet split into claims: the headings above it, its indentation and
// whether it is a list item, which decide what it is (a claim, a label, a lead-in, a data line).
struct Pending {
  Paragraph paragraph;
  std::size_t headings = 0;  // index into the parser's heading paths
  std::size_t indent = 0;
  bool item = false;
};

// The claims one paragraph gave: [begin, end) of the block's claims.
struct ClaimRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// At most this many items complete a lead-in as one claim.
constexpr std::size_t kMaxJoinedItems = 12;
// At most this many labels and lead-ins, innermost, name a claim's section below its headings.
constexpr std::size_t kMaxSectionScopes = 6;

// Moves what `from` cites into `into`.
void absorb(ClaimSpan& into, ClaimSpan& from) {
  if (into.markers_where.line == 0) into.markers_where = from.markers_where;
  into.markers.insert(into.markers.end(), from.markers.begin(), from.markers.end());
  into.detached.insert(into.detached.end(), from.detached.begin(), from.detached.end());
  for (CitationEntry& link : from.links) into.links.push_back(std::move(link));
  into.inferred = into.inferred || from.inferred;
}

bool cites_nothing(const ClaimSpan& claim) {
  return claim.markers.empty() && claim.links.empty() && claim.detached.empty();
}

// The answer metadata a `key: value` line of front matter gives: `assistant`, `model`, `date`,
// `query` (or `prompt`); false for any other line.
bool read_metadata_line(std::string_view line, AnswerInfo& into) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return false;
  const std::string_view key = trim(line.substr(0, colon));
  std::string_view value = trim(line.substr(colon + 1));
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
      value.back() == value.front()) {
    value = value.substr(1, value.size() - 2);
  }
  std::string* field = key == "assistant"                  ? &into.assistant
                       : key == "model"                    ? &into.model
                       : key == "date"                     ? &into.date
                       : key == "query" || key == "prompt" ? &into.query
                                                           : nullptr;
  if (!field || value.empty()) return false;
  *field = std::string(value);
  return true;
}

// `key: value` (a YAML mapping line, the key a word).
bool is_mapping_line(std::string_view line) {
  const std::size_t colon = line.find(':');
  if (colon == 0 || colon == std::string_view::npos) return false;
  return std::all_of(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(colon), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
}

class AnswerParser {
 public:
  AnswerParser(const Text& text, Diagnostics& diagnostics)
      : text_(text),
        lines_(text),
        diagnostics_(diagnostics),
        first_diagnostic_(diagnostics.size()),
        bracketed_markers_(has_bracketed_markers(text.content())) {
    document_.name = text.name();
    for (std::size_t n = 2; n < lines_.front_matter_end(); ++n) {
      read_metadata_line(trim(text_.line(n)), file_info_);
    }
    answer_info_ = file_info_;
  }

  Document run() {
    while (auto line = lines_.next()) read_line(*line);
    finish_block();
    resolve_footnote_labels();
    report_assistant_markers();
    sort_diagnostics();
    return std::move(document_);
  }

 private:
  void read_line(const Line& line) {
    const bool follows_entry = previous_was_entry_;
    previous_was_entry_ = false;
    if (line.hidden || line.text.empty()) {
      if (!paragraph_.empty()) end_paragraph();
      return;
    }
    const std::string_view text = line.text;
    if (!text.starts_with('|')) table_header_.clear();
    if (auto label = parse::scan_entry_label(text); label && label->footnote) {
      read_entries(line, *label);
    } else if (parse::is_list_heading(text)) {
      pending_heading_ = locate(line.offset);
    } else if (auto heading = parse::scan_heading(text)) {
      pending_heading_.reset();
      if (!paragraph_.empty()) end_paragraph();
      set_heading(heading->level, std::move(heading->text));
    } else if (text == "---" && read_metadata_block(line)) {
      pending_heading_.reset();
    } else if (parse::is_structure(text)) {
      pending_heading_.reset();
    } else if (text.starts_with('|')) {
      read_table_row(line);
    } else if (label && starts_entry(text, *label)) {
      read_entries(line, *label);
    } else if (follows_entry && !label && continues_entry(line)) {
      continue_entry(line);
    } else if (in_list_context() && !label && parse::is_unlabelled_entry(text)) {
      read_unlabelled_entry(line);
    } else if (parse::is_page_chrome(text)) {
      if (!paragraph_.empty()) end_paragraph();
      diagnostics_.push_back({Severity::info, locate(line.offset),
                              "'" + std::string(text) +
                                  "' is a button or counter of the assistant's page, copied with "
                                  "the answer; not made a claim",
                              "page-chrome"});
    } else if (paragraph_.empty() && parse::may_be_setext_text(text) && setext_follows()) {
      set_heading(parse::setext_level(lines_.next()->text),
                  parse::section_part(parse::clean_claim(text)));
    } else {
      read_prose(line);
    }
  }

  bool setext_follows() {
    const auto next = lines_.peek();
    return next && !next->hidden && parse::setext_level(next->text) > 0;
  }

  // ---- sections -------------------------------------------------------------------------------

  // A second front matter (`---`, `assistant: Gemini`, `---`) between answers of one file starts
  // the next answer, described by it and by the file's own front matter.
  bool read_metadata_block(const Line& line) {
    constexpr std::size_t kMaxMetadataLines = 16;
    AnswerInfo info = file_info_;
    bool known = false;
    std::size_t n = line.number + 1;
    for (; n <= text_.line_count() && n <= line.number + kMaxMetadataLines; ++n) {
      const std::string_view raw = trim(text_.line(n));
      if (raw == "---") break;
      if (!is_mapping_line(raw)) return false;
      known = read_metadata_line(raw, info) || known;
    }
    if (!known || n > text_.line_count() || trim(text_.line(n)) != "---") return false;
    finish_block();
    while (lines_.peek() && lines_.peek()->number <= n) lines_.next();
    answer_info_ = std::move(info);
    answer_info_.where = locate(line.offset);
    answer_starts_ = true;
    return true;
  }

  void set_heading(int level, std::string text) {
    if (in_list_ || footnote_run_) {  // after an answer's list: the next answer's heading
      if (next_heading_.empty()) next_heading_ = text;
    } else if (answer_heading_.empty() && no_words(paragraph_) &&
               std::all_of(paragraphs_.begin(), paragraphs_.end(),
                           [](const Pending& pending) { return no_words(pending.paragraph); })) {
      answer_heading_ = text;  // above the answer's first words (an image or a tag may come first)
    }
    while (!headings_.empty() && headings_.back().first >= level) headings_.pop_back();
    headings_.emplace_back(level, std::move(text));
    heading_paths_.push_back(heading_path());
  }

  std::string heading_path() const {
    std::string path;
    for (const auto& [level, text] : headings_) {
      if (!path.empty()) path += parse::kSectionSeparator;
      path += text;
    }
    return path;
  }

  bool in_list_context() const { return in_list_ || pending_heading_.has_value(); }

  // Outside a list an entry needs its URL (`[1] url`, `(1) Title. url.`); inside one a numbered
  // title is an entry too.
  bool starts_entry(std::string_view text, const parse::EntryLabel& label) const {
    const std::string_view body = text.substr(label.end);
    if (in_list_context()) return label.bracketed || !parse::has_citations(body);
    return parse::has_entry_url(body) && (label.bracketed || !parse::has_citations(body));
  }

  // ---- citation lists -------------------------------------------------------------------------

  void open_list() {
    if (pending_heading_ && in_list_ && !block_.citations.empty()) finish_block();
    if (pending_heading_ && block_.list_heading.line == 0) block_.list_heading = *pending_heading_;
    pending_heading_.reset();
    in_list_ = true;
  }

  void read_entries(const Line& line, parse::EntryLabel label) {
    if (label.footnote) {
      footnote_run_ = true;
      pending_heading_.reset();
    } else {
      open_list();
    }
    if (!paragraph_.empty()) end_paragraph();
    const std::string_view text = line.text;
    while (true) {
      const std::size_t body_end =
          label.bracketed ? parse::next_bracket_label(text, label.end) : std::string_view::npos;
      const std::string_view body = text.substr(label.end, body_end - label.end);
      define(label, body, locate(line.offset + label.begin));
      if (body_end == std::string_view::npos) break;
      auto next = parse::scan_entry_label(text.substr(body_end));
      if (!next) break;
      next->begin += body_end;
      next->end += body_end;
      label = *next;
    }
    previous_was_entry_ = true;
  }

  void read_unlabelled_entry(const Line& line) {
    open_list();
    std::size_t start = 0;
    if (!parse::starts_with_url(line.text) && line.text.front() != '[') {
      start = 1;
      while (start < line.text.size() && is_space(line.text[start])) ++start;
    }
    parse::EntryLabel label;
    label.begin = label.end = start;
    label.label = std::to_string(block_.citations.size() + 1);
    define(label, line.text.substr(start), locate(line.offset + start));
    previous_was_entry_ = true;
  }

  void define(const parse::EntryLabel& label, std::string_view body, const Location& where) {
    parse::EntryBody entry = parse::read_entry_body(body);
    if (!entry.cites.empty() && !label.footnote) {
      for (std::string& cite : entry.cites) {
        annotations_.push_back({std::move(cite), entry.title, entry.urls, where});
      }
      last_entry_ = EntryKind::annotation;
      return;
    }
    if (entry.urls.empty() && !has_letters(entry.title)) {
      diagnostics_.push_back(
          {Severity::warning, where,
           "citation [" + label.label + "] has neither a URL nor a title; not made a source",
           "citation-without-url"});
      last_entry_ = EntryKind::none;
      return;
    }
    CitationEntry citation{label.label, {}, where, std::move(entry.title), {}, {}, {}};
    if (!entry.urls.empty()) {
      citation.url = std::move(entry.urls.front());
      citation.more_urls.assign(std::make_move_iterator(entry.urls.begin() + 1),
                                std::make_move_iterator(entry.urls.end()));
      citation.quote = parse::text_fragment_quote(citation.url);
    }
    take_accessed(citation);
    if (label.footnote) {
      check_duplicate(first_footnote_line_, "footnote [" + label.label + "]", label.label, where);
      document_.footnotes.push_back(std::move(citation));
      last_entry_ = EntryKind::footnote;
    } else {
      check_duplicate(first_definition_line_, "citation [" + label.label + "]", label.label, where);
      block_.citations.push_back(std::move(citation));
      last_entry_ = EntryKind::citation;
    }
  }

  void check_duplicate(std::unordered_map<std::string, std::size_t>& first_lines,
                       const std::string& what, const std::string& label, const Location& where) {
    auto [first, added] = first_lines.try_emplace(label, where.line);
    if (added) return;
    diagnostics_.push_back({Severity::warning, where,
                            what + " is defined twice in this list (first on line " +
                                std::to_string(first->second) + "); keeping both",
                            "duplicate-citation"});
  }

  // `Title, accessed March 3, 2025,` (Gemini Deep Research's Works cited): the date moves out of
  // the title.
  void take_accessed(CitationEntry& entry) {
    static constexpr std::string_view kAccessed = ", accessed ";
    const std::size_t at = entry.title.rfind(kAccessed);
    if (at == std::string::npos) return;
    const std::string date(
        parse::trim(std::string_view(entry.title).substr(at + kAccessed.size()), " \t,."));
    if (date.empty() || date.find_first_of("0123456789") == std::string::npos) return;
    entry.accessed = date;
    entry.title.resize(at);
    ++works_cited_accessed_;
  }

  CitationEntry* last_entry() {
    if (last_entry_ == EntryKind::citation && !block_.citations.empty()) {
      return &block_.citations.back();
    }
    if (last_entry_ == EntryKind::footnote && !document_.footnotes.empty()) {
      return &document_.footnotes.back();
    }
    return nullptr;
  }

  // A wrapped entry: more of its title or a second URL on an indented line, the URL of a title,
  // or the rest of a URL broken after a `/`.
  bool continues_entry(const Line& line) {
    const CitationEntry* entry = last_entry();
    if (!entry) return false;
    if (line.indented || (entry->url.empty() && parse::starts_with_url(line.text))) return true;
    return continues_url(*entry, line.text);
  }

  static bool continues_url(const CitationEntry& entry, std::string_view text) {
    const std::string& url = entry.more_urls.empty() ? entry.url : entry.more_urls.back();
    return !url.empty() && std::string_view("/-_?&=").find(url.back()) != std::string_view::npos &&
           text.find_first_of(" \t") == std::string_view::npos;
  }

  void continue_entry(const Line& line) {
    CitationEntry& entry = *last_entry();
    previous_was_entry_ = true;
    if (!parse::starts_with_url(line.text) && continues_url(entry, line.text)) {
      (entry.more_urls.empty() ? entry.url : entry.more_urls.back()) += line.text;
      return;
    }
    parse::EntryBody more = parse::read_entry_body(line.text);
    if (!more.title.empty()) entry.title += (entry.title.empty() ? "" : " ") + more.title;
    for (std::string& url : more.urls) {
      if (entry.url.empty()) {
        entry.url = std::move(url);
      } else {
        entry.more_urls.push_back(std::move(url));
      }
    }
  }

  // Titles from `[cite: n]` annotations go to the entries numbered n; an annotation no entry
  // matches is an entry of its own (a source known by its title).
  void merge_annotations() {
    std::unordered_map<std::string, std::size_t> by_label;
    for (std::size_t i = 0; i < block_.citations.size(); ++i) {
      by_label.try_emplace(block_.citations[i].label, i);
    }
    for (Annotation& note : annotations_) {
      auto found = by_label.find(note.label);
      if (found == by_label.end()) {
        CitationEntry entry{note.label, {}, note.where, std::move(note.title), {}, {}, {}};
        if (!note.urls.empty()) entry.url = note.urls.front();
        block_.citations.push_back(std::move(entry));
        continue;
      }
      CitationEntry& entry = block_.citations[found->second];
      if (entry.title.empty() || entry.title.find(' ') == std::string::npos) {
        entry.title = std::move(note.title);
      }
    }
    annotations_.clear();
  }

  // ---- prose ----------------------------------------------------------------------------------

  void read_prose(const Line& line) {
    pending_heading_.reset();
    if (in_list_ || footnote_run_) finish_block();
    if (!paragraph_.empty() && !parse::runs_on(last_prose_, line.text)) {
      end_paragraph();
    }
    if (paragraph_.empty()) start_paragraph(line.indent, is_list_item(line.text));
    if (!paragraph_.empty()) paragraph_.append_synthetic("\n");
    paragraph_.append(line.text, line.offset);
    last_prose_ = line.text;
  }

  // Nothing but spaces and HTML tags (a logo copied with the page).
  static bool no_words(const Paragraph& paragraph) {
    const std::string_view text = paragraph.text();
    for (std::size_t i = 0; i < text.size();) {
      if (const std::size_t tag = parse::html_tag(text, i)) {
        i += tag;
      } else if (is_space(text[i])) {
        ++i;
      } else {
        return false;
      }
    }
    return true;
  }

  static bool is_list_item(std::string_view text) {
    if (parse::is_bullet(text)) return true;
    const std::size_t end = parse::number_end(text, 0, parse::kMaxNumberingDigits);
    return end != std::string_view::npos && end + 1 < text.size() &&
           (text[end] == '.' || text[end] == ')') && is_space(text[end + 1]);
  }

  void start_paragraph(std::size_t indent, bool item) {
    meta_.headings = heading_paths_.size() - 1;
    meta_.indent = indent;
    meta_.item = item;
  }

  void end_paragraph() {
    paragraphs_.push_back({std::move(paragraph_), meta_.headings, meta_.indent, meta_.item});
    paragraph_ = Paragraph{};
    meta_ = Pending{};
  }

  // A table row is a paragraph of its own: its cells joined; the header row and `|---|` rules
  // are structure.
  void read_table_row(const Line& line) {
    pending_heading_.reset();
    if (in_list_ || footnote_run_) finish_block();
    if (!paragraph_.empty()) end_paragraph();
    if (parse::is_table_rule(line.text)) return;
    if (auto next = lines_.peek(); next && parse::is_table_rule(next->text)) {
      table_header_.clear();
      for (const std::string_view cell : parse::table_cells(line.text)) {
        table_header_.push_back(parse::clean_title(cell));
      }
      return;
    }
    start_paragraph(0, false);
    // A row of a few words (`| Walking | Better mood [^1] |`) says what it says under its
    // columns' names: `Group: Walking; Effect: Better mood`.
    const bool named = parse::table_cells(line.text).size() > 1 &&
                       parse::table_row_words(line.text) < parse::kFragmentWords;
    parse::append_table_cells(paragraph_, line.text, line.offset, named ? &table_header_ : nullptr);
    if (!paragraph_.empty()) end_paragraph();
  }

  // ---- claims ---------------------------------------------------------------------------------

  // A claim being read: its text so far, where it starts, and the scholarly links in it (`a [2019
  // cohort study](https://doi.org/…) found`), which it cites where they stand.
  struct Draft {
    std::string text;
    std::size_t begin = std::string_view::npos;
    std::vector<parse::Link> links;
  };

  // Whether the byte at `pos` starts nothing the scanners below read (a marker or link, inline
  // markup, a URL, digits, a superscript): such bytes are copied in runs.
  static bool plain_at(std::string_view s, std::size_t pos) {
    static constexpr std::string_view kStarts = "([\\`<&!*_~";
    const char c = s[pos];
    if (static_cast<unsigned char>(c) >= 0x80 || parse::is_digit(c)) return false;
    if (c == 'h') return !s.substr(pos).starts_with("http");
    if (parse::may_start_assistant_marker(s, pos)) return false;
    return kStarts.find(c) == std::string_view::npos;
  }

  // Splits one paragraph into claims, each ending with its citation group.
  void read_paragraph(const Paragraph& paragraph, bool superscripts) {
    const std::string_view s = paragraph.text();
    Draft draft;
    claims_in_paragraph_ = 0;
    for (std::size_t pos = 0; pos < s.size();) {
      if (plain_at(s, pos)) {
        std::size_t end = pos + 1;
        while (end < s.size() && plain_at(s, end)) ++end;
        if (draft.begin == std::string_view::npos) {
          for (std::size_t at = pos; at < end; ++at) {
            if (!is_space(s[at])) {
              draft.begin = at;
              break;
            }
          }
        }
        draft.text.append(s.substr(pos, end - pos));
        pos = end;
        continue;
      }
      if (auto marker = parse::scan_assistant_marker(s, pos)) {
        note_marker(*marker, paragraph);
        pos = marker->end;
        if (marker->kind == AssistantMarkerKind::entity) {
          if (draft.begin == std::string_view::npos) draft.begin = marker->begin;
          draft.text += marker->shown;
        } else if (!marker->labels.empty()) {
          CitationGroup group{marker->begin, marker->end, {}, {}, {}, {}};
          const bool bare = marker->kind == AssistantMarkerKind::bare_oai_citation;
          const bool lost = bare && !lists(marker->labels.front());
          if (lost) marker->labels.front().insert(0, "oai_citation:");
          if (marker->kind == AssistantMarkerKind::numbered_bracket || (bare && !lost)) {
            group.labels = marker->labels;
          } else {
            group.detached = marker->labels;
          }
          pos = parse::take_closing_punctuation(s, pos, draft.text);
          add_claim(draft, paragraph, &group, false);
          draft = Draft{};
          if (lost) report_lost_link(*marker, paragraph);  // after the claim: locations go forward
        }
        continue;
      }
      if (inferring_) {
        if (auto digits = scan_inferred_digits(s, pos)) {
          if (counts_[kInferred] == 0) first_inferred_ = locate(paragraph.source_offset(pos));
          note_group(*digits, s);
          add_claim(draft, paragraph, &*digits, false);
          draft = Draft{};
          pos = digits->end;
          continue;
        }
      }
      if (auto group = parse::scan_citation_group(s, pos, draft.text, superscripts)) {
        if (draft.begin == std::string_view::npos && !group->text.empty()) draft.begin = pos;
        draft.text.append(group->text);
        const std::size_t label = parse::source_label_start(draft.text);
        const bool source_line = label != std::string_view::npos;
        pos = parse::take_closing_punctuation(s, group->end, draft.text);
        if (source_line) draft.text.resize(label);  // `… Kaggle. Source: [url].`: both go
        note_group(*group, s);
        add_claim(draft, paragraph, &*group, source_line);
        draft = Draft{};
        continue;
      }
      if (const std::size_t end = parse::scan_oversized_marker(s, pos, draft.text)) {
        oversized_.push_back({pos, end});  // reported after the paragraph's claims
        if (draft.begin == std::string_view::npos) draft.begin = pos;
        draft.text.append(s.substr(pos, end - pos));  // kept as the claim's text
        pos = end;
        continue;
      }
      if (auto link = parse::scan_link(s, pos);
          link && parse::link_role(*link) == parse::LinkRole::scholarly) {
        draft.links.push_back(*link);
      }
      const std::size_t next = parse::copy_inline(s, pos, draft.text);
      if (next > pos) {
        if (draft.begin == std::string_view::npos && !trim(draft.text).empty()) draft.begin = pos;
        pos = next;
        continue;
      }
      if (auto stray = parse::scan_stray_digits(s, pos)) {
        strays_.push_back({stray->begin, stray->end});  // reported after the paragraph's claims
        pos = stray->end;
        continue;
      }
      if (draft.begin == std::string_view::npos && !is_space(s[pos])) draft.begin = pos;
      draft.text += s[pos++];
    }
    add_claim(draft, paragraph, nullptr, false);
    // Located in order after the claims, so that locating stays linear on a long line.
    for (const auto& [begin, end] : oversized_) {
      report_oversized_marker(s.substr(begin, end - begin), paragraph.source_offset(begin));
    }
    oversized_.clear();
    for (const auto& [begin, end] : strays_) {
      report_stray_digits(s.substr(begin, end - begin), paragraph.source_offset(begin));
    }
    strays_.clear();
  }

  // `source_line`: the group followed a `Source:` label, so with no claim text before it in its
  // paragraph it cites the claim before it in the block.
  void add_claim(const Draft& draft, const Paragraph& paragraph, const CitationGroup* group,
                 bool source_line) {
    std::string cleaned = parse::clean_claim(draft.text);
    if (!has_letters(cleaned)) {  // its citations, if any, go to the claim before it
      CitationGroup orphans = group ? *group : CitationGroup{};
      if (!group && !draft.links.empty()) orphans.begin = draft.links.front().begin;
      orphans.links.insert(orphans.links.begin(), draft.links.begin(), draft.links.end());
      if (!orphans.labels.empty() || !orphans.links.empty() || !orphans.detached.empty()) {
        attach_to_previous_claim(paragraph, orphans, source_line);
      }
      return;
    }
    const std::size_t start = draft.begin == std::string_view::npos ? 0 : draft.begin;
    ClaimSpan claim{
        std::move(cleaned), locate(paragraph.source_offset(start)), {}, {}, {}, {}, false, {}};
    for (const parse::Link& link : draft.links) add_link(claim, paragraph, link);
    if (group) add_citations(claim, paragraph, *group);
    block_.claims.push_back(std::move(claim));
    ++claims_in_paragraph_;
  }

  void add_citations(ClaimSpan& claim, const Paragraph& paragraph, const CitationGroup& group) {
    if (!group.labels.empty() && claim.markers_where.line == 0) {
      claim.markers_where = locate(paragraph.source_offset(group.begin));
    }
    claim.markers.insert(claim.markers.end(), group.labels.begin(), group.labels.end());
    claim.detached.insert(claim.detached.end(), group.detached.begin(), group.detached.end());
    if (inferring_ && !group.labels.empty()) claim.inferred = true;
    for (const parse::Link& link : group.links) add_link(claim, paragraph, link);
  }

  // A linked source is cited under its label, which is among the claim's markers too.
  // An `oai_citation` link or a link with a title (`[1](url "Title")`) names its source's title.
  void add_link(ClaimSpan& claim, const Paragraph& paragraph, const parse::Link& link) {
    std::string label = parse::link_words(parse::link_label(link));
    claim.markers.push_back(label);
    std::string title(link.title);
    if (auto oai = parse::oai_citation_title(link.text)) {
      title = parse::link_words(*oai);
      ++counts_[kOaiLinks];  // an oai_citation link is not counted again as a chip
    } else {
      if (!link.title.empty()) ++counts_[kTitledLinks];
      if (parse::is_chatgpt_chip(link)) ++counts_[kChatgptChips];
    }
    claim.links.push_back({std::move(label),
                           std::string(link.target),
                           locate(paragraph.source_offset(link.begin)),
                           std::move(title),
                           {},
                           {},
                           parse::text_fragment_quote(link.target)});
  }

  // A group with no words before it (`Claim.[1], [2]`) belongs to the claim before it in the
  // same paragraph (or, after `Source:`, in the block); with no such claim it is reported.
  void attach_to_previous_claim(const Paragraph& paragraph, const CitationGroup& group,
                                bool source_line) {
    if (claims_in_paragraph_ > 0 || (source_line && !block_.claims.empty())) {
      add_citations(block_.claims.back(), paragraph, group);
      return;
    }
    std::string labels;
    for (const std::string& label : group.labels) labels += "[" + label + "]";
    for (const std::string& label : group.detached) labels += "[" + label + "]";
    for (const parse::Link& link : group.links) {
      labels += "[" + parse::link_words(parse::link_label(link)) + "]";
    }
    if (labels.size() > 40) labels = labels.substr(0, 37) + "...";
    diagnostics_.push_back(
        {Severity::warning, locate(paragraph.source_offset(group.begin)),
         "citation markers " + labels + " with no claim text before them; not linked to a claim",
         "marker-without-claim"});
  }

  void report_oversized_marker(std::string_view bracket, std::size_t offset) {
    const std::size_t digits = bracket.size() - 2;
    const std::string shown =
        digits > 12 ? std::string(bracket.substr(0, 7)) + "\u2026]" : std::string(bracket);
    diagnostics_.push_back({Severity::warning, locate(offset),
                            "'" + shown + "' holds a number of " + std::to_string(digits) +
                                " digits, more than a citation marker has (at most " +
                                std::to_string(parse::kMaxLabelDigits) +
                                "); kept as text, not read as a marker",
                            "oversized-marker"});
  }

  void report_stray_digits(std::string_view digits, std::size_t offset) {
    diagnostics_.push_back(
        {Severity::warning, locate(offset),
         "stray digits '" + std::string(digits) +
             "' after sentence punctuation look like flattened superscript citations; removed "
             "from the claim, not linked (restore them as [n] markers to link them)",
         "flattened-superscript"});
  }

  // ---- assistants' own citation forms ----------------------------------------------------------

  // Whether the block's list defines `label` (the list's labels gathered once a block).
  bool lists(const std::string& label) {
    if (!listed_ready_) {
      for (const CitationEntry& entry : block_.citations) listed_.insert(entry.label);
      listed_ready_ = true;
    }
    return listed_.contains(label);
  }

  // `oai_citation:3‡PubMed` whose link was lost and that no list resolves (labelled
  // `oai_citation:3`, a detached marker of its claim): reported with its title.
  void report_lost_link(const AssistantMarker& marker, const Paragraph& paragraph) {
    const std::string& label = marker.labels.front();
    const std::string shown = label + (marker.shown.empty() ? "" : "\u2021" + marker.shown);
    diagnostics_.push_back(
        {Severity::warning, locate(paragraph.source_offset(marker.begin)),
         "ChatGPT citation '" + shown + "' lost its link in the copy" +
             (marker.shown.empty() ? "" : ": the source '" + marker.shown + "'") +
             " cannot be resolved without its URL and no list defines [" + label.substr(13) +
             "]; removed from the claim, not linked",
         "unresolved-marker"});
  }

  // `[1]`, `[1, 2]`, `[^1]`, `[cite: 1]` anywhere in the text (one bracket's opening looked at,
  // so a line of a million brackets stays linear).
  static bool has_bracketed_markers(std::string_view text) {
    for (std::size_t at = text.find('['); at != std::string_view::npos;
         at = text.find('[', at + 1)) {
      const std::string_view rest = text.substr(at + 1);
      if (rest.starts_with('^') || parse::starts_with_ignoring_case(rest, "cite:")) return true;
      const std::size_t end = parse::number_end(rest, 0);
      if (end != std::string_view::npos && end < rest.size() &&
          std::string_view("],-").find(rest[end]) != std::string_view::npos) {
        return true;
      }
    }
    return false;
  }

  // `men.1 Veterans`, `programmes.2,3`: plain digits (groups joined by commas) after sentence
  // punctuation that ends a word, before white space or the end of the paragraph.
  static std::optional<CitationGroup> scan_inferred_digits(std::string_view s, std::size_t pos) {
    static constexpr std::string_view kPunctuation = ".,;:!?";
    if (pos < 2 || !parse::is_digit(s[pos]) ||
        kPunctuation.find(s[pos - 1]) == std::string_view::npos ||
        !(parse::is_alpha(s[pos - 2]) || s[pos - 2] == ')' || s[pos - 2] == '"')) {
      return std::nullopt;
    }
    CitationGroup group{pos, pos, {}, {}, {}, {}};
    std::size_t i = pos;
    while (true) {
      const std::size_t end = parse::number_end(s, i, parse::kMaxNumberingDigits);
      if (end == std::string_view::npos) return std::nullopt;
      group.labels.emplace_back(s.substr(i, end - i));
      i = end;
      if (i + 1 < s.size() && s[i] == ',' && parse::is_digit(s[i + 1])) {
        ++i;
        continue;
      }
      break;
    }
    if (i < s.size() && !is_space(s[i])) return std::nullopt;
    group.end = i;
    return group;
  }

  // Gemini Deep Research's plain-digit superscripts are read as markers only when the document
  // has no bracketed markers and every digit group of the block resolves in its list.
  bool may_infer_digits() const {
    if (bracketed_markers_ || block_.citations.empty()) return false;
    std::unordered_set<std::string> listed;
    for (const CitationEntry& entry : block_.citations) listed.insert(entry.label);
    std::size_t groups = 0;
    for (const Pending& pending : paragraphs_) {
      const std::string_view s = pending.paragraph.text();
      for (std::size_t pos = 0; pos < s.size(); ++pos) {
        auto digits = scan_inferred_digits(s, pos);
        if (!digits) continue;
        for (const std::string& label : digits->labels) {
          if (!listed.contains(label)) return false;
        }
        ++groups;
        pos = digits->end;
      }
    }
    return groups > 0;
  }

  // What the recognised() summary counts.
  enum Count : std::size_t {
    kOaiLinks = parse::kAssistantMarkerKinds,
    kChatgptChips,
    kTitledLinks,
    kCopilotFootnotes,
    kGeminiCites,
    kInferred,
    kCounts
  };

  void note_marker(const AssistantMarker& marker, const Paragraph& paragraph) {
    const auto kind = static_cast<std::size_t>(marker.kind);
    if (counts_[kind]++ == 0) first_marker_[kind] = locate(paragraph.source_offset(marker.begin));
  }

  void note_group(const CitationGroup& group, std::string_view s) {
    const std::string_view span = s.substr(group.begin, group.end - group.begin);
    for (std::size_t at = span.find("^]"); at != std::string_view::npos;
         at = span.find("^]", at + 2)) {
      ++counts_[kCopilotFootnotes];
    }
    for (std::size_t at = span.find("[cite:"); at != std::string_view::npos;
         at = span.find("[cite:", at + 6)) {
      ++counts_[kGeminiCites];
    }
    if (inferring_) counts_[kInferred] += group.labels.size();
  }

  // One diagnostic per kind of marker whose target the copied text does not carry, with the
  // count and the first; and the summary of what was recognised.
  void report_assistant_markers() {
    struct Lost {
      AssistantMarkerKind kind;
      std::string_view what;
    };
    static constexpr std::array<Lost, 5> kLost = {{
        {AssistantMarkerKind::cite_turn, "ChatGPT citation marker(s) (cite turn0search0)"},
        {AssistantMarkerKind::file_cite, "ChatGPT file citation marker(s) (filecite)"},
        {AssistantMarkerKind::content_reference, "ChatGPT :contentReference[oaicite:n] marker(s)"},
        {AssistantMarkerKind::source_bracket, "ChatGPT \u3010n\u2020source\u3011 marker(s)"},
        {AssistantMarkerKind::widget, "ChatGPT widget marker(s) (images, lists, maps)"},
    }};
    for (const Lost& lost : kLost) {
      const auto kind = static_cast<std::size_t>(lost.kind);
      if (counts_[kind] == 0) continue;
      const bool widget = lost.kind == AssistantMarkerKind::widget;
      diagnostics_.push_back(
          {Severity::warning, first_marker_[kind],
           std::to_string(counts_[kind]) + " " + std::string(lost.what) +
               (widget ? " removed from the text; what they showed is not in the copy"
                       : " name sources the copied text does not carry; removed from the "
                         "claims, not linked") +
               " (export the conversation (conversations.json) to keep its sources)",
           widget ? "assistant-widget" : "detached-citation"});
    }
    if (counts_[kInferred] > 0) {
      diagnostics_.push_back(
          {Severity::info, first_inferred_,
           std::to_string(counts_[kInferred]) +
               " citation(s) inferred from plain digits after sentences (Gemini Deep Research "
               "superscripts): the document has no bracketed markers and every digit resolves "
               "in its Works cited list; their cites edges are marked inferred",
           "inferred-citations"});
    }
    document_.recognised = recognised();
  }

  std::string recognised() const {
    std::string out;
    // Each item: what it counts, its name for one and for several.
    struct Item {
      std::size_t index;
      std::string_view one;
      std::string_view many;
    };
    auto section = [&](std::string_view name, std::initializer_list<Item> items) {
      std::string part;
      for (const Item& item : items) {
        const std::size_t n = counts_[item.index];
        if (n == 0) continue;
        part += (part.empty() ? "" : ", ") + std::to_string(n) + " " +
                std::string(n == 1 ? item.one : item.many);
      }
      if (part.empty()) return;
      out += (out.empty() ? "" : "; ") + std::string(name) + ": " + part;
    };
    auto kind = [](AssistantMarkerKind k) { return static_cast<std::size_t>(k); };
    section("ChatGPT copy",
            {{kOaiLinks, "oai_citation link", "oai_citation links"},
             {kChatgptChips, "source chip", "source chips"},
             {kind(AssistantMarkerKind::content_reference), "contentReference marker",
              "contentReference markers"},
             {kind(AssistantMarkerKind::source_bracket), "\u3010\u2020\u3011 marker",
              "\u3010\u2020\u3011 markers"},
             {kind(AssistantMarkerKind::numbered_bracket), "\u3010n\u3011 marker",
              "\u3010n\u3011 markers"},
             {kind(AssistantMarkerKind::bare_oai_citation), "oai_citation without its link",
              "oai_citations without their links"},
             {kind(AssistantMarkerKind::cite_turn), "cite turn marker", "cite turn markers"},
             {kind(AssistantMarkerKind::file_cite), "filecite marker", "filecite markers"},
             {kind(AssistantMarkerKind::entity), "entity name", "entity names"},
             {kind(AssistantMarkerKind::widget), "widget", "widgets"}});
    if (works_cited_accessed_ > 0 || counts_[kInferred] > 0) {
      std::string part = works_cited_accessed_ > 0 ? "Works cited list" : "";
      if (counts_[kInferred] > 0) {
        part += (part.empty() ? "" : ", ") + std::to_string(counts_[kInferred]) +
                (counts_[kInferred] == 1 ? " inferred superscript" : " inferred superscripts");
      }
      out += (out.empty() ? "" : "; ") + std::string("Gemini Deep Research: ") + part;
    }
    section("Gemini",
            {{kGeminiCites, "[cite] marker", "[cite] markers"},
             {kind(AssistantMarkerKind::cite_start), "[cite_start] tag", "[cite_start] tags"}});
    section("Copilot", {{kCopilotFootnotes, "[^n^] marker", "[^n^] markers"},
                        {kTitledLinks, "titled link", "titled links"}});
    return out;
  }

  // ---- blocks and the document ----------------------------------------------------------------

  void finish_block() {
    if (!paragraph_.empty()) end_paragraph();
    merge_annotations();
    const bool superscripts = !block_.citations.empty();
    inferring_ = may_infer_digits();
    std::vector<ClaimRange> ranges;
    for (const Pending& pending : paragraphs_) {
      const std::size_t begin = block_.claims.size();
      read_paragraph(pending.paragraph, superscripts);
      ranges.push_back({begin, block_.claims.size()});
    }
    shape_claims(ranges);
    inferring_ = false;
    paragraphs_.clear();
    in_list_ = false;
    last_entry_ = EntryKind::none;
    first_definition_line_.clear();
    first_footnote_line_.clear();
    const bool ends_answer = footnote_run_ || !block_.citations.empty();
    footnote_run_ = false;
    listed_.clear();
    listed_ready_ = false;
    if (block_.claims.empty() && block_.citations.empty() && block_.list_heading.line == 0) return;
    // A block ended by its citation list or footnotes is an answer; one that is not (the
    // assistant's last remark after its list) belongs to the answer before it.
    if (document_.answers.empty() || answer_starts_ || ends_answer) {
      AnswerInfo& answer = document_.answers.emplace_back(answer_info_);
      answer.heading = std::move(answer_heading_);
      if (answer.where.line == 0) {
        answer.where = block_.claims.empty() ? block_.list_heading : block_.claims.front().where;
        if (answer.where.line == 0 && !block_.citations.empty()) {
          answer.where = block_.citations.front().where;
        }
      }
      answer_info_ = file_info_;
      answer_starts_ = false;
    }
    answer_heading_ = std::move(next_heading_);
    next_heading_.clear();
    block_.answer = document_.answers.size();
    block_.number = document_.blocks.size() + 1;
    document_.blocks.push_back(std::move(block_));
    block_ = Block{};
  }

  // What each paragraph's claims are: a heading-like label or a short lead-in becomes the section
  // of what follows it, a lead-in and the short items that complete it one claim, a data line
  // (`Size: [662]`) part of the claim before it; every claim gets its section.
  void shape_claims(const std::vector<ClaimRange>& ranges) {
    std::vector<ClaimSpan> claims = std::move(block_.claims);
    block_.claims.clear();
    const std::size_t n = paragraphs_.size();
    auto same_headings = [&](std::size_t i, std::size_t j) {
      return paragraphs_[i].headings == paragraphs_[j].headings;
    };
    auto sole_plain = [&](std::size_t i) -> ClaimSpan* {
      const ClaimRange r = ranges[i];
      return r.end - r.begin == 1 && cites_nothing(claims[r.begin]) ? &claims[r.begin] : nullptr;
    };
    auto is_label = [&](std::size_t i) {
      const ClaimSpan* claim = sole_plain(i);
      return claim && parse::is_label_text(claim->text);
    };
    // Labels and lead-ins over the paragraphs deeper than them (or, for a lead-in that is not a
    // list item, its items at its own depth), innermost last; each pushed and popped once.
    struct Scope {
      std::size_t paragraph;
      std::string part;
      bool same_depth;
    };
    std::vector<Scope> scopes;
    auto in_scope = [&](const Scope& scope, std::size_t j) {
      const Pending& owner = paragraphs_[scope.paragraph];
      return same_headings(scope.paragraph, j) &&
             (paragraphs_[j].indent > owner.indent || (scope.same_depth && paragraphs_[j].item));
    };
    auto section_of = [&](std::size_t i) {
      std::string section = heading_paths_[paragraphs_[i].headings];
      auto add = [&](const std::string& part) {
        if (part.empty()) return;
        if (!section.empty()) section += parse::kSectionSeparator;
        section += part;
      };
      if (label_headings_ == paragraphs_[i].headings) add(label_);
      const std::size_t shown = std::min(scopes.size(), kMaxSectionScopes);
      for (std::size_t k = scopes.size() - shown; k < scopes.size(); ++k) add(scopes[k].part);
      return section;
    };
    auto cover = [&](std::size_t i, std::string part, bool same_depth) {
      scopes.push_back({i, std::move(part), same_depth});
    };
    for (std::size_t i = 0; i < n; ++i) {
      const Pending& pending = paragraphs_[i];
      if (label_headings_ != pending.headings) label_.clear();
      while (!scopes.empty() && !in_scope(scopes.back(), i)) scopes.pop_back();
      const ClaimRange range = ranges[i];
      if (range.begin == range.end) continue;
      ClaimSpan& last = claims[range.end - 1];
      if (last.text.ends_with(':')) {
        // The items that complete the lead-in: list items below it, at one depth.
        std::vector<std::size_t> run;
        bool nested = false;
        bool short_item = false;
        for (std::size_t j = i + 1;
             j < n && paragraphs_[j].item && same_headings(i, j) && run.size() <= kMaxJoinedItems;
             ++j) {
          const std::size_t indent = paragraphs_[j].indent;
          if (pending.item ? indent <= pending.indent : indent < pending.indent) break;
          if (!run.empty() && indent < paragraphs_[run.front()].indent) break;
          if (!run.empty() && indent > paragraphs_[run.front()].indent) {
            nested = true;
            break;
          }
          run.push_back(j);
          std::string words;
          for (std::size_t k = ranges[j].begin; k < ranges[j].end; ++k) {
            words += claims[k].text + " ";
          }
          short_item = short_item || (ranges[j].begin < ranges[j].end &&
                                      parse::word_count(words) < parse::kFragmentWords);
        }
        if (!run.empty() && !nested && short_item && run.size() <= kMaxJoinedItems) {
          for (std::size_t k = range.begin; k + 1 < range.end; ++k) emit(claims[k], section_of(i));
          std::vector<std::string> items;
          for (const std::size_t j : run) {
            std::string item;
            for (std::size_t k = ranges[j].begin; k < ranges[j].end; ++k) {
              item += (item.empty() ? "" : " ") + claims[k].text;
              absorb(last, claims[k]);
            }
            if (!item.empty()) items.push_back(std::move(item));
          }
          last.text = parse::join_lead_in(last.text, items);
          emit(last, section_of(i));
          i = run.back();
          continue;
        }
        if (!run.empty() && sole_plain(i) && parse::word_count(last.text) < parse::kFragmentWords) {
          cover(i, parse::section_part(last.text), !pending.item);
          continue;
        }
      }
      if (is_label(i)) {
        const std::string part = parse::section_part(last.text);
        if (i + 1 < n && same_headings(i, i + 1) && paragraphs_[i + 1].indent > pending.indent) {
          cover(i, part, false);
          continue;
        }
        if (!pending.item) {
          if (i + 1 < n && same_headings(i, i + 1) && !is_label(i + 1)) {
            label_ = part;
            label_headings_ = pending.headings;
            continue;
          }
          // With nothing under it, only a title (`Calling the Matrix Multiplication`) or a line of
          // wikilinks (`[[Med roots]]`) is a heading; other short text stays a claim.
          const std::string_view raw = parse::trim(pending.paragraph.text());
          if (parse::is_title_case(part) || (raw.starts_with("[[") && raw.ends_with("]]"))) {
            diagnostics_.push_back({Severity::info, last.where,
                                    "'" + last.text +
                                        "' reads as a heading or label with no statement under "
                                        "it; not made a claim",
                                    "label-without-claims"});
            continue;
          }
        }
      }
      // A data line under an entry (`1. **CT Kidney**` / `- Size: [12,466]`) is part of the
      // entry's claim before it.
      if (pending.item && !scopes.empty() && range.end - range.begin == 1 &&
          parse::is_data_text(last.text) && !block_.claims.empty() &&
          block_.claims.back().section == section_of(i)) {
        ClaimSpan& entry = block_.claims.back();
        if (!entry.text.empty() &&
            std::string_view(".!?;").find(entry.text.back()) == std::string_view::npos) {
          entry.text += ';';
        }
        entry.text += " " + last.text;
        absorb(entry, last);
        continue;
      }
      for (std::size_t k = range.begin; k < range.end; ++k) emit(claims[k], section_of(i));
    }
  }

  void emit(ClaimSpan& claim, std::string section) {
    claim.section = std::move(section);
    block_.claims.push_back(std::move(claim));
  }

  // `[^2]` is a Markdown footnote when the document defines `[^2]:`; otherwise (`[^2]` or Bing's
  // `[^2^]` against a `[2] url` list) it is the list's number 2.
  void resolve_footnote_labels() {
    std::unordered_set<std::string> footnotes;
    for (const CitationEntry& entry : document_.footnotes) footnotes.insert(entry.label);
    for (Block& block : document_.blocks) {
      std::unordered_set<std::string> listed;
      for (const CitationEntry& entry : block.citations) listed.insert(entry.label);
      for (ClaimSpan& claim : block.claims) {
        for (std::string& label : claim.markers) {
          if (!label.starts_with('^') || footnotes.contains(label)) continue;
          if (footnotes.empty() || listed.contains(label.substr(1))) label.erase(0, 1);
        }
      }
    }
  }

  void sort_diagnostics() {
    std::stable_sort(diagnostics_.begin() + static_cast<std::ptrdiff_t>(first_diagnostic_),
                     diagnostics_.end(), [](const Diagnostic& a, const Diagnostic& b) {
                       return std::pair(a.where.line, a.where.column) <
                              std::pair(b.where.line, b.where.column);
                     });
  }

  // Text::locate, but counting on from the previous call when it is further along the same line,
  // so that many claims on one long line stay linear.
  Location locate(std::size_t offset) {
    const bool same_line =
        cached_.line != 0 && offset >= cached_offset_ &&
        (cached_.line == text_.line_count() || offset < text_.line_start(cached_.line + 1));
    if (!same_line) {
      cached_ = text_.locate(offset);
    } else {
      const std::string_view content = text_.content();
      for (std::size_t i = cached_offset_; i < offset; ++i) {
        if ((static_cast<unsigned char>(content[i]) & 0xC0) != 0x80) ++cached_.column;
      }
    }
    cached_offset_ = offset;
    return cached_;
  }

  const Text& text_;
  LineReader lines_;
  Diagnostics& diagnostics_;
  std::size_t first_diagnostic_;
  Document document_;
  Block block_;
  Paragraph paragraph_;
  std::string_view last_prose_;
  std::vector<Pending> paragraphs_;
  Pending meta_;  // paragraph_'s section, indent and whether it is a list item
  std::vector<std::pair<int, std::string>> headings_;  // the heading path, outermost first
  std::string label_;                          // the label line the paragraphs below it stand under
  std::size_t label_headings_ = 0;             // the heading path the label belongs to
  std::vector<std::string> heading_paths_{1};  // every heading path so far, "" first
  std::vector<std::string> table_header_;
  std::vector<Annotation> annotations_;
  AnswerInfo file_info_;        // what the front matter on line 1 says of every answer
  AnswerInfo answer_info_;      // what is known of the next answer
  std::string answer_heading_;  // the first heading since the last block, before its prose
  std::string next_heading_;    // the first heading after the open block's list
  bool answer_starts_ = false;  // a front matter between answers: the next block is a new answer
  std::optional<Location> pending_heading_;
  bool in_list_ = false;
  bool footnote_run_ = false;  // footnote definitions since the last prose: the answer ended
  bool previous_was_entry_ = false;
  EntryKind last_entry_ = EntryKind::none;
  std::size_t claims_in_paragraph_ = 0;
  std::unordered_map<std::string, std::size_t> first_definition_line_;
  std::unordered_map<std::string, std::size_t> first_footnote_line_;
  Location cached_;
  std::size_t cached_offset_ = 0;
  bool bracketed_markers_ = false;
  bool inferring_ = false;  // this block's plain digits after sentences are its markers
  std::array<std::size_t, kCounts> counts_{};
  std::array<Location, parse::kAssistantMarkerKinds> first_marker_{};
  std::vector<std::pair<std::size_t, std::size_t>> oversized_;  // of the paragraph being read
  std::vector<std::pair<std::size_t, std::size_t>> strays_;     // and its flattened superscripts
  std::unordered_set<std::string> listed_;  // the block's list labels, once a bare marker asks
  bool listed_ready_ = false;
  Location first_inferred_;
  std::size_t works_cited_accessed_ = 0;
};

}  // namespace

Document parse_answer(const Text& text, Diagnostics& diagnostics) {
  return AnswerParser(text, diagnostics).run();
}

}  // namespace evgraph
