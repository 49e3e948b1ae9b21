// evgraph's curated evidence file (src/input/evidence.schema.json): works with their identifiers,
// and claims with the populations, interventions and outcomes they concern and the works they cite,
// each citation with a stance, a GRADE certainty, a note and a quote. nlohmann/json reads the file;
// a second pass over the text finds where each value starts, so that claims, works and diagnostics
// carry a line and column. Unknown keys are reported (and kept on a citation's record), never
// dropped silently; a file that is not JSON or not this shape throws InputError.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "input/mapped_records.hpp"
#include "input/readers.hpp"
#include "text/json_number.hpp"
#include "text/json_place.hpp"

namespace evgraph::detail {
namespace {

using nlohmann::ordered_json;
using Keys = std::span<const std::string_view>;

constexpr std::string_view kFileKeys[] = {"$schema",     "evgraph", "version", "title",
                                          "description", "works",   "claims"};
constexpr std::string_view kWorkKeys[] = {"id",  "doi",   "pmid",    "pmcid",
                                          "url", "title", "authors", "year"};
constexpr std::string_view kClaimKeys[] = {"text", "populations", "interventions", "outcomes",
                                           "cites"};
constexpr std::string_view kCiteKeys[] = {"work", "stance", "certainty", "note", "quote", "data"};

bool contains(Keys keys, std::string_view key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

std::string key_list(Keys keys) {
  std::string out;
  for (std::string_view key : keys) out += (out.empty() ? "" : ", ") + std::string(key);
  return out;
}

std::string_view trimmed(std::string_view s) {
  const std::size_t begin = s.find_first_not_of(" \t\n\r");
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(" \t\n\r") - begin + 1);
}

const ordered_json* member(const ordered_json& object, const char* key) {
  const auto found = object.find(key);
  return found == object.end() || found->is_null() ? nullptr : &*found;
}

class EvidenceFileReader {
 public:
  EvidenceFileReader(const Text& text, const Lexicon& lexicon, Diagnostics& diagnostics)
      : text_(text),
        lexicon_(lexicon),
        diagnostics_(diagnostics),
        builder_(text.name(), std::string(to_string(InputFormat::evidence_json)), lexicon) {}

  Evidence read() {
    const ordered_json root = parse();
    const JsonPlace place = PlaceScanner(text_.content()).scan();
    check_header(root, place);
    if (const ordered_json* works = member(root, "works")) {
      read_list(*works, place.member("works"), "works", &EvidenceFileReader::read_work);
    }
    if (const ordered_json* claims = member(root, "claims")) {
      read_list(*claims, place.member("claims"), "claims", &EvidenceFileReader::read_claim);
    }
    return builder_.finish();
  }

 private:
  using ItemReader = void (EvidenceFileReader::*)(const ordered_json&, const JsonPlace&);

  ordered_json parse() const {
    try {
      return ordered_json::parse(text_.content());
    } catch (const ordered_json::parse_error& error) {
      throw InputError(text_.locate(error.byte > 0 ? error.byte - 1 : 0),
                       "not JSON: " + std::string(json_error_detail(error.what())));
    } catch (const ordered_json::out_of_range& error) {
      const auto overflow = json_number_overflow(text_.content(), error.what());
      throw InputError(text_.locate(overflow.offset), "not JSON: " + overflow.message);
    }
  }

  void check_header(const ordered_json& root, const JsonPlace& place) {
    static const std::string kShape =
        "not an evgraph evidence file: expected a JSON object with \"evgraph\": \"evidence\"";
    if (!root.is_object()) fail(place, kShape);
    const ordered_json* mark = member(root, "evgraph");
    if (!mark || *mark != "evidence") fail(place.member("evgraph"), kShape);
    const ordered_json* version = member(root, "version");
    if (!version) {
      warn(place, "no \"version\"; read as version 1", "missing-field");
    } else if (!version->is_number_integer()) {
      fail(place.member("version"), "\"version\" must be the number 1");
    } else if (*version != 1) {
      fail(place.member("version"),
           "evidence file version " + version->dump() + " is not supported; this evgraph reads 1");
    }
    optional_string(root, "title", place);
    optional_string(root, "description", place);
    check_keys(root, place, kFileKeys, "the file");
  }

