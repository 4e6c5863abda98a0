#ifndef HUBLINT_CEL_STRINGS_H_
#define HUBLINT_CEL_STRINGS_H_

// String helpers of the CEL library (internal). Cat() and Append() are
// hublint's own (lint/util/strings.h, which says why not absl::StrCat);
// AbslView()/StdView() convert at the few places that call Abseil with
// text.

#include <string>
#include <string_view>

#include "absl/strings/string_view.h"
#include "lint/util/strings.h"

namespace hublint::cel {

inline absl::string_view AbslView(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}
inline std::string_view StdView(absl::string_view s) {
  return std::string_view(s.data(), s.size());
}

enum class QuoteStyle {
  kJson,  // JSON: other control characters as \u00XX
  kCel,   // strings.quote(): \a and \v too, other bytes as they are
};

// `s` in double quotes, with `"`, `\` and \b \f \n \r \t escaped.
std::string Quote(std::string_view s, QuoteStyle style);

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_STRINGS_H_
