#include "lint/hub/hub_session.h"

#include <doctest/doctest.h>

#include <deque>
#include <functional>

#include "absl/synchronization/mutex.h"
#include "lint/util/strings.h"

namespace hublint::hub {
namespace {

// An HttpClient that answers from a script and records what it was sent.
class ScriptedHttpClient : public HttpClient {
 public:
  using Answer =
      std::function<absl::StatusOr<HttpResponse>(const HttpRequest&)>;
  void Then(Answer a) { script_.push_back(std::move(a)); }
  void Then(int status, std::string body = "{}",
            std::vector<HttpHeader> headers = {}) {
    Then([=](const HttpRequest&) -> absl::StatusOr<HttpResponse> {
      return HttpResponse{status, headers, body};
    });
  }
  absl::StatusOr<HttpResponse> Send(const HttpRequest& request) override {
    absl::MutexLock lock(&mu_);
    sent.push_back(request);
    if (script_.empty()) return absl::InternalError("script exhausted");
    Answer a = std::move(script_.front());
    script_.pop_front();
    return a(request);
  }
  std::vector<HttpRequest> sent;

 private:
  absl::Mutex mu_;
  std::deque<Answer> script_;
};

// A JWT whose payload is {"exp": exp}.
std::string Jwt(int64_t exp) {
  std::string payload = Cat(R"({"exp":)", exp, "}");
  static constexpr char kChars[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string b64;
  uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : payload) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      b64.push_back(kChars[(buffer >> bits) & 63]);
    }
  }
  if (bits > 0) b64.push_back(kChars[(buffer << (6 - bits)) & 63]);
  return Cat("e30.", b64, ".sig");
}

std::string TokenBody(const std::string& jwt) {
  return Cat(R"({"access_token":")", jwt, "\"}");
}

struct Fixture {
  Fixture() {
    creds.username = "dan";
    creds.secret = Secret("s3cret");
    creds.source = "the test";
  }
  HubSession Session() {
    return HubSession(*ParseUrl("https://hub.example"), creds, http, clock,
                      options);
  }
  const absl::Time start = absl::FromUnixSeconds(1795658400);
  FakeClock clock{start};
  ScriptedHttpClient http;
  Credentials creds;
  SessionOptions options;
};

TEST_CASE("Login sends identifier and secret, then the JWT as Bearer") {
  Fixture f;
  std::string jwt = Jwt(1795658400 + 600);
  f.http.Then(200, TokenBody(jwt));
  f.http.Then(200, R"({"ok":true})");
  HubSession s = f.Session();
  REQUIRE(s.Login().ok());
  absl::StatusOr<HttpResponse> r = s.Get("https://hub.example/v2/x");
  REQUIRE(r.ok());
  REQUIRE(f.http.sent.size() == 2);
  CHECK(f.http.sent[0].method == "POST");
  CHECK(f.http.sent[0].url == "https://hub.example/v2/auth/token");
  CHECK(f.http.sent[1].headers[0].name == "Authorization");
  CHECK(f.http.sent[1].headers[0].value == Cat("Bearer ", jwt));
}

TEST_CASE("The JWT is renewed a minute before exp, or after ten minutes") {
  Fixture f;
  f.http.Then(200, TokenBody(Jwt(1795658400 + 120)));
  f.http.Then(200);
  f.http.Then(200, TokenBody(Jwt(1795658400 + 600)));
  f.http.Then(200);
  HubSession s = f.Session();
  REQUIRE(s.Get("https://hub.example/v2/a").ok());  // logs in first
  f.clock.Advance(absl::Seconds(61));               // 59 s left: renew
  REQUIRE(s.Get("https://hub.example/v2/b").ok());
  CHECK(s.stats().logins == 2);

  Fixture g;  // no exp: ten minutes assumed
  g.http.Then(200, TokenBody("opaque"));
  g.http.Then(200);
  g.http.Then(200);
  g.http.Then(200, TokenBody("opaque2"));
  g.http.Then(200);
  HubSession t = g.Session();
  REQUIRE(t.Get("https://hub.example/v2/a").ok());
  g.clock.Advance(absl::Minutes(8));
  REQUIRE(t.Get("https://hub.example/v2/b").ok());
  CHECK(t.stats().logins == 1);
  g.clock.Advance(absl::Minutes(1) + absl::Seconds(1));
  REQUIRE(t.Get("https://hub.example/v2/c").ok());
  CHECK(t.stats().logins == 2);
}

