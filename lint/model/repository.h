#ifndef HUBLINT_MODEL_REPOSITORY_H_
#define HUBLINT_MODEL_REPOSITORY_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "lint/model/location.h"
#include "lint/model/permission.h"
#include "lint/model/resource_change.h"

namespace hublint {

// A repository of the organization's namespace.
struct Repository {
  std::string name;  // the key, full name: `repository:contoso/api`
  std::optional<bool> is_private;
  std::optional<bool> immutable_tags;
  std::optional<std::string> description;
  std::optional<absl::Time> last_updated;
  Location location;
  // What a Terraform plan does to this resource; set only for a state read
  // from a plan. Not a fact: not in the snapshot, ignored by SameFacts().
  ChangePtr change;

  // --- Joins, computed by OrgState::Finalize(): which teams hold which
  // grant, as (team index, permission) pairs in team order.
  struct Grant {
    uint32_t team_index;
    Permission permission;
  };
  std::vector<Grant> team_grants;

  bool operator==(const Repository& o) const {
    return name == o.name && is_private == o.is_private &&
           immutable_tags == o.immutable_tags && description == o.description &&
           last_updated == o.last_updated;
  }
};

}  // namespace hublint

#endif  // HUBLINT_MODEL_REPOSITORY_H_
