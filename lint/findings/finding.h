#ifndef HUBLINT_FINDINGS_FINDING_H_
#define HUBLINT_FINDINGS_FINDING_H_

// Finding: one rule's verdict on one resource. The rule engine makes them,
// the policy stage (waivers, baseline) annotates them, and every reporter
// renders the same list, so this header is the contract between the three.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hublint {

// A rule's severity, as SARIF's `level`. Ordered: kError is the most severe.
enum class Level : uint8_t { kNote = 0, kWarning = 1, kError = 2 };

// "error", "warning", "note".
std::string_view LevelName(Level level);
std::optional<Level> ParseLevel(std::string_view name);

// Whether the rule's check failed on the resource, or could not be decided
// (a fact it needs is unknown, a part of the state is missing, or the check
// raised an error): SARIF's `kind` "fail" or "review".
enum class FindingKind : uint8_t { kFail, kReview };

// "fail" or "review".
std::string_view FindingKindName(FindingKind kind);

// A finding's standing against a baseline run (SARIF `baselineState`).
enum class BaselineState : uint8_t {
  kNone,       // no baseline was given
  kNew,        // not in the baseline
  kUnchanged,  // in the baseline too
  kAbsent,     // in the baseline, gone now (kept so reports can say so)
};

// "", "new", "unchanged", "absent".
std::string_view BaselineStateName(BaselineState state);

// Where a finding points: a file of the repository (forward slashes,
// relative to the repository root, e.g. "fixtures/orgs/contoso.json" or
// "terraform/members.tf") and a 1-based line and column. line == 0 when the
// resource has no position; reporters then point at line 1.
struct FindingLocation {
  std::string uri;
  uint32_t line = 0;
  uint32_t column = 0;
  bool operator==(const FindingLocation&) const = default;
};

struct Finding {
  std::string rule_id;  // "DH-MFA-001"
  Level level = Level::kError;
  FindingKind kind = FindingKind::kFail;

  // The resource as `kind:key` ("member:alice", "token:<id>", "org:contoso"),
  // and its parts.
  std::string resource;
  std::string resource_kind;  // "member"
  std::string resource_key;   // "alice"
  // The fully qualified logical name for SARIF logicalLocations:
  // "contoso/members/alice", "contoso/tokens/<id>", "contoso".
  std::string logical_name;

  // One line, from the rule's message template. Never holds a secret.
  std::string message;
  FindingLocation location;

  // Set by the policy stage.
  bool suppressed = false;    // an active waiver covers it
  std::string justification;  // the waiver's justification
  BaselineState baseline_state = BaselineState::kNone;

  // A stable key of rule and resource (not line), so alerts survive line
  // moves: Fingerprint(rule_id, resource).
  std::string fingerprint;
};

// The stable fingerprint of a rule and a resource: the 64-bit FNV-1a hash
// of "rule_id\nresource" as 16 hex digits. Stable across versions, because
// baselines and code-scanning alerts are matched by it.
std::string Fingerprint(std::string_view rule_id, std::string_view resource);

// Findings in report order: by rule id, then resource, then message.
bool FindingLess(const Finding& a, const Finding& b);

}  // namespace hublint

#endif  // HUBLINT_FINDINGS_FINDING_H_
