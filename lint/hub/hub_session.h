#ifndef HUBLINT_HUB_HUB_SESSION_H_
#define HUBLINT_HUB_HUB_SESSION_H_

// A logged-in conversation with the Docker Hub API: POST /v2/auth/token,
// then GETs with `Authorization: Bearer <jwt>`, the JWT renewed before it
// expires (the API gives ten minutes) and once more on a 401. Every GET is
// retried on transient failures (5xx, connection refused or reset,
// timeouts) with exponential backoff, a bounded number of times; a 429
// waits for Retry-After, and an answer that spends the quota
// (X-RateLimit-Remaining: 0) holds every request until X-RateLimit-Reset.
// Redirects are followed only within the API's origin: the token never goes
// to another host.
//
// Thread-safe: the collector calls Get() from every worker.
//
// Secrets: the token and the JWT go into the login body and the
// Authorization header, and nowhere else; no message holds them.

#include <cstdint>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "lint/hub/credentials.h"
#include "lint/hub/http_client.h"
#include "lint/hub/secret.h"
#include "lint/hub/url.h"
#include "lint/util/clock.h"

namespace hublint::hub {

struct SessionOptions {
  // Attempts per request for transient failures (5xx, transport errors).
  int max_attempts = 5;
  // Backoff before the second attempt; doubled each time, up to max_backoff.
  absl::Duration initial_backoff = absl::Milliseconds(250);
  absl::Duration max_backoff = absl::Seconds(8);
  // A rate-limit wait longer than this fails the request instead.
  absl::Duration max_rate_limit_wait = absl::Minutes(5);
  // 429 answers accepted for one request before giving up.
  int max_rate_limited_answers = 10;
  // Log in again when the JWT has less than this left.
  absl::Duration token_renew_margin = absl::Seconds(60);
  // Lifetime assumed for a JWT without an `exp` claim.
  absl::Duration assumed_token_lifetime = absl::Minutes(10);
  int max_redirects = 3;
};

struct SessionStats {
  int64_t requests = 0;          // HTTP requests sent, logins and retries too
  int64_t logins = 0;            // POST /v2/auth/token
  int64_t retries = 0;           // attempts after a transient failure
  int64_t rate_limit_waits = 0;  // pauses for 429 or a spent quota
  absl::Duration rate_limit_wait_time;
  int64_t duplicate_gets = 0;  // GETs of a URL already answered (must be 0)
  int64_t bytes = 0;           // answer bodies
};

// Told about waits and retries as they happen (progress lines).
class SessionObserver {
 public:
  virtual ~SessionObserver() = default;
  virtual void OnRateLimitWait(absl::Duration wait) = 0;
  virtual void OnRetry(const std::string& url, const std::string& reason) = 0;
};

class HubSession {
 public:
  // `api` is the API's origin (https://hub.docker.com).
  HubSession(ParsedUrl api, Credentials credentials, HttpClient& http,
             Clock& clock, const SessionOptions& options,
             SessionObserver* observer = nullptr);

  // Logs in. kUnauthenticated when the API refuses the credentials; other
  // codes as for Get(). The message starts with "POST <url>: ".
  absl::Status Login();

  // GETs `url`, which must be on the API's origin. Returns the answer for
  // 2xx and for 4xx statuses other than 401 and 429 (the caller decides what
  // a 403 or 404 means for its endpoint). Errors, with a message that does
  // not name the URL (the caller does):
  //   kUnauthenticated     401 even after a fresh login
  //   kUnavailable         5xx or a transport failure, after every attempt
  //   kDeadlineExceeded    timeouts, after every attempt
  //   kResourceExhausted   an answer larger than the client's bound; a rate
  //                        limit longer than max_rate_limit_wait
  //   kPermissionDenied    a redirect to another origin (not followed)
  //   others               from the HttpClient (TLS, ...)
  absl::StatusOr<HttpResponse> Get(const std::string& url);

  SessionStats stats() const;
  const ParsedUrl& api() const { return api_; }

 private:
  struct Token {
    Secret jwt;
    uint64_t generation = 0;
  };
  absl::Status LoginLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(token_mu_);
  absl::StatusOr<Token> CurrentToken();
  absl::Status Renew(uint64_t seen_generation);
  // Sends one request with retries for transient failures and 429s.
  absl::StatusOr<HttpResponse> Exchange(const HttpRequest& request);
  void WaitForQuota();
  void HoldUntil(absl::Time when);
  absl::Duration Backoff(int attempt) const;

  const ParsedUrl api_;
  const Credentials credentials_;
  HttpClient& http_;
  Clock& clock_;
  const SessionOptions options_;
  SessionObserver* const observer_;

  absl::Mutex token_mu_;
  Token token_ ABSL_GUARDED_BY(token_mu_);
  absl::Time token_expiry_ ABSL_GUARDED_BY(token_mu_) = absl::InfinitePast();

  mutable absl::Mutex mu_;
  absl::Time not_before_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
  SessionStats stats_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_set<std::string> answered_ ABSL_GUARDED_BY(mu_);
};

// "404 Not Found", "503 Service Unavailable", "418".
std::string StatusLine(int status);

}  // namespace hublint::hub

#endif  // HUBLINT_HUB_HUB_SESSION_H_
