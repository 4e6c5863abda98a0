#include "lint/cel/macros.h"

#include "lint/cel/strings.h"

namespace hublint::cel {
namespace {

struct MacroShape {
  std::string_view name;
  MacroKind kind;
  int vars;        // 1 or 2
  bool predicate;  // the argument after the variables is a predicate
  bool transform;  // the last argument is a transform
};

// Every accepted (name, argument count) pair.
constexpr MacroShape kShapes[] = {
    {"all", MacroKind::kAll, 1, true, false},
    {"all", MacroKind::kAll, 2, true, false},
    {"exists", MacroKind::kExists, 1, true, false},
    {"exists", MacroKind::kExists, 2, true, false},
    {"exists_one", MacroKind::kExistsOne, 1, true, false},
    {"exists_one", MacroKind::kExistsOne, 2, true, false},
    {"existsOne", MacroKind::kExistsOne, 1, true, false},
    {"existsOne", MacroKind::kExistsOne, 2, true, false},
    {"filter", MacroKind::kFilter, 1, true, false},
    {"map", MacroKind::kMap, 1, false, true},
    {"map", MacroKind::kMap, 1, true, true},
    {"transformList", MacroKind::kTransformList, 2, false, true},
    {"transformList", MacroKind::kTransformList, 2, true, true},
    {"transformMap", MacroKind::kTransformMap, 2, false, true},
    {"transformMap", MacroKind::kTransformMap, 2, true, true},
};

}  // namespace

MacroExpansion ExpandReceiverMacro(std::string_view name,
                                   std::vector<std::unique_ptr<Expr>>& args) {
  MacroExpansion m;
  for (const MacroShape& shape : kShapes) {
    size_t arity =
        shape.vars + (shape.predicate ? 1 : 0) + (shape.transform ? 1 : 0);
    if (shape.name != name || args.size() != arity) continue;
    for (int i = 0; i < shape.vars; ++i) {
      if (args[i]->kind != ExprKind::kIdent) {
        m.error = Cat("argument ", i + 1, " of ", name,
                      "() must be a simple variable name");
        m.error_offset = args[i]->offset;
        return m;
      }
    }
    m.is_macro = true;
    m.kind = shape.kind;
    m.var = args[0]->name;
    if (shape.vars == 2) {
      m.var2 = args[1]->name;
      if (m.var == m.var2) {
        m.error =
            Cat("the two variables of ", name, "() must have different names");
        m.error_offset = args[1]->offset;
        return m;
      }
    }
    size_t next = shape.vars;
    if (shape.predicate) m.predicate = std::move(args[next++]);
    if (shape.transform) m.transform = std::move(args[next]);
    return m;
  }
  return m;
}

}  // namespace hublint::cel
