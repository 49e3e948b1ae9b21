#include "evgraph/lexicon.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "evgraph/error.hpp"

using evgraph::Concept;
using evgraph::InputError;
using evgraph::Lexicon;
using evgraph::NodeType;

namespace {

Concept make(std::string name, NodeType type, std::vector<std::string> synonyms = {},
             std::string slug = {}) {
  Concept c;
  c.name = std::move(name);
  c.type = type;
  c.synonyms = std::move(synonyms);
  c.slug = std::move(slug);
  return c;
}

// "population:students=high school students" for each mention, left to right.
std::vector<std::string> found(const Lexicon& lexicon, std::string_view text) {
  std::vector<std::string> out;
  for (const auto& m : lexicon.find(text)) {
    out.push_back(lexicon.concepts().at(m.concept_index).id() + "=" +
                  std::string(text.substr(m.begin, m.end - m.begin)));
  }
  return out;
}

std::set<std::string> ids_of_type(const Lexicon& lexicon, std::string_view text, NodeType type) {
  std::set<std::string> out;
  for (const auto& m : lexicon.find(text)) {
    const Concept& c = lexicon.concepts().at(m.concept_index);
    if (c.type == type) out.insert(c.id());
  }
  return out;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

const Lexicon& small_lexicon() {
  static const Lexicon lexicon({
      make("Students", NodeType::population, {"high school students", "university students"}),
      make("Low-SES men", NodeType::population,
           {"men with low socioeconomic status", "low SES men"}),
      make("Indigenous communities", NodeType::population, {"Aboriginal"}),
      make("Veterans", NodeType::population),
      make("Peer support groups", NodeType::intervention, {"peer support", "support groups"}),
      make("Community approaches", NodeType::intervention),
      make("Self-esteem", NodeType::outcome),
      make("Psychological distress", NodeType::outcome, {"distress"}),
      make("Status", NodeType::outcome, {"analysis"}),
      make("Men's sheds", NodeType::intervention),
  });
  return lexicon;
}

}  // namespace

TEST_CASE("slugify joins lower-case ASCII words with single hyphens", "[lexicon]") {
  CHECK(evgraph::slugify("Low-SES men") == "low-ses-men");
  CHECK(evgraph::slugify("Indigenous communities") == "indigenous-communities");
  CHECK(evgraph::slugify("  Veterans  ") == "veterans");
  CHECK(evgraph::slugify("LGBTQ+ people") == "lgbtq-people");
  CHECK(evgraph::slugify("Men's sheds") == "mens-sheds");
  CHECK(evgraph::slugify("Men\u2019s sheds") == "mens-sheds");
  CHECK(evgraph::slugify("M\u0101ori health") == "maori-health");
  CHECK(evgraph::slugify("---") == "");
}

TEST_CASE("concept id is type and slug with the slug defaulting to the name", "[lexicon]") {
  CHECK(make("Low-SES men", NodeType::population).id() == "population:low-ses-men");
  CHECK(make("Veterans", NodeType::population, {}, "vets").id() == "population:vets");
  CHECK(make("Self-esteem", NodeType::outcome).id() == "outcome:self-esteem");
  const Lexicon lexicon({make("Peer support groups", NodeType::intervention)});
  CHECK(lexicon.concepts().at(0).slug == "peer-support-groups");
}

TEST_CASE("matching is whole-word", "[lexicon]") {
  const Lexicon lexicon(
      {make("Students", NodeType::population), make("Low SES", NodeType::population, {"SES"})});
  CHECK(found(lexicon, "a studentship for sessions").empty());
  CHECK(found(lexicon, "students, SES.") ==
        std::vector<std::string>{"population:students=students", "population:low-ses=SES"});
  CHECK(found(lexicon, "studentsX").empty());
  CHECK(found(lexicon, "X2students").empty());
}

TEST_CASE("matching is case-insensitive", "[lexicon]") {
  CHECK(
      found(small_lexicon(), "VETERANS and Self-Esteem") ==
      std::vector<std::string>{"population:veterans=VETERANS", "outcome:self-esteem=Self-Esteem"});
}

TEST_CASE("hyphens and spaces are interchangeable in both directions", "[lexicon]") {
  CHECK(found(small_lexicon(), "higher self esteem") ==
        std::vector<std::string>{"outcome:self-esteem=self esteem"});
  CHECK(found(small_lexicon(), "higher self-esteem") ==
        std::vector<std::string>{"outcome:self-esteem=self-esteem"});
  CHECK(found(small_lexicon(), "among low-SES men") ==
        std::vector<std::string>{"population:low-ses-men=low-SES men"});
  CHECK(found(small_lexicon(), "among low SES men") ==
        std::vector<std::string>{"population:low-ses-men=low SES men"});
  CHECK(found(small_lexicon(), "among Low\u2011SES men") ==  // non-breaking hyphen
        std::vector<std::string>{"population:low-ses-men=Low\u2011SES men"});
  CHECK(found(small_lexicon(), "low / SES men").size() == 1);
}

TEST_CASE("possessive apostrophes straight or curly do not block a match", "[lexicon]") {
  CHECK(found(small_lexicon(), "veterans\u2019 own experiences") ==
        std::vector<std::string>{"population:veterans=veterans"});
  CHECK(found(small_lexicon(), "the veteran's view") ==
        std::vector<std::string>{"population:veterans=veteran"});
  CHECK(found(small_lexicon(), "local men\u2019s sheds") ==
        std::vector<std::string>{"intervention:mens-sheds=men\u2019s sheds"});
  CHECK(found(small_lexicon(), "Men's Shed") ==
        std::vector<std::string>{"intervention:mens-sheds=Men's Shed"});
  CHECK(found(small_lexicon(), "the mens sheds").empty());
}

TEST_CASE("simple plurals fold on both sides", "[lexicon]") {
  const Lexicon lexicon({make("Indigenous communities", NodeType::population),
                         make("Veteran", NodeType::population),
                         make("Approach", NodeType::intervention, {"classes"}),
                         make("Woman", NodeType::population, {"men", "children"})});
  CHECK(found(lexicon, "an Indigenous community") ==
        std::vector<std::string>{"population:indigenous-communities=Indigenous community"});
  CHECK(found(lexicon, "Indigenous communities") ==
        std::vector<std::string>{"population:indigenous-communities=Indigenous communities"});
  CHECK(found(lexicon, "veterans") == std::vector<std::string>{"population:veteran=veterans"});
  CHECK(found(lexicon, "approaches") ==
        std::vector<std::string>{"intervention:approach=approaches"});
  const Lexicon aches({make("Headache", NodeType::outcome), make("Reach", NodeType::outcome),
                       make("Coach", NodeType::population), make("Ache", NodeType::outcome)});
  CHECK(found(aches, "headaches reaches coaches aches") ==
        std::vector<std::string>{"outcome:headache=headaches", "outcome:reach=reaches",
                                 "population:coach=coaches", "outcome:ache=aches"});
  CHECK(found(lexicon, "a class") == std::vector<std::string>{"intervention:approach=class"});
  CHECK(found(lexicon, "women man child") == std::vector<std::string>{"population:woman=women",
                                                                      "population:woman=man",
                                                                      "population:woman=child"});
  CHECK(found(small_lexicon(), "university student") ==
        std::vector<std::string>{"population:students=university student"});
}

TEST_CASE("words ending in ss us is and short words are not plurals", "[lexicon]") {
  const Lexicon lexicon({make("Distres", NodeType::outcome), make("Statu", NodeType::outcome),
                         make("Analysi", NodeType::outcome), make("Se", NodeType::population)});
  CHECK(found(lexicon, "distress status analysis SES").empty());
  CHECK(found(small_lexicon(), "distress, status and analysis") ==
        std::vector<std::string>{"outcome:psychological-distress=distress", "outcome:status=status",
                                 "outcome:status=analysis"});
}

TEST_CASE("the longest term wins and matches never overlap", "[lexicon]") {
  CHECK(found(small_lexicon(), "male high school students and students") ==
        std::vector<std::string>{"population:students=high school students",
                                 "population:students=students"});
  CHECK(found(small_lexicon(), "peer support groups") ==
        std::vector<std::string>{"intervention:peer-support-groups=peer support groups"});
  const Lexicon lexicon({make("Support", NodeType::intervention),
                         make("Support groups", NodeType::intervention),
                         make("Groups for men", NodeType::population)});
  CHECK(found(lexicon, "support groups for men") ==
        std::vector<std::string>{"intervention:support-groups=support groups"});
  CHECK(found(lexicon, "support and groups for men") ==
        std::vector<std::string>{"intervention:support=support",
                                 "population:groups-for-men=groups for men"});
}

TEST_CASE("mentions are left to right with byte offsets into the original text", "[lexicon]") {
  const std::string text = "M\u0101ori veterans\u2019 self\u2011esteem [1]";
  const auto mentions = small_lexicon().find(text);
  REQUIRE(mentions.size() == 2);
  CHECK(mentions[0].begin == 7);
  CHECK(mentions[0].end == 15);
  CHECK(text.substr(mentions[1].begin, mentions[1].end - mentions[1].begin) == "self\u2011esteem");
  CHECK(small_lexicon().concepts().at(mentions[1].concept_index).id() == "outcome:self-esteem");
  CHECK(small_lexicon().find("").empty());
  CHECK(Lexicon().find("veterans").empty());
}

TEST_CASE("terms do not match across sentence punctuation", "[lexicon]") {
  CHECK(found(small_lexicon(), "low SES. Men") == std::vector<std::string>{});
  CHECK(found(small_lexicon(), "peer support, groups") ==
        std::vector<std::string>{"intervention:peer-support-groups=peer support"});
  CHECK(found(small_lexicon(), "self (esteem)").empty());
  const Lexicon lexicon({make("U.S. veterans", NodeType::population)});
  CHECK(found(lexicon, "U.S. veterans") ==
        std::vector<std::string>{"population:u-s-veterans=U.S. veterans"});
  CHECK(found(lexicon, "US veterans").empty());
}

TEST_CASE("non-ASCII letters are words and case-folded", "[lexicon]") {
  const Lexicon lexicon({make("M\u0101ori", NodeType::population, {}, "maori")});
  CHECK(found(lexicon, "M\u0100ORI whanau") ==
        std::vector<std::string>{"population:maori=M\u0100ORI"});
  CHECK(found(lexicon, "M\u0101orix").empty());
  // Decomposed input is composed (NFC) before indexing.
  const Lexicon decomposed({make("Ma\u0304ori", NodeType::population, {}, "maori")});
  CHECK(found(decomposed, "M\u0101ori") == std::vector<std::string>{"population:maori=M\u0101ori"});
}

TEST_CASE("invalid UTF-8 in searched text is only a separator", "[lexicon]") {
  const std::string text =
      "veterans\xff\xfe"
      "students";
  CHECK(found(small_lexicon(), text) ==
        std::vector<std::string>{"population:veterans=veterans", "population:students=students"});
}

TEST_CASE("copies and assignment keep a working index", "[lexicon]") {
  Lexicon copy = small_lexicon();
  CHECK(found(copy, "veterans").size() == 1);
  Lexicon moved = std::move(copy);
  CHECK(found(moved, "veterans").size() == 1);
  Lexicon assigned;
  assigned = moved;
  CHECK(found(assigned, "veterans").size() == 1);
  CHECK(assigned.concepts().size() == small_lexicon().concepts().size());
}

TEST_CASE("merged_with adds concepts and replaces those with the same id", "[lexicon]") {
  const Lexicon base({make("Veterans", NodeType::population, {"soldiers"}),
                      make("Students", NodeType::population),
                      make("Support groups", NodeType::intervention)});
  const Lexicon extra({make("Ex-forces", NodeType::population, {"soldiers"}, "veterans"),
                       make("Therapists", NodeType::population),
                       make("Peer groups", NodeType::intervention, {"support groups"})});
  const Lexicon merged = base.merged_with(extra);
  std::vector<std::string> ids;
  for (const auto& c : merged.concepts()) ids.push_back(c.id());
  CHECK(ids == std::vector<std::string>{"population:students", "intervention:support-groups",
                                        "population:veterans", "population:therapists",
                                        "intervention:peer-groups"});
  CHECK(found(merged, "soldiers and therapists and students") ==
        std::vector<std::string>{"population:veterans=soldiers", "population:therapists=therapists",
                                 "population:students=students"});
  CHECK(found(merged, "Veterans").empty());  // replaced: the old name is gone
  CHECK(found(merged, "ex-forces") == std::vector<std::string>{"population:veterans=ex-forces"});
  // The added lexicon wins a term both define.
  CHECK(found(merged, "support groups") ==
        std::vector<std::string>{"intervention:peer-groups=support groups"});
  CHECK(base.concepts().size() == 3);
}

TEST_CASE("parse_lexicon reads concepts with optional slug and synonyms", "[lexicon]") {
  const Lexicon lexicon = evgraph::parse_lexicon(R"({"concepts": [
    {"name": "Low-SES men", "type": "population", "synonyms": ["low-income men"]},
    {"name": "Men's sheds", "type": "intervention", "slug": "sheds", "synonyms": []},
    {"name": "Self-esteem", "type": "outcome"}
  ]})",
                                                 "test.json");
  REQUIRE(lexicon.concepts().size() == 3);
  CHECK(lexicon.concepts()[0].id() == "population:low-ses-men");
  CHECK(lexicon.concepts()[0].slug == "low-ses-men");
  CHECK(lexicon.concepts()[1].id() == "intervention:sheds");
  CHECK(lexicon.concepts()[2].type == NodeType::outcome);
  CHECK(found(lexicon, "low-income men, Low-SES men") ==
        std::vector<std::string>{"population:low-ses-men=low-income men",
                                 "population:low-ses-men=Low-SES men"});
  CHECK(evgraph::parse_lexicon(R"({"concepts": []})", "empty.json").concepts().empty());
}

