#include "lint/cel/testing/eval.h"

#include "lint/cel/strings.h"

namespace hublint::cel::testing {

std::string Run(std::string_view expr, const Env& env,
                const Activation& activation, const CompileOptions& options) {
  absl::StatusOr<Program> program = Compile(expr, env, options);
  if (!program.ok()) {
    return Cat("compile: ", StdView(program.status().message()));
  }
  Arena arena;
  return program->Evaluate(activation, &arena).DebugString();
}

std::string Run(std::string_view expr, const CompileOptions& options) {
  Env env;
  Activation activation(&env);
  return Run(expr, env, activation, options);
}

std::string CompileErrors(std::string_view expr, const Env& env,
                          const CompileOptions& options) {
  absl::StatusOr<Program> program = Compile(expr, env, options);
  if (program.ok()) return "";
  return std::string(StdView(program.status().message()));
}

}  // namespace hublint::cel::testing
