#ifndef HUBLINT_JSON_JSON_SYNTAX_H_
#define HUBLINT_JSON_JSON_SYNTAX_H_

// A strict RFC 8259 syntax checker that says exactly where and why a
// document is not JSON. simdjson, which reads the inputs, reports only an
// error code when a document is malformed; readers call this on the slow
// path to turn that into `file:line:col: message`. It is also the second
// implementation that tests compare simdjson against (RE2-style
// differential testing): both must accept and reject the same documents.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hublint {

// The deepest nesting of arrays and objects any hublint reader accepts.
inline constexpr int kMaxJsonDepth = 64;

struct JsonSyntaxError {
  size_t offset;        // byte offset of the offending character
  std::string message;  // e.g. "expected `,` or `]` after an array element"
};

// The first syntax error in `text`, or nullopt when it is one valid JSON
// value (surrounded by optional whitespace), nested at most `max_depth`
// levels, with valid UTF-8 in its strings.
std::optional<JsonSyntaxError> FindJsonSyntaxError(
    std::string_view text, int max_depth = kMaxJsonDepth);

}  // namespace hublint

#endif  // HUBLINT_JSON_JSON_SYNTAX_H_
