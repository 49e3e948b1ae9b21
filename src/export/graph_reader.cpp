#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "evgraph/convert.hpp"
#include "evgraph/evidence.hpp"
#include "text/json_number.hpp"
#include "text/json_place.hpp"

namespace evgraph {
namespace {

using Json = nlohmann::ordered_json;

class GraphReader {
 public:
  GraphReader(const Text& text, Diagnostics& diagnostics)
      : text_(text), diagnostics_(diagnostics) {}

  EvidenceGraph run() {
    const Json root = parse();
    links_key_ = root.contains("links") ? "links" : "edges";
    const Json* links = find_array(root, links_key_);
    const Json* nodes = find_array(root, "nodes");
    if (!nodes || !links) fail("not an evgraph node-link graph: it needs \"nodes\" and \"links\"");
    graph_.reserve(nodes->size());
    for (std::size_t i = 0; i < nodes->size(); ++i) add_node((*nodes)[i], i);
    for (std::size_t i = 0; i < links->size(); ++i) add_link((*links)[i], i);
    return std::move(graph_);
  }

 private:
  Json parse() const {
    try {
      return Json::parse(text_.content());
    } catch (const Json::parse_error& e) {
      throw InputError(text_.locate(e.byte > 0 ? e.byte - 1 : 0),
                       "not JSON: " + std::string(e.what()));
    } catch (const Json::out_of_range& e) {
      const auto overflow = detail::json_number_overflow(text_.content(), e.what());
      throw InputError(text_.locate(overflow.offset), "not JSON: " + overflow.message);
    }
  }

  static const Json* find_array(const Json& root, const char* key) {
    if (!root.is_object()) return nullptr;
    auto found = root.find(key);
    return found != root.end() && found->is_array() ? &*found : nullptr;
  }

  [[noreturn]] void fail(const std::string& message) const {
    throw InputError({text_.name(), 0, 0}, message);
  }

  static std::string text_of(const Json& j, const char* key) {
    auto found = j.find(key);
    return found != j.end() && found->is_string() ? found->get<std::string>() : std::string();
  }

  static std::vector<std::string> list_of(const Json& j, const char* key) {
    std::vector<std::string> out;
    auto found = j.find(key);
    if (found == j.end() || !found->is_array()) return out;
    for (const Json& item : *found) {
      if (item.is_string()) out.push_back(item.get<std::string>());
    }
    return out;
  }

  // `data` as the compact JSON text the exports splice: a value as nlohmann dumps it; a string as
  // the JSON it holds, or (not JSON) as that string, which is how the exports have always written
  // it; an empty string as none. (So a record's " {}" becomes "{}", which records omit.)
  static std::string data_of(const Json& j) {
    auto found = j.find("data");
    if (found == j.end()) return {};
    if (!found->is_string()) return found->dump();
    const std::string& text = found->get_ref<const std::string&>();
    if (text.empty()) return {};
    const Json parsed = Json::parse(text, nullptr, false);
    return parsed.is_discarded() ? found->dump() : parsed.dump();
  }

  static std::size_t number_of(const Json& j, const char* key) {
    auto found = j.find(key);
    return found != j.end() && found->is_number_unsigned() ? found->get<std::size_t>() : 0;
  }

  void add_node(const Json& j, std::size_t index) {
    const std::string where = "node " + std::to_string(index + 1);
    if (!j.is_object()) fail(where + " is not an object");
    Node node;
    node.id = text_of(j, "id");
    const auto type = node_type_from_string(text_of(j, "type"));
    if (node.id.empty() || !type) fail(where + " needs an \"id\" and a known \"type\"");
    if (graph_.find(node.id)) fail(where + ": id '" + node.id + "' is used twice");
    node.type = *type;
    node.label = text_of(j, "label");
    node.text = text_of(j, "text");
    node.kind = text_of(j, "kind") == "commentary" ? ClaimKind::commentary : ClaimKind::finding;
    if (auto found = j.find("occurrences"); found != j.end() && found->is_array()) {
      for (const Json& o : *found) {
        node.occurrences.push_back({text_of(o, "document"), number_of(o, "line"),
                                    number_of(o, "column"), number_of(o, "block"),
                                    list_of(o, "markers"), text_of(o, "section")});
      }
    }
    node.url = text_of(j, "url");
    node.urls = list_of(j, "urls");
    node.scheme = text_of(j, "scheme");
    node.identifier = text_of(j, "identifier");
    node.also = list_of(j, "also");
    node.title = text_of(j, "title");
    node.authors = list_of(j, "authors");
    node.year = text_of(j, "year");
    node.data = data_of(j);
    node.merged_because = list_of(j, "merged_because");
    node.path = text_of(j, "path");
    node.format = text_of(j, "format");
    node.accessed = text_of(j, "accessed");
    if (node.type == NodeType::answer) {
      AnswerInfo answer;
      answer.heading = text_of(j, "heading");
      answer.assistant = text_of(j, "assistant");
      answer.model = text_of(j, "model");
      answer.date = text_of(j, "date");
      answer.query = text_of(j, "query");
      answer.searches = list_of(j, "searches");
      answer.where = {node.path, number_of(j, "line"), 0};
      node.answer = std::make_shared<const AnswerInfo>(std::move(answer));
    }
    graph_.add_node(std::move(node));
  }

