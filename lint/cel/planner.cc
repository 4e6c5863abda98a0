#include "lint/cel/planner.h"

#include <string>
#include <utility>

#include "lint/cel/functions/functions.h"
#include "lint/cel/host.h"
#include "lint/cel/strings.h"
#include "lint/cel/value_builder.h"

namespace hublint::cel {
namespace {

class Planner {
 public:
  explicit Planner(struct Plan* plan) : plan_(plan) {}

  std::vector<Diagnostic> TakeDiagnostics() { return std::move(diagnostics_); }

  int32_t Visit(const Expr& e) {
    switch (e.kind) {
      case ExprKind::kConst:
        return Const(ConstantValue(e.constant), e.offset);
      case ExprKind::kIdent:
        return Ident(e);
      case ExprKind::kSelect:
        return Select(e);
      case ExprKind::kCall:
        return Call(e);
      case ExprKind::kList:
        return List(e);
      case ExprKind::kMap:
        return Map(e);
      case ExprKind::kComprehension:
        return Comprehension(e, /*count_only=*/false);
    }
    return ErrorStep("unsupported expression", e.offset);
  }

 private:
  int32_t Add(Step s) {
    plan_->steps.push_back(std::move(s));
    return static_cast<int32_t>(plan_->steps.size() - 1);
  }

  const Step& step(int32_t i) const { return plan_->steps[i]; }

  std::string_view Keep(std::string_view s) {
    return plan_->constants.CopyString(s);
  }

  int32_t Const(const Value& v, int offset) {
    Step s;
    s.op = Op::kConst;
    s.value = v;
    s.offset = static_cast<uint32_t>(offset);
    return Add(std::move(s));
  }

  int32_t ErrorStep(std::string_view message, int offset) {
    Step s;
    s.op = Op::kError;
    s.offset = static_cast<uint32_t>(offset);
    s.value = Value::Error(Keep(message), s.offset);
    return Add(std::move(s));
  }

  Value ConstantValue(const Constant& c) {
    switch (c.kind) {
      case Constant::Kind::kNull:
        return Value::Null();
      case Constant::Kind::kBool:
        return Value::Bool(c.bool_value);
      case Constant::Kind::kInt:
        return Value::Int(c.int_value);
      case Constant::Kind::kUint:
        return Value::Uint(c.uint_value);
      case Constant::Kind::kDouble:
        return Value::Double(c.double_value);
      case Constant::Kind::kString:
        return Value::String(Keep(c.string_value));
      case Constant::Kind::kBytes:
        return Value::Bytes(Keep(c.string_value));
    }
    return Value::Null();
  }

  int32_t Ident(const Expr& e) {
    Step s;
    s.offset = static_cast<uint32_t>(e.offset);
    if (e.local >= 0) {
      s.op = Op::kLocal;
      s.index = e.local;
      return Add(std::move(s));
    }
    if (e.variable >= 0) {
      s.op = Op::kVariable;
      s.index = e.variable;
      s.name = Keep(e.name);
      return Add(std::move(s));
    }
    if (!e.type_name.empty()) return Const(Value::Type(e.type_name), e.offset);
    return ErrorStep(Cat("undeclared reference to `", e.name, "`"), e.offset);
  }

  int32_t Select(const Expr& e) {
    Step s;
    s.offset = static_cast<uint32_t>(e.offset);
    if (e.variable >= 0) {
      s.op = Op::kVariable;
      s.index = e.variable;
      s.name = Keep(RenderPath(e));
      return Add(std::move(s));
    }
    s.a = Visit(*e.operand);
    s.name = Keep(e.name);
    s.path = Keep(RenderPath(e));
    if (e.field_struct != nullptr) {
      s.op = e.test_only ? Op::kHasField : Op::kSelectField;
      s.struct_type = e.field_struct;
      s.index = e.field_index;
    } else {
      s.op = e.test_only ? Op::kHasName : Op::kSelectName;
    }
    return Add(std::move(s));
  }

  // The filter in `size(x.filter(v, p))` / `x.filter(v, p).size()`.
  static const Expr* CountableFilter(const Expr& call) {
    if (call.name != "size") return nullptr;
    const Expr* arg = nullptr;
    if (call.operand != nullptr && call.args.empty()) arg = call.operand.get();
    if (call.operand == nullptr && call.args.size() == 1) {
      arg = call.args[0].get();
    }
    if (arg == nullptr || arg->kind != ExprKind::kComprehension ||
        arg->macro != MacroKind::kFilter) {
      return nullptr;
    }
    return arg;
  }

