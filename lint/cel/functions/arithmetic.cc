// + - * / % and unary minus. Integer arithmetic is checked: overflow,
// division and modulus by zero are errors; doubles follow IEEE 754.
// Timestamps and durations stay within their ranges (time_util.h).

#include <cstdint>
#include <cstring>
#include <limits>
#include <string>

#include "lint/cel/functions/functions.h"
#include "lint/cel/time_util.h"
#include "lint/cel/value_builder.h"

namespace hublint::cel::functions {
namespace {

enum class Checked { kAdd, kSubtract, kMultiply };

template <typename T>
bool Overflows(Checked op, T a, T b, T* r) {
  switch (op) {
    case Checked::kAdd:
      return __builtin_add_overflow(a, b, r);
    case Checked::kSubtract:
      return __builtin_sub_overflow(a, b, r);
    case Checked::kMultiply:
      return __builtin_mul_overflow(a, b, r);
  }
  return true;
}

// + - * on two ints, two uints or two doubles; returns false (leaving *out
// alone) for any other pair of kinds.
bool Numeric(Checked op, const Value& a, const Value& b, const CallContext& ctx,
             Value* out) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Kind::kInt: {
      int64_t r;
      *out = Overflows(op, a.int_value(), b.int_value(), &r)
                 ? ctx.Error("integer overflow")
                 : Value::Int(r);
      return true;
    }
    case Kind::kUint: {
      uint64_t r;
      *out = Overflows(op, a.uint_value(), b.uint_value(), &r)
                 ? ctx.Error("unsigned integer overflow")
                 : Value::Uint(r);
      return true;
    }
    case Kind::kDouble: {
      double x = a.double_value(), y = b.double_value();
      *out = Value::Double(op == Checked::kAdd        ? x + y
                           : op == Checked::kSubtract ? x - y
                                                      : x * y);
      return true;
    }
    default:
      return false;
  }
}

Value TimestampResult(absl::Time t, const CallContext& ctx) {
  if (!TimestampInRange(t)) return ctx.Error("timestamp out of range");
  return Value::Timestamp(t);
}

Value DurationResult(absl::Duration d, const CallContext& ctx) {
  if (!DurationInRange(d)) return ctx.Error("duration out of range");
  return Value::Duration(d);
}

Value Concat(const Value& a, const Value& b, const CallContext& ctx) {
  std::string_view x = a.string_value(), y = b.string_value();
  char* p = static_cast<char*>(ctx.arena->Allocate(x.size() + y.size(), 1));
  if (!x.empty()) std::memcpy(p, x.data(), x.size());
  if (!y.empty()) std::memcpy(p + x.size(), y.data(), y.size());
  std::string_view joined(p, x.size() + y.size());
  return a.kind() == Kind::kString ? Value::String(joined)
                                   : Value::Bytes(joined);
}

Value ConcatLists(const Value& a, const Value& b, const CallContext& ctx) {
  size_t n = a.list_size(), m = b.list_size();
  if (n == 0) return b;
  if (m == 0) return a;
  ListBuilder out(ctx.arena);
  out.Reserve(n + m);
  for (size_t i = 0; i < n; ++i) out.Add(a.list_element(i));
  for (size_t i = 0; i < m; ++i) out.Add(b.list_element(i));
  return out.Build();
}

}  // namespace

Value Add(const Value* args, int count, const CallContext& ctx) {
  const Value& a = args[0];
  const Value& b = args[1];
  Value result;
  if (Numeric(Checked::kAdd, a, b, ctx, &result)) return result;
  if (a.kind() == b.kind()) {
    switch (a.kind()) {
      case Kind::kString:
      case Kind::kBytes:
        return Concat(a, b, ctx);
      case Kind::kList:
        return ConcatLists(a, b, ctx);
      case Kind::kDuration:
        return DurationResult(a.duration_value() + b.duration_value(), ctx);
      default:
        break;
    }
  } else if (a.kind() == Kind::kTimestamp && b.kind() == Kind::kDuration) {
    return TimestampResult(a.timestamp_value() + b.duration_value(), ctx);
  } else if (a.kind() == Kind::kDuration && b.kind() == Kind::kTimestamp) {
    return TimestampResult(b.timestamp_value() + a.duration_value(), ctx);
  }
  return NoMatchingOverload(ctx, "_+_", args, count);
}

Value Subtract(const Value* args, int count, const CallContext& ctx) {
  const Value& a = args[0];
  const Value& b = args[1];
  Value result;
  if (Numeric(Checked::kSubtract, a, b, ctx, &result)) return result;
  if (a.kind() == b.kind()) {
    switch (a.kind()) {
      case Kind::kTimestamp:
        return DurationResult(a.timestamp_value() - b.timestamp_value(), ctx);
      case Kind::kDuration:
        return DurationResult(a.duration_value() - b.duration_value(), ctx);
      default:
        break;
    }
  } else if (a.kind() == Kind::kTimestamp && b.kind() == Kind::kDuration) {
    return TimestampResult(a.timestamp_value() - b.duration_value(), ctx);
  }
  return NoMatchingOverload(ctx, "_-_", args, count);
}

Value Multiply(const Value* args, int count, const CallContext& ctx) {
  Value result;
  if (Numeric(Checked::kMultiply, args[0], args[1], ctx, &result)) {
    return result;
  }
  return NoMatchingOverload(ctx, "_*_", args, count);
}

Value Divide(const Value* args, int count, const CallContext& ctx) {
  const Value& a = args[0];
  const Value& b = args[1];
  if (a.kind() == b.kind()) {
    switch (a.kind()) {
      case Kind::kInt:
        if (b.int_value() == 0) return ctx.Error("division by zero");
        if (a.int_value() == std::numeric_limits<int64_t>::min() &&
            b.int_value() == -1) {
          return ctx.Error("integer overflow");
        }
        return Value::Int(a.int_value() / b.int_value());
      case Kind::kUint:
        if (b.uint_value() == 0) return ctx.Error("division by zero");
        return Value::Uint(a.uint_value() / b.uint_value());
      case Kind::kDouble:
        return Value::Double(a.double_value() / b.double_value());
      default:
        break;
    }
  }
  return NoMatchingOverload(ctx, "_/_", args, count);
}

Value Modulo(const Value* args, int count, const CallContext& ctx) {
  const Value& a = args[0];
  const Value& b = args[1];
  if (a.kind() == b.kind()) {
    switch (a.kind()) {
      case Kind::kInt:
        if (b.int_value() == 0) return ctx.Error("modulus by zero");
        if (a.int_value() == std::numeric_limits<int64_t>::min() &&
            b.int_value() == -1) {
          return ctx.Error("integer overflow");
        }
        return Value::Int(a.int_value() % b.int_value());
      case Kind::kUint:
        if (b.uint_value() == 0) return ctx.Error("modulus by zero");
        return Value::Uint(a.uint_value() % b.uint_value());
      default:
        break;
    }
  }
  return NoMatchingOverload(ctx, "_%_", args, count);
}

Value Negate(const Value* args, int count, const CallContext& ctx) {
  const Value& a = args[0];
  if (a.kind() == Kind::kInt) {
    if (a.int_value() == std::numeric_limits<int64_t>::min()) {
      return ctx.Error("integer overflow");
    }
    return Value::Int(-a.int_value());
  }
  if (a.kind() == Kind::kDouble) return Value::Double(-a.double_value());
  return NoMatchingOverload(ctx, "-_", args, count);
}

}  // namespace hublint::cel::functions
