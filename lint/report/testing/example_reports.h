#ifndef HUBLINT_REPORT_TESTING_EXAMPLE_REPORTS_H_
#define HUBLINT_REPORT_TESTING_EXAMPLE_REPORTS_H_

// Reports for the reporters' golden files, built by hand until the rule
// engine lands: what the four core rules say about the example
// organizations in fixtures/orgs/, with every resource's real file and line
// (read with ReadSnapshotFile()) and plausible rule metadata. When the
// engine is merged, the golden test can take the engine's real reports for
// the same scenarios instead; the scenario names stay.

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "lint/findings/report.h"

namespace hublint::testing {

// DH-MFA-001, DH-CON-001, DH-TOK-001, DH-ROLE-001 with titles, descriptions,
// help, levels, security severities and tags.
std::vector<RuleInfo> CoreRules();

struct ExampleScenario {
  std::string name;     // "mfa-missing": the golden files' base name
  std::string summary;  // one line: what the scenario shows
  Report report;
};

// Every golden scenario, read from `source_dir`/fixtures/orgs/ (the
// repository root): clean (compliant.json), mfa-missing, unknown-incomplete
// (review results, incomplete source, a category), connector-shared,
// token-write, waived (editors-overused.json with a waiver) and baseline
// (editors-overused.json against a baseline: new, unchanged, absent).
absl::StatusOr<std::vector<ExampleScenario>> ExampleScenarios(
    const std::string& source_dir);

// A report whose organization holds every kind of hostile string: quotes,
// backslashes, control characters, newlines, invalid UTF-8, emoji,
// bidirectional overrides, markup (<script>, ]]>, |, `, [x](y)) and
// workflow-command syntax (::error::, %0A), in names, messages, paths,
// gaps and justifications.
Report HostileReport();

// A report of `count` findings over the core rules on members
// user000001..., mixing levels, review results and waived findings, as a
// large organization gives (for the result limit and the benchmark).
Report ManyFindingsReport(size_t count);

}  // namespace hublint::testing

#endif  // HUBLINT_REPORT_TESTING_EXAMPLE_REPORTS_H_
