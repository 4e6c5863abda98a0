#ifndef HUBLINT_MODEL_INVITE_H_
#define HUBLINT_MODEL_INVITE_H_

#include <optional>
#include <string>

#include "absl/time/time.h"
#include "lint/model/location.h"
#include "lint/model/resource_change.h"

namespace hublint {

// A pending invitation to the organization.
struct Invite {
  std::optional<std::string> id;  // the API's uuid, when known
  std::string invitee;  // Docker ID or e-mail; the key: `invite:<invitee>`
  std::string role;     // lower case, "member" when the source did not say
  std::optional<std::string> team;
  std::optional<std::string> inviter;
  std::optional<absl::Time> created_at;
  Location location;
  // What a Terraform plan does to this resource; set only for a state read
  // from a plan. Not a fact: not in the snapshot, ignored by SameFacts().
  ChangePtr change;

  bool operator==(const Invite& o) const {
    return id == o.id && invitee == o.invitee && role == o.role &&
           team == o.team && inviter == o.inviter && created_at == o.created_at;
  }
};

}  // namespace hublint

#endif  // HUBLINT_MODEL_INVITE_H_
