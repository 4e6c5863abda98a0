// Each limit of limits.h, tested with an input just within it and one just
// over it: a clear error, no crash, no stack overflow.

#include "lint/cel/limits.h"

#include <doctest/doctest.h>

#include <string>

#include "lint/cel/program.h"
#include "lint/cel/strings.h"
#include "lint/cel/testing/eval.h"

namespace hublint::cel {
namespace {

std::string Repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// "1:<col>: <message>" of compiling `expr`, or "ok".
std::string FirstError(const std::string& expr) {
  Env env;
  std::vector<Diagnostic> diagnostics;
  absl::StatusOr<Program> p = Compile(expr, env, {}, &diagnostics);
  if (p.ok()) return "ok";
  REQUIRE(!diagnostics.empty());
  return Cat(diagnostics[0].line, ":", diagnostics[0].column, ": ",
             diagnostics[0].message);
}

TEST_CASE("expression length") {
  std::string at_limit =
      Cat("'", std::string(kMaxExpressionBytes - 2, 'a'), "'");
  CHECK(at_limit.size() == kMaxExpressionBytes);
  CHECK(FirstError(at_limit) == "ok");
  CHECK(FirstError(at_limit + " ") ==
        "1:16385: expression is 16385 bytes long; the limit is 16384");
}

TEST_CASE("nesting depth of parentheses, lists, calls and conditionals") {
  CHECK(FirstError(Repeat("(", 64) + "1" + Repeat(")", 64)) == "ok");
  CHECK(FirstError(Repeat("(", 65) + "1" + Repeat(")", 65)) ==
        "1:66: expression nests more than 64 levels deep");
  CHECK(FirstError(Repeat("[", 64) + "1" + Repeat("]", 64)) == "ok");
  CHECK(FirstError(Repeat("[", 65) + "1" + Repeat("]", 65)) ==
        "1:66: expression nests more than 64 levels deep");
  CHECK(FirstError(Repeat("int(", 64) + "1" + Repeat(")", 64)) == "ok");
  CHECK(FirstError(Repeat("int(", 65) + "1" + Repeat(")", 65)) ==
        "1:261: expression nests more than 64 levels deep");
  CHECK(FirstError(Repeat("true ? 1 : ", 64) + "2") == "ok");
  CHECK(FirstError(Repeat("true ? 1 : ", 65) + "2") ==
        "1:716: expression nests more than 64 levels deep");
  // Far beyond the limit, the parser stops at 65 levels: no stack overflow.
  CHECK(FirstError(Repeat("(", 8000)) ==
        "1:66: expression nests more than 64 levels deep");
}

TEST_CASE("syntax tree height") {
  // Left-deep chains grow the tree one level per operator.
  CHECK(FirstError("1" + Repeat(" + 1", 255)) == "ok");
  CHECK(FirstError("1" + Repeat(" + 1", 256)) ==
        "1:1023: expression is too deeply nested (syntax tree height above "
        "256)");
  CHECK(FirstError("x" + Repeat(".f", 256)) ==
        "1:513: expression is too deeply nested (syntax tree height above "
        "256)");
  // && and || chains are balanced, so thousands of operands are fine.
  std::string conjunction = "true" + Repeat(" && true", 2000);
  CHECK(testing::Run(conjunction) == "true");
  // Long unary chains cancel out.
  CHECK(testing::Run(Repeat("!", 5001) + "false") == "true");
  CHECK(testing::Run(Repeat("-", 5000) + "7") == "7");
  // The deepest tree allowed still checks and evaluates.
  CHECK(testing::Run("1" + Repeat(" + 1", 255)) == "256");
}

// A virtual list of `n` ints 0..n-1 that needs no storage.
class CountingAdapter final : public ListAdapter {
 public:
  size_t Size(const void* list) const override {
    return *static_cast<const size_t*>(list);
  }
  Value Get(const void*, size_t i) const override {
    return Value::Int(static_cast<int64_t>(i));
  }
};

TEST_CASE("comprehension budget") {
  Env env;
  int xs = *env.DeclareVariable("xs", Type::List(Type::Int()));
  CountingAdapter adapter;
  size_t n = 10;
  Activation activation(&env);
  activation.Set(xs, Value::HostList(&adapter, &n));

  CompileOptions ten;
  ten.max_comprehension_steps = 10;
  CHECK(testing::Run("xs.all(x, x >= 0)", env, activation, ten) == "true");
  n = 11;
  CHECK(testing::Run("xs.all(x, x >= 0)", env, activation, ten) ==
        "error(\"comprehension budget of 10 iterations exceeded\")");
  // The budget is shared by every macro of one evaluation.
  n = 3;
  CHECK(testing::Run("xs.all(x, xs.all(y, true))", env, activation, ten) ==
        "error(\"comprehension budget of 10 iterations exceeded\")");
  CHECK(testing::Run("xs.map(x, x).size() + xs.map(x, x).size()", env,
                     activation, ten) == "6");

  // The default is large enough for a 1,000,000-element list, several times.
  CHECK(kDefaultMaxComprehensionSteps == 100000000);
  n = 1000000;
  CHECK(testing::Run("xs.filter(x, x % 2 == 0).size()", env, activation) ==
        "500000");
  CHECK(testing::Run("xs.all(x, x >= 0) && xs.exists(x, x == 999999)", env,
                     activation) == "true");
  // ... and it stops a quadratic one.
  CompileOptions million;
  million.max_comprehension_steps = 1000000;
  CHECK(testing::Run("xs.all(x, xs.all(y, true))", env, activation, million) ==
        "error(\"comprehension budget of 1000000 iterations exceeded\")");
}

}  // namespace
}  // namespace hublint::cel
