#ifndef HUBLINT_REPORT_MARKDOWN_TEXT_H_
#define HUBLINT_REPORT_MARKDOWN_TEXT_H_

// Putting strings from the organization into Markdown (GitHub Flavored) so
// that they read as the same text and cannot add markup, links, HTML or
// table cells of their own.

#include <string>
#include <string_view>

namespace hublint {

// `text` as Markdown inline text: control characters as visible escapes
// (PrintableText), and the characters that start markup escaped with a
// backslash (\ ` * _ [ ] < > | ~ $ &). Safe in a table cell.
std::string MarkdownText(std::string_view text);

// `text` as a code span, safe in a table cell: the fence is longer than any
// run of backticks inside, "|" is escaped, controls are made visible.
std::string MarkdownCode(std::string_view text);

// Rule help (trusted Markdown from the rule pack) placed under a heading of
// level `base_level`: its ATX headings are moved so that its highest one
// becomes level base_level + 1 (at most 6), the others keeping their
// distance; lines inside fenced code blocks are left alone.
std::string DemoteHeadings(std::string_view markdown, int base_level);

}  // namespace hublint

#endif  // HUBLINT_REPORT_MARKDOWN_TEXT_H_
