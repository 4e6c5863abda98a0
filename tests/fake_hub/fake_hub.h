#ifndef HUBLINT_TESTS_FAKE_HUB_FAKE_HUB_H_
#define HUBLINT_TESTS_FAKE_HUB_FAKE_HUB_H_

// A fake Docker Hub API for tests and benchmarks: a real HTTP(S) server on
// 127.0.0.1 (cpp-httplib) serving organizations built from
// `hublint/state/v1` states, translated into the API's shapes and quirks
// (capitalized roles, `groups`, `is_guest`, `count` vs `total` envelopes,
// `{"data": [...]}` for invites, absolute `next`/`previous` links, the
// error bodies of ../shared/reference/docker-hub-api/latest.yaml and the
// rate-limit headers). Its answers are validated against the OpenAPI spec
// by tests/node/validate-hub-responses.mjs.
//
// Every endpoint can be made to misbehave (FaultRule), and every request
// can be slowed down (Options::latency) for benchmarks.
//
//   FakeHub hub({});
//   hub.AddOrg(state);
//   hub.AddAccount("dan", "s3cret", AccountKind::kPassword);
//   hub.AddFault({.endpoint = "members", .fault = Fault::kStatus,
//                 .status = 503, .times = 2});
//   ASSERT_TRUE(hub.Start().ok());
//   ... FetchOrg({.api_url = hub.base_url(), .org = "contoso"}, ...)

#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "lint/model/org_state.h"
#include "lint/util/clock.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace hublint::fake_hub {

// Endpoint names used by fault rules and the request log.
//   auth                       POST /v2/auth/token
//   members                    GET /v2/orgs/{org}/members
//   invites                    GET /v2/orgs/{org}/invites
//   groups                     GET /v2/orgs/{org}/groups
//   group_members              GET /v2/orgs/{org}/groups/{group}/members
//   repositories               GET /v2/namespaces/{ns}/repositories
//   repository                 GET /v2/namespaces/{ns}/repositories/{repo}
//   repository_groups          GET /v2/repositories/{ns}/{repo}/groups/
//   repository_group           GET /v2/repositories/{ns}/{repo}/groups/{id}/
//   org_access_tokens          GET /v2/orgs/{org}/access-tokens
//   org_access_token           GET /v2/orgs/{org}/access-tokens/{id}
//   access_tokens              GET /v2/access-tokens
//   settings                   GET /v2/orgs/{org}/settings
//   registry_access_management GET
//   /v2/orgs/{org}/settings/registry-access-management auditlogs GET
//   /v2/auditlogs/{account}

enum class AccountKind {
  kPassword,                 // a Docker ID's password
  kPersonalAccessToken,      // a PAT: /v2/access-tokens answers 403
  kOrganizationAccessToken,  // an OAT; the identifier is the org's name
};

enum class Fault {
  kStatus,             // answer `status` with the API's error body
  kRetryAfter,         // 429 with Retry-After: retry_after_seconds
  kQuotaSpent,         // answer, but with X-RateLimit-Remaining: 0 and a
                       // reset retry_after_seconds away; earlier requests
                       // get 429
  kResetMidBody,       // send half the body, then close the connection
  kDelay,              // wait `delay` before answering
  kTruncatedJson,      // half the body, with a matching Content-Length
  kInvalidJson,        // a body that is not JSON
  kWrongShape,         // valid JSON of the wrong shape
  kInvalidUtf8,        // an invalid UTF-8 byte inside a string
  kNextLoop,           // the `next` link points back to page 1
  kNextOtherHost,      // the `next` link points to `other_host`
  kRedirectOtherHost,  // 302 to the same path on `other_host`
  kOversize,           // a chunked body of `oversize_bytes`
  kPagePastEnd,        // the last page links to one more page, which
                       // answers 404
};

struct FaultRule {
  std::string endpoint;  // an endpoint name above, or "*"
  Fault fault = Fault::kStatus;
  int status = 500;             // kStatus
  int page = 0;                 // only this page number; 0: any
  std::string query_contains;   // only requests whose query has this
  int times = 1;                // requests affected; -1: all
  int retry_after_seconds = 1;  // kRetryAfter, kQuotaSpent
  absl::Duration delay;         // kDelay
  std::string other_host;       // kNextOtherHost, kRedirectOtherHost:
                                // "http://127.0.0.2:PORT"
  size_t oversize_bytes = 0;    // kOversize
};

