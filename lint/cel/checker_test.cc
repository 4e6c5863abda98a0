// The type checker, through Compile(): inferred types and diagnostics,
// compared word for word (caret included).

#include <doctest/doctest.h>

#include <string>

#include "lint/cel/program.h"
#include "lint/cel/strings.h"
#include "lint/cel/testing/eval.h"
#include "lint/cel/testing/table.h"
#include "lint/cel/testing/toy_host.h"

namespace hublint::cel {
namespace {

Env ToyEnv() {
  Env env;
  testing::DeclareToyVariables(&env);
  (void)env.DeclareVariable("params.max_editors", Type::Int());
  (void)env.DeclareVariable("tags", Type::Map(Type::String(), Type::String()));
  (void)env.DeclareVariable("anything", Type::Dyn());
  return env;
}

std::string TypeOf(std::string_view expr) {
  Env env = ToyEnv();
  absl::StatusOr<Program> p = Compile(expr, env);
  if (!p.ok()) return Cat("error: ", StdView(p.status().message()));
  return p->result_type().DebugString();
}

TEST_CASE("inferred types") {
  testing::CheckTable(
      {
          {"1", "int"},
          {"1u + 2u", "uint"},
          {"1.5 * 2.0", "double"},
          {"'a' + 'b'", "string"},
          {"b'a' + b'b'", "bytes"},
          {"null", "null_type"},
          {"[1, 2]", "list(int)"},
          {"[1, 'a']", "list(dyn)"},
          {"[]", "list(dyn)"},
          {"{'a': 1}", "map(string, int)"},
          {"{'a': 1, 2: 'b'}", "map(dyn, dyn)"},
          {"[1] + [2]", "list(int)"},
          {"[[1]][0]", "list(int)"},
          {"{'a': [1]}['a']", "list(int)"},
          {"person", "toy.Person"},
          {"person.name", "string"},
          {"person.two_factor", "bool"},
          {"person.last_login", "timestamp"},
          {"person.manager.manager.name", "string"},
          {"person.teams", "list(toy.Team)"},
          {"person.teams[0].permission", "string"},
          {"org.people.filter(p, p.role == 'editor')", "list(toy.Person)"},
          {"org.people.filter(p, p.role == 'editor').size() <= "
           "params.max_editors",
           "bool"},
          {"org.people.map(p, p.age)", "list(int)"},
          {"org.people.exists(p, has(p.two_factor))", "bool"},
          {"[1, 2].transformList(i, v, i * v)", "list(int)"},
          {"{'a': 1}.transformMap(k, v, v > 0)", "map(string, bool)"},
          {"tags.team", "string"},
          {"anything.whatever", "dyn"},
          {"anything + 1", "int"},
          {"dyn(1) + dyn(2)", "dyn"},
          {"now - duration('1h')", "timestamp"},
          {"now - now", "duration"},
          {"timestamp('2024-01-01T00:00:00Z').getFullYear('UTC')", "int"},
          {"type(1)", "type"},
          {"int", "type"},
          {"true ? 1 : 2", "int"},
          {"true ? person.last_login : null", "timestamp"},
          {"'abc'.split('b')", "list(string)"},
          {"['a'].join(',')", "string"},
          {"strings.quote('x')", "string"},
          {"person.last_login == null", "bool"},
          {"person.manager != null", "bool"},
          {"1 < 2.0", "bool"},
      },
      [&](const char* input) { return TypeOf(input); });
}

TEST_CASE("type errors, word for word") {
  Env env = ToyEnv();
  testing::CheckTable(
      {
          {"person.two_factr == true",
           "1:8: unknown field `two_factr` on person; did you mean "
           "`two_factor`?\n"
           "person.two_factr == true\n"
           "       ^"},
          {"person.two == true",
           "1:8: unknown field `two` on person; did you mean `two_factor`?\n"
           "person.two == true\n"
           "       ^"},
          {"persn.name",
           "1:1: undeclared reference to `persn`; did you mean `person`?\n"
           "persn.name\n"
           "^"},
          {"org.people.all(p, q.age > 1)",
           "1:19: undeclared reference to `q`; did you mean `p`?\n"
           "org.people.all(p, q.age > 1)\n"
           "                  ^"},
          {"person.name.lowerascii()",
           "1:13: undeclared function `lowerascii`; did you mean "
           "`lowerAscii`?\n"
           "person.name.lowerascii()\n"
           "            ^"},
          {"1 + 'a'",
           "1:3: no matching overload for `_+_` applied to (int, string)\n"
           "1 + 'a'\n"
           "  ^"},
          {"person.name.startsWith(1)",
           "1:13: no matching overload for `startsWith` applied to (string, "
           "int)\n"
           "person.name.startsWith(1)\n"
           "            ^"},
          {"person.age == 'x'",
           "1:12: no matching overload for `_==_` applied to (int, string)\n"
           "person.age == 'x'\n"
           "           ^"},
          {"person.two_factor == null",
           "1:8: `person.two_factor` is never null: when the source does not "
           "know "
           "it, it is unknown; use `!has(person.two_factor)` to test whether "
           "it "
           "is known\n"
           "person.two_factor == null\n"
           "       ^"},
          {"null != org.people[0].two_factor",
           "1:23: `org.people[0].two_factor` is never null: when the source "
           "does "
           "not know it, it is unknown; use `!has(org.people[0].two_factor)` "
           "to "
           "test whether it is known\n"
           "null != org.people[0].two_factor\n"
           "                      ^"},
          {"person.age.x",
           "1:12: type `int` has no fields; cannot select `.x`\n"
           "person.age.x\n"
           "           ^"},
          {"person.age ? 1 : 2",
           "1:8: the condition of `?:` must be bool, not `int`\n"
           "person.age ? 1 : 2\n"
           "       ^"},
          {"true ? 1 : 'a'",
           "1:6: the branches of `?:` have different types: `int` and "
           "`string`\n"
           "true ? 1 : 'a'\n"
           "     ^"},
          {"org.people.all(p, p.age)",
           "1:21: the condition of all() must be bool, not `int`\n"
           "org.people.all(p, p.age)\n"
           "                    ^"},
          {"person.age.all(x, true)",
           "1:12: all() cannot iterate over `int`\n"
           "person.age.all(x, true)\n"
           "           ^"},
          {"{1.5: 'a'}",
           "1:2: unsupported map key type `double` (keys are bool, int, uint "
           "or "
           "string)\n"
           "{1.5: 'a'}\n"
           " ^"},
          {"1 && true",
           "1:3: no matching overload for `_&&_` applied to (int, bool)\n"
           "1 && true\n"
           "  ^"},
          {"person.name.matches('(')",
           "1:21: invalid regular expression: missing ): (\n"
           "person.name.matches('(')\n"
           "                    ^"},
      },
      [&](const char* input) { return testing::CompileErrors(input, env); });
}

TEST_CASE("every type error is reported, not just the first") {
  Env env = ToyEnv();
  std::vector<Diagnostic> diagnostics;
  absl::StatusOr<Program> p =
      Compile("persn.x && person.nme == 1", env, {}, &diagnostics);
  CHECK(!p.ok());
  REQUIRE(diagnostics.size() == 2);
  CHECK(diagnostics[0] == Diagnostic{"undeclared reference to `persn`; did "
                                     "you mean `person`?",
                                     0, 1, 1});
  CHECK(diagnostics[1].message ==
        "unknown field `nme` on person; did you mean `name`?");
  CHECK(diagnostics[1].offset == 18);
  CHECK(diagnostics[1].column == 19);
}

TEST_CASE("the expected result type") {
  Env env = ToyEnv();
  CompileOptions bool_only;
  bool_only.expected_type = Type::Bool();
  CHECK(testing::CompileErrors("person.age == 3", env, bool_only) == "");
  CHECK(testing::CompileErrors("anything", env, bool_only) == "");
  CHECK(testing::CompileErrors("person.age", env, bool_only) ==
        "1:1: expression must be of type `bool`, but is `int`\n"
        "person.age\n"
        "^");
}

TEST_CASE("unchecked programs defer name and type errors to evaluation") {
  Env env = ToyEnv();
  CompileOptions unchecked;
  unchecked.check = false;
  CHECK(testing::CompileErrors("undeclared + 1", env, unchecked) == "");
  Activation activation(&env);
  CHECK(testing::Run("undeclared || true", env, activation, unchecked) ==
        "true");
  CHECK(testing::Run("undeclared", env, activation, unchecked) ==
        "error(\"undeclared reference to `undeclared`\")");
  CHECK(testing::Run("f(1)", env, activation, unchecked) ==
        "error(\"undeclared reference to function `f`\")");
  CHECK(testing::Run("1 + 'a'", env, activation, unchecked) ==
        "error(\"no matching overload for `_+_` applied to (int, string)\")");
  // Syntax errors are still compile errors.
  CHECK(testing::CompileErrors("1 +", env, unchecked) ==
        "1:4: expected an expression, found end of input\n1 +\n   ^");
}

}  // namespace
}  // namespace hublint::cel
