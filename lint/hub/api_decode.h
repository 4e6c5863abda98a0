#ifndef HUBLINT_HUB_API_DECODE_H_
#define HUBLINT_HUB_API_DECODE_H_

// Decoding of the Docker Hub API's answers (shapes in
// ../shared/reference/docker-hub-api/latest.yaml and the notes beside it)
// into the model's types. Every error names the JSON field that is wrong:
//
//   field `results[3].role`: expected a string, got a number
//
// and the collector adds the endpoint, URL and status in front. Invalid
// UTF-8 in a string is replaced with U+FFFD before decoding (Decoded::
// repaired_utf8 says so), because a remote answer must not make the
// snapshot or a report invalid.
//
// Unknown is not false: a field the API leaves out stays unknown
// (std::nullopt, Moment::Unknown()). A token's `expires_at: null` means it
// never expires and `last_used: null` that it was never used; both become
// Moment::Never().

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "lint/model/org_state.h"

namespace hublint::hub {

// The envelope of a paged list: {count|total, next, previous, results}.
struct PageEnvelope {
  std::optional<int64_t> count;     // `count`, or `total` for organization
                                    // access tokens
  std::optional<std::string> next;  // absolute URL, nullopt on the last page
  size_t result_count = 0;
};

template <typename T>
struct Page {
  PageEnvelope envelope;
  std::vector<T> items;
};

// A team as the groups list gives it.
struct ApiGroup {
  int64_t id = 0;
  std::string name;
  std::optional<std::string> description;
};

// One team's grant on a repository (per-repository groups list or the
// per-group route).
struct ApiRepositoryGroup {
  int64_t group_id = 0;
  std::string group_name;
  Permission permission = Permission::kRead;
};

// What GET /v2/namespaces/{ns}/repositories/{repo} adds to the list entry.
struct ApiRepositoryDetails {
  std::optional<bool> is_private;
  std::optional<bool> immutable_tags;
};

struct ApiRegistryAccess {
  RegistryAccessManagement settings;
};

// Whether decoding replaced invalid UTF-8 (the caller reports it).
struct DecodeNotes {
  bool repaired_utf8 = false;
};

// POST /v2/auth/token -> `access_token`.
absl::StatusOr<std::string> DecodeAuthToken(std::string_view body,
                                            DecodeNotes* notes = nullptr);

// GET /v2/orgs/{org}/members (plain or ?role=...): members with the role
// lower-cased and `groups` as their team names.
absl::StatusOr<Page<Member>> DecodeMembersPage(std::string_view body,
                                               DecodeNotes* notes = nullptr);

// GET /v2/orgs/{org}/invites -> {"data": [...]}.
absl::StatusOr<std::vector<Invite>> DecodeInvites(std::string_view body,
                                                  DecodeNotes* notes = nullptr);

// GET /v2/orgs/{org}/groups.
absl::StatusOr<Page<ApiGroup>> DecodeGroupsPage(std::string_view body,
                                                DecodeNotes* notes = nullptr);

// GET /v2/orgs/{org}/groups/{group}/members -> usernames.
absl::StatusOr<Page<std::string>> DecodeGroupMembersPage(
    std::string_view body, DecodeNotes* notes = nullptr);

// GET /v2/namespaces/{ns}/repositories; names become "namespace/name".
absl::StatusOr<Page<Repository>> DecodeRepositoriesPage(
    std::string_view body, DecodeNotes* notes = nullptr);

// GET /v2/namespaces/{ns}/repositories/{repo}.
absl::StatusOr<ApiRepositoryDetails> DecodeRepositoryDetails(
    std::string_view body, DecodeNotes* notes = nullptr);

// GET /v2/repositories/{ns}/{repo}/groups/ (a paged envelope or a bare
// array: the route is not in the spec).
absl::StatusOr<Page<ApiRepositoryGroup>> DecodeRepositoryGroupsPage(
    std::string_view body, DecodeNotes* notes = nullptr);

// GET /v2/repositories/{ns}/{repo}/groups/{group_id}/.
absl::StatusOr<ApiRepositoryGroup> DecodeRepositoryGroup(
    std::string_view body, DecodeNotes* notes = nullptr);

// GET /v2/orgs/{org}/access-tokens (envelope `total`), without resources.
absl::StatusOr<Page<AccessToken>> DecodeOrgTokensPage(
    std::string_view body, DecodeNotes* notes = nullptr);

// GET /v2/orgs/{org}/access-tokens/{id}: the token with its resources.
absl::StatusOr<AccessToken> DecodeOrgToken(std::string_view body,
                                           DecodeNotes* notes = nullptr);

// GET /v2/access-tokens: the caller's own personal tokens; `owner` is set
// by the caller.
absl::StatusOr<Page<AccessToken>> DecodePersonalTokensPage(
    std::string_view body, DecodeNotes* notes = nullptr);

// GET /v2/orgs/{org}/settings -> restricted_images.
absl::StatusOr<ImageAccessManagement> DecodeOrgSettings(
    std::string_view body, DecodeNotes* notes = nullptr);

// GET /v2/orgs/{org}/settings/registry-access-management (undocumented).
absl::StatusOr<RegistryAccessManagement> DecodeRegistryAccess(
    std::string_view body, DecodeNotes* notes = nullptr);

// GET /v2/auditlogs/{account} -> {"logs": [...]}.
absl::StatusOr<std::vector<AuditEvent>> DecodeAuditLogs(
    std::string_view body, DecodeNotes* notes = nullptr);

// The human part of an error answer: `message`, else `detail`, else `text`
// (the API uses four error shapes); empty when the body has none.
std::string ErrorMessageOf(std::string_view body);

}  // namespace hublint::hub

#endif  // HUBLINT_HUB_API_DECODE_H_
