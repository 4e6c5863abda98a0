// A plan holds tokens and passwords in clear text: in `before`,
// `prior_state`, `variables`, the provider configuration and outputs. The
// fixtures plant fake ones (every one contains FAKE_SECRET); this test runs
// the real binary on every fixture plan, good and bad, alone and on a
// snapshot, and greps everything it prints, and every snapshot written from
// a plan, for each of them.

#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include "lint/state/snapshot_reader.h"
#include "lint/state/snapshot_writer.h"
#include "lint/tfplan/plan_reader.h"
#include "lint/util/files.h"
#include "lint/util/strings.h"
#include "tests/testing/run_hublint.h"

namespace hublint::testing {
namespace {

constexpr std::string_view kMarker = "FAKE_SECRET";

bool IsSecretChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// Every planted secret in the fixture plans and .tf files: the whole word
// around each FAKE_SECRET marker.
std::set<std::string> PlantedSecrets(std::vector<std::string>* plan_dirs) {
  std::set<std::string> secrets;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator("fixtures/tfplan")) {
    if (!entry.is_regular_file()) continue;
    std::string path = entry.path().generic_string();
    if (entry.path().filename() == "plan.json") {
      plan_dirs->push_back(entry.path().parent_path().generic_string());
    }
    std::string text = ReadFile(path).value_or("");
    for (size_t at = text.find(kMarker); at != std::string::npos;
         at = text.find(kMarker, at + 1)) {
      size_t begin = at, end = at;
      while (begin > 0 && IsSecretChar(text[begin - 1])) --begin;
      while (end < text.size() && IsSecretChar(text[end])) ++end;
      secrets.insert(text.substr(begin, end - begin));
    }
  }
  std::sort(plan_dirs->begin(), plan_dirs->end());
  return secrets;
}

void CheckNoSecret(const std::set<std::string>& secrets, std::string_view what,
                   std::string_view text) {
  for (const std::string& secret : secrets) {
    INFO(std::string(what), ": ", secret);
    CHECK(text.find(secret) == std::string_view::npos);
  }
  // And no piece of one either (a value cut at a column, say).
  INFO(std::string(what));
  CHECK(text.find(kMarker) == std::string_view::npos);
}

TEST_CASE("No output ever holds a secret of a plan") {
  std::vector<std::string> plan_dirs;
  std::set<std::string> secrets = PlantedSecrets(&plan_dirs);
  // The planted secrets: each kind of place in a plan is covered.
  REQUIRE(secrets.size() >= 10);
  REQUIRE(plan_dirs.size() >= 12);
  for (const std::string& dir : plan_dirs) {
    for (bool with_snapshot : {false, true}) {
      std::vector<std::string> args = {"check", "--tfplan", "plan.json"};
      if (with_snapshot) {
        args.insert(args.end(), {"--state", "../acme-snapshot.json"});
      }
      RunResult r = RunHublint(args, dir);
      std::string what = Cat(dir, with_snapshot ? " on the snapshot" : "");
      CheckNoSecret(secrets, Cat(what, ", stdout"), r.out);
      CheckNoSecret(secrets, Cat(what, ", stderr"), r.err);
    }
    // Written out as a snapshot (what a report or `fetch` would keep).
    TfPlanOptions options;
    options.tf_dir = dir;
    std::string warnings;
    options.warn = [&](std::string_view w) { Append(&warnings, w, "\n"); };
    absl::StatusOr<OrgState> state =
        ReadTerraformPlanFile(Cat(dir, "/plan.json"), options);
    CheckNoSecret(secrets, Cat(dir, ", warnings"), warnings);
    if (state.ok()) {
      CheckNoSecret(secrets, Cat(dir, ", snapshot"), WriteSnapshot(*state));
    } else {
      CheckNoSecret(secrets, Cat(dir, ", error"),
                    ToStd(state.status().message()));
    }
  }
}

}  // namespace
}  // namespace hublint::testing
