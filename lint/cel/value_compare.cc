#include "lint/cel/value_compare.h"

#include <cmath>
#include <cstdint>
#include <limits>

#include "absl/hash/hash.h"

namespace hublint::cel {
namespace {

// 2^63 and 2^64 as doubles: the first doubles outside int64 / uint64.
constexpr double kTwoTo63 = 9223372036854775808.0;
constexpr double kTwoTo64 = 18446744073709551616.0;

template <typename T>
Ordering Three(T a, T b) {
  if (a < b) return Ordering::kLess;
  if (b < a) return Ordering::kGreater;
  return Ordering::kEqual;
}

Ordering CompareDoubles(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return Ordering::kUnordered;
  return Three(a, b);
}

Ordering CompareIntUint(int64_t i, uint64_t u) {
  if (i < 0) return Ordering::kLess;
  return Three(static_cast<uint64_t>(i), u);
}

Ordering Flip(Ordering o) {
  if (o == Ordering::kLess) return Ordering::kGreater;
  if (o == Ordering::kGreater) return Ordering::kLess;
  return o;
}

Ordering CompareIntDouble(int64_t i, double d) {
  if (std::isnan(d)) return Ordering::kUnordered;
  if (d < -kTwoTo63) return Ordering::kGreater;
  if (d > kTwoTo63) return Ordering::kLess;
  return CompareDoubles(static_cast<double>(i), d);
}

Ordering CompareUintDouble(uint64_t u, double d) {
  if (std::isnan(d)) return Ordering::kUnordered;
  if (d < 0) return Ordering::kGreater;
  if (d > kTwoTo64) return Ordering::kLess;
  return CompareDoubles(static_cast<double>(u), d);
}

bool IsNumber(Kind k) {
  return k == Kind::kInt || k == Kind::kUint || k == Kind::kDouble;
}

Ordering CompareNumbers(const Value& a, const Value& b) {
  switch (a.kind()) {
    case Kind::kInt:
      if (b.kind() == Kind::kInt) return Three(a.int_value(), b.int_value());
      if (b.kind() == Kind::kUint) {
        return CompareIntUint(a.int_value(), b.uint_value());
      }
      return CompareIntDouble(a.int_value(), b.double_value());
    case Kind::kUint:
      if (b.kind() == Kind::kUint) {
        return Three(a.uint_value(), b.uint_value());
      }
      if (b.kind() == Kind::kInt) {
        return Flip(CompareIntUint(b.int_value(), a.uint_value()));
      }
      return CompareUintDouble(a.uint_value(), b.double_value());
    default:
      if (b.kind() == Kind::kDouble) {
        return CompareDoubles(a.double_value(), b.double_value());
      }
      if (b.kind() == Kind::kInt) {
        return Flip(CompareIntDouble(b.int_value(), a.double_value()));
      }
      return Flip(CompareUintDouble(b.uint_value(), a.double_value()));
  }
}

bool ListsEqual(const Value& a, const Value& b) {
  size_t n = a.list_size();
  if (n != b.list_size()) return false;
  for (size_t i = 0; i < n; ++i) {
    if (!ValuesEqual(a.list_element(i), b.list_element(i))) return false;
  }
  return true;
}

bool MapsEqual(const Value& a, const Value& b) {
  size_t n = a.map_size();
  if (n != b.map_size()) return false;
  for (size_t i = 0; i < n; ++i) {
    Value other;
    if (!b.map_find(a.map_key(i), &other)) return false;
    if (!ValuesEqual(a.map_value(i), other)) return false;
  }
  return true;
}

}  // namespace

bool ValuesEqual(const Value& a, const Value& b) {
  if (a.kind() == Kind::kString && b.kind() == Kind::kString) {
    return a.string_value() == b.string_value();  // the common case
  }
  if (IsNumber(a.kind()) && IsNumber(b.kind())) {
    return CompareNumbers(a, b) == Ordering::kEqual;
  }
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Kind::kNull:
      return true;
    case Kind::kBool:
      return a.bool_value() == b.bool_value();
    case Kind::kString:
    case Kind::kBytes:
    case Kind::kType:
      return a.string_value() == b.string_value();
    case Kind::kTimestamp:
      return a.timestamp_value() == b.timestamp_value();
    case Kind::kDuration:
      return a.duration_value() == b.duration_value();
    case Kind::kList:
      return ListsEqual(a, b);
    case Kind::kMap:
      return MapsEqual(a, b);
    case Kind::kStruct:
      return a.struct_type() == b.struct_type() &&
             a.struct_object() == b.struct_object();
    default:
      return false;
  }
}

Ordering CompareValues(const Value& a, const Value& b) {
  if (IsNumber(a.kind()) && IsNumber(b.kind())) return CompareNumbers(a, b);
  if (a.kind() != b.kind()) return Ordering::kIncomparable;
  switch (a.kind()) {
    case Kind::kBool:
      return Three(a.bool_value(), b.bool_value());
    case Kind::kString:
    case Kind::kBytes: {
      int c = a.string_value().compare(b.string_value());
      return c < 0 ? Ordering::kLess
                   : (c > 0 ? Ordering::kGreater : Ordering::kEqual);
    }
    case Kind::kTimestamp:
      return Three(a.timestamp_value(), b.timestamp_value());
    case Kind::kDuration:
      return Three(a.duration_value(), b.duration_value());
    default:
      return Ordering::kIncomparable;
  }
}

bool IsValidMapKey(const Value& key) {
  switch (key.kind()) {
    case Kind::kBool:
    case Kind::kInt:
    case Kind::kUint:
    case Kind::kString:
      return true;
    default:
      return false;
  }
}

bool NormalizeMapKey(const Value& key, Value* normalized) {
  if (key.kind() != Kind::kDouble) {
    *normalized = key;
    return IsValidMapKey(key);
  }
  double d = key.double_value();
  if (!(d == std::trunc(d))) return false;  // fraction, NaN or infinity
  if (d >= -kTwoTo63 && d < kTwoTo63) {
    *normalized = Value::Int(static_cast<int64_t>(d));
    return true;
  }
  if (d >= 0 && d < kTwoTo64) {
    *normalized = Value::Uint(static_cast<uint64_t>(d));
    return true;
  }
  return false;
}

size_t HashMapKey(const Value& key) {
  switch (key.kind()) {
    case Kind::kBool:
      return absl::HashOf(key.bool_value(), 1);
    case Kind::kInt:
      return absl::HashOf(static_cast<uint64_t>(key.int_value()));
    case Kind::kUint:
      return absl::HashOf(key.uint_value());
    case Kind::kString:
      return absl::HashOf(key.string_value());
    default:
      return 0;
  }
}

bool MapKeysEqual(const Value& a, const Value& b) {
  if (a.kind() == Kind::kInt && b.kind() == Kind::kUint) {
    return a.int_value() >= 0 &&
           static_cast<uint64_t>(a.int_value()) == b.uint_value();
  }
  if (a.kind() == Kind::kUint && b.kind() == Kind::kInt) {
    return MapKeysEqual(b, a);
  }
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Kind::kBool:
      return a.bool_value() == b.bool_value();
    case Kind::kInt:
      return a.int_value() == b.int_value();
    case Kind::kUint:
      return a.uint_value() == b.uint_value();
    case Kind::kString:
      return a.string_value() == b.string_value();
    default:
      return false;
  }
}

}  // namespace hublint::cel
