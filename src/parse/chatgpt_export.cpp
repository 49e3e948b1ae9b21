// A ChatGPT data export's conversations.json: an array of conversations, each a tree of messages
// (`mapping`: node id → {id, message, parent, children}) of which the user last saw the branch
// ending at `current_node`. Assistant text messages on that branch are answers whose citation
// markers (`\ue200cite\ue202turn0search0\ue201`, `【4†source】`) the message's
// `metadata.content_references` (or the older `metadata.citations`) resolve to URLs and titles.
#include <algorithm>
#include <ctime>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "evgraph/parse.hpp"
#include "parse/cited_answer.hpp"
#include "parse/json_access.hpp"
#include "parse/json_strings.hpp"

namespace evgraph {
namespace {

using detail::AnswerWriter;
using detail::kNowhere;
using detail::member;
using detail::string_member;
using nlohmann::json;

constexpr std::string_view kShape =
    R"(expected [{"title": …, "mapping": {"<node id>": {"message": …, "parent": …, )"
    R"("children": […]}}, "current_node": "<node id>"}])";

[[noreturn]] void not_an_export(const Text& text, const std::string& why) {
  throw InputError({text.name(), 1, 1}, "not a ChatGPT export (conversations.json): " + why + "; " +
                                            std::string(kShape));
}

std::string iso_time(const json& object, const char* key) {
  const json* value = member(object, key);
  if (!value || !value->is_number()) return {};
  const auto seconds = static_cast<std::time_t>(value->get<double>());
  std::tm utc{};
  if (!gmtime_r(&seconds, &utc)) return {};
  char text[32];
  if (std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc) == 0) return {};
  return text;
}

// The nodes from the root down to `current_node`: the branch the user last saw. Without a usable
// current_node, the branch of the leaf whose message is the latest.
std::vector<const json*> visible_branch(const json& mapping, const std::string& current) {
  std::string at = current;
  if (!mapping.contains(at)) {
    double latest = -1;
    for (const auto& [id, node] : mapping.items()) {
      const json* children = member(node, "children");
      if (children && children->is_array() && !children->empty()) continue;
      const json* message = member(node, "message");
      const json* time = message ? member(*message, "create_time") : nullptr;
      const double when = time && time->is_number() ? time->get<double>() : 0;
      if (at.empty() || when > latest) {
        at = id;
        latest = when;
      }
    }
  }
  std::vector<const json*> branch;
  std::unordered_set<std::string> seen;
  while (!at.empty() && mapping.contains(at) && seen.insert(at).second) {
    const json& node = mapping.at(at);
    branch.push_back(&node);
    at = string_member(node, "parent");
  }
  std::reverse(branch.begin(), branch.end());
  return branch;
}

struct Source {
  std::string url;
  std::string title;
};

// The sources a content reference names: its items (grouped_webpages), itself (webpage), its
// `sources` (sources_footnote), else its `safe_urls`.
std::vector<Source> reference_sources(const json& reference) {
  std::vector<Source> sources;
  const auto add = [&](const json& item) {
    Source source{string_member(item, "url"), string_member(item, "title")};
    if (source.title.empty()) source.title = string_member(item, "attribution");
    if (!source.url.empty() || !source.title.empty()) sources.push_back(std::move(source));
  };
  for (const char* key : {"items", "sources"}) {
    if (const json* list = member(reference, key); list && list->is_array()) {
      for (const json& item : *list) add(item);
    }
  }
  if (sources.empty() && !string_member(reference, "url").empty()) add(reference);
  if (const json* urls = member(reference, "safe_urls");
      sources.empty() && urls && urls->is_array()) {
    for (const json& url : *urls) {
      if (url.is_string()) sources.push_back({url.get<std::string>(), {}});
    }
  }
  return sources;
}

// One stretch of the message text that the reader replaces: a marker (by the marker group of its
// sources, or by its `alt` text when it names none) or a stray marker (by nothing).
struct Replacement {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::vector<std::string> labels;
  std::string alt;
};

class MessageReader {
 public:
  MessageReader(const Text& text, const detail::JsonStrings& strings, Diagnostics& diagnostics)
      : text_(text), strings_(strings), diagnostics_(diagnostics), entries_(text, strings) {}

