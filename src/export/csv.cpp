// Folder exports: plain CSV (nodes.csv, edges.csv) and Neo4j bulk-import CSV (nodes.csv,
// relationships.csv, README.md with the import command), formats.md "Neo4j bulk import CSV".
//
// Both carry every attribute of the node-link JSON as a column, in the order of the typed
// attribute tables the XML exports use (attributes.hpp), read from the same node_json()/link_json()
// objects, so CSV, XML and JSON cannot drift apart. Each file is written in one streaming pass.
//
// Quoting (RFC 4180, and what neo4j-admin reads): a field holding `,` `"` CR or LF is quoted, a `"`
// inside is doubled; a header row; CRLF-free "\n" line ends (every reader takes them); UTF-8, no
// BOM. An unset value (absent or empty) is an empty field, which Neo4j takes as "no property".
//   - plain CSV: lists of identifiers or names joined with "; ", nested values as compact JSON,
//     booleans true/false, numbers as written;
//   - Neo4j: `id:ID,:LABEL,label,…` with `:LABEL` the capitalised node type (Claim) and
//     `:START_ID,:END_ID,:TYPE,…` with `:TYPE` the upper-case edge type (SIMILAR_TO); typed
//     headers `name:boolean`, `name:int`, `name:double`, lists as `name:string[]` joined with ";"
//     (the import's --array-delimiter), nested values as JSON text.
#include <boost/range/iterator_range.hpp>
#include <cctype>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "evgraph/error.hpp"
#include "evgraph/export.hpp"
#include "export/attributes.hpp"
#include "export/csv_field.hpp"
#include "export/node_link.hpp"

namespace evgraph {
namespace {

namespace fs = std::filesystem;
using detail::Attribute;
using detail::AttributeType;
using detail::Encoding;
using detail::Json;

// Every node (edge) attribute, and the optional ones after them when the graph uses them.
std::vector<Attribute> node_attributes(const Graph& g) {
  std::vector<Attribute> all(std::begin(detail::kNodeAttributes),
                             std::end(detail::kNodeAttributes));
  if (detail::optional_attributes(g).node) {
    all.insert(all.end(), std::begin(detail::kOptionalNodeAttributes),
               std::end(detail::kOptionalNodeAttributes));
  }
  if (detail::optional_attributes(g).answer) {
    all.insert(all.end(), std::begin(detail::kAnswerAttributes),
               std::end(detail::kAnswerAttributes));
  }
  if (detail::optional_attributes(g).measures) {
    all.insert(all.end(), std::begin(detail::kMeasureAttributes),
               std::end(detail::kMeasureAttributes));
  }
  return all;
}
std::vector<Attribute> edge_attributes(const Graph& g) {
  std::vector<Attribute> all(std::begin(detail::kEdgeAttributes),
                             std::end(detail::kEdgeAttributes));
  if (detail::optional_attributes(g).edge) {
    all.insert(all.end(), std::begin(detail::kOptionalEdgeAttributes),
               std::end(detail::kOptionalEdgeAttributes));
  }
  return all;
}

// Counts the fields that hold a line break (Neo4j needs --multiline-fields=true for them).
struct Row {
  std::ostream& out;
  std::size_t* multiline = nullptr;
  CsvCells cells = CsvCells::as_written;
  bool first = true;

  Row& field(std::string_view value) {
    if (!first) out << ',';
    first = false;
    if (multiline && value.find_first_of("\r\n") != std::string_view::npos) ++*multiline;
    detail::put_csv_field(out, value, cells);
    return *this;
  }
  void end() { out << '\n'; }
};

// ---------------------------------------------------------------------------------------------
// Plain CSV

void put_values(Row& row, const Json& object, std::span<const Attribute> attributes) {
  for (const Attribute& attribute : attributes) {
    row.field(detail::attribute_text(object, attribute).value_or(""));
  }
}

void write_csv_nodes(const EvidenceGraph& graph, std::ostream& out, CsvCells cells) {
  const std::vector<Attribute> attributes = node_attributes(graph.graph());
  Row header{out};
  header.field("id");
  for (const Attribute& attribute : attributes) header.field(attribute.name);
  header.end();
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph.graph()))) {
    const NodeView node = graph.node(v);
    Row row{out, nullptr, cells};
    row.field(node.id);
    put_values(row, detail::node_json(node), attributes);
    row.end();
  }
}

