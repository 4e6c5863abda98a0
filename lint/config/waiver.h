#ifndef HUBLINT_CONFIG_WAIVER_H_
#define HUBLINT_CONFIG_WAIVER_H_

// Waivers: a team's recorded decision that a finding is accepted, for a
// reason and usually for a while. Written in .hublint.toml:
//
//   [[waiver]]
//   rule = "DH-ROLE-001"               # an id, or a glob: "DH-TOK-*"
//   resource = "member:carol"          # kind:key, or a glob: "member:svc-*"
//   justification = "release engineer until the 2027 reorg"   # required
//   expires = 2027-03-31               # optional: a date (or "2027-03-31")
//   owner = "platform-team"            # optional
//
// A waived finding stays in every report, marked suppressed with the
// justification, and does not fail the run. A waiver has one of three
// states, computed against the run's clock:
//
//   active   not expired, and it covers at least one finding;
//   expired  the run's date (UTC) is on or after `expires`: the waiver no
//            longer suppresses anything, and is reported (warning);
//   unused   not expired, and it covers no finding: reported (warning) so
//            stale waivers get cleaned up.
//
// `expires` names the first day on which the waiver no longer applies:
// `expires = 2027-03-31` suppresses through 2027-03-30 (UTC) and stops at
// 2027-03-31T00:00:00Z. An active waiver that expires within
// kWaiverExpiryNoticeDays is reported as a note, so its owner has time to
// act.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "lint/config/provenance.h"
#include "lint/findings/finding.h"
#include "lint/findings/run_info.h"

namespace hublint {

inline constexpr int kWaiverExpiryNoticeDays = 14;

struct Waiver {
  std::string rule;           // a rule id, or a glob over rule ids
  std::string resource;       // "member:carol", or a glob: "member:svc-*"
  std::string justification;  // never empty
  // The first day (UTC) on which the waiver no longer applies; nullopt
  // means it never expires.
  std::optional<absl::CivilDay> expires;
  std::string owner;   // who answers for it; may be empty
  Provenance at;       // the [[waiver]] table in the config file
  Provenance rule_at;  // its `rule` value
};

enum class WaiverState : uint8_t { kActive, kExpired, kUnused };

// "active", "expired", "unused".
std::string_view WaiverStateName(WaiverState state);

// Whether `waiver` names this rule and resource (ignoring its expiry).
bool WaiverCovers(const Waiver& waiver, std::string_view rule_id,
                  std::string_view resource);

// Whether `waiver` has expired at `now`.
bool WaiverExpired(const Waiver& waiver, absl::Time now);

// Applies `waivers` to `findings`: each finding that is not absent (see
// baseline.h) and is covered by a waiver that has not expired becomes
// suppressed, with the justification of the first such waiver in file
// order. Every unexpired waiver that covers a finding counts as used.
// Returns each waiver's state, in the order of `waivers`.
std::vector<WaiverState> ApplyWaivers(const std::vector<Waiver>& waivers,
                                      absl::Time now,
                                      std::vector<Finding>* findings);

// What the run says about its waivers: a warning for each expired and each
// unused waiver, a note for each active waiver that expires within
// kWaiverExpiryNoticeDays. Messages start with the waiver's file:line:col.
std::vector<Notification> WaiverNotifications(
    const std::vector<Waiver>& waivers, const std::vector<WaiverState>& states,
    absl::Time now);

// Checks each waiver's `rule` against the ids of the loaded rules: an id
// that names no rule, or a glob that matches none, is a configuration
// error (kInvalidArgument) with a suggestion, at the waiver's line.
// `file` is the config file's text, for the diagnostic.
absl::Status CheckWaiverRules(const std::vector<Waiver>& waivers,
                              const std::vector<std::string>& rule_ids,
                              const std::shared_ptr<const SourceText>& file);

}  // namespace hublint

#endif  // HUBLINT_CONFIG_WAIVER_H_
