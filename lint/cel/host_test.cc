// Host binding through the toy host (testing/toy_host.h): field access by
// index, borrowed strings, host lists and maps, and no heap allocation while
// macros iterate host data.

#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <map>
#include <new>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "lint/cel/program.h"
#include "lint/cel/testing/eval.h"
#include "lint/cel/testing/table.h"
#include "lint/cel/testing/toy_host.h"
#include "lint/cel/value_compare.h"

// The replacement operator new below uses malloc, so free is right.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

// Counts heap allocations while g_counting is set, to prove evaluations over
// host data allocate nothing.
namespace {
std::atomic<bool> g_counting{false};
std::atomic<long> g_allocations{0};
}  // namespace

void* operator new(size_t n) {
  if (g_counting.load(std::memory_order_relaxed)) ++g_allocations;
  void* p = std::malloc(n == 0 ? 1 : n);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }

namespace hublint::cel {
namespace {

using testing::Person;
using testing::Team;

struct ToyWorld {
  Env env;
  testing::ToyVariables vars;
  Person boss;
  Person alice;
  testing::Org org;
  std::vector<Person> people;

  ToyWorld() : vars(testing::DeclareToyVariables(&env)) {
    boss.name = "boss";
    boss.role = "owner";
    boss.two_factor = true;
    alice.name = "alice";
    alice.role = "editor";
    alice.age = 34;
    alice.tags = {"oncall", "sre"};
    alice.two_factor = true;
    alice.last_login = absl::FromUnixSeconds(1700000000);
    alice.manager = &boss;
    alice.teams = {Team{"devs", "write", {"alice", "bob"}},
                   Team{"ops", "admin", {"alice"}}};
    org.name = "contoso";
    org.people = {boss, alice};
    org.teams = alice.teams;
  }

  Activation Bound() const {
    Activation a(&env);
    a.Set(vars.person, Value::Struct(testing::PersonType(), &alice));
    a.Set(vars.org, Value::Struct(testing::OrgType(), &org));
    a.Set(vars.people, Value::HostList(testing::PeopleAdapter(), &people));
    a.Set(vars.now, Value::Timestamp(absl::FromUnixSeconds(1700003600)));
    return a;
  }

  std::string Run(std::string_view expr) const {
    return testing::Run(expr, env, Bound());
  }
};

TEST_CASE("fields of host structs") {
  ToyWorld w;
  testing::CheckTable(
      {
          {"person.name", "\"alice\""},
          {"person.age + 1", "35"},
          {"person.tags", "[\"oncall\", \"sre\"]"},
          {"'sre' in person.tags", "true"},
          {"person.two_factor", "true"},
          {"person.last_login", "timestamp(\"2023-11-14T22:13:20Z\")"},
          {"now - person.last_login", "duration(\"3600s\")"},
          {"person.manager.name", "\"boss\""},
          {"person.manager.manager", "null"},
          {"person.manager.manager == null", "true"},
          {"person.manager.last_login == null", "true"},
          {"has(person.last_login)", "true"},
          {"has(person.manager.last_login)", "false"},
          {"has(person.manager.manager)", "false"},
          {"has(person.name)", "true"},
          {"person.manager.manager.name",
           "error(\"cannot select field `name` on a value of type "
           "null_type\")"},
          {"person.teams.map(t, t.name)", "[\"devs\", \"ops\"]"},
          {"person.teams.exists(t, t.permission == 'admin')", "true"},
          {"person.teams[1].members", "[\"alice\"]"},
          {"size(person.teams[0].members)", "2"},
          {"org.people.filter(p, p.role == 'owner').map(p, p.name)",
           "[\"boss\"]"},
          {"type(person)", "toy.Person"},
          {"type(person) == type(person.manager)", "true"},
          {"person == person", "true"},
          {"person.manager == person", "false"},
          {"dyn(person).name", "\"alice\""},
          {"dyn(person).nickname",
           "error(\"no such field `nickname` on person\")"},
          {"has(dyn(person).age)", "true"},
          {"person.name.startsWith('al') && person.age > 30", "true"},
      },
      [&](const char* input) { return w.Run(input); });
}

TEST_CASE("strings are borrowed from the host object, not copied") {
  ToyWorld w;
  absl::StatusOr<Program> p = Compile("person.manager.name", w.env);
  REQUIRE(p.ok());
  Arena arena;
  Value v = p->Evaluate(w.Bound(), &arena);
  REQUIRE(v.kind() == Kind::kString);
  CHECK(v.string_value().data() == w.boss.name.data());
  CHECK(arena.bytes_allocated() == 0);
}

TEST_CASE("100,000-element host lists: filter().size() and all()") {
  ToyWorld w;
  w.people = testing::MakePeople(100000);
  Activation activation = w.Bound();
  struct Case {
    const char* expr;
    const char* result;
  };
  const Case cases[] = {
      {"people.filter(p, p.role == 'editor').size()", "100"},
      {"people.filter(p, p.role == 'editor').size() <= 3", "false"},
      {"people.all(p, p.two_factor == true)", "true"},
      {"people.exists(p, p.name == 'p99999')", "true"},
      {"people.exists_one(p, p.role == 'owner')", "true"},
      {"size(people)", "100000"},
  };
  Arena arena;
  for (const Case& c : cases) {
    std::string expr = c.expr;
    CAPTURE(expr);
    absl::StatusOr<Program> p = Compile(c.expr, w.env);
    REQUIRE(p.ok());
    arena.Reset();
    g_allocations = 0;
    g_counting = true;
    Value v = p->Evaluate(activation, &arena);
    g_counting = false;
    CHECK(v.DebugString() == c.result);
    // Iterating host data allocates neither heap nor arena memory.
    CHECK(g_allocations == 0);
    CHECK(arena.bytes_allocated() == 0);
  }
  // A filter whose list is kept allocates only that list, in the arena.
  absl::StatusOr<Program> p =
      Compile("people.filter(p, p.role == 'editor')", w.env);
  REQUIRE(p.ok());
  arena.Reset();
  g_allocations = 0;
  g_counting = true;
  Value editors = p->Evaluate(activation, &arena);
  g_counting = false;
  CHECK(editors.list_size() == 100);
  CHECK(g_allocations <= 2);  // arena blocks
  CHECK(editors.list_element(1).struct_object() == &w.people[1000]);
}

// A host map over a vector of (key, value) pairs.
class PairsAdapter final : public MapAdapter {
 public:
  using Pairs = std::vector<std::pair<std::string, int64_t>>;
  size_t Size(const void* map) const override { return Get(map).size(); }
  Value KeyAt(const void* map, size_t i) const override {
    return Value::String(Get(map)[i].first);
  }
  Value ValueAt(const void* map, size_t i) const override {
    return Value::Int(Get(map)[i].second);
  }
  bool Find(const void* map, const Value& key, Value* value) const override {
    if (key.kind() != Kind::kString) return false;
    for (const auto& [k, v] : Get(map)) {
      if (k == key.string_value()) {
        *value = Value::Int(v);
        return true;
      }
    }
    return false;
  }