  // The message's answer as a Document of its own, or nullopt when it has no text.
  std::optional<Document> read(const json& message, const std::string& fallback_name) {
    const json* content = member(message, "content");
    const json* parts = content ? member(*content, "parts") : nullptr;
    if (!parts || !parts->is_array()) return std::nullopt;
    std::string value;
    std::vector<std::size_t> offsets;
    bool placed = true;
    for (const json& part : *parts) {
      if (!part.is_string() || part.get_ref<const std::string&>().empty()) continue;
      const std::string& piece = part.get_ref<const std::string&>();
      std::vector<std::size_t> found = strings_.offsets_of(piece);
      if (!value.empty()) {
        value += "\n\n";
        if (placed) offsets.insert(offsets.end(), 2, offsets.back());
      }
      value += piece;
      placed = placed && !found.empty();
      if (placed) offsets.insert(offsets.end(), found.begin(), found.end() - 1);
    }
    if (!placed) offsets.clear();
    if (value.find_first_not_of(" \t\n") == std::string::npos) return std::nullopt;
    value_ = value;
    offsets_ = std::move(offsets);
    entries_.take();
    replacements_.clear();
    taken_.clear();
    searched_.clear();
    detail::CodePoints code_points(value_);
    code_points_ = &code_points;
    cursor_ = 0;
    message_where_ = where(0);
    if (message_where_.line == 0) message_where_ = {text_.name(), 1, 1};
    const json* metadata = member(message, "metadata");
    if (metadata) {
      if (const json* references = member(*metadata, "content_references");
          references && references->is_array()) {
        for (const json& reference : *references) add_reference(reference);
      }
      if (const json* citations = member(*metadata, "citations");
          citations && citations->is_array()) {
        for (const json& citation : *citations) add_citation(citation);
      }
    }
    AnswerWriter writer;
    write(writer);
    code_points_ = nullptr;
    return detail::parse_written_answer(text_, writer, fallback_name, entries_.take(),
                                        diagnostics_);
  }

 private:
  Location where(std::size_t offset) const {
    const std::size_t in_file = offset < offsets_.size() ? offsets_[offset] : kNowhere;
    return in_file == kNowhere ? Location{text_.name(), 0, 0} : text_.locate(in_file);
  }

  void report(std::size_t offset, std::string message, const char* code) {
    Diagnostic d;
    d.where = where(offset);
    d.message = std::move(message);
    d.code = code;
    diagnostics_.push_back(std::move(d));
  }

  // The label of a source in this message's citation list, added when new.
  std::string label_of(const Source& source) {
    return entries_.label(source.url, source.title, message_where_);
  }

  // Whether [begin, end) overlaps a stretch already replaced (`taken_`: begin → end, disjoint).
  bool overlaps(std::size_t begin, std::size_t end) const {
    auto after = taken_.upper_bound(begin);
    if (after != taken_.end() && after->first < end) return true;
    if (after == taken_.begin()) return false;
    return std::prev(after)->second > begin;
  }

  void take(Replacement replacement) {
    taken_.emplace(replacement.begin, replacement.end);
    replacements_.push_back(std::move(replacement));
  }

  // Where `matched` is in the message: at its start_idx when that is right, else its first
  // occurrence not taken by another reference (searching on from the last one found).
  std::size_t find(const std::string& matched, const json& reference) {
    if (const json* start = member(reference, "start_idx"); start && start->is_number_unsigned()) {
      const std::size_t at = code_points_->byte(start->get<std::size_t>());
      if (at != kNowhere && std::string_view(value_).substr(at).starts_with(matched) &&
          !overlaps(at, at + matched.size())) {
        return at;
      }
    }
    // References mostly come in the order of their markers: look on from the last one found
    // first, then from where this text was last found.
    if (const std::size_t at = value_.find(matched, cursor_);
        at != std::string::npos && !overlaps(at, at + matched.size())) {
      cursor_ = at + matched.size();
      return at;
    }
    std::size_t& from = searched_[matched];
    for (std::size_t at = value_.find(matched, from); at != std::string::npos;
         at = value_.find(matched, at + 1)) {
      if (!overlaps(at, at + matched.size())) {
        from = at + matched.size();
        return at;
      }
    }
    from = value_.size();
    return kNowhere;
  }