TEST_CASE("malformed lexicon JSON gives InputError with line and column", "[lexicon]") {
  const std::string json =
      "{\"concepts\": [\n  {\"name\": \"A\", \"type\": \"outcome\"},\n"
      "  {\"name\": \"B\" \"type\": \"outcome\"}\n]}\n";
  try {
    evgraph::parse_lexicon(json, "bad.json");
    FAIL("no exception");
  } catch (const InputError& e) {
    CHECK(e.where().file == "bad.json");
    CHECK(e.where().line == 3);
    CHECK(e.where().column == 21);  // the end of the offending token, as nlohmann reports it
    CHECK_THAT(e.what(), Catch::StartsWith("bad.json:3:21: error: invalid JSON: "));
  }
  try {
    evgraph::parse_lexicon("{\"concepts\": [", "short.json");
    FAIL("no exception");
  } catch (const InputError& e) {
    CHECK(e.where().line == 1);
  }
  CHECK_THROWS_AS(evgraph::parse_lexicon("", "empty.json"), InputError);
}

TEST_CASE("lexicon content errors name the lexicon and the concept", "[lexicon]") {
  auto message = [](const std::string& json) {
    try {
      evgraph::parse_lexicon(json, "lex.json");
    } catch (const InputError& e) {
      CHECK(e.where().file == "lex.json");
      return std::string(e.what());
    }
    return std::string("no error");
  };
  using Catch::Contains;
  CHECK_THAT(message("[]"), Contains("JSON object"));
  CHECK_THAT(message("{}"), Contains("no \"concepts\""));
  CHECK_THAT(message(R"({"concept": []})"), Contains("unknown key \"concept\""));
  CHECK_THAT(message(R"({"concepts": {}})"), Contains("must be an array"));
  CHECK_THAT(message(R"({"concepts": [{"name": "A", "type": "outcome", "synonym": ["b"]}]})"),
             Contains("concepts[0] has unknown key \"synonym\""));
  CHECK_THAT(message(R"({"concepts": [{"type": "outcome"}]})"),
             Contains("concepts[0] has no \"name\""));
  CHECK_THAT(message(R"({"concepts": [{"name": "A"}]})"), Contains("no \"type\""));
  CHECK_THAT(message(R"({"concepts": [{"name": "A", "type": "claim"}]})"),
             Contains("type \"claim\" is not one of"));
  CHECK_THAT(message(R"({"concepts": [{"name": 3, "type": "outcome"}]})"),
             Contains("\"name\" must be a string, not number"));
  CHECK_THAT(message(R"({"concepts": [{"name": "A", "type": "outcome", "synonyms": "b"}]})"),
             Contains("\"synonyms\" must be an array"));
  CHECK_THAT(message(R"({"concepts": [{"name": "A", "type": "outcome", "synonyms": [1]}]})"),
             Contains("synonyms[0] must be a string"));
  CHECK_THAT(message(R"({"concepts": [{"name": "A", "type": "outcome", "slug": "Bad Slug"}]})"),
             Contains("slug \"Bad Slug\""));
  CHECK_THAT(message(R"({"concepts": [{"name": "\u8001\u4eba", "type": "outcome"}]})"),
             Contains("add a \"slug\""));
  CHECK_THAT(message(R"({"concepts": [{"name": "--", "type": "outcome"}]})"),
             Contains("no letters or digits"));
  CHECK_THAT(message(R"({"concepts": [{"name": "A", "type": "outcome"},
                                      {"name": "a", "type": "outcome"}]})"),
             Contains("same id \"outcome:a\""));
  CHECK_THAT(message(R"({"concepts": [{"name": "Peer support", "type": "intervention"},
                    {"name": "Groups", "type": "intervention", "synonyms": ["peer-support"]}]})"),
             Contains("a term may belong to one concept only"));
}

