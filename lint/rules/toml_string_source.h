#ifndef HUBLINT_RULES_TOML_STRING_SOURCE_H_
#define HUBLINT_RULES_TOML_STRING_SOURCE_H_

// Maps the characters of a TOML string value back to the file, so that an
// error found at offset k of a CEL expression written in a rule file can be
// shown at the right file line and column, even for multi-line strings and
// strings with escapes.

#include <string>
#include <string_view>

#include "lint/rules/rule.h"

namespace hublint {

// Re-reads the TOML string literal that starts at `value_offset` in `file`
// (its opening quote: ", ', """ or '''), resolving escapes as TOML does, and
// returns its text with a file offset for every byte. `parsed` is the value
// the TOML parser produced; should the re-reading disagree with it (it
// never should), every byte maps to the literal's start so diagnostics stay
// near the right place.
ExpressionSource TomlStringSource(std::string_view file, size_t value_offset,
                                  const std::string& parsed);

}  // namespace hublint

#endif  // HUBLINT_RULES_TOML_STRING_SOURCE_H_