  void add_reference(const json& reference) {
    const std::string matched = string_member(reference, "matched_text");
    const std::vector<Source> sources = reference_sources(reference);
    const bool footnote = string_member(reference, "type") == "sources_footnote";
    if (footnote || matched.find_first_not_of(" \t\n") == std::string::npos) {
      for (const Source& source : sources) label_of(source);  // listed, cited or not
      return;
    }
    const std::size_t at = find(matched, reference);
    if (at == kNowhere) {
      report(0,
             "content reference '" + matched + "' (" + string_member(reference, "type") +
                 ") is not in the message text; its sources are listed, not cited",
             "reference-not-in-text");
      for (const Source& source : sources) label_of(source);
      return;
    }
    Replacement replacement{at, at + matched.size(), {}, {}};
    for (const Source& source : sources) {
      const std::string label = label_of(source);
      if (std::find(replacement.labels.begin(), replacement.labels.end(), label) ==
          replacement.labels.end()) {
        replacement.labels.push_back(label);
      }
    }
    if (sources.empty()) replacement.alt = string_member(reference, "alt");
    take(std::move(replacement));
  }

  // The older form: {start_ix, end_ix, metadata: {url, title}}, indices in code points.
  void add_citation(const json& citation) {
    const json* start = member(citation, "start_ix");
    const json* end = member(citation, "end_ix");
    const json* metadata = member(citation, "metadata");
    if (!start || !end || !start->is_number_unsigned() || !end->is_number_unsigned()) return;
    const std::size_t begin = code_points_->byte(start->get<std::size_t>());
    const std::size_t stop = code_points_->byte(end->get<std::size_t>());
    if (begin == kNowhere || stop == kNowhere || stop <= begin) {
      report(0, "citation start_ix/end_ix lie outside the message text; its source is listed",
             "span-out-of-range");
      if (metadata) label_of({string_member(*metadata, "url"), string_member(*metadata, "title")});
      return;
    }
    if (overlaps(begin, stop)) return;  // the same marker, already resolved by a content reference
    Replacement replacement{begin, stop, {}, {}};
    if (metadata) {
      const Source source{string_member(*metadata, "url"), string_member(*metadata, "title")};
      if (!source.url.empty() || !source.title.empty()) {
        replacement.labels.push_back(label_of(source));
      }
    }
    take(std::move(replacement));
  }

