#include "lint/cel/parser.h"

#include <doctest/doctest.h>

#include <string>

#include "lint/cel/strings.h"
#include "lint/cel/testing/table.h"

namespace hublint::cel {
namespace {

std::string Dump(std::string_view source) {
  ParseResult r = Parse(source);
  if (!r.diagnostics.empty()) {
    return Cat("error: ", FormatDiagnostics(source, r.diagnostics));
  }
  return DumpExpr(*r.expr);
}

TEST_CASE("the parser builds the tree the grammar describes") {
  testing::CheckTable(
      {
          // Literals.
          {"42", "42"},
          {"-42", "-42"},
          {"-9223372036854775808", "-9223372036854775808"},
          {"--19", "19"},
          {"---19", "-19"},
          {"-x", "-_(x)"},
          {"--x", "x"},
          {"-(1)", "-_(1)"},
          {"- 2.5", "-2.5"},
          {"3u", "3u"},
          {"0.5", "0.5"},
          {"true", "true"},
          {"null", "null"},
          {"b'ab'", "b\"ab\""},
          // Precedence and associativity.
          {"1 + 2 * 3", "_+_(1, _*_(2, 3))"},
          {"(1 + 2) * 3", "_*_(_+_(1, 2), 3)"},
          {"1 - 2 - 3", "_-_(_-_(1, 2), 3)"},
          {"a < b == c", "_==_(_<_(a, b), c)"},
          {"a in b && c || d", "_||_(_&&_(@in(a, b), c), d)"},
          {"!!a", "a"},
          {"!a", "!_(a)"},
          {"a ? b : c ? d : e", "_?_:_(a, b, _?_:_(c, d, e))"},
          {"a || b || c || d", "_||_(_||_(a, b), _||_(c, d))"},
          {"a && b && c", "_&&_(a, _&&_(b, c))"},
          // Members.
          {"a.b.c", "a.b.c"},
          {".a.b", "a.b"},
          {"a.b(1, 2).c[0]", "_[_](a.b(1, 2).c, 0)"},
          {"{'as': 1}.as", "{\"as\": 1}.as"},
          {"x.`content-type`", "x.content-type"},
          {"f()", "f()"},
          {"[1, 2,]", "[1, 2]"},
          {"{1: 'a', 2: 'b',}", "{1: \"a\", 2: \"b\"}"},
          {"a.in.true", "a.in.true"},
          // Macros.
          {"has(a.b)", "has(a.b)"},
          {"l.all(x, x > 0)", "all(l, x, _>_(x, 0))"},
          {"l.exists(i, v, v == i)", "exists(l, i, v, _==_(v, i))"},
          {"l.exists_one(x, x)", "exists_one(l, x, x)"},
          {"l.existsOne(x, x)", "exists_one(l, x, x)"},
          {"l.filter(x, x)", "filter(l, x, x)"},
          {"l.map(x, x * 2)", "map(l, x, _*_(x, 2))"},
          {"l.map(x, x > 1, x * 2)", "map(l, x, _>_(x, 1), _*_(x, 2))"},
          {"l.transformList(i, v, i + v)", "transformList(l, i, v, _+_(i, v))"},
          {"m.transformMap(k, v, k != 'a', v)",
           "transformMap(m, k, v, _!=_(k, \"a\"), v)"},
          {"l.map(x)", "l.map(x)"},  // not a macro shape: an ordinary call
          {"l.filter(i, v, true)", "l.filter(i, v, true)"},
      },
      [&](const char* input) { return Dump(input); });
}

TEST_CASE("syntax errors point at the problem") {
  testing::CheckTable(
      {
          {"1 +",
           "error: 1:4: expected an expression, found end of input\n"
           "1 +\n"
           "   ^"},
          {"(1 + 2",
           "error: 1:7: expected `)`, found end of input\n"
           "(1 + 2\n"
           "      ^"},
          {"a b",
           "error: 1:3: unexpected identifier `b` after the expression\n"
           "a b\n"
           "  ^"},
          {"[1, 2",
           "error: 1:6: expected `]`, found end of input\n"
           "[1, 2\n"
           "     ^"},
          {"{1 2}",
           "error: 1:4: expected `:`, found number `2`\n"
           "{1 2}\n"
           "   ^"},
          {"a.1",
           "error: 1:2: unexpected number `.1` after the expression\n"
           "a.1\n"
           " ^"},
          {"a.+",
           "error: 1:3: expected a field name after `.`, found `+`\n"
           "a.+\n"
           "  ^"},
          {"if",
           "error: 1:1: `if` is a reserved word and cannot be used as an "
           "identifier\n"
           "if\n"
           "^"},
          {"Msg{a: 1}",
           "error: 1:4: struct construction (`Msg{...}`) is not "
           "supported\n"
           "Msg{a: 1}\n"
           "   ^"},
          {"has(a)",
           "error: 1:5: has() takes one field selection, such as "
           "has(x.f)\n"
           "has(a)\n"
           "    ^"},
          {"l.all(1, true)",
           "error: 1:7: argument 1 of all() must be a simple "
           "variable name\n"
           "l.all(1, true)\n"
           "      ^"},
          {"l.all(x, x, true)",
           "error: 1:10: the two variables of all() must "
           "have different names\n"
           "l.all(x, x, true)\n"
           "         ^"},
          {"9223372036854775808",
           "error: 1:1: integer literal out of range\n"
           "9223372036854775808\n"
           "^"},
          {"-9223372036854775809",
           "error: 1:1: integer literal out of range\n"
           "-9223372036854775809\n"
           "^"},
          {"a &&\n  b c",
           "error: 2:5: unexpected identifier `c` after the "
           "expression\n"
           "  b c\n"
           "    ^"},
          {"\ta = 1",
           "error: 1:4: unexpected `=`; did you mean `==`?\n"
           "\ta = 1\n"
           "\t  ^"},
      },
      [&](const char* input) { return Dump(input); });
}

}  // namespace
}  // namespace hublint::cel
