// Type conversions: int() uint() double() string() bool() bytes()
// timestamp() duration() dyn() type(). Lossy or out-of-range conversions
// are errors, never silent wrap-around.

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "lint/cel/double_format.h"
#include "lint/cel/functions/functions.h"
#include "lint/cel/host.h"
#include "lint/cel/strings.h"
#include "lint/cel/time_util.h"
#include "lint/util/utf8.h"
#include "lint/cel/value_builder.h"

namespace hublint::cel::functions {
namespace {

constexpr double kTwoTo63 = 9223372036854775808.0;
constexpr double kTwoTo64 = 18446744073709551616.0;

template <typename T>
bool ParseInteger(std::string_view s, T* out) {
  if (s.empty()) return false;
  const char* end = s.data() + s.size();
  std::from_chars_result r = std::from_chars(s.data(), end, *out, 10);
  return r.ec == std::errc() && r.ptr == end;
}

}  // namespace

Value ToInt(const Value* args, int count, const CallContext& ctx) {
  const Value& v = args[0];
  switch (v.kind()) {
    case Kind::kInt:
      return v;
    case Kind::kUint:
      if (v.uint_value() > static_cast<uint64_t>(INT64_MAX)) {
        return ctx.Error("int() range error: the value does not fit in int");
      }
      return Value::Int(static_cast<int64_t>(v.uint_value()));
    case Kind::kDouble: {
      double d = v.double_value();
      // cel-go: both ends are exclusive.
      if (std::isnan(d) || d <= -kTwoTo63 || d >= kTwoTo63) {
        return ctx.Error("int() range error: the value does not fit in int");
      }
      return Value::Int(static_cast<int64_t>(d));
    }
    case Kind::kString: {
      int64_t i;
      if (!ParseInteger(v.string_value(), &i)) {
        return ctx.Errorf(
            Cat("cannot convert \"", v.string_value(), "\" to int"));
      }
      return Value::Int(i);
    }
    case Kind::kTimestamp:
      return Value::Int(absl::ToUnixSeconds(v.timestamp_value()));
    default:
      return NoMatchingOverload(ctx, "int", args, count);
  }
}

Value ToUint(const Value* args, int count, const CallContext& ctx) {
  const Value& v = args[0];
  switch (v.kind()) {
    case Kind::kUint:
      return v;
    case Kind::kInt:
      if (v.int_value() < 0) {
        return ctx.Error("uint() range error: negative value");
      }
      return Value::Uint(static_cast<uint64_t>(v.int_value()));
    case Kind::kDouble: {
      double d = v.double_value();
      if (std::isnan(d) || d < 0 || d >= kTwoTo64) {
        return ctx.Error("uint() range error: the value does not fit in uint");
      }
      return Value::Uint(static_cast<uint64_t>(d));
    }
    case Kind::kString: {
      uint64_t u;
      if (!ParseInteger(v.string_value(), &u)) {
        return ctx.Errorf(
            Cat("cannot convert \"", v.string_value(), "\" to uint"));
      }
      return Value::Uint(u);
    }
    default:
      return NoMatchingOverload(ctx, "uint", args, count);
  }
}

Value ToDouble(const Value* args, int count, const CallContext& ctx) {
  const Value& v = args[0];
  switch (v.kind()) {
    case Kind::kDouble:
      return v;
    case Kind::kInt:
      return Value::Double(static_cast<double>(v.int_value()));
    case Kind::kUint:
      return Value::Double(static_cast<double>(v.uint_value()));
    case Kind::kString: {
      std::string s(v.string_value());
      char* end = nullptr;
      double d = s.empty() || std::isspace(static_cast<unsigned char>(s[0]))
                     ? 0
                     : std::strtod(s.c_str(), &end);
      if (end == nullptr || end != s.c_str() + s.size()) {
        return ctx.Errorf(Cat("cannot convert \"", s, "\" to double"));
      }
      return Value::Double(d);
    }
    default:
      return NoMatchingOverload(ctx, "double", args, count);
  }
}

Value ToString(const Value* args, int count, const CallContext& ctx) {
  const Value& v = args[0];
  switch (v.kind()) {
    case Kind::kString:
      return v;
    case Kind::kInt:
      return MakeString(ctx.arena, Cat(v.int_value()));
    case Kind::kUint:
      return MakeString(ctx.arena, Cat(v.uint_value()));
    case Kind::kDouble:
      return MakeString(ctx.arena, FormatDouble(v.double_value()));
    case Kind::kBool:
      return Value::String(v.bool_value() ? "true" : "false");
    case Kind::kBytes:
      if (!IsValidUtf8(v.string_value())) {
        return ctx.Error("string() of bytes that are not valid UTF-8");
      }
      return Value::String(v.string_value());
    case Kind::kTimestamp:
      return MakeString(ctx.arena, TimestampToString(v.timestamp_value()));
    case Kind::kDuration:
      return MakeString(ctx.arena, DurationToString(v.duration_value()));
    case Kind::kType:
      return Value::String(v.type_name());
    default:
      return NoMatchingOverload(ctx, "string", args, count);
  }
}

Value ToBool(const Value* args, int count, const CallContext& ctx) {
  const Value& v = args[0];
  if (v.kind() == Kind::kBool) return v;
  if (v.kind() != Kind::kString) {
    return NoMatchingOverload(ctx, "bool", args, count);
  }
  std::string_view s = v.string_value();
  if (s == "1" || s == "t" || s == "true" || s == "TRUE" || s == "True") {
    return Value::Bool(true);
  }
  if (s == "0" || s == "f" || s == "false" || s == "FALSE" || s == "False") {
    return Value::Bool(false);
  }
  return ctx.Errorf(Cat("cannot convert \"", s, "\" to bool"));
}

Value ToBytes(const Value* args, int count, const CallContext& ctx) {
  const Value& v = args[0];
  if (v.kind() == Kind::kBytes) return v;
  if (v.kind() == Kind::kString) return Value::Bytes(v.string_value());
  return NoMatchingOverload(ctx, "bytes", args, count);
}

Value ToTimestamp(const Value* args, int count, const CallContext& ctx) {
  const Value& v = args[0];
  switch (v.kind()) {
    case Kind::kTimestamp:
      return v;
    case Kind::kString: {
      absl::StatusOr<absl::Time> t = TimestampFromString(v.string_value());
      if (!t.ok()) return ctx.Errorf(StdView(t.status().message()));
      return Value::Timestamp(*t);
    }
    case Kind::kInt: {
      absl::Time t = absl::FromUnixSeconds(v.int_value());
      if (!TimestampInRange(t)) return ctx.Error("timestamp out of range");
      return Value::Timestamp(t);
    }
    default:
      return NoMatchingOverload(ctx, "timestamp", args, count);
  }
}

Value ToDuration(const Value* args, int count, const CallContext& ctx) {
  const Value& v = args[0];
  switch (v.kind()) {
    case Kind::kDuration:
      return v;
    case Kind::kString: {
      absl::StatusOr<absl::Duration> d = DurationFromString(v.string_value());
      if (!d.ok()) return ctx.Errorf(StdView(d.status().message()));
      return Value::Duration(*d);
    }
    default:
      return NoMatchingOverload(ctx, "duration", args, count);
  }
}

Value ToDyn(const Value* args, int count, const CallContext& ctx) {
  return args[0];
}

Value TypeOf(const Value* args, int count, const CallContext& ctx) {
  return Value::Type(RuntimeTypeName(args[0]));
}

}  // namespace hublint::cel::functions
