#ifndef HUBLINT_CEL_MACROS_H_
#define HUBLINT_CEL_MACROS_H_

// Macro recognition: which receiver calls are comprehension macros, and how
// their arguments map to iteration variables, predicate and transform.
//
//   r.all(v, p)   r.exists(v, p)   r.exists_one(v, p)   r.filter(v, p)
//   r.map(v, t)   r.map(v, p, t)
//   r.all(i, v, p)   r.exists(i, v, p)   r.existsOne(i, v, p)
//   r.transformList(i, v, [p,] t)   r.transformMap(k, v, [p,] t)
//
// A call with another argument count is an ordinary function call.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/cel/ast.h"

namespace hublint::cel {

struct MacroExpansion {
  bool is_macro = false;
  MacroKind kind = MacroKind::kAll;
  std::string var;
  std::string var2;
  std::unique_ptr<Expr> predicate;
  std::unique_ptr<Expr> transform;
  // A malformed macro call (`r.all(1, p)`): the message and its offset.
  std::optional<std::string> error;
  int error_offset = 0;
};

// Recognizes receiver call `name(args...)`. On success the arguments are
// moved out of `args`.
MacroExpansion ExpandReceiverMacro(std::string_view name,
                                   std::vector<std::unique_ptr<Expr>>& args);

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_MACROS_H_
