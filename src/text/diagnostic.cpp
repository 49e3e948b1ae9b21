#include <string>

#include "evgraph/error.hpp"

namespace evgraph {

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.where.file.empty() ? std::string("evgraph") : d.where.file;
  if (d.where.line > 0) {
    out += ':' + std::to_string(d.where.line);
    if (d.where.column > 0) out += ':' + std::to_string(d.where.column);
  }
  out += d.severity == Severity::error ? ": error: " : ": warning: ";
  out += d.message;
  if (!d.code.empty()) out += " [" + d.code + ']';
  return out;
}

namespace {
std::string located(const Location& where, const std::string& message) {
  return format_diagnostic({Severity::error, where, message, {}});
}
}  // namespace

InputError::InputError(Location where, const std::string& message)
    : Error(located(where, message)), where_(std::move(where)) {}

}  // namespace evgraph
