// Unknowable facts: how an unknown propagates, and the attribute trail the
// caller reads from an unknown result.

#include "lint/cel/unknown.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "lint/cel/conformance_encoding.h"
#include "lint/cel/program.h"
#include "lint/cel/testing/eval.h"
#include "lint/cel/testing/table.h"
#include "lint/cel/testing/toy_host.h"

namespace hublint::cel {
namespace {

using testing::Person;

struct World {
  Env env;
  testing::ToyVariables vars;
  Person boss;
  Person carol;  // her 2FA status is unknown, and her manager's too
  std::vector<Person> people;

  World() : vars(testing::DeclareToyVariables(&env)) {
    boss.name = "boss";
    carol.name = "carol";
    carol.age = 40;
    carol.manager = &boss;
    people = testing::MakePeople(3);
    people[1].two_factor.reset();
  }

  Activation Bound() const {
    Activation a(&env);
    a.Set(vars.person, Value::Struct(testing::PersonType(), &carol));
    a.Set(vars.people, Value::HostList(testing::PeopleAdapter(), &people));
    return a;
  }
};

TEST_CASE("unknowns propagate as the CEL specification says") {
  World w;
  Activation activation = w.Bound();
  testing::CheckTable(
      {
          {"person.two_factor", "unknown(person.two_factor)"},
          {"person.two_factor == true", "unknown(person.two_factor)"},
          {"!person.two_factor", "unknown(person.two_factor)"},
          {"person.two_factor && true", "unknown(person.two_factor)"},
          {"person.two_factor || false", "unknown(person.two_factor)"},
          // A decisive operand wins, on either side.
          {"person.two_factor && false", "false"},
          {"false && person.two_factor", "false"},
          {"person.two_factor || true", "true"},
          {"true || person.two_factor", "true"},
          // Unknown wins over error.
          {"person.two_factor && 1/0 == 1", "unknown(person.two_factor)"},
          {"1/0 == 1 || person.two_factor", "unknown(person.two_factor)"},
          {"person.two_factor == (1/0 == 1)", "unknown(person.two_factor)"},
          // Every operand's attributes are kept, once each.
          {"person.two_factor || person.manager.two_factor",
           "unknown(person.two_factor, person.manager.two_factor)"},
          {"person.two_factor || person.two_factor",
           "unknown(person.two_factor)"},
          {"person.two_factor ? 1 : 2", "unknown(person.two_factor)"},
          {"[person.two_factor, true]", "unknown(person.two_factor)"},
          {"{'mfa': person.two_factor}", "unknown(person.two_factor)"},
          {"string(person.two_factor)", "unknown(person.two_factor)"},
          {"person.age > 30 && person.two_factor",
           "unknown(person.two_factor)"},
          {"person.age > 50 && person.two_factor", "false"},
          // has() tests whether the fact is known.
          {"has(person.two_factor)", "false"},
          {"!has(person.two_factor) || person.two_factor", "true"},
          // Macros.
          {"people.all(p, p.two_factor)", "unknown(p.two_factor)"},
          {"people.all(p, p.two_factor && p.name != 'p2')", "false"},
          {"people.exists(p, p.two_factor)", "true"},
          {"people.exists(p, !p.two_factor)", "unknown(p.two_factor)"},
          {"people.filter(p, p.two_factor).size()", "unknown(p.two_factor)"},
          {"people.filter(p, has(p.two_factor)).size()", "2"},
          {"people.map(p, p.two_factor)", "unknown(p.two_factor)"},
          {"people.exists_one(p, p.two_factor)", "unknown(p.two_factor)"},
      },
      [&](const char* input) {
        return testing::Run(input, w.env, activation);
      });
}

TEST_CASE("the trail names the field as written and the host object") {
  World w;
  w.people[2].two_factor.reset();
  Activation activation = w.Bound();
  absl::StatusOr<Program> p = Compile(
      "people.all(m, m.two_factor == true) && person.manager.two_factor",
      w.env);
  REQUIRE(p.ok());
  Arena arena;
  Value v = p->Evaluate(activation, &arena);
  REQUIRE(v.is_unknown());
  std::vector<UnknownAttribute> attrs = v.unknown_set()->Attributes();
  REQUIRE(attrs.size() == 3);
  const int two_factor = testing::PersonType()->FindField("two_factor");
  CHECK(attrs[0].path == "m.two_factor");
  CHECK(attrs[0].object == &w.people[1]);
  CHECK(attrs[0].type == testing::PersonType());
  CHECK(attrs[0].field == two_factor);
  CHECK(attrs[1].path == "m.two_factor");
  CHECK(attrs[1].object == &w.people[2]);
  CHECK(attrs[2].path == "person.manager.two_factor");
  CHECK(attrs[2].object == &w.boss);
  CHECK(
      EvalResultToJson(v) ==
      R"({"unknown":["m.two_factor","m.two_factor","person.manager.two_factor"]})");
}

TEST_CASE("merging the unknowns of a large list stays linear") {
  World w;
  w.people = testing::MakePeople(100000, /*unknown_every=*/2);
  Activation activation = w.Bound();
  absl::StatusOr<Program> p = Compile("people.all(p, p.two_factor)", w.env);
  REQUIRE(p.ok());
  Arena arena;
  Value v = p->Evaluate(activation, &arena);
  REQUIRE(v.is_unknown());
  CHECK(v.unknown_set()->Attributes().size() == 50000);
}

TEST_CASE("an unknowable field compared with null is a compile error") {
  World w;
  CHECK(testing::CompileErrors("person.two_factor != null", w.env) ==
        "1:8: `person.two_factor` is never null: when the source does not "
        "know it, it is unknown; use `!has(person.two_factor)` to test "
        "whether it is known\n"
        "person.two_factor != null\n"
        "       ^");
  // A nullable field may be compared with null.
  CHECK(testing::CompileErrors("person.last_login == null", w.env) == "");
}

}  // namespace
}  // namespace hublint::cel
