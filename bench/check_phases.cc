// hublint-check-phases: where the time of `hublint check` goes, phase by
// phase, on one snapshot. The same library calls as the check command, in
// its order, each timed on its own (wall time, milliseconds):
//
//   hublint-check-phases SNAPSHOT.json [RULES_DIR] [--runs N]
//
// RULES_DIR defaults to the built-in packs' folder (rules/). Prints one
// line per phase with the median of N runs (default 5). docs/performance.md
// ("Scale") uses it to explain the scale figures.

#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "lint/report/render.h"
#include "lint/rules/engine.h"
#include "lint/rules/rule_loader.h"
#include "lint/rules/rule_set.h"
#include "lint/state/snapshot_reader.h"
#include "lint/util/strings.h"

namespace {

using Clock = std::chrono::steady_clock;

double Millis(Clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

int Fail(std::string_view what, const absl::Status& status) {
  std::cerr << "hublint-check-phases: " << what << ": "
            << hublint::ToStd(status.message()) << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> positional;
  int runs = 5;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.empty() || positional.size() > 2) {
    std::cerr << "usage: hublint-check-phases SNAPSHOT.json [RULES_DIR] "
                 "[--runs N]\n";
    return 2;
  }
  const std::string& path = positional[0];
  std::string rules_dir =
      positional.size() > 1 ? positional[1] : HUBLINT_SOURCE_DIR "/rules";

  std::vector<std::string> order;
  std::map<std::string, std::vector<double>> times;
  auto timed = [&](const std::string& phase, const std::function<void()>& fn) {
    if (times.find(phase) == times.end()) order.push_back(phase);
    Clock::time_point start = Clock::now();
    fn();
    times[phase].push_back(Millis(Clock::now() - start));
  };

  size_t findings_count = 0;
  for (int run = 0; run < runs; ++run) {
    auto* state = new absl::StatusOr<hublint::OrgState>;
    // As `hublint check --state` reads it: mapped, the members on a second
    // thread, joined.
    timed("read the snapshot (with Finalize)",
          [&] { *state = hublint::ReadSnapshotFile(path); });
    if (!state->ok()) return Fail("reading", state->status());
    timed("Finalize() again (after the config merge)",
          [&] { (void)(*state)->Finalize(); });
    absl::StatusOr<hublint::RuleSet> rules;
    timed("load and compile the rules", [&] {
      absl::StatusOr<std::vector<hublint::Rule>> loaded =
          hublint::LoadRules({rules_dir});
      rules = loaded.ok() ? hublint::RuleSet::Compile(*std::move(loaded))
                          : absl::StatusOr<hublint::RuleSet>(loaded.status());
    });
    if (!rules.ok()) return Fail("rules", rules.status());
    hublint::Report report;
    timed("evaluate the rules", [&] {
      report.findings = hublint::Evaluate(*rules, **state);
    });
    findings_count = report.findings.size();
    for (const hublint::CompiledRule& rule : rules->rules()) {
      report.rules.push_back(rule.rule.info);
    }
    timed("render JSON findings", [&] {
      std::string json = hublint::RenderReport(hublint::Format::kJson, report,
                                               hublint::RenderOptions{});
      if (json.empty()) std::abort();
    });
    timed("render SARIF", [&] {
      std::string sarif = hublint::RenderReport(
          hublint::Format::kSarif, report, hublint::RenderOptions{});
      if (sarif.empty()) std::abort();
    });
    timed("free the state", [&] { delete state; });
  }
  std::cout << path << ": " << findings_count << " findings, median of "
            << runs << " runs\n";
  double total = 0;
  for (const std::string& phase : order) {
    std::vector<double>& t = times[phase];
    std::sort(t.begin(), t.end());
    double median = t[t.size() / 2];
    total += median;
    std::printf("  %-44s %9.1f ms\n", phase.c_str(), median);
  }
  std::printf("  %-44s %9.1f ms\n", "total", total);
  return 0;
}
