// Lexicon: the named concepts (populations, interventions, outcomes) that extraction looks for.
// A concept has a canonical name, a type, a slug (its id is "<type>:<slug>") and synonyms. Matching
// is whole-word, case-insensitive and folds simple plurals ("communities" = "community"); where
// terms overlap the longest wins. JSON form: {"concepts": [{"name", "type", "synonyms": [...],
// "slug"?}]}, read by parse_lexicon and written by to_json. A built Lexicon is immutable and safe
// to share across threads.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "evgraph/vocabulary.hpp"

namespace evgraph {

struct Concept {
  std::string name;
  NodeType type = NodeType::population;
  std::string slug;
  std::vector<std::string> synonyms;

  std::string id() const;
};

struct Mention {
  std::size_t concept_index = 0;
  std::size_t begin = 0;  // byte offsets into the searched text
  std::size_t end = 0;
};

class Lexicon {
 public:
  Lexicon();
  explicit Lexicon(std::vector<Concept> concepts);
  Lexicon(const Lexicon&);
  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(Lexicon);
  ~Lexicon();

  const std::vector<Concept>& concepts() const noexcept { return concepts_; }
  // Every non-overlapping mention in `text`, left to right, longest match first.
  std::vector<Mention> find(std::string_view text) const;
  // Concepts of `other` are added; one with the same id replaces this lexicon's.
  Lexicon merged_with(const Lexicon& other) const;

 private:
  struct Index;
  std::vector<Concept> concepts_;
  std::unique_ptr<Index> index_;
};

// The lexicon built into the tool (populations, peer-support interventions, mental-health
// outcomes).
const Lexicon& default_lexicon();
// Throws InputError (with file, line and column where known) when the JSON is malformed.
Lexicon parse_lexicon(std::string_view json, const std::string& name);
Lexicon read_lexicon(const std::filesystem::path& path);
// The lexicon as JSON in the form parse_lexicon reads (two-space indented, a final newline):
// concepts in order, each with "name", "type", "slug" (only where it is not the name's slug) and
// "synonyms" (the name left out). parse_lexicon(to_json(l)) finds what `l` finds: a synonym that a
// later concept took over (merged_with) is left out of the earlier concept, which no longer
// matches it.
std::string to_json(const Lexicon& lexicon);

// "Low-SES men" -> "low-ses-men": lower-case ASCII letters and digits joined by single hyphens.
std::string slugify(std::string_view text);

}  // namespace evgraph
