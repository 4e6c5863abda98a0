#include "lint/report/markdown_text.h"

#include <algorithm>

#include "lint/report/printable_text.h"
#include "lint/util/strings.h"

namespace hublint {

std::string MarkdownText(std::string_view text) {
  static constexpr std::string_view kSpecial = "\\`*_[]<>|~$&";
  std::string printable = PrintableText(text);
  std::string out;
  out.reserve(printable.size());
  for (size_t i = 0; i < printable.size(); ++i) {
    char c = printable[i];
    // PrintableText's own escapes ("\n", "\x1b") keep their backslash
    // visible: escape it.
    if (kSpecial.find(c) != std::string_view::npos) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string MarkdownCode(std::string_view text) {
  std::string body;
  for (char c : PrintableText(text)) {
    if (c == '|') {
      body.append("\\|");
    } else {
      body.push_back(c);
    }
  }
  size_t longest = 0;
  size_t run = 0;
  for (char c : body) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  bool pad = body.empty() || body.front() == '`' || body.back() == '`' ||
             body.front() == ' ';
  return pad ? Cat(fence, " ", body, " ", fence) : Cat(fence, body, fence);
}

namespace {

// The level of the ATX heading on `line` ("## x" -> 2), or 0.
size_t HeadingLevel(std::string_view line) {
  size_t hashes = line.find_first_not_of('#');
  if (hashes == std::string_view::npos) hashes = line.size();
  if (hashes == 0 || hashes > 6) return 0;
  return hashes == line.size() || line[hashes] == ' ' ? hashes : 0;
}

// Calls `fn(line, heading_level)` on each line of `markdown`, with level 0
// for lines that are no heading or sit inside a fenced code block.
template <typename Fn>
void ForEachLine(std::string_view markdown, Fn fn) {
  bool in_fence = false;
  size_t start = 0;
  while (start <= markdown.size()) {
    size_t end = markdown.find('\n', start);
    if (end == std::string_view::npos) end = markdown.size();
    std::string_view line = markdown.substr(start, end - start);
    std::string_view trimmed =
        line.substr(std::min(line.find_first_not_of(' '), line.size()));
    if (trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
      in_fence = !in_fence;
    }
    fn(line, in_fence ? 0 : HeadingLevel(line), end == markdown.size());
    if (end == markdown.size()) break;
    start = end + 1;
  }
}

}  // namespace

std::string DemoteHeadings(std::string_view markdown, int base_level) {
  size_t top = 7;
  ForEachLine(markdown, [&](std::string_view, size_t level, bool) {
    if (level != 0) top = std::min(top, level);
  });
  std::string out;
  ForEachLine(markdown, [&](std::string_view line, size_t level, bool last) {
    if (level == 0) {
      out.append(line);
    } else {
      size_t wanted = std::min<size_t>(level - top + base_level + 1, 6);
      out.append(wanted, '#');
      out.append(line.substr(level));
    }
    if (!last) out.push_back('\n');
  });
  return out;
}

}  // namespace hublint
