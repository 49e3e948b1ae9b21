// libFuzzer harness: a lexicon (parse_lexicon). A lexicon read back from its own to_json() finds
// what it found, in the text of its own names and synonyms.
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace evgraph;
  Lexicon lexicon;
  try {
    lexicon = parse_lexicon(fuzz::bytes(data, size), "lexicon.json");
  } catch (const InputError&) {
    return 0;
  }
  std::string words;
  for (const Concept& c : lexicon.concepts()) {
    words += c.name + ". ";
    for (const std::string& synonym : c.synonyms) words += synonym + " and " + synonym + "s. ";
  }
  const Lexicon again = parse_lexicon(to_json(lexicon), "again.json");
  const std::vector<Mention> found = lexicon.find(words);
  const std::vector<Mention> found_again = again.find(words);
  fuzz::require(found.size() == found_again.size(), "to_json's lexicon finds another count");
  for (std::size_t i = 0; i < found.size(); ++i) {
    fuzz::require(found[i].begin == found_again[i].begin && found[i].end == found_again[i].end &&
                      lexicon.concepts()[found[i].concept_index].id() ==
                          again.concepts()[found_again[i].concept_index].id(),
                  "to_json's lexicon finds another mention");
  }
  return 0;
}
