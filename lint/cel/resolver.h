#ifndef HUBLINT_CEL_RESOLVER_H_
#define HUBLINT_CEL_RESOLVER_H_

// Name resolution, the first pass after parsing (internal). It annotates the
// tree in place:
//
//  * identifiers: macro variable (innermost first), then Env variable, then
//    type denotation (int, uint, double, bool, string, bytes, list, map,
//    null_type, type); otherwise left unresolved (the checker reports it,
//    unchecked programs fail at run time);
//  * qualified names: `a.b.c` names the longest declared prefix ("a.b.c",
//    then "a.b", then "a"), the rest being field selections;
//  * calls: the function, including namespaced ones (`strings.quote(x)`);
//  * macros: a local slot for each iteration variable.

#include "lint/cel/ast.h"
#include "lint/cel/builtins.h"
#include "lint/cel/env.h"

namespace hublint::cel {

// Returns the number of local slots the expression's macros need.
int ResolveNames(Expr* expr, const Env& env, const FunctionRegistry& functions);

// The static canonical spelling of type denotation `name` ("int", "list",
// "null_type", ...), or "" when `name` denotes no type.
std::string_view TypeDenotationName(std::string_view name);
// The type a denotation stands for. REQUIRES: a TypeDenotationName().
Type DenotedType(std::string_view name);

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_RESOLVER_H_
