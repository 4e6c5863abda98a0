#ifndef HUBLINT_HUB_COLLECTOR_H_
#define HUBLINT_HUB_COLLECTOR_H_

// Collects one organization's state from the Docker Hub API into an
// OrgState (source.kind "dockerhub-api"), the engine of `hublint fetch` and
// `hublint scan`.
//
// What it reads (docs/collection.md has the details and the credentials
// each needs):
//   members            GET /v2/orgs/{org}/members, all pages; editors from
//                      ?role=editor; roles lower-cased
//   invites            GET /v2/orgs/{org}/invites
//   teams              GET /v2/orgs/{org}/groups, then each team's
//                      /groups/{team}/members
//   repositories       GET /v2/namespaces/{org}/repositories, then each
//                      repository (immutable tags)
//   team grants        GET /v2/repositories/{org}/{repo}/groups/ per
//                      repository; where the API lacks that list, GET
//                      .../groups/{group_id}/ per team and repository
//                      (404 = no grant)
//   tokens             GET /v2/orgs/{org}/access-tokens and each token (its
//                      resources); GET /v2/access-tokens (the caller's own
//                      personal tokens)
//   settings           GET /v2/orgs/{org}/settings (Image Access
//                      Management), .../settings/registry-access-management
//   audit events       GET /v2/auditlogs/{org}?from=..., when asked
//
// Lists are read with the largest page size (100). Page 1 gives `count`,
// and the remaining pages are requested in parallel by number; each page's
// `next` link must point to the following page on the API's own origin (a
// loop or another host fails the collection), and the items must add up to
// `count`. Nothing is requested twice.
//
// Failures. A part the API refuses (403) becomes a gap named after the part
// (docs/state-format.md) and the state is marked incomplete. Everything else
// that stops a part from being read completely -- bad credentials, an
// unknown organization, retries exhausted, an answer that is not the JSON
// it should be, a paging inconsistency -- fails the whole collection with a
// message naming the endpoint, the URL and the reason: a state that looks
// complete is never returned unless it is.
//
// One refusal is normal: the API does not list personal access tokens to a
// login made with an access token. That part is recorded as a gap
// (`access_tokens.personal`) but does not make the state incomplete: no
// credential can list other users' personal tokens anyway, so rules that
// need them always give review results.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "lint/hub/credentials.h"
#include "lint/hub/http_client.h"
#include "lint/hub/hub_session.h"
#include "lint/model/org_state.h"
#include "lint/util/clock.h"

namespace hublint::hub {

inline constexpr char kDefaultApiUrl[] = "https://hub.docker.com";

struct FetchOptions {
  // The API's base URL: https, or http to a loopback address only.
  std::string api_url = kDefaultApiUrl;
  std::string org;  // required
  // Requests in flight at once.
  int concurrency = 8;
  // Page size asked of every list: the largest the API accepts (the
  // repository list documents 100 as its maximum; the others do not say,
  // and 100 is what they accept).
  int page_size = 100;
  // A list longer than this many pages fails (guards against a server that
  // pages forever).
  int max_pages = 100000;
  // Read the audit log from this moment on; nullopt: do not read it.
  std::optional<absl::Time> audit_since;
  SessionOptions session;
};

// Told what happens, for progress lines. Calls come from worker threads,
// one at a time (the collector serializes them).
class FetchProgress {
 public:
  virtual ~FetchProgress() = default;
  // A page or single answer of `endpoint` arrived with `items` items.
  virtual void OnPage(const std::string& endpoint, size_t items) = 0;
  // `endpoint` has everything it will get.
  virtual void OnEndpointDone(const std::string& endpoint, int64_t pages,
                              int64_t items, absl::Duration elapsed) = 0;
  virtual void OnRateLimitWait(absl::Duration wait) = 0;
  virtual void OnRetry(const std::string& url, const std::string& reason) = 0;
  // The collection is over (successfully or not); clear any live line.
  virtual void OnFinished() = 0;
};

struct EndpointStats {
  std::string name;
  int64_t pages = 0;  // answers that counted (a 404 "no grant" counts)
  int64_t items = 0;
  absl::Duration elapsed;
};

struct FetchReport {
  std::vector<EndpointStats> endpoints;  // in the order they finished
  SessionStats session;
  // How team grants were read: "per-repository list", "per team and
  // repository", or "not read".
  std::string grant_strategy;
  // Things worth saying that are not failures (repaired UTF-8, ...).
  std::vector<std::string> warnings;
};

struct FetchResult {
  OrgState state;  // finalized
  FetchReport report;
};

// Collects the organization. `clock` is used from every worker thread (both
// RealClock and FakeClock are thread-safe). Errors: kInvalidArgument for
// unusable options (a plain-http URL to a remote host, ...), kUnauthenticated
// for refused credentials, kNotFound for an unknown organization, and other
// codes for failures that left a part unread; the message names the endpoint,
// the URL and the reason, never a secret.
absl::StatusOr<FetchResult> FetchOrg(const FetchOptions& options,
                                     const Credentials& credentials,
                                     HttpClient& http, Clock& clock,
                                     FetchProgress* progress = nullptr);

// Checks an API base URL: absolute, https, or http to a loopback address;
// no path beyond "/". Returns the parsed origin.
absl::StatusOr<ParsedUrl> CheckApiUrl(const std::string& api_url);

}  // namespace hublint::hub

#endif  // HUBLINT_HUB_COLLECTOR_H_