TEST_CASE("read_lexicon reads a file and reports I/O errors", "[lexicon]") {
  CHECK_THROWS_AS(evgraph::read_lexicon("/nonexistent/lexicon.json"), evgraph::IoError);
  const auto path = std::filesystem::temp_directory_path() / "evgraph_lexicon_test.json";
  {
    std::ofstream out(path, std::ios::binary);
    out << R"({"concepts": [{"name": "Veterans", "type": "population"}]})";
  }
  CHECK(evgraph::read_lexicon(path).concepts().at(0).id() == "population:veterans");
  {
    std::ofstream out(path, std::ios::binary);
    out << "{\n\n  oops\n}";
  }
  try {
    evgraph::read_lexicon(path);
    FAIL("no exception");
  } catch (const InputError& e) {
    CHECK(e.where().file == path.string());
    CHECK(e.where().line == 3);
  }
  std::filesystem::remove(path);
}

TEST_CASE("the default lexicon has the expected concepts and no generic men", "[lexicon]") {
  const Lexicon& lexicon = evgraph::default_lexicon();
  CHECK(&lexicon == &evgraph::default_lexicon());
  std::set<std::string> ids;
  for (const auto& c : lexicon.concepts()) {
    ids.insert(c.id());
    CHECK((c.type == NodeType::population || c.type == NodeType::intervention ||
           c.type == NodeType::outcome));
  }
  for (const char* id : {"population:veterans",
                         "population:indigenous-communities",
                         "population:students",
                         "population:low-ses-men",
                         "population:older-adults",
                         "population:fathers",
                         "intervention:peer-support-groups",
                         "intervention:family-wellbeing-programmes",
                         "intervention:arts-based-groups",
                         "intervention:suicide-prevention",
                         "intervention:mens-sheds",
                         "outcome:isolation",
                         "outcome:self-esteem",
                         "outcome:psychological-distress",
                         "outcome:depression",
                         "outcome:wellbeing",
                         "outcome:help-seeking",
                         "outcome:sense-of-purpose",
                         "outcome:mental-health-management",
                         "outcome:empathy",
                         "outcome:emotional-regulation"}) {
    CHECK(ids.count(id) == 1);
  }
  auto label = [&](const std::string& id) {
    for (const auto& c : lexicon.concepts())
      if (c.id() == id) return c.name;
    return std::string();
  };
  CHECK(label("population:veterans") == "Veterans");
  CHECK(label("population:indigenous-communities") == "Indigenous communities");
  CHECK(label("population:students") == "Students");
  CHECK(label("population:low-ses-men") == "Low-SES men");
  CHECK(found(lexicon, "men and a man and boys' men").size() == 1);  // only "boys"
  CHECK(ids_of_type(lexicon, "Men with low socioeconomic status", NodeType::population) ==
        std::set<std::string>{"population:low-ses-men"});
  CHECK(ids_of_type(lexicon, "low-income men", NodeType::population) ==
        std::set<std::string>{"population:low-ses-men"});
  CHECK(ids_of_type(lexicon, "First Nations and Aboriginal people", NodeType::population) ==
        std::set<std::string>{"population:indigenous-communities"});
  CHECK(ids_of_type(lexicon, "college students", NodeType::population) ==
        std::set<std::string>{"population:students"});
  CHECK(ids_of_type(lexicon, "older men and the elderly", NodeType::population) ==
        std::set<std::string>{"population:older-adults"});
  CHECK(ids_of_type(lexicon, "reduced feelings of isolation", NodeType::outcome) ==
        std::set<std::string>{"outcome:isolation"});
  CHECK(ids_of_type(lexicon, "mutual aid groups and peer-led groups", NodeType::intervention) ==
        std::set<std::string>{"intervention:peer-support-groups"});
}

