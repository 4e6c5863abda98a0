// The fake Docker Hub itself: the API's envelopes, paging limits, error
// bodies and rate-limit headers, as clients see them on the wire.

#include "tests/fake_hub/fake_hub.h"

#include <doctest/doctest.h>

#include "lint/hub/api_decode.h"
#include "lint/hub/curl_http_client.h"
#include "lint/util/strings.h"
#include "simdjson.h"
#include "tests/fake_hub/generate_org.h"

namespace hublint::fake_hub {
namespace {

struct Fixture {
  Fixture() {
    GenerateOptions g;
    g.members = 250;
    g.repositories = 12;
    g.teams = 4;
    hub.AddOrg(GenerateOrg(g));
    hub.AddAccount("user00000", "pw", AccountKind::kPassword);
    hub.AddAccount("user00000-pat", "dckr_pat_x",
                   AccountKind::kPersonalAccessToken);
    REQUIRE(hub.Start().ok());
    jwt = Login("user00000", "pw");
  }
  std::string Login(const std::string& id, const std::string& secret) {
    hub::HttpRequest r;
    r.method = "POST";
    r.url = Cat(hub.base_url(), "/v2/auth/token");
    r.body = Cat(R"({"identifier":")", id, R"(","secret":")", secret, "\"}");
    absl::StatusOr<hub::HttpResponse> a = http->Send(r);
    REQUIRE(a.ok());
    REQUIRE(a->status == 200);
    return hub::DecodeAuthToken(a->body).value();
  }
  hub::HttpResponse Get(const std::string& path, const std::string& token) {
    hub::HttpRequest r;
    r.url = Cat(hub.base_url(), path);
    if (!token.empty())
      r.headers.push_back({"Authorization", "Bearer " + token});
    absl::StatusOr<hub::HttpResponse> a = http->Send(r);
    REQUIRE(a.ok());
    return *a;
  }
  hub::HttpResponse Get(const std::string& path) { return Get(path, jwt); }

  FakeHub hub{Options{}};
  std::unique_ptr<hub::HttpClient> http = hub::NewCurlHttpClient();
  std::string jwt;
};

TEST_CASE(
    "Pages: count, absolute next links, clamped sizes, 404 past the end") {
  Fixture f;
  hub::HttpResponse r = f.Get("/v2/orgs/bigorg/members?page_size=500");
  CHECK(r.status == 200);
  absl::StatusOr<hub::Page<Member>> page = hub::DecodeMembersPage(r.body);
  REQUIRE(page.ok());
  CHECK(page->envelope.count == 250);
  CHECK(page->items.size() == 100);  // clamped to the largest page
  CHECK(page->envelope.next ==
        Cat(f.hub.base_url(), "/v2/orgs/bigorg/members?page=2&page_size=100"));
  r = f.Get("/v2/orgs/bigorg/members?page=3&page_size=100");
  CHECK(hub::DecodeMembersPage(r.body)->items.size() == 50);
  CHECK(hub::DecodeMembersPage(r.body)->envelope.next == std::nullopt);
  r = f.Get("/v2/orgs/bigorg/members?page=4&page_size=100");
  CHECK(r.status == 404);
  CHECK(r.body == R"({"errinfo":{},"message":"page not found"})");
  // Default page size 10, and filters keep to their role.
  r = f.Get("/v2/orgs/bigorg/members?role=owner");
  page = hub::DecodeMembersPage(r.body);
  CHECK(page->envelope.count == 3);
  for (const Member& m : page->items) CHECK(m.role == "owner");
  r = f.Get("/v2/orgs/bigorg/members?page=0");
  CHECK(r.status == 400);
}

TEST_CASE("Envelopes: total for organization tokens, data for invites") {
  Fixture f;
  hub::HttpResponse r = f.Get("/v2/orgs/bigorg/access-tokens?page_size=100");
  CHECK(r.body.starts_with(R"({"total":20,"next":null,"previous":null,)"));
  r = f.Get("/v2/orgs/bigorg/invites");
  CHECK(r.body.starts_with(R"({"data":[{"id":)"));
  r = f.Get("/v2/access-tokens");
  CHECK(r.body.starts_with(R"({"count":5,"active_count":5,)"));
}

TEST_CASE("Errors and rate-limit headers") {
  Fixture f;
  hub::HttpResponse r = f.Get("/v2/orgs/bigorg/members", "");
  CHECK(r.status == 401);
  CHECK(r.body == R"({"errinfo":{},"message":"unauthorized"})");
  CHECK(r.Header("X-RateLimit-Limit") == "100000");
  CHECK(r.Header("X-RateLimit-Remaining").has_value());
  CHECK(r.Header("X-RateLimit-Reset").has_value());
  r = f.Get("/v2/orgs/nosuch/members");
  CHECK(r.status == 404);
  CHECK(r.body == R"({"errinfo":{},"message":"not found"})");
  std::string pat_jwt = f.Login("user00000-pat", "dckr_pat_x");
  r = f.Get("/v2/access-tokens", pat_jwt);
  CHECK(r.status == 403);
  CHECK(
      r.body ==
      R"({"detail":"token issued from personal access token is not allowed","message":"token issued from personal access token is not allowed"})");
  f.hub.AddFault({.endpoint = "settings",
                  .fault = Fault::kRetryAfter,
                  .retry_after_seconds = 7});
  r = f.Get("/v2/orgs/bigorg/settings");
  CHECK(r.status == 429);
  CHECK(r.Header("Retry-After") == "7");
  CHECK(f.Get("/v2/orgs/bigorg/settings").status == 429);
  CHECK(f.hub.early_requests() == 1);
}

TEST_CASE("Every request is logged with its endpoint") {
  Fixture f;
  f.Get("/v2/namespaces/bigorg/repositories/repo-0001");
  f.Get("/v2/repositories/bigorg/repo-0001/groups/");
  std::vector<LoggedRequest> log = f.hub.requests();
  REQUIRE(log.size() == 3);  // the login, two GETs
  CHECK(log[1].endpoint == "repository");
  CHECK(log[2].endpoint == "repository_groups");
  CHECK(log[2].target == "/v2/repositories/bigorg/repo-0001/groups/");
  CHECK(log[2].authorized);
}

}  // namespace
}  // namespace hublint::fake_hub
