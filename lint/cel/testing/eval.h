#ifndef HUBLINT_CEL_TESTING_EVAL_H_
#define HUBLINT_CEL_TESTING_EVAL_H_

// One-call compile-and-evaluate for table-driven tests. Test-only.

#include <string>
#include <string_view>

#include "lint/cel/program.h"

namespace hublint::cel::testing {

// Compiles `expr` for `env`, evaluates it with `activation` and returns the
// result's DebugString() ("1", "\"s\"", "error(\"division by zero\")",
// "unknown(person.two_factor)"), or "compile: " and the formatted
// diagnostics.
std::string Run(std::string_view expr, const Env& env,
                const Activation& activation,
                const CompileOptions& options = {});

// The same in an empty environment.
std::string Run(std::string_view expr, const CompileOptions& options = {});

// The formatted diagnostics of compiling `expr` for `env` ("" on success).
std::string CompileErrors(std::string_view expr, const Env& env,
                          const CompileOptions& options = {});

}  // namespace hublint::cel::testing

#endif  // HUBLINT_CEL_TESTING_EVAL_H_