TEST_CASE("the default lexicon links the seed claims to the right populations", "[lexicon]") {
  const auto lines = lines_of(read_file(std::filesystem::path(EVGRAPH_SOURCE_DIR) /
                                        "graphs/men-peer-support/men-peer-support.txt"));
  const Lexicon& lexicon = evgraph::default_lexicon();
  auto line_with = [&](std::string_view needle) {
    for (const auto& line : lines)
      if (line.find(needle) != std::string::npos) return line;
    FAIL("no seed line contains " << needle);
    return std::string();
  };
  using Set = std::set<std::string>;
  // Each population appears on exactly the one line it belongs to.
  std::map<std::string, std::vector<std::size_t>> where;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    for (const auto& id : ids_of_type(lexicon, lines[i], NodeType::population)) {
      where[id].push_back(i);
    }
  }
  CHECK(where.size() == 4);
  for (const auto& [id, at] : where) {
    INFO(id);
    CHECK(at.size() == 1);
  }
  CHECK(ids_of_type(lexicon, line_with("Taking Charge of My Life and Health"),
                    NodeType::population) == Set{"population:veterans"});
  CHECK(ids_of_type(lexicon, line_with("Building Bridges"), NodeType::population) ==
        Set{"population:indigenous-communities"});
  CHECK(ids_of_type(lexicon, line_with("male high school students"), NodeType::population) ==
        Set{"population:students"});
  CHECK(ids_of_type(lexicon, line_with("men with low socioeconomic status"),
                    NodeType::population) == Set{"population:low-ses-men"});

  CHECK(ids_of_type(lexicon, line_with("Building Bridges"), NodeType::intervention) ==
        Set{"intervention:community-based-programmes", "intervention:suicide-prevention",
            "intervention:peer-support-groups", "intervention:family-wellbeing-programmes"});
  CHECK(ids_of_type(lexicon, line_with("male high school students"), NodeType::outcome) ==
        Set{"outcome:empathy", "outcome:self-esteem", "outcome:psychological-distress"});
  CHECK(ids_of_type(lexicon, line_with("men with low socioeconomic status"), NodeType::outcome) ==
        Set{"outcome:self-esteem", "outcome:emotional-regulation", "outcome:self-efficacy",
            "outcome:emotional-expression"});
  CHECK(ids_of_type(lexicon, line_with("men with low socioeconomic status"),
                    NodeType::intervention) == Set{"intervention:arts-based-groups"});
  CHECK(ids_of_type(lexicon, line_with("Support groups help reduce feelings of isolation"),
                    NodeType::outcome) == Set{"outcome:isolation", "outcome:social-connection"});
  CHECK(ids_of_type(lexicon, line_with("This study explored men"), NodeType::outcome) ==
        Set{"outcome:coping", "outcome:psychological-distress", "outcome:sense-of-purpose",
            "outcome:mental-health-management"});  // "reducing isolation": which isolation?
  // Citation lists and URLs mention nothing ("www.meld.community" is not a community).
  for (const auto& line : lines) {
    if (line.starts_with("[") || line.starts_with("Citations:")) {
      INFO(line);
      CHECK(lexicon.find(line).empty());
    }
  }
}

