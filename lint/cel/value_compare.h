#ifndef HUBLINT_CEL_VALUE_COMPARE_H_
#define HUBLINT_CEL_VALUE_COMPARE_H_

// Equality, ordering and map-key rules of CEL values (internal).
//
// Numbers compare across int, uint and double as mathematical values
// (double comparisons against out-of-range integers follow cel-go: the
// integer is converted to double). Equality across other kinds is false,
// never an error. Ordering is defined for bool, numbers, string, bytes,
// timestamp and duration; anything else has no `<` overload.

#include <cstddef>

#include "lint/cel/value.h"

namespace hublint::cel {

enum class Ordering : int8_t {
  kLess = -1,
  kEqual = 0,
  kGreater = 1,
  kUnordered,     // a NaN was involved: every comparison is false
  kIncomparable,  // no ordering between these kinds
};

// CEL `==`. REQUIRES: neither is an error or unknown.
bool ValuesEqual(const Value& a, const Value& b);

// CEL `<`/`<=`/`>`/`>=` support.
Ordering CompareValues(const Value& a, const Value& b);

// True for the kinds a map key may have: bool, int, uint, string.
bool IsValidMapKey(const Value& key);

// Turns a lookup key into the form keys are stored in: integral doubles
// become int (or uint above the int range). Returns false for keys no map
// can hold (non-integral doubles, lists, ...), which are simply absent.
bool NormalizeMapKey(const Value& key, Value* normalized);

// Hash and equality of normalized map keys (1 and 1u are the same key).
size_t HashMapKey(const Value& key);
bool MapKeysEqual(const Value& a, const Value& b);

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_VALUE_COMPARE_H_
