#include "lint/cel/checker.h"

#include <map>
#include <string>
#include <utility>

#include "lint/cel/host.h"
#include "lint/cel/resolver.h"
#include "lint/util/spelling.h"
#include "lint/cel/strings.h"

namespace hublint::cel {
namespace {

using Bindings = std::map<std::string, Type>;

bool IsNullable(const Type& t) {
  return t.nullable() || t.kind() == Type::Kind::kStruct ||
         t.kind() == Type::Kind::kNull;
}

// Whether a value of type `arg` may be passed where `param` is expected,
// binding type parameters as it goes.
bool IsAssignable(const Type& param, const Type& arg, Bindings* bindings) {
  if (arg.is_dyn_or_error() || param.is_dyn_or_error()) {
    if (param.kind() == Type::Kind::kParam &&
        !bindings->contains(param.param_name())) {
      (*bindings)[param.param_name()] = Type::Dyn();
    }
    return true;
  }
  if (param.kind() == Type::Kind::kParam) {
    auto it = bindings->find(param.param_name());
    if (it == bindings->end()) {
      bindings->emplace(param.param_name(), arg);
      return true;
    }
    // `null == x` binds A to null first; a nullable x then takes over.
    if (it->second.kind() == Type::Kind::kNull && IsNullable(arg)) {
      it->second = arg;
      return true;
    }
    return IsAssignable(it->second, arg, bindings);
  }
  if (arg.kind() == Type::Kind::kNull && IsNullable(param)) return true;
  if (param.kind() != arg.kind()) return false;
  switch (param.kind()) {
    case Type::Kind::kList:
      return IsAssignable(param.element(), arg.element(), bindings);
    case Type::Kind::kMap:
      return IsAssignable(param.key(), arg.key(), bindings) &&
             IsAssignable(param.value(), arg.value(), bindings);
    case Type::Kind::kStruct:
      return param.struct_type() == arg.struct_type();
    default:
      return true;
  }
}

Type Substitute(const Type& t, const Bindings& bindings) {
  switch (t.kind()) {
    case Type::Kind::kParam: {
      auto it = bindings.find(t.param_name());
      return it == bindings.end() ? Type::Dyn() : it->second;
    }
    case Type::Kind::kList:
      return Type::List(Substitute(t.element(), bindings));
    case Type::Kind::kMap:
      return Type::Map(Substitute(t.key(), bindings),
                       Substitute(t.value(), bindings));
    default:
      return t;
  }
}

// The common type of list elements, map keys or values: the type itself
// when all agree, dyn otherwise.
Type Join(const Type& a, const Type& b) {
  if (a.kind() == Type::Kind::kError) return b;
  if (b.kind() == Type::Kind::kError) return a;
  if (a == b) return a;
  return Type::Dyn();
}

std::string TypeList(const std::vector<Type>& types) {
  std::string s = "(";
  for (size_t i = 0; i < types.size(); ++i) {
    if (i > 0) s += ", ";
    s += types[i].DebugString();
  }
  return s + ")";
}

bool IsBoolish(const Type& t) {
  return t.kind() == Type::Kind::kBool || t.is_dyn_or_error();
}

class Checker {
 public:
  Checker(std::string_view source, const Env& env,
          const FunctionRegistry& functions, int local_count)
      : source_(source),
        env_(env),
        functions_(functions),
        locals_(local_count),
        local_names_(local_count) {}

  std::vector<Diagnostic> TakeDiagnostics() { return std::move(diagnostics_); }

  Type Check(Expr* e) {
    e->type = Compute(e);
    return e->type;
  }

 private:
  Type Error(int offset, std::string message) {
    diagnostics_.push_back(MakeDiagnostic(source_, offset, std::move(message)));
    return Type::Error();
  }

  Type Compute(Expr* e) {
    switch (e->kind) {
      case ExprKind::kConst:
        return ConstantType(e->constant);
      case ExprKind::kIdent:
        return Ident(e);
      case ExprKind::kSelect:
        return Select(e);
      case ExprKind::kCall:
        return Call(e);
      case ExprKind::kList: {
        Type element = Type::Error();
        bool first = true;
        for (auto& a : e->args) {
          Type t = Check(a.get());
          element = first ? t : Join(element, t);
          first = false;
        }
        return Type::List(first || element.kind() == Type::Kind::kError
                              ? Type::Dyn()
                              : element);
      }
      case ExprKind::kMap:
        return Map(e);
      case ExprKind::kComprehension:
        return Comprehension(e);
    }
    return Type::Dyn();
  }

  static Type ConstantType(const Constant& c) {
    switch (c.kind) {
      case Constant::Kind::kNull:
        return Type::Null();
      case Constant::Kind::kBool:
        return Type::Bool();
      case Constant::Kind::kInt:
        return Type::Int();
      case Constant::Kind::kUint:
        return Type::Uint();
      case Constant::Kind::kDouble:
        return Type::Double();
      case Constant::Kind::kString:
        return Type::String();
      case Constant::Kind::kBytes:
        return Type::Bytes();
    }
    return Type::Dyn();
  }

