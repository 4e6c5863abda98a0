#include "lint/hub/url.h"

#include <doctest/doctest.h>

namespace hublint::hub {
namespace {

TEST_CASE("ParseUrl splits absolute http and https URLs") {
  absl::StatusOr<ParsedUrl> u =
      ParseUrl("https://Hub.Docker.com/v2/orgs/x/members?page=2&page_size=100");
  REQUIRE(u.ok());
  CHECK(u->scheme == "https");
  CHECK(u->host == "hub.docker.com");
  CHECK(u->port == 443);
  CHECK(u->path == "/v2/orgs/x/members");
  CHECK(u->query == "page=2&page_size=100");
  CHECK(u->Origin() == "https://hub.docker.com");

  absl::StatusOr<ParsedUrl> local = ParseUrl("http://127.0.0.1:8080");
  REQUIRE(local.ok());
  CHECK(local->path == "/");
  CHECK(local->Origin() == "http://127.0.0.1:8080");
  absl::StatusOr<ParsedUrl> v6 = ParseUrl("http://[::1]:9/x");
  REQUIRE(v6.ok());
  CHECK(v6->host == "::1");
  CHECK(v6->Origin() == "http://[::1]:9");
}

TEST_CASE("ParseUrl refuses what the collector must not follow") {
  struct Case {
    const char* url;
    const char* message;
  };
  const Case cases[] = {
      {"/v2/orgs",
       "`/v2/orgs` is not an absolute URL (expected https://HOST/...)"},
      {"ftp://x/", "`ftp://x/`: only http and https URLs are supported"},
      {"https://user:pw@evil/",
       "`https://user:pw@evil/`: user names and passwords in URLs are not "
       "accepted"},
      {"https://h:99999/", "`https://h:99999/`: bad port `99999`"},
      {"https:///x", "`https:///x`: no host"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.url);
    absl::StatusOr<ParsedUrl> u = ParseUrl(c.url);
    REQUIRE_FALSE(u.ok());
    CHECK(u.status().message() == c.message);
  }
}

TEST_CASE("Origins compare scheme, host and port") {
  ParsedUrl a = *ParseUrl("https://hub.docker.com/v2/a");
  CHECK(a.SameOrigin(*ParseUrl("https://hub.docker.com:443/v2/b?c=d")));
  CHECK_FALSE(a.SameOrigin(*ParseUrl("http://hub.docker.com/v2/a")));
  CHECK_FALSE(a.SameOrigin(*ParseUrl("https://hub.docker.com.evil/v2/a")));
  CHECK_FALSE(a.SameOrigin(*ParseUrl("https://hub.docker.com:8443/v2/a")));
}

TEST_CASE("Loopback hosts") {
  for (const char* h : {"localhost", "127.0.0.1", "127.1.2.3", "::1"}) {
    CAPTURE(h);
    CHECK(IsLoopbackHost(h));
  }
  for (const char* h : {"hub.docker.com", "128.0.0.1", "127.0.0.256",
                        "127.0.0.1.evil", "10.0.0.1", "localhost.evil"}) {
    CAPTURE(h);
    CHECK_FALSE(IsLoopbackHost(h));
  }
}

TEST_CASE("Query parameters and encoding") {
  CHECK(QueryParam("a=1&page=3&page_size=100", "page") == "3");
  CHECK(QueryParam("page_size=100", "page") == std::nullopt);
  CHECK(QueryParam("flag&page=", "page") == "");
  CHECK(UrlEncode("2026-11-01T00:00:00Z") == "2026-11-01T00%3A00%3A00Z");
  CHECK(UrlEncode("a b/c") == "a%20b%2Fc");
}

}  // namespace
}  // namespace hublint::hub