TEST_CASE("Redirects: followed on the same origin, refused elsewhere") {
  Fixture f;
  f.http.Then(200, TokenBody(Jwt(1795658400 + 600)));
  f.http.Then(301, "", {{"location", "/v2/moved"}});
  f.http.Then(302, "", {{"location", "https://hub.example/v2/final"}});
  f.http.Then(200, R"({"here":1})");
  f.http.Then(302, "", {{"location", "https://evil.example/v2/x"}});
  HubSession s = f.Session();
  absl::StatusOr<HttpResponse> r = s.Get("https://hub.example/v2/start");
  REQUIRE(r.ok());
  CHECK(r->body == R"({"here":1})");
  CHECK(f.http.sent[2].url == "https://hub.example/v2/moved");
  CHECK(f.http.sent[3].url == "https://hub.example/v2/final");
  r = s.Get("https://hub.example/v2/other");
  CHECK(absl::IsPermissionDenied(r.status()));
  CHECK(r.status().message() ==
        "302 redirect to another host (https://evil.example): not followed, "
        "the credentials stay with https://hub.example");
  for (const HttpRequest& req : f.http.sent) {
    CHECK(req.url.find("evil") == std::string::npos);
  }
}

TEST_CASE("Retries: bounded, with backoff; 429 waits do not count") {
  Fixture f;
  f.http.Then(200, TokenBody(Jwt(1795658400 + 3600)));
  for (int i = 0; i < 5; ++i) f.http.Then(503);
  HubSession s = f.Session();
  absl::StatusOr<HttpResponse> r = s.Get("https://hub.example/v2/x");
  CHECK(r.status().message() == "503 Service Unavailable after 5 attempts");
  CHECK(f.http.sent.size() == 6);
  // 0.25 + 0.5 + 1 + 2 s of backoff.
  CHECK(f.clock.Now() - f.start == absl::Milliseconds(3750));

  Fixture g;
  g.http.Then(200, TokenBody(Jwt(1795658400 + 3600)));
  g.http.Then(429, R"({"detail":"Rate limit exceeded"})");  // no Retry-After
  g.http.Then(429, "{}", {{"retry-after", "3"}});
  g.http.Then([](const HttpRequest&) -> absl::StatusOr<HttpResponse> {
    return absl::UnavailableError("connection reset");
  });
  g.http.Then(200);
  HubSession t = g.Session();
  REQUIRE(t.Get("https://hub.example/v2/x").ok());
  CHECK(t.stats().rate_limit_waits == 2);
  CHECK(t.stats().retries == 1);

  Fixture h;
  h.http.Then(200, TokenBody(Jwt(1795658400 + 3600)));
  h.http.Then(429, "{}", {{"retry-after", "3600"}});
  HubSession u = h.Session();
  r = u.Get("https://hub.example/v2/x");
  CHECK(r.status().message() ==
        "429 Too Many Requests: asked to wait 3600 s, longer than the longest "
        "wait allowed (300 s)");
}

TEST_CASE("401: one fresh login, then the error") {
  Fixture f;
  f.http.Then(200, TokenBody(Jwt(1795658400 + 600)));
  f.http.Then(401, R"({"message":"unauthorized"})");
  f.http.Then(200, TokenBody(Jwt(1795658400 + 600)));
  f.http.Then(401, R"({"message":"unauthorized"})");
  HubSession s = f.Session();
  absl::StatusOr<HttpResponse> r = s.Get("https://hub.example/v2/x");
  CHECK(absl::IsUnauthenticated(r.status()));
  CHECK(r.status().message() ==
        "401 Unauthorized (unauthorized) even after a fresh login");
  CHECK(s.stats().logins == 2);
}

}  // namespace
}  // namespace hublint::hub
