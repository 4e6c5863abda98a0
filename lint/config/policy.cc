#include "lint/config/policy.h"

#include <algorithm>

#include "lint/util/strings.h"

namespace hublint {

FailPolicy FailPolicyOf(const Config& config) {
  return FailPolicy{config.fail_on.value, config.fail_on_review.value,
                    config.fail_on_new.value};
}

absl::StatusOr<std::optional<Baseline>> LoadConfiguredBaseline(
    const Config& config) {
  if (config.baseline.value.empty()) return std::nullopt;
  absl::StatusOr<Baseline> baseline = LoadBaselineFile(config.baseline.value);
  if (baseline.ok()) return *std::move(baseline);
  if (baseline.status().code() == absl::StatusCode::kInvalidArgument) {
    return baseline.status();
  }
  return absl::InvalidArgumentError(Cat(config.baseline.from.ToString(), ": ",
                                        ToStd(baseline.status().message())));
}

PolicyResult ApplyPolicy(const Config& config, const Baseline* baseline,
                         absl::Time now, std::vector<Finding>* findings) {
  for (Finding& f : *findings) {
    if (f.fingerprint.empty())
      f.fingerprint = Fingerprint(f.rule_id, f.resource);
  }
  if (baseline != nullptr) ApplyBaseline(*baseline, findings);
  PolicyResult result;
  result.waiver_states = ApplyWaivers(config.waivers, now, findings);
  result.notifications =
      WaiverNotifications(config.waivers, result.waiver_states, now);
  std::stable_sort(findings->begin(), findings->end(), FindingLess);
  return result;
}

bool FailsRun(const Finding& finding, const FailPolicy& policy) {
  if (!policy.fail_on.level) return false;
  if (finding.suppressed) return false;
  if (finding.baseline_state == BaselineState::kAbsent) return false;
  if (finding.level < *policy.fail_on.level) return false;
  if (finding.kind == FindingKind::kReview && !policy.fail_on_review) {
    return false;
  }
  if (policy.fail_on_new && finding.baseline_state != BaselineState::kNew) {
    return false;
  }
  return true;
}

ExitCode ExitCodeFor(const std::vector<Finding>& findings,
                     const FailPolicy& policy) {
  bool fails =
      std::any_of(findings.begin(), findings.end(),
                  [&policy](const Finding& f) { return FailsRun(f, policy); });
  return fails ? ExitCode::kFindings : ExitCode::kClean;
}

std::string FormatNotification(const Notification& notification) {
  return Cat("hublint: ", LevelName(notification.level), ": ",
             notification.message);
}

}  // namespace hublint
