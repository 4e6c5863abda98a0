// Every SARIF the reporters produce passes ../shared/reference/sarif/
// validate-sarif.mjs (the OASIS schema, upload-sarif's client checks,
// GitHub's documented server-side limits, the VS Code viewer's loader) with
// no error, and with no warning except GitHub's "only the top 5,000 are
// shown" for the run at the 25,000-result limit.

#include <filesystem>
#include <string>
#include <vector>

#include "doctest/doctest.h"
#include "lint/report/sarif_writer.h"
#include "lint/report/testing/example_reports.h"
#include "lint/util/files.h"
#include "lint/util/strings.h"
#include "tests/report/node_tools.h"
#include "tests/testing/run_hublint.h"

namespace hublint {
namespace {

using testing::RunInNodeDir;
using testing::ShellQuote;

std::string Validator() {
  return ShellQuote(
      Cat(HUBLINT_SHARED_DIR, "/reference/sarif/validate-sarif.mjs"));
}

void RequireValidatorPackages() {
  for (std::string_view package :
       {"ajv", "ajv-draft-04", "ajv-formats", "jsonschema"}) {
    std::string missing = testing::MissingNodePackage(package);
    REQUIRE_MESSAGE(missing.empty(), missing);
  }
}

// The validator's verdict line for `file`: "FILE: OK (0 error(s), ...)".
std::string VerdictLine(const std::string& output, const std::string& file) {
  std::string prefix = Cat(file, ": ");
  size_t pos = 0;
  std::string last;
  while ((pos = output.find(prefix, pos)) != std::string::npos) {
    size_t end = output.find('\n', pos);
    std::string line = output.substr(pos, end - pos);
    if (line.find(": OK (") != std::string::npos ||
        line.find(": INVALID (") != std::string::npos) {
      last = line;
    }
    pos = end;
  }
  return last;
}

// Runs the validator on `paths`: no error in any, and no warning except in
// the run at the limit (over-the-limit.sarif).
void CheckValidatorVerdicts(const std::vector<std::string>& paths) {
  std::string files;
  for (const std::string& path : paths) Append(&files, " ", ShellQuote(path));
  testing::CommandResult r =
      RunInNodeDir(Cat(testing::Node(), " ", Validator(), files));
  // The errors and warnings, without the notes (one per result).
  std::string problems;
  for (size_t pos = 0; pos < r.output.size();) {
    size_t end = r.output.find('\n', pos);
    if (end == std::string::npos) end = r.output.size();
    std::string_view line(r.output.data() + pos, end - pos);
    if (line.find(": NOTE [") == std::string_view::npos) {
      Append(&problems, line, "\n");
    }
    pos = end + 1;
  }
  CAPTURE(problems);
  CHECK(r.exit_code == 0);
  for (const std::string& path : paths) {
    CAPTURE(path);
    std::string verdict = VerdictLine(r.output, path);
    bool at_limit = path.ends_with("/over-the-limit.sarif");
    CHECK(verdict.starts_with(
        Cat(path, ": OK (0 error(s), ", at_limit ? "1" : "0", " warning(s)")));
  }
}

TEST_CASE("the validator rejects a SARIF log GitHub would reject") {
  RequireValidatorPackages();
  std::string dir = testing::TestOutputDir("sarif-validator-negative");
  std::string path = Cat(dir, "/no-results.sarif");
  // A clean run without `results`: schema-valid, refused by upload-sarif.
  REQUIRE(WriteFileAtomically(
              path,
              R"({"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
                  "version": "2.1.0",
                  "runs": [{"tool": {"driver": {"name": "hublint"}}}]})")
              .ok());
  testing::CommandResult r = RunInNodeDir(
      Cat(testing::Node(), " ", Validator(), " ", ShellQuote(path)));
  CAPTURE(r.output);
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("missing 'results' array") != std::string::npos);
}

TEST_CASE("every SARIF the reporters write passes validate-sarif.mjs") {
  RequireValidatorPackages();
  absl::StatusOr<std::vector<testing::ExampleScenario>> scenarios =
      testing::ExampleScenarios(HUBLINT_SOURCE_DIR);
  REQUIRE_MESSAGE(scenarios.ok(), scenarios.status().ToString());
  std::vector<std::pair<std::string, Report>> logs;
  for (const testing::ExampleScenario& s : *scenarios) {
    logs.emplace_back(s.name, s.report);
  }
  logs.emplace_back("hostile-strings", testing::HostileReport());
  logs.emplace_back("over-the-limit", testing::ManyFindingsReport(25001));

  std::string dir = testing::TestOutputDir("sarif-validator");
  std::vector<std::string> paths;
  for (const auto& [name, report] : logs) {
    RenderStats stats;
    std::string sarif = RenderSarif(report, {}, &stats);
    if (name == "over-the-limit") {
      CHECK(stats.results_total == 25001);
      CHECK(stats.results_dropped == 1);
    } else {
      CHECK(stats.results_dropped == 0);
    }
    std::string path = Cat(dir, "/", name, ".sarif");
    REQUIRE(WriteFileAtomically(path, sarif).ok());
    paths.push_back(path);
  }

  CheckValidatorVerdicts(paths);
}

// What `hublint check` itself writes, run as users run it: every example
// organization, one with waivers (suppressions) and one against a baseline
// (baselineState).
TEST_CASE("hublint check's SARIF for every example organization is valid") {
  RequireValidatorPackages();
  std::string dir = testing::TestOutputDir("sarif-validator-check");
  std::vector<std::string> paths;
  auto check = [&](const std::string& name, std::vector<std::string> args) {
    std::string path = Cat(dir, "/", name, ".sarif");
    args.insert(args.begin(), {"check", "--allow-partial"});
    for (std::string extra : {"--format", "sarif", "--output"}) {
      args.push_back(extra);
    }
    args.push_back(path);
    testing::RunResult r = testing::RunHublint(args);
    CAPTURE(name);
    CAPTURE(r.err);
    CHECK((r.exit_code == 0 || r.exit_code == 1));
    paths.push_back(path);
    absl::StatusOr<std::string> text = ReadFile(path);
    REQUIRE(text.ok());
    return *text;
  };
  size_t organizations = 0;
  for (const auto& entry : std::filesystem::directory_iterator(
           Cat(HUBLINT_SOURCE_DIR, "/fixtures/orgs"))) {
    if (entry.path().extension() != ".json") continue;
    std::string sarif =
        check(entry.path().stem().string(),
              {"--state", Cat("fixtures/orgs/", entry.path().filename().string())});
    if (entry.path().stem() == "compliant") {
      CHECK(sarif.find("\"results\": []") != std::string::npos);
    }
    ++organizations;
  }
  CHECK(organizations >= 9);
  std::string waived =
      check("waived", {"--state", "fixtures/orgs/editors-overused.json",
                       "--config", "fixtures/config/contoso.hublint.toml"});
  CHECK(waived.find("\"suppressions\"") != std::string::npos);
  std::string baselined =
      check("baselined", {"--state", "fixtures/orgs/mfa-missing.json",
                          "--baseline", Cat(dir, "/compliant.sarif")});
  CHECK(baselined.find("\"baselineState\": \"new\"") != std::string::npos);
  CheckValidatorVerdicts(paths);
}

}  // namespace
}  // namespace hublint