TEST_CASE("the example lexicon extends the default", "[lexicon]") {
  const auto dir = std::filesystem::path(EVGRAPH_SOURCE_DIR) / "graphs/men-peer-support";
  const Lexicon extra = evgraph::read_lexicon(dir / "lexicon.json");
  const Lexicon lexicon = evgraph::default_lexicon().merged_with(extra);
  CHECK(lexicon.concepts().size() > extra.concepts().size());
  const std::string text = read_file(dir / "men-peer-support.txt");
  const auto outcomes = ids_of_type(lexicon, text, NodeType::outcome);
  CHECK(outcomes.count("outcome:masculine-norms") == 1);
  CHECK(outcomes.count("outcome:shared-understanding") == 1);
  const auto populations = ids_of_type(lexicon, text, NodeType::population);
  CHECK(populations == std::set<std::string>{"population:veterans",
                                             "population:indigenous-communities",
                                             "population:students", "population:low-ses-men",
                                             "population:therapists"});
  const auto interventions = ids_of_type(lexicon, text, NodeType::intervention);
  CHECK(interventions.count("intervention:taking-charge-of-my-life-and-health") == 1);
  CHECK(interventions.count("intervention:building-bridges") == 1);
}

TEST_CASE("finding is linear on a long text", "[lexicon]") {
  std::string text;
  const std::string sentence =
      "For men with low socioeconomic status, arts-based peer groups enhanced self-esteem. ";
  for (int i = 0; i < 20000; ++i) text += sentence;
  const auto mentions = evgraph::default_lexicon().find(text);
  CHECK(mentions.size() == 60000);
}

