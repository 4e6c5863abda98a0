#ifndef HUBLINT_UTIL_UTF8_H_
#define HUBLINT_UTIL_UTF8_H_

// UTF-8: validation, repair, decoding and code point arithmetic. Inputs are
// rejected when invalid (with the byte offset); strings from remote APIs are
// repaired with U+FFFD before they reach any output, so every report stays
// valid UTF-8; CEL strings count code points (size(), charAt(), substring()).

#include <cstddef>
#include <string>
#include <string_view>

namespace hublint {

// Decodes the code point at s[*pos] and advances *pos past it. Returns false
// (leaving *pos alone) on an invalid, overlong or truncated sequence, a
// surrogate or a value above U+10FFFF.
bool DecodeUtf8(std::string_view s, size_t* pos, char32_t* code_point);

// The offset of the first byte that is not part of a valid UTF-8 sequence,
// or std::string_view::npos when `text` is valid.
size_t FindInvalidUtf8(std::string_view text);

inline bool IsValidUtf8(std::string_view text) {
  return FindInvalidUtf8(text) == std::string_view::npos;
}

// `text` with every invalid sequence replaced by U+FFFD. Sets `*replaced`
// (when given) to whether anything was replaced.
std::string SanitizeUtf8(std::string_view text, bool* replaced = nullptr);

// Appends the UTF-8 encoding of `code_point` (REQUIRES: a scalar value).
void AppendUtf8(char32_t code_point, std::string* out);

// Number of code points in valid UTF-8 `s`.
size_t CodePointCount(std::string_view s);

// Byte offset of code point `index` in valid UTF-8 `s`; s.size() when
// index equals the code point count, std::string_view::npos beyond it.
size_t CodePointToByteOffset(std::string_view s, size_t index);

}  // namespace hublint

#endif  // HUBLINT_UTIL_UTF8_H_
