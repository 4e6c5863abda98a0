#ifndef HUBLINT_REPORT_PRINTABLE_TEXT_H_
#define HUBLINT_REPORT_PRINTABLE_TEXT_H_

// Strings from the organization (names, messages, justifications) shown on a
// terminal or in a CI log must not drive it: an escape sequence in a team
// description could recolour, move or hide lines, a newline could forge a
// line of the report (or a workflow command), and a bidirectional override
// could make text read differently than it is.

#include <string>
#include <string_view>

namespace hublint {

// `text` with control characters written as visible escapes: "\n", "\r",
// "\t", other C0 controls, DEL and C1 controls as "\x1b"-style escapes, and
// the bidirectional controls U+202A-U+202E and U+2066-U+2069 as "\u202e".
// REQUIRES: valid UTF-8 (NormalizeReport() guarantees it).
std::string PrintableText(std::string_view text);

}  // namespace hublint

#endif  // HUBLINT_REPORT_PRINTABLE_TEXT_H_
