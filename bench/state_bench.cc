// Reading and writing snapshots of generated organizations.
//   build/bench/hublint_state_bench --benchmark_repetitions=5

#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <optional>

#include "bench/org_generator.h"
#include "lint/state/snapshot_reader.h"
#include "lint/state/snapshot_writer.h"

namespace {

const std::string& Snapshot(int64_t members) {
  static std::map<int64_t, std::string>* cache =
      new std::map<int64_t, std::string>;
  std::string& text = (*cache)[members];
  if (text.empty()) {
    hublint::bench::OrgGeneratorOptions options;
    options.members = members;
    text = hublint::WriteSnapshot(hublint::bench::GenerateOrg(options));
  }
  return text;
}

void BM_ReadSnapshot(benchmark::State& state) {
  const std::string& text = Snapshot(state.range(0));
  for (auto _ : state) {
    absl::StatusOr<hublint::OrgState> s = hublint::ReadSnapshot(text, "bench");
    if (!s.ok()) state.SkipWithError("read failed");
    benchmark::DoNotOptimize(s);
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ReadSnapshot)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);

// The floor: simdjson's DOM parse of the same bytes, doing nothing with them.
void BM_BareSimdjsonParse(benchmark::State& state) {
  simdjson::padded_string padded(Snapshot(state.range(0)));
  simdjson::dom::parser parser;
  for (auto _ : state) {
    simdjson::dom::element root;
    if (parser.parse(padded).get(root)) state.SkipWithError("parse failed");
    benchmark::DoNotOptimize(root);
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * padded.size()));
}
BENCHMARK(BM_BareSimdjsonParse)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);

// Joins and indexes: OrgState::Finalize() alone, the first time on a state
// (as after reading, its joins' memory not yet allocated; arg 1 = 1) or
// again (as after a config merge; arg 1 = 0).
void BM_Finalize(benchmark::State& state) {
  hublint::bench::OrgGeneratorOptions options;
  options.members = state.range(0);
  bool first_time = state.range(1) == 1;
  hublint::OrgState org = hublint::bench::GenerateOrg(options);
  for (auto _ : state) {
    std::optional<hublint::OrgState> copy;
    if (first_time) {
      state.PauseTiming();
      copy.emplace(org);  // a copy's joins are empty
      state.ResumeTiming();
    }
    hublint::OrgState& target = first_time ? *copy : org;
    std::vector<hublint::StateProblem> problems = target.Finalize();
    if (!problems.empty()) state.SkipWithError("problems");
    if (first_time) {
      state.PauseTiming();
      copy.reset();
      state.ResumeTiming();
    }
  }
}
BENCHMARK(BM_Finalize)
    ->Args({100000, 1})
    ->Args({100000, 0})
    ->Unit(benchmark::kMillisecond);

void BM_WriteSnapshot(benchmark::State& state) {
  hublint::bench::OrgGeneratorOptions options;
  options.members = state.range(0);
  hublint::OrgState org = hublint::bench::GenerateOrg(options);
  for (auto _ : state) {
    std::string text = hublint::WriteSnapshot(org);
    benchmark::DoNotOptimize(text);
  }
}
BENCHMARK(BM_WriteSnapshot)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
