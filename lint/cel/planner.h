#ifndef HUBLINT_CEL_PLANNER_H_
#define HUBLINT_CEL_PLANNER_H_

// Planner: turns a resolved (and usually checked) syntax tree into a Plan
// (internal). It folds constant sub-expressions, compiles literal regular
// expressions (a bad pattern is a compile-time diagnostic at the pattern),
// and plans `size(x.filter(v, p))` as a count that builds no list.

#include <string_view>
#include <vector>

#include "lint/cel/ast.h"
#include "lint/cel/diagnostic.h"
#include "lint/cel/plan.h"

namespace hublint::cel {

// Fills plan->steps, operands, root from `expr`. Returns diagnostics (bad
// regular expressions); the plan is unusable when there are any.
std::vector<Diagnostic> PlanExpression(const Expr& expr, Plan* plan);

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_PLANNER_H_
