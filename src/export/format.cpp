#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "evgraph/export.hpp"
#include "evgraph/version.hpp"

namespace evgraph {
namespace {

constexpr std::array<std::pair<std::string_view, Format>, 6> kNames = {{
    {"json", Format::json},
    {"dot", Format::dot},
    {"gv", Format::dot},
    {"svg", Format::svg},
    {"png", Format::png},
    {"pdf", Format::pdf},
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
  return format_from_name(std::string_view(extension).substr(1));
}

std::string generator() {
  return std::string("evgraph ") + kVersion;
}

void write(const EvidenceGraph& graph, Format format, std::ostream& out) {
  switch (format) {
    case Format::json:
      write_json(graph, out);
      return;
    case Format::dot:
      write_dot(graph, out);
      return;
    case Format::svg:
    case Format::png:
    case Format::pdf:
      render(graph, format, out);
      return;
  }
}

}  // namespace evgraph
