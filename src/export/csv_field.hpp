// One CSV field as RFC 4180 writes it: as is, or quoted (quotes doubled) when it holds a comma,
// a quote or a line break; for a spreadsheet (CsvCells::spreadsheet_safe) a field that would be a
// formula first gets a leading '. Shared by the CSV export and the gap map's CSV.
#pragma once

#include <ostream>
#include <string_view>

#include "evgraph/export.hpp"

namespace evgraph::detail {

// Whether a spreadsheet takes the field for a formula: it begins with =, +, -, @, tab or CR.
inline bool starts_formula(std::string_view field) {
  return !field.empty() &&
         std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos;
}

inline void put_csv_field(std::ostream& out, std::string_view field,
                          CsvCells cells = CsvCells::as_written) {
  const bool guard = cells == CsvCells::spreadsheet_safe && starts_formula(field);
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    if (guard) out << '\'';
    out << field;
    return;
  }
  out << '"';
  if (guard) out << '\'';
  for (char c : field) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

}  // namespace evgraph::detail
