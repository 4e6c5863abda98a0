#ifndef HUBLINT_CEL_EVALUATOR_H_
#define HUBLINT_CEL_EVALUATOR_H_

// Evaluator: runs a Plan against an Activation (internal; callers use
// Program::Evaluate). A recursive walk with one switch per step; recursion
// is bounded by the syntax tree height limit. It allocates only in the
// caller's Arena, and only for values it creates (strings, lists, maps,
// errors with computed messages, unknown sets). Errors and unknowns are
// values; nothing throws.

#include <cstdint>

#include "absl/container/inlined_vector.h"
#include "lint/cel/activation.h"
#include "lint/cel/arena.h"
#include "lint/cel/plan.h"
#include "lint/cel/unknown.h"
#include "lint/cel/value.h"

namespace hublint::cel {

Value EvaluatePlan(const Plan& plan, const Activation& activation,
                   Arena* arena);

class Evaluator {
 public:
  Evaluator(const Plan& plan, const Activation& activation, Arena* arena,
            Value* locals)
      : plan_(plan),
        activation_(activation),
        arena_(arena),
        locals_(locals),
        steps_left_(plan.max_comprehension_steps) {}

  Value Eval(int32_t index);

 private:
  Value Select(const Step& s, bool test_only);
  Value SelectByName(const Step& s, const Value& operand, bool test_only);
  Value ReadField(const Step& s, const Value& object, int field,
                  bool test_only);
  using Operands = absl::InlinedVector<Value, 8>;
  // Evaluates the operands of `s` into *values. When one is unknown or an
  // error, returns false with the absorbing result in *absorbed.
  bool EvalOperands(const Step& s, Operands* values, Value* absorbed);
  Value Call(const Step& s);
  Value Equality(const Step& s);
  Value Logic(const Step& s, bool is_and);
  Value Conditional(const Step& s);
  Value Collection(const Step& s);
  // comprehension.cc
  Value Comprehension(const Step& s);

  // Tracks the unknowns and the first error among several values; unknown
  // wins over error.
  struct Absorber {
    const UnknownSet* unknown = nullptr;
    bool any_unknown = false;
    bool has_error = false;
    Value error;
    void Add(const Value& v, Arena* arena) {
      if (v.is_unknown()) {
        any_unknown = true;
        unknown = UnknownSet::Merge(arena, unknown, v.unknown_set());
      } else if (v.is_error() && !has_error) {
        has_error = true;
        error = v;
      }
    }
    bool any() const { return any_unknown || has_error; }
    Value result() const {
      return any_unknown ? Value::Unknown(unknown) : error;
    }
  };

  Value NoOverload(const Step& s, std::string_view name, const Value* args,
                   int count);
  Value Error(const Step& s, std::string_view static_message) const {
    return Value::Error(static_message, s.offset);
  }

  const Plan& plan_;
  const Activation& activation_;
  Arena* arena_;
  Value* locals_;
  uint64_t steps_left_;
};

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_EVALUATOR_H_
