#include "input/mapped_records.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>

#include "text/ascii.hpp"

namespace evgraph::detail {
namespace {

using nlohmann::ordered_json;

// Indices into kFieldRoles.
enum RoleIndex : std::size_t {
  kText,
  kSource,
  kStance,
  kCertainty,
  kTitle,
  kUrl,
  kDoi,
  kPmid,
  kPmcid,
  kAuthors,
  kYear,
  kPopulation,
  kIntervention,
  kOutcome,
  kId,
};
static_assert(kFieldRoles[kPmcid] == "pmcid" && kFieldRoles[kId] == "id" && kId + 1 == kRoleCount);

constexpr RoleIndex kWorkRoles[] = {kSource, kTitle, kUrl, kDoi, kPmid, kPmcid};
constexpr RoleIndex kClaimOnlyRoles[] = {kStance, kCertainty, kPopulation, kIntervention, kOutcome};
constexpr std::size_t kMaxNames = 256;

using ascii::is_space;
using ascii::lower;
using ascii::lowered;
using ascii::trimmed;

std::string in_quotes(std::string_view s) {
  return "'" + std::string(s) + "'";
}

bool looks_like_url(std::string_view s) {
  return s.find("://") != std::string_view::npos || lowered(s.substr(0, 4)) == "www.";
}

// The field's value as text: strings as written, other JSON values compact, null empty.
std::string_view scalar(const RecordField& field, std::string& scratch) {
  if (!field.json || field.json->is_string()) return field.text;
  if (field.json->is_null()) return {};
  scratch = field.json->dump();
  return scratch;
}

std::string scalar_string(const ordered_json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return {};
  return value.dump();
}

// A list field's items: a JSON array's elements, or a cell split at ';' and '|'.
std::vector<std::string> list_items(const RecordField& field) {
  std::vector<std::string> items;
  if (field.json && field.json->is_array()) {
    for (const ordered_json& item : *field.json) {
      std::string value(trimmed(scalar_string(item)));
      if (!value.empty()) items.push_back(std::move(value));
    }
    return items;
  }
  std::string scratch;
  for (std::string_view item : split_list(scalar(field, scratch))) items.emplace_back(item);
  return items;
}

// A CSL-style author ({"family", "given"} or {"literal"}) or a plain name.
std::string author_name(const ordered_json& author) {
  if (!author.is_object()) return std::string(trimmed(scalar_string(author)));
  const auto part = [&](const char* key) {
    const auto found = author.find(key);
    return found != author.end() && found->is_string() ? found->get<std::string>() : std::string();
  };
  if (!part("literal").empty()) return part("literal");
  const std::string family = part("family");
  const std::string given = part("given");
  return given.empty() ? family : family + ", " + given;
}

std::vector<std::string> author_names(const RecordField& field) {
  if (!field.json || !field.json->is_array()) return list_items(field);
  std::vector<std::string> names;
  for (const ordered_json& author : *field.json) {
    std::string name = author_name(author);
    if (!name.empty()) names.push_back(std::move(name));
  }
  return names;
}

void add_unique(std::vector<SourceIdentity>& to, SourceIdentity identity) {
  if (std::find(to.begin(), to.end(), identity) == to.end()) to.push_back(std::move(identity));
}

void merge_work(SourceRecord& into, SourceRecord&& from) {
  if (into.title.empty()) into.title = std::move(from.title);
  if (into.year.empty()) into.year = std::move(from.year);
  if (into.authors.empty()) into.authors = std::move(from.authors);
  if (into.url.empty()) into.url = std::move(from.url);
  if (into.label.empty()) into.label = std::move(from.label);
  for (SourceIdentity& identity : from.also) {
    if (identity != into.identity) add_unique(into.also, std::move(identity));
  }
}

std::string field_list(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < 12; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > 12) out += ", …";
  return out;
}

}  // namespace

std::vector<std::string_view> split_list(std::string_view cell) {
  std::vector<std::string_view> items;
  while (!cell.empty()) {
    const std::size_t end = cell.find_first_of(";|");
    const std::string_view item = trimmed(cell.substr(0, end));
    if (!item.empty()) items.push_back(item);
    if (end == std::string_view::npos) break;
    cell.remove_prefix(end + 1);
  }
  return items;
}

