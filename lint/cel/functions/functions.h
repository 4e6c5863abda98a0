#ifndef HUBLINT_CEL_FUNCTIONS_FUNCTIONS_H_
#define HUBLINT_CEL_FUNCTIONS_FUNCTIONS_H_

// Implementations of the function library, one file per topic. Each takes
// the arguments (receiver first) and switches on their kinds; a kind it has
// no overload for yields "no matching overload". See builtins.h.

#include "lint/cel/builtins.h"

namespace hublint::cel::functions {

// arithmetic.cc: + - * / % and unary minus, with overflow and range errors.
Value Add(const Value* args, int count, const CallContext& ctx);
Value Subtract(const Value* args, int count, const CallContext& ctx);
Value Multiply(const Value* args, int count, const CallContext& ctx);
Value Divide(const Value* args, int count, const CallContext& ctx);
Value Modulo(const Value* args, int count, const CallContext& ctx);
Value Negate(const Value* args, int count, const CallContext& ctx);

// comparison.cc: == != < <= > >= in, and !.
Value Equal(const Value* args, int count, const CallContext& ctx);
Value NotEqual(const Value* args, int count, const CallContext& ctx);
Value Less(const Value* args, int count, const CallContext& ctx);
Value LessEqual(const Value* args, int count, const CallContext& ctx);
Value Greater(const Value* args, int count, const CallContext& ctx);
Value GreaterEqual(const Value* args, int count, const CallContext& ctx);
Value In(const Value* args, int count, const CallContext& ctx);
Value Not(const Value* args, int count, const CallContext& ctx);

// collections.cc: size() and indexing.
Value Size(const Value* args, int count, const CallContext& ctx);
Value Index(const Value* args, int count, const CallContext& ctx);

// conversions.cc: int() uint() double() string() bool() bytes()
// timestamp() duration() dyn() type().
Value ToInt(const Value* args, int count, const CallContext& ctx);
Value ToUint(const Value* args, int count, const CallContext& ctx);
Value ToDouble(const Value* args, int count, const CallContext& ctx);
Value ToString(const Value* args, int count, const CallContext& ctx);
Value ToBool(const Value* args, int count, const CallContext& ctx);
Value ToBytes(const Value* args, int count, const CallContext& ctx);
Value ToTimestamp(const Value* args, int count, const CallContext& ctx);
Value ToDuration(const Value* args, int count, const CallContext& ctx);
Value ToDyn(const Value* args, int count, const CallContext& ctx);
Value TypeOf(const Value* args, int count, const CallContext& ctx);

// strings.cc: contains() startsWith() endsWith() matches().
Value Contains(const Value* args, int count, const CallContext& ctx);
Value StartsWith(const Value* args, int count, const CallContext& ctx);
Value EndsWith(const Value* args, int count, const CallContext& ctx);
Value Matches(const Value* args, int count, const CallContext& ctx);

// timestamps.cc: the get*() accessors of timestamps and durations; which
// part is CallContext::data (a TimePart).
enum class TimePart {
  kFullYear,
  kMonth,
  kDayOfYear,
  kDate,
  kDayOfMonth,
  kDayOfWeek,
  kHours,
  kMinutes,
  kSeconds,
  kMilliseconds,
};
Value GetTimePart(const Value* args, int count, const CallContext& ctx);

// string_ext.cc: the strings extension.
Value CharAt(const Value* args, int count, const CallContext& ctx);
Value IndexOf(const Value* args, int count, const CallContext& ctx);
Value LastIndexOf(const Value* args, int count, const CallContext& ctx);
Value LowerAscii(const Value* args, int count, const CallContext& ctx);
Value UpperAscii(const Value* args, int count, const CallContext& ctx);
Value Replace(const Value* args, int count, const CallContext& ctx);
Value Split(const Value* args, int count, const CallContext& ctx);
Value Substring(const Value* args, int count, const CallContext& ctx);
Value Trim(const Value* args, int count, const CallContext& ctx);
Value Join(const Value* args, int count, const CallContext& ctx);
Value Quote(const Value* args, int count, const CallContext& ctx);
Value Reverse(const Value* args, int count, const CallContext& ctx);

// string_format.cc: "...".format([args]).
Value Format(const Value* args, int count, const CallContext& ctx);

}  // namespace hublint::cel::functions

#endif  // HUBLINT_CEL_FUNCTIONS_FUNCTIONS_H_