  // Stray markers no reference resolves (`\ue200cite\ue202turn0search9\ue201`, `【7†source】`),
  // found in the text outside the replacements: removed and reported. Lone private-use delimiters
  // (U+E200–U+E206) are dropped.
  void add_stray_markers() {
    static constexpr std::string_view kOpen = "\xEE\x88\x80";    // U+E200
    static constexpr std::string_view kClose = "\xEE\x88\x81";   // U+E201
    static constexpr std::string_view kLeft = "\xE3\x80\x90";    // 【
    static constexpr std::string_view kRight = "\xE3\x80\x91";   // 】
    static constexpr std::string_view kDagger = "\xE2\x80\xA0";  // †
    const std::string_view value = value_;
    std::vector<Replacement> stray;
    for (std::size_t at = 0; at < value.size();) {
      const std::size_t next = value.find_first_of("\xEE\xE3", at);
      if (next == std::string_view::npos) break;
      at = next;
      std::size_t end = kNowhere;
      bool report_it = false;
      // A marker is short: its end is looked for in the next kLongest bytes only, so that a
      // line of a million unclosed openers stays linear.
      static constexpr std::size_t kLongest = 256;
      const std::string_view ahead = value.substr(at, kLongest);
      if (ahead.starts_with(kOpen)) {
        const std::size_t close = ahead.find(kClose);
        if (close != std::string_view::npos && ahead.substr(0, close).find('\n') == ahead.npos) {
          end = at + close + kClose.size();
          report_it = true;
        } else {
          end = at + kOpen.size();
        }
      } else if (ahead.starts_with(kLeft)) {
        const std::size_t close = ahead.substr(0, 64).find(kRight);
        if (close != std::string_view::npos &&
            ahead.substr(0, close).find(kDagger) != std::string_view::npos) {
          end = at + close + kRight.size();
          report_it = true;
        }
      } else if (value.size() >= at + 3 && value[at] == '\xEE' && value[at + 1] == '\x88' &&
                 static_cast<unsigned char>(value[at + 2]) >= 0x80 &&
                 static_cast<unsigned char>(value[at + 2]) <= 0x86) {
        end = at + 3;  // U+E200..U+E206
      }
      if (end == kNowhere) {
        at += 1;
        continue;
      }
      if (!overlaps(at, end)) {
        if (report_it) {
          report(at,
                 "citation marker '" + printable(value.substr(at, end - at)) +
                     "' has no content reference or citation in the message; removed",
                 "unresolved-marker");
        }
        stray.push_back({at, end, {}, {}});
      }
      at = end;
    }
    replacements_.insert(replacements_.end(), stray.begin(), stray.end());
  }

  // A marker as people would type it: the private-use delimiters shown as `\ue200`….
  static std::string printable(std::string_view marker) {
    std::string out;
    for (std::size_t i = 0; i < marker.size(); ++i) {
      if (marker[i] == '\xEE' && i + 2 < marker.size() && marker[i + 1] == '\x88') {
        static constexpr char kHex[] = "0123456789abcdef";
        const auto low = static_cast<unsigned char>(marker[i + 2]) - 0x80;
        out += "\\ue2";
        out += kHex[low >> 4];
        out += kHex[low & 0xF];
        i += 2;
      } else {
        out += marker[i];
      }
    }
    return out;
  }

  void write(AnswerWriter& out) {
    add_stray_markers();
    std::sort(replacements_.begin(), replacements_.end(),
              [](const Replacement& a, const Replacement& b) { return a.begin < b.begin; });
    const std::span<const std::size_t> offsets(offsets_);
    const auto piece = [&](std::size_t from, std::size_t to) {
      if (to <= from) return;
      out.append(std::string_view(value_).substr(from, to - from),
                 offsets.empty() ? offsets : offsets.subspan(from, to - from));
    };
    std::size_t at = 0;
    for (const Replacement& r : replacements_) {
      piece(at, r.begin);
      const std::size_t origin = r.begin < offsets_.size() ? offsets_[r.begin] : kNowhere;
      if (!r.labels.empty()) {
        out.trim_end();
        for (const std::string& label : r.labels) out.insert("[" + label + "]", origin);
      } else if (!r.alt.empty()) {
        out.insert(r.alt, origin);
      }
      at = r.end;
    }
    piece(at, value_.size());
  }

  const Text& text_;
  const detail::JsonStrings& strings_;
  Diagnostics& diagnostics_;
  std::string value_;
  std::vector<std::size_t> offsets_;
  detail::CitationList entries_;
  std::vector<Replacement> replacements_;
  std::map<std::size_t, std::size_t> taken_;
  std::unordered_map<std::string, std::size_t> searched_;  // matched_text → where to search on
  detail::CodePoints* code_points_ = nullptr;
  std::size_t cursor_ = 0;  // past the last reference found
  Location message_where_;  // where the message's text starts              // over value_, while
                            // read() runs
};

// A message's text parts, joined by blank lines.
std::string text_parts(const json& message) {
  const json* content = member(message, "content");
  const json* parts = content ? member(*content, "parts") : nullptr;
  std::string text;
  if (!parts || !parts->is_array()) return text;
  for (const json& part : *parts) {
    if (!part.is_string() || part.get_ref<const std::string&>().empty()) continue;
    if (!text.empty()) text += "\n\n";
    text += part.get_ref<const std::string&>();
  }
  return text;
}

bool shown(const json& message) {
  const json* metadata = member(message, "metadata");
  const json* hidden =
      metadata ? member(*metadata, "is_visually_hidden_from_conversation") : nullptr;
  return !(hidden && hidden->is_boolean() && hidden->get<bool>());
}

std::string role_of(const json& message) {
  const json* author = member(message, "author");
  return author ? string_member(*author, "role") : std::string();
}

}  // namespace

