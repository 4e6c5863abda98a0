// == != < <= > >= in and !. Equality is heterogeneous (1 == 1u == 1.0, and
// values of different kinds are simply unequal); ordering needs comparable
// kinds (value_compare.h).

#include "lint/cel/functions/functions.h"
#include "lint/cel/value_compare.h"

namespace hublint::cel::functions {
namespace {

Value Order(const Value* args, int count, const CallContext& ctx,
            std::string_view name, bool lt, bool eq, bool gt) {
  switch (CompareValues(args[0], args[1])) {
    case Ordering::kLess:
      return Value::Bool(lt);
    case Ordering::kEqual:
      return Value::Bool(eq);
    case Ordering::kGreater:
      return Value::Bool(gt);
    case Ordering::kUnordered:
      return Value::Bool(false);
    case Ordering::kIncomparable:
      break;
  }
  return NoMatchingOverload(ctx, name, args, count);
}

}  // namespace

Value Equal(const Value* args, int count, const CallContext& ctx) {
  return Value::Bool(ValuesEqual(args[0], args[1]));
}

Value NotEqual(const Value* args, int count, const CallContext& ctx) {
  return Value::Bool(!ValuesEqual(args[0], args[1]));
}

Value Less(const Value* args, int count, const CallContext& ctx) {
  return Order(args, count, ctx, "_<_", true, false, false);
}

Value LessEqual(const Value* args, int count, const CallContext& ctx) {
  return Order(args, count, ctx, "_<=_", true, true, false);
}

Value Greater(const Value* args, int count, const CallContext& ctx) {
  return Order(args, count, ctx, "_>_", false, false, true);
}

Value GreaterEqual(const Value* args, int count, const CallContext& ctx) {
  return Order(args, count, ctx, "_>=_", false, true, true);
}

Value In(const Value* args, int count, const CallContext& ctx) {
  const Value& element = args[0];
  const Value& container = args[1];
  if (container.kind() == Kind::kList) {
    size_t n = container.list_size();
    for (size_t i = 0; i < n; ++i) {
      if (ValuesEqual(element, container.list_element(i))) {
        return Value::Bool(true);
      }
    }
    return Value::Bool(false);
  }
  if (container.kind() == Kind::kMap) {
    Value ignored;
    return Value::Bool(container.map_find(element, &ignored));
  }
  return NoMatchingOverload(ctx, "@in", args, count);
}

Value Not(const Value* args, int count, const CallContext& ctx) {
  if (args[0].kind() == Kind::kBool) return Value::Bool(!args[0].bool_value());
  return NoMatchingOverload(ctx, "!_", args, count);
}

}  // namespace hublint::cel::functions
