#ifndef HUBLINT_CEL_PARSER_H_
#define HUBLINT_CEL_PARSER_H_

// Parser: CEL text to a syntax tree (ast.h), with macros expanded (has(),
// all, exists, exists_one/existsOne, filter, map, transformList,
// transformMap) and the limits of limits.h enforced. Recursive descent over
// the grammar of the CEL specification:
//
//   Expr           = ConditionalOr ["?" ConditionalOr ":" Expr] ;
//   ConditionalOr  = [ConditionalOr "||"] ConditionalAnd ;
//   ConditionalAnd = [ConditionalAnd "&&"] Relation ;
//   Relation       = [Relation Relop] Addition ;
//   Addition       = [Addition ("+" | "-")] Multiplication ;
//   Multiplication = [Multiplication ("*" | "/" | "%")] Unary ;
//   Unary          = Member | "!" {"!"} Member | "-" {"-"} Member ;
//   Member         = Primary | Member "." SELECTOR ["(" [ExprList] ")"]
//                  | Member "[" Expr "]" ;
//   Primary        = ["."] IDENT ["(" [ExprList] ")"] | "(" Expr ")"
//                  | "[" [ExprList] [","] "]" | "{" [MapInits] [","] "}"
//                  | LITERAL ;
//
// Parsing stops at the first error. Internal; callers use Compile().

#include <memory>
#include <string_view>
#include <vector>

#include "lint/cel/ast.h"
#include "lint/cel/diagnostic.h"

namespace hublint::cel {

struct ParseResult {
  std::unique_ptr<Expr> expr;  // null when there are diagnostics
  int node_count = 0;          // ids are 0 .. node_count - 1
  std::vector<Diagnostic> diagnostics;
};

ParseResult Parse(std::string_view expression);

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_PARSER_H_
