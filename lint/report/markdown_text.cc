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

std::string DemoteHeadings(std::string_view markdown, int base_level) {
  std::string out;
  bool in_fence = false;
  size_t start = 0;
  while (start <= markdown.size()) {
    size_t end = markdown.find('\n', start);
    if (end == std::string_view::npos) end = markdown.size();
    std::string_view line = markdown.substr(start, end - start);
    std::string_view trimmed = line.substr(
        std::min(line.find_first_not_of(' '), line.size()));
    if (trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
      in_fence = !in_fence;
    }
    if (!in_fence && line.starts_with("#")) {
      size_t hashes = line.find_first_not_of('#');
      if (hashes == std::string_view::npos) hashes = line.size();
      if (hashes <= 6 && (hashes == line.size() || line[hashes] == ' ')) {
        size_t level = std::min<size_t>(hashes + base_level, 6);
        out.append(level, '#');
        out.append(line.substr(hashes));
      } else {
        out.append(line);
      }
    } else {
      out.append(line);
    }
    if (end == markdown.size()) break;
    out.push_back('\n');
    start = end + 1;
  }
  return out;
}

}  // namespace hublint
