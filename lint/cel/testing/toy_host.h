#ifndef HUBLINT_CEL_TESTING_TOY_HOST_H_
#define HUBLINT_CEL_TESTING_TOY_HOST_H_

// A toy host for tests and benchmarks: people in teams, bound to CEL the
// way the linter binds its organization state (host.h). Test-only.
//
//   person.name, person.role, person.age, person.tags
//   person.two_factor    unknowable bool (std::optional: empty = unknown)
//   person.last_login    nullable timestamp (empty = never logged in)
//   person.manager       nullable Person
//   person.teams         list(Team)
//   team.name, team.permission, team.members
//   org.name, org.people, org.teams

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "lint/cel/env.h"
#include "lint/cel/host.h"

namespace hublint::cel::testing {

struct Team {
  std::string name;
  std::string permission;  // "read", "write", "admin"
  std::vector<std::string> members;
};

struct Person {
  std::string name;
  std::string role;  // "owner", "editor", "member"
  int64_t age = 0;
  std::vector<std::string> tags;
  std::optional<bool> two_factor;        // unknown when empty
  std::optional<absl::Time> last_login;  // null when empty
  const Person* manager = nullptr;
  std::vector<Team> teams;
};

struct Org {
  std::string name;
  std::vector<Person> people;
  std::vector<Team> teams;
};

const StructType* TeamType();
const StructType* PersonType();
const StructType* OrgType();
// The ListAdapter for std::vector<Person>.
const ListAdapter* PeopleAdapter();

// Variables of the toy environment, by index.
struct ToyVariables {
  int person;  // Person
  int org;     // Org
  int people;  // list(Person)
  int now;     // timestamp
};

// Declares person, org, people and now in `env`.
ToyVariables DeclareToyVariables(Env* env);

// `n` people: person i is "p<i>", an editor when i % 1000 == 0, an owner
// when i == 1, a member otherwise; 2FA on, except unknown when
// i % unknown_every == 1 (never when unknown_every is 0); in team "devs".
std::vector<Person> MakePeople(size_t n, size_t unknown_every = 0);

}  // namespace hublint::cel::testing

#endif  // HUBLINT_CEL_TESTING_TOY_HOST_H_
