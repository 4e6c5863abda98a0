#include "lint/cel/resolver.h"

#include <algorithm>
#include <string>
#include <vector>

#include "lint/cel/strings.h"

namespace hublint::cel {
namespace {

class Resolver {
 public:
  Resolver(const Env& env, const FunctionRegistry& functions)
      : env_(env), functions_(functions) {}

  int max_locals() const { return max_locals_; }

  void Resolve(Expr* e) {
    switch (e->kind) {
      case ExprKind::kConst:
        return;
      case ExprKind::kIdent:
        ResolveIdent(e);
        return;
      case ExprKind::kSelect: {
        std::string name;
        if (!e->test_only && QualifiedName(*e, &name) && !RootIsLocal(*e)) {
          int v = env_.FindVariable(name);
          if (v >= 0) {
            e->variable = v;
            e->resolved = true;
            return;
          }
        }
        Resolve(e->operand.get());
        return;
      }
      case ExprKind::kCall:
        ResolveCall(e);
        return;
      case ExprKind::kList:
      case ExprKind::kMap:
        for (auto& a : e->args) Resolve(a.get());
        return;
      case ExprKind::kComprehension: {
        Resolve(e->operand.get());
        e->local_base = active_;
        scopes_.push_back({e->var, active_});
        if (!e->var2.empty()) scopes_.push_back({e->var2, active_ + 1});
        int used = e->var2.empty() ? 1 : 2;
        active_ += used;
        max_locals_ = std::max(max_locals_, active_);
        if (e->predicate != nullptr) Resolve(e->predicate.get());
        if (e->transform != nullptr) Resolve(e->transform.get());
        active_ -= used;
        scopes_.resize(scopes_.size() - used);
        return;
      }
    }
  }

 private:
  struct Scope {
    std::string name;
    int slot;
  };

  int FindLocal(std::string_view name) const {
    for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
      if (it->name == name) return it->slot;
    }
    return -1;
  }

  bool RootIsLocal(const Expr& e) const {
    const Expr* root = &e;
    while (root->kind == ExprKind::kSelect) root = root->operand.get();
    return root->kind == ExprKind::kIdent && FindLocal(root->name) >= 0;
  }

  void ResolveIdent(Expr* e) {
    int local = FindLocal(e->name);
    if (local >= 0) {
      e->local = local;
      e->resolved = true;
      return;
    }
    int v = env_.FindVariable(e->name);
    if (v >= 0) {
      e->variable = v;
      e->resolved = true;
      return;
    }
    std::string_view denoted = TypeDenotationName(e->name);
    if (!denoted.empty()) {
      e->type_name = denoted;
      e->resolved = true;
    }
  }

  void ResolveCall(Expr* e) {
    if (e->operand != nullptr) {
      // A namespaced global function: `strings.quote(x)`.
      std::string qualifier;
      if (QualifiedName(*e->operand, &qualifier) && !RootIsLocal(*e->operand) &&
          env_.FindVariable(qualifier) < 0) {
        const FunctionDecl* f = functions_.Find(Cat(qualifier, ".", e->name));
        if (f != nullptr) {
          e->name = f->name;
          e->function = f;
          e->resolved = true;
          e->operand.reset();
        }
      }
    }
    if (e->operand != nullptr) Resolve(e->operand.get());
    for (auto& a : e->args) Resolve(a.get());
    if (e->function == nullptr) {
      e->function = functions_.Find(e->name);
      e->resolved = e->function != nullptr;
    }
  }

  const Env& env_;
  const FunctionRegistry& functions_;
  std::vector<Scope> scopes_;
  int active_ = 0;
  int max_locals_ = 0;
};

}  // namespace

namespace {

constexpr std::string_view kTypeNames[] = {
    "int",   "uint", "double", "bool",      "string",
    "bytes", "list", "map",    "null_type", "type"};

}  // namespace

std::string_view TypeDenotationName(std::string_view name) {
  for (std::string_view n : kTypeNames) {
    if (n == name) return n;
  }
  return {};
}

Type DenotedType(std::string_view name) {
  if (name == "int") return Type::Int();
  if (name == "uint") return Type::Uint();
  if (name == "double") return Type::Double();
  if (name == "bool") return Type::Bool();
  if (name == "string") return Type::String();
  if (name == "bytes") return Type::Bytes();
  if (name == "list") return Type::List(Type::Dyn());
  if (name == "map") return Type::Map(Type::Dyn(), Type::Dyn());
  if (name == "null_type") return Type::Null();
  return Type::TypeOf();
}

int ResolveNames(Expr* expr, const Env& env,
                 const FunctionRegistry& functions) {
  Resolver r(env, functions);
  r.Resolve(expr);
  return r.max_locals();
}

}  // namespace hublint::cel
