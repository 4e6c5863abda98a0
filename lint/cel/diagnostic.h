#ifndef HUBLINT_CEL_DIAGNOSTIC_H_
#define HUBLINT_CEL_DIAGNOSTIC_H_

// Diagnostic: one problem Compile() found in an expression (syntax, type,
// limit), with its position, and the renderer that shows it the way ninja's
// Lexer::Error and cel-go do:
//
//   1:8: unknown field `two_factor` on member; did you mean
//   `two_factor_enabled`? member.two_factor == true
//          ^
//
// Columns count bytes, 1-based, as the rest of hublint (SARIF regions) do.

#include <string>
#include <string_view>
#include <vector>

namespace hublint::cel {

struct Diagnostic {
  std::string message;
  int offset = 0;  // 0-based byte offset into the expression
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in bytes

  bool operator==(const Diagnostic&) const = default;
};

// The diagnostic for `message` at byte `offset` of `expression` (line and
// column computed from the offset; offsets past the end are clamped).
Diagnostic MakeDiagnostic(std::string_view expression, int offset,
                          std::string message);

// "<line>:<col>: <message>", a newline, the source line, a newline and a
// caret under the column (tabs in the line are kept so the caret lines up).
std::string FormatDiagnostic(std::string_view expression,
                             const Diagnostic& diagnostic);

// Every diagnostic formatted, separated by newlines.
std::string FormatDiagnostics(std::string_view expression,
                              const std::vector<Diagnostic>& diagnostics);

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_DIAGNOSTIC_H_
