#ifndef HUBLINT_CEL_PLAIN_JSON_H_
#define HUBLINT_CEL_PLAIN_JSON_H_

// Plain JSON as a rule author writes it (on a command line, in a params
// table) to a CEL value:
//
//   null -> null       true/false -> bool     "s" -> string
//   3, -3 -> int (above the int range: uint, then double)
//   1.5, 1e3 -> double (a fraction or exponent makes a double)
//   [...] -> list      {...} -> map with string keys, in document order

#include <string_view>

#include "absl/status/statusor.h"
#include "lint/cel/arena.h"
#include "lint/cel/value.h"

namespace hublint::cel {

// Converts `json`; strings, lists and maps are allocated in `arena`. Fails
// on invalid JSON, duplicate object keys and nesting deeper than 128.
absl::StatusOr<Value> ValueFromPlainJson(std::string_view json, Arena* arena);

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_PLAIN_JSON_H_