ParsedExport parse_chatgpt_export(const Text& text, Diagnostics& diagnostics) {
  json root =
      detail::parse_json_or(text, [&](const std::string& why) { not_an_export(text, why); });
  if (root.is_object() && root.contains("mapping")) root = json::array({std::move(root)});
  if (!root.is_array()) not_an_export(text, "the top level is not an array of conversations");
  const detail::JsonStrings strings(text.content());
  MessageReader reader(text, strings, diagnostics);
  ParsedExport parsed;
  std::size_t answers = 0;
  for (std::size_t i = 0; i < root.size(); ++i) {
    const json& conversation = root[i];
    const json* mapping = member(conversation, "mapping");
    if (!mapping || !mapping->is_object()) {
      Diagnostic d;
      d.where = {text.name(), 1, 1};
      d.message = "conversation " + std::to_string(i + 1) + " has no \"mapping\"; skipped";
      d.code = "not-a-conversation";
      diagnostics.push_back(std::move(d));
      continue;
    }
    Conversation read;
    read.id = string_member(conversation, "id");
    if (read.id.empty()) read.id = string_member(conversation, "conversation_id");
    if (read.id.empty()) read.id = std::to_string(i + 1);
    read.title = string_member(conversation, "title");
    read.created = iso_time(conversation, "create_time");
    read.document.name = text.name() + "#" + read.id;
    const std::string shown_title = read.title.empty() ? read.id : read.title;
    std::size_t number = 0;
    std::string question;  // the user's last message: what the next answer answers
    for (const json* node : visible_branch(*mapping, string_member(conversation, "current_node"))) {
      const json* message = member(*node, "message");
      if (!message || !shown(*message)) continue;
      const std::string role = role_of(*message);
      if (role != "user" && role != "assistant") continue;
      ++number;
      if (role == "user") question = text_parts(*message);
      if (role != "assistant") continue;
      const std::string recipient = string_member(*message, "recipient");
      if (!recipient.empty() && recipient != "all") continue;
      const json* content = member(*message, "content");
      if (!content || string_member(*content, "content_type") != "text") continue;
      auto answer = reader.read(
          *message, text.name() + " › " + shown_title + " › message " + std::to_string(number));
      if (!answer) continue;
      ++answers;
      AnswerInfo& info = read.document.answers.emplace_back();
      info.assistant = "ChatGPT";
      const json* metadata = member(*message, "metadata");
      if (metadata) info.model = string_member(*metadata, "model_slug");
      info.date = iso_time(*message, "create_time");
      info.query = question;
      if (!answer->blocks.empty() && !answer->blocks.front().claims.empty()) {
        info.where = answer->blocks.front().claims.front().where;
      }
      for (Block& block : answer->blocks) {
        block.number = read.document.blocks.size() + 1;
        block.answer = read.document.answers.size();
        read.document.blocks.push_back(std::move(block));
      }
      read.document.footnotes.insert(read.document.footnotes.end(), answer->footnotes.begin(),
                                     answer->footnotes.end());
    }
    parsed.conversations.push_back(std::move(read));
  }
  parsed.recognised = "ChatGPT export, " + std::to_string(parsed.conversations.size()) +
                      " conversation" + (parsed.conversations.size() == 1 ? "" : "s") + ", " +
                      std::to_string(answers) + " assistant message" + (answers == 1 ? "" : "s");
  return parsed;
}

}  // namespace evgraph