namespace {

struct RoleAlias {
  std::string_view header;  // lower case
  std::string_view role;
};

// Headers that coding sheets and Zotero's CSV export use for a role under another name.
constexpr RoleAlias kRoleAliases[] = {
    {"claim", "text"},
    {"claim text", "text"},
    {"statement", "text"},
    {"finding", "text"},
    {"reference", "source"},
    {"citation", "source"},
    {"work", "source"},
    {"verdict", "stance"},
    {"grade", "certainty"},
    {"certainty of evidence", "certainty"},
    {"article title", "title"},
    {"author", "authors"},
    {"author(s)", "authors"},
    {"creators", "authors"},
    {"publication year", "year"},
    {"link", "url"},
    {"pubmed id", "pmid"},
    {"pmc id", "pmcid"},
    {"populations", "population"},
    {"interventions", "intervention"},
    {"outcomes", "outcome"},
};

}  // namespace

FieldMap implied_map(const std::vector<std::string_view>& names) {
  FieldMap map;
  for (std::string_view name : names) {
    const std::string role = lowered(trimmed(name));
    const bool known =
        std::find(std::begin(kFieldRoles), std::end(kFieldRoles), role) != std::end(kFieldRoles);
    if (known && !map.field(role)) map.fields.emplace_back(role, std::string(name));
  }
  for (std::string_view name : names) {
    const std::string header = lowered(trimmed(name));
    for (const RoleAlias& alias : kRoleAliases) {
      if (alias.header == header && !map.field(alias.role)) {
        map.fields.emplace_back(std::string(alias.role), std::string(name));
      }
    }
  }
  // Claims with no work to cite are not a reading worth guessing: ask for --map instead.
  const bool names_work = map.field("source") || map.field("doi") || map.field("pmid") ||
                          map.field("pmcid") || map.field("url") || map.field("title");
  return names_work ? map : FieldMap{};
}

std::optional<ConceptRef> named_concept(NodeType type, std::string_view name,
                                        const Lexicon& lexicon) {
  name = trimmed(name);
  if (slugify(name).empty()) return std::nullopt;
  const std::vector<Mention> mentions = lexicon.find(name);
  if (mentions.size() == 1 && mentions.front().begin == 0 && mentions.front().end == name.size()) {
    const Concept& found = lexicon.concepts().at(mentions.front().concept_index);
    if (found.type == type) return ConceptRef{found.id(), found.type, found.name};
  }
  return make_concept(type, name);
}

std::string_view json_error_detail(std::string_view what) {
  const std::size_t column = what.find("column ");
  if (column != std::string_view::npos) {
    const std::size_t colon = what.find(": ", column);
    if (colon != std::string_view::npos) return what.substr(colon + 2);
  }
  const std::size_t bracket = what.find("] ");
  return bracket == std::string_view::npos ? what : what.substr(bracket + 2);
}

RecordMapper::RecordMapper(const Text& text, std::string format, FieldMap map,
                           const Lexicon& lexicon, Diagnostics& diagnostics)
    : text_(text),
      lexicon_(lexicon),
      diagnostics_(diagnostics),
      map_(std::move(map)),
      builder_(text.name(), std::move(format), lexicon) {
  for (std::size_t role = 0; role < kRoleCount; ++role) {
    roles_[role].field = map_.field(kFieldRoles[role]);
  }
  claims_ = roles_[kText].field != nullptr;
  check_map_roles();
  (claims_ ? claim_of_ : work_of_).reserve(text.line_count());
}

void RecordMapper::check_map_roles() {
  const bool names_work = std::any_of(std::begin(kWorkRoles), std::end(kWorkRoles),
                                      [&](RoleIndex role) { return roles_[role].field; });
  const Location file{text_.name(), 0, 0};
  if (!claims_ && !names_work) {
    throw InputError(
        file,
        "the field map names neither claim text nor a work: map text=FIELD for "
        "claims, or source=FIELD (or doi, pmid, pmcid, url, title) for a bibliography");
  }
  for (RoleIndex role : kClaimOnlyRoles) {
    if (claims_ || !roles_[role].field) continue;
    warn(file,
         "--map " + std::string(kFieldRoles[role]) + "=" + *roles_[role].field +
             " is ignored: with no text=FIELD the input is read as a bibliography",
         "unused-mapping");
  }
  if (claims_ && !names_work && (roles_[kStance].field || roles_[kCertainty].field)) {
    warn(file,
         "stance and certainty belong to a claim's citation, but the map names no work: add "
         "source=FIELD",
         "unused-mapping");
  }
}

