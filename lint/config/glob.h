#ifndef HUBLINT_CONFIG_GLOB_H_
#define HUBLINT_CONFIG_GLOB_H_

// The globs of waivers: `*` matches any run of characters (`/` and `:`
// included, so "repository:contoso/*" covers every repository of contoso),
// `?` matches exactly one character, everything else matches itself,
// case-sensitively. There is no escape and no character class: rule ids and
// resource names never contain `*` or `?`.

#include <string_view>

namespace hublint {

// Whether `pattern` contains a `*` or `?`.
bool IsGlob(std::string_view pattern);

// Whether `text` matches `pattern` as a whole. Linear in practice: the
// classic backtracking over the last `*` only, no exponential blow-up.
bool GlobMatch(std::string_view pattern, std::string_view text);

}  // namespace hublint

#endif  // HUBLINT_CONFIG_GLOB_H_
