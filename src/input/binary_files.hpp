// Files that are not text: a PDF, an Office document, an image, an archive… recognised by their
// first bytes (magic numbers, whatever the file is called), so that evgraph refuses them with what
// to do instead of reading their bytes as an answer. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace evgraph::detail {

// How many first bytes binary_file_kind() looks at (a ZIP's inner names may lie that far in).
inline constexpr std::size_t kBinaryHeadBytes = 4096;

struct BinaryKind {
  std::string_view name;    // "a PDF document", "a PNG image", "a gzip archive"
  std::string_view advice;  // what to give evgraph instead, for the reader of the message
};

// The kind of binary file whose first bytes are `head` (up to kBinaryHeadBytes), nullopt for any
// other content (text in UTF-8, an 8-bit encoding or UTF-16 with a byte-order mark).
std::optional<BinaryKind> binary_file_kind(std::string_view head);

// "is a PDF document, not text evgraph can read: ADVICE": what a message says of such a file.
std::string binary_file_message(const BinaryKind& kind);

}  // namespace evgraph::detail