  void read_list(const ordered_json& list, const JsonPlace& place, const char* name,
                 ItemReader read_item) {
    if (!list.is_array()) fail(place, "\"" + std::string(name) + "\" must be an array");
    for (std::size_t i = 0; i < list.size(); ++i) (this->*read_item)(list[i], place.item(i));
  }

  void read_work(const ordered_json& work, const JsonPlace& place) {
    if (!work.is_object()) fail(place, "a work must be an object with an \"id\"");
    check_keys(work, place, kWorkKeys, "a work");
    const std::string id = required_string(work, "id", place, "a work");
    if (const auto found = local_ids_.find(id); found != local_ids_.end()) {
      warn(place,
           "work \"" + id + "\" is defined twice (first at line " +
               std::to_string(builder_.source(found->second).where.line) + "); the first is used",
           "duplicate-work");
      return;
    }
    SourceRecord record = work_record(work, place, id);
    std::vector<SourceIdentity> identities{record.identity};
    identities.insert(identities.end(), record.also.begin(), record.also.end());
    std::optional<std::size_t> index = known_work(identities);
    if (!index) index = builder_.add_source(std::move(record));
    for (const SourceIdentity& identity : identities) work_of_.try_emplace(identity.id(), *index);
    local_ids_.emplace(id, *index);
    local_names_.push_back(id);
  }

  SourceRecord work_record(const ordered_json& work, const JsonPlace& place,
                           const std::string& id) {
    SourceRecord record;
    record.label = id;
    record.where = text_.locate(place.offset);
    std::vector<SourceIdentity> identities;
    for (const char* kind : {"doi", "pmcid", "pmid"}) {
      const std::optional<std::string> value = optional_string(work, kind, place, true);
      if (!value) continue;
      if (auto identity = identify_as(kind, *value)) {
        identities.push_back(std::move(*identity));
      } else {
        warn(place.member(kind), "\"" + *value + "\" is not a valid " + kind + "; ignored",
             "bad-identifier");
      }
    }
    if (auto url = optional_string(work, "url", place)) {
      identities.push_back(identify_source(*url));
      record.url = std::move(*url);
    }
    record.title = optional_string(work, "title", place).value_or("");
    record.year = optional_string(work, "year", place, true).value_or("");
    record.authors = names(work, "authors", place, true);
    if (identities.empty() && !record.title.empty()) {
      identities.push_back(identify_title(record.title));
    }
    if (identities.empty()) {
      warn(place,
           "work \"" + id + "\" has no doi, pmid, pmcid, url or title; it is known by its id only",
           "missing-field");
      identities.push_back({Scheme::key, id});
    }
    record.identity = identities.front();
    record.also.assign(identities.begin() + 1, identities.end());
    return record;
  }

  std::optional<std::size_t> known_work(const std::vector<SourceIdentity>& identities) const {
    for (const SourceIdentity& identity : identities) {
      if (const auto found = work_of_.find(identity.id()); found != work_of_.end()) {
        return found->second;
      }
    }
    return std::nullopt;
  }

  void read_claim(const ordered_json& claim, const JsonPlace& place) {
    if (!claim.is_object()) fail(place, "a claim must be an object with a \"text\"");
    check_keys(claim, place, kClaimKeys, "a claim");
    const std::string text(trimmed(required_string(claim, "text", place, "a claim")));
    const std::size_t index = claim_index(text, text_.locate(place.offset));
    static constexpr std::pair<const char*, NodeType> kConcepts[] = {
        {"populations", NodeType::population},
        {"interventions", NodeType::intervention},
        {"outcomes", NodeType::outcome}};
    for (const auto& [key, type] : kConcepts) {
      for (const std::string& name : names(claim, key, place, false)) {
        if (auto found = named_concept(type, name, lexicon_)) {
          builder_.add_concept(index, std::move(*found),
                               {std::string(trimmed(name)), std::nullopt, key});
        }
      }
    }
    const ordered_json* cites = member(claim, "cites");
    if (!cites) return;
    const JsonPlace& cites_place = place.member("cites");
    if (!cites->is_array()) fail(cites_place, "\"cites\" must be an array");
    for (std::size_t i = 0; i < cites->size(); ++i) {
      read_cite(index, (*cites)[i], cites_place.item(i));
    }
  }

