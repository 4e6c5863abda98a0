#include "lint/cel/evaluator.h"

#include <string>

#include "absl/container/inlined_vector.h"
#include "lint/cel/host.h"
#include "lint/cel/strings.h"
#include "lint/cel/value_builder.h"
#include "lint/cel/value_compare.h"

namespace hublint::cel {

Value EvaluatePlan(const Plan& plan, const Activation& activation,
                   Arena* arena) {
  if (activation.env() != plan.env) {
    return Value::Error(
        "the activation was built for another Env than the program");
  }
  absl::InlinedVector<Value, 8> locals(plan.local_count);
  Evaluator evaluator(plan, activation, arena, locals.data());
  return evaluator.Eval(plan.root);
}

Value Evaluator::NoOverload(const Step& s, std::string_view name,
                            const Value* args, int count) {
  CallContext ctx;
  ctx.arena = arena_;
  ctx.offset = s.offset;
  return NoMatchingOverload(ctx, name, args, count);
}

Value Evaluator::Eval(int32_t index) {
  const Step& s = plan_.steps[index];
  switch (s.op) {
    case Op::kConst:
    case Op::kError:
      return s.value;
    case Op::kVariable: {
      const Value* v = activation_.Find(s.index);
      if (v != nullptr) return *v;
      return Value::Error(
          arena_->CopyString(Cat("no value bound for `", s.name, "`")),
          s.offset);
    }
    case Op::kLocal:
      return locals_[s.index];
    case Op::kSelectField:
    case Op::kSelectName:
      return Select(s, /*test_only=*/false);
    case Op::kHasField:
    case Op::kHasName:
      return Select(s, /*test_only=*/true);
    case Op::kCall:
      return Call(s);
    case Op::kEqual:
    case Op::kNotEqual:
      return Equality(s);
    case Op::kAnd:
      return Logic(s, /*is_and=*/true);
    case Op::kOr:
      return Logic(s, /*is_and=*/false);
    case Op::kConditional:
      return Conditional(s);
    case Op::kList:
    case Op::kMap:
      return Collection(s);
    case Op::kComprehension:
    case Op::kCountFilter:
      return Comprehension(s);
  }
  return Error(s, "unknown step");
}

Value Evaluator::Select(const Step& s, bool test_only) {
  Value operand = Eval(s.a);
  if (operand.is_error_or_unknown()) return operand;
  if ((s.op == Op::kSelectField || s.op == Op::kHasField) &&
      operand.kind() == Kind::kStruct &&
      operand.struct_type() == s.struct_type) {
    return ReadField(s, operand, s.index, test_only);
  }
  return SelectByName(s, operand, test_only);
}

Value Evaluator::ReadField(const Step& s, const Value& object, int field,
                           bool test_only) {
  const FieldDecl& decl = object.struct_type()->field(field);
  Value v = decl.read(object.struct_object(), decl);
  if (test_only) {
    return Value::Bool(!v.is_unknown_fact() && !v.is_null());
  }
  if (!v.is_unknown_fact()) return v;
  UnknownAttribute attribute;
  attribute.path = s.path;
  attribute.type = object.struct_type();
  attribute.object = object.struct_object();
  attribute.field = field;
  return Value::Unknown(UnknownSet::Of(arena_, attribute));
}

Value Evaluator::SelectByName(const Step& s, const Value& operand,
                              bool test_only) {
  switch (operand.kind()) {
    case Kind::kMap: {
      Value v;
      bool found = operand.map_find(Value::String(s.name), &v);
      if (test_only) return Value::Bool(found);
      if (found) return v;
      return Value::Error(
          arena_->CopyString(Cat("no such key: \"", s.name, "\"")), s.offset);
    }
    case Kind::kStruct: {
      int field = operand.struct_type()->FindField(s.name);
      if (field >= 0) return ReadField(s, operand, field, test_only);
      return Value::Error(
          arena_->CopyString(Cat("no such field `", s.name, "` on ",
                                 operand.struct_type()->display_name())),
          s.offset);
    }
    default:
      return Value::Error(
          arena_->CopyString(Cat("cannot select field `", s.name,
                                 "` on a value of type ",
                                 RuntimeTypeName(operand))),
          s.offset);
  }
}

bool Evaluator::EvalOperands(const Step& s, Operands* values, Value* absorbed) {
  values->resize(s.operand_count);
  Absorber absorb;
  for (uint32_t i = 0; i < s.operand_count; ++i) {
    (*values)[i] = Eval(plan_.operands[s.operands_begin + i]);
    absorb.Add((*values)[i], arena_);
  }
  if (!absorb.any()) return true;
  *absorbed = absorb.result();
  return false;
}

Value Evaluator::Call(const Step& s) {
  Value args[kMaxCallArgs];
  const uint32_t count = s.operand_count;
  bool special = false;
  for (uint32_t i = 0; i < count; ++i) {
    args[i] = Eval(plan_.operands[s.operands_begin + i]);
    special = special || args[i].is_error_or_unknown();
  }
  if (special) {
    Absorber absorb;
    for (uint32_t i = 0; i < count; ++i) absorb.Add(args[i], arena_);
    return absorb.result();
  }
  CallContext ctx;
  ctx.arena = arena_;
  ctx.offset = s.offset;
  ctx.regex = s.regex;
  ctx.regex_cache = &plan_.regex_cache;
  ctx.data = s.data;
  return s.fn(args, static_cast<int>(count), ctx);
}

Value Evaluator::Equality(const Step& s) {
  Value a = Eval(s.a);
  Value b = Eval(s.b);
  if (a.is_error_or_unknown() || b.is_error_or_unknown()) {
    Absorber absorb;
    absorb.Add(a, arena_);
    absorb.Add(b, arena_);
    return absorb.result();
  }
  return Value::Bool(ValuesEqual(a, b) == (s.op == Op::kEqual));
}

// CEL's commutative && and ||: a false (true) operand decides the result
// whatever the other one is, even an error or unknown; otherwise unknown
// wins over error.
Value Evaluator::Logic(const Step& s, bool is_and) {
  const bool decisive = !is_and;  // false for &&, true for ||
  Value left = Eval(s.a);
  if (left.is_bool() && left.bool_value() == decisive) return left;
  Value right = Eval(s.b);
  if (right.is_bool() && right.bool_value() == decisive) return right;
  Absorber absorb;
  absorb.Add(left, arena_);
  absorb.Add(right, arena_);
  if (absorb.any()) return absorb.result();
  if (left.is_bool() && right.is_bool()) return Value::Bool(!decisive);
  Value args[2] = {left, right};
  return NoOverload(s, is_and ? "_&&_" : "_||_", args, 2);
}

Value Evaluator::Conditional(const Step& s) {
  Value condition = Eval(s.a);
  if (condition.is_error_or_unknown()) return condition;
  if (!condition.is_bool()) {
    return NoOverload(s, "_?_:_", &condition, 1);
  }
  return Eval(condition.bool_value() ? s.b : s.c);
}

Value Evaluator::Collection(const Step& s) {
  Operands values;
  Value absorbed;
  if (!EvalOperands(s, &values, &absorbed)) return absorbed;
  if (s.op == Op::kList) {
    ListBuilder list(arena_);
    list.Reserve(values.size());
    for (const Value& v : values) list.Add(v);
    return list.Build();
  }
  MapBuilder map(arena_);
  for (size_t i = 0; i + 1 < values.size(); i += 2) {
    absl::Status added = map.Add(values[i], values[i + 1]);
    if (!added.ok()) {
      return Value::Error(arena_->CopyString(StdView(added.message())),
                          s.offset);
    }
  }
  return map.Build();
}

}  // namespace hublint::cel