  std::vector<std::string> VisibleNames() const {
    std::vector<std::string> names = env_.VariableNames();
    for (const std::string& n : local_names_) {
      if (!n.empty()) names.push_back(n);
    }
    return names;
  }

  Type Ident(Expr* e) {
    if (e->local >= 0) return locals_[e->local];
    if (e->variable >= 0) return env_.variable(e->variable).type;
    if (!e->type_name.empty()) return Type::TypeOf(DenotedType(e->type_name));
    return Error(e->offset, Cat("undeclared reference to `", e->name, "`",
                                DidYouMean(e->name, VisibleNames())));
  }

  Type Select(Expr* e) {
    if (e->variable >= 0) return env_.variable(e->variable).type;
    Type operand = Check(e->operand.get());
    Type result = SelectField(e, operand);
    if (e->test_only && result.kind() != Type::Kind::kError) {
      return Type::Bool();
    }
    return result;
  }

  Type SelectField(Expr* e, const Type& operand) {
    switch (operand.kind()) {
      case Type::Kind::kError:
        return operand;
      case Type::Kind::kDyn:
        return Type::Dyn();
      case Type::Kind::kStruct: {
        const StructType* st = operand.struct_type();
        int index = st->FindField(e->name);
        if (index < 0) {
          std::vector<std::string> names;
          for (const FieldDecl& f : st->fields()) names.push_back(f.name);
          return Error(e->offset,
                       Cat("unknown field `", e->name, "` on ",
                           st->display_name(), DidYouMean(e->name, names)));
        }
        e->field_index = index;
        e->field_struct = st;
        const FieldDecl& f = st->field(index);
        return f.nullable ? f.type.AsNullable() : f.type;
      }
      case Type::Kind::kMap:
        if (operand.key().kind() == Type::Kind::kString ||
            operand.key().is_dyn_or_error()) {
          return operand.value();
        }
        return Error(e->offset,
                     Cat("cannot select `.", e->name, "` on type `",
                         operand.DebugString(), "`: its keys are not strings"));
      default:
        return Error(e->offset,
                     Cat("type `", operand.DebugString(),
                         "` has no fields; cannot select `.", e->name, "`"));
    }
  }

  Type Map(Expr* e) {
    Type key = Type::Error(), value = Type::Error();
    for (size_t i = 0; i + 1 < e->args.size(); i += 2) {
      Type k = Check(e->args[i].get());
      Type v = Check(e->args[i + 1].get());
      switch (k.kind()) {
        case Type::Kind::kBool:
        case Type::Kind::kInt:
        case Type::Kind::kUint:
        case Type::Kind::kString:
        case Type::Kind::kDyn:
        case Type::Kind::kError:
          break;
        default:
          Error(e->args[i]->offset,
                Cat("unsupported map key type `", k.DebugString(),
                    "` (keys are bool, int, uint or string)"));
          k = Type::Error();
      }
      key = i == 0 ? k : Join(key, k);
      value = i == 0 ? v : Join(value, v);
    }
    auto fix = [](const Type& t) {
      return t.kind() == Type::Kind::kError ? Type::Dyn() : t;
    };
    return Type::Map(fix(key), fix(value));
  }

  // x.f == null on an unknowable field: the classic mistake of testing an
  // unknown fact for null. Returns true after reporting it.
  bool ReportNullComparison(Expr* e) {
    if (e->args.size() != 2) return false;
    for (int i = 0; i < 2; ++i) {
      const Expr* null_side = e->args[i].get();
      const Expr* other = e->args[1 - i].get();
      if (null_side->kind != ExprKind::kConst ||
          null_side->constant.kind != Constant::Kind::kNull ||
          other->kind != ExprKind::kSelect || other->field_struct == nullptr) {
        continue;
      }
      const FieldDecl& f = other->field_struct->field(other->field_index);
      if (!f.unknowable || f.nullable) continue;
      std::string path = RenderPath(*other);
      Error(other->offset,
            Cat("`", path,
                "` is never null: when the source does not know it, "
                "it is unknown; use `!has(",
                path, ")` to test whether it is known"));
      return true;
    }
    return false;
  }

