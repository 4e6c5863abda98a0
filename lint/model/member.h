#ifndef HUBLINT_MODEL_MEMBER_H_
#define HUBLINT_MODEL_MEMBER_H_

#include <optional>
#include <string>
#include <vector>

#include "lint/model/join.h"
#include "lint/model/location.h"
#include "lint/model/moment.h"
#include "lint/model/permission.h"
#include "lint/model/resource_change.h"

namespace hublint {

// A member of the organization. std::nullopt / Moment::Unknown() means the
// source could not tell; rules treat that as unknown, never as false.
struct Team;
struct AccessToken;
struct Integration;

struct Member {
  std::string username;  // the key: `member:<username>`
  std::optional<std::string> email;
  std::optional<std::string> full_name;
  // Lower case: "owner", "editor", "member", or a custom role's label.
  std::string role;
  std::optional<bool> is_guest;
  // Team names, as the source lists them. Finalize() adds the teams whose
  // member lists name this member, so both sides agree.
  std::vector<std::string> teams;
  std::optional<absl::Time> date_joined;
  Moment last_logged_in_at;
  // Not exposed by the Docker Hub API; comes from a declared state or an
  // identity-provider export.
  std::optional<bool> two_factor_enabled;
  Location location;
  // What a Terraform plan does to this resource; set only for a state read
  // from a plan. Not a fact: not in the snapshot, ignored by SameFacts().
  ChangePtr change;

  // --- Joins, computed by OrgState::Finalize(); not part of the snapshot.
  // Pointers (see join.h; IndicesIn() gives positions), held once: a
  // hundred thousand members' joins are memory the reader touches.
  Permission highest_permission = Permission::kNone;  // over all team grants
  Joined<Team> team_joins;                // its teams, in team order
  Joined<AccessToken> token_joins;        // personal tokens it owns
  Joined<Integration> integration_joins;  // integrations using it

  bool operator==(const Member& o) const {
    return username == o.username && email == o.email &&
           full_name == o.full_name && role == o.role &&
           is_guest == o.is_guest && teams == o.teams &&
           date_joined == o.date_joined &&
           last_logged_in_at == o.last_logged_in_at &&
           two_factor_enabled == o.two_factor_enabled;
  }
};

}  // namespace hublint

#endif  // HUBLINT_MODEL_MEMBER_H_