void RecordMapper::note_header(const std::vector<std::string_view>& names, std::size_t offset) {
  header_ = text_.locate(offset);
  for (std::string_view name : names) {
    if (names_.size() < kMaxNames) names_.emplace_back(name);
  }
}

void RecordMapper::add(const Record& record) {
  if (!header_) header_ = text_.locate(record.offset);
  const Slots slots = resolve(record);
  if (claims_) {
    add_claim_row(record, slots);
  } else {
    add_work_row(record, slots);
  }
}

RecordMapper::Slots RecordMapper::resolve(const Record& record) {
  Slots slots{};
  for (const RecordField& field : record.fields) {
    for (std::size_t role = 0; role < kRoleCount; ++role) {
      const std::string* wanted = roles_[role].field;
      if (wanted && !slots[role] && *wanted == field.name) slots[role] = &field;
    }
  }
  if (!all_seen_) collect_names(record);
  bool all_seen = true;
  for (std::size_t role = 0; role < kRoleCount; ++role) {
    RoleState& state = roles_[role];
    if (!state.field) continue;
    if (!slots[role]) {
      report_missing(role, record.offset);
    } else if (!state.seen) {
      state.seen = true;
      for (std::size_t offset : state.pending) report_missing(role, offset);
      state.pending = {};
    }
    all_seen = all_seen && state.seen;
  }
  all_seen_ = all_seen;
  return slots;
}

void RecordMapper::collect_names(const Record& record) {
  for (const RecordField& field : record.fields) {
    if (names_.size() >= kMaxNames) return;
    if (std::find(names_.begin(), names_.end(), field.name) == names_.end()) {
      names_.emplace_back(field.name);
    }
  }
}

void RecordMapper::report_missing(std::size_t role, std::size_t offset) {
  RoleState& state = roles_[role];
  if (!state.seen) {
    state.pending.push_back(offset);
    return;
  }
  warn(text_.locate(offset),
       "record has no field " + in_quotes(*state.field) + " (mapped to " +
           std::string(kFieldRoles[role]) + ")",
       "missing-field");
}

void RecordMapper::add_claim_row(const Record& record, const Slots& slots) {
  const RecordField* text_field = slots[kText];
  if (!text_field) return;  // reported as a missing field
  const Location where = locate(record, text_field);
  std::string scratch;
  const std::string_view claim_text = trimmed(scalar(*text_field, scratch));
  if (claim_text.empty()) {
    warn(where, "claim text " + in_quotes(*roles_[kText].field) + " is empty; record skipped",
         "missing-field");
    return;
  }
  const std::size_t claim = claim_index(claim_text, where);
  add_concepts(claim, slots);
  const std::vector<std::size_t> works = cited_works(record, slots);
  if (works.empty()) return;
  StanceRecord stance = stance_record(record, slots);
  const bool keep = roles_[kStance].field || roles_[kCertainty].field || stance.data != "{}";
  for (std::size_t i = 0; i < works.size(); ++i) {
    Citation& citation = builder_.cite(claim, works[i]);
    if (!keep) continue;
    if (i + 1 == works.size()) {
      citation.records.push_back(std::move(stance));
    } else {
      citation.records.push_back(stance);
    }
  }
}

// Zotero's CSV export keeps PMIDs and PMCIDs as "PMID: 123" lines in its "Extra" column.
void RecordMapper::add_extra_identifiers(const Record& record, SourceRecord& work) {
  for (const RecordField& field : record.fields) {
    if (lowered(trimmed(field.name)) != "extra") continue;
    std::string_view rest = field.text;
    while (!rest.empty()) {
      const std::size_t end = rest.find('\n');
      const std::string_view line = trimmed(rest.substr(0, end));
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
      const std::size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      const std::string kind = lowered(trimmed(line.substr(0, colon)));
      if (kind != "pmid" && kind != "pmcid" && kind != "doi") continue;
      auto identity = identify_as(kind, line.substr(colon + 1));
      if (identity && !(*identity == work.identity) &&
          std::find(work.also.begin(), work.also.end(), *identity) == work.also.end()) {
        work.also.push_back(std::move(*identity));
      }
    }
  }
}

