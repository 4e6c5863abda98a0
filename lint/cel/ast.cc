#include "lint/cel/ast.h"

#include "lint/cel/strings.h"

namespace hublint::cel {

std::string_view MacroName(MacroKind kind) {
  switch (kind) {
    case MacroKind::kAll:
      return "all";
    case MacroKind::kExists:
      return "exists";
    case MacroKind::kExistsOne:
      return "exists_one";
    case MacroKind::kFilter:
      return "filter";
    case MacroKind::kMap:
      return "map";
    case MacroKind::kTransformList:
      return "transformList";
    case MacroKind::kTransformMap:
      return "transformMap";
  }
  return "?";
}

std::string RenderPath(const Expr& expr) {
  switch (expr.kind) {
    case ExprKind::kIdent:
      return expr.name;
    case ExprKind::kSelect:
      return Cat(RenderPath(*expr.operand), ".", expr.name);
    case ExprKind::kConst:
      switch (expr.constant.kind) {
        case Constant::Kind::kInt:
          return Cat(expr.constant.int_value);
        case Constant::Kind::kUint:
          return Cat(expr.constant.uint_value, "u");
        case Constant::Kind::kString:
          return Cat("'", expr.constant.string_value, "'");
        default:
          return "...";
      }
    case ExprKind::kCall:
      if (expr.name == "_[_]" && expr.args.size() == 2) {
        return Cat(RenderPath(*expr.args[0]), "[", RenderPath(*expr.args[1]),
                   "]");
      }
      if (expr.operand != nullptr) {
        return Cat(RenderPath(*expr.operand), ".", expr.name, "(...)");
      }
      return Cat(expr.name, "(...)");
    default:
      return "...";
  }
}

bool QualifiedName(const Expr& expr, std::string* name) {
  if (expr.kind == ExprKind::kIdent) {
    *name = expr.name;
    return true;
  }
  if (expr.kind == ExprKind::kSelect && !expr.test_only &&
      QualifiedName(*expr.operand, name)) {
    Append(name, ".", expr.name);
    return true;
  }
  return false;
}

}  // namespace hublint::cel
