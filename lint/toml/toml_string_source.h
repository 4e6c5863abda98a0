#ifndef HUBLINT_TOML_TOML_STRING_SOURCE_H_
#define HUBLINT_TOML_TOML_STRING_SOURCE_H_

// Maps the characters of a TOML string value back to the file, so that an
// error found at offset k of a CEL expression written in a rule file can be
// shown at the right file line and column, even for multi-line strings and
// strings with escapes.

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hublint {

// A string as it stood in a TOML file (a CEL expression of a rule, say): the
// text (escapes resolved) and, for each byte of it, the byte offset in the
// file, so a diagnostic at expression offset k points at file offset
// offsets[k].
struct ExpressionSource {
  std::string text;
  std::vector<uint32_t> offsets;  // size text.size() + 1

  uint32_t FileOffset(size_t expression_offset) const {
    if (offsets.empty()) return 0;
    return offsets[std::min(expression_offset, offsets.size() - 1)];
  }
};

// Re-reads the TOML string literal that starts at `value_offset` in `file`
// (its opening quote: ", ', """ or '''), resolving escapes as TOML does, and
// returns its text with a file offset for every byte. `parsed` is the value
// the TOML parser produced; should the re-reading disagree with it (it
// never should), every byte maps to the literal's start so diagnostics stay
// near the right place.
ExpressionSource TomlStringSource(std::string_view file, size_t value_offset,
                                  const std::string& parsed);

}  // namespace hublint

#endif  // HUBLINT_TOML_TOML_STRING_SOURCE_H_
