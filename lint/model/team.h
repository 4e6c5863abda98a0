#ifndef HUBLINT_MODEL_TEAM_H_
#define HUBLINT_MODEL_TEAM_H_

#include <optional>
#include <string>
#include <vector>

#include "lint/model/join.h"
#include "lint/model/location.h"
#include "lint/model/permission.h"
#include "lint/model/resource_change.h"

namespace hublint {

struct Member;
struct Repository;

// A team's grant on one repository.
struct RepositoryPermission {
  std::string repository;                     // full name, "contoso/api"
  Permission permission = Permission::kRead;  // never kNone
  Location location;
  // What a Terraform plan does to this grant (its
  // docker_hub_repository_team_permission); set only for a state read from
  // a plan. Not a fact: not in the snapshot, ignored by SameFacts().
  ChangePtr change;

  uint32_t repository_index = 0;  // join into OrgState::repositories
  JoinedOne<Repository> repository_join;

  bool operator==(const RepositoryPermission& o) const {
    return repository == o.repository && permission == o.permission;
  }
};

// A team (the API calls them groups).
struct Team {
  std::string name;           // the key: `team:<name>`
  std::optional<int64_t> id;  // the API's numeric group id, when known
  std::optional<std::string> description;
  std::vector<std::string> members;  // usernames
  std::vector<RepositoryPermission> repository_permissions;
  Location location;
  // What a Terraform plan does to this resource; set only for a state read
  // from a plan. Not a fact: not in the snapshot, ignored by SameFacts().
  ChangePtr change;

  // --- Joins, computed by OrgState::Finalize().
  std::vector<uint32_t> member_indices;  // into OrgState::members
  Joined<Member> member_joins;
  Permission highest_permission = Permission::kNone;
  uint32_t write_repository_count = 0;  // grants of write or admin
  uint32_t admin_repository_count = 0;

  bool operator==(const Team& o) const {
    return name == o.name && id == o.id && description == o.description &&
           members == o.members &&
           repository_permissions == o.repository_permissions;
  }
};

}  // namespace hublint

#endif  // HUBLINT_MODEL_TEAM_H_
