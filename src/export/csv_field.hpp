// One CSV field as RFC 4180 writes it: as is, or quoted (quotes doubled) when it holds a comma,
// a quote or a line break. Shared by the CSV export and the gap map's CSV.
#pragma once

#include <ostream>
#include <string_view>

namespace evgraph::detail {

inline void put_csv_field(std::ostream& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out << field;
    return;
  }
  out << '"';
  for (char c : field) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

}  // namespace evgraph::detail