TEST_CASE("generic terms do not land on men-specific or unrelated concepts", "[lexicon]") {
  const evgraph::Lexicon& lexicon = evgraph::default_lexicon();
  auto ids = [&](std::string_view text) {
    std::vector<std::string> found;
    for (const auto& m : lexicon.find(text)) {
      found.push_back(lexicon.concepts().at(m.concept_index).id());
    }
    return found;
  };
  CHECK(ids("state-of-the-art interventions").empty());
  CHECK(ids("patients with low SES") == std::vector<std::string>{"population:low-ses"});
  CHECK(ids("men with low socioeconomic status") ==
        std::vector<std::string>{"population:low-ses-men"});
  CHECK(ids("racial and ethnic minorities") ==
        std::vector<std::string>{"population:ethnic-minorities"});
  CHECK(ids("health literacy").empty());
}

// Issue 10: on Check-COVID, generic words landed on specific concepts. These are its sentences.
TEST_CASE("generic words in Check-COVID claims land on no specific concept", "[lexicon]") {
  const Lexicon& lexicon = evgraph::default_lexicon();
  using Set = std::set<std::string>;
  auto all = [&](std::string_view text) {
    Set out;
    for (const auto& m : lexicon.find(text))
      out.insert(lexicon.concepts().at(m.concept_index).id());
    return out;
  };
  // "therapy" alone is any therapy, not psychotherapy.
  CHECK(all("Plasma therapy is a new treatment being developed to target COVID-19.").empty());
  CHECK(all("Convalescent plasma therapy does not improve clinical results in patients suffering "
            "from COVID-19.")
            .empty());
  CHECK(all("group therapy and talking therapies") == Set{"intervention:psychotherapy"});
  // Young people, children and teenagers are not "young men".
  CHECK(all("Children are as likely to get infected with COVID-19 as teenagers and adults.") ==
        Set{"population:children", "population:young-people"});
  CHECK(all("The risk of dying from COVID-19 infection among young people is relatively low.") ==
        Set{"population:young-people"});
  CHECK(all("young men and adolescent boys") == Set{"population:young-men"});
  // A choir is not an arts-based intervention.
  CHECK(all("Meanwhile, documentation of indoor transmission of COVID-19 is widespread: at choir "
            "practices, exercise classes, religious services, birthday parties, and funerals")
            .count("intervention:arts-based-groups") == 0);
  CHECK(all("choirs, singing groups and music groups").empty());
  // Other senses of the mental-health outcomes' words.
  CHECK(all("self-isolation after exposure").empty());
  CHECK(all("acute respiratory distress syndrome").empty());
  CHECK(all("recovery from COVID-19 took weeks").empty());
  CHECK(all("feelings of isolation and emotional distress") ==
        Set{"outcome:isolation", "outcome:psychological-distress"});
  CHECK(all("cancer patients") == Set{"population:people-with-cancer"});
  CHECK(all("men with prostate cancer") == Set{"population:men-with-cancer"});
  CHECK(all("soldiers on active duty") == Set{"population:military-personnel"});
  CHECK(all("military veterans") == Set{"population:veterans"});
}

