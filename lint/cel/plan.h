#ifndef HUBLINT_CEL_PLAN_H_
#define HUBLINT_CEL_PLAN_H_

// Plan: a compiled program as the evaluator runs it (internal). The syntax
// tree becomes a flat vector of steps; each step names its operation and
// refers to its operands by index. Everything a step needs at run time is
// resolved beforehand: variable indexes, struct field indexes, the function
// to call, compiled regular expressions, constants (folded when all
// operands are constant). A Plan is immutable after planning, so any number
// of threads may evaluate it at once.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/cel/arena.h"
#include "lint/cel/ast.h"
#include "lint/cel/builtins.h"
#include "lint/cel/regex_cache.h"
#include "lint/cel/type.h"
#include "lint/cel/value.h"

namespace hublint::cel {

class StructType;

enum class Op : uint8_t {
  kConst,          // value
  kVariable,       // index: Env variable
  kLocal,          // index: macro variable slot
  kSelectField,    // a.field on struct_type, field `index`
  kSelectName,     // a.name, looked up at run time (maps, dyn structs)
  kHasField,       // has(a.field) on struct_type
  kHasName,        // has(a.name)
  kCall,           // fn(operands...), at most kMaxCallArgs of them
  kEqual,          // a == b (a call without the call machinery)
  kNotEqual,       // a != b
  kAnd,            // a && b
  kOr,             // a || b
  kConditional,    // a ? b : c
  kList,           // [operands...]
  kMap,            // {operands[0]: operands[1], ...}
  kComprehension,  // macro over a: predicate b, transform c, slot `index`
  kCountFilter,    // size(a.filter(v, b)) without building the list
  kError,          // value: an error known at compile time
};

// The most arguments a library function takes (receiver included).
inline constexpr uint32_t kMaxCallArgs = 4;

struct Step {
  Op op = Op::kConst;
  MacroKind macro = MacroKind::kAll;  // kComprehension
  bool two_vars = false;              // kComprehension
  uint32_t offset = kNoOffset;        // source offset, for errors
  int32_t a = -1, b = -1, c = -1;     // operand steps
  int32_t index = -1;                 // variable, slot or field index
  uint32_t operands_begin = 0;        // into Plan::operands
  uint32_t operand_count = 0;
  Value value;             // kConst, kError
  BuiltinFn fn = nullptr;  // kCall
  int32_t data = 0;        // kCall: FunctionDecl::data
  std::string_view name;   // field or function name
  std::string_view path;   // selection as written, for unknowns
  const StructType* struct_type = nullptr;
  const re2::RE2* regex = nullptr;  // matches() with a literal pattern
};

struct Plan {
  std::string source;
  Type result_type;
  std::vector<Step> steps;
  std::vector<int32_t> operands;
  int32_t root = -1;
  int local_count = 0;
  uint64_t max_comprehension_steps = 0;
  const void* env = nullptr;  // the Env compiled against
  // Constants, names and paths live here; never reset.
  Arena constants;
  std::vector<std::shared_ptr<const re2::RE2>> regexes;
  mutable RegexCache regex_cache;
};

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_PLAN_H_
