#ifndef HUBLINT_UTIL_SOURCE_TEXT_H_
#define HUBLINT_UTIL_SOURCE_TEXT_H_

// SourceText: the text of one input file (or string) together with its name,
// able to turn byte offsets into 1-based line and column and to render a
// diagnostic the way ninja's Lexer::Error does:
//
//   fixtures/orgs/bad.json:4:17: expected a string for `username`, got number
//       "username": 42,
//                   ^
//
// Columns count bytes, 1-based, as compilers and SARIF regions do.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"

namespace hublint {

// A 1-based line and column; line 0 means "no position".
struct TextPosition {
  uint32_t line = 0;
  uint32_t column = 0;
  bool operator==(const TextPosition&) const = default;
};

class SourceText {
 public:
  // `name` is what diagnostics print (a path as the user gave it, or
  // "<string>" for text that came from no file).
  SourceText(std::string name, std::string text);
  // Text held elsewhere (a mapped file), which must outlive this object.
  static SourceText Borrowing(std::string name, std::string_view text);

  const std::string& name() const { return name_; }
  std::string_view text() const {
    return borrowed_ ? *borrowed_ : std::string_view(text_);
  }

  // The line and column of byte `offset` (clamped to the text's end).
  TextPosition PositionOf(size_t offset) const;

  // The text of 1-based `line`, without its line terminator.
  std::string_view Line(uint32_t line) const;

  // "name:line:col: message", then the source line and a caret under the
  // column. Tabs in the source line are kept so the caret lines up.
  std::string Diagnostic(size_t offset, std::string_view message) const;
  std::string Diagnostic(TextPosition pos, std::string_view message) const;

  // Diagnostic() wrapped in a status of `code`.
  absl::Status Error(
      size_t offset, std::string_view message,
      absl::StatusCode code = absl::StatusCode::kInvalidArgument) const;

 private:
  void IndexLines() const;

  std::string name_;
  std::string text_;
  std::optional<std::string_view> borrowed_;
  // Offsets where each line starts; built on first use.
  mutable std::vector<size_t> line_starts_;
};

// Renders "name:line:col: message" plus source line and caret, for callers
// that hold a line's text but not a SourceText.
std::string FormatDiagnostic(std::string_view name, TextPosition pos,
                             std::string_view source_line,
                             std::string_view message);

}  // namespace hublint

#endif  // HUBLINT_UTIL_SOURCE_TEXT_H_
