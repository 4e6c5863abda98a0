#ifndef HUBLINT_UTIL_NEWLINES_H_
#define HUBLINT_UTIL_NEWLINES_H_

// Counting line breaks fast, for turning byte offsets into line numbers
// while reading large files (a 100,000-member snapshot has 2.5 million
// lines; one memchr() call per line was a tenth of reading it).

#include <cstddef>
#include <string_view>

namespace hublint {

// The number of '\n' bytes in `text`.
size_t CountNewlines(std::string_view text);

// The offset of the last '\n' in `text`, or std::string_view::npos.
size_t LastNewline(std::string_view text);

}  // namespace hublint

#endif  // HUBLINT_UTIL_NEWLINES_H_
