#ifndef HUBLINT_UTIL_STATUS_MACROS_H_
#define HUBLINT_UTIL_STATUS_MACROS_H_

// Early-return helpers for absl::Status and absl::StatusOr, in the spirit of
// LevelDB's `if (!s.ok()) return s;` ladders.

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define HUBLINT_CONCAT_INNER_(a, b) a##b
#define HUBLINT_CONCAT_(a, b) HUBLINT_CONCAT_INNER_(a, b)

// Returns from the current function when `expr` (an absl::Status) is not OK.
#define RETURN_IF_ERROR(expr)                          \
  do {                                                 \
    ::absl::Status hublint_status_ = (expr);           \
    if (!hublint_status_.ok()) return hublint_status_; \
  } while (0)

// Declares or assigns `lhs` from the StatusOr `rexpr`, returning its status
// when it is not OK. Usage: ASSIGN_OR_RETURN(auto x, MakeX());
#define ASSIGN_OR_RETURN(lhs, rexpr) \
  ASSIGN_OR_RETURN_IMPL_(HUBLINT_CONCAT_(hublint_or_, __LINE__), lhs, rexpr)
#define ASSIGN_OR_RETURN_IMPL_(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                           \
  if (!tmp.ok()) return tmp.status();           \
  lhs = std::move(tmp).value()

#endif  // HUBLINT_UTIL_STATUS_MACROS_H_
