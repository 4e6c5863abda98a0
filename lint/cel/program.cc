#include "lint/cel/program.h"

#include <utility>

#include "absl/status/status.h"
#include "lint/cel/checker.h"
#include "lint/cel/evaluator.h"
#include "lint/cel/parser.h"
#include "lint/cel/plan.h"
#include "lint/cel/planner.h"
#include "lint/cel/resolver.h"
#include "lint/cel/strings.h"

namespace hublint::cel {

const std::string& Program::expression() const { return plan_->source; }

const Type& Program::result_type() const { return plan_->result_type; }

Value Program::Evaluate(const Activation& activation, Arena* arena) const {
  return EvaluatePlan(*plan_, activation, arena);
}

absl::StatusOr<Program> Compile(std::string_view expression, const Env& env,
                                const CompileOptions& options,
                                std::vector<Diagnostic>* diagnostics) {
  std::vector<Diagnostic> found;
  auto fail = [&]() -> absl::Status {
    std::string message = FormatDiagnostics(expression, found);
    if (diagnostics != nullptr) *diagnostics = std::move(found);
    return absl::InvalidArgumentError(message);
  };

  ParseResult parsed = Parse(expression);
  if (!parsed.diagnostics.empty()) {
    found = std::move(parsed.diagnostics);
    return fail();
  }
  Expr* root = parsed.expr.get();
  const FunctionRegistry& functions = FunctionRegistry::Standard();
  int locals = ResolveNames(root, env, functions);

  if (options.check) {
    found = Check(root, locals, expression, env, functions);
    if (found.empty() && options.expected_type.has_value() &&
        !root->type.is_dyn() && root->type != *options.expected_type) {
      found.push_back(
          MakeDiagnostic(expression, 0,
                         Cat("expression must be of type `",
                             options.expected_type->DebugString(),
                             "`, but is `", root->type.DebugString(), "`")));
    }
    if (!found.empty()) return fail();
  }

  auto plan = std::make_shared<Plan>();
  plan->source = std::string(expression);
  plan->result_type = options.check ? root->type : Type::Dyn();
  plan->local_count = locals;
  plan->max_comprehension_steps = options.max_comprehension_steps;
  plan->env = &env;
  found = PlanExpression(*root, plan.get());
  if (!found.empty()) return fail();
  if (diagnostics != nullptr) diagnostics->clear();
  return Program(std::move(plan));
}

}  // namespace hublint::cel
