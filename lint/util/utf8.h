#ifndef HUBLINT_UTIL_UTF8_H_
#define HUBLINT_UTIL_UTF8_H_

// UTF-8 validation and repair. Inputs are rejected when invalid (with the
// byte offset); strings from remote APIs are repaired with U+FFFD before
// they reach any output, so every report stays valid UTF-8.

#include <string>
#include <string_view>

namespace hublint {

// The offset of the first byte that is not part of a valid UTF-8 sequence
// (overlong forms, surrogates and code points past U+10FFFF are invalid), or
// std::string_view::npos when `text` is valid.
size_t FindInvalidUtf8(std::string_view text);

inline bool IsValidUtf8(std::string_view text) {
  return FindInvalidUtf8(text) == std::string_view::npos;
}

// `text` with every invalid sequence replaced by U+FFFD. Sets `*replaced`
// (when given) to whether anything was replaced.
std::string SanitizeUtf8(std::string_view text, bool* replaced = nullptr);

}  // namespace hublint

#endif  // HUBLINT_UTIL_UTF8_H_
