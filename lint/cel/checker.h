#ifndef HUBLINT_CEL_CHECKER_H_
#define HUBLINT_CEL_CHECKER_H_

// Checker: static types for a resolved syntax tree (internal; callers use
// Compile()). It infers the type of every node (Expr::type), resolves each
// selection on a known struct to a field index, and reports:
//
//   undeclared reference to `membr`; did you mean `member`?
//   unknown field `two_factor` on member; did you mean `two_factor_enabled`?
//   undeclared function `lowerascii`; did you mean `lowerAscii`?
//   no matching overload for `_+_` applied to (int, string)
//   `member.mfa` is unknowable, never null; use `!has(member.mfa)` ...
//
// It checks as much as it can after an error (the failed node gets the
// error type, which matches anything), so one pass reports every problem.

#include <string_view>
#include <vector>

#include "lint/cel/ast.h"
#include "lint/cel/builtins.h"
#include "lint/cel/diagnostic.h"
#include "lint/cel/env.h"

namespace hublint::cel {

// Types `expr` (already resolved, with `local_count` macro slots) and
// returns its diagnostics; `source` is the expression text, for positions.
std::vector<Diagnostic> Check(Expr* expr, int local_count,
                              std::string_view source, const Env& env,
                              const FunctionRegistry& functions);

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_CHECKER_H_
