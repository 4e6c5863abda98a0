#ifndef HUBLINT_CEL_UNKNOWN_H_
#define HUBLINT_CEL_UNKNOWN_H_

// Unknown values: what an expression evaluates to when it needs a fact the
// host does not know (a field declared `unknowable`, whose reader returned
// Value::UnknownFact()).
//
// An unknown carries the attributes it depends on. Each attribute names the
// field as the expression wrote it ("member.two_factor_enabled", or
// "m.two_factor_enabled" inside a macro) and the host object it was read
// from, so the caller can say which fact about which resource is missing.
//
// Propagation (CEL spec): `false && unknown` is false and `true || unknown`
// is true, in either order; otherwise `&&`, `||`, `!`, every operator and
// function with an unknown argument, and `c ? a : b` with an unknown `c`
// yield unknown, merging the attributes of all unknown arguments. Unknown
// wins over error. has(x.f) on an unknowable field is false when the fact is
// unknown, so `!has(x.f) || ...` tests for it.

#include <string_view>
#include <vector>

#include "lint/cel/arena.h"

namespace hublint::cel {

class StructType;

struct UnknownAttribute {
  // The selection as written in the expression, e.g.
  // "member.two_factor_enabled".
  std::string_view path;
  // The struct type and host object the field was read from, and the
  // field's index in type->fields().
  const StructType* type = nullptr;
  const void* object = nullptr;
  int field = -1;
};

// An immutable set of attributes, allocated in an Arena. Merging is O(1):
// sets form a tree that Attributes() flattens.
class UnknownSet {
 public:
  // A set of one attribute, allocated in `arena`.
  static const UnknownSet* Of(Arena* arena, const UnknownAttribute& attribute);
  // The union of `a` and `b`; either may be nullptr (then the other is
  // returned).
  static const UnknownSet* Merge(Arena* arena, const UnknownSet* a,
                                 const UnknownSet* b);

  // The distinct attributes (same path and object count once), in the order
  // the evaluation met them.
  std::vector<UnknownAttribute> Attributes() const;

  // Use Of() and Merge(); public only for Arena::New.
  UnknownSet(const UnknownAttribute& attribute, const UnknownSet* left,
             const UnknownSet* right)
      : attribute_(attribute), left_(left), right_(right) {}

 private:
  UnknownAttribute attribute_;  // valid when left_ == nullptr
  const UnknownSet* left_;
  const UnknownSet* right_;
};

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_UNKNOWN_H_
