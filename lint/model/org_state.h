#ifndef HUBLINT_MODEL_ORG_STATE_H_
#define HUBLINT_MODEL_ORG_STATE_H_

// OrgState: everything hublint knows about one Docker Hub organization, from
// whichever source it came (the live API, a snapshot or declared state, a
// Terraform plan). Rules see exactly this, through CEL.
//
// Start here: the resource types are in member.h, team.h, repository.h,
// access_token.h, invite.h, integration.h, audit_event.h and
// org_settings.h. The snapshot format that stores an OrgState is documented
// field by field in docs/state-format.md.
//
// Unknown is not false: a std::nullopt field or an unknown Moment means the
// source could not tell, and rules turn it into a review result.
//
// Life cycle: a source fills the vectors, then calls Finalize() once, which
// validates references between resources and computes the joins (each
// member's teams and highest permission, each token's owner, each
// integration's account and tokens), so that no rule needs a quadratic scan.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/time.h"
#include "lint/model/access_token.h"
#include "lint/model/audit_event.h"
#include "lint/model/integration.h"
#include "lint/model/invite.h"
#include "lint/model/join.h"
#include "lint/model/key_index.h"
#include "lint/model/location.h"
#include "lint/model/member.h"
#include "lint/model/org_settings.h"
#include "lint/model/repository.h"
#include "lint/model/team.h"

namespace hublint {

// The schema identifier of the snapshot format this model stores.
inline constexpr std::string_view kStateSchema = "hublint/state/v1";

// A part of the organization that the source could not read, and why.
// `part` is one of the names listed in docs/state-format.md ("members",
// "access_tokens.personal", "settings.registry_access_management", ...).
struct SourceGap {
  std::string part;
  std::string reason;
  bool operator==(const SourceGap&) const = default;
};

// Where the state came from and whether it is complete.
struct SourceInfo {
  // "dockerhub-api", "snapshot", "declared", "tfplan".
  std::string kind = "declared";
  std::optional<std::string> api_url;
  // False when any part could not be read; then `gaps` names each part.
  bool complete = true;
  // True when the source shows only part of the organization by design: a
  // Terraform plan without a snapshot beneath it sees only the resources
  // Terraform manages. Organization-wide rules (owner and editor counts)
  // then give review results instead of counting what they cannot see.
  bool partial_view = false;
  std::vector<SourceGap> gaps;
  bool operator==(const SourceInfo&) const = default;

  // Whether `part` (or a parent of it: "access_tokens" covers
  // "access_tokens.personal") was not read.
  bool IsGap(std::string_view part) const;
};

// A problem Finalize() found, at the location of the offending resource.
struct StateProblem {
  Location location;
  std::string message;
};

// The kinds of resource a rule can iterate over; `kind:key` names a resource
// in every output (`member:alice`, `token:<id>`, `org:contoso`).
enum class ResourceKind : uint8_t {
  kOrg,
  kMember,
  kTeam,
  kRepository,
  kToken,
  kInvite,
  kIntegration,
};

// "org", "member", "team", "repository", "token", "invite", "integration".
std::string_view ResourceKindName(ResourceKind kind);
std::optional<ResourceKind> ParseResourceKind(std::string_view name);

struct OrgState {
  std::string schema = std::string(kStateSchema);
  // When the state was collected; rules see it as `now`, so results are
  // reproducible from a snapshot. Unset for a hand-written declared state,
  // where `now` is the time of the run.
  std::optional<absl::Time> collected_at;
  SourceInfo source;

  std::string org_name;
  OrgSettings settings;
  Location org_location;

  std::vector<Member> members;
  std::vector<Invite> invites;
  std::vector<Team> teams;
  std::vector<Repository> repositories;
  std::vector<AccessToken> access_tokens;
  std::vector<Integration> integrations;
  std::vector<AuditEvent> audit_events;

  // The files resources were read from; Location::file indexes this.
  std::vector<std::string> source_files;

  // Validates references and computes the joins and lookups. Returns every
  // problem found (duplicate keys, a team member or grant that names no
  // existing member or repository, ...); the state is usable only when the
  // list is empty. Safe to call again after editing the vectors.
  std::vector<StateProblem> Finalize();

  // Whether Finalize() ran on this very object and found no problem (a
  // copy is not finalized: its joins are empty until Finalize() runs again).
  bool finalized() const { return finalized_.value(); }

  // Lookups by key, valid after Finalize() (in a copy too) until the
  // vectors are next edited; nullptr when absent.
  const Member* FindMember(std::string_view username) const;
  const Team* FindTeam(std::string_view name) const;
  const Repository* FindRepository(std::string_view name) const;
  const AccessToken* FindToken(std::string_view id) const;
  const Integration* FindIntegration(std::string_view name) const;

  // Equality of the stored facts, ignoring locations and joins: what a
  // snapshot round trip must preserve.
  bool SameFacts(const OrgState& other) const;

 private:
  // Positions by key; they stay valid in a copy, so a copy's lookups work
  // even before it is finalized again.
  KeyIndex member_index_;
  KeyIndex team_index_;
  KeyIndex repository_index_;
  KeyIndex token_index_;
  KeyIndex integration_index_;
  FinalizedMark finalized_;
};

}  // namespace hublint

#endif  // HUBLINT_MODEL_ORG_STATE_H_
