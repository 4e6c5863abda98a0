#ifndef HUBLINT_CEL_LIMITS_H_
#define HUBLINT_CEL_LIMITS_H_

// The fixed limits of the CEL implementation. Each one turns hostile or
// mistaken input into a clear diagnostic or evaluation error instead of a
// crash, a stack overflow or an evaluation that never ends. docs/cel.md
// lists them for rule authors.

#include <cstddef>
#include <cstdint>

namespace hublint::cel {

// Longest expression Compile() accepts, in bytes.
inline constexpr size_t kMaxExpressionBytes = 16 * 1024;

// How deeply the parser may nest: each parenthesis, list or map literal,
// call or index argument list and conditional branch opens one level.
inline constexpr int kMaxNestingDepth = 64;

// Height of the syntax tree after parsing. Chains of binary operators,
// field selections and indexes add one level per link (`&&` and `||`
// chains are balanced, so n operands add about log2(n)). This bounds the
// recursion of the checker, the planner and the evaluator.
inline constexpr int kMaxSyntaxTreeHeight = 256;

// Default total number of macro iterations (all, exists, exists_one,
// filter, map, transformList, transformMap) one evaluation may run; see
// CompileOptions::max_comprehension_steps. Large enough for a few passes
// over a 1,000,000-element list.
inline constexpr uint64_t kDefaultMaxComprehensionSteps = 100'000'000;

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_LIMITS_H_
