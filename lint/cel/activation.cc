#include "lint/cel/activation.h"

#include <algorithm>

#include "lint/cel/strings.h"

namespace hublint::cel {

Activation::Activation(const Env* env)
    : env_(env),
      values_(env->variable_count()),
      bound_(env->variable_count(), 0) {}

absl::Status Activation::Bind(std::string_view name, const Value& value) {
  int index = env_->FindVariable(name);
  if (index < 0 || index >= static_cast<int>(values_.size())) {
    return absl::NotFoundError(Cat("no variable \"", name, "\" is declared"));
  }
  Set(index, value);
  return absl::OkStatus();
}

void Activation::Clear() { std::fill(bound_.begin(), bound_.end(), 0); }

}  // namespace hublint::cel