void write_csv_edges(const EvidenceGraph& graph, std::ostream& out, CsvCells cells) {
  const std::vector<Attribute> attributes = edge_attributes(graph.graph());
  Row header{out};
  header.field("source").field("target");
  for (const Attribute& attribute : attributes) header.field(attribute.name);
  header.end();
  const Graph& g = graph.graph();
  for (EdgeRef e : boost::make_iterator_range(boost::edges(g))) {
    Row row{out, nullptr, cells};
    row.field(g[boost::source(e, g)].id).field(g[boost::target(e, g)].id);
    put_values(row, detail::link_json(g, e), attributes);
    row.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Neo4j

std::string neo4j_header(const Attribute& attribute) {
  std::string header(attribute.name);
  if (attribute.encoding == Encoding::joined) return header + ":string[]";
  switch (attribute.type) {
    case AttributeType::boolean:
      return header + ":boolean";
    case AttributeType::integer:
      return header + ":int";
    case AttributeType::real:
      return header + ":double";
    case AttributeType::string:
      break;
  }
  return header;
}

// As attribute_text(), but a list of identifiers or names is joined with the array delimiter.
std::string neo4j_value(const Json& object, const Attribute& attribute) {
  if (attribute.encoding == Encoding::joined) {
    const auto found = object.find(attribute.name);
    if (found != object.end() && found->is_array()) {
      std::string joined;
      for (const Json& item : *found) {
        if (!joined.empty()) joined += ';';
        joined += item.is_string() ? item.get_ref<const std::string&>() : detail::compact(item);
      }
      return joined;
    }
  }
  return detail::attribute_text(object, attribute).value_or("");
}

std::string capitalised(std::string_view name) {
  std::string label(name);
  if (!label.empty())
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
  return label;
}

std::string upper_case(std::string_view name) {
  std::string type(name);
  for (char& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return type;
}

bool is_label(const Attribute& attribute) {
  return attribute.name == "label";
}

void write_neo4j_nodes(const EvidenceGraph& graph, std::ostream& out, std::size_t& multiline) {
  const std::vector<Attribute> attributes = node_attributes(graph.graph());
  Row header{out};
  header.field("id:ID").field(":LABEL").field("label");
  for (const Attribute& attribute : attributes) {
    if (!is_label(attribute)) header.field(neo4j_header(attribute));
  }
  header.end();
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph.graph()))) {
    const NodeView node = graph.node(v);
    const Json object = detail::node_json(node);
    Row row{out, &multiline};
    row.field(node.id).field(capitalised(to_string(node.type)));
    row.field(detail::attribute_text(object, detail::plain("label")).value_or(""));
    for (const Attribute& attribute : attributes) {
      if (!is_label(attribute)) row.field(neo4j_value(object, attribute));
    }
    row.end();
  }
}

void write_neo4j_relationships(const EvidenceGraph& graph, std::ostream& out,
                               std::size_t& multiline) {
  const std::vector<Attribute> attributes = edge_attributes(graph.graph());
  Row header{out};
  header.field(":START_ID").field(":END_ID").field(":TYPE");
  for (const Attribute& attribute : attributes) header.field(neo4j_header(attribute));
  header.end();
  const Graph& g = graph.graph();
  for (EdgeRef e : boost::make_iterator_range(boost::edges(g))) {
    const Json object = detail::link_json(g, e);
    Row row{out, &multiline};
    row.field(g[boost::source(e, g)].id).field(g[boost::target(e, g)].id);
    row.field(upper_case(to_string(g[e].type)));
    for (const Attribute& attribute : attributes) row.field(neo4j_value(object, attribute));
    row.end();
  }
}

constexpr std::string_view kImportCommand =
    "neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv "
    "--delimiter=',' --array-delimiter=';' neo4j";

void write_neo4j_readme(std::ostream& out, std::size_t multiline) {
  out << "# Neo4j bulk import\n\n"
      << "Written by " << generator() << ". Import into a new, empty database (here `neo4j`,\n"
      << "stopped) from this folder:\n\n"
      << "```sh\n"
      << kImportCommand << "\n"
      << "```\n\n";
  if (multiline > 0) {
    out << multiline << " field(s) hold line breaks: add `--multiline-fields=true` to the "
        << "command.\n\n";
  }
  out << "- `nodes.csv`: one row per node. `id:ID` is the evgraph node id, `:LABEL` the node type\n"
      << "  capitalised (Document, Claim, Source, Population, Intervention, Outcome, Answer),\n"
      << "  `label` the short label, then every node attribute: lists (`urls`, `also`, `authors`,\n"
      << "  `searches`) are `string[]` split on `;`, nested values (`occurrences`, `data`,\n"
      << "  `merged_because`) are JSON text.\n"
      << "- `relationships.csv`: one row per edge. `:START_ID` and `:END_ID` are node ids, "
         "`:TYPE`\n"
      << "  the edge type in upper case (ASSERTS, LISTS, CITES, CONCERNS, ABOUT, REPORTS,\n"
      << "  SIMILAR_TO, CONTAINS), then every edge attribute: `markers` is `string[]`, "
         "`ambiguous`\n"
      << "  boolean, `score` double, `records` and `terms` JSON text.\n\n"
      << "An empty field is a property that is not set. Fields are quoted as RFC 4180 says "
         "(`\"\"`\n"
      << "inside quotes is one `\"`); the files are UTF-8 without a byte order mark.\n";
}

// ---------------------------------------------------------------------------------------------

template <typename Writer>
void write_file(const fs::path& path, Writer&& writer) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) throw IoError(path.string() + ": cannot open for writing");
  writer(file);
  file.close();
  if (!file) throw IoError(path.string() + ": write failed");
}

}  // namespace

bool is_folder_format(Format format) {
  return format == Format::csv || format == Format::neo4j;
}

void write_folder(const EvidenceGraph& graph, Format format, const fs::path& dir, CsvCells cells) {
  if (!is_folder_format(format)) {
    throw Error(std::string(to_string(format)) + " writes a file, not a folder");
  }
  std::error_code error;
  if (!fs::is_directory(dir, error)) throw IoError(dir.string() + ": not a folder");
  if (!fs::is_empty(dir, error) || error) throw IoError(dir.string() + ": folder is not empty");
  if (format == Format::csv) {
    write_file(dir / "nodes.csv", [&](std::ostream& out) { write_csv_nodes(graph, out, cells); });
    write_file(dir / "edges.csv", [&](std::ostream& out) { write_csv_edges(graph, out, cells); });
    return;
  }
  std::size_t multiline = 0;
  write_file(dir / "nodes.csv",
             [&](std::ostream& out) { write_neo4j_nodes(graph, out, multiline); });
  write_file(dir / "relationships.csv",
             [&](std::ostream& out) { write_neo4j_relationships(graph, out, multiline); });
  write_file(dir / "README.md", [&](std::ostream& out) { write_neo4j_readme(out, multiline); });
}

}  // namespace evgraph
