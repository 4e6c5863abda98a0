// Benchmarks of compiled CEL programs over the toy host (testing/toy_host.h):
// aggregate rules over a 100,000-element host list, a per-resource rule
// evaluated once per element, and compilation itself.
//
//   cmake --build build --target hublint_cel_bench
//   ./build/lint/cel/hublint_cel_bench

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "lint/cel/program.h"
#include "lint/cel/testing/toy_host.h"

namespace hublint::cel {
namespace {

constexpr size_t kPeople = 100000;

struct Fixture {
  Env env;
  testing::ToyVariables vars;
  std::vector<testing::Person> people;
  Fixture() : vars(testing::DeclareToyVariables(&env)) {
    people = testing::MakePeople(kPeople);
  }
};

Fixture& Shared() {
  static Fixture* const fixture = new Fixture();
  return *fixture;
}

// Evaluates `expr` with `people` bound to the 100,000-element host list.
void RunAggregate(benchmark::State& state, const char* expr) {
  Fixture& f = Shared();
  absl::StatusOr<Program> program = Compile(expr, f.env);
  if (!program.ok()) {
    state.SkipWithError("compile failed");
    return;
  }
  Activation activation(&f.env);
  activation.Set(f.vars.people,
                 Value::HostList(testing::PeopleAdapter(), &f.people));
  Arena arena;
  for (auto _ : state) {
    arena.Reset();
    Value v = program->Evaluate(activation, &arena);
    benchmark::DoNotOptimize(v);
  }
  state.SetItemsProcessed(state.iterations() * kPeople);
}

void BM_FilterSizeEditors(benchmark::State& state) {
  RunAggregate(state, "people.filter(p, p.role == 'editor').size() <= 3");
}
BENCHMARK(BM_FilterSizeEditors)->Unit(benchmark::kMillisecond);

void BM_AllTwoFactor(benchmark::State& state) {
  RunAggregate(state, "people.all(p, p.two_factor == true)");
}
BENCHMARK(BM_AllTwoFactor)->Unit(benchmark::kMillisecond);

void BM_ExistsNested(benchmark::State& state) {
  RunAggregate(state,
               "people.exists(p, p.teams.exists(t, t.permission == 'admin'))");
}
BENCHMARK(BM_ExistsNested)->Unit(benchmark::kMillisecond);

void BM_MapFilterList(benchmark::State& state) {
  RunAggregate(state, "people.filter(p, p.age > 60).map(p, p.name).size()");
}
BENCHMARK(BM_MapFilterList)->Unit(benchmark::kMillisecond);

// A per-resource rule: one evaluation per person, as the linter runs
// `resource = "member"` rules.
void BM_PerResourceRule(benchmark::State& state) {
  Fixture& f = Shared();
  absl::StatusOr<Program> program = Compile(
      "person.role != 'owner' || (person.two_factor == true && "
      "person.name.matches('^p[0-9]+$'))",
      f.env);
  if (!program.ok()) {
    state.SkipWithError("compile failed");
    return;
  }
  Activation activation(&f.env);
  Arena arena;
  for (auto _ : state) {
    for (const testing::Person& p : f.people) {
      activation.Set(f.vars.person, Value::Struct(testing::PersonType(), &p));
      Value v = program->Evaluate(activation, &arena);
      benchmark::DoNotOptimize(v);
    }
    arena.Reset();
  }
  state.SetItemsProcessed(state.iterations() * kPeople);
}
BENCHMARK(BM_PerResourceRule)->Unit(benchmark::kMillisecond);

void BM_Compile(benchmark::State& state) {
  Fixture& f = Shared();
  for (auto _ : state) {
    absl::StatusOr<Program> program = Compile(
        "people.filter(p, p.role == 'editor' && "
        "!(p.name in ['alice', 'bob'])).size() <= 3",
        f.env);
    benchmark::DoNotOptimize(program);
  }
}
BENCHMARK(BM_Compile)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace hublint::cel

BENCHMARK_MAIN();