struct LoggedRequest {
  std::string method;
  std::string endpoint;  // "" for an unknown route
  std::string target;    // path and query
  int status = 0;
  bool authorized = false;  // carried a valid bearer token
};

struct Options {
  std::string host = "127.0.0.1";
  int port = 0;  // 0: any free port
  // Added to every request before it is answered.
  absl::Duration latency;
  // HTTPS with this certificate and key (PEM files); empty: plain HTTP.
  std::string cert_file;
  std::string key_file;
  // Lifetime of the JWTs POST /v2/auth/token issues.
  absl::Duration jwt_lifetime = absl::Minutes(10);
  // Whether the undocumented per-repository groups list exists; without it
  // clients must ask /groups/{id}/ per team.
  bool repository_groups_list = true;
  // What the unfiltered member list says for an editor ("Editor"; the
  // spec's enum lacks it, so a real server may say "Member").
  std::string editor_label = "Editor";
  // Teams left out of the groups list (still named in members' `groups`),
  // as a team hidden from the login or created mid-collection would be.
  std::vector<std::string> hidden_teams;
  // The largest page_size honoured; larger requests are clamped.
  int max_page_size = 100;
  // Requests per minute announced in X-RateLimit-Limit.
  int rate_limit_per_minute = 100000;
  // Clock for JWT expiry and rate-limit windows; nullptr: the real clock.
  Clock* clock = nullptr;
  // Worker threads (each keep-alive connection holds one).
  int threads = 64;
};

class FakeHub {
 public:
  explicit FakeHub(Options options);
  ~FakeHub();
  FakeHub(const FakeHub&) = delete;
  FakeHub& operator=(const FakeHub&) = delete;

  // Serves `state` as organization state.org_name. Before Start().
  void AddOrg(const OrgState& state);
  // Accepts `identifier` and `secret` at POST /v2/auth/token.
  void AddAccount(const std::string& identifier, const std::string& secret,
                  AccountKind kind);
  // Fault rules may be added at any time; the first matching rule applies.
  void AddFault(FaultRule rule);
  void ClearFaults();

  absl::Status Start();
  void Stop();

  // "http://127.0.0.1:PORT" (https when serving TLS).
  std::string base_url() const;
  int port() const { return port_; }

  std::vector<LoggedRequest> requests() const;
  // Requests that arrived while a 429 or a spent quota said to wait.
  int early_requests() const { return early_requests_.load(); }
  // Requests made with an expired JWT.
  int expired_token_uses() const { return expired_token_uses_.load(); }
  int logins() const { return logins_.load(); }
  // Every JWT issued so far (tests check none leaks into an output).
  std::vector<std::string> issued_tokens() const;

 private:
  struct OrgData;
  struct Account {
    std::string secret;
    AccountKind kind;
  };
  struct Session {
    std::string identifier;
    AccountKind kind;
    absl::Time expires;
  };
  struct Reply;

  void Route();
  void Handle(const std::string& endpoint, const httplib::Request& req,
              httplib::Response& res);
  bool Authorize(const httplib::Request& req, Session* session);
  const OrgData* FindOrg(const std::string& name) const;
  absl::Time Now() const;
  // Interruptible sleep (Stop() ends it).
  void Pause(absl::Duration d);
  void Log(const httplib::Request& req, const httplib::Response& res);

  Options options_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
  RealClock real_clock_;
  Clock* clock_;

  std::map<std::string, std::unique_ptr<OrgData>> orgs_;
  std::map<std::string, Account> accounts_;

  mutable std::mutex mu_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;
  std::vector<FaultRule> faults_;
  std::map<std::string, Session> sessions_;  // by JWT
  std::vector<LoggedRequest> log_;
  absl::Time blocked_until_ = absl::InfinitePast();
  int64_t window_minute_ = 0;
  int window_count_ = 0;
  uint64_t jwt_counter_ = 0;
  std::atomic<int> early_requests_{0};
  std::atomic<int> expired_token_uses_{0};
  std::atomic<int> logins_{0};
};

}  // namespace hublint::fake_hub

#endif  // HUBLINT_TESTS_FAKE_HUB_FAKE_HUB_H_