// README: a men-specific concept takes only men-specific terms.
TEST_CASE("every term of a men-specific concept names men", "[lexicon]") {
  // Words that name men, or (prostate, testicular) what only men have.
  static const std::set<std::string> kMale = {"men",      "man",      "male",      "males", "boys",
                                              "boy",      "fathers",  "father",    "dads",  "dad",
                                              "widowers", "prostate", "testicular"};
  auto words_of = [](std::string text) {
    for (char& c : text) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c == '-' || c == ',') c = ' ';
    }
    std::set<std::string> words;
    std::istringstream in(text);
    for (std::string w; in >> w;) words.insert(w);
    return words;
  };
  auto names_men = [&](const std::string& text) {
    for (const auto& w : words_of(text))
      if (kMale.count(w)) return true;
    return false;
  };
  std::size_t men_specific = 0;
  for (const auto& c : evgraph::default_lexicon().concepts()) {
    if (c.type != NodeType::population || !names_men(c.name)) continue;
    ++men_specific;
    INFO(c.name);
    for (const auto& synonym : c.synonyms) {
      INFO(synonym);
      CHECK(names_men(synonym));
    }
  }
  CHECK(men_specific >= 3);  // Low-SES men, Young men and boys, Men with cancer
}

TEST_CASE("to_json writes the lexicon in the form parse_lexicon reads", "[lexicon]") {
  const std::string file =
      read_file(std::filesystem::path(EVGRAPH_SOURCE_DIR) / "src/extract/default_lexicon.json");
  const std::string written = evgraph::to_json(evgraph::default_lexicon());
  // The built-in lexicon comes out as the file it is compiled from, byte for byte.
  CHECK(written == file);
  const Lexicon back = evgraph::parse_lexicon(written, "written.json");
  REQUIRE(back.concepts().size() == evgraph::default_lexicon().concepts().size());
  for (std::size_t i = 0; i < back.concepts().size(); ++i) {
    const Concept& a = back.concepts()[i];
    const Concept& b = evgraph::default_lexicon().concepts()[i];
    CHECK(a.id() == b.id());
    CHECK(a.name == b.name);
    CHECK(a.type == b.type);
    CHECK(a.synonyms == b.synonyms);
  }
  CHECK(evgraph::to_json(back) == written);

  // Names, slugs and non-ASCII text survive; a slug that is the name's own is not written.
  const Lexicon small({make("Māori men", NodeType::population, {"tāne Māori"}),
                       make("Peer \"support\"", NodeType::intervention, {}, "peer"),
                       make("Sleep", NodeType::outcome, {"sleep quality"}, "sleep")});
  const std::string small_json = evgraph::to_json(small);
  CHECK(small_json ==
        "{\n  \"concepts\": [\n    {\n      \"name\": \"Māori men\",\n      \"type\": "
        "\"population\",\n      \"synonyms\": [\n        \"tāne Māori\"\n      ]\n    },\n    {\n"
        "      \"name\": \"Peer \\\"support\\\"\",\n      \"type\": \"intervention\",\n      "
        "\"slug\": \"peer\"\n    },\n    {\n      \"name\": \"Sleep\",\n      \"type\": "
        "\"outcome\",\n      \"synonyms\": [\n        \"sleep quality\"\n      ]\n    }\n  ]\n}\n");
  const Lexicon small_back = evgraph::parse_lexicon(small_json, "small.json");
  CHECK(found(small_back, "tane maori and peer support and sleep quality") ==
        found(small, "tane maori and peer support and sleep quality"));
}

TEST_CASE("to_json of a merged lexicon leaves out the terms a later file took over", "[lexicon]") {
  const Lexicon base(
      {make("Veterans", NodeType::population, {"soldiers", "ex-service personnel"})});
  const Lexicon extra({make("Serving soldiers", NodeType::population, {"soldiers"})});
  const Lexicon merged = base.merged_with(extra);
  CHECK(found(merged, "soldiers") ==
        std::vector<std::string>{"population:serving-soldiers=soldiers"});
  const std::string written = evgraph::to_json(merged);
  CHECK(written.find("\"soldiers\"") == written.rfind("\"soldiers\""));  // written once
  const Lexicon back = evgraph::parse_lexicon(written, "merged.json");   // no duplicate term
  CHECK(found(back, "soldiers and ex-service personnel") ==
        found(merged, "soldiers and ex-service personnel"));
}
