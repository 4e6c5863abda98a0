#ifndef HUBLINT_CONFIG_POLICY_H_
#define HUBLINT_CONFIG_POLICY_H_

// The policy stage: between the rule engine's findings and the reporters.
// It fills each finding's fingerprint, marks findings against the baseline
// (new / unchanged, plus the absent ones), applies the waivers, sorts the
// findings into report order, and says what the run should tell its
// readers (expired, expiring and unused waivers). Then ExitCodeFor()
// decides the exit code from the fail policy:
//
//   a finding fails the run when it is not waived, not absent, at or above
//   --fail-on (never: nothing fails), of kind fail or (with
//   --fail-on-review) review, and (with --fail-on-new) new.
//
// Exit 1 when at least one finding fails the run, else 0 (DESIGN.md, "Exit
// codes"); 2 and 3 are decided by earlier stages.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "lint/config/baseline.h"
#include "lint/config/config.h"
#include "lint/config/waiver.h"
#include "lint/findings/finding.h"
#include "lint/findings/run_info.h"
#include "lint/util/exit_code.h"

namespace hublint {

struct FailPolicy {
  FailOn fail_on{Level::kError};  // --fail-on; level nullopt: never
  bool fail_on_review = false;    // review results count too
  bool fail_on_new = false;       // only new findings count
};

// The fail policy the configuration says.
FailPolicy FailPolicyOf(const Config& config);

struct PolicyResult {
  // For RunInfo::notifications and stderr, in waiver order.
  std::vector<Notification> notifications;
  // Each waiver's state, in the order of config.waivers.
  std::vector<WaiverState> waiver_states;
};

// The baseline the configuration names (`baseline`, HUBLINT_BASELINE,
// --baseline), read; nullopt when none is named. Every error is
// kInvalidArgument (exit 2), prefixed with where the path came from when it
// is not about the file's content ("flag --baseline: cannot open ...").
absl::StatusOr<std::optional<Baseline>> LoadConfiguredBaseline(
    const Config& config);

// Applies `baseline` (when not null) and config.waivers, evaluated at
// `now` (the run's clock, not the state's collection time: a waiver
// expires by the calendar), to `findings`, and sorts them with
// FindingLess.
PolicyResult ApplyPolicy(const Config& config, const Baseline* baseline,
                         absl::Time now, std::vector<Finding>* findings);

// Whether `finding` fails the run under `policy`.
bool FailsRun(const Finding& finding, const FailPolicy& policy);

// kFindings when any finding fails the run, else kClean.
ExitCode ExitCodeFor(const std::vector<Finding>& findings,
                     const FailPolicy& policy);

// "hublint: warning: <message>", for stderr.
std::string FormatNotification(const Notification& notification);

}  // namespace hublint

#endif  // HUBLINT_CONFIG_POLICY_H_
