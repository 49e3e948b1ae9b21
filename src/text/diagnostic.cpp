#include <nlohmann/json.hpp>
#include <string>

#include "evgraph/error.hpp"

namespace evgraph {

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.where.file.empty() ? std::string("evgraph") : d.where.file;
  if (d.where.line > 0) {
    out += ':' + std::to_string(d.where.line);
    if (d.where.column > 0) out += ':' + std::to_string(d.where.column);
  }
  out += d.severity == Severity::error  ? ": error: "
         : d.severity == Severity::info ? ": info: "
                                        : ": warning: ";
  out += d.message;
  if (!d.code.empty()) out += " [" + d.code + ']';
  return out;
}

std::string format_diagnostic_json(const Diagnostic& d) {
  const nlohmann::ordered_json object = {
      {"file", d.where.file},
      {"line", d.where.line},
      {"column", d.where.column},
      {"severity", d.severity == Severity::error  ? "error"
                   : d.severity == Severity::info ? "info"
                                                  : "warning"},
      {"code", d.code},
      {"message", d.message},
  };
  return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {
std::string located(const Location& where, const std::string& message) {
  return format_diagnostic({Severity::error, where, message, {}});
}
}  // namespace

InputError::InputError(Location where, const std::string& message)
    : Error(located(where, message)), where_(std::move(where)) {}

}  // namespace evgraph
