// SARIF writing at GitHub's limit: 25,000 findings in one run, and the same
// report over the limit (25,001: selection of the most severe), and the JSON
// report for comparison. See docs/performance.md, "SARIF writing".

#include <benchmark/benchmark.h>

#include "lint/report/findings_json_report.h"
#include "lint/report/sarif_writer.h"
#include "lint/report/testing/example_reports.h"

namespace hublint {
namespace {

void BM_Sarif(benchmark::State& state) {
  Report report =
      testing::ManyFindingsReport(static_cast<size_t>(state.range(0)));
  size_t bytes = 0;
  for (auto _ : state) {
    std::string sarif = RenderSarif(report, {});
    bytes = sarif.size();
    benchmark::DoNotOptimize(sarif.data());
  }
  state.counters["findings"] = static_cast<double>(state.range(0));
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_Sarif)->Arg(1000)->Arg(25000)->Arg(25001)->Unit(
    benchmark::kMillisecond);

void BM_FindingsJson(benchmark::State& state) {
  Report report =
      testing::ManyFindingsReport(static_cast<size_t>(state.range(0)));
  size_t bytes = 0;
  for (auto _ : state) {
    std::string json = RenderFindingsJson(report, {});
    bytes = json.size();
    benchmark::DoNotOptimize(json.data());
  }
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_FindingsJson)->Arg(25000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace hublint

BENCHMARK_MAIN();
