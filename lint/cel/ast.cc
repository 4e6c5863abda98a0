#include "lint/cel/ast.h"

#include "lint/cel/double_format.h"
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

namespace {

std::string DumpConstant(const Constant& c) {
  switch (c.kind) {
    case Constant::Kind::kNull:
      return "null";
    case Constant::Kind::kBool:
      return c.bool_value ? "true" : "false";
    case Constant::Kind::kInt:
      return Cat(c.int_value);
    case Constant::Kind::kUint:
      return Cat(c.uint_value, "u");
    case Constant::Kind::kDouble:
      return FormatDouble(c.double_value);
    case Constant::Kind::kString:
      return Quote(c.string_value, QuoteStyle::kJson);
    case Constant::Kind::kBytes:
      return Cat("b", Quote(c.string_value, QuoteStyle::kJson));
  }
  return "?";
}

void DumpList(const std::vector<std::unique_ptr<Expr>>& items,
              std::string* out) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out->append(", ");
    out->append(DumpExpr(*items[i]));
  }
}

}  // namespace

std::string DumpExpr(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kConst:
      return DumpConstant(e.constant);
    case ExprKind::kIdent:
      return e.name;
    case ExprKind::kSelect:
      if (e.test_only)
        return Cat("has(", DumpExpr(*e.operand), ".", e.name, ")");
      return Cat(DumpExpr(*e.operand), ".", e.name);
    case ExprKind::kCall: {
      std::string out = e.operand != nullptr
                            ? Cat(DumpExpr(*e.operand), ".", e.name, "(")
                            : Cat(e.name, "(");
      DumpList(e.args, &out);
      return out + ")";
    }
    case ExprKind::kList: {
      std::string out = "[";
      DumpList(e.args, &out);
      return out + "]";
    }
    case ExprKind::kMap: {
      std::string out = "{";
      for (size_t i = 0; i + 1 < e.args.size(); i += 2) {
        if (i > 0) out.append(", ");
        Append(&out, DumpExpr(*e.args[i]), ": ", DumpExpr(*e.args[i + 1]));
      }
      return out + "}";
    }
    case ExprKind::kComprehension: {
      std::string out =
          Cat(MacroName(e.macro), "(", DumpExpr(*e.operand), ", ", e.var);
      if (!e.var2.empty()) Append(&out, ", ", e.var2);
      if (e.predicate != nullptr) Append(&out, ", ", DumpExpr(*e.predicate));
      if (e.transform != nullptr) Append(&out, ", ", DumpExpr(*e.transform));
      return out + ")";
    }
  }
  return "?";
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
