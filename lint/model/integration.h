#ifndef HUBLINT_MODEL_INTEGRATION_H_
#define HUBLINT_MODEL_INTEGRATION_H_

#include <optional>
#include <string>
#include <vector>

#include "lint/model/join.h"
#include "lint/model/location.h"

namespace hublint {

struct Member;
struct AccessToken;

// A third party that reads the organization with an account and a token of
// its own, such as the Microsoft Defender for Cloud connector. Declared (in
// the config file or the snapshot), never fetched.
struct Integration {
  std::string name;                 // the key: `integration:<name>`
  std::optional<std::string> kind;  // e.g. "defender-for-cloud"
  std::string username;             // the Docker Hub account it signs in with
  // Which token it uses: by label, by id, or both. A token matches when its
  // id equals token_id, or its label equals token_label and it is the
  // account's personal token or an organization token.
  std::optional<std::string> token_label;
  std::optional<std::string> token_id;
  Location location;

  // --- Joins, computed by OrgState::Finalize().
  std::optional<uint32_t> member_index;  // the account, if it is a member
  std::vector<uint32_t> token_indices;   // tokens that match
  JoinedOne<Member> member_join;
  Joined<AccessToken> token_joins;

  bool operator==(const Integration& o) const {
    return name == o.name && kind == o.kind && username == o.username &&
           token_label == o.token_label && token_id == o.token_id;
  }
};

}  // namespace hublint

#endif  // HUBLINT_MODEL_INTEGRATION_H_
