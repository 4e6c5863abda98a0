#ifndef HUBLINT_CEL_ENV_H_
#define HUBLINT_CEL_ENV_H_

// Env: what expressions may refer to. The host declares its variables (with
// their types) once; every expression is compiled against an Env, and every
// Activation that evaluates it is built from the same Env.
//
//   Env env;
//   int member = *env.DeclareVariable("member", Type::Struct(MemberType()));
//   int now = *env.DeclareVariable("now", Type::Timestamp());
//
// Variable names may be qualified ("params.max_editors"): `a.b.c` resolves
// to the longest declared prefix, then selects the rest as fields.
//
// The function library (builtins.h: the CEL standard library plus the
// strings extension) is always available.

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "lint/cel/type.h"

namespace hublint::cel {

struct VariableDecl {
  std::string name;
  Type type;
};

class Env {
 public:
  Env() = default;
  Env(const Env&) = default;
  Env& operator=(const Env&) = default;

  // Declares `name` with `type` and returns its index (what
  // Activation::Set() takes). Fails on an empty, malformed or duplicate name.
  absl::StatusOr<int> DeclareVariable(std::string_view name, Type type);

  // The index of variable `name`, or -1.
  int FindVariable(std::string_view name) const;
  const VariableDecl& variable(int index) const { return variables_[index]; }
  int variable_count() const { return static_cast<int>(variables_.size()); }
  // Every variable name (for spelling suggestions).
  std::vector<std::string> VariableNames() const;

 private:
  std::vector<VariableDecl> variables_;
  absl::flat_hash_map<std::string, int> index_;
};

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_ENV_H_
