// Errors and diagnostics shared by every stage.
// A Diagnostic is a located message with a stable code ("duplicate-citation"); stages append them
// to a Diagnostics list they are given and never print. evgraph::Error is the base of every
// exception the library throws; the CLI maps them to exit codes in one place. Not thread-safe to
// share.
#pragma once

#include <cstddef>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace evgraph {

struct Location {
  std::string file;
  std::size_t line = 0;    // 1-based; 0 when the message is about the whole file
  std::size_t column = 0;  // 1-based, in code points
};

// `info` says what was done on the reader's behalf (citations inferred); it never fails --strict.
enum class Severity { warning, error, info };

struct Diagnostic {
  Severity severity = Severity::warning;
  Location where;
  std::string message;
  std::string code;
};

using Diagnostics = std::vector<Diagnostic>;

// "FILE:LINE:COL: warning: MESSAGE [code]", like a compiler.
std::string format_diagnostic(const Diagnostic& d);
// The same as one JSON object on one line (JSON Lines), keys in this order:
// {"file":"…","line":5,"column":245,"severity":"warning","code":"…","message":"…"}; line and column
// are 0 when unknown, file is "" for a diagnostic about no file.
std::string format_diagnostic_json(const Diagnostic& d);

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reading or writing a file failed.
class IoError : public Error {
 public:
  using Error::Error;
};

// Input that cannot be read at all (a malformed lexicon, an unknown format name).
class InputError : public Error {
 public:
  InputError(Location where, const std::string& message);
  const Location& where() const noexcept { return where_; }

 private:
  Location where_;
};

}  // namespace evgraph