  std::size_t claim_index(const std::string& text, Location where) {
    std::string id = claim_id(text);
    if (const auto found = claim_of_.find(id); found != claim_of_.end()) return found->second;
    const std::size_t index = builder_.add_claim(text, std::move(where));
    claim_of_.emplace(std::move(id), index);
    return index;
  }

  void read_cite(std::size_t claim, const ordered_json& cite, const JsonPlace& place) {
    if (cite.is_string()) {
      if (auto work = resolve(cite.get<std::string>(), place)) builder_.cite(claim, *work);
      return;
    }
    if (!cite.is_object()) {
      fail(place,
           "a citation is a work (its id, DOI, PMID, PMCID or URL) or an object with "
           "\"work\"");
    }
    check_keys(cite, place, kCiteKeys, "a citation (kept in its record's data)");
    const std::string reference = required_string(cite, "work", place, "a citation");
    std::optional<StanceRecord> record;
    if (cite.size() > 1) record = stance_record(cite, place);
    const std::optional<std::size_t> work = resolve(reference, place.member("work"));
    if (!work) return;
    Citation& citation = builder_.cite(claim, *work);
    if (record) citation.records.push_back(std::move(*record));
  }

  std::optional<std::size_t> resolve(const std::string& reference, const JsonPlace& place) {
    const std::string_view written = trimmed(reference);
    if (const auto found = local_ids_.find(std::string(written)); found != local_ids_.end()) {
      return found->second;
    }
    SourceIdentity identity = identify_reference(written);
    if (identity.scheme == Scheme::key) {
      const std::string suggestion = closest_name(written, local_names_);
      warn(place,
           "work \"" + std::string(written) +
               "\" is not defined in \"works\" and is not a DOI, PMID, PMCID or URL" +
               (suggestion.empty() ? "" : "; did you mean \"" + suggestion + "\"?") +
               " The citation is skipped",
           "undefined-work");
      return std::nullopt;
    }
    const auto [found, added] = work_of_.try_emplace(identity.id(), builder_.source_count());
    if (!added) return found->second;
    SourceRecord record;
    record.identity = std::move(identity);
    if (written.find("://") != std::string_view::npos) record.url = written;
    record.where = text_.locate(place.offset);
    return builder_.add_source(std::move(record), false);
  }

  StanceRecord stance_record(const ordered_json& cite, const JsonPlace& place) {
    StanceRecord record;
    record.where = text_.locate(place.offset);
    record.label = optional_string(cite, "stance", place).value_or("");
    if (auto stance = normalise_stance(record.label)) {
      record.stance = *stance;
    } else if (!record.label.empty()) {
      warn(place.member("stance"),
           "unknown stance \"" + record.label +
               "\"; expected supports, contrasts or mentions; kept as the record's label",
           "unknown-stance");
    }
    const std::string certainty = optional_string(cite, "certainty", place).value_or("");
    if (auto grade = normalise_certainty(certainty)) {
      record.certainty = *grade;
    } else if (!certainty.empty()) {
      warn(place.member("certainty"),
           "unknown GRADE certainty \"" + certainty +
               "\"; expected high, moderate, low or very low; kept in the record's data",
           "unknown-certainty");
    }
    optional_string(cite, "note", place);
    optional_string(cite, "quote", place);
    record.data = cite_data(cite, place, record.certainty != Certainty::unstated);
    return record;
  }

