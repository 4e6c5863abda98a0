#include "lint/cel/testing/toy_host.h"

#include "lint/cel/strings.h"

namespace hublint::cel::testing {
namespace {

const ListAdapter* StringsAdapter() {
  static const VectorAdapter<std::string>* const kAdapter =
      new VectorAdapter<std::string>();
  return kAdapter;
}

const ListAdapter* TeamsAdapter() {
  static const VectorAdapter<Team>* const kAdapter =
      new VectorAdapter<Team>(TeamType());
  return kAdapter;
}

StructType* MakePersonType() {
  // Person refers to itself (manager), so the fields come after the type.
  auto* type = new StructType("toy.Person", "person");
  type->AddField(MemberField<&Person::name>("name", Type::String()));
  type->AddField(MemberField<&Person::role>("role", Type::String()));
  type->AddField(MemberField<&Person::age>("age", Type::Int()));
  type->AddField(MemberField<&Person::tags>("tags", Type::List(Type::String()),
                                            {.context = StringsAdapter()}));
  type->AddField(MemberField<&Person::two_factor>("two_factor", Type::Bool(),
                                                  {.unknowable = true}));
  type->AddField(MemberField<&Person::last_login>(
      "last_login", Type::Timestamp(), {.nullable = true}));
  type->AddField(MemberField<&Person::manager>(
      "manager", Type::Struct(type), {.nullable = true, .context = type}));
  type->AddField(
      MemberField<&Person::teams>("teams", Type::List(Type::Struct(TeamType())),
                                  {.context = TeamsAdapter()}));
  return type;
}

}  // namespace

const StructType* TeamType() {
  static const StructType* const kType = new StructType(
      "toy.Team", "team",
      {
          MemberField<&Team::name>("name", Type::String()),
          MemberField<&Team::permission>("permission", Type::String()),
          MemberField<&Team::members>("members", Type::List(Type::String()),
                                      {.context = StringsAdapter()}),
      });
  return kType;
}

const StructType* PersonType() {
  static const StructType* const kType = MakePersonType();
  return kType;
}

const ListAdapter* PeopleAdapter() {
  static const VectorAdapter<Person>* const kAdapter =
      new VectorAdapter<Person>(PersonType());
  return kAdapter;
}

const StructType* OrgType() {
  static const StructType* const kType = new StructType(
      "toy.Org", "org",
      {
          MemberField<&Org::name>("name", Type::String()),
          MemberField<&Org::people>("people",
                                    Type::List(Type::Struct(PersonType())),
                                    {.context = PeopleAdapter()}),
          MemberField<&Org::teams>("teams",
                                   Type::List(Type::Struct(TeamType())),
                                   {.context = TeamsAdapter()}),
      });
  return kType;
}

ToyVariables DeclareToyVariables(Env* env) {
  ToyVariables v;
  v.person = *env->DeclareVariable("person", Type::Struct(PersonType()));
  v.org = *env->DeclareVariable("org", Type::Struct(OrgType()));
  v.people =
      *env->DeclareVariable("people", Type::List(Type::Struct(PersonType())));
  v.now = *env->DeclareVariable("now", Type::Timestamp());
  return v;
}

std::vector<Person> MakePeople(size_t n, size_t unknown_every) {
  std::vector<Person> people(n);
  for (size_t i = 0; i < n; ++i) {
    Person& p = people[i];
    p.name = Cat("p", i);
    p.role = i == 1 ? "owner" : (i % 1000 == 0 ? "editor" : "member");
    p.age = static_cast<int64_t>(20 + i % 50);
    p.tags = {"staff"};
    if (unknown_every == 0 || i % unknown_every != 1) p.two_factor = true;
    p.teams = {Team{"devs", "write", {}}};
  }
  return people;
}

}  // namespace hublint::cel::testing
