// Bad input never crashes: malformed expressions are compile errors with a
// position inside the text, and random mutations of valid expressions
// compile or fail cleanly and evaluate to some value.

#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "lint/cel/program.h"
#include "lint/cel/testing/table.h"

namespace hublint::cel {
namespace {

std::string FirstMessage(const char* expr) {
  Env env;
  std::vector<Diagnostic> diagnostics;
  absl::StatusOr<Program> p = Compile(expr, env, {}, &diagnostics);
  if (p.ok()) return "ok";
  REQUIRE(!diagnostics.empty());
  return diagnostics[0].message;
}

TEST_CASE("malformed expressions") {
  testing::CheckTable(
      {
          {"", "expected an expression, found end of input"},
          {"   ", "expected an expression, found end of input"},
          {"'unterminated", "unterminated string literal"},
          {"\"\"\"open", "unterminated string literal"},
          {"'\\z'", "invalid escape sequence `\\z`"},
          {"'\\u12'", "invalid escape sequence: expected 4 hex digits"},
          {"b'\\U00000041'", "\\U escape is not allowed in bytes"},
          {"'\xE2\x82'", "invalid UTF-8 in string literal"},
          {"'\xF8\x88\x80\x80\x80'", "invalid UTF-8 in string literal"},
          {"'\xED\xA0\x80'", "invalid UTF-8 in string literal"},  // surrogate
          {"99999999999999999999", "integer literal out of range"},
          {"99999999999999999999u", "integer literal out of range"},
          {"1e400", "double literal out of range"},
          {"1e-400 == 0.0", "ok"},
          {"[1, 2", "expected `]`, found end of input"},
          {"{1: }", "expected an expression, found `}`"},
          {"a.", "expected a field name after `.`, found end of input"},
          {"a[", "expected an expression, found end of input"},
          {"f(1,)", "expected an expression, found `)`"},
          {"1 ? 2", "expected `:`, found end of input"},
          {"()", "expected an expression, found `)`"},
          {"@", "unexpected character `@`"},
          {"x.all()", "undeclared reference to `x`"},
          {"[].all(x)", "undeclared reference to `x`"},
          {"[].al(1)", "undeclared function `al`; did you mean `all`?"},
          {"1 2", "unexpected number `2` after the expression"},
          {"null.x", "type `null_type` has no fields; cannot select `.x`"},
          {"has(1.a)", "type `int` has no fields; cannot select `.a`"},
      },
      FirstMessage);
}

TEST_CASE("random mutations of valid expressions never crash") {
  const std::vector<std::string> seeds = {
      "[1, 2, 3].filter(x, x % 2 == 1).map(y, y * 2)",
      "{'a': 1, 'b': [true, null]}.exists(k, k == 'b')",
      "timestamp('2024-01-01T00:00:00Z') + duration('1h30m')",
      "'héllo'.matches('^h.+o$') && size(b'\\x00\\xff') == 2",
      "r'''raw\\n''' + \"\\u00e9\\U0001F600\" + '\\x41\\101'",
      "-9223372036854775808 / -1 ? 1u : 0x7F",
      "[[1], [2, 3]].all(l, l.exists_one(i, v, v > i))",
      "dyn(1.5e10) < 2 || !has({'a': 1}.a) && 'x'.split('') == []",
      "'%s %d %.2f'.format(['a', 1, 2.5]).upperAscii().trim()",
  };
  const std::string alphabet =
      "()[]{}.,:?!<>=&|+-*/%'\"`\\ \n\tabcxyz019_uUeE\xC3\xA9\xFF";
  std::mt19937 rng(20241123);
  Env env;
  Activation activation(&env);
  Arena arena;
  int compiled = 0;
  for (int i = 0; i < 6000; ++i) {
    std::string s = seeds[rng() % seeds.size()];
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !s.empty(); ++e) {
      size_t at = rng() % s.size();
      switch (rng() % 4) {
        case 0:
          s.erase(at, 1 + rng() % 3);
          break;
        case 1:
          s.insert(at, 1, alphabet[rng() % alphabet.size()]);
          break;
        case 2:
          s[at] = alphabet[rng() % alphabet.size()];
          break;
        default:
          s.resize(at);
      }
    }
    CompileOptions options;
    options.check = rng() % 2 == 0;
    options.max_comprehension_steps = 1000;
    std::vector<Diagnostic> diagnostics;
    absl::StatusOr<Program> p = Compile(s, env, options, &diagnostics);
    if (!p.ok()) {
      REQUIRE(!diagnostics.empty());
      for (const Diagnostic& d : diagnostics) {
        CHECK(d.offset >= 0);
        CHECK(d.offset <= static_cast<int>(s.size()));
      }
      continue;
    }
    ++compiled;
    arena.Reset();
    (void)p->Evaluate(activation, &arena);
  }
  CHECK(compiled > 100);  // the mutations do reach the evaluator
}

}  // namespace
}  // namespace hublint::cel
