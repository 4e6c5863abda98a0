// Collection against the fake Docker Hub: a clean run gives exactly what the
// API can show of the fixture, with the fewest requests, and every fault
// ends in that same complete state (after retries) or in an error naming
// the endpoint, the URL and the reason; never in a state that looks
// complete but is not.

#include <doctest/doctest.h>

#include <set>

#include "lint/state/snapshot_writer.h"
#include "lint/util/strings.h"
#include "tests/fake_hub/generate_org.h"
#include "tests/hub/harness.h"

namespace hublint::testing {
namespace {

using fake_hub::Fault;
using fake_hub::FaultRule;

// The fetched state equals what the API shows of the fixture.
void CheckComplete(Harness& h, const absl::StatusOr<hub::FetchResult>& r) {
  REQUIRE_MESSAGE(r.ok(), r.status().message());
  OrgState expected = h.Expected();
  expected.collected_at = r->state.collected_at;
  CHECK(r->state.source.complete);
  CHECK(r->state.source.gaps.empty());
  CHECK(WriteSnapshot(r->state) == WriteSnapshot(expected));
  CHECK(r->state.SameFacts(expected));
}

// No URL was answered twice.
void CheckNoRepeatedRequest(const fake_hub::FakeHub& hub) {
  std::set<std::string> seen;
  for (const fake_hub::LoggedRequest& r : hub.requests()) {
    if (r.method != "GET" || r.status != 200) continue;
    CAPTURE(r.target);
    CHECK(seen.insert(r.target).second);
  }
}

std::string Message(const absl::StatusOr<hub::FetchResult>& r) {
  REQUIRE_FALSE(r.ok());
  return std::string(r.status().message());
}

TEST_CASE("A clean collection is complete, exact, and asks nothing twice") {
  Harness h;
  absl::StatusOr<hub::FetchResult> r = h.Fetch();
  CheckComplete(h, r);
  CheckNoRepeatedRequest(*h.hub);
  // 1 login; members, editors, invites, teams, 3 team member lists,
  // repositories, 3 repository details, 3 grant lists, token list and 1
  // token, personal tokens, settings, registry access, 2 audit pages.
  CHECK(r->report.session.requests == 22);
  CHECK(h.hub->requests().size() == 22);
  CHECK(r->report.session.duplicate_gets == 0);
  CHECK(r->report.session.retries == 0);
  CHECK(r->report.grant_strategy == "per-repository list");
  for (const fake_hub::LoggedRequest& req : h.hub->requests()) {
    if (req.endpoint == "members" || req.endpoint == "repositories") {
      CHECK(req.target.find("page_size=100") != std::string::npos);
    }
  }
}

TEST_CASE("Editors come from ?role=editor, whatever the member list says") {
  fake_hub::Options o;
  o.editor_label = "Member";
  Harness h(o, "fixtures/orgs/editors-overused.json");
  absl::StatusOr<hub::FetchResult> r = h.Fetch();
  CheckComplete(h, r);
  int editors = 0;
  for (const Member& m : r->state.members) editors += m.role == "editor";
  CHECK(editors >= 2);
}

TEST_CASE("Without the per-repository groups list, grants are read per team") {
  fake_hub::Options o;
  o.repository_groups_list = false;
  Harness h(o);
  absl::StatusOr<hub::FetchResult> r = h.Fetch();
  CheckComplete(h, r);
  CHECK(r->report.grant_strategy == "per team and repository");
  // The probe, then 3 repositories x 3 teams.
  int per_group = 0;
  for (const fake_hub::LoggedRequest& req : h.hub->requests()) {
    per_group += req.endpoint == "repository_group";
  }
  CHECK(per_group == 9);
}

TEST_CASE("Large lists: parallel pages, clamped page sizes") {
  fake_hub::GenerateOptions g;
  g.members = 250;
  g.repositories = 30;
  g.teams = 5;
  OrgState big = fake_hub::GenerateOrg(g);
  for (int max_page : {100, 40}) {
    CAPTURE(max_page);
    fake_hub::Options o;
    o.max_page_size = max_page;
    Harness h(o);
    h.hub->AddOrg(big);
    h.hub->AddAccount("user00000", "pw", fake_hub::AccountKind::kPassword);
    h.fixture = big;
    h.options.org = "bigorg";
    h.credentials.username = "user00000";
    h.credentials.secret = hub::Secret("pw");
    absl::StatusOr<hub::FetchResult> r = h.Fetch();
    CheckComplete(h, r);
    CheckNoRepeatedRequest(*h.hub);
    int member_pages = 0;
    for (const fake_hub::LoggedRequest& req : h.hub->requests()) {
      member_pages += req.endpoint == "members" &&
                      req.target.find("role=") == std::string::npos;
    }
    CHECK(member_pages == (250 + max_page - 1) / max_page);
  }
}

struct Recovered {
  const char* name;
  FaultRule rule;
};

TEST_CASE("Transient faults are retried into a complete, exact state") {
  const Recovered cases[] = {
      {"500 twice",
       {.endpoint = "members",
        .fault = Fault::kStatus,
        .status = 500,
        .times = 2}},
      {"502", {.endpoint = "groups", .fault = Fault::kStatus, .status = 502}},
      {"503 on a page",
       {.endpoint = "repositories", .fault = Fault::kStatus, .status = 503}},
      {"503 on login",
       {.endpoint = "auth", .fault = Fault::kStatus, .status = 503}},
      {"reset mid-body",
       {.endpoint = "invites", .fault = Fault::kResetMidBody}},
      {"reset on a detail",
       {.endpoint = "org_access_token", .fault = Fault::kResetMidBody}},
      {"401 once: the JWT is renewed",
       {.endpoint = "repositories", .fault = Fault::kStatus, .status = 401}},
      {"a page past the end answers 404",
       {.endpoint = "members",
        .fault = Fault::kPagePastEnd,
        .query_contains = "page_size"}},
  };
  for (const Recovered& c : cases) {
    CAPTURE(c.name);
    Harness h;
    h.hub->AddFault(c.rule);
    absl::StatusOr<hub::FetchResult> r = h.Fetch();
    CheckComplete(h, r);
  }
}

TEST_CASE("A timeout is retried") {
  Harness h;
  h.http_options.timeout = absl::Milliseconds(300);
  h.hub->AddFault({.endpoint = "settings",
                   .fault = Fault::kDelay,
                   .delay = absl::Seconds(2)});
  absl::StatusOr<hub::FetchResult> r = h.Fetch();
  CheckComplete(h, r);
  CHECK(r->report.session.retries == 1);
}

TEST_CASE("429 Retry-After is obeyed") {
  Harness h;
  h.options.concurrency = 1;  // nothing else in flight during the wait
  h.hub->AddFault({.endpoint = "repositories",
                   .fault = Fault::kRetryAfter,
                   .retry_after_seconds = 30});
  absl::StatusOr<hub::FetchResult> r = h.Fetch();
  CheckComplete(h, r);
  CHECK(h.hub->early_requests() == 0);
  CHECK(h.clock.slept() >= absl::Seconds(30));
  CHECK(r->report.session.rate_limit_waits >= 1);
}

TEST_CASE("A spent quota (X-RateLimit-Remaining: 0) waits for the reset") {
  Harness h;
  h.options.concurrency = 1;
  h.hub->AddFault({.endpoint = "groups",
                   .fault = Fault::kQuotaSpent,
                   .retry_after_seconds = 20});
  absl::StatusOr<hub::FetchResult> r = h.Fetch();
  CheckComplete(h, r);
  CHECK(h.hub->early_requests() == 0);
  CHECK(h.clock.slept() >= absl::Seconds(20));
}

TEST_CASE("Rate limits with requests in flight still end complete") {
  Harness h;
  h.options.concurrency = 8;
  h.hub->AddFault({.endpoint = "repository",
                   .fault = Fault::kRetryAfter,
                   .retry_after_seconds = 5});
  h.hub->AddFault({.endpoint = "group_members",
                   .fault = Fault::kQuotaSpent,
                   .retry_after_seconds = 5});
  CheckComplete(h, h.Fetch());
}

TEST_CASE("The JWT is renewed before it expires") {
  fake_hub::Options o;
  o.jwt_lifetime = absl::Seconds(90);
  Harness h(o);
  h.options.concurrency = 1;
  // Two waits of 40 s each push the token past its renewal margin.
  h.hub->AddFault({.endpoint = "groups",
                   .fault = Fault::kRetryAfter,
                   .retry_after_seconds = 40});
  h.hub->AddFault({.endpoint = "repositories",
                   .fault = Fault::kRetryAfter,
                   .retry_after_seconds = 40});
  absl::StatusOr<hub::FetchResult> r = h.Fetch();
  CheckComplete(h, r);
  CHECK(h.hub->logins() >= 2);
  CHECK(h.hub->expired_token_uses() == 0);
}

TEST_CASE("Invalid UTF-8 is repaired and reported") {
  Harness h;
  h.hub->AddFault({.endpoint = "members",
                   .fault = Fault::kInvalidUtf8,
                   .query_contains = "page_size",
                   .times = 1});
  absl::StatusOr<hub::FetchResult> r = h.Fetch();
  REQUIRE(r.ok());
  CHECK(r->state.source.complete);
  REQUIRE(r->report.warnings.size() == 1);
  CHECK(r->report.warnings[0].ends_with(
      ": invalid UTF-8 in the answer was replaced with U+FFFD"));
  const Member* alice = r->state.FindMember("alice");
  REQUIRE(alice != nullptr);
  CHECK(alice->full_name ==
        "\xEF\xBF\xBD"
        "Alice Martin");
}

TEST_CASE("A 403 becomes a named gap and the state is incomplete") {
  struct Case {
    const char* endpoint;
    const char* part;
  };
  const Case cases[] = {
      {"settings", "settings.image_access_management"},
      {"org_access_tokens", "access_tokens.organization"},
      {"invites", "invites"},
      {"group_members", "teams.members"},
      {"repository_groups", "repositories.team_permissions"},
      {"auditlogs", "audit_events"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.endpoint);
    Harness h;
    h.hub->AddFault({.endpoint = c.endpoint,
                     .fault = Fault::kStatus,
                     .status = 403,
                     .times = -1});
    absl::StatusOr<hub::FetchResult> r = h.Fetch();
    REQUIRE_MESSAGE(r.ok(), r.status().message());
    CHECK_FALSE(r->state.source.complete);
    REQUIRE(r->state.source.gaps.size() == 1);
    CHECK(r->state.source.gaps[0].part == c.part);
    CHECK(
        r->state.source.gaps[0].reason.starts_with("GET " + h.hub->base_url()));
    CHECK(r->state.source.gaps[0].reason.ends_with(
        ": 403 Forbidden (permission denied)"));
  }
}

TEST_CASE(
    "A login with a personal access token: the PAT list is a gap, not a "
    "failure") {
  Harness h;
  h.hub->AddAccount(kUser, "dckr_pat_test",
                    fake_hub::AccountKind::kPersonalAccessToken);
  h.credentials.secret = hub::Secret("dckr_pat_test");
  absl::StatusOr<hub::FetchResult> r = h.Fetch();
  REQUIRE(r.ok());
  CHECK(r->state.source.complete);
  REQUIRE(r->state.source.gaps.size() == 1);
  CHECK(r->state.source.gaps[0].part == "access_tokens.personal");
  CHECK(r->state.source.gaps[0].reason ==
        Cat("GET ", h.hub->base_url(),
            "/v2/access-tokens?page=1&page_size=100: 403 Forbidden (token "
            "issued from personal access token is not allowed); the API lists "
            "personal access tokens only to a password login, and only the "
            "caller's own"));
  CHECK(r->state.source.IsGap("access_tokens.personal"));
  for (const AccessToken& t : r->state.access_tokens) {
    CHECK(t.kind == TokenKind::kOrganization);
  }
}

struct Failed {
  const char* name;
  FaultRule rule;
  std::string message;  // after the base URL
};

TEST_CASE(
    "Faults that cannot be recovered fail with endpoint, URL and reason") {
  const std::string members = "/v2/orgs/contoso/members?page=1&page_size=100";
  const Failed cases[] = {
      {"500 every time",
       {.endpoint = "members",
        .fault = Fault::kStatus,
        .status = 500,
        .times = -1},
       "members: GET URL" + members +
           ": 500 Internal Server Error (internal error) after 5 attempts"},
      {"truncated JSON",
       {.endpoint = "groups", .fault = Fault::kTruncatedJson},
       "teams: GET URL/v2/orgs/contoso/groups?page=1&page_size=100 (200): "
       "invalid JSON at byte "},
      {"invalid JSON",
       {.endpoint = "invites", .fault = Fault::kInvalidJson},
       "invites: GET URL/v2/orgs/contoso/invites (200): invalid JSON at byte "
       "0: "},
      {"wrong shape",
       {.endpoint = "repositories", .fault = Fault::kWrongShape},
       "repositories: GET URL/v2/namespaces/contoso/repositories?page=1&page_"
       "size=100 (200): field `results`: expected an array, got an object"},
      {"wrong shape of an object",
       {.endpoint = "settings", .fault = Fault::kWrongShape},
       "settings: GET URL/v2/orgs/contoso/settings (200): field `(top "
       "level)`: expected an object, got an array"},
      {"next loops back",
       {.endpoint = "members",
        .fault = Fault::kNextLoop,
        .query_contains = "page_size"},
       "members: GET URL" + members +
           ": the `next` link of page 1 points to page 1, back to an earlier "
           "page (a loop); expected page 2"},
      {"next to another host",
       {.endpoint = "members",
        .fault = Fault::kNextOtherHost,
        .query_contains = "page_size",
        .other_host = "http://127.0.0.2:9"},
       "members: GET URL" + members +
           ": the `next` link of page 1 points to another host "
           "(http://127.0.0.2:9): not followed with the credentials"},
      {"redirect to another host",
       {.endpoint = "settings",
        .fault = Fault::kRedirectOtherHost,
        .other_host = "http://127.0.0.2:9"},
       "settings: GET URL/v2/orgs/contoso/settings: 302 redirect to another "
       "host (http://127.0.0.2:9): not followed, the credentials stay with "
       "URL"},
      {"oversize",
       {.endpoint = "repositories",
        .fault = Fault::kOversize,
        .oversize_bytes = size_t{20} << 20},
       "repositories: GET URL/v2/namespaces/contoso/repositories?page=1&page_"
       "size=100: the answer is larger than the limit of 16777216 bytes"},
      {"reset every time",
       {.endpoint = "invites", .fault = Fault::kResetMidBody, .times = -1},
       "invites: GET URL/v2/orgs/contoso/invites: the connection was closed "
       "or reset before the whole answer arrived ("},
      {"a team vanishes",
       {.endpoint = "group_members", .fault = Fault::kStatus, .status = 404},
       "team members: GET URL/v2/orgs/contoso/groups/"},
  };
  for (const Failed& c : cases) {
    CAPTURE(c.name);
    Harness h;
    h.hub->AddFault(c.rule);
    absl::StatusOr<hub::FetchResult> r = h.Fetch();
    std::string expected = c.message;
    for (size_t at; (at = expected.find("URL")) != std::string::npos;) {
      expected.replace(at, 3, h.hub->base_url());
    }
    std::string message = Message(r);
    CAPTURE(message);
    CHECK(message.starts_with(expected));
  }
}

TEST_CASE("A refused member or team list leaves no dangling reference") {
  {
    Harness h;
    h.hub->AddFault({.endpoint = "members",
                     .fault = Fault::kStatus,
                     .status = 403,
                     .times = -1});
    absl::StatusOr<hub::FetchResult> r = h.Fetch();
    REQUIRE_MESSAGE(r.ok(), r.status().message());
    CHECK_FALSE(r->state.source.complete);
    CHECK(r->state.members.empty());
    CHECK(r->state.source.IsGap("members.editors"));
    CHECK(r->state.source.IsGap("teams.members"));
    for (const Team& t : r->state.teams) CHECK(t.members.empty());
    CHECK(r->state.repositories.size() == 3);
  }
  {
    Harness h;
    h.hub->AddFault({.endpoint = "groups",
                     .fault = Fault::kStatus,
                     .status = 403,
                     .times = -1});
    absl::StatusOr<hub::FetchResult> r = h.Fetch();
    REQUIRE_MESSAGE(r.ok(), r.status().message());
    CHECK(r->state.teams.empty());
    CHECK(r->state.source.IsGap("teams"));
    CHECK(r->state.source.IsGap("repositories.team_permissions"));
    for (const Member& m : r->state.members) CHECK(m.teams.empty());
  }
}

TEST_CASE("A team named in `groups` but missing from the team list") {
  fake_hub::Options o;
  o.hidden_teams = {"readers"};
  Harness h(o);
  absl::StatusOr<hub::FetchResult> r = h.Fetch();
  REQUIRE_MESSAGE(r.ok(), r.status().message());
  CHECK(r->state.source.complete);
  CHECK(r->state.FindTeam("readers") == nullptr);
  CHECK(r->state.FindMember("gina")->teams.empty());
  REQUIRE(r->report.warnings.size() == 1);
  CHECK(r->report.warnings[0] ==
        "the member list names team `readers`, which the team list does not "
        "have; that membership is left out");
}

TEST_CASE("Unknown organization, bad credentials, nothing listening") {
  {
    Harness h;
    h.options.org = "nosuchorg";
    absl::StatusOr<hub::FetchResult> r = h.Fetch();
    CHECK(absl::IsNotFound(r.status()));
    CHECK(Message(r) ==
          Cat("organization `nosuchorg` not found: members: GET ",
              h.hub->base_url(),
              "/v2/orgs/nosuchorg/members?page=1&page_size=100: 404 Not Found "
              "(not found)"));
  }
  {
    Harness h;
    h.credentials.secret = hub::Secret("wrong");
    absl::StatusOr<hub::FetchResult> r = h.Fetch();
    CHECK(absl::IsUnauthenticated(r.status()));
    CHECK(Message(r) ==
          Cat("auth: POST ", h.hub->base_url(),
              "/v2/auth/token: 401 Unauthorized (unauthorized): the Docker Hub "
              "API refused the credentials of `dan` (from the test)"));
  }
  {
    Harness h;
    REQUIRE(h.hub->Start().ok());
    std::string url = h.hub->base_url();
    h.hub->Stop();  // nothing listens there any more
    h.options.api_url = url;
    absl::StatusOr<hub::FetchResult> r = h.Fetch();
    std::string message = Message(r);
    CHECK(message.starts_with(Cat("auth: POST ", url,
                                  "/v2/auth/token: cannot connect (connection "
                                  "refused or unreachable: ")));
    CHECK(message.ends_with(") after 5 attempts"));
  }
}

TEST_CASE("A redirect to another host never carries the token there") {
  // A second server on another loopback address stands for the other host.
  fake_hub::Options trap_options;
  trap_options.host = "127.0.0.2";
  fake_hub::FakeHub trap(trap_options);
  REQUIRE(trap.Start().ok());
  Harness h;
  h.hub->AddFault({.endpoint = "settings",
                   .fault = Fault::kRedirectOtherHost,
                   .other_host = trap.base_url()});
  h.hub->AddFault({.endpoint = "members",
                   .fault = Fault::kNextOtherHost,
                   .query_contains = "role=editor",
                   .other_host = trap.base_url()});
  absl::StatusOr<hub::FetchResult> r = h.Fetch();
  CHECK_FALSE(r.ok());
  CHECK(trap.requests().empty());
  trap.Stop();
}

TEST_CASE("Plain HTTP only to loopback") {
  hub::FetchOptions o;
  o.org = "x";
  o.api_url = "http://hub.example.com";
  hub::Credentials c;
  hub::FetchResult* unused = nullptr;
  (void)unused;
  FakeClock clock(absl::UnixEpoch());
  std::unique_ptr<hub::HttpClient> http = hub::NewCurlHttpClient();
  absl::StatusOr<hub::FetchResult> r = hub::FetchOrg(o, c, *http, clock);
  CHECK(Message(r) ==
        "`http://hub.example.com`: plain HTTP would send the credentials in "
        "the clear; use https (plain http is accepted only for a loopback "
        "address)");
  CHECK(hub::CheckApiUrl("http://localhost:8080").ok());
  CHECK(hub::CheckApiUrl("https://hub.docker.com").ok());
  CHECK_FALSE(hub::CheckApiUrl("https://hub.docker.com/v2/").ok());
}

}  // namespace
}  // namespace hublint::testing
