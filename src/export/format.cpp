#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "evgraph/error.hpp"
#include "evgraph/export.hpp"
#include "evgraph/version.hpp"

namespace evgraph {
namespace {

constexpr std::array<std::pair<std::string_view, Format>, 20> kNames = {{
    {"json", Format::json},
    {"json-edges", Format::json_edges},
    {"cyjs", Format::cyjs},
    {"jgf", Format::jgf},
    {"vosviewer", Format::vosviewer},
    {"kumu", Format::kumu},
    {"graphology", Format::graphology},
    {"graphml", Format::graphml},
    {"gexf", Format::gexf},
    {"mermaid", Format::mermaid},
    {"mmd", Format::mermaid},
    {"dot", Format::dot},
    {"gv", Format::dot},
    {"svg", Format::svg},
    {"png", Format::png},
    {"pdf", Format::pdf},
    {"html", Format::html},
    {"htm", Format::html},
    {"csv", Format::csv},
    {"neo4j", Format::neo4j},
}};

}  // namespace

std::string_view to_string(Format format) {
  for (const auto& [name, f] : kNames) {
    if (f == format) return name;
  }
  return "json";
}

std::optional<Format> format_from_name(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& [known, format] : kNames) {
    if (known == lower) return format;
  }
  return std::nullopt;
}

std::optional<Format> format_from_path(const std::filesystem::path& path) {
  const std::string extension = path.extension().string();
  if (extension.size() < 2) return std::nullopt;
  // "map.vosviewer.json", "graph.kumu.json", "graph.jgf.json": a JSON dialect named before .json.
  if (format_from_name(std::string_view(extension).substr(1)) == Format::json) {
    const std::string inner = path.stem().extension().string();
    if (inner.size() >= 2) {
      const auto dialect = format_from_name(std::string_view(inner).substr(1));
      if (dialect && !is_folder_format(*dialect)) return dialect;
    }
  }
  // A folder has no extension: "x.csv" is a file, never the csv folder format.
  const auto format = format_from_name(std::string_view(extension).substr(1));
  if (format && is_folder_format(*format)) return std::nullopt;
  return format;
}

std::string format_names() {
  std::string names;
  for (const auto& [name, format] : kNames)
    names += (names.empty() ? "" : ", ") + std::string(name);
  return names;
}

std::string generator() {
  return std::string("evgraph ") + kVersion;
}

void write(const EvidenceGraph& graph, Format format, std::ostream& out) {
  switch (format) {
    case Format::json:
      write_json(graph, out);
      return;
    case Format::json_edges:
      write_json(graph, out, "edges");
      return;
    case Format::cyjs:
      write_cyjs(graph, out);
      return;
    case Format::jgf:
      write_jgf(graph, out);
      return;
    case Format::vosviewer:
      write_vosviewer(graph, out);
      return;
    case Format::kumu:
      write_kumu(graph, out);
      return;
    case Format::graphology:
      write_graphology(graph, out);
      return;
    case Format::graphml:
      write_graphml(graph, out);
      return;
    case Format::gexf:
      write_gexf(graph, out);
      return;
    case Format::mermaid:
      write_mermaid(graph, out);
      return;
    case Format::dot:
      write_dot(graph, out);
      return;
    case Format::svg:
    case Format::png:
    case Format::pdf:
      render(graph, format, out);
      return;
    case Format::html:
      write_html(graph, out);
      return;
    case Format::csv:
    case Format::neo4j:
      throw Error("csv and neo4j write a folder: use -o DIR");
  }
}

}  // namespace evgraph
