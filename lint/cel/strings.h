#ifndef HUBLINT_CEL_STRINGS_H_
#define HUBLINT_CEL_STRINGS_H_

// String helpers that accept std::string_view (internal).
//
// Why not absl::StrCat: Debian's Abseil is built with its own
// absl::string_view (ABSL_OPTION_USE_STD_STRING_VIEW 0), so absl::StrCat
// and friends do not take std::string_view. AbslView()/StdView() convert
// at the few places that call Abseil with text.

#include <charconv>
#include <concepts>
#include <string>
#include <string_view>

#include "absl/strings/string_view.h"

namespace hublint::cel {

inline absl::string_view AbslView(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}
inline std::string_view StdView(absl::string_view s) {
  return std::string_view(s.data(), s.size());
}

namespace strings_internal {

inline void AppendPiece(std::string* out, std::string_view piece) {
  out->append(piece);
}
inline void AppendPiece(std::string* out, const char* piece) {
  out->append(piece);
}
inline void AppendPiece(std::string* out, const std::string& piece) {
  out->append(piece);
}
inline void AppendPiece(std::string* out, absl::string_view piece) {
  out->append(piece.data(), piece.size());
}
inline void AppendPiece(std::string* out, char piece) { out->push_back(piece); }
template <typename T>
requires(std::integral<T> && !std::same_as<T, char> &&
         !std::same_as<T, bool>) void AppendPiece(std::string* out, T value) {
  char buffer[24];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out->append(buffer, result.ptr);
}

}  // namespace strings_internal

// Appends every argument (strings, views, characters, integers).
template <typename... Args>
void Append(std::string* out, const Args&... args) {
  (strings_internal::AppendPiece(out, args), ...);
}

// The concatenation of every argument.
template <typename... Args>
std::string Cat(const Args&... args) {
  std::string out;
  Append(&out, args...);
  return out;
}

enum class QuoteStyle {
  kJson,  // JSON: other control characters as \u00XX
  kCel,   // strings.quote(): \a and \v too, other bytes as they are
};

// `s` in double quotes, with `"`, `\` and \b \f \n \r \t escaped.
std::string Quote(std::string_view s, QuoteStyle style);

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_STRINGS_H_