 private:
  static const Pairs& Get(const void* map) {
    return *static_cast<const Pairs*>(map);
  }
};

TEST_CASE("host maps") {
  Env env;
  int quotas =
      *env.DeclareVariable("quotas", Type::Map(Type::String(), Type::Int()));
  PairsAdapter adapter;
  PairsAdapter::Pairs data = {{"cpu", 4}, {"memory", 16}};
  Activation activation(&env);
  activation.Set(quotas, Value::HostMap(&adapter, &data));
  testing::CheckTable(
      {
          {"quotas.cpu", "4"},
          {"quotas['memory']", "16"},
          {"quotas.disk", "error(\"no such key: \\\"disk\\\"\")"},
          {"has(quotas.cpu)", "true"},
          {"'memory' in quotas", "true"},
          {"quotas.all(k, quotas[k] > 0)", "true"},
          {"quotas.map(k, k)", "[\"cpu\", \"memory\"]"},
          {"quotas.transformMap(k, v, v * 2)", "{\"cpu\": 8, \"memory\": 32}"},
          {"size(quotas)", "2"},
          {"quotas == {'memory': 16, 'cpu': 4}", "true"},
      },
      [&](const char* input) { return testing::Run(input, env, activation); });
}

TEST_CASE("variables: binding by name, unbound ones, foreign activations") {
  ToyWorld w;
  Activation activation(&w.env);
  CHECK(
      activation.Bind("person", Value::Struct(testing::PersonType(), &w.alice))
          .ok());
  CHECK(!activation.Bind("nobody", Value::Null()).ok());
  CHECK(testing::Run("person.name", w.env, activation) == "\"alice\"");
  CHECK(testing::Run("org.name", w.env, activation) ==
        "error(\"no value bound for `org`\")");
  activation.Unset(w.vars.person);
  CHECK(testing::Run("person.name", w.env, activation) ==
        "error(\"no value bound for `person`\")");

  Env other;
  Activation foreign(&other);
  absl::StatusOr<Program> p = Compile("1 + 1", w.env);
  REQUIRE(p.ok());
  Arena arena;
  CHECK(p->Evaluate(foreign, &arena).DebugString() ==
        "error(\"the activation was built for another Env than the "
        "program\")");
}

TEST_CASE("one program, evaluated from two threads at once") {
  ToyWorld w;
  w.people = testing::MakePeople(20000, /*unknown_every=*/0);
  absl::StatusOr<Program> p = Compile(
      // The pattern is computed, so every thread goes through the cache.
      "people.filter(p, p.name.matches("
      "person.name.substring(0, 0) + '^p[0-9]*7$')).size()",
      w.env);
  REQUIRE(p.ok());
  std::string results[2];
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      Activation activation = w.Bound();
      Arena arena;
      for (int i = 0; i < 5; ++i) {
        arena.Reset();
        results[t] = p->Evaluate(activation, &arena).DebugString();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  CHECK(results[0] == "2000");
  CHECK(results[1] == "2000");
}

}  // namespace
}  // namespace hublint::cel
