// Mapped records: what CSV/TSV coding sheets and JSON Lines share once their scanners have split
// the input into records (field name → value, in input order). A RecordMapper takes the records in
// order and applies the FieldMap: with a `text` role each record is a claim–source pair (claims and
// works merged by id within the input; every record's stance, certainty and unmapped fields kept as
// a StanceRecord), without one each record is a work of a bibliography. The records' strings must
// outlive add(). One mapper per input; not thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <limits>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "evgraph/error.hpp"
#include "evgraph/evidence.hpp"
#include "evgraph/input.hpp"
#include "evgraph/lexicon.hpp"
#include "evgraph/text.hpp"
#include "text/nearest.hpp"

namespace evgraph::detail {

inline constexpr std::size_t kNoOffset = std::numeric_limits<std::size_t>::max();
inline constexpr std::size_t kRoleCount = std::size(kFieldRoles);

// One field of a record. A CSV cell or a JSON string is in `text`; a JSON value of another type is
// only in `json` (which JSON Lines sets for strings too).
struct RecordField {
  std::string_view name;
  std::string_view text;
  const nlohmann::ordered_json* json = nullptr;
  std::size_t offset = kNoOffset;  // byte offset of the value in the Text, when known
};

struct Record {
  std::vector<RecordField> fields;
  std::size_t offset = 0;  // byte offset of the record's first character
};

class RecordMapper {
 public:
  // `map` must not be empty (see implied_map); throws InputError when it names neither claim text
  // nor anything that identifies a work.
  RecordMapper(const Text& text, std::string format, FieldMap map, const Lexicon& lexicon,
               Diagnostics& diagnostics);

  // The field names of a header row, so that a map naming a column that does not exist is
  // reported there (and suggestions come from them).
  void note_header(const std::vector<std::string_view>& names, std::size_t offset);
  void add(const Record& record);
  Evidence finish();

 private:
  using Slots = std::array<const RecordField*, kRoleCount>;
  struct RoleState {
    const std::string* field = nullptr;  // the mapped field name; null when the role is unmapped
    bool seen = false;                   // some record has the field
    std::vector<std::size_t> pending;    // offsets of records missing it, before it was seen
  };

  Slots resolve(const Record& record);
  void report_missing(std::size_t role, std::size_t offset);
  void add_claim_row(const Record& record, const Slots& slots);
  void add_work_row(const Record& record, const Slots& slots);
  void add_extra_identifiers(const Record& record, SourceRecord& work);
  std::size_t claim_index(std::string_view text, Location where);
  std::vector<std::size_t> cited_works(const Record& record, const Slots& slots);
  std::optional<SourceRecord> work_from(const std::vector<std::string>& references,
                                        const Record& record, const Slots& slots, bool metadata);
  void add_identifier(std::string_view kind, std::size_t role, const Slots& slots,
                      const Record& record, std::vector<SourceIdentity>& identities);
  void add_metadata(SourceRecord& work, const Slots& slots);
  std::size_t add_work(SourceRecord work);
  StanceRecord stance_record(const Record& record, const Slots& slots);
  // The record's fields that no role but `id` names (and `kept`), as a compact JSON object.
  std::string unmapped_data(const Record& record, const Slots& slots,
                            const RecordField* kept) const;
  void add_concepts(std::size_t claim, const Slots& slots);
  void check_map_roles();
  void collect_names(const Record& record);
  Location locate(const Record& record, const RecordField* field) const;
  void warn(Location where, std::string message, std::string code);

  const Text& text_;
  const Lexicon& lexicon_;
  Diagnostics& diagnostics_;
  FieldMap map_;
  std::array<RoleState, kRoleCount> roles_;
  bool claims_ = false;
  bool all_seen_ = false;
  std::vector<std::string> names_;  // distinct field names seen while some role was still unseen
  std::optional<Location> header_;
  EvidenceBuilder builder_;
  std::unordered_map<std::string, std::size_t> claim_of_;
  std::unordered_map<std::string, std::size_t> work_of_;
  std::string scratch_;
};

// The map a header (or a first record) implies when no --map is given: every field named after a
// role ("text", "Source", " doi ") or a common alias of one ("Claim", "Author", "Publication Year")
// maps to it. Empty when none does, or when none names a work.
FieldMap implied_map(const std::vector<std::string_view>& names);

// The items of a list cell: "a; b | c" → {"a", "b", "c"}, trimmed, empty items dropped.
std::vector<std::string_view> split_list(std::string_view cell);

// A population/intervention/outcome named in the input: the lexicon's concept when the whole name
// is one of its terms for that type, else one made from the name. nullopt for a name with no
// letters or digits.
std::optional<ConceptRef> named_concept(NodeType type, std::string_view name,
                                        const Lexicon& lexicon);

// nlohmann's parse-error text without its "[json.exception…] parse error at line 1, column 5: "
// prefix (evgraph reports the place itself).
std::string_view json_error_detail(std::string_view what);

}  // namespace evgraph::detail