  int32_t Call(const Expr& e) {
    const std::string& name = e.name;
    if (name == "_&&_" || name == "_||_" || name == "_?_:_") {
      Step s;
      s.offset = static_cast<uint32_t>(e.offset);
      s.op = name == "_&&_" ? Op::kAnd
                            : (name == "_||_" ? Op::kOr : Op::kConditional);
      s.a = Visit(*e.args[0]);
      s.b = Visit(*e.args[1]);
      if (s.op == Op::kConditional) s.c = Visit(*e.args[2]);
      return Add(std::move(s));
    }
    if (const Expr* filter = CountableFilter(e)) {
      int32_t i = Comprehension(*filter, /*count_only=*/true);
      plan_->steps[i].offset = static_cast<uint32_t>(e.offset);
      return i;
    }
    if (e.function == nullptr) {
      return ErrorStep(Cat("undeclared reference to function `", name, "`"),
                       e.offset);
    }
    bool receiver = e.operand != nullptr;
    int count = static_cast<int>(e.args.size()) + (receiver ? 1 : 0);
    if (!e.function->HasArity(receiver, count) ||
        count > static_cast<int>(kMaxCallArgs)) {
      return ErrorStep(Cat("no matching overload for `", name, "` with ", count,
                           " arguments"),
                       e.offset);
    }
    std::vector<int32_t> args;
    if (receiver) args.push_back(Visit(*e.operand));
    for (const auto& a : e.args) args.push_back(Visit(*a));

    Step s;
    s.op = Op::kCall;
    s.offset = static_cast<uint32_t>(e.offset);
    s.fn = e.function->impl;
    s.data = e.function->data;
    s.name = e.function->name;
    if (s.fn == &functions::Matches && step(args[1]).op == Op::kConst &&
        step(args[1]).value.kind() == Kind::kString) {
      absl::StatusOr<std::shared_ptr<const re2::RE2>> re =
          CompileRegex(step(args[1]).value.string_value());
      const Expr& pattern = receiver ? *e.args[0] : *e.args[1];
      if (!re.ok()) {
        diagnostics_.push_back(
            MakeDiagnostic(plan_->source, pattern.offset,
                           std::string(StdView(re.status().message()))));
        return ErrorStep(StdView(re.status().message()), pattern.offset);
      }
      plan_->regexes.push_back(*re);
      s.regex = re->get();
    }
    s.operands_begin = static_cast<uint32_t>(plan_->operands.size());
    s.operand_count = static_cast<uint32_t>(args.size());
    bool constant = true;
    for (int32_t a : args) {
      plan_->operands.push_back(a);
      constant = constant && step(a).op == Op::kConst &&
                 !step(a).value.is_error_or_unknown();
    }
    if (constant) return Fold(s, args);
    if (s.fn == &functions::Equal || s.fn == &functions::NotEqual) {
      s.op = s.fn == &functions::Equal ? Op::kEqual : Op::kNotEqual;
      s.a = args[0];
      s.b = args[1];
    }
    return Add(std::move(s));
  }

  // Evaluates a call whose arguments are all constants, once.
  int32_t Fold(const Step& call, const std::vector<int32_t>& args) {
    std::vector<Value> values;
    for (int32_t a : args) values.push_back(step(a).value);
    CallContext ctx;
    ctx.arena = &plan_->constants;
    ctx.offset = call.offset;
    ctx.regex = call.regex;
    ctx.regex_cache = &plan_->regex_cache;
    ctx.data = call.data;
    Value v = call.fn(values.data(), static_cast<int>(values.size()), ctx);
    return Const(v, static_cast<int>(call.offset));
  }

  bool AllConstant(const std::vector<int32_t>& steps) const {
    for (int32_t i : steps) {
      if (step(i).op != Op::kConst || step(i).value.is_error_or_unknown()) {
        return false;
      }
    }
    return true;
  }

  int32_t Collection(Op op, const Expr& e, std::vector<int32_t> elements) {
    Step s;
    s.op = op;
    s.offset = static_cast<uint32_t>(e.offset);
    s.operands_begin = static_cast<uint32_t>(plan_->operands.size());
    s.operand_count = static_cast<uint32_t>(elements.size());
    for (int32_t i : elements) plan_->operands.push_back(i);
    return Add(std::move(s));
  }

  int32_t List(const Expr& e) {
    std::vector<int32_t> elements;
    for (const auto& a : e.args) elements.push_back(Visit(*a));
    if (!AllConstant(elements)) return Collection(Op::kList, e, elements);
    ListBuilder list(&plan_->constants);
    for (int32_t i : elements) list.Add(step(i).value);
    return Const(list.Build(), e.offset);
  }

  int32_t Map(const Expr& e) {
    std::vector<int32_t> entries;
    for (const auto& a : e.args) entries.push_back(Visit(*a));
    if (!AllConstant(entries)) return Collection(Op::kMap, e, entries);
    MapBuilder map(&plan_->constants);
    for (size_t i = 0; i + 1 < entries.size(); i += 2) {
      absl::Status added =
          map.Add(step(entries[i]).value, step(entries[i + 1]).value);
      if (!added.ok()) {
        return ErrorStep(StdView(added.message()), e.args[i]->offset);
      }
    }
    return Const(map.Build(), e.offset);
  }

  int32_t Comprehension(const Expr& e, bool count_only) {
    Step s;
    s.op = count_only ? Op::kCountFilter : Op::kComprehension;
    s.macro = e.macro;
    s.two_vars = !e.var2.empty();
    s.offset = static_cast<uint32_t>(e.offset);
    s.index = e.local_base;
    s.name = MacroName(e.macro);
    s.a = Visit(*e.operand);
    if (e.predicate != nullptr) s.b = Visit(*e.predicate);
    if (e.transform != nullptr) s.c = Visit(*e.transform);
    return Add(std::move(s));
  }

  struct Plan* plan_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace

std::vector<Diagnostic> PlanExpression(const Expr& expr, Plan* plan) {
  Planner planner(plan);
  plan->root = planner.Visit(expr);
  return planner.TakeDiagnostics();
}

}  // namespace hublint::cel
