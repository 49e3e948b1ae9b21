#include "input/binary_files.hpp"

#include <algorithm>
#include <array>

namespace evgraph::detail {
namespace {

constexpr std::string_view kExportText =
    "export its text (pdftotext FILE.pdf FILE.txt, or your viewer's Save as text), or give the "
    "assistant's answer as Markdown (its Copy button) or its API response";
constexpr std::string_view kSaveAsText =
    "save it as plain text or Markdown (a spreadsheet as CSV), or give the assistant's answer as "
    "Markdown (its Copy button)";
constexpr std::string_view kImage =
    "an image holds no text evgraph can read: give the answer's text (its Copy button) instead";
constexpr std::string_view kArchive =
    "unpack it and give the folder (evgraph reads folders recursively)";
constexpr std::string_view kProgram = "give the text files it works on instead";
constexpr std::string_view kUtf32 =
    "convert it to UTF-8 (iconv -f UTF-32 -t UTF-8 FILE > FILE.txt, or your editor's Save as "
    "UTF-8)";
constexpr std::string_view kText =
    "give a text file: an answer as .txt or .md in UTF-8 (UTF-16 text needs its byte-order mark, "
    "or convert it: iconv -f UTF-16LE -t UTF-8 FILE > FILE.txt)";

struct Magic {
  std::size_t offset;
  std::string_view bytes;
  BinaryKind kind;
};

using namespace std::string_view_literals;

// By offset, then length; the first that matches wins.
constexpr std::array kMagic = {
    Magic{0, "%PDF-"sv, {"a PDF document", kExportText}},
    Magic{0, "\xFF\xFE\0\0"sv, {"UTF-32 text (little-endian)", kUtf32}},
    Magic{0, "\0\0\xFE\xFF"sv, {"UTF-32 text (big-endian)", kUtf32}},
    Magic{0,
          "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv,
          {"an old Office document (.doc, .xls or .ppt)", kSaveAsText}},
    Magic{0, "{\\rtf"sv, {"an RTF document", kSaveAsText}},
    Magic{0, "\x89PNG\r\n\x1A\n"sv, {"a PNG image", kImage}},
    Magic{0, "\xFF\xD8\xFF"sv, {"a JPEG image", kImage}},
    Magic{0, "GIF87a"sv, {"a GIF image", kImage}},
    Magic{0, "GIF89a"sv, {"a GIF image", kImage}},
    Magic{0, "II*\0"sv, {"a TIFF image", kImage}},
    Magic{0, "MM\0*"sv, {"a TIFF image", kImage}},
    Magic{8, "WEBP"sv, {"a WebP image", kImage}},
    Magic{4, "ftypheic"sv, {"a HEIC image", kImage}},
    Magic{4, "ftypavif"sv, {"an AVIF image", kImage}},
    Magic{0, "\x1F\x8B"sv, {"a gzip archive", kArchive}},
    Magic{4, "1AY&SY"sv, {"a bzip2 archive", kArchive}},
    Magic{0,
          "\xFD"
          "7zXZ\0"sv,
          {"an xz archive", kArchive}},
    Magic{0, "\x28\xB5\x2F\xFD"sv, {"a zstd archive", kArchive}},
    Magic{0, "7z\xBC\xAF\x27\x1C"sv, {"a 7-Zip archive", kArchive}},
    Magic{0, "Rar!\x1A\x07"sv, {"a RAR archive", kArchive}},
    Magic{257, "ustar"sv, {"a tar archive", kArchive}},
    Magic{0, "SQLite format 3\0"sv, {"an SQLite database", kProgram}},
    Magic{0,
          "\x7F"
          "ELF"sv,
          {"a program (ELF)", kProgram}},
};

// A ZIP file: an Office Open XML or OpenDocument file, an EPUB, or an archive, by the names of the
// entries the first bytes show.
BinaryKind zip_kind(std::string_view head) {
  struct Inner {
    std::string_view marker;
    BinaryKind kind;
  };
  static constexpr std::array kInner = {
      Inner{"word/"sv, {"a Word document (.docx)", kSaveAsText}},
      Inner{"xl/"sv, {"an Excel workbook (.xlsx)", kSaveAsText}},
      Inner{"ppt/"sv, {"a PowerPoint presentation (.pptx)", kSaveAsText}},
      Inner{"application/epub+zip"sv, {"an EPUB book", kExportText}},
      Inner{"application/vnd.oasis.opendocument"sv, {"an OpenDocument file", kSaveAsText}},
  };
  for (const Inner& inner : kInner) {
    if (head.find(inner.marker) != std::string_view::npos) return inner.kind;
  }
  return {"a ZIP archive (or an Office document, which is one)", kArchive};
}

// Control characters no text holds: C0 but tab, line feed, vertical tab, form feed, carriage
// return and escape (terminal colours); DEL. Random bytes are one in ten of them.
bool is_binary_control(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' && c != 0x1B) ||
         c == 0x7F;
}

// Bytes that are no text in any 8-bit or UTF-8 encoding: over one in 32 of the head's bytes, and
// at least 8, are control characters (a stray NUL in pasted text is replaced and reported, not
// refused). UTF-16 with a byte-order mark is text (make_text decodes it).
bool is_binary_data(std::string_view head) {
  if (head.starts_with("\xFF\xFE"sv) || head.starts_with("\xFE\xFF"sv)) return false;
  const auto controls =
      static_cast<std::size_t>(std::count_if(head.begin(), head.end(), [](char c) {
        return is_binary_control(static_cast<unsigned char>(c));
      }));
  return controls >= 8 && controls * 32 > head.size();
}

}  // namespace

std::optional<BinaryKind> binary_file_kind(std::string_view head) {
  head = head.substr(0, kBinaryHeadBytes);
  if (head.starts_with("PK\x03\x04"sv) || head.starts_with("PK\x05\x06"sv)) return zip_kind(head);
  for (const Magic& magic : kMagic) {
    if (head.size() >= magic.offset && head.substr(magic.offset).starts_with(magic.bytes)) {
      return magic.kind;
    }
  }
  if (is_binary_data(head)) {
    return BinaryKind{"binary data (or UTF-16 text without a byte-order mark)", kText};
  }
  return std::nullopt;
}

std::string binary_file_message(const BinaryKind& kind) {
  return "is " + std::string(kind.name) +
         ", not text evgraph can read: " + std::string(kind.advice);
}

}  // namespace evgraph::detail
