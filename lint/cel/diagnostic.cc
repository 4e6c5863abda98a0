#include "lint/cel/diagnostic.h"

#include <algorithm>

#include "lint/cel/strings.h"

namespace hublint::cel {

Diagnostic MakeDiagnostic(std::string_view expression, int offset,
                          std::string message) {
  offset = std::clamp(offset, 0, static_cast<int>(expression.size()));
  Diagnostic d;
  d.message = std::move(message);
  d.offset = offset;
  int line_start = 0;
  for (int i = 0; i < offset; ++i) {
    if (expression[i] == '\n') {
      ++d.line;
      line_start = i + 1;
    }
  }
  d.column = offset - line_start + 1;
  return d;
}

std::string FormatDiagnostic(std::string_view expression,
                             const Diagnostic& diagnostic) {
  std::string out =
      Cat(diagnostic.line, ":", diagnostic.column, ": ", diagnostic.message);
  size_t begin = static_cast<size_t>(
      std::min<int>(diagnostic.offset - (diagnostic.column - 1),
                    static_cast<int>(expression.size())));
  size_t end = expression.find('\n', begin);
  if (end == std::string_view::npos) end = expression.size();
  std::string_view line = expression.substr(begin, end - begin);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  Append(&out, "\n", line, "\n");
  for (int i = 0;
       i < diagnostic.column - 1 && i < static_cast<int>(line.size()); ++i) {
    out.push_back(line[i] == '\t' ? '\t' : ' ');
  }
  out.push_back('^');
  return out;
}

std::string FormatDiagnostics(std::string_view expression,
                              const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    if (!out.empty()) out.push_back('\n');
    out += FormatDiagnostic(expression, d);
  }
  return out;
}

}  // namespace hublint::cel
