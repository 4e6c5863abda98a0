// Compiling the built-in rule pack, and evaluating it on generated
// organizations (docs/performance.md, "Rule evaluation").
//
//   build/bench/hublint_engine_bench --benchmark_repetitions=5
//
// Run from the repository root (it reads rules/).

#include <benchmark/benchmark.h>

#include "bench/org_generator.h"
#include "lint/rules/engine.h"
#include "lint/rules/rule_loader.h"
#include "lint/rules/rule_set.h"

namespace {

std::vector<hublint::Rule> PackRules() {
  absl::StatusOr<std::vector<hublint::Rule>> rules =
      hublint::LoadRules({"rules"});
  if (!rules.ok()) return {};
  return *std::move(rules);
}

void BM_CompilePack(benchmark::State& state) {
  std::vector<hublint::Rule> rules = PackRules();
  if (rules.empty()) state.SkipWithError("run from the repository root");
  for (auto _ : state) {
    absl::StatusOr<hublint::RuleSet> set = hublint::RuleSet::Compile(rules);
    if (!set.ok()) state.SkipWithError("compile failed");
    benchmark::DoNotOptimize(set);
  }
  state.counters["rules"] = static_cast<double>(rules.size());
}
BENCHMARK(BM_CompilePack)->Unit(benchmark::kMicrosecond);

// The whole pack over an organization of N members (N/2 tokens, N/50 teams,
// N/5 repositories), on `threads` worker threads.
void BM_EvaluatePack(benchmark::State& state) {
  absl::StatusOr<hublint::RuleSet> set = hublint::RuleSet::Compile(PackRules());
  if (!set.ok() || set->rules().empty()) {
    state.SkipWithError("run from the repository root");
    return;
  }
  hublint::bench::OrgGeneratorOptions options;
  options.members = state.range(0);
  hublint::OrgState org = hublint::bench::GenerateOrg(options);
  hublint::EvaluationOptions evaluation;
  evaluation.threads = static_cast<int>(state.range(1));
  size_t findings = 0;
  for (auto _ : state) {
    std::vector<hublint::Finding> f = hublint::Evaluate(*set, org, evaluation);
    findings = f.size();
    benchmark::DoNotOptimize(f);
  }
  state.counters["rules"] = static_cast<double>(set->rules().size());
  state.counters["findings"] = static_cast<double>(findings);
  state.counters["resources"] = static_cast<double>(
      org.members.size() + org.access_tokens.size() + org.teams.size() +
      org.repositories.size() + org.invites.size());
}
BENCHMARK(BM_EvaluatePack)
    ->Args({10000, 1})
    ->Args({100000, 1})
    ->Args({100000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