  // Where a member of link `link` (of its record `record` when given) is written. The text is
  // scanned for places only when the first bad value turns up.
  Location place_of(std::size_t link, std::optional<std::size_t> record, const char* key) {
    if (!places_) places_ = detail::PlaceScanner(text_.content()).scan();
    const detail::JsonPlace& at = places_->member(links_key_).item(link);
    return text_.locate(record ? at.member("records").item(*record).member(key).offset
                               : at.member(key).offset);
  }

  // A stance or certainty as exported ("" or absent: unstated; `mixed` on a link only), or a
  // dataset's spelling of one (a hand-edited "refutes"); anything else is a warning, and the
  // value is unstated.
  template <typename Value>
  Value vocabulary_of(const Json& j, const char* key, std::size_t link,
                      std::optional<std::size_t> record) {
    constexpr bool kStance = std::is_same_v<Value, Stance>;
    auto found = j.find(key);
    if (found == j.end() || found->is_null()) return Value::unstated;
    if (found->is_string()) {
      const std::string& text = found->get_ref<const std::string&>();
      std::optional<Value> value;
      if constexpr (kStance) {
        value = stance_from_string(text);
      } else {
        value = certainty_from_string(text);
      }
      if (value && record && *value == Value::mixed) value.reset();  // a record takes one side
      if (!value) {
        if constexpr (kStance) {
          value = normalise_stance(text);
        } else {
          value = normalise_certainty(text);
        }
      }
      if (value) return *value;
    }
    std::string message = std::string(kStance ? "unknown stance " : "unknown GRADE certainty ") +
                          found->dump(-1, ' ', false, Json::error_handler_t::replace) +
                          " in link " + std::to_string(link + 1);
    if (record) message += "'s record " + std::to_string(*record + 1);
    message += kStance ? "; expected supports, contrasts, mentions"
                       : "; expected high, moderate, low, very low";
    message += record ? "" : ", mixed";
    message += " or none; read as none";
    diagnostics_.push_back({Severity::warning, place_of(link, record, key), std::move(message),
                            kStance ? "unknown-stance" : "unknown-certainty"});
    return Value::unstated;
  }

  void add_link(const Json& j, std::size_t index) {
    const std::string where = "link " + std::to_string(index + 1);
    if (!j.is_object()) fail(where + " is not an object");
    const auto from = graph_.find(text_of(j, "source"));
    const auto to = graph_.find(text_of(j, "target"));
    const auto type = edge_type_from_string(text_of(j, "type"));
    if (!from || !to) fail(where + " joins a node that is not in \"nodes\"");
    if (!type) fail(where + " needs a known \"type\"");
    Edge edge = make_edge(*type, list_of(j, "markers"));
    if (auto found = j.find("ambiguous"); found != j.end() && found->is_boolean()) {
      edge.ambiguous = found->get<bool>();
    }
    if (auto found = j.find("inferred"); found != j.end() && found->is_boolean()) {
      edge.inferred = found->get<bool>();
    }
    edge.quote = text_of(j, "quote");
    edge.works = number_of(j, "works");
    edge.claims = number_of(j, "claims");
    if (auto found = j.find("score"); found != j.end() && found->is_number()) {
      edge.score = found->get<double>();
    }
    // Derived from the records when there are any (EvidenceGraph::add_edge); read so that a link
    // without records keeps its own.
    edge.stance = vocabulary_of<Stance>(j, "stance", index, std::nullopt);
    edge.certainty = vocabulary_of<Certainty>(j, "certainty", index, std::nullopt);
    if (auto found = j.find("records"); found != j.end() && found->is_array()) {
      for (const Json& r : *found) {
        const std::size_t at = edge.records.size();
        StanceRecord record;
        record.stance = vocabulary_of<Stance>(r, "stance", index, at);
        record.label = text_of(r, "label");
        record.certainty = vocabulary_of<Certainty>(r, "certainty", index, at);
        record.where = {text_of(r, "document"), number_of(r, "line"), 0};
        record.data = data_of(r);
        edge.records.push_back(std::move(record));
      }
    }
    if (auto found = j.find("terms"); found != j.end() && found->is_array()) {
      for (const Json& t : *found) {
        ConceptMatch match;
        match.term = text_of(t, "term");
        if (auto at = t.find("at"); at != t.end() && at->is_number_unsigned()) {
          match.at = at->get<std::size_t>();
        }
        match.field = text_of(t, "field");
        edge.terms.push_back(std::move(match));
      }
    }
    graph_.add_edge(*from, *to, std::move(edge));
  }

  const Text& text_;
  Diagnostics& diagnostics_;
  const char* links_key_ = "links";
  std::optional<detail::JsonPlace> places_;
  EvidenceGraph graph_;
};

}  // namespace

EvidenceGraph read_graph_json(const Text& text, Diagnostics& diagnostics) {
  return GraphReader(text, diagnostics).run();
}

}  // namespace evgraph
