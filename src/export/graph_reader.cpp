#include <nlohmann/json.hpp>
#include <string>

#include "evgraph/convert.hpp"
#include "text/json_number.hpp"

namespace evgraph {
namespace {

using Json = nlohmann::ordered_json;

class GraphReader {
 public:
  explicit GraphReader(const Text& text) : text_(text) {}

  EvidenceGraph run() {
    const Json root = parse();
    const Json* links = find_array(root, root.contains("links") ? "links" : "edges");
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
    if (auto found = j.find("score"); found != j.end() && found->is_number()) {
      edge.score = found->get<double>();
    }
    if (auto found = j.find("records"); found != j.end() && found->is_array()) {
      for (const Json& r : *found) {
        StanceRecord record;
        record.stance = text_of(r, "stance");
        record.label = text_of(r, "label");
        record.certainty = text_of(r, "certainty");
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
  EvidenceGraph graph_;
};

}  // namespace

EvidenceGraph read_graph_json(const Text& text) {
  return GraphReader(text).run();
}

}  // namespace evgraph
