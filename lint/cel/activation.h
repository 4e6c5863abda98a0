#ifndef HUBLINT_CEL_ACTIVATION_H_
#define HUBLINT_CEL_ACTIVATION_H_

// Activation: the values of an Env's variables for one evaluation.
//
// Build one per thread from the Env the programs were compiled against, then
// for each resource Set() the variables and evaluate: binding is an array
// store, so re-binding per resource costs nothing.
//
//   Activation act(&env);
//   act.Set(member_var, Value::Struct(MemberType(), &m));
//   Value v = program.Evaluate(act, &arena);
//
// An Activation is read-only during evaluation, so several threads may
// evaluate with the same one concurrently as long as nobody Set()s it.

#include <cstdint>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "lint/cel/env.h"
#include "lint/cel/value.h"

namespace hublint::cel {

class Activation {
 public:
  // REQUIRES: `env` outlives the activation, and declares no more variables
  // after the activation is built.
  explicit Activation(const Env* env);

  const Env* env() const { return env_; }

  // Binds variable `index` (from Env::DeclareVariable). The value's data
  // must outlive every evaluation that uses it.
  void Set(int index, const Value& value) {
    values_[index] = value;
    bound_[index] = true;
  }
  // Binds the variable called `name`; NotFound if the Env has none.
  absl::Status Bind(std::string_view name, const Value& value);
  void Unset(int index) { bound_[index] = false; }
  void Clear();

  // The value of variable `index`, or nullptr when unbound.
  const Value* Find(int index) const {
    return static_cast<size_t>(index) < bound_.size() && bound_[index]
               ? &values_[index]
               : nullptr;
  }

 private:
  const Env* env_;
  std::vector<Value> values_;
  std::vector<uint8_t> bound_;  // 1 when bound
};

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_ACTIVATION_H_