void RecordMapper::add_work_row(const Record& record, const Slots& slots) {
  std::vector<std::string> references;
  if (slots[kSource]) references = list_items(*slots[kSource]);
  std::optional<SourceRecord> work = work_from(references, record, slots, true);
  if (!work) {
    warn(locate(record, slots[kSource]),
         "record names no work: its source, doi, pmid, pmcid, url and title are all empty",
         "missing-field");
    return;
  }
  if (slots[kId]) work->label = trimmed(scalar(*slots[kId], scratch_));
  add_extra_identifiers(record, *work);
  if (std::string data = unmapped_data(record, slots, nullptr); data != "{}") {
    work->data = std::move(data);
  }
  add_work(std::move(*work));
}

std::size_t RecordMapper::claim_index(std::string_view text, Location where) {
  std::string id = claim_id(text);
  const auto found = claim_of_.find(id);
  if (found != claim_of_.end()) return found->second;
  const std::size_t index = builder_.add_claim(std::string(text), id, std::move(where));
  claim_of_.emplace(std::move(id), index);
  return index;
}

void RecordMapper::add_concepts(std::size_t claim, const Slots& slots) {
  static constexpr std::pair<RoleIndex, NodeType> kConcepts[] = {
      {kPopulation, NodeType::population},
      {kIntervention, NodeType::intervention},
      {kOutcome, NodeType::outcome}};
  for (const auto& [role, type] : kConcepts) {
    if (!slots[role]) continue;
    for (const std::string& name : list_items(*slots[role])) {
      if (auto found = named_concept(type, name, lexicon_)) {
        builder_.add_concept(
            claim, std::move(*found),
            {std::string(trimmed(name)), std::nullopt, std::string(slots[role]->name)});
      }
    }
  }
}

std::vector<std::size_t> RecordMapper::cited_works(const Record& record, const Slots& slots) {
  std::vector<std::string> references;
  if (slots[kSource]) references = list_items(*slots[kSource]);
  std::vector<std::size_t> works;
  if (references.size() > 1) {
    for (std::size_t role : {kTitle, kUrl, kDoi, kPmid, kPmcid, kAuthors, kYear}) {
      if (!slots[role] || trimmed(scalar(*slots[role], scratch_)).empty()) continue;
      warn(locate(record, slots[role]),
           "field " + in_quotes(*roles_[role].field) +
               " describes one work but this record cites " + std::to_string(references.size()) +
               "; not used",
           "ambiguous-field");
    }
    for (const std::string& reference : references) {
      if (auto work = work_from({reference}, record, slots, false)) {
        works.push_back(add_work(std::move(*work)));
      }
    }
    return works;
  }
  if (auto work = work_from(references, record, slots, true)) {
    works.push_back(add_work(std::move(*work)));
  } else if (slots[kSource] || slots[kDoi] || slots[kPmid] || slots[kPmcid] || slots[kUrl] ||
             slots[kTitle]) {
    warn(locate(record, slots[kSource]), "record cites no work: its work fields are empty",
         "missing-field");
  }
  return works;
}

std::optional<SourceRecord> RecordMapper::work_from(const std::vector<std::string>& references,
                                                    const Record& record, const Slots& slots,
                                                    bool metadata) {
  SourceRecord work;
  std::vector<SourceIdentity> identities;
  for (const std::string& reference : references) {
    add_unique(identities, identify_reference(reference));
    if (work.url.empty() && looks_like_url(reference)) work.url = reference;
  }
  if (metadata) {
    add_identifier("doi", kDoi, slots, record, identities);
    add_identifier("pmcid", kPmcid, slots, record, identities);
    add_identifier("pmid", kPmid, slots, record, identities);
    if (slots[kUrl]) {
      const std::string_view url = trimmed(scalar(*slots[kUrl], scratch_));
      if (!url.empty()) {
        add_unique(identities, identify_source(url));
        if (work.url.empty()) work.url = url;
      }
    }
    add_metadata(work, slots);
  }
  if (identities.empty() && !work.title.empty()) identities.push_back(identify_title(work.title));
  if (identities.empty()) return std::nullopt;
  work.identity = std::move(identities.front());
  work.also.assign(std::make_move_iterator(identities.begin() + 1),
                   std::make_move_iterator(identities.end()));
  work.where = locate(record, slots[kSource]);
  return work;
}

