// size() and indexing of lists and maps.

#include <cmath>
#include <cstdint>

#include "lint/cel/functions/functions.h"
#include "lint/cel/strings.h"
#include "lint/util/utf8.h"

namespace hublint::cel::functions {

Value Size(const Value* args, int count, const CallContext& ctx) {
  const Value& v = args[0];
  switch (v.kind()) {
    case Kind::kString:
      return Value::Int(static_cast<int64_t>(CodePointCount(v.string_value())));
    case Kind::kBytes:
      return Value::Int(static_cast<int64_t>(v.string_value().size()));
    case Kind::kList:
      return Value::Int(static_cast<int64_t>(v.list_size()));
    case Kind::kMap:
      return Value::Int(static_cast<int64_t>(v.map_size()));
    default:
      return NoMatchingOverload(ctx, "size", args, count);
  }
}

Value Index(const Value* args, int count, const CallContext& ctx) {
  const Value& container = args[0];
  const Value& index = args[1];
  if (container.kind() == Kind::kList) {
    int64_t i;
    switch (index.kind()) {
      case Kind::kInt:
        i = index.int_value();
        break;
      case Kind::kUint:
        i = index.uint_value() > static_cast<uint64_t>(INT64_MAX)
                ? -1
                : static_cast<int64_t>(index.uint_value());
        break;
      case Kind::kDouble: {
        double d = index.double_value();
        if (d != std::trunc(d) || std::abs(d) > 9.0e15) {
          return ctx.Error("list index must be an integer");
        }
        i = static_cast<int64_t>(d);
        break;
      }
      default:
        return NoMatchingOverload(ctx, "_[_]", args, count);
    }
    size_t n = container.list_size();
    if (i < 0 || static_cast<uint64_t>(i) >= n) {
      return ctx.Errorf(
          Cat("index ", i, " out of range for a list of ", n, " elements"));
    }
    return container.list_element(static_cast<size_t>(i));
  }
  if (container.kind() == Kind::kMap) {
    Value v;
    if (container.map_find(index, &v)) return v;
    return ctx.Errorf(Cat("no such key: ", index.DebugString()));
  }
  return NoMatchingOverload(ctx, "_[_]", args, count);
}

}  // namespace hublint::cel::functions
