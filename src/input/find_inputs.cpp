#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "evgraph/input.hpp"
#include "input/binary_files.hpp"

namespace evgraph {
namespace {

namespace fs = std::filesystem;

std::string first_bytes(const fs::path& path, std::size_t count) {
  std::ifstream file(path, std::ios::binary);
  std::string head(count, '\0');
  file.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(file.gcount()));
  return head;
}

// A .json file in a folder is read only when it looks like an input (not a lexicon or an export).
bool is_input_json(const std::string& head) {
  return sniff_json_format(head).has_value();
}

// A --diagnostics file: its first line is a diagnostic, as JSON Lines or as text,
// "FILE:LINE[:COL]: warning: MESSAGE [code]".
bool is_diagnostics_file(const std::string& head) {
  const std::string_view line = std::string_view(head).substr(0, head.find('\n'));
  if (line.starts_with("{\"file\":")) return line.find(",\"severity\":") != line.npos;
  std::size_t severity = line.find(": warning: ");
  if (severity == line.npos) severity = line.find(": error: ");
  if (severity == line.npos) severity = line.find(": info: ");
  const std::size_t code = line.rfind(" [");
  if (severity == line.npos || code == line.npos || code < severity || !line.ends_with(']')) {
    return false;
  }
  const auto is_code = [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; };
  const std::string_view name = line.substr(code + 2, line.size() - code - 3);
  const std::string_view where = line.substr(0, severity);
  const std::size_t digits = where.find_last_not_of("0123456789:");
  return !name.empty() && std::all_of(name.begin(), name.end(), is_code) && digits != where.npos &&
         digits + 2 < where.size() && where[digits + 1] == ':';
}

// The files of evgraph's own csv and neo4j folder exports (their headers, and the README beside
// the Neo4j files), its HTML pages (their generator) and its --diagnostics files.
bool is_own_export(const std::string& head, std::string_view extension) {
  static constexpr std::string_view kHeaders[] = {"id,type,label,", "source,target,type",
                                                  "id:ID,:LABEL,", ":START_ID,:END_ID,:TYPE"};
  if (extension == ".csv") {
    return std::any_of(std::begin(kHeaders), std::end(kHeaders),
                       [&](std::string_view header) { return head.starts_with(header); });
  }
  if (extension == ".html" || extension == ".htm") {  // an HTML export: its generator is evgraph
    return head.find("<meta name=\"generator\" content=\"evgraph") != std::string::npos;
  }
  if (head.find('\n') != std::string::npos && is_diagnostics_file(head)) return true;
  return extension == ".md" && head.starts_with("# Neo4j bulk import\n\nWritten by evgraph");
}

bool is_known_input(const fs::path& path, const std::string& head) {
  static constexpr std::string_view kExtensions[] = {
      ".txt", ".md",  ".markdown", ".json",   ".jsonl", ".ndjson", ".csv",
      ".tsv", ".tab", ".bib",      ".bibtex", ".ris",   ".html",   ".htm"};
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; });
  if (extension == ".json") return is_input_json(head);
  if (is_own_export(head, extension)) return false;
  return std::find(std::begin(kExtensions), std::end(kExtensions), extension) !=
         std::end(kExtensions);
}

void expand_folder(const InputSpec& folder, FoundInputs& found) {
  std::vector<fs::path> files;
  std::vector<fs::path> skipped;
  fs::recursive_directory_iterator it(folder.path, fs::directory_options::skip_permission_denied);
  for (; it != fs::recursive_directory_iterator(); ++it) {
    const std::string name = it->path().filename().string();
    if (name.starts_with('.')) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file()) continue;
    // A binary file (a PDF, an image…) is never an input, whatever its name or the format.
    const std::string head = first_bytes(it->path(), detail::kBinaryHeadBytes);
    const bool input =
        !detail::binary_file_kind(head) && (folder.format || is_known_input(it->path(), head));
    (input ? files : skipped).push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  std::sort(skipped.begin(), skipped.end());
  for (const fs::path& file : files) {
    found.inputs.push_back({file.generic_string(), folder.format, folder.map});
  }
  if (skipped.empty()) return;
  FoundInputs::Skipped& entry = found.skipped.emplace_back();
  entry.folder = folder.path;
  for (const fs::path& file : skipped) entry.files.push_back(file.generic_string());
}

}  // namespace

FoundInputs find_inputs(const std::vector<InputSpec>& paths) {
  FoundInputs found;
  for (const InputSpec& spec : paths) {
    std::error_code error;
    if (spec.path != "-" && fs::is_directory(spec.path, error)) {
      expand_folder(spec, found);
    } else {
      found.inputs.push_back(spec);
    }
  }
  return found;
}

}  // namespace evgraph