void RecordMapper::add_identifier(std::string_view kind, std::size_t role, const Slots& slots,
                                  const Record& record, std::vector<SourceIdentity>& identities) {
  if (!slots[role]) return;
  const std::string_view value = trimmed(scalar(*slots[role], scratch_));
  if (value.empty()) return;
  if (auto identity = identify_as(kind, value)) {
    add_unique(identities, std::move(*identity));
    return;
  }
  warn(locate(record, slots[role]),
       in_quotes(value) + " in field " + in_quotes(*roles_[role].field) + " is not a " +
           (kind == "doi"    ? "DOI"
            : kind == "pmid" ? "PubMed id"
                             : "PMC id") +
           "; ignored",
       "bad-identifier");
}

void RecordMapper::add_metadata(SourceRecord& work, const Slots& slots) {
  if (slots[kTitle]) work.title = trimmed(scalar(*slots[kTitle], scratch_));
  if (slots[kYear]) work.year = trimmed(scalar(*slots[kYear], scratch_));
  if (slots[kAuthors]) work.authors = author_names(*slots[kAuthors]);
}

std::size_t RecordMapper::add_work(SourceRecord work) {
  const auto [found, added] = work_of_.try_emplace(work.identity.id(), builder_.source_count());
  if (added) return builder_.add_source(std::move(work), !claims_);
  merge_work(builder_.source(found->second), std::move(work));
  return found->second;
}

StanceRecord RecordMapper::stance_record(const Record& record, const Slots& slots) {
  StanceRecord stance;
  stance.where = locate(record, nullptr);
  if (slots[kStance]) {
    stance.label = trimmed(scalar(*slots[kStance], scratch_));
    if (auto normal = normalise_stance(stance.label)) {
      stance.stance = *normal;
    } else if (!stance.label.empty()) {
      warn(locate(record, slots[kStance]),
           "unknown stance " + in_quotes(stance.label) +
               "; expected supports, contrasts or mentions (or a dataset's SUPPORT, REFUTE, "
               "NOTENOUGHINFO…); kept as the record's label",
           "unknown-stance");
    }
  }
  const RecordField* kept = nullptr;
  if (slots[kCertainty]) {
    const std::string_view certainty = trimmed(scalar(*slots[kCertainty], scratch_));
    if (auto normal = normalise_certainty(certainty)) {
      stance.certainty = *normal;
    } else if (!certainty.empty()) {
      warn(locate(record, slots[kCertainty]),
           "unknown GRADE certainty " + in_quotes(certainty) +
               "; expected high, moderate, low or very low; kept in the record's data",
           "unknown-certainty");
      kept = slots[kCertainty];
    }
  }
  stance.data = unmapped_data(record, slots, kept);
  return stance;
}

// Built as a DOM and dumped, so that the text is nlohmann's compact form of itself (a header that
// names a column twice keeps its first place and last value, as parsing the object would): the
// exports splice it as it is.
std::string RecordMapper::unmapped_data(const Record& record, const Slots& slots,
                                        const RecordField* kept) const {
  ordered_json data = ordered_json::object();
  for (const RecordField& field : record.fields) {
    const bool mapped = &field != kept && std::find(slots.begin(), slots.begin() + kId, &field) !=
                                              slots.begin() + kId;
    if (mapped) continue;
    ordered_json& value = data[std::string(field.name)];
    value = field.json && !field.json->is_string() ? *field.json : ordered_json(field.text);
  }
  return data.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

Location RecordMapper::locate(const Record& record, const RecordField* field) const {
  return text_.locate(field && field->offset != kNoOffset ? field->offset : record.offset);
}

void RecordMapper::warn(Location where, std::string message, std::string code) {
  diagnostics_.push_back(
      {Severity::warning, std::move(where), std::move(message), std::move(code)});
}

// A role naming a field that no record has is a mistyped map, not data to warn about: reading on
// would give a graph without what the map asked for, so it is an error naming each such field.
Evidence RecordMapper::finish() {
  std::string unknown;
  for (std::size_t role = 0; role < kRoleCount; ++role) {
    const RoleState& state = roles_[role];
    if (!state.field || state.seen || !header_) continue;
    const std::string suggestion = closest_name(*state.field, names_);
    unknown += std::string(unknown.empty() ? "" : "; ") + "no record has the field " +
               in_quotes(*state.field) + " that --map " + std::string(kFieldRoles[role]) + "=" +
               *state.field + " names; " +
               (suggestion.empty() ? "fields: " + field_list(names_)
                                   : "did you mean " + in_quotes(suggestion) + "?");
  }
  if (!unknown.empty()) throw InputError(*header_, unknown + " [unknown-map-field]");
  return builder_.finish();
}

}  // namespace evgraph::detail
