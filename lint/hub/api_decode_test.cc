#include "lint/hub/api_decode.h"

#include <doctest/doctest.h>

#include "lint/util/time_format.h"

namespace hublint::hub {
namespace {

absl::Time T(const char* text) { return *ParseRfc3339(text); }

TEST_CASE(
    "Members: roles lower-cased, groups as teams, unknown stays unknown") {
  absl::StatusOr<Page<Member>> page = DecodeMembersPage(R"({
    "count": 120, "previous": null,
    "next": "https://hub.docker.com/v2/orgs/x/members?page=2&page_size=2",
    "results": [
      {"id": "0ab7", "username": "alice", "full_name": "Alice", "email": "a@x.io",
       "role": "Owner", "groups": ["owners", "devs"], "is_guest": false,
       "date_joined": "2021-01-05T21:06:53.506400Z", "type": "User"},
      {"username": "bob", "role": "Editor", "email": ""}
    ]})");
  REQUIRE(page.ok());
  CHECK(page->envelope.count == 120);
  CHECK(page->envelope.next ==
        "https://hub.docker.com/v2/orgs/x/members?page=2&page_size=2");
  CHECK(page->envelope.result_count == 2);
  REQUIRE(page->items.size() == 2);
  const Member& a = page->items[0];
  CHECK(a.username == "alice");
  CHECK(a.role == "owner");
  CHECK(a.teams == std::vector<std::string>{"owners", "devs"});
  CHECK(a.is_guest == false);
  CHECK(a.date_joined == T("2021-01-05T21:06:53.5064Z"));
  CHECK(a.two_factor_enabled == std::nullopt);
  CHECK_FALSE(a.last_logged_in_at.known());
  const Member& b = page->items[1];
  CHECK(b.role == "editor");
  CHECK(b.email == std::nullopt);  // "" is not an address
  CHECK(b.is_guest == std::nullopt);
}

TEST_CASE("Tokens: null expiry and last use mean never, absent means unknown") {
  absl::StatusOr<AccessToken> oat = DecodeOrgToken(R"({
    "id": "a7a5", "label": "ci", "created_by": "alice", "is_active": true,
    "created_at": "2022-05-20T00:54:18Z", "expires_at": null,
    "last_used_at": null,
    "resources": [{"type": "TYPE_REPO", "path": "x/*",
                   "scopes": ["scope-image-pull"]}]})");
  REQUIRE(oat.ok());
  CHECK(oat->kind == TokenKind::kOrganization);
  CHECK(oat->owner == "alice");
  CHECK(oat->expires_at.never());
  CHECK(oat->last_used_at.never());
  REQUIRE(oat->resources.size() == 1);
  CHECK(oat->resources[0] ==
        TokenResource{"TYPE_REPO", "x/*", {"scope-image-pull"}});

  absl::StatusOr<Page<AccessToken>> oats = DecodeOrgTokensPage(
      R"({"total": 1, "next": null, "previous": null,
          "results": [{"id": "a7a5", "label": "ci"}]})");
  REQUIRE(oats.ok());
  CHECK(oats->envelope.count == 1);
  CHECK_FALSE(oats->items[0].expires_at.known());
  CHECK_FALSE(oats->items[0].last_used_at.known());

  absl::StatusOr<Page<AccessToken>> pats = DecodePersonalTokensPage(R"({
    "count": 2, "next": null, "previous": null, "active_count": 2,
    "results": [
      {"uuid": "b30b", "token_label": "read", "scopes": ["repo:read"],
       "last_used": null, "created_at": "2021-07-20T12:00:00.000000Z",
       "is_active": true, "token": ""},
      {"uuid": "c40c", "token_label": "write", "scopes": ["repo:write"],
       "last_used": "2026-01-01T00:00:00Z",
       "expires_at": "2027-01-01T00:00:00Z"}]})");
  REQUIRE(pats.ok());
  CHECK(pats->items[0].kind == TokenKind::kPersonal);
  CHECK(pats->items[0].last_used_at.never());
  CHECK(pats->items[0].expires_at.never());  // absent: never expires
  CHECK(pats->items[1].expires_at == Moment::At(T("2027-01-01T00:00:00Z")));
}

