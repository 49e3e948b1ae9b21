// The typed attribute tables of the XML exports (GraphML, GEXF): every attribute the node-link
// JSON writes (node_link.hpp), with its XML type and how a list or nested value becomes text, in
// the order the exports declare them. Values are read from node_json()/link_json(), so XML and
// JSON cannot drift apart; a test checks that no key of those objects is missing here.
// Header-only, constant data: safe from any thread.
#pragma once

#include <boost/range/iterator_range.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "export/node_link.hpp"

namespace evgraph::detail {

enum class AttributeType { string, boolean, integer, real };

// How a value becomes XML text: scalars as written; a list of identifiers or names joined with
// "; "; nested values and lists of free text as compact JSON.
enum class Encoding { scalar, joined, json };

struct Attribute {
  std::string_view name;
  AttributeType type = AttributeType::string;
  Encoding encoding = Encoding::scalar;
};

constexpr Attribute plain(std::string_view name, AttributeType type = AttributeType::string) {
  return {name, type, Encoding::scalar};
}
constexpr Attribute list(std::string_view name) {
  return {name, AttributeType::string, Encoding::joined};
}
constexpr Attribute nested(std::string_view name) {
  return {name, AttributeType::string, Encoding::json};
}

// The node's `id` is the XML node id and is not repeated as an attribute.
inline constexpr Attribute kNodeAttributes[] = {
    plain("type"),  plain("label"),  plain("text"),   plain("kind"),       nested("occurrences"),
    plain("url"),   list("urls"),    plain("scheme"), plain("identifier"), list("also"),
    plain("title"), list("authors"), plain("year"),   nested("data"),      nested("merged_because"),
    plain("path"),  plain("format"),
};

// `source` and `target` are the XML edge's ends.
inline constexpr Attribute kEdgeAttributes[] = {
    plain("type"),
    list("markers"),
    plain("ambiguous", AttributeType::boolean),
    plain("score", AttributeType::real),
    plain("stance"),
    plain("certainty"),
    nested("records"),
    nested("terms"),
};

// Attributes declared only by a graph that uses them, after every attribute above (so a graph
// without them exports exactly as before they existed).
inline constexpr Attribute kOptionalNodeAttributes[] = {plain("accessed"), plain("section")};
// Declared only by a graph with answer nodes, after those above.
inline constexpr Attribute kAnswerAttributes[] = {
    plain("heading"),
    plain("assistant"),
    plain("model"),
    plain("date"),
    plain("query"),
    list("searches"),
    plain("line", AttributeType::integer),
};
// Declared only by a graph that carries measures (NodeMeasures), after those above.
inline constexpr Attribute kMeasureAttributes[] = {
    plain("works", AttributeType::integer),
    plain("claims", AttributeType::integer),
    plain("documents", AttributeType::integer),
    plain("corroborating", AttributeType::integer),
    plain("conflicting", AttributeType::integer),
    plain("single_source", AttributeType::boolean),
    plain("supports", AttributeType::integer),
    plain("contrasts", AttributeType::integer),
    plain("mentions", AttributeType::integer),
    plain("mixed", AttributeType::integer),
    plain("certainty"),
    plain("cited", AttributeType::boolean),
    plain("component", AttributeType::integer),
    plain("degree", AttributeType::integer),
    plain("betweenness", AttributeType::real),
};
inline constexpr Attribute kOptionalEdgeAttributes[] = {
    plain("inferred", AttributeType::boolean),
    plain("quote"),
    plain("works", AttributeType::integer),
    plain("claims", AttributeType::integer),
};

// Which of the optional tables a graph uses: a node with an `accessed` date or a claim with a
// `section` (its first occurrence's); a cites edge that is inferred or carries a quote, or a
// summary view's evidence edge; answer nodes; measures (EvidenceGraph::set_measures).
struct OptionalAttributes {
  bool node = false;
  bool edge = false;
  bool answer = false;
  bool measures = false;
};
inline OptionalAttributes optional_attributes(const Graph& g) {
  OptionalAttributes used;
  used.measures = g.has_measures();
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    if (g[v].type == NodeType::answer) {
      used.answer = true;
      break;
    }
  }
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    if (!g[v].accessed.empty() ||
        (!g[v].occurrences.empty() && !g[v].occurrences.front().section.empty())) {
      used.node = true;
      break;
    }
  }
  for (EdgeRef e : boost::make_iterator_range(boost::edges(g))) {
    const EdgeView edge = g[e];
    if (edge.inferred || !edge.quote.empty() || edge.claims > 0) {
      used.edge = true;
      break;
    }
  }
  return used;
}

// The node-link JSON's "graph" object.
inline constexpr Attribute kGraphAttributes[] = {plain("generator"),
                                                 plain("schema", AttributeType::integer)};

inline std::string_view graphml_type(AttributeType type) {
  switch (type) {
    case AttributeType::boolean:
      return "boolean";
    case AttributeType::integer:
      return "int";
    case AttributeType::real:
      return "double";
    case AttributeType::string:
      break;
  }
  return "string";
}

inline std::string_view gexf_type(AttributeType type) {
  return type == AttributeType::integer ? "integer" : graphml_type(type);
}

inline std::string compact(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

inline std::string joined_text(const Json& list) {
  std::string out;
  const char* separator = "";
  for (const Json& item : list) {
    out += separator;
    separator = "; ";
    out += item.is_string() ? item.get_ref<const std::string&>() : compact(item);
  }
  return out;
}

// The attribute's value in `object` as XML text; nullopt when it is absent or empty (an empty
// string, list or object), which every reader takes as "not set".
inline std::optional<std::string> attribute_text(const Json& object, const Attribute& attribute) {
  const auto found = object.find(attribute.name);
  if (found == object.end() || found->is_null()) return std::nullopt;
  const Json& value = *found;
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
  }
  if (value.is_structured() && value.empty()) return std::nullopt;
  if (value.is_array() && attribute.encoding == Encoding::joined) return joined_text(value);
  return compact(value);  // numbers, booleans ("true"/"false"), nested values
}

}  // namespace evgraph::detail
