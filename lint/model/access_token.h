#ifndef HUBLINT_MODEL_ACCESS_TOKEN_H_
#define HUBLINT_MODEL_ACCESS_TOKEN_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "lint/model/join.h"
#include "lint/model/location.h"
#include "lint/model/moment.h"
#include "lint/model/resource_change.h"

namespace hublint {

enum class TokenKind : uint8_t {
  // A personal access token (PAT): scopes "repo:read", "repo:public_read",
  // "repo:write", "repo:admin".
  kPersonal,
  // An organization access token (OAT): `resources` with "scope-*" scopes.
  kOrganization,
};

// "personal" or "organization".
std::string_view TokenKindName(TokenKind kind);

// What an organization access token may reach.
struct TokenResource {
  std::string type;  // "TYPE_REPO" or "TYPE_ORG"
  std::string path;  // "contoso/api", "contoso/*", "*/*/public", ...
  std::vector<std::string> scopes;

  bool operator==(const TokenResource&) const = default;
};

struct Member;

// A personal or organization access token. The secret itself is never
// collected, stored or printed.
struct AccessToken {
  TokenKind kind = TokenKind::kPersonal;
  std::string id;  // the key: `token:<id>` (the API's uuid)
  std::string label;
  // The user the token belongs to (PAT) or who created it (OAT).
  std::optional<std::string> owner;
  std::vector<std::string> scopes;       // personal tokens
  std::vector<TokenResource> resources;  // organization tokens
  std::optional<bool> is_active;
  std::optional<absl::Time> created_at;
  Moment last_used_at;  // Never: never used
  Moment expires_at;    // Never: does not expire
  Location location;
  // What a Terraform plan does to this resource; set only for a state read
  // from a plan. Not a fact: not in the snapshot, ignored by SameFacts().
  ChangePtr change;

  // --- Joins, computed by OrgState::Finalize().
  std::optional<uint32_t> owner_index;  // into OrgState::members
  JoinedOne<Member> owner_join;

  bool operator==(const AccessToken& o) const {
    return kind == o.kind && id == o.id && label == o.label &&
           owner == o.owner && scopes == o.scopes && resources == o.resources &&
           is_active == o.is_active && created_at == o.created_at &&
           last_used_at == o.last_used_at && expires_at == o.expires_at;
  }
};

}  // namespace hublint

#endif  // HUBLINT_MODEL_ACCESS_TOKEN_H_