  // Every member of a citation but its work, stance and (understood) certainty, with the members
  // of "data" in its place, as one compact object in input order.
  std::string cite_data(const ordered_json& cite, const JsonPlace& place, bool certainty_read) {
    ordered_json data = ordered_json::object();
    for (auto it = cite.begin(); it != cite.end(); ++it) {
      const std::string& key = it.key();
      if (key == "work" || key == "stance" || (key == "certainty" && certainty_read)) continue;
      if (key != "data") {
        data[key] = it.value();
        continue;
      }
      if (!it->is_object()) fail(place.member("data"), "\"data\" must be an object");
      for (auto inner = it->begin(); inner != it->end(); ++inner) data[inner.key()] = *inner;
    }
    return data.dump();
  }

  // A member that must be a non-empty string.
  std::string required_string(const ordered_json& object, const char* key, const JsonPlace& place,
                              const char* what) {
    std::optional<std::string> value = optional_string(object, key, place);
    if (!value || trimmed(*value).empty()) {
      fail(place, std::string(what) + " needs a non-empty \"" + key + "\"");
    }
    return std::move(*value);
  }

  // A member that is a string (or, with `number`, an integer); nullopt when absent or null.
  std::optional<std::string> optional_string(const ordered_json& object, const char* key,
                                             const JsonPlace& place, bool number = false) {
    const ordered_json* value = member(object, key);
    if (!value) return std::nullopt;
    if (value->is_string()) return value->get<std::string>();
    if (number && value->is_number_integer()) return value->dump();
    fail(place.member(key),
         "\"" + std::string(key) + "\" must be a string" + (number ? " or a whole number" : ""));
  }

  // An array of names (or, with `one`, a single name; "A; B" is then two names).
  std::vector<std::string> names(const ordered_json& object, const char* key,
                                 const JsonPlace& place, bool one) {
    std::vector<std::string> out;
    const ordered_json* value = member(object, key);
    if (!value) return out;
    if (one && value->is_string()) {
      for (std::string_view name : split_list(value->get_ref<const std::string&>())) {
        out.emplace_back(name);
      }
      return out;
    }
    const std::string expected = "\"" + std::string(key) + "\" must be an array of strings";
    if (!value->is_array()) fail(place.member(key), expected);
    for (const ordered_json& name : *value) {
      if (!name.is_string()) fail(place.member(key), expected);
      const std::string& text = name.get_ref<const std::string&>();
      if (!trimmed(text).empty()) out.push_back(text);
    }
    return out;
  }

  void check_keys(const ordered_json& object, const JsonPlace& place, Keys known,
                  const char* what) {
    for (auto it = object.begin(); it != object.end(); ++it) {
      if (contains(known, it.key())) continue;
      std::vector<std::string> candidates(known.begin(), known.end());
      const std::string suggestion = closest_name(it.key(), candidates);
      warn(place.member(it.key()),
           "unknown key \"" + it.key() + "\" in " + what +
               (suggestion.empty() ? "; known keys: " + key_list(known)
                                   : "; did you mean \"" + suggestion + "\"?"),
           "unknown-field");
    }
  }

  [[noreturn]] void fail(const JsonPlace& place, const std::string& message) const {
    throw InputError(text_.locate(place.offset), message);
  }

  void warn(const JsonPlace& place, std::string message, std::string code) {
    diagnostics_.push_back(
        {Severity::warning, text_.locate(place.offset), std::move(message), std::move(code)});
  }

  const Text& text_;
  const Lexicon& lexicon_;
  Diagnostics& diagnostics_;
  EvidenceBuilder builder_;
  std::unordered_map<std::string, std::size_t> local_ids_;
  std::vector<std::string> local_names_;
  std::unordered_map<std::string, std::size_t> work_of_;
  std::unordered_map<std::string, std::size_t> claim_of_;
};

}  // namespace

Evidence read_evidence_json(const Text& text, const Lexicon& lexicon, Diagnostics& diagnostics) {
  return EvidenceFileReader(text, lexicon, diagnostics).read();
}

}  // namespace evgraph::detail
