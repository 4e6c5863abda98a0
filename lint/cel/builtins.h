#ifndef HUBLINT_CEL_BUILTINS_H_
#define HUBLINT_CEL_BUILTINS_H_

// The function library: every function and operator CEL programs can call,
// with the overload signatures the checker matches and the one C++
// implementation that runs for all of them (it switches on the argument
// kinds). Internal; docs/cel.md lists the library for rule authors.
//
// Operators are functions with the names of the CEL specification: _+_ _-_
// _*_ _/_ _%_ -_ !_ _==_ _!=_ _<_ _<=_ _>_ _>=_ @in _[_]. The logical
// operators _&&_ _||_ and _?_:_ are special forms of the evaluator.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lint/cel/arena.h"
#include "lint/cel/type.h"
#include "lint/cel/value.h"

namespace re2 {
class RE2;
}

namespace hublint::cel {

class RegexCache;

// What an implementation gets besides its arguments.
struct CallContext {
  Arena* arena = nullptr;
  // Source offset of the call, recorded in errors.
  uint32_t offset = kNoOffset;
  // matches(): the compiled pattern when it was a literal, else the cache.
  const re2::RE2* regex = nullptr;
  RegexCache* regex_cache = nullptr;
  // FunctionDecl::data of the function called.
  int data = 0;

  // An error with a message that outlives the evaluation (a literal).
  Value Error(std::string_view static_message) const {
    return Value::Error(static_message, offset);
  }
  // An error with a computed message (copied into the arena).
  Value Errorf(std::string_view message) const {
    return Value::Error(arena->CopyString(message), offset);
  }
};

// Arguments include the receiver first. Arguments are never errors or
// unknowns (the evaluator propagates those before calling).
using BuiltinFn = Value (*)(const Value* args, int count,
                            const CallContext& ctx);

struct Overload {
  bool receiver = false;     // called as args[0].name(args[1..])
  std::vector<Type> params;  // may use Type::Param("A")
  Type result;
};

struct FunctionDecl {
  std::string name;
  std::vector<Overload> overloads;
  BuiltinFn impl = nullptr;
  // Passed to impl as CallContext::data: lets one implementation serve a
  // family of functions (the timestamp accessors).
  int data = 0;
  // Smallest and largest argument counts over all overloads, per style.
  bool HasArity(bool receiver, int count) const;
};

class FunctionRegistry {
 public:
  // The standard library plus the strings extension.
  static const FunctionRegistry& Standard();

  // nullptr when unknown.
  const FunctionDecl* Find(std::string_view name) const;
  // Every function name (for spelling suggestions).
  const std::vector<std::string>& names() const { return names_; }

 private:
  FunctionRegistry();
  std::vector<FunctionDecl> functions_;
  std::vector<std::string> names_;
};

// "no matching overload for `name` applied to (int, string)", from the
// kinds of the runtime arguments.
Value NoMatchingOverload(const CallContext& ctx, std::string_view name,
                         const Value* args, int count);

// The CEL type name of a runtime value: KindName() or the struct's name.
std::string_view RuntimeTypeName(const Value& v);

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_BUILTINS_H_
