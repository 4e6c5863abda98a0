#ifndef HUBLINT_JSON_NULL_LITERAL_H_
#define HUBLINT_JSON_NULL_LITERAL_H_

#include <simdjson.h>

namespace hublint {

// Whether a value simdjson typed as null is the literal `null`: the type
// comes from the first byte only, so "nul" and "nullx" are typed null too.
// The result of is_null() is read with get(), as converting it throws on a
// bad literal (found by fuzzing, docs/robustness.md). `V` is an ondemand
// value or document.
template <typename V>
bool IsNullLiteral(V& v) {
  bool null_literal = false;
  return v.is_null().get(null_literal) == simdjson::SUCCESS && null_literal;
}

}  // namespace hublint

#endif  // HUBLINT_JSON_NULL_LITERAL_H_