TEST_CASE("Invites, groups, repositories, grants, settings, audit") {
  absl::StatusOr<std::vector<Invite>> invites = DecodeInvites(
      R"({"data": [{"id": "e36e", "inviter_username": "moby",
          "invitee": "new@x.io", "org": "x", "team": "owners",
          "created_at": "2021-10-28T18:30:19.520861Z"}]})");
  REQUIRE(invites.ok());
  CHECK((*invites)[0].role == "member");
  CHECK((*invites)[0].inviter == "moby");
  CHECK((*invites)[0].team == "owners");

  absl::StatusOr<Page<ApiGroup>> groups = DecodeGroupsPage(
      R"({"count": 1, "next": null, "previous": null,
          "results": [{"id": 10, "uuid": "u", "name": "devs",
                       "description": "", "member_count": 3}]})");
  REQUIRE(groups.ok());
  CHECK(groups->items[0].id == 10);

  absl::StatusOr<Page<Repository>> repos = DecodeRepositoriesPage(
      R"({"count": 1, "next": null, "previous": null,
          "results": [{"name": "api", "namespace": "x", "is_private": true,
                       "description": null, "last_updated": null}]})");
  REQUIRE(repos.ok());
  CHECK(repos->items[0].name == "x/api");
  CHECK(repos->items[0].is_private == true);
  CHECK(repos->items[0].immutable_tags == std::nullopt);

  absl::StatusOr<ApiRepositoryDetails> details = DecodeRepositoryDetails(
      R"({"name": "api", "is_private": true,
          "immutable_tags_settings": {"enabled": true, "rules": ["v.*"]}})");
  REQUIRE(details.ok());
  CHECK(details->immutable_tags == true);

  absl::StatusOr<Page<ApiRepositoryGroup>> bare = DecodeRepositoryGroupsPage(
      R"([{"group_name": "devs", "permission": "write", "group_id": 10}])");
  REQUIRE(bare.ok());
  CHECK(bare->envelope.count == 1);
  CHECK(bare->items[0].permission == Permission::kWrite);

  absl::StatusOr<ImageAccessManagement> iam = DecodeOrgSettings(
      R"({"restricted_images": {"enabled": true, "allow_official_images": true,
          "allow_verified_publishers": false}})");
  REQUIRE(iam.ok());
  CHECK(*iam == ImageAccessManagement{true, true, false});

  absl::StatusOr<RegistryAccessManagement> ram = DecodeRegistryAccess(
      R"({"enabled": true,
          "standard_registries": [{"id": "DockerHub", "allowed": false}],
          "custom_registries": [{"address": "ghcr.io", "friendly_name": "GH",
                                 "allowed": true}]})");
  REQUIRE(ram.ok());
  CHECK(ram->docker_hub_allowed == false);
  CHECK(ram->custom_registries ==
        std::vector<CustomRegistry>{{"ghcr.io", std::string("GH"), true}});

  absl::StatusOr<std::vector<AuditEvent>> logs = DecodeAuditLogs(
      R"({"logs": [{"account": "x", "action": "repo.tag.push", "name": "x/a",
          "actor": "bob", "data": {"tag": "latest"},
          "timestamp": "2021-02-19T01:34:35Z"}]})");
  REQUIRE(logs.ok());
  CHECK((*logs)[0].data ==
        std::vector<std::pair<std::string, std::string>>{{"tag", "latest"}});
}

TEST_CASE("Every decoding error names the field") {
  struct Case {
    const char* body;
    const char* message;
  };
  const Case cases[] = {
      {R"({"count": 1, "results": [{"username": 42, "role": "Owner"}]})",
       "field `results[0].username`: expected a string, got a number"},
      {R"({"count": 1, "results": [{"username": "a"}]})",
       "field `results[0].role` is missing"},
      {R"({"count": 1, "results": {"oops": true}})",
       "field `results`: expected an array, got an object"},
      {R"({"count": "1", "results": []})",
       "field `count`: expected a number, got a string"},
      {R"({"count": 1, "next": 3, "results": []})",
       "field `next`: expected a string, got a number"},
      {R"({"count": 1, "results": [{"username": "a", "role": "Owner",
           "date_joined": "yesterday"}]})",
       "field `results[0].date_joined`: `yesterday` is not an RFC 3339 "
       "timestamp"},
      {R"([1, 2])", "field `(top level)`: expected an object, got an array"},
      {R"({"count": 1, "results": [)",
       "invalid JSON at byte 25: unexpected end of input: expected a value"},
      {"<html>502</html>", "invalid JSON at byte 0: "},
      {"", "invalid JSON: the body is empty"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.body);
    absl::StatusOr<Page<Member>> page = DecodeMembersPage(c.body);
    REQUIRE_FALSE(page.ok());
    CAPTURE(page.status().message());
    CHECK(std::string(page.status().message()).starts_with(c.message));
  }
  absl::StatusOr<ApiRepositoryGroup> g = DecodeRepositoryGroup(
      R"({"group_id": 1, "group_name": "devs", "permission": "owner"})");
  REQUIRE_FALSE(g.ok());
  CHECK(g.status().message() ==
        "field `permission`: `owner` is not read, write or admin");
}

TEST_CASE("Invalid UTF-8 is repaired and reported") {
  DecodeNotes notes;
  absl::StatusOr<Page<Member>> page = DecodeMembersPage(
      "{\"count\": 1, \"results\": [{\"username\": \"a\", \"role\": "
      "\"Member\", \"full_name\": \"Jos\xe9\"}]}",
      &notes);
  REQUIRE(page.ok());
  CHECK(notes.repaired_utf8);
  CHECK(page->items[0].full_name == "Jos\xEF\xBF\xBD");
}

TEST_CASE("ErrorMessageOf reads message, detail or text") {
  CHECK(ErrorMessageOf(R"({"errinfo": {}, "message": "permission denied"})") ==
        "permission denied");
  CHECK(
      ErrorMessageOf(R"({"detail": "Rate limit exceeded", "error": false})") ==
      "Rate limit exceeded");
  CHECK(ErrorMessageOf(R"({"fields": {}, "text": "Invalid ordering"})") ==
        "Invalid ordering");
  CHECK(ErrorMessageOf("<html>") == "");
}

TEST_CASE("The auth answer") {
  CHECK(DecodeAuthToken(R"({"access_token": "eyJ.x.y"})").value() == "eyJ.x.y");
  CHECK(DecodeAuthToken(R"({"token": "x"})").status().message() ==
        "field `access_token` is missing");
}

}  // namespace
}  // namespace hublint::hub
