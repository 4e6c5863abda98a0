#ifndef HUBLINT_CEL_AST_H_
#define HUBLINT_CEL_AST_H_

// Expr: the syntax tree the parser builds, annotated in place by the
// resolver (names), the checker (types) and read by the planner. Internal.
//
// Shapes:
//   kConst          constant
//   kIdent          name
//   kSelect         operand.name (test_only: inside has())
//   kCall           name(args...) or operand.name(args...) (receiver call);
//                   operators are calls named _+_, _&&_, _?_:_, @in, _[_]...
//   kList           [args...]
//   kMap            {args[0]: args[1], args[2]: args[3], ...}
//   kComprehension  operand.macro(var[, var2], predicate?, transform?)

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/cel/type.h"

namespace hublint::cel {

struct FunctionDecl;
class StructType;

enum class ExprKind : uint8_t {
  kConst,
  kIdent,
  kSelect,
  kCall,
  kList,
  kMap,
  kComprehension,
};

struct Constant {
  enum class Kind : uint8_t {
    kNull,
    kBool,
    kInt,
    kUint,
    kDouble,
    kString,
    kBytes
  };
  Kind kind = Kind::kNull;
  bool bool_value = false;
  int64_t int_value = 0;
  uint64_t uint_value = 0;
  double double_value = 0;
  std::string string_value;  // kString (UTF-8) and kBytes
};

enum class MacroKind : uint8_t {
  kAll,            // var, predicate
  kExists,         // var, predicate
  kExistsOne,      // var, predicate
  kFilter,         // var, predicate
  kMap,            // var, [predicate,] transform
  kTransformList,  // var, var2, [predicate,] transform
  kTransformMap,   // var, var2, [predicate,] transform
};

// The source name of a macro ("all", "exists_one", ...).
std::string_view MacroName(MacroKind kind);

struct Expr {
  ExprKind kind = ExprKind::kConst;
  int id = 0;      // dense, 0 .. node count - 1
  int offset = 0;  // byte offset diagnostics point at

  Constant constant;              // kConst
  std::string name;               // ident, field, function
  std::unique_ptr<Expr> operand;  // select operand, call target, range
  std::vector<std::unique_ptr<Expr>> args;
  bool test_only = false;  // kSelect inside has()

  MacroKind macro = MacroKind::kAll;  // kComprehension
  std::string var;                    // first iteration variable
  std::string var2;                   // second one, or empty
  std::unique_ptr<Expr> predicate;    // may be null
  std::unique_ptr<Expr> transform;    // may be null

  // --- Filled by the resolver (resolver.h).
  int variable = -1;           // kIdent/kSelect naming an Env variable
  int local = -1;              // kIdent naming a macro variable: its slot
  std::string_view type_name;  // kIdent denoting a type ("int", "list", ...)
  int local_base = -1;         // kComprehension: slot of `var`; var2 is +1
  const FunctionDecl* function = nullptr;  // kCall: the resolved function
  bool resolved = false;  // kIdent/kCall: one of the above applies

  // --- Filled by the checker.
  Type type;             // dyn when unchecked
  int field_index = -1;  // kSelect on a statically known struct
  const StructType* field_struct = nullptr;

  int height = 1;  // of this subtree (parser)
};

// A rendering of a field path for messages and unknown attributes:
// "member.two_factor_enabled", "org.members[0].role", "x.f(...).g".
std::string RenderPath(const Expr& expr);

// A canonical one-line rendering of the tree, for tests:
//   1  2u  1.5  "s"  b"s"  true  null  x  a.b  has(a.b)  _+_(1, 2)  x.f(1)
//   [1, 2]  {1: 2}  all(range, v, predicate)  map(range, v, [pred,] t)
//   transformMap(range, k, v, [pred,] t)
std::string DumpExpr(const Expr& expr);

// If `expr` is an identifier or a chain of selections on one
// (`a.b.c`), stores "a.b.c" and returns true.
bool QualifiedName(const Expr& expr, std::string* name);

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_AST_H_