  Type Call(Expr* e) {
    std::vector<Type> types;
    if (e->operand != nullptr) types.push_back(Check(e->operand.get()));
    for (auto& a : e->args) types.push_back(Check(a.get()));

    const std::string& name = e->name;
    if (name == "_&&_" || name == "_||_") {
      if (!IsBoolish(types[0]) || !IsBoolish(types[1])) {
        return Error(e->offset, Cat("no matching overload for `", name,
                                    "` applied to ", TypeList(types)));
      }
      return Type::Bool();
    }
    if (name == "_?_:_") return Conditional(e, types);
    if ((name == "_==_" || name == "_!=_") && ReportNullComparison(e)) {
      return Type::Bool();
    }
    if (e->function == nullptr) {
      // Macros are not functions, but a misspelled one reads as a call.
      std::vector<std::string> names = functions_.names();
      for (std::string_view macro :
           {"has", "all", "exists", "exists_one", "filter", "map",
            "transformList", "transformMap"}) {
        names.emplace_back(macro);
      }
      return Error(e->offset, Cat("undeclared function `", name, "`",
                                  DidYouMean(name, names)));
    }
    for (const Type& t : types) {
      if (t.kind() == Type::Kind::kError) return Type::Error();
    }
    bool receiver = e->operand != nullptr;
    bool found = false;
    Type result;
    for (const Overload& o : e->function->overloads) {
      if (o.receiver != receiver || o.params.size() != types.size()) continue;
      Bindings bindings;
      bool ok = true;
      for (size_t i = 0; i < types.size() && ok; ++i) {
        ok = IsAssignable(o.params[i], types[i], &bindings);
      }
      if (!ok) continue;
      Type r = Substitute(o.result, bindings);
      result = found ? Join(result, r) : r;
      found = true;
    }
    if (!found) {
      return Error(e->offset, Cat("no matching overload for `", name,
                                  "` applied to ", TypeList(types)));
    }
    return result;
  }

  Type Conditional(Expr* e, const std::vector<Type>& types) {
    if (!IsBoolish(types[0])) {
      return Error(e->args[0]->offset,
                   Cat("the condition of `?:` must be bool, not `",
                       types[0].DebugString(), "`"));
    }
    const Type& a = types[1];
    const Type& b = types[2];
    if (a.kind() == Type::Kind::kError) return b;
    if (b.kind() == Type::Kind::kError) return a;
    if (a == b) return a;
    if (a.is_dyn() || b.is_dyn()) return Type::Dyn();
    if (a.kind() == Type::Kind::kNull && IsNullable(b)) return b.AsNullable();
    if (b.kind() == Type::Kind::kNull && IsNullable(a)) return a.AsNullable();
    Bindings ignored;
    if (IsAssignable(a, b, &ignored) && IsAssignable(b, a, &ignored)) {
      return Type::Dyn();  // e.g. list(int) and list(dyn)
    }
    return Error(e->offset,
                 Cat("the branches of `?:` have different types: `",
                     a.DebugString(), "` and `", b.DebugString(), "`"));
  }

  Type Comprehension(Expr* e) {
    Type range = Check(e->operand.get());
    const std::string_view macro = MacroName(e->macro);
    Type var = Type::Dyn(), var2 = Type::Dyn(), key = Type::Dyn();
    bool two = !e->var2.empty();
    switch (range.kind()) {
      case Type::Kind::kList:
        var = two ? Type::Int() : range.element();
        var2 = range.element();
        key = Type::Int();
        break;
      case Type::Kind::kMap:
        var = range.key();
        var2 = range.value();
        key = range.key();
        break;
      case Type::Kind::kDyn:
      case Type::Kind::kError:
        break;
      default:
        Error(e->offset,
              Cat(macro, "() cannot iterate over `", range.DebugString(), "`"));
    }
    locals_[e->local_base] = var;
    local_names_[e->local_base] = e->var;
    if (two) {
      locals_[e->local_base + 1] = var2;
      local_names_[e->local_base + 1] = e->var2;
    }
    if (e->predicate != nullptr) {
      Type p = Check(e->predicate.get());
      if (!IsBoolish(p)) {
        Error(e->predicate->offset,
              Cat("the condition of ", macro, "() must be bool, not `",
                  p.DebugString(), "`"));
      }
    }
    Type t = e->transform != nullptr ? Check(e->transform.get()) : Type::Dyn();
    if (t.kind() == Type::Kind::kError) t = Type::Dyn();
    local_names_[e->local_base].clear();
    if (two) local_names_[e->local_base + 1].clear();
    switch (e->macro) {
      case MacroKind::kAll:
      case MacroKind::kExists:
      case MacroKind::kExistsOne:
        return Type::Bool();
      case MacroKind::kFilter:
        return Type::List(var.kind() == Type::Kind::kError ? Type::Dyn() : var);
      case MacroKind::kMap:
      case MacroKind::kTransformList:
        return Type::List(t);
      case MacroKind::kTransformMap:
        return Type::Map(key, t);
    }
    return Type::Dyn();
  }

  std::string_view source_;
  const Env& env_;
  const FunctionRegistry& functions_;
  std::vector<Type> locals_;
  std::vector<std::string> local_names_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace

std::vector<Diagnostic> Check(Expr* expr, int local_count,
                              std::string_view source, const Env& env,
                              const FunctionRegistry& functions) {
  Checker checker(source, env, functions, local_count);
  checker.Check(expr);
  return checker.TakeDiagnostics();
}

}  // namespace hublint::cel
