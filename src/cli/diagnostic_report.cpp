#include "cli/diagnostic_report.hpp"

#include <algorithm>

namespace evgraph::cli {

bool is_jsonl_name(const std::string& path) {
  std::string extension = std::filesystem::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; });
  return extension == ".jsonl" || extension == ".ndjson";
}

DiagnosticReport::DiagnosticReport(Console& console, std::size_t max_per_code, std::string file,
                                   const std::filesystem::path& temporary)
    : console_(console), max_per_code_(max_per_code), file_name_(std::move(file)) {
  if (file_name_.empty()) return;
  jsonl_ = is_jsonl_name(file_name_);
  file_.open(temporary, std::ios::binary | std::ios::trunc);
  if (!file_) throw IoError("--diagnostics " + file_name_ + ": cannot open for writing");
}

void DiagnosticReport::add(const Diagnostics& diagnostics) {
  std::string shown;
  std::string all;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity != Severity::info) ++count_;  // --strict fails on warnings and errors only
    const std::string line = format_diagnostic(d);
    if (file_.is_open()) (all += jsonl_ ? format_diagnostic_json(d) : line) += '\n';
    auto [at, added] = index_.try_emplace(d.code, codes_.size());
    if (added) codes_.push_back({d.code});
    Code& code = codes_[at->second];
    if (d.severity == Severity::error || max_per_code_ == 0 || code.shown < max_per_code_) {
      ++code.shown;
      (shown += line) += '\n';
    } else {
      ++code.hidden;
      ++hidden_;
    }
  }
  if (!all.empty()) file_.write(all.data(), static_cast<std::streamsize>(all.size()));
  if (!shown.empty()) console_.print(shown);
}

void DiagnosticReport::close() {
  if (!file_.is_open()) return;
  file_.close();
  if (!file_) throw IoError("--diagnostics " + file_name_ + ": write failed");
}

std::string DiagnosticReport::notes() const {
  std::string notes;
  for (const Code& code : codes_) {
    if (code.hidden == 0) continue;
    notes += "evgraph: note: " + thousands(code.hidden) + " more " +
             (code.code.empty() ? std::string() : "[" + code.code + "] ") +
             (code.hidden == 1 ? "warning" : "warnings") + " not shown; ";
    notes += !file_name_.empty()
                 ? "see them all in " + file_name_ + '\n'
                 : std::string("see them all with --diagnostics FILE or --max-warnings 0\n");
  }
  return notes;
}

}  // namespace evgraph::cli
