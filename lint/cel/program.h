#ifndef HUBLINT_CEL_PROGRAM_H_
#define HUBLINT_CEL_PROGRAM_H_

// Compile() and Program: the entry point of the CEL library.
//
//   Env env;                                     // env.h: declare variables
//   int member = *env.DeclareVariable("member", Type::Struct(MemberType()));
//
//   CompileOptions options;
//   options.expected_type = Type::Bool();        // rule conditions are bool
//   absl::StatusOr<Program> program =
//       Compile("member.two_factor_enabled == true", env, options);
//   if (!program.ok()) ...                       // message: diagnostics with
//   carets
//
//   Activation activation(&env);                 // activation.h
//   Arena arena;                                 // arena.h, one per thread
//   for (const Member& m : members) {
//     arena.Reset();
//     activation.Set(member, Value::Struct(MemberType(), &m));
//     Value v = program->Evaluate(activation, &arena);
//     if (v.is_bool()) ...                        // pass / fail
//     else if (v.is_unknown()) ...                // review: v.unknown_set()
//     else ...                                    // v.is_error():
//     v.error_message()
//   }
//
// Compile() parses, resolves names, type-checks and plans once; Evaluate()
// can then run any number of times, from any number of threads at once
// (each with its own Arena), without touching the compiler again.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "lint/cel/activation.h"
#include "lint/cel/arena.h"
#include "lint/cel/diagnostic.h"
#include "lint/cel/env.h"
#include "lint/cel/limits.h"
#include "lint/cel/type.h"
#include "lint/cel/value.h"

namespace hublint::cel {

struct Plan;

struct CompileOptions {
  // Type-check the expression against the Env. When false, only syntax is
  // checked: unknown names and functions, and type mismatches, become
  // evaluation errors (the conformance suite's "disableCheck").
  bool check = true;

  // When set, the checked type of the whole expression must be this type
  // (or dyn, which the caller must then check on the result). Rule
  // conditions use Type::Bool().
  std::optional<Type> expected_type;

  // Most macro iterations (all, exists, filter, map, ...) one evaluation may
  // run, summed over all macros; beyond it the evaluation is an error.
  uint64_t max_comprehension_steps = kDefaultMaxComprehensionSteps;
};

class Program {
 public:
  // The expression as compiled.
  const std::string& expression() const;

  // The checked type of the result (dyn when unchecked).
  const Type& result_type() const;

  // Evaluates the program with the variables of `activation`, which must be
  // built from the Env the program was compiled against. Values the
  // evaluation creates (strings, lists, maps, unknown sets, error messages)
  // are allocated in `arena` and stay valid until it is reset; everything
  // else the result refers to is host data or the program itself.
  //
  // Never fails: problems are returned as a Value of kind kError (with a
  // message and the source offset), facts the host does not know as kUnknown.
  // Thread-safe: concurrent calls must use different arenas.
  Value Evaluate(const Activation& activation, Arena* arena) const;

 private:
  friend absl::StatusOr<Program> Compile(std::string_view, const Env&,
                                         const CompileOptions&,
                                         std::vector<Diagnostic>*);
  explicit Program(std::shared_ptr<const Plan> plan) : plan_(std::move(plan)) {}

  std::shared_ptr<const Plan> plan_;  // immutable; copies share it
};

// Compiles `expression` for `env`. On failure returns InvalidArgument whose
// message is every diagnostic formatted with its source line and caret
// (FormatDiagnostics), and, when `diagnostics` is not null, stores them
// there too. The Env must outlive the program.
absl::StatusOr<Program> Compile(std::string_view expression, const Env& env,
                                const CompileOptions& options = {},
                                std::vector<Diagnostic>* diagnostics = nullptr);

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_PROGRAM_H_
