#ifndef HUBLINT_UTIL_STRINGS_H_
#define HUBLINT_UTIL_STRINGS_H_

// String concatenation that accepts std::string_view.
//
// Why not absl::StrCat: Debian's Abseil is built with its own
// absl::string_view (ABSL_OPTION_USE_STD_STRING_VIEW 0), so absl::StrCat and
// friends do not accept std::string_view. Statuses still take std::string.

#include <charconv>
#include <concepts>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "absl/strings/string_view.h"

namespace hublint {
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
inline void AppendPiece(std::string* out, double value) {
  char buffer[32];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out->append(buffer, result.ptr);
}

}  // namespace strings_internal

// Appends every argument to `*out`: strings, string views, characters,
// integers and doubles (shortest round-trip form).
template <typename... Args>
void Append(std::string* out, const Args&... args) {
  (strings_internal::AppendPiece(out, args), ...);
}

// The concatenation of every argument, as Append() renders them.
template <typename... Args>
std::string Cat(const Args&... args) {
  std::string out;
  Append(&out, args...);
  return out;
}

// `parts` joined with `separator`.
std::string Join(const std::vector<std::string>& parts,
                 std::string_view separator);

// Lower-cases ASCII letters in place; other bytes are kept.
void AsciiLowerInPlace(std::string* s);

// Converts Abseil's string_view (what absl::Status::message() returns) to the
// standard one.
inline std::string_view ToStd(absl::string_view view) {
  return std::string_view(view.data(), view.size());
}

}  // namespace hublint

#endif  // HUBLINT_UTIL_STRINGS_H_
