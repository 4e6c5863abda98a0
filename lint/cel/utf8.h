#ifndef HUBLINT_CEL_UTF8_H_
#define HUBLINT_CEL_UTF8_H_

// UTF-8 helpers for CEL strings, which are sequences of code points: size(),
// charAt(), indexOf() and substring() count code points, not bytes.

#include <cstddef>
#include <string>
#include <string_view>

namespace hublint::cel {

// Decodes the code point at s[*pos] and advances *pos past it. Returns false
// (leaving *pos alone) on an invalid, overlong or truncated sequence, a
// surrogate or a value above U+10FFFF.
bool DecodeUtf8(std::string_view s, size_t* pos, char32_t* code_point);

// Whether `s` is valid UTF-8; on failure *error_offset (if not null) is the
// byte offset of the first bad sequence.
bool IsValidUtf8(std::string_view s, size_t* error_offset = nullptr);

// Appends the UTF-8 encoding of `code_point` (REQUIRES: a scalar value).
void AppendUtf8(char32_t code_point, std::string* out);

// Number of code points in valid UTF-8 `s`.
size_t CodePointCount(std::string_view s);

// Byte offset of code point `index` in valid UTF-8 `s`; s.size() when
// index equals the code point count, std::string_view::npos beyond it.
size_t CodePointToByteOffset(std::string_view s, size_t index);

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_UTF8_H_
