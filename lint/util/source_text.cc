#include "lint/util/source_text.h"

#include <algorithm>

#include "lint/util/strings.h"

namespace hublint {

SourceText::SourceText(std::string name, std::string text)
    : name_(std::move(name)), text_(std::move(text)) {}

SourceText SourceText::Borrowing(std::string name, std::string_view text) {
  SourceText source(std::move(name), std::string());
  source.borrowed_ = text;
  return source;
}

void SourceText::IndexLines() const {
  if (!line_starts_.empty()) return;
  line_starts_.push_back(0);
  std::string_view text = this->text();
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
}

TextPosition SourceText::PositionOf(size_t offset) const {
  IndexLines();
  offset = std::min(offset, text().size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line_index = static_cast<size_t>(it - line_starts_.begin()) - 1;
  return TextPosition{
      static_cast<uint32_t>(line_index + 1),
      static_cast<uint32_t>(offset - line_starts_[line_index] + 1)};
}

std::string_view SourceText::Line(uint32_t line) const {
  IndexLines();
  if (line == 0 || line > line_starts_.size()) return {};
  size_t begin = line_starts_[line - 1];
  size_t end =
      line < line_starts_.size() ? line_starts_[line] - 1 : text().size();
  std::string_view view = text().substr(begin, end - begin);
  if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
  return view;
}

std::string SourceText::Diagnostic(size_t offset,
                                   std::string_view message) const {
  return Diagnostic(PositionOf(offset), message);
}

std::string SourceText::Diagnostic(TextPosition pos,
                                   std::string_view message) const {
  return FormatDiagnostic(name_, pos, Line(pos.line), message);
}

absl::Status SourceText::Error(size_t offset, std::string_view message,
                               absl::StatusCode code) const {
  return absl::Status(code, Diagnostic(offset, message));
}

std::string FormatDiagnostic(std::string_view name, TextPosition pos,
                             std::string_view source_line,
                             std::string_view message) {
  if (pos.line == 0) return Cat(name, ": ", message);
  std::string out = Cat(name, ":", pos.line, ":", pos.column, ": ", message);
  // Very long lines (minified JSON) are cut around the column so the caret
  // stays readable; ordinary lines are shown whole.
  constexpr size_t kLongLine = 160;
  constexpr size_t kContext = 60;
  size_t column = pos.column - 1;
  size_t begin = 0;
  size_t end = source_line.size();
  if (source_line.size() > kLongLine) {
    begin = column > kContext ? column - kContext : 0;
    end = std::min(source_line.size(), column + kContext);
  }
  if (begin >= source_line.size()) return out;
  std::string_view shown = source_line.substr(begin, end - begin);
  Append(&out, "\n", shown, "\n");
  for (size_t i = begin; i < column && i < source_line.size(); ++i) {
    out.push_back(source_line[i] == '\t' ? '\t' : ' ');
  }
  out.push_back('^');
  return out;
}

}  // namespace hublint
